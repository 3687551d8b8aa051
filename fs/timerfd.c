// SPDX-License-Identifier: GPL-2.0
/*
 * timerfd: a timer behind a descriptor. read returns the expirations since the last read as
 * a u64 (blocking until there is one), poll says POLLIN while there are any.
 *
 * The expirations are counted from the clock, not from interrupts: whoever looks (read, poll,
 * gettime, the timer's handler) first moves the deadline past "now" and adds the periods it
 * passed, so a periodic timer nobody reads costs one interrupt per period at most and never
 * loses a count. The kernel timer only wakes the waiters at the next deadline.
 *
 * CLOCK_REALTIME deadlines are kept on the monotonic clock as of when they were set: a later
 * settimeofday does not move them (a deviation; Linux re-bases absolute realtime timers).
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/spinlock.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <kernel/wait.h>
#include <uapi/fcntl.h>
#include <uapi/poll.h>

#include <uapi/time.h>

#include "internal.h"

#define TFD_TIMER_ABSTIME 1
#define TFD_TIMER_CANCEL_ON_SET 2
#define TFD_CLOEXEC O_CLOEXEC
#define TFD_NONBLOCK O_NONBLOCK

struct itimerspec64 {
	struct timespec64 it_interval;
	struct timespec64 it_value;
};

struct timerfd_ctx {
	spinlock_t lock; /* guards armed, expires, interval and ticks */
	struct wait_queue_head wqh;
	struct timer_list t;
	int clockid;
	bool armed;
	/* The next deadline in monotonic ns: before boot (negative) for a realtime deadline
	 * from before it, so that the periods missed since then still count. */
	s64 expires;
	u64 interval; /* ns; 0: one-shot */
	u64 ticks; /* expirations not read yet */
};

/* Counts the expirations up to now and moves the deadline past it. */
static void timerfd_update(struct timerfd_ctx *ctx, u64 now)
{
	lockdep_assert_held(&ctx->lock);
	if (!ctx->armed || (s64)now < ctx->expires)
		return;
	if (ctx->interval) {
		u64 n = 1 + (u64)((s64)now - ctx->expires) / ctx->interval;

		ctx->ticks += n;
		ctx->expires += n * ctx->interval;
	} else {
		ctx->ticks++;
		ctx->armed = false;
	}
}

/* Arms the kernel timer for the deadline; the timer runs on the scheduler's clock. */
static void timerfd_arm(struct timerfd_ctx *ctx)
{
	u64 now = ktime_get_ns();

	lockdep_assert_held(&ctx->lock);
	if (ctx->armed)
		timer_add(&ctx->t,
			  sched_clock() + (ctx->expires > (s64)now ? ctx->expires - (s64)now : 0));
}

static void timerfd_fn(struct timer_list *t)
{
	struct timerfd_ctx *ctx = container_of(t, struct timerfd_ctx, t);
	unsigned long flags;

	spin_lock_irqsave(&ctx->lock, flags);
	timerfd_update(ctx, ktime_get_ns());
	timerfd_arm(ctx); /* the next period, if there is one */
	spin_unlock_irqrestore(&ctx->lock, flags);
	wake_up_all(&ctx->wqh);
}

static bool timerfd_take(struct timerfd_ctx *ctx, u64 *ticks)
{
	unsigned long flags;

	spin_lock_irqsave(&ctx->lock, flags);
	timerfd_update(ctx, ktime_get_ns());
	*ticks = ctx->ticks;
	ctx->ticks = 0;
	spin_unlock_irqrestore(&ctx->lock, flags);
	return *ticks != 0;
}

static ssize_t timerfd_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct timerfd_ctx *ctx = file->private_data;
	u64 ticks;
	int err;

	if (to->count < sizeof(ticks))
		return -EINVAL;
	if (!timerfd_take(ctx, &ticks)) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		err = wait_event_interruptible(ctx->wqh, timerfd_take(ctx, &ticks));
		if (err)
			return err;
	}
	if (copy_to_iter(&ticks, sizeof(ticks), to) != sizeof(ticks))
		return -EFAULT;
	return sizeof(ticks);
}

static unsigned int timerfd_poll(struct file *file, poll_table *pt)
{
	struct timerfd_ctx *ctx = file->private_data;
	unsigned long flags;
	unsigned int mask = 0;

	poll_wait(file, &ctx->wqh, pt);
	spin_lock_irqsave(&ctx->lock, flags);
	timerfd_update(ctx, ktime_get_ns());
	if (ctx->ticks)
		mask |= POLLIN | POLLRDNORM;
	spin_unlock_irqrestore(&ctx->lock, flags);
	return mask;
}

static int timerfd_release(struct inode *inode, struct file *file)
{
	struct timerfd_ctx *ctx = file->private_data;

	timer_del_sync(&ctx->t);
	kfree(ctx);
	return 0;
}

static const struct file_operations timerfd_fops = {
	.read = timerfd_read,
	.poll = timerfd_poll,
	.release = timerfd_release,
};

long sys_timerfd_create(int clockid, int flags)
{
	struct timerfd_ctx *ctx;
	struct file *file;
	int fd;

	if (flags & ~(TFD_CLOEXEC | TFD_NONBLOCK))
		return -EINVAL;
	if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC && clockid != CLOCK_BOOTTIME)
		return -EINVAL;
	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	spin_lock_init(&ctx->lock);
	init_waitqueue_head(&ctx->wqh);
	timer_setup(&ctx->t, timerfd_fn);
	ctx->clockid = clockid;
	file = anon_inode_getfile("[timerfd]", &timerfd_fops, ctx, O_RDWR | (flags & O_NONBLOCK));
	if (IS_ERR(file)) {
		kfree(ctx);
		return PTR_ERR(file);
	}
	fd = fd_install_from(current->files, file, 0, flags & TFD_CLOEXEC);
	if (fd < 0)
		fput(file);
	return fd;
}

/* The timerfd_ctx of the descriptor, with its file referenced (fput), or an ERR_PTR. */
static struct timerfd_ctx *timerfd_fget(int ufd, struct file **filep)
{
	struct file *file = fget(ufd);

	if (!file)
		return ERR_PTR(-EBADF);
	if (file->f_op != &timerfd_fops) {
		fput(file);
		return ERR_PTR(-EINVAL);
	}
	*filep = file;
	return file->private_data;
}

static void timerfd_get_locked(struct timerfd_ctx *ctx, struct itimerspec64 *it)
{
	u64 now = ktime_get_ns();

	lockdep_assert_held(&ctx->lock);
	timerfd_update(ctx, now);
	it->it_value = ns_to_timespec64(ctx->armed ? ctx->expires - (s64)now : 0);
	it->it_interval = ns_to_timespec64(ctx->interval);
}

long sys_timerfd_settime(int ufd, int flags, const struct itimerspec64 __user *utmr,
			 struct itimerspec64 __user *otmr)
{
	struct timerfd_ctx *ctx;
	struct itimerspec64 new, old;
	struct file *file;
	unsigned long irqflags;
	u64 value, now;

	if (copy_from_user(&new, utmr, sizeof(new)))
		return -EFAULT;
	if (flags & ~(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET))
		return -EINVAL;
	if (!timespec64_valid(&new.it_value) || !timespec64_valid(&new.it_interval))
		return -EINVAL;
	ctx = timerfd_fget(ufd, &file);
	if (IS_ERR(ctx))
		return PTR_ERR(ctx);
	timer_del_sync(&ctx->t);
	spin_lock_irqsave(&ctx->lock, irqflags);
	timerfd_get_locked(ctx, &old);
	ctx->ticks = 0;
	ctx->interval = timespec64_to_ns(&new.it_interval);
	value = timespec64_to_ns(&new.it_value);
	now = ktime_get_ns();
	ctx->armed = value != 0;
	if (!value) {
		ctx->expires = 0;
	} else if (flags & TFD_TIMER_ABSTIME) {
		s64 offset = 0; /* from the timer's clock to the monotonic clock */

		if (ctx->clockid == CLOCK_REALTIME) {
			struct timespec64 real;

			ktime_get_real_ts64(&real);
			offset = (s64)now - timespec64_to_ns(&real);
		}
		ctx->expires = (s64)value + offset;
	} else {
		ctx->expires = now + value;
	}
	timerfd_arm(ctx);
	spin_unlock_irqrestore(&ctx->lock, irqflags);
	fput(file);
	if (otmr && copy_to_user(otmr, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_timerfd_gettime(int ufd, struct itimerspec64 __user *otmr)
{
	struct timerfd_ctx *ctx;
	struct itimerspec64 cur;
	struct file *file;
	unsigned long flags;

	ctx = timerfd_fget(ufd, &file);
	if (IS_ERR(ctx))
		return PTR_ERR(ctx);
	spin_lock_irqsave(&ctx->lock, flags);
	timerfd_get_locked(ctx, &cur);
	spin_unlock_irqrestore(&ctx->lock, flags);
	fput(file);
	return copy_to_user(otmr, &cur, sizeof(cur)) ? -EFAULT : 0;
}
