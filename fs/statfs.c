// SPDX-License-Identifier: GPL-2.0
/* statfs and fstatfs: the file system's kstatfs in x86-64 Linux's struct statfs layout. */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <uapi/fcntl.h>

#include "internal.h"

/* x86-64 Linux's struct statfs (the 64-bit one, which statfs64 also returns). */
struct linux_statfs {
	long f_type;
	long f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	long f_namelen;
	long f_frsize;
	long f_flags;
	long f_spare[4];
};

_Static_assert(sizeof(struct linux_statfs) == 120, "struct statfs is 120 bytes on x86-64");

#define ST_RDONLY 0x0001
#define ST_NOSUID 0x0002
#define ST_NODEV 0x0004
#define ST_NOEXEC 0x0008
#define ST_VALID 0x0020 /* f_flags is filled in (Linux 2.6.36 on) */
#define ST_NOATIME 0x0400
#define ST_NODIRATIME 0x0800
#define ST_RELATIME 0x1000
#define ST_NOSYMFOLLOW 0x2000

/* f_flags from the mount's flags and the super block's (Linux's calculate_f_flags). */
static long statfs_flags(const struct vfsmount *mnt)
{
	static const struct {
		int mnt;
		long st;
	} map[] = {
		{ MNT_NOSUID, ST_NOSUID },	     { MNT_NODEV, ST_NODEV },
		{ MNT_NOEXEC, ST_NOEXEC },	     { MNT_NOATIME, ST_NOATIME },
		{ MNT_NODIRATIME, ST_NODIRATIME },   { MNT_RELATIME, ST_RELATIME },
		{ MNT_NOSYMFOLLOW, ST_NOSYMFOLLOW },
	};
	int mnt_flags = mnt ? READ_ONCE(mnt->mnt_flags) : 0;
	long f = ST_VALID | (mnt_is_readonly(mnt) ? ST_RDONLY : 0);

	for (size_t i = 0; i < ARRAY_SIZE(map); i++)
		if (mnt_flags & map[i].mnt)
			f |= map[i].st;
	return f;
}

/*
 * The file system's statistics; one without a statfs operation (procfs) reports its magic,
 * the page size and NAME_MAX, with the counts 0, as Linux's simple_statfs does.
 */
static int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct super_block *sb = path->dentry->d_sb;
	int err = 0;

	memset(buf, 0, sizeof(*buf));
	buf->f_type = sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	if (sb->s_op && sb->s_op->statfs)
		err = sb->s_op->statfs(path->dentry, buf);
	if (err)
		return err;
	if (!buf->f_frsize)
		buf->f_frsize = buf->f_bsize;
	buf->f_flags = statfs_flags(path->mnt);
	return 0;
}

static int cp_statfs(const struct path *path, struct linux_statfs __user *ubuf)
{
	struct linux_statfs s;
	struct kstatfs k;
	int err = vfs_statfs(path, &k);

	if (err)
		return err;
	memset(&s, 0, sizeof(s));
	s.f_type = k.f_type;
	s.f_bsize = k.f_bsize;
	s.f_blocks = k.f_blocks;
	s.f_bfree = k.f_bfree;
	s.f_bavail = k.f_bavail;
	s.f_files = k.f_files;
	s.f_ffree = k.f_ffree;
	/* Linux's f_fsid for a device-less file system: the anonymous device number. */
	s.f_fsid[0] = path->dentry->d_sb->s_dev;
	s.f_namelen = k.f_namelen;
	s.f_frsize = k.f_frsize;
	s.f_flags = k.f_flags;
	return copy_to_user(ubuf, &s, sizeof(s)) ? -EFAULT : 0;
}

long sys_statfs(const char __user *pathname, struct linux_statfs __user *buf)
{
	struct path path;
	long err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, 0, &path);

	if (err)
		return err;
	err = cp_statfs(&path, buf);
	path_put(&path);
	return err;
}

long sys_fstatfs(unsigned int fd, struct linux_statfs __user *buf)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = cp_statfs(&file->f_path, buf);
	fput(file);
	return err;
}
