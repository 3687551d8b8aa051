/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <kernel/fs.h>

/* Shared by the VFS's own files (fs/), not for file systems. */
int may_write_dir(const struct path *dir);
int check_sticky(struct inode *dir, struct inode *inode);

#endif /* _FS_INTERNAL_H */
