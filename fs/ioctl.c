// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl: the commands every descriptor understands (FIOCLEX, FIONCLEX, FIONBIO, FIOASYNC),
 * FIONREAD for regular files, then the file's own unlocked_ioctl; a file without one is not
 * a terminal (-ENOTTY), as Linux's do_vfs_ioctl.
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <uapi/fcntl.h>

#include "internal.h"

#define FIONREAD 0x541B
#define FIONBIO 0x5421
#define FIONCLEX 0x5450
#define FIOCLEX 0x5451
#define FIOASYNC 0x5452
#ifndef O_ASYNC
#define O_ASYNC 020000 /* Linux x86-64's FASYNC */
#endif

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fget(fd);
	struct inode *inode;
	long ret = -ENOTTY;
	int on;

	if (!file)
		return -EBADF;
	inode = file->f_inode;
	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		ret = set_close_on_exec_in(current->files, fd, cmd == FIOCLEX);
		goto out;
	case FIONBIO:
	case FIOASYNC:
		ret = -EFAULT;
		if (get_user(on, (int __user *)arg))
			goto out;
		ret = 0;
		if (cmd == FIOASYNC) /* no SIGIO yet: the flag is kept for F_GETFL */
			on ? (file->f_flags |= O_ASYNC) : (file->f_flags &= ~O_ASYNC);
		else
			on ? (file->f_flags |= O_NONBLOCK) : (file->f_flags &= ~O_NONBLOCK);
		goto out;
	case FIONREAD:
		/* A regular file: the bytes from the offset to the end (Linux's file_ioctl). */
		if (S_ISREG(inode->i_mode)) {
			loff_t left = inode->i_size - file->f_pos;

			ret = put_user((int)(left < 0 ? 0 : left), (int __user *)arg) ? -EFAULT : 0;
			goto out;
		}
		break;
	}
	if (file->f_op && file->f_op->unlocked_ioctl)
		ret = file->f_op->unlocked_ioctl(file, cmd, arg);
out:
	fput(file);
	return ret;
}
