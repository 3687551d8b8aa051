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
	/* An initializer, not memset and stores: the compiler zeroes only the padding left. */
	const struct linux_stat s = {
		.st_dev = encode_dev(k->dev),
		.st_ino = k->ino,
		.st_nlink = k->nlink,
		.st_mode = k->mode,
		.st_uid = k->uid,
		.st_gid = k->gid,
		.st_rdev = encode_dev(k->rdev),
		.st_size = k->size,
		.st_blksize = k->blksize,
		.st_blocks = k->blocks,
		.st_atime = k->atime.tv_sec,
		.st_atime_nsec = k->atime.tv_nsec,
		.st_mtime = k->mtime.tv_sec,
		.st_mtime_nsec = k->mtime.tv_nsec,
		.st_ctime = k->ctime.tv_sec,
		.st_ctime_nsec = k->ctime.tv_nsec,
	};

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

/* ---- statx ----------------------------------------------------------------------------- */

struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 __reserved;
};

/* Linux's struct statx (include/uapi/linux/stat.h), 256 bytes. */
struct statx {
	u32 stx_mask;
	u32 stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink;
	u32 stx_uid;
	u32 stx_gid;
	u16 stx_mode;
	u16 __spare0;
	u64 stx_ino;
	u64 stx_size;
	u64 stx_blocks;
	u64 stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	u32 stx_rdev_major, stx_rdev_minor;
	u32 stx_dev_major, stx_dev_minor;
	u64 stx_mnt_id;
	u32 stx_dio_mem_align, stx_dio_offset_align;
	u64 __spare3[12];
};

_Static_assert(sizeof(struct statx) == 256, "struct statx is 256 bytes");
_Static_assert(__builtin_offsetof(struct statx, stx_atime) == 64, "statx layout");
_Static_assert(__builtin_offsetof(struct statx, stx_rdev_major) == 128, "statx layout");

#define STATX_BASIC_STATS 0x000007ffU
#define STATX__RESERVED 0x80000000U
#define AT_NO_AUTOMOUNT 0x800
#define AT_STATX_SYNC_TYPE 0x6000

static struct statx_timestamp statx_ts(struct timespec64 ts)
{
	return (struct statx_timestamp){ .tv_sec = ts.tv_sec, .tv_nsec = ts.tv_nsec };
}

/*
 * statx: every file system here fills the basic stats, so stx_mask says STATX_BASIC_STATS
 * whatever was asked (Linux may return more than asked, never less than it has); no birth
 * time yet. A NULL name with AT_EMPTY_PATH is the descriptor itself, as Linux 6.11 takes it.
 */
long sys_statx(int dfd, const char __user *filename, unsigned int flags, unsigned int mask,
	       struct statx __user *buffer)
{
	struct statx s;
	struct kstat k;
	struct path path;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	if (mask & STATX__RESERVED)
		return -EINVAL;
	if (!filename && (flags & AT_EMPTY_PATH)) {
		struct file *file = fget(dfd);

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
	err = vfs_getattr(&path, &k);
	path_put(&path);
	if (err)
		return err;
	memset(&s, 0, sizeof(s));
	s.stx_mask = STATX_BASIC_STATS;
	s.stx_blksize = k.blksize;
	s.stx_nlink = k.nlink;
	s.stx_uid = k.uid;
	s.stx_gid = k.gid;
	s.stx_mode = k.mode;
	s.stx_ino = k.ino;
	s.stx_size = k.size;
	s.stx_blocks = k.blocks;
	s.stx_atime = statx_ts(k.atime);
	s.stx_ctime = statx_ts(k.ctime);
	s.stx_mtime = statx_ts(k.mtime);
	s.stx_rdev_major = MAJOR(k.rdev);
	s.stx_rdev_minor = MINOR(k.rdev);
	s.stx_dev_major = MAJOR(k.dev);
	s.stx_dev_minor = MINOR(k.dev);
	return copy_to_user(buffer, &s, sizeof(s)) ? -EFAULT : 0;
}
