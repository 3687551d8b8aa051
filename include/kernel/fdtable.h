/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_FDTABLE_H
#define _KERNEL_FDTABLE_H

#include <kernel/fs.h>
#include <kernel/sched.h>

/*
 * A task's file descriptors: small integers naming open files. Several descriptors (dup) and,
 * after fork, several tables can name the same struct file, and so share its offset. The
 * close-on-exec flag belongs to the descriptor, not the file.
 */
#define NR_OPEN_DEFAULT 256

struct files_struct {
	atomic_t count;
	spinlock_t file_lock;
	struct file *fd[NR_OPEN_DEFAULT];
	unsigned long close_on_exec[NR_OPEN_DEFAULT / (8 * sizeof(long))];
};

struct files_struct *files_alloc(void);
void put_files_struct(struct files_struct *files);
/* The lowest free descriptor >= start for file (the table takes the caller's reference). */
int fd_install_from(struct files_struct *files, struct file *file, int start, bool cloexec);
/* The file at fd, referenced (fput), or NULL. */
struct file *fget_from(struct files_struct *files, int fd);
int close_fd_in(struct files_struct *files, int fd);
/*
 * The caller's file at fd, as Linux's fdget: without the lock or a reference when the caller's
 * table is its own alone (then nobody but the caller can close fd while it uses the file),
 * referenced otherwise; *put says whether an fput is owed. For the hot calls: read, write
 * and the IPC calls.
 */
static inline struct file *fget_light(int fd, bool *put)
{
	struct files_struct *files = current->files;

	if (likely(atomic_read(&files->count) == 1)) {
		*put = false;
		if (unlikely((unsigned int)fd >= NR_OPEN_DEFAULT))
			return NULL;
		return READ_ONCE(files->fd[fd]);
	}
	*put = true;
	return fget_from(files, fd);
}
int dup_fd_in(struct files_struct *files, int fd, int start, bool cloexec);
/* dup3: newfd names oldfd's file (closing what it named); -EINVAL if they are equal. */
int dup3_in(struct files_struct *files, int oldfd, int newfd, bool cloexec);
bool fd_is_cloexec(struct files_struct *files, int fd);
struct files_struct *dup_files(struct files_struct *old);
void do_close_on_exec(struct files_struct *files);
int set_close_on_exec_in(struct files_struct *files, int fd, bool on);

#endif /* _KERNEL_FDTABLE_H */
