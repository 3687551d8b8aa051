// SPDX-License-Identifier: GPL-2.0
/*
 * Where a task's path walks start: its root and working directory, and its umask (see
 * include/kernel/fs_struct.h). Kernel threads share init's; a task may take a private copy
 * (unshare_fs_struct), as processes will at fork.
 *
 * Locking: fs->lock covers root and pwd; it nests outside the dcache and mount locks (a
 * reader takes its references under it). References are dropped after letting it go.
 */
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/slab.h>

static struct fs_struct init_fs = {
	.users = ATOMIC_INIT(1),
	.lock = __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask = 0022,
};

static struct cred init_cred = { .usage = ATOMIC_INIT(1) };

/* The first task's fs and credentials; new tasks inherit them (create_task). */
void set_fs_root_pwd(struct vfsmount *mnt, struct dentry *dentry)
{
	struct path root = { mnt, dentry };

	set_fs_root(&init_fs, &root);
	set_fs_pwd(&init_fs, &root);
	current->fs = &init_fs;
	current->cred = &init_cred; /* init's reference is the static one */
}

struct fs_struct *get_init_fs(void)
{
	atomic_inc(&init_fs.users);
	return &init_fs;
}

static void set_path(struct fs_struct *fs, struct path *where, const struct path *path)
{
	struct path old;
	unsigned long flags;

	path_get(path);
	spin_lock_irqsave(&fs->lock, flags);
	old = *where;
	*where = *path;
	spin_unlock_irqrestore(&fs->lock, flags);
	if (old.dentry)
		path_put(&old);
}

void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	set_path(fs, &fs->root, path);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	set_path(fs, &fs->pwd, path);
}

static void get_path(struct fs_struct *fs, const struct path *which, struct path *copy)
{
	unsigned long flags;

	spin_lock_irqsave(&fs->lock, flags);
	*copy = *which;
	path_get(copy);
	spin_unlock_irqrestore(&fs->lock, flags);
}

void get_fs_root(struct fs_struct *fs, struct path *root)
{
	get_path(fs, &fs->root, root);
}

void get_fs_pwd(struct fs_struct *fs, struct path *pwd)
{
	get_path(fs, &fs->pwd, pwd);
}

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);
	unsigned long flags;

	if (!fs)
		return NULL;
	atomic_set(&fs->users, 1);
	spin_lock_init(&fs->lock);
	spin_lock_irqsave(&old->lock, flags);
	fs->root = old->root;
	fs->pwd = old->pwd;
	path_get(&fs->root);
	path_get(&fs->pwd);
	fs->umask = old->umask;
	spin_unlock_irqrestore(&old->lock, flags);
	return fs;
}

static void free_fs_struct(struct fs_struct *fs)
{
	BUG_ON(fs == &init_fs);
	path_put(&fs->root);
	path_put(&fs->pwd);
	kfree(fs);
}

static void put_fs_struct(struct fs_struct *fs)
{
	if (atomic_dec_and_test(&fs->users))
		free_fs_struct(fs);
}

int copy_fs(unsigned long clone_flags, struct task_struct *p)
{
	struct fs_struct *fs = current->fs;

	if (!fs) {
		p->fs = NULL; /* before the root is mounted */
		return 0;
	}
	if (clone_flags & CLONE_FS) {
		atomic_inc(&fs->users);
		p->fs = fs;
		return 0;
	}
	p->fs = copy_fs_struct(fs);
	return p->fs ? 0 : -ENOMEM;
}

void exit_fs(struct task_struct *p)
{
	struct fs_struct *fs = p->fs;

	if (!fs)
		return;
	task_lock(p);
	p->fs = NULL;
	task_unlock(p);
	put_fs_struct(fs);
}

int unshare_fs_struct(void)
{
	struct fs_struct *fs = current->fs, *copy;

	if (!fs)
		return -EINVAL;
	copy = copy_fs_struct(fs);
	if (!copy)
		return -ENOMEM;
	current->fs = copy;
	put_fs_struct(fs);
	return 0;
}

int do_chdir(const char *name)
{
	struct path path;
	int err = kern_path(name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (err)
		return err;
	err = inode_permission(path.dentry->d_inode, MAY_EXEC);
	if (!err)
		set_fs_pwd(current->fs, &path);
	path_put(&path);
	return err;
}
