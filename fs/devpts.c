// SPDX-License-Identifier: GPL-2.0
/*
 * devpts: the directory of the pseudo-terminals' slaves, /dev/pts/N, one node per pair
 * while its master is open (drivers/tty/pty.c). It is tmpfs underneath (the type's mount
 * lends tmpfs's), with one instance, as Linux's devpts without newinstance: every mount
 * shows the same nodes. The kernel makes and removes the nodes itself, as the owner of
 * the opener of /dev/ptmx, without the mknod permission a user would need.
 *
 * devpts_path (the instance, referenced for the kernel's life) is under devpts_mutex.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/tty.h>

#include "internal.h"

#define DEVPTS_SUPER_MAGIC 0x1cd1

static DEFINE_MUTEX(devpts_mutex);
static struct dentry *devpts_root; /* the instance's root, referenced */
static struct path devpts_path; /* where the kernel makes the nodes: the boot mount */

static struct dentry *devpts_mount(struct file_system_type *type, int flags, const char *dev_name,
				   void *data)
{
	struct file_system_type *tmpfs = get_fs_type("tmpfs");
	struct dentry *root;

	mutex_lock(&devpts_mutex);
	if (devpts_root) {
		root = dget(devpts_root);
		goto out;
	}
	root = tmpfs ? tmpfs->mount(type, flags, dev_name, "mode=0755") : ERR_PTR(-ENODEV);
	if (!IS_ERR(root)) {
		root->d_sb->s_magic = DEVPTS_SUPER_MAGIC;
		devpts_root = dget(root); /* the one instance stays */
	}
out:
	mutex_unlock(&devpts_mutex);
	return root;
}

static void devpts_kill_sb(struct super_block *sb)
{
	struct file_system_type *tmpfs = get_fs_type("tmpfs");

	tmpfs->kill_sb(sb);
}

static struct file_system_type devpts_fs_type = {
	.name = "devpts",
	.mount = devpts_mount,
	.kill_sb = devpts_kill_sb,
};

/* Mounts the instance on /dev/pts and keeps that path for making the nodes. */
void devpts_mount_boot(void)
{
	int err = register_filesystem(&devpts_fs_type);

	if (!err) {
		err = do_mkdirat(NULL, "/dev/pts", 0755);
		if (!err || err == -EEXIST)
			err = do_mount("devpts", "/dev/pts", "devpts", 0, NULL);
	}
	if (!err) {
		mutex_lock(&devpts_mutex);
		err = kern_path("/dev/pts", 0, &devpts_path);
		mutex_unlock(&devpts_mutex);
	}
	if (err)
		pr_err("devpts: cannot mount /dev/pts (%d): no pseudo-terminals\n", err);
}

/* The node's parent locked and its dentry, or an ERR_PTR; devpts_mutex held. */
static struct dentry *node_lookup(int index, struct path *parent)
{
	struct qstr last;
	struct dentry *dentry;
	char name[16];
	bool slash;
	int err;

	lockdep_assert_held(&devpts_mutex);
	if (!devpts_path.dentry)
		return ERR_PTR(-ENODEV);
	snprintf(name, sizeof(name), "%d", index);
	err = kern_path_parent(&devpts_path, name, parent, &last, &slash);
	if (err)
		return ERR_PTR(err);
	inode_lock_nested(parent->dentry->d_inode, I_MUTEX_PARENT);
	dentry = lookup_locked(parent->dentry, &last);
	if (IS_ERR(dentry)) {
		inode_unlock(parent->dentry->d_inode);
		path_put(parent);
	}
	return dentry;
}

static void node_done(struct path *parent, struct dentry *dentry)
{
	dput(dentry);
	inode_unlock(parent->dentry->d_inode);
	path_put(parent);
}

int devpts_pty_new(int index, dev_t dev, uid_t uid, gid_t gid)
{
	struct path parent;
	struct dentry *dentry;
	struct inode *dir;
	int err;

	mutex_lock(&devpts_mutex);
	dentry = node_lookup(index, &parent);
	err = PTR_ERR_OR_ZERO(dentry);
	if (err)
		goto out;
	dir = parent.dentry->d_inode;
	if (dentry->d_inode)
		err = -EEXIST;
	else
		err = dir->i_op->mknod(dir, dentry, S_IFCHR | 0620, dev);
	if (!err) {
		dentry->d_inode->i_uid = uid;
		dentry->d_inode->i_gid = gid;
	}
	node_done(&parent, dentry);
out:
	mutex_unlock(&devpts_mutex);
	return err;
}

void devpts_pty_kill(int index)
{
	struct path parent;
	struct dentry *dentry;
	struct inode *dir;

	mutex_lock(&devpts_mutex);
	dentry = node_lookup(index, &parent);
	if (IS_ERR(dentry))
		goto out;
	dir = parent.dentry->d_inode;
	if (dentry->d_inode && !dir->i_op->unlink(dir, dentry))
		d_delete(dentry);
	node_done(&parent, dentry);
out:
	mutex_unlock(&devpts_mutex);
}
