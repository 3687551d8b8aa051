// SPDX-License-Identifier: GPL-2.0
/* Wait queues and completions (see include/kernel/wait.h for the protocol). */
#include <kernel/errno.h>
#include <kernel/timer.h>
#include <kernel/wait.h>

void __init_waitqueue_head(struct wait_queue_head *wq, const char *name,
			   const struct lock_class_key *key)
{
	__spin_lock_init(&wq->lock, name, key);
	INIT_LIST_HEAD(&wq->head);
}

static void __prepare(struct wait_queue_head *wq, struct wait_queue_entry *w, long state,
		      bool exclusive)
{
	unsigned long flags;

	w->task = current;
	w->exclusive = exclusive;
	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&w->entry)) {
		if (exclusive)
			list_add_tail(&w->entry, &wq->head);
		else
			list_add(&w->entry, &wq->head);
	}
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, long state)
{
	__prepare(wq, w, state, false);
}

void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *w, long state)
{
	__prepare(wq, w, state, true);
}

long prepare_to_wait_event(struct wait_queue_head *wq, struct wait_queue_entry *w, long state,
			   bool exclusive)
{
	unsigned long flags;
	long ret = 0;

	w->task = current;
	w->exclusive = exclusive;
	spin_lock_irqsave(&wq->lock, flags);
	/*
	 * The state first, then the look at the signals (set_current_state is a full barrier):
	 * a sender sets TIF_SIGPENDING and then wakes by state, so either it finds us asleep
	 * or we find its flag. Looked at the other way round, a signal between the look and
	 * the state was never seen and its wake-up found us running: a lost wake-up.
	 */
	set_current_state(state);
	if (signal_pending_state(state, current)) {
		__set_current_state(TASK_RUNNING);
		/*
		 * Off the queue under its lock, so no wake-up is spent on a waiter that is
		 * leaving; one that came before is honoured by the caller's last look at the
		 * condition.
		 */
		list_del_init(&w->entry);
		ret = -ERESTARTSYS;
	} else if (list_empty(&w->entry)) {
		if (exclusive)
			list_add_tail(&w->entry, &wq->head);
		else
			list_add(&w->entry, &wq->head);
	}
	spin_unlock_irqrestore(&wq->lock, flags);
	return ret;
}

u64 wait_clock_ns(void)
{
	return sched_clock();
}

u64 wait_sleep_until(u64 end_ns)
{
	u64 now = sched_clock();

	if (now < end_ns) {
		schedule_timeout_once(end_ns - now);
		now = sched_clock();
	} else {
		__set_current_state(TASK_RUNNING);
	}
	return now < end_ns ? end_ns - now : 0;
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	spin_lock_irqsave(&wq->lock, flags);
	list_del_init(&w->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

static int wake_one(struct wait_queue_entry *w)
{
	return w->func ? w->func(w) : wake_up_process(w->task);
}

/* Called with wq->lock held. */
static void __wake_up_locked(struct wait_queue_head *wq, bool all)
{
	struct wait_queue_entry *w, *next;

	lockdep_assert_held(&wq->lock);
	list_for_each_entry_safe(w, next, &wq->head, entry) {
		/* A waiter already woken (but not yet back from schedule) does not count. */
		if (wake_one(w) && w->exclusive && !all)
			break;
	}
}

static void __wake_up(struct wait_queue_head *wq, bool all)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	__wake_up_locked(wq, all);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void wake_up(struct wait_queue_head *wq)
{
	__wake_up(wq, false);
}

void wake_up_all(struct wait_queue_head *wq)
{
	__wake_up(wq, true);
}

bool waitqueue_active(struct wait_queue_head *wq)
{
	return !list_empty(&wq->head);
}

void init_completion(struct completion *c)
{
	c->done = 0;
	init_waitqueue_head(&c->wait);
}

void complete(struct completion *c)
{
	unsigned long flags;

	/*
	 * Count and wake under one hold of the lock: a waiter that saw done may return and
	 * free the completion (one on its stack) as soon as the lock is let go.
	 */
	spin_lock_irqsave(&c->wait.lock, flags);
	c->done++;
	__wake_up_locked(&c->wait, false);
	spin_unlock_irqrestore(&c->wait.lock, flags);
}

void complete_all(struct completion *c)
{
	unsigned long flags;

	spin_lock_irqsave(&c->wait.lock, flags);
	c->done = ~0u / 2;
	__wake_up_locked(&c->wait, true);
	spin_unlock_irqrestore(&c->wait.lock, flags);
}

bool try_wait_for_completion(struct completion *c)
{
	unsigned long flags;
	bool ok;

	spin_lock_irqsave(&c->wait.lock, flags);
	ok = c->done > 0;
	if (ok)
		c->done--;
	spin_unlock_irqrestore(&c->wait.lock, flags);
	return ok;
}

int wait_for_completion_interruptible(struct completion *c)
{
	return ___wait_event(c->wait, try_wait_for_completion(c), TASK_INTERRUPTIBLE, true, 0,
			     schedule());
}

int wait_for_completion_killable(struct completion *c)
{
	return ___wait_event(c->wait, try_wait_for_completion(c), TASK_KILLABLE, true, 0,
			     schedule());
}

void wait_for_completion(struct completion *c)
{
	DEFINE_WAIT(w);

	might_sleep();
	for (;;) {
		prepare_to_wait_exclusive(&c->wait, &w, TASK_UNINTERRUPTIBLE);
		if (try_wait_for_completion(c))
			break;
		schedule();
	}
	finish_wait(&c->wait, &w);
}

u64 wait_for_completion_timeout(struct completion *c, u64 timeout_ns)
{
	u64 end = sched_clock() + timeout_ns, left = timeout_ns;
	bool done = false;
	DEFINE_WAIT(w);

	might_sleep();
	for (;;) {
		prepare_to_wait_exclusive(&c->wait, &w, TASK_UNINTERRUPTIBLE);
		done = try_wait_for_completion(c);
		if (done || !left)
			break;
		left = wait_sleep_until(end);
	}
	finish_wait(&c->wait, &w);
	return done ? (left ? left : 1) : 0;
}
