// SPDX-License-Identifier: GPL-2.0
/* File descriptor tables (see include/kernel/fdtable.h). file_lock covers a table. */
#include <kernel/bitmap.h>
#include <kernel/fdtable.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#include "internal.h"

struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (files) {
		atomic_set(&files->count, 1);
		spin_lock_init(&files->file_lock);
	}
	return files;
}

void put_files_struct(struct files_struct *files)
{
	if (!atomic_dec_and_test(&files->count))
		return;
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->fd[fd]) {
			locks_remove_posix(files->fd[fd], files);
			filp_close(files->fd[fd]);
		}
	kfree(files);
}

int fd_install_from(struct files_struct *files, struct file *file, int start, bool cloexec)
{
	unsigned long flags;
	int fd;

	unsigned long limit = rlimit_nofile();

	if (start < 0 || start >= NR_OPEN_DEFAULT)
		return -EINVAL;
	/* RLIMIT_NOFILE bounds the descriptor numbers, as Linux's alloc_fd. */
	if (limit > NR_OPEN_DEFAULT)
		limit = NR_OPEN_DEFAULT;
	spin_lock_irqsave(&files->file_lock, flags);
	for (fd = start; fd < (int)limit && files->fd[fd]; fd++)
		;
	if (fd < (int)limit) {
		files->fd[fd] = file;
		if (cloexec)
			__set_bit(fd, files->close_on_exec);
		else
			__clear_bit(fd, files->close_on_exec);
	}
	spin_unlock_irqrestore(&files->file_lock, flags);
	return fd < (int)limit ? fd : -EMFILE;
}

struct file *fget_from(struct files_struct *files, int fd)
{
	struct file *file = NULL;
	unsigned long flags;

	if (fd < 0 || fd >= NR_OPEN_DEFAULT)
		return NULL;
	spin_lock_irqsave(&files->file_lock, flags);
	if (files->fd[fd])
		file = get_file(files->fd[fd]);
	spin_unlock_irqrestore(&files->file_lock, flags);
	return file;
}

int close_fd_in(struct files_struct *files, int fd)
{
	struct file *file = NULL;
	unsigned long flags;

	if (fd < 0 || fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	spin_lock_irqsave(&files->file_lock, flags);
	file = files->fd[fd];
	files->fd[fd] = NULL;
	__clear_bit(fd, files->close_on_exec);
	spin_unlock_irqrestore(&files->file_lock, flags);
	if (!file)
		return -EBADF;
	locks_remove_posix(file, files);
	return filp_close(file);
}

int dup_fd_in(struct files_struct *files, int fd, int start, bool cloexec)
{
	struct file *file = fget_from(files, fd);
	int newfd;

	if (!file)
		return -EBADF;
	newfd = fd_install_from(files, file, start, cloexec);
	if (newfd < 0)
		fput(file);
	return newfd;
}

int dup3_in(struct files_struct *files, int oldfd, int newfd, bool cloexec)
{
	struct file *file, *old;
	unsigned long flags;

	if (oldfd == newfd)
		return -EINVAL;
	if (newfd < 0 || newfd >= NR_OPEN_DEFAULT)
		return -EBADF;
	file = fget_from(files, oldfd);
	if (!file)
		return -EBADF;
	spin_lock_irqsave(&files->file_lock, flags);
	old = files->fd[newfd];
	files->fd[newfd] = file;
	if (cloexec)
		__set_bit(newfd, files->close_on_exec);
	else
		__clear_bit(newfd, files->close_on_exec);
	spin_unlock_irqrestore(&files->file_lock, flags);
	if (old) {
		locks_remove_posix(old, files);
		filp_close(old);
	}
	return newfd;
}

bool fd_is_cloexec(struct files_struct *files, int fd)
{
	return fd >= 0 && fd < NR_OPEN_DEFAULT && test_bit(fd, files->close_on_exec);
}

/* fcntl(F_SETFD): the descriptor's close-on-exec flag; -EBADF for a closed one. */
int set_close_on_exec_in(struct files_struct *files, int fd, bool on)
{
	unsigned long flags;
	int err = -EBADF;

	spin_lock_irqsave(&files->file_lock, flags);
	if (fd >= 0 && fd < NR_OPEN_DEFAULT && files->fd[fd]) {
		if (on)
			__set_bit(fd, files->close_on_exec);
		else
			__clear_bit(fd, files->close_on_exec);
		err = 0;
	}
	spin_unlock_irqrestore(&files->file_lock, flags);
	return err;
}

/* fork: a new table naming the same files (each referenced once more), flags and all. */
struct files_struct *dup_files(struct files_struct *old)
{
	struct files_struct *files = files_alloc();
	unsigned long flags;

	if (!files)
		return NULL;
	spin_lock_irqsave(&old->file_lock, flags);
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (old->fd[fd])
			files->fd[fd] = get_file(old->fd[fd]);
	memcpy(files->close_on_exec, old->close_on_exec, sizeof(files->close_on_exec));
	spin_unlock_irqrestore(&old->file_lock, flags);
	return files;
}

/* execve: every descriptor marked close-on-exec is closed. */
void do_close_on_exec(struct files_struct *files)
{
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (fd_is_cloexec(files, fd))
			close_fd_in(files, fd);
}
