// SPDX-License-Identifier: GPL-2.0
/*
 * File system types and super blocks. A super block lives while it is mounted somewhere
 * (s_active); the last unmount kills it through its type's kill_sb. File systems without a
 * device get an anonymous device number (major 0) for st_dev.
 */
#include <kernel/bitmap.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#define NR_ANON_DEVS 256

static struct file_system_type *file_systems;
static DEFINE_SPINLOCK(fs_list_lock);
static LIST_HEAD(super_blocks);
static DEFINE_SPINLOCK(sb_lock);
static DECLARE_BITMAP(anon_devs, NR_ANON_DEVS);

int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type *p;
	unsigned long flags;
	int err = 0;

	spin_lock_irqsave(&fs_list_lock, flags);
	for (p = file_systems; p; p = p->next)
		if (!strcmp(p->name, fs->name))
			err = -EBUSY;
	if (!err) {
		fs->next = file_systems;
		file_systems = fs;
	}
	spin_unlock_irqrestore(&fs_list_lock, flags);
	return err;
}

struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *p;
	unsigned long flags;

	spin_lock_irqsave(&fs_list_lock, flags);
	for (p = file_systems; p && strcmp(p->name, name); p = p->next)
		;
	spin_unlock_irqrestore(&fs_list_lock, flags);
	return p;
}

static int get_anon_dev(dev_t *dev)
{
	unsigned long flags;
	unsigned long n;

	spin_lock_irqsave(&sb_lock, flags);
	/* Minor 0 is left out, as Linux does. */
	n = find_next_zero_bit(anon_devs, NR_ANON_DEVS, 1);
	if (n < NR_ANON_DEVS)
		__set_bit(n, anon_devs);
	spin_unlock_irqrestore(&sb_lock, flags);
	if (n >= NR_ANON_DEVS)
		return -EMFILE;
	*dev = MKDEV(0, n);
	return 0;
}

static void free_anon_dev(dev_t dev)
{
	unsigned long flags;

	spin_lock_irqsave(&sb_lock, flags);
	__clear_bit(MINOR(dev), anon_devs);
	spin_unlock_irqrestore(&sb_lock, flags);
}

struct super_block *sget_nodev(struct file_system_type *type, int flags)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	unsigned long irqflags;

	if (!sb)
		return NULL;
	if (get_anon_dev(&sb->s_dev)) {
		kfree(sb);
		return NULL;
	}
	sb->s_type = type;
	sb->s_flags = flags & MS_RDONLY ? SB_RDONLY : 0;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_maxbytes = (loff_t)1 << 62;
	atomic_set(&sb->s_active, 1);
	spin_lock_init(&sb->s_inode_list_lock);
	INIT_LIST_HEAD(&sb->s_inodes);
	mutex_init(&sb->s_vfs_rename_mutex);
	snprintf(sb->s_id, sizeof(sb->s_id), "%s", type->name);
	spin_lock_irqsave(&sb_lock, irqflags);
	list_add(&sb->s_list, &super_blocks);
	spin_unlock_irqrestore(&sb_lock, irqflags);
	return sb;
}

/* For file systems that keep nothing but the tree: drop the root and free the block. */
void kill_anon_super(struct super_block *sb)
{
	unsigned long flags;

	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
	spin_lock_irqsave(&sb_lock, flags);
	list_del(&sb->s_list);
	spin_unlock_irqrestore(&sb_lock, flags);
	if (!list_empty(&sb->s_inodes))
		pr_err("VFS: busy inodes after unmount of %s\n", sb->s_id);
	free_anon_dev(sb->s_dev);
	kfree(sb);
}

int nr_super_blocks(void)
{
	struct super_block *sb;
	unsigned long flags;
	int n = 0;

	spin_lock_irqsave(&sb_lock, flags);
	list_for_each_entry(sb, &super_blocks, s_list)
		n++;
	spin_unlock_irqrestore(&sb_lock, flags);
	return n;
}

void deactivate_super(struct super_block *sb)
{
	if (!atomic_dec_and_test(&sb->s_active))
		return;
	sb->s_type->kill_sb(sb);
}
