// SPDX-License-Identifier: GPL-2.0
/*
 * sync, syncfs, fsync, fdatasync. No file system has a backing store yet (tmpfs, procfs and
 * devfs live in memory), so what there is to flush is whatever a file's fsync operation
 * flushes; the calls check their descriptors as Linux does and otherwise succeed.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/syscalls.h>

#include "internal.h"

long sys_sync(void)
{
	return 0; /* nothing is written back lazily: every file system is in memory */
}

long sys_syncfs(int fd)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

/*
 * A file that cannot be synchronised (a pipe, a socket, a terminal) is -EINVAL, as Linux
 * gives for a file without an fsync operation; regular files and directories flush.
 */
static long do_fsync(unsigned int fd, int datasync)
{
	struct file *file = fget(fd);
	struct inode *inode;
	long err = 0;

	if (!file)
		return -EBADF;
	inode = file->f_inode;
	if (file->f_op && file->f_op->fsync)
		err = file->f_op->fsync(file, datasync);
	else if (!S_ISREG(inode->i_mode) && !S_ISDIR(inode->i_mode) && !S_ISLNK(inode->i_mode))
		err = -EINVAL;
	fput(file);
	return err;
}

long sys_fsync(unsigned int fd)
{
	return do_fsync(fd, 0);
}

long sys_fdatasync(unsigned int fd)
{
	return do_fsync(fd, 1);
}
