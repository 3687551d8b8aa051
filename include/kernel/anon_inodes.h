/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_ANON_INODES_H
#define _KERNEL_ANON_INODES_H

#include <kernel/fs.h>

/*
 * A new file named anon_inode:name over fops, with priv as its private_data (fs/anon_inodes.c),
 * for the files of other subsystems than fs/ (kernel/ipc.c); flags give the access mode and
 * O_NONBLOCK. The caller installs it (fd_install_from) or fputs it.
 */
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops, void *priv,
				int flags);

#endif /* _KERNEL_ANON_INODES_H */
