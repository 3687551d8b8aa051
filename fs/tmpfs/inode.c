// SPDX-License-Identifier: GPL-2.0
/*
 * tmpfs: a file system in memory. Its directory tree is the dentry cache itself (every
 * entry it creates is pinned there until unlinked), and its file data lives in the page
 * cache and nowhere else: a page never written is a hole that reads as zeros. Everything
 * goes with the last reference once the last link is gone, or at unmount.
 */
#include <kernel/fs.h>
#include <kernel/gfp.h>
#include <kernel/mm.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define TMPFS_MAGIC 0x01021994

static const struct super_operations tmpfs_ops;
static const struct inode_operations tmpfs_dir_iops, tmpfs_file_iops, tmpfs_symlink_iops;
static const struct file_operations tmpfs_dir_fops, tmpfs_file_fops;

static struct inode *tmpfs_get_inode(struct super_block *sb, const struct inode *dir, umode_t mode,
				     dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode_init_owner(inode, dir, mode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &tmpfs_file_iops;
		inode->i_fop = &tmpfs_file_fops;
		break;
	case S_IFDIR:
		inode->i_op = &tmpfs_dir_iops;
		inode->i_fop = &tmpfs_dir_fops;
		inc_nlink(inode); /* "." */
		break;
	case S_IFLNK:
		inode->i_op = &tmpfs_symlink_iops;
		break;
	default:
		init_special_inode(inode, inode->i_mode, dev);
		inode->i_op = &tmpfs_file_iops;
		break;
	}
	return inode;
}

static void dir_changed(struct inode *dir)
{
	dir->i_mtime = dir->i_ctime = current_time(dir);
}

/* Every name tmpfs has is in the dcache, so a miss means there is no such name. */
static struct dentry *tmpfs_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	d_add(dentry, NULL);
	return NULL;
}

/* The namespace operations below are called with dir's i_rwsem held (fs/namei.c). */
static int tmpfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode;

	lockdep_assert_held(&dir->i_rwsem);
	inode = tmpfs_get_inode(dir->i_sb, dir, mode, dev);
	if (!inode)
		return -ENOSPC;
	d_instantiate(dentry, inode);
	d_pin(dentry);
	if (S_ISDIR(mode))
		inc_nlink(dir);
	dir_changed(dir);
	return 0;
}

static int tmpfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	return tmpfs_mknod(dir, dentry, (mode & ~S_IFMT) | S_IFREG, 0);
}

static int tmpfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	return tmpfs_mknod(dir, dentry, (mode & ~S_IFMT) | S_IFDIR, 0);
}

static int tmpfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	size_t len = strlen(target);
	struct inode *inode;
	char *copy;

	copy = kmalloc(len + 1, GFP_KERNEL);
	if (!copy)
		return -ENOSPC;
	memcpy(copy, target, len + 1);
	inode = tmpfs_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	if (!inode) {
		kfree(copy);
		return -ENOSPC;
	}
	inode->i_private = copy;
	inode->i_size = len;
	d_instantiate(dentry, inode);
	d_pin(dentry);
	dir_changed(dir);
	return 0;
}

static int tmpfs_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old_dentry->d_inode;

	inc_nlink(inode);
	iget(inode);
	inode->i_ctime = current_time(inode);
	d_instantiate(dentry, inode);
	d_pin(dentry);
	dir_changed(dir);
	return 0;
}

static int tmpfs_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	lockdep_assert_held(&dir->i_rwsem);
	drop_nlink(inode);
	inode->i_ctime = current_time(inode);
	dir_changed(dir);
	d_unpin(dentry);
	return 0;
}

static int tmpfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (d_has_positive_children(dentry))
		return -ENOTEMPTY;
	drop_nlink(dentry->d_inode); /* its "." */
	drop_nlink(dir); /* its ".." */
	return tmpfs_unlink(dir, dentry);
}

static int tmpfs_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
			struct dentry *new_dentry, unsigned int flags)
{
	struct inode *inode = old_dentry->d_inode, *target = new_dentry->d_inode;
	bool is_dir = S_ISDIR(inode->i_mode);

	lockdep_assert_held(&old_dir->i_rwsem);
	lockdep_assert_held(&new_dir->i_rwsem);
	if (target) {
		if (S_ISDIR(target->i_mode)) {
			if (d_has_positive_children(new_dentry))
				return -ENOTEMPTY;
			drop_nlink(target); /* its "." */
			drop_nlink(new_dir);
		}
		drop_nlink(target);
		target->i_ctime = current_time(target);
		d_unpin(new_dentry);
	}
	if (is_dir && old_dir != new_dir) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	inode->i_ctime = current_time(inode);
	dir_changed(old_dir);
	dir_changed(new_dir);
	return 0;
}

static const char *tmpfs_get_link(struct dentry *dentry, struct inode *inode)
{
	return inode->i_private;
}

static int tmpfs_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = TMPFS_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_frsize = PAGE_SIZE;
	buf->f_blocks = totalram_pages();
	buf->f_bfree = buf->f_bavail = nr_free_pages();
	buf->f_files = totalram_pages();
	buf->f_ffree = nr_free_pages();
	buf->f_namelen = NAME_MAX;
	return 0;
}

static void tmpfs_evict_inode(struct inode *inode)
{
	truncate_inode_pages(inode->i_mapping, 0);
	if (S_ISLNK(inode->i_mode))
		kfree(inode->i_private);
}

static const struct super_operations tmpfs_ops = {
	.evict_inode = tmpfs_evict_inode,
	.statfs = tmpfs_statfs,
};

static const struct inode_operations tmpfs_dir_iops = {
	.lookup = tmpfs_lookup,
	.create = tmpfs_create,
	.link = tmpfs_link,
	.unlink = tmpfs_unlink,
	.symlink = tmpfs_symlink,
	.mkdir = tmpfs_mkdir,
	.rmdir = tmpfs_rmdir,
	.mknod = tmpfs_mknod,
	.rename = tmpfs_rename,
};

static const struct inode_operations tmpfs_file_iops = {};

static const struct inode_operations tmpfs_symlink_iops = {
	.get_link = tmpfs_get_link,
};

static loff_t tmpfs_dir_llseek(struct file *file, loff_t offset, int whence)
{
	if (whence != SEEK_SET || offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

static const struct file_operations tmpfs_dir_fops = {
	.llseek = tmpfs_dir_llseek,
	.iterate_shared = dcache_readdir,
	.open = dcache_dir_open,
	.release = dcache_dir_close,
};

static const struct file_operations tmpfs_file_fops = {
	.llseek = generic_file_llseek,
	.read = generic_file_read,
	.write = generic_file_write,
	.mmap = generic_file_mmap,
};

/* The one mount option: mode=OCTAL for the root directory (default 1777, as on Linux). */
static umode_t root_mode(const char *data)
{
	umode_t mode = 0;

	if (!data || strncmp(data, "mode=", 5))
		return 01777;
	for (data += 5; *data >= '0' && *data <= '7'; data++)
		mode = mode * 8 + (*data - '0');
	return mode & 07777;
}

static struct dentry *tmpfs_mount(struct file_system_type *type, int flags, const char *dev_name,
				  void *data)
{
	struct super_block *sb = sget_nodev(type, flags);
	struct inode *root;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->s_magic = TMPFS_MAGIC;
	sb->s_op = &tmpfs_ops;
	root = tmpfs_get_inode(sb, NULL, S_IFDIR | root_mode(data), 0);
	sb->s_root = d_make_root(root);
	if (!sb->s_root) {
		kill_anon_super(sb);
		return ERR_PTR(-ENOMEM);
	}
	return dget(sb->s_root);
}

static void tmpfs_kill_sb(struct super_block *sb)
{
	d_genocide(sb->s_root);
	dput(sb->s_root);
	shrink_dcache_all();
	kill_anon_super(sb);
}

static struct file_system_type tmpfs_fs_type = {
	.name = "tmpfs",
	.mount = tmpfs_mount,
	.kill_sb = tmpfs_kill_sb,
};

void tmpfs_init(void);
void tmpfs_init(void)
{
	register_filesystem(&tmpfs_fs_type);
}
