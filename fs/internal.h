/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <asm/uaccess.h>
#include <kernel/fs.h>

/* Shared by the VFS's own files (fs/), not for file systems. */
int may_write_dir(const struct path *dir);
int check_sticky(struct inode *dir, struct inode *inode);

/* The system calls' helpers (open.c). */
char *getname(const char __user *filename);
void putname(char *name);
struct file *fget(unsigned int fd);
int at_base(int dfd, const char *name, struct path **base, struct file **file);

#endif /* _FS_INTERNAL_H */
