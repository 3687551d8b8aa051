// SPDX-License-Identifier: GPL-2.0
/*
 * The path system calls over the VFS's do_*at helpers: mkdir, rmdir, unlink, symlink,
 * readlink, rename, access, chdir, umask; and getdents64. Each takes its path from user
 * memory (getname) and its base from a directory descriptor (at_base), as Linux's *at calls.
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/fs_struct.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <uapi/fcntl.h>
#include <uapi/limits.h>

#include "internal.h"

/* Calls fn on the path at (dfd, filename). */
static long with_path(int dfd, const char __user *filename,
		      int (*fn)(const struct path *base, const char *name, long arg), long arg)
{
	struct file *dirf;
	struct path *base;
	char *name = getname(filename);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = at_base(dfd, name, &base, &dirf);
	if (!err)
		err = fn(base, name, arg);
	if (dirf)
		fput(dirf);
	putname(name);
	return err;
}

static int mkdir_fn(const struct path *base, const char *name, long mode)
{
	return do_mkdirat(base, name, mode);
}

long sys_mkdirat(int dfd, const char __user *pathname, umode_t mode)
{
	return with_path(dfd, pathname, mkdir_fn, mode);
}

long sys_mkdir(const char __user *pathname, umode_t mode)
{
	return sys_mkdirat(AT_FDCWD, pathname, mode);
}

static int unlink_fn(const struct path *base, const char *name, long rmdir)
{
	return rmdir ? do_rmdirat(base, name) : do_unlinkat(base, name);
}

long sys_unlinkat(int dfd, const char __user *pathname, int flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	return with_path(dfd, pathname, unlink_fn, !!(flag & AT_REMOVEDIR));
}

long sys_unlink(const char __user *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, 0);
}

long sys_rmdir(const char __user *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

static int symlink_fn(const struct path *base, const char *name, long target)
{
	return do_symlinkat((const char *)target, base, name);
}

long sys_symlinkat(const char __user *oldname, int newdfd, const char __user *newname)
{
	char *target = getname(oldname);
	long err;

	if (IS_ERR(target))
		return PTR_ERR(target);
	err = with_path(newdfd, newname, symlink_fn, (long)target);
	putname(target);
	return err;
}

long sys_symlink(const char __user *oldname, const char __user *newname)
{
	return sys_symlinkat(oldname, AT_FDCWD, newname);
}

long sys_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	struct file *dirf;
	struct path *base;
	char *name, *kbuf;
	long ret;

	if (bufsiz <= 0)
		return -EINVAL;
	name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = -ENOMEM;
	kbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!kbuf)
		goto out_putname;
	ret = at_base(dfd, name, &base, &dirf);
	if (!ret)
		ret = do_readlinkat(base, name, kbuf, min(bufsiz, PATH_MAX));
	if (dirf)
		fput(dirf);
	if (ret > 0 && copy_to_user(buf, kbuf, ret))
		ret = -EFAULT;
	kfree(kbuf);
out_putname:
	putname(name);
	return ret;
}

long sys_readlink(const char __user *path, char __user *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

long sys_renameat2(int olddfd, const char __user *oldname, int newdfd, const char __user *newname,
		   unsigned int flags)
{
	struct file *odirf = NULL, *ndirf = NULL;
	struct path *obase, *nbase;
	char *from, *to;
	long err;

	from = getname(oldname);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	err = PTR_ERR(to);
	if (IS_ERR(to))
		goto out_from;
	err = at_base(olddfd, from, &obase, &odirf);
	if (!err)
		err = at_base(newdfd, to, &nbase, &ndirf);
	if (!err)
		err = do_renameat2(obase, from, nbase, to, flags);
	if (odirf)
		fput(odirf);
	if (ndirf)
		fput(ndirf);
	putname(to);
out_from:
	putname(from);
	return err;
}

long sys_renameat(int olddfd, const char __user *oldname, int newdfd, const char __user *newname)
{
	return sys_renameat2(olddfd, oldname, newdfd, newname, 0);
}

long sys_rename(const char __user *oldname, const char __user *newname)
{
	return sys_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/* faccessat is faccessat2 without flags, as on Linux: checked with the real ids. */
long sys_faccessat(int dfd, const char __user *filename, int mode)
{
	return sys_faccessat2(dfd, filename, mode, 0);
}

long sys_access(const char __user *filename, int mode)
{
	return sys_faccessat(AT_FDCWD, filename, mode);
}

long sys_chdir(const char __user *filename)
{
	char *name = getname(filename);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_chdir(name);
	putname(name);
	return err;
}

/*
 * getcwd: the working directory's path from the root, walked up through d_parent and
 * across mount points; -ENOENT if the directory was removed, -ERANGE if size is too small;
 * "(unreachable)" before the path of a directory outside the root or in a detached mount.
 */
long sys_getcwd(char __user *buf, unsigned long size)
{
	struct path root, pwd, p;
	char *page, *pos, name[NAME_MAX + 1];
	bool unreachable = false;
	long ret = 0;

	page = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	get_fs_root(current->fs, &root);
	get_fs_pwd(current->fs, &pwd);
	p = pwd;
	path_get(&p);
	pos = page + PATH_MAX;
	*--pos = '\0';
	if ((pwd.dentry->d_flags & DCACHE_UNHASHED) && pwd.dentry != pwd.mnt->mnt_root)
		ret = -ENOENT;
	while (!ret && !(p.dentry == root.dentry && p.mnt == root.mnt)) {
		struct dentry *parent;
		int len;

		if (p.dentry == p.mnt->mnt_root) {
			if (vfs_mount_up(&p))
				continue;
			/*
			 * The top of the tree outside our root, or a detached mount's root: as Linux,
			 * the path is "(unreachable)" and what was found below it.
			 */
			unreachable = true;
			break;
		}
		len = d_name_copy(p.dentry, name, sizeof(name));
		if (len < 0 || pos - page < len + 1) {
			ret = -ENAMETOOLONG;
			break;
		}
		pos -= len;
		memcpy(pos, name, len);
		*--pos = '/';
		parent = dget_parent(p.dentry);
		dput(p.dentry);
		p.dentry = parent;
	}
	if (!ret && !*pos)
		*--pos = '/'; /* the root itself */
	if (!ret && unreachable) {
		if (pos - page < 13)
			ret = -ENAMETOOLONG;
		else
			pos = memcpy(pos - 13, "(unreachable)", 13);
	}
	if (!ret) {
		ret = page + PATH_MAX - pos;
		if ((unsigned long)ret > size)
			ret = -ERANGE;
		else if (copy_to_user(buf, pos, ret))
			ret = -EFAULT;
	}
	path_put(&p);
	path_put(&pwd);
	path_put(&root);
	kfree(page);
	return ret;
}

long sys_umask(int mask)
{
	struct fs_struct *fs = current->fs;
	umode_t old;

	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & S_IRWXUGO;
	spin_unlock(&fs->lock);
	return old;
}

/* ---- getdents64 ----------------------------------------------------------------------- */

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct getdents_callback {
	struct dir_context ctx;
	char *buf; /* a kernel bounce buffer: no user access under the directory's lock */
	size_t size, used;
	bool full;
};

static bool filldir64(struct dir_context *ctx, const char *name, int namelen, loff_t pos, u64 ino,
		      unsigned int d_type)
{
	struct getdents_callback *cb = (struct getdents_callback *)ctx;
	size_t reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namelen + 1, 8);
	struct linux_dirent64 *d;

	if (cb->used + reclen > cb->size) {
		cb->full = true;
		return false;
	}
	d = (struct linux_dirent64 *)(cb->buf + cb->used);
	d->d_ino = ino;
	d->d_off = pos + 1;
	d->d_reclen = reclen;
	d->d_type = d_type;
	memcpy(d->d_name, name, namelen);
	memset(d->d_name + namelen, 0, reclen - offsetof(struct linux_dirent64, d_name) - namelen);
	cb->used += reclen;
	return true;
}

long sys_getdents64(unsigned int fd, void __user *dirent, unsigned int count)
{
	struct getdents_callback cb = { .ctx.actor = filldir64 };
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	cb.size = min(count, 16384u);
	ret = -ENOMEM;
	cb.buf = kmalloc(cb.size ? cb.size : 1, GFP_KERNEL);
	if (!cb.buf)
		goto out_fput;
	mutex_lock(&file->f_pos_lock);
	cb.ctx.pos = file->f_pos;
	ret = vfs_readdir(file, &cb.ctx);
	if (!ret && !cb.used && cb.full)
		ret = -EINVAL; /* not even one entry fits */
	if (!ret) {
		file->f_pos = cb.ctx.pos;
		ret = cb.used;
	}
	mutex_unlock(&file->f_pos_lock);
	if (ret > 0 && copy_to_user(dirent, cb.buf, ret))
		ret = -EFAULT;
	kfree(cb.buf);
out_fput:
	fput(file);
	return ret;
}

/* linkat(fd, "", ..., AT_EMPTY_PATH): a new name for the file open at fd. */
static long link_open_file(int olddfd, int newdfd, const char __user *newname)
{
	struct file *file, *ndirf;
	struct path *nbase;
	char *to;
	long err;

	if (olddfd == AT_FDCWD)
		return -EPERM; /* the working directory: a directory gets no second name */
	file = fget(olddfd);
	if (!file)
		return -EBADF;
	to = getname(newname);
	err = PTR_ERR(to);
	if (IS_ERR(to))
		goto out_file;
	err = at_base(newdfd, to, &nbase, &ndirf);
	if (!err)
		err = vfs_link_path(&file->f_path, nbase, to);
	if (ndirf)
		fput(ndirf);
	putname(to);
out_file:
	fput(file);
	return err;
}

/*
 * linkat: AT_SYMLINK_FOLLOW follows a symlink named by oldname; AT_EMPTY_PATH (root only,
 * as Linux's CAP_DAC_READ_SEARCH) links the file open at olddfd.
 */
long sys_linkat(int olddfd, const char __user *oldname, int newdfd, const char __user *newname,
		int flags)
{
	struct file *odirf = NULL, *ndirf = NULL;
	struct path *obase, *nbase;
	char *from, *to;
	long err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_EMPTY_PATH) {
		char c;

		if (get_user(c, oldname))
			return -EFAULT;
		/* Naming an open file: root only (Linux's CAP_DAC_READ_SEARCH), else -ENOENT. */
		if (!c)
			return current_cred()->euid == 0 ? link_open_file(olddfd, newdfd, newname)
							 : -ENOENT;
	}
	from = getname(oldname);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	err = PTR_ERR(to);
	if (IS_ERR(to))
		goto out_from;
	err = at_base(olddfd, from, &obase, &odirf);
	if (!err)
		err = at_base(newdfd, to, &nbase, &ndirf);
	if (!err)
		err = do_linkat(obase, from, nbase, to, flags & AT_SYMLINK_FOLLOW);
	if (odirf)
		fput(odirf);
	if (ndirf)
		fput(ndirf);
	putname(to);
out_from:
	putname(from);
	return err;
}

long sys_link(const char __user *oldname, const char __user *newname)
{
	return sys_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

/* The user's dev_t (Linux's new_encode_dev layout, as stat reports it) as ours. */
static dev_t new_decode_dev(u32 dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

struct mknod_args {
	umode_t mode;
	dev_t dev;
};

static int mknod_fn(const struct path *base, const char *name, long arg)
{
	const struct mknod_args *a = (const struct mknod_args *)arg;

	return do_mknodat(base, name, a->mode, a->dev);
}

long sys_mknodat(int dfd, const char __user *filename, umode_t mode, unsigned int dev)
{
	struct mknod_args a = { mode, new_decode_dev(dev) };

	return with_path(dfd, filename, mknod_fn, (long)&a);
}

long sys_mknod(const char __user *filename, umode_t mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, filename, mode, dev);
}

/* ---- file times ---------------------------------------------------------------------- */

static bool utime_ns_valid(long nsec)
{
	return nsec == UTIME_NOW || nsec == UTIME_OMIT || (nsec >= 0 && nsec < NSEC_PER_SEC);
}

/*
 * utimensat: times NULL or each UTIME_NOW/UTIME_OMIT/explicit; a NULL filename (Linux's
 * extension, what futimens uses) means dfd itself. AT_SYMLINK_NOFOLLOW sets a link's times.
 */
long sys_utimensat(int dfd, const char __user *filename, struct timespec64 __user *utimes,
		   int flags)
{
	struct timespec64 t[2];
	struct path path;
	long err;

	if (utimes) {
		if (copy_from_user(t, utimes, sizeof(t)))
			return -EFAULT;
		if (!utime_ns_valid(t[0].tv_nsec) || !utime_ns_valid(t[1].tv_nsec))
			return -EINVAL;
		if (t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT)
			return 0; /* Linux checks nothing more, not even the path */
	}
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!filename) {
		struct file *file;

		if (flags & AT_SYMLINK_NOFOLLOW)
			return -EINVAL;
		if (dfd == AT_FDCWD)
			return -EFAULT;
		file = fget(dfd);
		if (!file)
			return -EBADF;
		path = file->f_path;
		path_get(&path);
		fput(file);
	} else {
		err = user_path_at(dfd, filename, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
				   flags, &path);
		if (err)
			return err;
	}
	err = utimes_common(&path, utimes ? t : NULL);
	path_put(&path);
	return err;
}

/* utimes and utime: the times (NULL: now) on a path, symlinks followed. */
static long utimes_path(const char __user *filename, struct timespec64 *t)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW, 0, &path);

	if (err)
		return err;
	err = utimes_common(&path, t);
	path_put(&path);
	return err;
}

struct old_timeval {
	long tv_sec, tv_usec;
};

/* utimes: microseconds; NULL means now. */
long sys_utimes(const char __user *filename, struct old_timeval __user *utimes)
{
	struct old_timeval tv[2];
	struct timespec64 t[2];

	if (utimes) {
		if (copy_from_user(tv, utimes, sizeof(tv)))
			return -EFAULT;
		for (int i = 0; i < 2; i++) {
			if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
				return -EINVAL;
			t[i].tv_sec = tv[i].tv_sec;
			t[i].tv_nsec = tv[i].tv_usec * 1000;
		}
	}
	return utimes_path(filename, utimes ? t : NULL);
}

struct utimbuf {
	long actime, modtime;
};

long sys_utime(const char __user *filename, struct utimbuf __user *times)
{
	struct utimbuf ub;
	struct timespec64 t[2];

	if (times) {
		if (copy_from_user(&ub, times, sizeof(ub)))
			return -EFAULT;
		t[0] = (struct timespec64){ ub.actime, 0 };
		t[1] = (struct timespec64){ ub.modtime, 0 };
	}
	return utimes_path(filename, times ? t : NULL);
}
