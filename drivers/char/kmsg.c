// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/kmsg (major 1, minor 11), as Linux's Documentation/ABI/testing/dev-kmsg describes it:
 * each read returns one record, "PRI,SEQ,USEC,FLAGS;TEXT\n" with the text's unprintable
 * bytes escaped as \xNN; a reader that fell behind the ring gets EPIPE once and goes on at
 * the oldest record kept; lseek(0, SEEK_SET/SEEK_DATA/SEEK_END) moves to the oldest record,
 * to the first after syslog's last CLEAR, or past the newest. Each write logs one record,
 * "<N>" in front giving its priority (facility LOG_USER unless N names another).
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <uapi/fcntl.h>
#include <uapi/poll.h>

#define KMSG_TEXT_MAX 1024
/* A record's text, each byte possibly escaped as four, after a header of at most 64. */
#define KMSG_LINE_MAX (64 + 4 * KMSG_TEXT_MAX + 2)
#define SEEK_DATA 3
#define LOG_USER 1

struct devkmsg_user {
	struct mutex lock; /* one reader at a time moves seq */
	u64 seq; /* the next record this reader wants; lock */
	char text[KMSG_TEXT_MAX + 1];
	char line[KMSG_LINE_MAX];
};

static int devkmsg_open(struct inode *inode, struct file *file)
{
	struct devkmsg_user *user;

	/* As on Linux, writers get no reader state: reading or seeking them is EBADF. */
	if ((file->f_flags & O_ACCMODE) == O_WRONLY)
		return 0;
	user = kzalloc(sizeof(*user), GFP_KERNEL);
	if (!user)
		return -ENOMEM;
	mutex_init(&user->lock);
	user->seq = log_buf_first_seq();
	file->private_data = user;
	return 0;
}

static int devkmsg_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static size_t format_record(char *line, const struct log_record_info *info, const char *text,
			    size_t len)
{
	size_t n =
		scnprintf(line, KMSG_LINE_MAX, "%u,%llu,%llu,%c;",
			  (unsigned int)(info->facility << 3 | info->level),
			  (unsigned long long)info->seq, (unsigned long long)(info->ts_nsec / 1000),
			  info->flags & LOG_FRAG_FLAG ? 'c' : '-');

	for (size_t i = 0; i < len; i++) {
		unsigned char c = text[i];

		if (c < ' ' || c >= 127 || c == '\\')
			n += scnprintf(line + n, KMSG_LINE_MAX - n, "\\x%02x", c);
		else
			line[n++] = c;
	}
	line[n++] = '\n';
	return n;
}

static ssize_t devkmsg_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct devkmsg_user *user = file->private_data;
	struct log_record_info info = { 0 };
	size_t len, n;
	ssize_t ret;
	u64 want;

	if (!user)
		return -EBADF;
	mutex_lock(&user->lock);
	/* Blocking readers sleep until printk adds a record (it wakes them). */
	while (log_buf_next_seq() <= user->seq) {
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			goto out_unlock;
		}
		ret = log_buf_wait(user->seq);
		if (ret)
			goto out_unlock;
	}
	want = user->seq;
	len = log_buf_read(&user->seq, &info, user->text, sizeof(user->text));
	if (info.seq != want) {
		/* Our record was overwritten: say so once, then go on from the oldest kept. */
		user->seq = info.seq;
		ret = -EPIPE;
		goto out_unlock;
	}
	n = format_record(user->line, &info, user->text, len);
	/* As on Linux, the record is consumed even when the buffer cannot hold it. */
	if (n > to->count) {
		ret = -EINVAL;
		goto out_unlock;
	}
	ret = copy_to_iter(user->line, n, to);
	if ((size_t)ret < n)
		ret = -EFAULT;
out_unlock:
	mutex_unlock(&user->lock);
	return ret;
}

static loff_t devkmsg_llseek(struct file *file, loff_t offset, int whence)
{
	struct devkmsg_user *user = file->private_data;
	loff_t ret = 0;

	if (offset)
		return -ESPIPE;
	if (!user)
		return whence == SEEK_SET || whence == SEEK_DATA || whence == SEEK_END ? 0
										       : -EINVAL;
	mutex_lock(&user->lock);
	switch (whence) {
	case SEEK_SET:
		user->seq = log_buf_first_seq();
		break;
	case SEEK_DATA:
		user->seq = max(log_buf_clear_seq(), log_buf_first_seq());
		break;
	case SEEK_END:
		user->seq = log_buf_next_seq();
		break;
	default:
		ret = -EINVAL;
	}
	mutex_unlock(&user->lock);
	return ret;
}

static unsigned int devkmsg_poll(struct file *file, poll_table *pt)
{
	struct devkmsg_user *user = file->private_data;
	u64 seq;

	if (!user)
		return POLLERR | POLLNVAL;
	poll_wait(file, log_buf_waitqueue(), pt);
	seq = READ_ONCE(user->seq);
	if (seq < log_buf_first_seq())
		return POLLIN | POLLRDNORM | POLLERR | POLLPRI;
	if (seq < log_buf_next_seq())
		return POLLIN | POLLRDNORM;
	return 0;
}

/* One record per write; "<N>" (N = facility * 8 + level) in front sets its priority. */
static ssize_t devkmsg_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	size_t count = from->count, got;
	int level = MESSAGE_LOGLEVEL_DEFAULT, facility = LOG_USER;
	char *buf, *text;
	int ret;

	if (count > KMSG_TEXT_MAX)
		return -EINVAL;
	buf = kmalloc(count + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	got = copy_from_iter(buf, count, from);
	if (got < count) {
		ret = -EFAULT;
		goto out_free;
	}
	buf[got] = '\0';
	text = buf;
	if (text[0] == '<') {
		char *end = text + 1;
		unsigned long u = 0;

		while (*end >= '0' && *end <= '9' && u < 1024)
			u = u * 10 + (*end++ - '0');
		if (end != text + 1 && *end == '>') {
			level = u & 7;
			if (u >> 3)
				facility = (u >> 3) & 0xff;
			text = end + 1;
		}
	}
	ret = log_emit(facility, level, text, buf + got - text);
out_free:
	kfree(buf);
	return ret ? ret : (ssize_t)count;
}

const struct file_operations kmsg_fops = {
	.open = devkmsg_open,
	.release = devkmsg_release,
	.read = devkmsg_read,
	.write = devkmsg_write,
	.llseek = devkmsg_llseek,
	.poll = devkmsg_poll,
};
