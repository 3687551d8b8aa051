/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_FS_STRUCT_H
#define _KERNEL_FS_STRUCT_H

#include <kernel/atomic.h>
#include <kernel/spinlock.h>
#include <kernel/types.h>

struct task_struct;
struct vfsmount;
struct dentry;

typedef unsigned short umode_t; /* as in kernel/fs.h */

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/*
 * A task's root, working directory and umask. Shared by reference (users) between tasks
 * created with CLONE_FS (kernel threads share their creator's), copied otherwise (fork).
 * fs->lock covers root and pwd: a reader takes references under it (get_fs_pwd), a writer
 * swaps under it and drops the old references after.
 */
struct fs_struct {
	atomic_t users;
	spinlock_t lock;
	struct path root, pwd;
	umode_t umask;
};

#include <uapi/sched.h> /* CLONE_FS: share root, cwd and umask */

/* What new tasks inherit (kernel threads share init's fs; processes copy it at fork). */
struct fs_struct *get_init_fs(void);
/* A copy of fs (users 1, its own references on root and pwd), or NULL. */
struct fs_struct *copy_fs_struct(struct fs_struct *fs);
/* A new task's fs: the creator's shared (CLONE_FS) or copied. 0 or -ENOMEM. */
int copy_fs(unsigned long clone_flags, struct task_struct *p);
/* Drops p's share of its fs_struct (freed with the last); p->fs becomes NULL. */
void exit_fs(struct task_struct *p);
/* Gives the caller a private copy of a shared fs_struct (as unshare(CLONE_FS)). */
int unshare_fs_struct(void);

void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);
/* Referenced copies of fs's root or working directory (path_put them). */
void get_fs_root(struct fs_struct *fs, struct path *root);
void get_fs_pwd(struct fs_struct *fs, struct path *pwd);

#endif /* _KERNEL_FS_STRUCT_H */
