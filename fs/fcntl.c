// SPDX-License-Identifier: GPL-2.0
/* fcntl (descriptor flags, status flags, F_DUPFD) and pipe/pipe2. */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/pipe_fs.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <uapi/fcntl.h>

#include "internal.h"

/* The status flags F_SETFL may change, as on Linux (O_ASYNC, O_DIRECT aside). */
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38

#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_NOATIME)

/* O_RDONLY, O_WRONLY or O_RDWR, from what the file was opened for. */
static int access_mode(const struct file *file)
{
	if (!(file->f_mode & FMODE_READ))
		return O_WRONLY;
	return (file->f_mode & FMODE_WRITE) ? O_RDWR : O_RDONLY;
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		ret = arg >= NR_OPEN_DEFAULT || arg >= rlimit_nofile()
			      ? -EINVAL
			      : dup_fd_in(current->files, fd, arg, cmd == F_DUPFD_CLOEXEC);
		break;
	case F_GETFD:
		ret = fd_is_cloexec(current->files, fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		ret = set_close_on_exec_in(current->files, fd, arg & FD_CLOEXEC);
		break;
	case F_GETFL:
		ret = (file->f_flags & ~(O_ACCMODE | O_CLOEXEC)) | access_mode(file);
		break;
	case F_SETFL:
		/* O_NOATIME changes as at open: by the owner or root only. */
		ret = -EPERM;
		if (((arg ^ file->f_flags) & O_NOATIME) && !inode_owner_or_capable(file->f_inode))
			break;
		file->f_flags = (file->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		ret = 0;
		break;
	case F_GETLK:
	case F_OFD_GETLK:
		ret = fcntl_getlk(file, (struct flock __user *)arg, cmd == F_OFD_GETLK);
		break;
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		ret = fcntl_setlk(file, (struct flock __user *)arg,
				  cmd == F_SETLKW || cmd == F_OFD_SETLKW,
				  cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW);
		break;
	default:
		ret = -EINVAL;
	}
	fput(file);
	return ret;
}

long sys_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fds[2];
	long err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	err = create_pipe_files(files, flags & O_NONBLOCK);
	if (err)
		return err;
	fds[0] = fd_install_from(current->files, files[0], 0, flags & O_CLOEXEC);
	if (fds[0] < 0) {
		fput(files[0]);
		fput(files[1]);
		return fds[0];
	}
	fds[1] = fd_install_from(current->files, files[1], 0, flags & O_CLOEXEC);
	if (fds[1] < 0) {
		close_fd_in(current->files, fds[0]);
		fput(files[1]);
		return fds[1];
	}
	if (copy_to_user(fildes, fds, sizeof(fds))) {
		close_fd_in(current->files, fds[0]);
		close_fd_in(current->files, fds[1]);
		return -EFAULT;
	}
	return 0;
}

long sys_pipe(int __user *fildes)
{
	return sys_pipe2(fildes, 0);
}
