// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes: allocation, reference counting and eviction. An inode lives while it has
 * references (dentries and open files hold them); when the last goes, one with no links left
 * is evicted (its data dropped), one with links is only forgotten in memory (a disk file
 * system reads it back; tmpfs keeps its inodes pinned through their dentries).
 */
#include <kernel/fs.h>
#include <kernel/panic.h>
#include <kernel/pipe_fs.h>
#include <kernel/slab.h>
#include <kernel/string.h>

static atomic_long_t inodes_in_use;
static atomic_long_t next_ino = { 1 };

unsigned long nr_inodes(void)
{
	return atomic_long_read(&inodes_in_use);
}

struct timespec64 current_time(struct inode *inode)
{
	struct timespec64 ts;

	ktime_get_real_ts64(&ts);
	return ts;
}

static void inode_init(struct inode *inode, struct super_block *sb)
{
	unsigned long flags;

	inode->i_sb = sb;
	atomic_set(&inode->i_count, 1);
	inode->i_nlink = 1;
	spin_lock_init(&inode->i_lock);
	init_rwsem(&inode->i_rwsem);
	address_space_init(&inode->i_data, inode);
	inode->i_mapping = &inode->i_data;
	inode->i_ino = atomic_long_add_return(1, &next_ino);
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	INIT_LIST_HEAD(&inode->i_sb_list);
	spin_lock_irqsave(&sb->s_inode_list_lock, flags);
	list_add(&inode->i_sb_list, &sb->s_inodes);
	spin_unlock_irqrestore(&sb->s_inode_list_lock, flags);
	atomic_long_inc(&inodes_in_use);
}

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode;

	if (sb->s_op && sb->s_op->alloc_inode)
		inode = sb->s_op->alloc_inode(sb);
	else
		inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	if (inode)
		inode_init(inode, sb);
	return inode;
}

void iget(struct inode *inode)
{
	atomic_inc(&inode->i_count);
}

static void destroy_inode(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;
	unsigned long flags;

	spin_lock_irqsave(&sb->s_inode_list_lock, flags);
	list_del(&inode->i_sb_list);
	spin_unlock_irqrestore(&sb->s_inode_list_lock, flags);
	atomic_long_dec(&inodes_in_use);
	free_inode_pipe(inode); /* a FIFO's ring, if it was ever opened */
	if (sb->s_op && sb->s_op->destroy_inode)
		sb->s_op->destroy_inode(inode);
	else
		kfree(inode);
}

void iput(struct inode *inode)
{
	if (!inode || !atomic_dec_and_test(&inode->i_count))
		return;
	inode->i_state |= I_FREEING;
	if (!inode->i_nlink) {
		if (inode->i_sb->s_op && inode->i_sb->s_op->evict_inode)
			inode->i_sb->s_op->evict_inode(inode);
		else
			truncate_inode_pages(inode->i_mapping, 0);
	} else {
		/* Cached pages are only a copy for file systems with a backing store. */
		truncate_inode_pages(inode->i_mapping, 0);
	}
	destroy_inode(inode);
}

void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	const struct cred *cred = current_cred();

	inode->i_uid = cred->fsuid;
	inode->i_gid = cred->fsgid;
	/* A set-group-ID directory passes its group on (and the bit, to subdirectories). */
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	}
	inode->i_mode = mode;
}

void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	WARN_ON(inode->i_nlink == 0);
	if (inode->i_nlink)
		inode->i_nlink--;
}

void clear_nlink(struct inode *inode)
{
	inode->i_nlink = 0;
}

void set_nlink(struct inode *inode, unsigned int nlink)
{
	inode->i_nlink = nlink;
}

void inode_lock(struct inode *inode)
{
	down_write(&inode->i_rwsem);
}

void inode_lock_nested(struct inode *inode, unsigned int subclass)
{
	down_write_nested(&inode->i_rwsem, subclass);
}

void inode_unlock(struct inode *inode)
{
	up_write(&inode->i_rwsem);
}
