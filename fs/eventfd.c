// SPDX-License-Identifier: GPL-2.0
/*
 * eventfd: a 64-bit counter behind a descriptor. A write adds to it (blocking while the sum
 * would reach 2^64-1); a read takes it all and leaves 0, or with EFD_SEMAPHORE takes 1; a
 * read of 0 blocks. Readable while the counter is non-zero, writable while 1 more fits.
 */
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/spinlock.h>
#include <kernel/syscalls.h>
#include <kernel/wait.h>
#include <uapi/fcntl.h>
#include <uapi/poll.h>

#include "internal.h"

#define EFD_SEMAPHORE 1
#define EFD_CLOEXEC O_CLOEXEC
#define EFD_NONBLOCK O_NONBLOCK
#define ULLONG_MAX (~0ULL)

struct eventfd_ctx {
	spinlock_t lock; /* guards count */
	struct wait_queue_head wqh; /* readers, writers and pollers */
	u64 count;
	unsigned int flags;
};

/* Takes what a read takes, under the lock: the value, or 0 if the counter is empty. */
static u64 eventfd_take(struct eventfd_ctx *ctx)
{
	u64 v;

	lockdep_assert_held(&ctx->lock);
	if (!ctx->count)
		return 0;
	v = (ctx->flags & EFD_SEMAPHORE) ? 1 : ctx->count;
	ctx->count -= v;
	return v;
}

static bool eventfd_try_read(struct eventfd_ctx *ctx, u64 *v)
{
	unsigned long flags;

	spin_lock_irqsave(&ctx->lock, flags);
	*v = eventfd_take(ctx);
	spin_unlock_irqrestore(&ctx->lock, flags);
	return *v != 0;
}

static ssize_t eventfd_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct eventfd_ctx *ctx = file->private_data;
	u64 v;
	int err;

	if (to->count < sizeof(v))
		return -EINVAL;
	if (!eventfd_try_read(ctx, &v)) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		err = wait_event_interruptible(ctx->wqh, eventfd_try_read(ctx, &v));
		if (err)
			return err;
	}
	wake_up_all(&ctx->wqh); /* room for writers now */
	if (copy_to_iter(&v, sizeof(v), to) != sizeof(v))
		return -EFAULT;
	return sizeof(v);
}

static bool eventfd_try_add(struct eventfd_ctx *ctx, u64 v)
{
	unsigned long flags;
	bool done = false;

	spin_lock_irqsave(&ctx->lock, flags);
	if (ULLONG_MAX - ctx->count > v) {
		ctx->count += v;
		done = true;
	}
	spin_unlock_irqrestore(&ctx->lock, flags);
	return done;
}

static ssize_t eventfd_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct eventfd_ctx *ctx = file->private_data;
	u64 v;
	int err;

	if (from->count < sizeof(v))
		return -EINVAL;
	if (copy_from_iter(&v, sizeof(v), from) != sizeof(v))
		return -EFAULT;
	if (v == ULLONG_MAX)
		return -EINVAL;
	if (!eventfd_try_add(ctx, v)) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		err = wait_event_interruptible(ctx->wqh, eventfd_try_add(ctx, v));
		if (err)
			return err;
	}
	if (v)
		wake_up_all(&ctx->wqh);
	return sizeof(v);
}

static unsigned int eventfd_poll(struct file *file, poll_table *pt)
{
	struct eventfd_ctx *ctx = file->private_data;
	unsigned int mask = 0;
	u64 count;

	poll_wait(file, &ctx->wqh, pt);
	count = READ_ONCE(ctx->count);
	if (count > 0)
		mask |= POLLIN | POLLRDNORM;
	if (count == ULLONG_MAX)
		mask |= POLLERR;
	if (ULLONG_MAX - 1 > count)
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

static int eventfd_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations eventfd_fops = {
	.read = eventfd_read,
	.write = eventfd_write,
	.poll = eventfd_poll,
	.release = eventfd_release,
};

long sys_eventfd2(unsigned int count, int flags)
{
	struct eventfd_ctx *ctx;
	struct file *file;
	int fd;

	if (flags & ~(EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK))
		return -EINVAL;
	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	spin_lock_init(&ctx->lock);
	init_waitqueue_head(&ctx->wqh);
	ctx->count = count;
	ctx->flags = flags;
	file = anon_inode_getfile("[eventfd]", &eventfd_fops, ctx, O_RDWR | (flags & O_NONBLOCK));
	if (IS_ERR(file)) {
		kfree(ctx);
		return PTR_ERR(file);
	}
	fd = fd_install_from(current->files, file, 0, flags & EFD_CLOEXEC);
	if (fd < 0)
		fput(file); /* release frees ctx */
	return fd;
}

long sys_eventfd(unsigned int count)
{
	return sys_eventfd2(count, 0);
}
