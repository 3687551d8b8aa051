// SPDX-License-Identifier: GPL-2.0
/*
 * Waiting for several files at once. Each file's poll operation reports what is ready and
 * registers the caller on the wait queues whose wake-up would change that; the caller sleeps
 * until one of them (or the timeout, or a signal) wakes it, then asks again. The poll and
 * select system calls are built on vfs_poll_wait.
 *
 * A poll operation may sleep (a pipe takes its mutex), so the task cannot already be marked
 * sleeping while it asks: each entry has a wake function that sets pw->triggered, and the
 * caller sleeps only if nothing triggered since it last asked, as Linux's poll_schedule does.
 */
#include <kernel/fs.h>
#include <kernel/slab.h>
#include <kernel/timer.h>
#include <uapi/poll.h>

#define MAX_POLL_WAITS 64

struct poll_waits {
	poll_table pt;
	struct {
		struct wait_queue_head *wq;
		struct wait_queue_entry entry;
	} waits[MAX_POLL_WAITS];
	int n;
	bool overflow;
	bool triggered; /* a registered queue was woken since the last pass */
};

static int poll_wake(struct wait_queue_entry *w)
{
	struct poll_waits *pw = w->private;

	WRITE_ONCE(pw->triggered, true);
	/* Pairs with the barrier in set_current_state() before the sleeper reads triggered. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return wake_up_process(w->task);
}

static void queue_on(struct file *file, struct wait_queue_head *wq, poll_table *pt)
{
	struct poll_waits *pw = container_of(pt, struct poll_waits, pt);
	unsigned long flags;

	if (pw->n == MAX_POLL_WAITS) {
		pw->overflow = true; /* then poll by time slices rather than miss a wake-up */
		return;
	}
	pw->waits[pw->n].wq = wq;
	pw->waits[pw->n].entry.task = current;
	pw->waits[pw->n].entry.exclusive = false;
	pw->waits[pw->n].entry.func = poll_wake;
	pw->waits[pw->n].entry.private = pw;
	spin_lock_irqsave(&wq->lock, flags);
	list_add_tail(&pw->waits[pw->n].entry.entry, &wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
	pw->n++;
}

static void dequeue_all(struct poll_waits *pw)
{
	for (int i = 0; i < pw->n; i++) {
		unsigned long flags;

		spin_lock_irqsave(&pw->waits[i].wq->lock, flags);
		list_del_init(&pw->waits[i].entry.entry);
		spin_unlock_irqrestore(&pw->waits[i].wq->lock, flags);
	}
	pw->n = 0;
}

static unsigned int poll_one(struct kpollfd *fd, poll_table *pt)
{
	unsigned int mask;

	if (!fd->file)
		return POLLNVAL;
	if (!fd->file->f_op || !fd->file->f_op->poll)
		return (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM) &
		       (fd->events | POLLERR | POLLHUP);
	mask = fd->file->f_op->poll(fd->file, pt);
	/* Errors and hang-ups are reported whether asked for or not. */
	return mask & (fd->events | POLLERR | POLLHUP);
}

/*
 * Sleeps until a registered queue wakes us or end (sched_clock ns; ~0: never): 0, or
 * -ERESTARTSYS if a signal is pending.
 */
static int poll_schedule(struct poll_waits *pw, u64 end)
{
	u64 now, slice;

	set_current_state(TASK_INTERRUPTIBLE);
	if (signal_pending(current)) {
		__set_current_state(TASK_RUNNING);
		return -ERESTARTSYS;
	}
	if (READ_ONCE(pw->triggered)) {
		__set_current_state(TASK_RUNNING);
	} else if (pw->overflow || end != ~0ULL) {
		/* Not registered everywhere (overflow): look again every millisecond. */
		now = sched_clock();
		slice = pw->overflow ? 1000000 : end - now;
		if (now >= end)
			__set_current_state(TASK_RUNNING);
		else
			schedule_timeout_once(end - now < slice ? end - now : slice);
	} else {
		schedule();
	}
	WRITE_ONCE(pw->triggered, false);
	return 0;
}

int vfs_poll_wait(struct kpollfd *fds, unsigned int n, u64 timeout_ns)
{
	struct poll_waits *pw = kzalloc(sizeof(*pw), GFP_KERNEL);
	u64 end = timeout_ns == ~0ULL ? ~0ULL : sched_clock() + timeout_ns;
	int ready;

	if (!pw)
		return -ENOMEM;
	might_sleep();
	pw->pt.qproc = queue_on;
	for (;;) {
		int err;

		ready = 0;
		for (unsigned int i = 0; i < n; i++) {
			/* Register only on the first pass; later passes just look. */
			fds[i].revents = poll_one(&fds[i], pw->n || pw->overflow ? NULL : &pw->pt);
			ready += fds[i].revents != 0;
		}
		if (!pw->n && !pw->overflow) /* nothing to register on: don't loop forever */
			pw->overflow = true;
		if (ready || sched_clock() >= end)
			break;
		err = poll_schedule(pw, end);
		if (err) {
			ready = err;
			break;
		}
	}
	dequeue_all(pw);
	kfree(pw);
	return ready;
}
