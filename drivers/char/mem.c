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
#define KMSG_LINE_MAX 1024

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

/* /dev/kmsg: one log record per read, "level,seq,usec,-;text\n", as Linux formats it. */
static int open_kmsg(struct inode *inode, struct file *file)
{
	u64 *seq = kzalloc(sizeof(*seq), GFP_KERNEL);

	if (!seq)
		return -ENOMEM;
	file->private_data = seq;
	return 0;
}

static int release_kmsg(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static ssize_t read_kmsg(struct file *file, struct iov_iter *to, loff_t *pos)
{
	u64 *seq = file->private_data;
	struct log_record_info info;
	char *text = kmalloc(KMSG_LINE_MAX, GFP_KERNEL), *line;
	size_t len, n;
	ssize_t ret;

	line = kmalloc(KMSG_LINE_MAX + 64, GFP_KERNEL);
	if (!text || !line) {
		ret = -ENOMEM;
		goto out_free;
	}
	/* Blocking readers sleep until printk adds a record (it wakes them). */
	if (log_buf_next_seq() <= *seq) {
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			goto out_free;
		}
		ret = log_buf_wait(*seq);
		if (ret)
			goto out_free;
	}
	len = log_buf_read(seq, &info, text, KMSG_LINE_MAX);
	n = snprintf(line, KMSG_LINE_MAX + 64, "%u,%llu,%llu,-;%.*s\n", info.level,
		     (unsigned long long)info.seq, (unsigned long long)(info.ts_nsec / 1000),
		     (int)len, text);
	if (n > to->count) {
		ret = -EINVAL; /* as on Linux: the buffer must hold a whole record */
		(*seq)--;
		goto out_free;
	}
	ret = copy_to_iter(line, n, to);
	if ((size_t)ret < n)
		ret = -EFAULT;
out_free:
	kfree(text);
	kfree(line);
	return ret;
}

/* Writing a line logs it; "<N>" in front picks the level, as with printk. */
static ssize_t write_kmsg(struct file *file, struct iov_iter *from, loff_t *pos)
{
	size_t n = min(from->count, (size_t)KMSG_LINE_MAX - 1);
	char *buf = kmalloc(KMSG_LINE_MAX, GFP_KERNEL);
	int level = LOGLEVEL_INFO;
	const char *text;
	size_t got;

	if (!buf)
		return -ENOMEM;
	got = copy_from_iter(buf, n, from);
	buf[got] = '\0';
	text = buf;
	if (text[0] == '<' && text[1] >= '0' && text[1] <= '7' && text[2] == '>') {
		level = text[1] - '0';
		text += 3;
	}
	{
		/* printk takes the level from the start of its format, so build one. */
		char fmt[] = KERN_INFO "%s%s";

		fmt[1] = '0' + level;
		printk(fmt, text, got && buf[got - 1] == '\n' ? "" : "\n");
	}
	kfree(buf);
	return got ? (ssize_t)got : -EFAULT;
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

static const struct file_operations kmsg_fops = {
	.open = open_kmsg,
	.release = release_kmsg,
	.read = read_kmsg,
	.write = write_kmsg,
};

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
