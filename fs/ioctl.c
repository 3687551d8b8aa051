// SPDX-License-Identifier: GPL-2.0
/* ioctl: handed to the file's unlocked_ioctl; a file without one is not a terminal. */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/syscalls.h>

#include "internal.h"

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fget(fd);
	long ret = -ENOTTY;

	if (!file)
		return -EBADF;
	if (file->f_op && file->f_op->unlocked_ioctl)
		ret = file->f_op->unlocked_ioctl(file, cmd, arg);
	fput(file);
	return ret;
}
