// SPDX-License-Identifier: GPL-2.0
/*
 * The system calls that name files by path or by descriptor: open, openat, close, dup*, and
 * the helpers every path-taking call shares (getname, the base of a *at call, fdget).
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/fs_struct.h>
#include <kernel/gfp.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <uapi/fcntl.h>
#include <uapi/limits.h>

#include "internal.h"

/*
 * One PATH_MAX buffer kept per CPU between a putname and the next getname: every system call
 * that takes a path needs one, and a kmalloc and kfree of 4 KiB cost about 200 instructions
 * of the slab's locked paths, an eighth of a whole stat. A slot is taken and given back with
 * one atomic exchange, so a task that moves to another CPU in between only uses that CPU's
 * slot; a buffer that finds its slot full goes back to the slab. drop_caches empties them
 * (names_cache_drain), so that leak checks count no buffer as in use.
 */
static struct {
	char *name;
} __aligned(64) names_cache[NR_CPUS]; /* a cache line each: the CPUs never share one */

static char *name_buf_get(void)
{
	char *name =
		__atomic_exchange_n(&names_cache[smp_processor_id()].name, NULL, __ATOMIC_ACQUIRE);

	return name ? name : kmalloc(PATH_MAX, GFP_KERNEL);
}

void names_cache_drain(void)
{
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		kfree(__atomic_exchange_n(&names_cache[cpu].name, NULL, __ATOMIC_ACQUIRE));
}

/*
 * A path from user memory, in a PATH_MAX buffer (putname gives it back): -EFAULT for a bad
 * pointer, -ENAMETOOLONG for PATH_MAX bytes or more, -ENOENT for "", as Linux answers.
 */
char *getname(const char __user *filename)
{
	char *name = name_buf_get();
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0 || len == PATH_MAX || len == 0) {
		putname(name);
		return ERR_PTR(len < 0 ? -EFAULT : len ? -ENAMETOOLONG : -ENOENT);
	}
	return name;
}

void putname(char *name)
{
	char *old = NULL;

	if (!__atomic_compare_exchange_n(&names_cache[smp_processor_id()].name, &old, name, false,
					 __ATOMIC_RELEASE, __ATOMIC_RELAXED))
		kfree(name);
}

/* The file at fd in the caller's table, referenced (fput), or NULL. */
struct file *fget(unsigned int fd)
{
	if (!current->files || fd >= NR_OPEN_DEFAULT)
		return NULL;
	return fget_from(current->files, fd);
}

/*
 * Where a *at call starts a relative path: the working directory for AT_FDCWD, else the
 * directory open at dfd (base filled in and referenced, *file to fput). An absolute path
 * ignores dfd, as on Linux, but a bad dfd with a relative path is -EBADF.
 */
int at_base(int dfd, const char *name, struct path **base, struct file **file)
{
	*base = NULL;
	*file = NULL;
	if (dfd == AT_FDCWD || name[0] == '/')
		return 0;
	*file = fget(dfd);
	if (!*file)
		return -EBADF;
	if (!S_ISDIR((*file)->f_inode->i_mode)) {
		fput(*file);
		*file = NULL;
		return -ENOTDIR;
	}
	*base = &(*file)->f_path;
	return 0;
}

long sys_openat(int dfd, const char __user *filename, int flags, umode_t mode)
{
	struct file *dirf, *file;
	struct path *base;
	char *name;
	long fd;

	if (!current->files)
		return -EMFILE;
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	fd = at_base(dfd, name, &base, &dirf);
	if (fd)
		goto out_putname;
	file = filp_open_at(base, name, flags, mode);
	if (dirf)
		fput(dirf);
	if (IS_ERR(file)) {
		fd = PTR_ERR(file);
		goto out_putname;
	}
	fd = fd_install_from(current->files, file, 0, flags & O_CLOEXEC);
	if (fd < 0)
		fput(file);
out_putname:
	putname(name);
	return fd;
}

long sys_open(const char __user *filename, int flags, umode_t mode)
{
	return sys_openat(AT_FDCWD, filename, flags, mode);
}

long sys_close(unsigned int fd)
{
	if (!current->files || fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	return close_fd_in(current->files, fd);
}

long sys_dup(unsigned int fd)
{
	if (!current->files || fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	return dup_fd_in(current->files, fd, 0, false);
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (!current->files || oldfd >= NR_OPEN_DEFAULT)
		return -EBADF;
	/* A target at or above RLIMIT_NOFILE is -EBADF, as Linux's dup2/dup3. */
	if (newfd >= NR_OPEN_DEFAULT || newfd >= rlimit_nofile())
		return -EBADF;
	return dup3_in(current->files, oldfd, newfd, flags & O_CLOEXEC);
}

/* dup2 of a descriptor onto itself checks it and returns it, where dup3 says -EINVAL. */
long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd) {
		struct file *f = fget(oldfd);

		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return sys_dup3(oldfd, newfd, 0);
}

/* ---- the attribute calls by path or descriptor ------------------------------------- */

/*
 * The path at (dfd, filename), referenced: looked up with lookup (LOOKUP_FOLLOW or 0); with
 * AT_EMPTY_PATH in flags an empty name means dfd itself (or the working directory).
 */
int user_path_at(int dfd, const char __user *filename, unsigned int lookup, int flags,
		 struct path *path)
{
	struct file *dirf;
	struct path *base;
	char *name;
	int err;

	if (flags & AT_EMPTY_PATH) {
		char c;

		if (get_user(c, filename))
			return -EFAULT;
		if (!c) {
			if (dfd == AT_FDCWD) {
				get_fs_pwd(current->fs, path);
				return 0;
			}
			dirf = fget(dfd);
			if (!dirf)
				return -EBADF;
			*path = dirf->f_path;
			path_get(path);
			fput(dirf);
			return 0;
		}
	}
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = at_base(dfd, name, &base, &dirf);
	if (!err)
		err = kern_path_at(base, name, lookup, path);
	if (dirf)
		fput(dirf);
	putname(name);
	return err;
}

long sys_fchmodat(int dfd, const char __user *filename, umode_t mode)
{
	struct path path;
	long err = user_path_at(dfd, filename, LOOKUP_FOLLOW, 0, &path);

	if (err)
		return err;
	err = chmod_common(&path, mode);
	path_put(&path);
	return err;
}

long sys_chmod(const char __user *filename, umode_t mode)
{
	return sys_fchmodat(AT_FDCWD, filename, mode);
}

long sys_fchmod(unsigned int fd, umode_t mode)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = chmod_common(&file->f_path, mode);
	fput(file);
	return err;
}

long sys_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group, int flag)
{
	struct path path;
	long err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, (flag & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, flag,
			   &path);
	if (err)
		return err;
	err = chown_common(&path, user, group);
	path_put(&path);
	return err;
}

long sys_chown(const char __user *filename, uid_t user, gid_t group)
{
	return sys_fchownat(AT_FDCWD, filename, user, group, 0);
}

long sys_lchown(const char __user *filename, uid_t user, gid_t group)
{
	return sys_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(unsigned int fd, uid_t user, gid_t group)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = chown_common(&file->f_path, user, group);
	fput(file);
	return err;
}

long sys_truncate(const char __user *path, long length)
{
	struct path p;
	long err = user_path_at(AT_FDCWD, path, LOOKUP_FOLLOW, 0, &p);

	if (err)
		return err;
	err = length < 0 ? -EINVAL : vfs_truncate(&p, length);
	path_put(&p);
	return err;
}

long sys_ftruncate(unsigned int fd, unsigned long length)
{
	struct file *file;
	long err;

	if ((long)length < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	err = vfs_ftruncate(file, length);
	fput(file);
	return err;
}

#define FALLOC_FL_KEEP_SIZE 0x01

/*
 * fallocate: mode 0 and FALLOC_FL_KEEP_SIZE on a regular file. tmpfs keeps its data in the
 * page cache, so reserving is making the pages exist; mode 0 then extends the size. Punching
 * and the other modes are -EOPNOTSUPP, as on a file system without them.
 */
long sys_fallocate(int fd, int mode, loff_t offset, loff_t len)
{
	struct file *file;
	struct inode *inode;
	loff_t end;
	long err = 0;

	if (offset < 0 || len <= 0)
		return -EINVAL;
	/* Only allocation is supported; a hole punch (which Linux also refuses without
	 * FALLOC_FL_KEEP_SIZE) and the other modes are -EOPNOTSUPP. */
	if (mode & ~FALLOC_FL_KEEP_SIZE)
		return -EOPNOTSUPP;
	file = fget(fd);
	if (!file)
		return -EBADF;
	inode = file->f_inode;
	if (!(file->f_mode & FMODE_WRITE)) {
		err = -EBADF;
		goto out;
	}
	if (S_ISDIR(inode->i_mode)) {
		err = -EISDIR;
		goto out;
	}
	if (S_ISFIFO(inode->i_mode)) {
		err = -ESPIPE;
		goto out;
	}
	if (!S_ISREG(inode->i_mode)) {
		err = -ENODEV;
		goto out;
	}
	if (__builtin_add_overflow(offset, len, &end) || end > inode->i_sb->s_maxbytes) {
		err = -EFBIG;
		goto out;
	}
	if (inode->i_mapping->a_ops) {
		err = -EOPNOTSUPP; /* a file system with a backing store would need its own */
		goto out;
	}
	inode_lock(inode);
	for (loff_t idx = offset >> PAGE_SHIFT; idx <= (end - 1) >> PAGE_SHIFT; idx++) {
		struct page *page = find_or_create_page(inode->i_mapping, idx);

		if (!page) {
			err = -ENOSPC;
			break;
		}
		put_page(page);
	}
	inode_unlock(inode);
	if (!err && !(mode & FALLOC_FL_KEEP_SIZE) && end > inode->i_size)
		err = vfs_ftruncate(file, end);
out:
	fput(file);
	return err;
}

long sys_fchdir(unsigned int fd)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = -ENOTDIR;
	if (S_ISDIR(file->f_inode->i_mode))
		err = inode_permission(file->f_inode, MAY_EXEC);
	if (!err)
		set_fs_pwd(current->fs, &file->f_path);
	fput(file);
	return err;
}

/* chroot: root only (CAP_SYS_CHROOT), after the search permission on the directory. */
long sys_chroot(const char __user *filename)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, 0, &path);

	if (err)
		return err;
	err = inode_permission(path.dentry->d_inode, MAY_EXEC);
	if (!err && current_cred()->euid != 0)
		err = -EPERM;
	if (!err)
		set_fs_root(current->fs, &path);
	path_put(&path);
	return err;
}

long sys_creat(const char __user *pathname, umode_t mode)
{
	return sys_openat(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

#define AT_EACCESS 0x200

/*
 * faccessat2: faccessat with flags. AT_EACCESS checks with the effective IDs, which are the
 * ones inode_permission uses; without it the real IDs are used, so the check runs under a
 * copy of the credentials with fsuid/fsgid set to the real ones, as Linux's access_override_creds.
 */
long sys_faccessat2(int dfd, const char __user *filename, int mode, int flags)
{
	const struct cred *old = current_cred();
	struct cred *override = NULL;
	struct path path;
	long err;

	if (mode & ~7)
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!(flags & AT_EACCESS) && (old->fsuid != old->uid || old->fsgid != old->gid)) {
		override = prepare_creds();
		if (!override)
			return -ENOMEM;
		override->fsuid = old->uid;
		override->fsgid = old->gid;
		old = get_cred(old);
		commit_creds(override);
	}
	err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, flags,
			   &path);
	if (!err) {
		err = vfs_access(&path, mode);
		path_put(&path);
	}
	if (override)
		commit_creds((struct cred *)old);
	return err;
}

#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)

/*
 * close_range: closes (or marks close-on-exec) every open descriptor in [fd, max_fd].
 * CLOSE_RANGE_UNSHARE first gives the caller its own table if it shares one.
 */
long sys_close_range(unsigned int fd, unsigned int max_fd, unsigned int flags)
{
	struct files_struct *files = current->files;

	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (fd > max_fd)
		return -EINVAL;
	if (!files)
		return 0;
	if ((flags & CLOSE_RANGE_UNSHARE) && atomic_read(&files->count) > 1) {
		struct files_struct *copy = dup_files(files);

		if (!copy)
			return -ENOMEM;
		current->files = copy;
		put_files_struct(files);
		files = copy;
	}
	if (max_fd >= NR_OPEN_DEFAULT)
		max_fd = NR_OPEN_DEFAULT - 1;
	for (unsigned int i = fd; i <= max_fd; i++) {
		if (flags & CLOSE_RANGE_CLOEXEC)
			set_close_on_exec_in(files, i, true);
		else
			close_fd_in(files, i);
	}
	return 0;
}

/* ---- openat2 ------------------------------------------------------------------------- */

struct open_how {
	u64 flags;
	u64 mode;
	u64 resolve;
};

#define OPEN_HOW_SIZE_VER0 24
#define RESOLVE_NO_XDEV 0x01
#define RESOLVE_NO_MAGICLINKS 0x02
#define RESOLVE_NO_SYMLINKS 0x04
#define RESOLVE_BENEATH 0x08
#define RESOLVE_IN_ROOT 0x10
#define RESOLVE_CACHED 0x20
#define VALID_RESOLVE_FLAGS                                                                \
	(RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH | \
	 RESOLVE_IN_ROOT | RESOLVE_CACHED)
/* The open flags Linux knows (VALID_OPEN_FLAGS): any other bit is -EINVAL for openat2. */
#define VALID_OPEN_FLAGS                                                                        \
	(O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK | O_DSYNC |  \
	 020000 /* FASYNC */ | 040000 /* O_DIRECT */ | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | \
	 01000000 /* O_NOATIME */ | O_CLOEXEC | O_PATH | __O_TMPFILE | 04000000 /* __O_SYNC */)

/*
 * A versioned struct from user memory, as Linux's copy_struct_from_user: a shorter one is
 * zero-extended, a longer one is accepted only if the bytes we do not know are all zero.
 */
static int copy_struct_from_user(void *dst, size_t ksize, const void __user *src, size_t usize)
{
	size_t size = usize < ksize ? usize : ksize;

	if (usize > ksize) {
		for (size_t off = ksize; off < usize; off++) {
			unsigned char c;

			if (get_user(c, (const unsigned char __user *)src + off))
				return -EFAULT;
			if (c)
				return -E2BIG;
		}
	}
	memset(dst, 0, ksize);
	return copy_from_user(dst, src, size) ? -EFAULT : 0;
}

long sys_openat2(int dfd, const char __user *filename, struct open_how __user *uhow, size_t usize)
{
	unsigned int lookup = 0;
	struct open_how how;
	struct file *dirf, *file;
	struct path *base;
	char *name;
	long fd;

	if (usize < OPEN_HOW_SIZE_VER0)
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	fd = copy_struct_from_user(&how, sizeof(how), uhow, usize);
	if (fd)
		return fd;
	if (how.flags & ~(u64)VALID_OPEN_FLAGS)
		return -EINVAL;
	if (how.resolve & ~(u64)VALID_RESOLVE_FLAGS)
		return -EINVAL;
	/* A mode only goes with a create; never other bits than permissions. */
	if ((how.flags & (O_CREAT | __O_TMPFILE)) ? how.mode & ~(u64)S_IALLUGO : how.mode)
		return -EINVAL;
	if ((how.resolve & RESOLVE_BENEATH) && (how.resolve & RESOLVE_IN_ROOT))
		return -EINVAL;
	/* RESOLVE_CACHED asks for a walk that never blocks: an open that creates or truncates may. */
	if ((how.resolve & RESOLVE_CACHED) && (how.flags & (O_TRUNC | O_CREAT | __O_TMPFILE)))
		return -EAGAIN;
	if (how.resolve & RESOLVE_NO_XDEV)
		lookup |= LOOKUP_NO_XDEV;
	if (how.resolve & RESOLVE_NO_MAGICLINKS)
		lookup |= LOOKUP_NO_MAGICLINKS;
	if (how.resolve & RESOLVE_NO_SYMLINKS)
		lookup |= LOOKUP_NO_SYMLINKS;
	if (how.resolve & RESOLVE_BENEATH)
		lookup |= LOOKUP_BENEATH;
	if (how.resolve & RESOLVE_IN_ROOT)
		lookup |= LOOKUP_IN_ROOT;
	if (!current->files)
		return -EMFILE;
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	/* BENEATH and IN_ROOT confine the walk to dfd, even for an absolute name. */
	if ((lookup & (LOOKUP_BENEATH | LOOKUP_IN_ROOT)) && name[0] == '/' && dfd != AT_FDCWD) {
		dirf = fget(dfd);
		fd = -EBADF;
		if (!dirf)
			goto out_putname;
		fd = -ENOTDIR;
		if (!S_ISDIR(dirf->f_inode->i_mode)) {
			fput(dirf);
			goto out_putname;
		}
		base = &dirf->f_path;
		fd = 0;
	} else {
		fd = at_base(dfd, name, &base, &dirf);
	}
	if (fd)
		goto out_putname;
	file = filp_open_resolve(base, name, how.flags, how.mode, lookup);
	if (dirf)
		fput(dirf);
	if (IS_ERR(file)) {
		fd = PTR_ERR(file);
		goto out_putname;
	}
	fd = fd_install_from(current->files, file, 0, how.flags & O_CLOEXEC);
	if (fd < 0)
		fput(file);
out_putname:
	putname(name);
	return fd;
}
