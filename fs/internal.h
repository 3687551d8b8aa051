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
void names_cache_drain(void);
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

/* The attribute changes on a resolved path (attr.c), for the path and descriptor calls. */
#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)
int chmod_common(const struct path *path, umode_t mode);
int chown_common(const struct path *path, uid_t uid, gid_t gid);
int utimes_common(const struct path *path, const struct timespec64 *times);
/* The path at (dfd, filename), referenced; AT_EMPTY_PATH in flags allows "" (open.c). */
int user_path_at(int dfd, const char __user *filename, unsigned int lookup, int flags,
		 struct path *path);
/* File locks (locks.c): a close by a descriptor table owner, the last close of a file. */
struct files_struct;
struct flock;
void locks_remove_posix(struct file *file, struct files_struct *owner);
void locks_remove_file(struct file *file);
long fcntl_getlk(struct file *file, struct flock __user *ul, bool ofd);
long fcntl_setlk(struct file *file, struct flock __user *ul, bool wait, bool ofd);
/* Files with no name (anon_inodes.c): eventfd, timerfd. */
void anon_inode_init(void);
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops, void *priv,
				int flags);
/* The caller's RLIMIT_NOFILE (select.c). */
unsigned long rlimit_nofile(void);

#endif /* _FS_INTERNAL_H */
