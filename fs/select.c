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
#include <asm/uaccess.h>
#include <kernel/bitmap.h>
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/sched/signal.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/syscalls.h>
#include <kernel/timer.h>
#include <uapi/poll.h>

#include "internal.h"

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
		/*
		 * Register only on the first pass (every file of it: decided once, not by whether
		 * an earlier file registered already); later passes just look.
		 */
		poll_table *pt = pw->n || pw->overflow ? NULL : &pw->pt;
		int err;

		ready = 0;
		for (unsigned int i = 0; i < n; i++) {
			fds[i].revents = poll_one(&fds[i], pt);
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

/* ---- the system calls -------------------------------------------------------------- */

/* The caller's RLIMIT_NOFILE: poll's nfds and the descriptor numbers stay below it. */
unsigned long rlimit_nofile(void)
{
	if (!current->signal)
		return NR_OPEN_DEFAULT;
	return READ_ONCE(current->signal->rlim[RLIMIT_NOFILE].rlim_cur);
}

/*
 * ppoll and pselect6's mask: installed for the wait, the old one kept in saved_sigmask.
 * SIGKILL and SIGSTOP can never be blocked.
 */
static int set_user_sigmask(const void __user *umask, size_t sigsetsize)
{
	sigset_t mask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	/* set_current_blocked recomputes TIF_SIGPENDING: a signal the new mask lets in ends
	 * the wait at once. */
	current->saved_sigmask = current->blocked;
	set_current_blocked(&mask);
	return 0;
}

static void restore_user_sigmask(const void __user *umask, bool interrupted)
{
	if (!umask)
		return;
	/*
	 * The handler of the signal that ended the wait runs under the call's mask; the old one
	 * (saved_sigmask) comes back after it, from its frame, or at once if no handler runs
	 * (TIF_RESTORE_SIGMASK, as rt_sigsuspend and Linux's ppoll do).
	 */
	if (interrupted && signal_pending(current)) {
		set_tsk_thread_flag(current, TIF_RESTORE_SIGMASK);
		return;
	}
	set_current_blocked(&current->saved_sigmask);
}

/* A user timespec as a relative timeout in ns (~0: forever), or -EINVAL/-EFAULT. */
static int get_timeout_ts(const struct timespec64 __user *uts, u64 *ns)
{
	struct timespec64 ts;

	*ns = ~0ULL;
	if (!uts)
		return 0;
	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (!timespec64_valid(&ts))
		return -EINVAL;
	*ns = (u64)timespec64_to_ns(&ts);
	if (*ns == ~0ULL)
		(*ns)--;
	return 0;
}

/* What was left of a timeout that started at start_ns, never negative. */
static u64 time_left(u64 timeout_ns, u64 start_ns)
{
	u64 spent = sched_clock() - start_ns;

	return spent >= timeout_ns ? 0 : timeout_ns - spent;
}

/*
 * poll's core: a negative descriptor is skipped (revents 0), a closed one reports POLLNVAL.
 * Returns the count of entries with revents, or -errno; ufds' revents are written back.
 */
static long do_sys_poll(struct pollfd __user *ufds, unsigned int nfds, u64 timeout_ns)
{
	struct pollfd *pfds = NULL;
	struct kpollfd *kfds = NULL;
	unsigned int n = 0, i;
	long ret;

	if (nfds > rlimit_nofile())
		return -EINVAL;
	if (nfds) {
		pfds = kmalloc(nfds * sizeof(*pfds), GFP_KERNEL);
		kfds = kmalloc(nfds * sizeof(*kfds), GFP_KERNEL);
		ret = -ENOMEM;
		if (!pfds || !kfds)
			goto out;
		ret = -EFAULT;
		if (copy_from_user(pfds, ufds, nfds * sizeof(*pfds)))
			goto out;
	}
	for (i = 0; i < nfds; i++) {
		pfds[i].revents = 0;
		if (pfds[i].fd < 0)
			continue;
		kfds[n].file = fget(pfds[i].fd);
		kfds[n].events = (unsigned short)pfds[i].events;
		n++;
	}
	ret = vfs_poll_wait(kfds, n, timeout_ns);
	for (i = 0, n = 0; i < nfds; i++) {
		if (pfds[i].fd < 0)
			continue;
		if (ret >= 0)
			pfds[i].revents = kfds[n].revents;
		if (kfds[n].file)
			fput(kfds[n].file);
		n++;
	}
	if (ret == -ERESTARTSYS)
		ret = -ERESTARTNOHAND;
	/* Only revents goes back, so the fd and events fields need not be writable again. */
	for (i = 0; ret >= 0 && i < nfds; i++)
		if (put_user(pfds[i].revents, &ufds[i].revents))
			ret = -EFAULT;
out:
	kfree(pfds);
	kfree(kfds);
	return ret;
}

long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout_msecs)
{
	u64 timeout = timeout_msecs < 0 ? ~0ULL : (u64)timeout_msecs * NSEC_PER_MSEC;

	return do_sys_poll(ufds, nfds, timeout);
}

long sys_ppoll(struct pollfd __user *ufds, unsigned int nfds, struct timespec64 __user *tsp,
	       const void __user *sigmask, size_t sigsetsize)
{
	u64 timeout, start = sched_clock();
	long ret;

	ret = get_timeout_ts(tsp, &timeout);
	if (ret)
		return ret;
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, timeout);
	restore_user_sigmask(sigmask, ret == -ERESTARTNOHAND);
	/* The time left goes back, as Linux's ppoll does; a write that fails is -EINTR then. */
	if (tsp) {
		struct timespec64 left = ns_to_timespec64(time_left(timeout, start));

		if (copy_to_user(tsp, &left, sizeof(left)) && ret == -ERESTARTNOHAND)
			ret = -EINTR;
	}
	return ret;
}

/* ---- select: fd_set bitmaps, read/write/except mapped onto poll events -------------- */

#define POLLIN_SET (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET (POLLPRI)
#define FDS_BYTES(n) ((((n) + 63) / 64) * 8)

static long do_select(int n, unsigned long __user *inp, unsigned long __user *outp,
		      unsigned long __user *exp, u64 timeout_ns)
{
	unsigned long __user *uset[3] = { inp, outp, exp };
	static const unsigned int ev[3] = { POLLIN_SET, POLLOUT_SET, POLLEX_SET };
	unsigned long *sets[3] = { NULL }, *res[3] = { NULL };
	struct kpollfd *kfds = NULL;
	size_t bytes;
	unsigned int nk = 0;
	long ret;
	int i, fd;

	if (n < 0)
		return -EINVAL;
	if ((unsigned long)n > rlimit_nofile())
		n = rlimit_nofile();
	if (n > NR_OPEN_DEFAULT)
		n = NR_OPEN_DEFAULT; /* no descriptor lies above the table */
	bytes = FDS_BYTES(n);
	ret = -ENOMEM;
	for (i = 0; i < 3; i++) {
		sets[i] = kzalloc(bytes + 8, GFP_KERNEL);
		res[i] = kzalloc(bytes + 8, GFP_KERNEL);
		if (!sets[i] || !res[i])
			goto out;
		if (uset[i] && bytes && copy_from_user(sets[i], uset[i], bytes)) {
			ret = -EFAULT;
			goto out;
		}
	}
	kfds = kmalloc((n ? n : 1) * sizeof(*kfds), GFP_KERNEL);
	if (!kfds)
		goto out;
	for (fd = 0; fd < n; fd++) {
		unsigned int events = 0;

		for (i = 0; i < 3; i++)
			if (test_bit(fd, sets[i]))
				events |= ev[i];
		if (!events)
			continue;
		kfds[nk].file = fget(fd);
		kfds[nk].events = events;
		nk++;
		if (!kfds[nk - 1].file) {
			ret = -EBADF;
			goto out_put;
		}
	}
	ret = vfs_poll_wait(kfds, nk, timeout_ns);
	if (ret == -ERESTARTSYS)
		ret = -ERESTARTNOHAND;
	if (ret < 0)
		goto out_put;
	ret = 0;
	for (fd = 0, nk = 0; fd < n; fd++) {
		bool any = false;

		for (i = 0; i < 3; i++)
			any |= test_bit(fd, sets[i]);
		if (!any)
			continue;
		for (i = 0; i < 3; i++) {
			if (test_bit(fd, sets[i]) && (kfds[nk].revents & ev[i])) {
				__set_bit(fd, res[i]);
				ret++;
			}
		}
		nk++;
	}
	for (i = 0; i < 3; i++)
		if (uset[i] && bytes && copy_to_user(uset[i], res[i], bytes))
			ret = -EFAULT;
out_put:
	for (unsigned int k = 0; k < nk; k++)
		if (kfds[k].file)
			fput(kfds[k].file);
out:
	kfree(kfds);
	for (i = 0; i < 3; i++) {
		kfree(sets[i]);
		kfree(res[i]);
	}
	return ret;
}

struct __kernel_old_timeval {
	long tv_sec, tv_usec;
};

long sys_select(int n, unsigned long __user *inp, unsigned long __user *outp,
		unsigned long __user *exp, struct __kernel_old_timeval __user *tvp)
{
	struct __kernel_old_timeval tv;
	u64 timeout = ~0ULL, start = sched_clock();
	long ret;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		/* Linux carries whole seconds out of tv_usec before checking, so 1000000 us
		 * is 1 s, while a negative part is -EINVAL. */
		long sec = tv.tv_sec + tv.tv_usec / 1000000, usec = tv.tv_usec % 1000000;

		if (sec < 0 || usec < 0)
			return -EINVAL;
		timeout = (u64)sec > KTIME_SEC_MAX - 1 ? ~0ULL - 1
						       : (u64)sec * NSEC_PER_SEC + (u64)usec * 1000;
	}
	ret = do_select(n, inp, outp, exp, timeout);
	/* Linux writes back the time left (select's documented Linux behaviour). */
	if (tvp) {
		u64 left = time_left(timeout, start);

		tv.tv_sec = left / NSEC_PER_SEC;
		tv.tv_usec = (left % NSEC_PER_SEC) / 1000;
		if (copy_to_user(tvp, &tv, sizeof(tv)) && ret == -ERESTARTNOHAND)
			ret = -EINTR;
	}
	return ret;
}

/* pselect6's sixth argument: the mask and its size, as one user structure. */
struct sigset_argpack {
	const void __user *p;
	size_t size;
};

long sys_pselect6(int n, unsigned long __user *inp, unsigned long __user *outp,
		  unsigned long __user *exp, struct timespec64 __user *tsp, void __user *sig)
{
	struct sigset_argpack pack = { NULL, 0 };
	u64 timeout, start = sched_clock();
	long ret;

	ret = get_timeout_ts(tsp, &timeout);
	if (ret)
		return ret;
	if (sig && copy_from_user(&pack, sig, sizeof(pack)))
		return -EFAULT;
	ret = set_user_sigmask(pack.p, pack.size);
	if (ret)
		return ret;
	ret = do_select(n, inp, outp, exp, timeout);
	restore_user_sigmask(pack.p, ret == -ERESTARTNOHAND);
	if (tsp) {
		struct timespec64 left = ns_to_timespec64(time_left(timeout, start));

		if (copy_to_user(tsp, &left, sizeof(left)) && ret == -ERESTARTNOHAND)
			ret = -EINTR;
	}
	return ret;
}
