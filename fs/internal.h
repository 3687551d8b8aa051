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

/* fs/namei.c, for fs/dir_ops.c. */
static inline bool is_dot(const struct qstr *q)
{
	return q->len == 1 && q->name[0] == '.';
}

static inline bool is_dotdot(const struct qstr *q)
{
	return q->len == 2 && q->name[0] == '.' && q->name[1] == '.';
}

/* The parent directory of name's last component, referenced, and that component. */
int kern_path_parent(const struct path *base, const char *name, struct path *parent,
		     struct qstr *last, bool *trailing_slash);
/* The dentry for last in the locked directory parent (positive or negative), referenced. */
struct dentry *lookup_locked(struct dentry *parent, struct qstr *last);

#endif /* _FS_INTERNAL_H */
