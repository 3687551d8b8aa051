// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes and FIFOs: a 64 KiB ring between writers and readers. A reader blocks while the ring
 * is empty and writers exist, and gets EOF (0) when the last writer is gone; a writer blocks
 * while the ring is full, and gets EPIPE and SIGPIPE once the last reader is gone (the test
 * hook runs too). A write of at most PIPE_BUF bytes is never interleaved with other writes. With
 * O_NONBLOCK, what would block is EAGAIN instead.
 *
 * A FIFO is the same ring behind a name: opening it for reading blocks until a writer
 * arrives and vice versa, unless O_NONBLOCK (then a lone reader succeeds and a lone writer
 * gets ENXIO).
 *
 * Every blocking wait is interruptible: a signal ends it with -ERESTARTSYS (a write that
 * already moved some bytes returns their count instead).
 *
 * Locking: pipe->mutex covers the ring and the counters; wait queues wake both sides. A side
 * lets the mutex go while it sleeps and looks at the counters locklessly to decide whether
 * to sleep on.
 */
#include <asm/uaccess.h>
#include <kernel/fs.h>
#include <kernel/panic.h>
#include <kernel/pipe_fs.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/vmalloc.h>
#include <uapi/poll.h>

#define PIPE_SIZE (64 * 1024)

struct pipe_inode_info {
	struct mutex mutex;
	struct wait_queue_head rd_wait, wr_wait;
	char *buf;
	size_t head, len; /* ring: data at [head, head+len) mod PIPE_SIZE */
	unsigned int readers, writers;
	unsigned int r_counter, w_counter; /* opens so far, for FIFO open rendezvous */
};

static void (*sigpipe_hook)(void);
static struct super_block *pipe_sb; /* anonymous pipes' inodes */

void pipe_set_sigpipe_hook(void (*hook)(void))
{
	sigpipe_hook = hook;
}

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->buf = vmalloc(PIPE_SIZE);
	if (!p->buf) {
		kfree(p);
		return NULL;
	}
	mutex_init(&p->mutex);
	init_waitqueue_head(&p->rd_wait);
	init_waitqueue_head(&p->wr_wait);
	return p;
}

static void free_pipe_info(struct pipe_inode_info *p)
{
	vfree(p->buf);
	kfree(p);
}

static size_t ring_read(struct pipe_inode_info *p, struct iov_iter *to)
{
	size_t done = 0;

	while (p->len && to->count) {
		size_t chunk = min(min(p->len, (size_t)PIPE_SIZE - p->head), to->count);
		size_t got = copy_to_iter(p->buf + p->head, chunk, to);

		p->head = (p->head + got) % PIPE_SIZE;
		p->len -= got;
		done += got;
		if (got < chunk)
			break; /* a bad user buffer */
	}
	return done;
}

static size_t ring_write(struct pipe_inode_info *p, struct iov_iter *from, size_t max)
{
	size_t done = 0;

	while (done < max && p->len < PIPE_SIZE) {
		size_t tail = (p->head + p->len) % PIPE_SIZE;
		size_t chunk =
			min(min((size_t)PIPE_SIZE - p->len, (size_t)PIPE_SIZE - tail), max - done);
		size_t got = copy_from_iter(p->buf + tail, chunk, from);

		p->len += got;
		done += got;
		if (got < chunk)
			break;
	}
	return done;
}

/* Lockless looks for the wait conditions: the mutex is let go while a side sleeps. */
static bool pipe_readable(struct pipe_inode_info *p)
{
	return READ_ONCE(p->len) || !READ_ONCE(p->writers);
}

static bool pipe_writable(struct pipe_inode_info *p, size_t need)
{
	return !READ_ONCE(p->readers) || PIPE_SIZE - READ_ONCE(p->len) >= need;
}

static ssize_t pipe_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct pipe_inode_info *p = file->f_inode->i_pipe;
	ssize_t ret;

	mutex_lock(&p->mutex);
	for (;;) {
		if (p->len) {
			ret = ring_read(p, to);
			if (!ret)
				ret = -EFAULT;
			break;
		}
		if (!p->writers) {
			ret = 0; /* EOF */
			break;
		}
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		mutex_unlock(&p->mutex);
		ret = wait_event_interruptible(p->rd_wait, pipe_readable(p));
		mutex_lock(&p->mutex);
		if (ret)
			break;
	}
	mutex_unlock(&p->mutex);
	if (ret > 0) {
		wake_up(&p->wr_wait);
		/* A FIFO's read stamps its atime; an anonymous pipe's times never move (Linux
		 * 6.15 on). */
		if (file->f_inode->i_sb != pipe_sb)
			file_accessed(file);
	}
	return ret;
}

static ssize_t pipe_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct pipe_inode_info *p = file->f_inode->i_pipe;
	size_t total = from->count, done = 0;
	bool atomic = total <= PIPE_BUF;
	ssize_t err = 0;

	mutex_lock(&p->mutex);
	while (done < total) {
		size_t room;

		if (!p->readers) {
			err = -EPIPE;
			send_sig(SIGPIPE, current, 0);
			if (sigpipe_hook)
				sigpipe_hook();
			break;
		}
		room = PIPE_SIZE - p->len;
		/* A small write goes in whole or waits; a large one goes in as room appears. */
		if (room && (!atomic || room >= total - done)) {
			size_t n = ring_write(p, from, total - done);

			if (!n) {
				err = -EFAULT;
				break;
			}
			done += n;
			wake_up(&p->rd_wait);
			continue;
		}
		if (file->f_flags & O_NONBLOCK) {
			err = -EAGAIN;
			break;
		}
		mutex_unlock(&p->mutex);
		err = wait_event_interruptible(p->wr_wait, pipe_writable(p, atomic ? total : 1));
		mutex_lock(&p->mutex);
		if (err)
			break;
	}
	mutex_unlock(&p->mutex);
	/* A FIFO's write stamps its mtime and ctime, as Linux's file_update_time (not on a
	 * read-only mount); an anonymous pipe's times never move (Linux 6.15 on). */
	if (done && file->f_inode->i_sb != pipe_sb && !mnt_is_readonly(file->f_path.mnt)) {
		struct inode *inode = file->f_inode;

		inode_lock(inode);
		inode->i_mtime = inode->i_ctime = current_time(inode);
		inode_unlock(inode);
	}
	/* A signal after part of the data went in: the part is reported, as on Linux. */
	return done ? (ssize_t)done : err;
}

static unsigned int pipe_poll(struct file *file, poll_table *pt)
{
	struct pipe_inode_info *p = file->f_inode->i_pipe;
	unsigned int mask = 0;

	if (file->f_mode & FMODE_READ)
		poll_wait(file, &p->rd_wait, pt);
	if (file->f_mode & FMODE_WRITE)
		poll_wait(file, &p->wr_wait, pt);
	mutex_lock(&p->mutex);
	if (file->f_mode & FMODE_READ) {
		if (p->len)
			mask |= POLLIN | POLLRDNORM;
		if (!p->writers && p->w_counter)
			mask |= POLLHUP;
	}
	if (file->f_mode & FMODE_WRITE) {
		if (PIPE_SIZE - p->len >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!p->readers)
			mask |= POLLERR;
	}
	mutex_unlock(&p->mutex);
	return mask;
}

#define FIONREAD 0x541B

/* FIONREAD: the bytes waiting in the ring, as Linux's pipe_ioctl. */
static long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *p = file->f_inode->i_pipe;
	int count;

	if (cmd != FIONREAD)
		return -ENOTTY;
	mutex_lock(&p->mutex);
	count = p->len;
	mutex_unlock(&p->mutex);
	return put_user(count, (int __user *)arg) ? -EFAULT : 0;
}

static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *p = inode->i_pipe;
	bool last;

	mutex_lock(&p->mutex);
	if (file->f_mode & FMODE_READ)
		p->readers--;
	if (file->f_mode & FMODE_WRITE)
		p->writers--;
	last = !p->readers && !p->writers;
	/* When everyone has closed, what was left unread is gone, as on Linux. */
	if (last)
		p->head = p->len = 0;
	/*
	 * Under the mutex: once it is dropped the other end's last close may free p (it
	 * did, with a reader closing as soon as the writer's wake-up reached it).
	 */
	wake_up_all(&p->rd_wait);
	wake_up_all(&p->wr_wait);
	mutex_unlock(&p->mutex);
	/* An anonymous pipe's ring goes with its last file; a FIFO's with its inode. */
	if (last && inode->i_sb == pipe_sb) {
		inode->i_pipe = NULL;
		free_pipe_info(p);
	}
	return 0;
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

/* ---- FIFOs -------------------------------------------------------------------------- */

/*
 * Called with p->mutex held, which it lets go while it sleeps: waits until *counter moves
 * past seen (the other side opened). 0, or -ERESTARTSYS if a signal came first.
 */
static int wait_for_partner(struct pipe_inode_info *p, unsigned int *counter, unsigned int seen)
{
	int err;

	lockdep_assert_held(&p->mutex);
	mutex_unlock(&p->mutex);
	err = wait_event_interruptible(p->rd_wait, READ_ONCE(*counter) != seen);
	mutex_lock(&p->mutex);
	return err;
}

static int fifo_open(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *p;
	unsigned long flags;
	int err;

	/* The first opener makes the ring; it lives while the inode does or someone has it. */
	spin_lock_irqsave(&inode->i_lock, flags);
	p = inode->i_pipe;
	spin_unlock_irqrestore(&inode->i_lock, flags);
	if (!p) {
		struct pipe_inode_info *fresh = alloc_pipe_info();

		if (!fresh)
			return -ENOMEM;
		spin_lock_irqsave(&inode->i_lock, flags);
		if (!inode->i_pipe)
			inode->i_pipe = fresh, fresh = NULL;
		p = inode->i_pipe;
		spin_unlock_irqrestore(&inode->i_lock, flags);
		if (fresh)
			free_pipe_info(fresh);
	}
	file->f_op = &pipe_fops;
	mutex_lock(&p->mutex);
	switch (file->f_mode & (FMODE_READ | FMODE_WRITE)) {
	case FMODE_READ:
		p->readers++;
		p->r_counter++;
		wake_up_all(&p->rd_wait);
		if (!p->writers && !(file->f_flags & O_NONBLOCK)) {
			err = wait_for_partner(p, &p->w_counter, p->w_counter);
			if (err)
				goto out_undo_reader;
		}
		break;
	case FMODE_WRITE:
		if (!p->readers && (file->f_flags & O_NONBLOCK)) {
			err = -ENXIO;
			goto out_unlock;
		}
		p->writers++;
		p->w_counter++;
		wake_up_all(&p->rd_wait);
		if (!p->readers) {
			err = wait_for_partner(p, &p->r_counter, p->r_counter);
			if (err)
				goto out_undo_writer;
		}
		break;
	default: /* O_RDWR: never blocks, as on Linux */
		p->readers++;
		p->writers++;
		p->r_counter++;
		p->w_counter++;
		wake_up_all(&p->rd_wait);
		break;
	}
	mutex_unlock(&p->mutex);
	return 0;

	/* Interrupted: this open never happened (release will not run for it). */
out_undo_reader:
	p->readers--;
	goto out_wake;
out_undo_writer:
	p->writers--;
out_wake:
	wake_up_all(&p->rd_wait);
	wake_up_all(&p->wr_wait);
out_unlock:
	mutex_unlock(&p->mutex);
	return err;
}

static const struct file_operations fifo_fops = {
	.open = fifo_open,
};

const struct file_operations *fifo_file_operations(void)
{
	return &fifo_fops;
}

/* Frees a FIFO's ring when its inode goes (called from inode teardown). */
void free_inode_pipe(struct inode *inode)
{
	if (inode->i_pipe) {
		free_pipe_info(inode->i_pipe);
		inode->i_pipe = NULL;
	}
}

/* ---- anonymous pipes ---------------------------------------------------------------- */

static struct file *pipe_file(struct inode *inode, int flags, fmode_t mode)
{
	static const struct qstr name = { .name = "pipe:", .len = 5 };
	struct path path;
	struct file *file;

	path.dentry = d_alloc(NULL, &name);
	if (!path.dentry)
		return ERR_PTR(-ENOMEM);
	path.dentry->d_sb = pipe_sb;
	iget(inode);
	d_instantiate(path.dentry, inode);
	path.mnt = NULL;
	file = dentry_open(&path, (mode == FMODE_READ ? O_RDONLY : O_WRONLY) | flags);
	dput(path.dentry);
	return file;
}

int create_pipe_files(struct file **files, int flags)
{
	struct pipe_inode_info *p;
	struct inode *inode;

	if (flags & ~(O_NONBLOCK | O_CLOEXEC | O_DIRECT))
		return -EINVAL;
	inode = new_inode(pipe_sb);
	if (!inode)
		return -ENFILE;
	p = alloc_pipe_info();
	if (!p) {
		iput(inode);
		return -ENFILE;
	}
	inode->i_mode = S_IFIFO | 0600;
	inode->i_nlink = 0; /* no name: freed with its last file */
	inode->i_pipe = p;
	inode->i_fop = &pipe_fops;
	p->readers = p->writers = 1;
	p->r_counter = p->w_counter = 1;
	files[0] = pipe_file(inode, flags & O_NONBLOCK, FMODE_READ);
	files[1] = IS_ERR(files[0]) ? files[0] : pipe_file(inode, flags & O_NONBLOCK, FMODE_WRITE);
	iput(inode);
	if (IS_ERR(files[1])) {
		if (!IS_ERR(files[0]))
			fput(files[0]);
		return PTR_ERR(files[1]);
	}
	return 0;
}

static struct file_system_type pipefs_type = { .name = "pipefs" };

void pipe_init(void);
void pipe_init(void)
{
	pipe_sb = sget_nodev(&pipefs_type, 0);
	if (!pipe_sb)
		panic("pipe: no super block for pipes");
}
