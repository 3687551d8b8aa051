// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices of major 1, with Linux's minors: /dev/null (3), /dev/zero (5),
 * /dev/full (7), /dev/random (8), /dev/urandom (9) and /dev/kmsg (11).
 */
#include <kernel/devfs.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/random.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <uapi/poll.h>

#define MEM_MAJOR 1

static ssize_t read_null(struct file *file, struct iov_iter *to, loff_t *pos)
{
	return 0;
}

static ssize_t write_null(struct file *file, struct iov_iter *from, loff_t *pos)
{
	size_t n = from->count;

	from->base += n;
	from->count = 0;
	return n;
}

static loff_t llseek_noop(struct file *file, loff_t offset, int whence)
{
	return file->f_pos = 0;
}

static ssize_t read_zero(struct file *file, struct iov_iter *to, loff_t *pos)
{
	size_t want = to->count, n = iov_iter_zero(want, to);

	return n ? (ssize_t)n : -EFAULT;
}

static ssize_t write_full(struct file *file, struct iov_iter *from, loff_t *pos)
{
	return -ENOSPC;
}

static ssize_t read_random(struct file *file, struct iov_iter *to, loff_t *pos)
{
	u8 chunk[256];
	ssize_t done = 0;

	while (to->count) {
		size_t n = min(to->count, sizeof(chunk)), copied;

		get_random_bytes(chunk, n);
		copied = copy_to_iter(chunk, n, to);
		done += copied;
		if (copied < n)
			break;
	}
	memset(chunk, 0, sizeof(chunk));
	return done ? done : -EFAULT;
}

/* Writes to the random devices are accepted and mixed in by reading them: discard. */
static ssize_t write_random(struct file *file, struct iov_iter *from, loff_t *pos)
{
	return write_null(file, from, pos);
}

static const struct file_operations null_fops = {
	.llseek = llseek_noop,
	.read = read_null,
	.write = write_null,
};

static const struct file_operations zero_fops = {
	.llseek = llseek_noop,
	.read = read_zero,
	.write = write_null,
};

static const struct file_operations full_fops = {
	.llseek = llseek_noop,
	.read = read_zero,
	.write = write_full,
};

static const struct file_operations random_fops = {
	.read = read_random,
	.write = write_random,
};

/* drivers/char/kmsg.c */
extern const struct file_operations kmsg_fops;

static const struct {
	const char *name;
	unsigned int minor;
	umode_t mode;
	const struct file_operations *fops;
} mem_devices[] = {
	{ "null", 3, 0666, &null_fops },      { "zero", 5, 0666, &zero_fops },
	{ "full", 7, 0666, &full_fops },      { "random", 8, 0666, &random_fops },
	{ "urandom", 9, 0666, &random_fops }, { "kmsg", 11, 0644, &kmsg_fops },
};

static int memory_open(struct inode *inode, struct file *file)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(mem_devices); i++) {
		if (mem_devices[i].minor != MINOR(inode->i_rdev))
			continue;
		file->f_op = mem_devices[i].fops;
		return file->f_op->open ? file->f_op->open(inode, file) : 0;
	}
	return -ENXIO;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

void chr_dev_init(void);
void chr_dev_init(void)
{
	random_init();
	if (register_chrdev(MEM_MAJOR, "mem", &memory_fops))
		pr_err("mem: major %d is taken\n", MEM_MAJOR);
	for (unsigned int i = 0; i < ARRAY_SIZE(mem_devices); i++)
		devfs_register(mem_devices[i].name, S_IFCHR | mem_devices[i].mode,
			       MKDEV(MEM_MAJOR, mem_devices[i].minor));
}
