// SPDX-License-Identifier: GPL-2.0
/*
 * Open file descriptions: made by dentry_open, shared by reference (dup, fork), and closed
 * when the last reference goes: release, then the dentry and mount they pinned.
 */
#include <kernel/fs.h>
#include <kernel/slab.h>

#include "internal.h"

static atomic_long_t files_open;

unsigned long nr_files(void)
{
	return atomic_long_read(&files_open);
}

struct file *get_file(struct file *file)
{
	atomic_long_inc(&file->f_count);
	return file;
}

static void put_write_access(struct file *file)
{
	struct inode *inode = file->f_inode;
	unsigned long flags;

	spin_lock_irqsave(&inode->i_lock, flags);
	if (file->f_mode & FMODE_WRITE)
		inode->i_writecount--;
	if (file->f_mode & FMODE_READ)
		inode->i_readcount--;
	spin_unlock_irqrestore(&inode->i_lock, flags);
}

void fput(struct file *file)
{
	struct inode *inode;

	if (atomic_long_add_return(-1, &file->f_count))
		return;
	inode = file->f_inode;
	locks_remove_file(file);
	if (file->f_op && file->f_op->release)
		file->f_op->release(inode, file);
	put_write_access(file);
	path_put(&file->f_path);
	kfree(file);
	atomic_long_dec(&files_open);
}

static fmode_t open_fmode(int flags)
{
	static const fmode_t modes[4] = { FMODE_READ, FMODE_WRITE, FMODE_READ | FMODE_WRITE,
					  FMODE_READ };

	return modes[flags & O_ACCMODE] | FMODE_LSEEK | FMODE_PREAD;
}

struct file *dentry_open(const struct path *path, int flags)
{
	struct inode *inode = path->dentry->d_inode;
	struct file *file = kzalloc(sizeof(*file), GFP_KERNEL);
	unsigned long irqflags;
	int err;

	if (!file)
		return ERR_PTR(-ENOMEM);
	atomic_long_set(&file->f_count, 1);
	file->f_path = *path;
	path_get(path);
	file->f_inode = inode;
	file->f_mapping = inode->i_mapping;
	/* O_NOCTTY is for the open itself (a terminal's): gone once it is done, as on Linux. */
	file->f_flags = flags & ~(O_CREAT | O_EXCL | O_TRUNC);
	file->f_mode = open_fmode(flags);
	file->f_op = inode->i_fop;
	mutex_init(&file->f_pos_lock);
	spin_lock_irqsave(&inode->i_lock, irqflags);
	if (file->f_mode & FMODE_WRITE)
		inode->i_writecount++;
	if (file->f_mode & FMODE_READ)
		inode->i_readcount++;
	spin_unlock_irqrestore(&inode->i_lock, irqflags);
	atomic_long_inc(&files_open);
	if (file->f_op && file->f_op->open) {
		err = file->f_op->open(inode, file);
		if (err) {
			/* No release for an open that failed. */
			file->f_op = NULL;
			fput(file);
			return ERR_PTR(err);
		}
	}
	file->f_flags &= ~O_NOCTTY;
	return file;
}

int filp_close(struct file *file)
{
	int err = 0;

	if (file->f_op && file->f_op->flush)
		err = file->f_op->flush(file);
	fput(file);
	return err;
}
