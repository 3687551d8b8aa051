// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices: a driver registers the file operations of its major number; a device
 * node (an inode with i_rdev) opens into them. FIFOs get the pipe code's operations the same
 * way (init_special_inode).
 */
#include <kernel/fs.h>
#include <kernel/spinlock.h>

#define MAX_CHRDEV 256

static struct {
	const char *name;
	const struct file_operations *fops;
} chrdevs[MAX_CHRDEV];
static DEFINE_SPINLOCK(chrdevs_lock);

int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	unsigned long flags;
	int err = 0;

	if (major == 0 || major >= MAX_CHRDEV || !fops)
		return -EINVAL;
	spin_lock_irqsave(&chrdevs_lock, flags);
	if (chrdevs[major].fops)
		err = -EBUSY;
	else
		chrdevs[major].name = name, chrdevs[major].fops = fops;
	spin_unlock_irqrestore(&chrdevs_lock, flags);
	return err;
}

void unregister_chrdev(unsigned int major)
{
	unsigned long flags;

	if (major >= MAX_CHRDEV)
		return;
	spin_lock_irqsave(&chrdevs_lock, flags);
	chrdevs[major].name = NULL;
	chrdevs[major].fops = NULL;
	spin_unlock_irqrestore(&chrdevs_lock, flags);
}

/* Every character device node opens through here into its driver's operations. */
static int chrdev_open(struct inode *inode, struct file *file)
{
	unsigned int major = MAJOR(inode->i_rdev);
	const struct file_operations *fops = NULL;
	unsigned long flags;

	spin_lock_irqsave(&chrdevs_lock, flags);
	if (major < MAX_CHRDEV)
		fops = chrdevs[major].fops;
	spin_unlock_irqrestore(&chrdevs_lock, flags);
	if (!fops)
		return -ENXIO;
	file->f_op = fops;
	return fops->open ? fops->open(inode, file) : 0;
}

static const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};

/* Without the pipe code, opening a FIFO fails cleanly. */
static int no_fifo_open(struct inode *inode, struct file *file)
{
	return -ENXIO;
}

static const struct file_operations no_fifo_fops = {
	.open = no_fifo_open,
};

__weak const struct file_operations *fifo_file_operations(void)
{
	return &no_fifo_fops;
}

void init_special_inode(struct inode *inode, umode_t mode, dev_t dev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = dev;
	} else if (S_ISBLK(mode)) {
		inode->i_rdev = dev; /* block devices come with the block layer */
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = fifo_file_operations();
	}
}
