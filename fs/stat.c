// SPDX-License-Identifier: GPL-2.0
/* stat, lstat, fstat and newfstatat: struct kstat in x86-64 Linux's struct stat layout. */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <uapi/fcntl.h>

#include "internal.h"

/* x86-64 Linux's struct stat (the "new" stat of the table's newfstatat). */
struct linux_stat {
	unsigned long st_dev;
	unsigned long st_ino;
	unsigned long st_nlink;
	unsigned int st_mode;
	unsigned int st_uid;
	unsigned int st_gid;
	unsigned int __pad0;
	unsigned long st_rdev;
	long st_size;
	long st_blksize;
	long st_blocks;
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	long __reserved[3];
};

_Static_assert(sizeof(struct linux_stat) == 144, "struct stat is 144 bytes on x86-64");

/* Linux's new_encode_dev: minor's low byte, major, then minor's upper bits. */
static unsigned long encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((unsigned long)(minor & ~0xffu) << 12);
}

static int cp_new_stat(const struct kstat *k, struct linux_stat __user *ubuf)
{
	struct linux_stat s;

	memset(&s, 0, sizeof(s));
	s.st_dev = encode_dev(k->dev);
	s.st_ino = k->ino;
	s.st_nlink = k->nlink;
	s.st_mode = k->mode;
	s.st_uid = k->uid;
	s.st_gid = k->gid;
	s.st_rdev = encode_dev(k->rdev);
	s.st_size = k->size;
	s.st_blksize = k->blksize;
	s.st_blocks = k->blocks;
	s.st_atime = k->atime.tv_sec;
	s.st_atime_nsec = k->atime.tv_nsec;
	s.st_mtime = k->mtime.tv_sec;
	s.st_mtime_nsec = k->mtime.tv_nsec;
	s.st_ctime = k->ctime.tv_sec;
	s.st_ctime_nsec = k->ctime.tv_nsec;
	return copy_to_user(ubuf, &s, sizeof(s)) ? -EFAULT : 0;
}

long sys_newfstat(unsigned int fd, struct linux_stat __user *statbuf)
{
	struct file *file = fget(fd);
	struct kstat k;
	int err;

	if (!file)
		return -EBADF;
	err = vfs_getattr(&file->f_path, &k);
	fput(file);
	return err ? err : cp_new_stat(&k, statbuf);
}

long sys_newfstatat(int dfd, const char __user *filename, struct linux_stat __user *statbuf,
		    int flag)
{
	struct file *dirf;
	struct path *base;
	struct kstat k;
	char *name;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	name = getname(filename);
	if (IS_ERR(name)) {
		/* AT_EMPTY_PATH with "" is fstat of dfd itself. */
		if (PTR_ERR(name) == -ENOENT && (flag & AT_EMPTY_PATH) && dfd != AT_FDCWD)
			return sys_newfstat(dfd, statbuf);
		return PTR_ERR(name);
	}
	err = at_base(dfd, name, &base, &dirf);
	if (!err)
		err = do_statat(base, name, &k, flag);
	if (dirf)
		fput(dirf);
	putname(name);
	return err ? err : cp_new_stat(&k, statbuf);
}

long sys_newstat(const char __user *filename, struct linux_stat __user *statbuf)
{
	return sys_newfstatat(AT_FDCWD, filename, statbuf, 0);
}

long sys_newlstat(const char __user *filename, struct linux_stat __user *statbuf)
{
	return sys_newfstatat(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}
