/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_PIPE_FS_H
#define _KERNEL_PIPE_FS_H

struct file;
struct inode;

/* pipe(2): files[0] reads, files[1] writes; flags O_NONBLOCK (O_CLOEXEC is the fd table's). */
int create_pipe_files(struct file **files, int flags);
/* Called when a write finds no reader: the process step makes it send SIGPIPE. */
void pipe_set_sigpipe_hook(void (*hook)(void));
void free_inode_pipe(struct inode *inode);
void pipe_init(void);

#endif /* _KERNEL_PIPE_FS_H */
