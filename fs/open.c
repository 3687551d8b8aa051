// SPDX-License-Identifier: GPL-2.0
/*
 * The system calls that name files by path or by descriptor: open, openat, close, dup*, and
 * the helpers every path-taking call shares (getname, the base of a *at call, fdget).
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/syscalls.h>
#include <uapi/fcntl.h>
#include <uapi/limits.h>

#include "internal.h"

/*
 * A path from user memory, in a kmalloc'd buffer (putname frees it): -EFAULT for a bad
 * pointer, -ENAMETOOLONG for PATH_MAX bytes or more, -ENOENT for "", as Linux answers.
 */
char *getname(const char __user *filename)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0 || len == PATH_MAX || len == 0) {
		kfree(name);
		return ERR_PTR(len < 0 ? -EFAULT : len ? -ENAMETOOLONG : -ENOENT);
	}
	return name;
}

void putname(char *name)
{
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
	if (newfd >= NR_OPEN_DEFAULT)
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
