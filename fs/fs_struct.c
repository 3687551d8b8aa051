// SPDX-License-Identifier: GPL-2.0
/*
 * Where a task's path walks start: its root and working directory, and its umask. Kernel
 * threads share init's; processes will get their own copies at fork.
 */
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/slab.h>

static struct fs_struct init_fs = {
	.users = ATOMIC_INIT(1),
	.lock = __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask = 0022,
};

static const struct cred init_cred = { .usage = ATOMIC_INIT(1) };

/* The first task's fs and credentials; new tasks inherit them (create_task). */
void set_fs_root_pwd(struct vfsmount *mnt, struct dentry *dentry)
{
	struct path root = { mnt, dentry };

	path_get(&root);
	init_fs.root = root;
	path_get(&root);
	init_fs.pwd = root;
	current->fs = &init_fs;
	current->cred = &init_cred;
}

struct fs_struct *get_init_fs(void)
{
	atomic_inc(&init_fs.users);
	return &init_fs;
}

const struct cred *get_init_cred(void)
{
	return &init_cred;
}

static void set_pwd(struct fs_struct *fs, const struct path *path)
{
	struct path old;
	unsigned long flags;

	path_get(path);
	spin_lock_irqsave(&fs->lock, flags);
	old = fs->pwd;
	fs->pwd = *path;
	spin_unlock_irqrestore(&fs->lock, flags);
	path_put(&old);
}

int do_chdir(const char *name)
{
	struct path path;
	int err = kern_path(name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = inode_permission(path.dentry->d_inode, MAY_EXEC);
	if (!err)
		set_pwd(current->fs, &path);
	path_put(&path);
	return err;
}
