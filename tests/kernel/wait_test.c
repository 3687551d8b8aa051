// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues and completions between kernel threads on every CPU: interruptible waits end
 * with -ERESTARTSYS when TIF_SIGPENDING is set and the sleeper woken (as signal delivery
 * will), timed waits time out, wake_up wakes one exclusive waiter and wake_up_all all of
 * them, complete_all releases every waiter. Waits on the test side have deadlines, so a
 * sleeper that never wakes fails the case instead of hanging the suite.
 */
#include <asm/processor.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/timer.h>
#include <kernel/wait.h>

#define MSEC 1000000ULL
#define NR_WAITERS 6

struct waiter {
	struct wait_queue_head *wq;
	struct completion *done; /* for the completion cases */
	int *go;
	long ret;
	bool finished;
	u64 woke_at;
};

static int count_queued(struct wait_queue_head *wq)
{
	struct wait_queue_entry *w;
	unsigned long flags;
	int n = 0;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry(w, &wq->head, entry)
		n++;
	spin_unlock_irqrestore(&wq->lock, flags);
	return n;
}

/* Waits (at most a second) until n tasks sleep on wq. */
static bool wait_queued(struct wait_queue_head *wq, int n)
{
	u64 end = sched_clock() + 1000 * MSEC;

	while (count_queued(wq) < n) {
		if (sched_clock() > end)
			return false;
		msleep(1);
	}
	msleep(5); /* let the last one reach schedule() */
	return true;
}

static int count_finished(struct waiter *w, int n)
{
	int done = 0;

	for (int i = 0; i < n; i++)
		done += READ_ONCE(w[i].finished);
	return done;
}

/* Waits (at most ms) until at least n of the waiters returned; the number that did. */
static int wait_finished(struct waiter *w, int n, unsigned int ms)
{
	u64 end = sched_clock() + ms * MSEC;

	while (count_finished(w, n) < n && sched_clock() < end)
		msleep(1);
	return count_finished(w, n);
}

static void finish(struct waiter *w, long ret)
{
	w->ret = ret;
	w->woke_at = sched_clock();
	__atomic_store_n(&w->finished, true, __ATOMIC_RELEASE);
}

static int interruptible_waiter(void *data)
{
	struct waiter *w = data;

	finish(w, wait_event_interruptible(*w->wq, READ_ONCE(*w->go)));
	return 0;
}

static int exclusive_waiter(void *data)
{
	struct waiter *w = data;

	finish(w, wait_event_interruptible_exclusive(*w->wq, READ_ONCE(*w->go)));
	return 0;
}

static int timeout_waiter(void *data)
{
	struct waiter *w = data;

	finish(w, wait_event_interruptible_timeout(*w->wq, READ_ONCE(*w->go), 20 * MSEC));
	return 0;
}

static int completion_waiter(void *data)
{
	struct waiter *w = data;

	wait_for_completion(w->done);
	finish(w, 0);
	return 0;
}

static int interruptible_completion_waiter(void *data)
{
	struct waiter *w = data;

	finish(w, wait_for_completion_interruptible(w->done));
	return 0;
}

/* As signal delivery will do: mark the signal, then wake an interruptible sleep. */
static void fake_signal(struct task_struct *p)
{
	set_tsk_thread_flag(p, TIF_SIGPENDING);
	wake_up_state(p, TASK_INTERRUPTIBLE);
}

static struct task_struct *start_on(int (*fn)(void *), struct waiter *w, int i)
{
	struct task_struct *k = kthread_create(fn, w, "ktest-waiter");

	if (k) {
		kthread_bind(k, i % num_online_cpus());
		wake_up_process(k);
	}
	return k;
}

/* Ends threads that a failed case left asleep, so the suite goes on. */
static void release_all(struct wait_queue_head *wq, int *go, struct task_struct **k, int n)
{
	WRITE_ONCE(*go, 1);
	wake_up_all(wq);
	for (int i = 0; i < n; i++)
		if (k[i])
			kthread_stop(k[i]);
}

static void test_signal_ends_interruptible_wait(struct ktest *t)
{
	struct wait_queue_head wq;
	struct waiter w = { .wq = &wq };
	struct task_struct *k;
	int go = 0;
	u64 t0;

	init_waitqueue_head(&wq);
	w.go = &go;
	k = start_on(interruptible_waiter, &w, 1);
	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_TRUE(t, wait_queued(&wq, 1));
	KTEST_EXPECT_FALSE(t, READ_ONCE(w.finished)); /* the condition is false: it sleeps */
	t0 = sched_clock();
	fake_signal(k);
	KTEST_EXPECT_EQ(t, wait_finished(&w, 1, 500), 1);
	KTEST_EXPECT_EQ(t, w.ret, -ERESTARTSYS);
	KTEST_EXPECT_LT(t, w.woke_at - t0, 300 * MSEC);
	KTEST_EXPECT_EQ(t, count_queued(&wq), 0); /* it took itself off the queue */
	release_all(&wq, &go, &k, 1);
}

static void test_condition_beats_signal(struct ktest *t)
{
	struct wait_queue_head wq;
	struct waiter w = { .wq = &wq };
	struct task_struct *k;
	int go = 1;

	/* A true condition is taken even with a signal pending, without sleeping. */
	init_waitqueue_head(&wq);
	w.go = &go;
	k = kthread_create(interruptible_waiter, &w, "ktest-waiter");
	KTEST_ASSERT_NOT_NULL(t, k);
	set_tsk_thread_flag(k, TIF_SIGPENDING);
	wake_up_process(k);
	KTEST_EXPECT_EQ(t, wait_finished(&w, 1, 500), 1);
	KTEST_EXPECT_EQ(t, w.ret, 0);
	release_all(&wq, &go, &k, 1);
}

static void test_wake_ends_interruptible_wait(struct ktest *t)
{
	struct wait_queue_head wq;
	struct waiter w = { .wq = &wq };
	struct task_struct *k;
	int go = 0;

	init_waitqueue_head(&wq);
	w.go = &go;
	k = start_on(interruptible_waiter, &w, 1);
	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_TRUE(t, wait_queued(&wq, 1));
	wake_up(&wq); /* a wake-up without the condition: it sleeps on */
	msleep(10);
	KTEST_EXPECT_FALSE(t, READ_ONCE(w.finished));
	WRITE_ONCE(go, 1);
	wake_up(&wq);
	KTEST_EXPECT_EQ(t, wait_finished(&w, 1, 500), 1);
	KTEST_EXPECT_EQ(t, w.ret, 0);
	release_all(&wq, &go, &k, 1);
}

static void test_interruptible_timeout(struct ktest *t)
{
	struct wait_queue_head wq;
	struct waiter w = { .wq = &wq };
	struct task_struct *k;
	int go = 0;
	u64 t0 = sched_clock();

	init_waitqueue_head(&wq);
	w.go = &go;
	k = start_on(timeout_waiter, &w, 1);
	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_EQ(t, wait_finished(&w, 1, 1000), 1);
	KTEST_EXPECT_EQ(t, w.ret, 0); /* timed out */
	KTEST_EXPECT_GE(t, w.woke_at - t0, 20 * MSEC);
	release_all(&wq, &go, &k, 1);

	/* True at once: all of the time is left, and a consuming condition runs once. */
	go = 1;
	KTEST_EXPECT_EQ(t, wait_event_interruptible_timeout(wq, go-- > 0, 5 * MSEC), 5 * MSEC);
	KTEST_EXPECT_EQ(t, go, 0);
	KTEST_EXPECT_EQ(t, wait_event_interruptible_timeout(wq, go > 0, 0), 0);

	/* Woken in time: what was left of the 20 ms, at least 1. */
	w.finished = false;
	go = 0;
	k = start_on(timeout_waiter, &w, 1);
	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_TRUE(t, wait_queued(&wq, 1));
	WRITE_ONCE(go, 1);
	wake_up(&wq);
	KTEST_EXPECT_EQ(t, wait_finished(&w, 1, 1000), 1);
	KTEST_EXPECT_GT(t, w.ret, 0);
	KTEST_EXPECT_LE(t, w.ret, 20 * MSEC);
	release_all(&wq, &go, &k, 1);
}

/* wake_up wakes one exclusive waiter, wake_up_all every one. */
static void test_exclusive_waiters(struct ktest *t)
{
	struct wait_queue_head wq;
	struct task_struct *k[NR_WAITERS] = { 0 };
	struct waiter w[NR_WAITERS] = { 0 };
	int go = 0;

	init_waitqueue_head(&wq);
	for (int i = 0; i < NR_WAITERS; i++) {
		w[i].wq = &wq;
		w[i].go = &go;
		k[i] = start_on(exclusive_waiter, &w[i], i);
		KTEST_ASSERT_NOT_NULL(t, k[i]);
	}
	KTEST_EXPECT_TRUE(t, wait_queued(&wq, NR_WAITERS));
	WRITE_ONCE(go, 1);
	wake_up(&wq);
	msleep(30);
	KTEST_EXPECT_EQ(t, count_finished(w, NR_WAITERS), 1);
	wake_up(&wq);
	msleep(30);
	KTEST_EXPECT_EQ(t, count_finished(w, NR_WAITERS), 2);
	wake_up_all(&wq);
	KTEST_EXPECT_EQ(t, wait_finished(w, NR_WAITERS, 1000), NR_WAITERS);
	for (int i = 0; i < NR_WAITERS; i++)
		KTEST_EXPECT_EQ(t, w[i].ret, 0);
	release_all(&wq, &go, k, NR_WAITERS);
}

/* complete_all releases every waiter at once, and any that come later. */
static void test_complete_all_many(struct ktest *t)
{
	struct task_struct *k[NR_WAITERS] = { 0 };
	struct waiter w[NR_WAITERS + 1] = { 0 };
	struct completion done;
	int go = 0;

	init_completion(&done);
	for (int i = 0; i < NR_WAITERS; i++) {
		w[i].done = &done;
		k[i] = start_on(completion_waiter, &w[i], i);
		KTEST_ASSERT_NOT_NULL(t, k[i]);
	}
	KTEST_EXPECT_TRUE(t, wait_queued(&done.wait, NR_WAITERS));
	KTEST_EXPECT_EQ(t, count_finished(w, NR_WAITERS), 0);
	complete_all(&done);
	KTEST_EXPECT_EQ(t, wait_finished(w, NR_WAITERS, 1000), NR_WAITERS);
	/* A late comer does not wait. */
	KTEST_EXPECT_GT(t, wait_for_completion_timeout(&done, 10 * MSEC), 0);
	release_all(&done.wait, &go, k, NR_WAITERS);
}

static void test_completion_interruptible_and_timeout(struct ktest *t)
{
	struct completion done;
	struct waiter w = { 0 };
	struct task_struct *k;
	int go = 0;
	u64 t0;

	init_completion(&done);
	t0 = sched_clock();
	KTEST_EXPECT_EQ(t, wait_for_completion_timeout(&done, 10 * MSEC), 0);
	KTEST_EXPECT_GE(t, sched_clock() - t0, 10 * MSEC);

	w.done = &done;
	k = start_on(interruptible_completion_waiter, &w, 1);
	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_TRUE(t, wait_queued(&done.wait, 1));
	fake_signal(k);
	KTEST_EXPECT_EQ(t, wait_finished(&w, 1, 500), 1);
	KTEST_EXPECT_EQ(t, w.ret, -ERESTARTSYS);
	/* The interrupted waiter did not consume the completion. */
	complete(&done);
	KTEST_EXPECT_GT(t, wait_for_completion_timeout(&done, 10 * MSEC), 0);
	complete_all(&done);
	release_all(&done.wait, &go, &k, 1);
}

static int killable_completion_waiter(void *data)
{
	struct waiter *w = data;
	long ret = wait_for_completion_killable(w->done);

	/* A kernel thread has nowhere to deliver it: the test's SIGKILL goes. */
	sigdelset(&current->pending.signal, SIGKILL);
	clear_tsk_thread_flag(current, TIF_SIGPENDING);
	finish(w, ret);
	return 0;
}

/* A killable sleep (vfork's parent) sleeps through other signals; SIGKILL ends it. */
static void test_completion_killable(struct ktest *t)
{
	struct completion done;
	struct waiter w = { 0 };
	struct task_struct *k;
	int go = 0;

	init_completion(&done);
	w.done = &done;
	k = start_on(killable_completion_waiter, &w, 1);
	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_TRUE(t, wait_queued(&done.wait, 1));
	fake_signal(k);
	KTEST_EXPECT_EQ(t, wait_finished(&w, 1, 50), 0); /* not a fatal one */
	sigaddset(&k->pending.signal, SIGKILL); /* as zap_threads_locked, then signal_wake_up */
	set_tsk_thread_flag(k, TIF_SIGPENDING);
	wake_up_state(k, TASK_INTERRUPTIBLE | TASK_STOPPED | TASK_WAKEKILL);
	KTEST_EXPECT_EQ(t, wait_finished(&w, 1, 500), 1);
	KTEST_EXPECT_EQ(t, w.ret, -ERESTARTSYS);
	complete_all(&done);
	release_all(&done.wait, &go, &k, 1);
}

#define RACE_ROUNDS 3000

struct race {
	struct wait_queue_head wq;
	int round; /* the waiter's: the round it waits in, then RACE_ROUNDS when done */
	int ended; /* rounds whose wait the signal ended */
	bool stop;
};

/* Waits interruptibly, round after round, for a condition that never comes. */
static int race_waiter(void *data)
{
	struct race *r = data;

	for (int i = 0; i < RACE_ROUNDS && !READ_ONCE(r->stop); i++) {
		__atomic_store_n(&r->round, i, __ATOMIC_RELEASE);
		if (wait_event_interruptible(r->wq, READ_ONCE(r->stop)) == -ERESTARTSYS)
			__atomic_store_n(&r->ended, i + 1, __ATOMIC_RELEASE);
		clear_tsk_thread_flag(current, TIF_SIGPENDING);
	}
	__atomic_store_n(&r->round, RACE_ROUNDS, __ATOMIC_RELEASE);
	return 0;
}

/*
 * Two CPUs: each round's signal is sent the moment the waiter starts to wait, so that it
 * falls, now and then, between prepare_to_wait_event's look at the signals and the sleep.
 * A signal lost there leaves the waiter asleep with TIF_SIGPENDING set.
 */
static void test_signal_race_two_cpus(struct ktest *t)
{
	struct race *r = kzalloc(sizeof(*r), GFP_KERNEL);
	struct task_struct *k;
	int lost = 0;

	if (num_online_cpus() < 2) {
		kfree(r);
		ktest_skip(t, "one CPU");
		return;
	}
	KTEST_ASSERT_NOT_NULL(t, r);
	init_waitqueue_head(&r->wq);
	k = kthread_create(race_waiter, r, "ktest-race");
	KTEST_ASSERT_NOT_NULL(t, k);
	kthread_bind(k, 1);
	wake_up_process(k);
	for (int i = 0; i < RACE_ROUNDS; i++) {
		u64 end = sched_clock() + 500 * MSEC;

		while (__atomic_load_n(&r->round, __ATOMIC_ACQUIRE) < i)
			cpu_relax();
		fake_signal(k);
		while (__atomic_load_n(&r->ended, __ATOMIC_ACQUIRE) < i + 1) {
			if (sched_clock() > end) { /* lost: wake it, and count the round */
				lost++;
				fake_signal(k);
				end = sched_clock() + 500 * MSEC;
			}
			cpu_relax();
		}
	}
	KTEST_EXPECT_EQ(t, lost, 0);
	WRITE_ONCE(r->stop, true);
	wake_up_all(&r->wq);
	kthread_stop(k);
	kfree(r);
}

static struct ktest_case wait_cases[] = {
	KTEST_CASE(test_signal_ends_interruptible_wait),
	KTEST_CASE(test_condition_beats_signal),
	KTEST_CASE(test_wake_ends_interruptible_wait),
	KTEST_CASE(test_interruptible_timeout),
	KTEST_CASE(test_exclusive_waiters),
	KTEST_CASE(test_complete_all_many),
	KTEST_CASE(test_completion_interruptible_and_timeout),
	KTEST_CASE(test_completion_killable),
	KTEST_CASE(test_signal_race_two_cpus),
	{},
};

static struct ktest_suite wait_suite = { .name = "wait", .cases = wait_cases };
ktest_register_suite(wait_suite);
