// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/signal.c's parts that user space can only race for: the thread chosen for a
 * process-wide signal that then blocks it, or exits, hands it to another (retargeting); a
 * stopped thread is not chosen; and the CPU itimers' count-down as cputime.c charges time.
 * On thread groups made of tasks that never run, so that nothing moves under the test.
 */
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/timer.h>

#define FAKE_HANDLER ((void __user *)0x1000)
#define MS 1000000ULL

static int never_runs(void *unused)
{
	return 0;
}

static struct task_struct *new_task(void)
{
	struct task_struct *p = create_task(never_runs, NULL, "itimer_test");
	int sig;

	if (!p)
		return NULL;
	for (sig = 1; sig <= _NSIG; sig++)
		p->sighand->action[sig - 1].sa_handler = FAKE_HANDLER;
	return p;
}

/*
 * t joins leader's group, as CLONE_THREAD would have made it: the group's signal_struct and
 * handler table (its own, never used, go: both are kzalloc'd with one reference).
 */
static void join_group(struct task_struct *leader, struct task_struct *t)
{
	struct signal_struct *own_sig = t->signal;
	struct sighand_struct *own_sh = t->sighand;
	unsigned long flags;

	list_del_init(&t->thread_node);
	atomic_inc(&leader->signal->sigcnt);
	atomic_inc(&leader->sighand->count);
	spin_lock_irqsave(&leader->sighand->siglock, flags);
	t->signal = leader->signal;
	t->sighand = leader->sighand;
	list_add_tail(&t->thread_node, &leader->signal->thread_head);
	leader->signal->nr_threads++;
	spin_unlock_irqrestore(&leader->sighand->siglock, flags);
	put_signal_struct(own_sig);
	if (atomic_read(&own_sh->count) == 1)
		kfree(own_sh);
}

static bool woken(struct task_struct *p)
{
	return test_tsk_thread_flag(p, TIF_SIGPENDING);
}

static void test_block_retargets(struct ktest *t)
{
	struct task_struct *a = new_task(), *b = new_task();
	sigset_t set;

	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_ASSERT_NOT_NULL(t, b);
	join_group(a, b);
	KTEST_EXPECT_EQ(t, group_send_sig_info(SIGUSR1, SEND_SIG_PRIV, a), 0);
	/* The leader takes it (it blocks nothing): only it is woken. */
	KTEST_EXPECT_TRUE(t, woken(a));
	KTEST_EXPECT_FALSE(t, woken(b));
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	set_task_blocked(a, &set);
	KTEST_EXPECT_TRUE(t, sigismember(&a->signal->shared_pending.signal, SIGUSR1));
	KTEST_EXPECT_TRUE(t, woken(b));
	/* Blocking what is not pending moves nothing. */
	clear_tsk_thread_flag(b, TIF_SIGPENDING);
	sigaddset(&set, SIGUSR2);
	set_task_blocked(a, &set);
	KTEST_EXPECT_FALSE(t, woken(b));
	put_task_struct(b);
	put_task_struct(a);
}

static void test_exit_retargets(struct ktest *t)
{
	struct task_struct *a = new_task(), *b = new_task();

	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_ASSERT_NOT_NULL(t, b);
	join_group(a, b);
	KTEST_EXPECT_EQ(t, group_send_sig_info(SIGUSR2, SEND_SIG_PRIV, a), 0);
	KTEST_EXPECT_TRUE(t, woken(a));
	KTEST_EXPECT_FALSE(t, woken(b));
	exit_signals(a);
	KTEST_EXPECT_TRUE(t, a->flags & PF_EXITING);
	KTEST_EXPECT_TRUE(t, woken(b));
	/* An exiting thread is chosen for nothing more. */
	clear_tsk_thread_flag(b, TIF_SIGPENDING);
	clear_tsk_thread_flag(a, TIF_SIGPENDING);
	KTEST_EXPECT_EQ(t, group_send_sig_info(SIGHUP, SEND_SIG_PRIV, a), 0);
	KTEST_EXPECT_FALSE(t, woken(a));
	KTEST_EXPECT_TRUE(t, woken(b));
	put_task_struct(b);
	put_task_struct(a);
}

static void test_stopped_not_chosen(struct ktest *t)
{
	struct task_struct *a = new_task(), *b = new_task(), *c = new_task();

	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_ASSERT_NOT_NULL(t, b);
	KTEST_ASSERT_NOT_NULL(t, c);
	join_group(a, b);
	join_group(a, c);
	sigaddset(&a->blocked, SIGUSR1);
	WRITE_ONCE(b->state, TASK_STOPPED);
	KTEST_EXPECT_EQ(t, group_send_sig_info(SIGUSR1, SEND_SIG_PRIV, a), 0);
	KTEST_EXPECT_FALSE(t, woken(a));
	KTEST_EXPECT_FALSE(t, woken(b));
	KTEST_EXPECT_TRUE(t, woken(c));
	WRITE_ONCE(b->state, TASK_UNINTERRUPTIBLE);
	put_task_struct(c);
	put_task_struct(b);
	put_task_struct(a);
}

static void test_cpu_itimer_charge(struct ktest *t)
{
	struct task_struct *a = new_task();
	struct signal_struct *sig;
	int groups;

	KTEST_ASSERT_NOT_NULL(t, a);
	sig = a->signal;
	groups = atomic_read(&cpu_itimer_groups);
	cpu_itimer_arm(sig, 0, 10 * MS, 5 * MS); /* ITIMER_VIRTUAL: 10 ms, then every 5 */
	cpu_itimer_arm(sig, 1, 12 * MS, 0); /* ITIMER_PROF: once, at 12 ms */
	KTEST_EXPECT_EQ(t, atomic_read(&cpu_itimer_groups), groups + 1);
	itimer_charge(a, 6 * MS, true);
	itimer_charge(a, 5 * MS, false); /* system time: PROF's only */
	KTEST_EXPECT_EQ(t, sig->cpu_it[0].clock, 6 * MS);
	KTEST_EXPECT_EQ(t, sig->cpu_it[1].clock, 11 * MS);
	KTEST_EXPECT_EQ(t, sig->itimer_fired, 0);
	KTEST_EXPECT_FALSE(t, test_tsk_thread_flag(a, TIF_NOTIFY_RESUME));
	itimer_charge(a, 4 * MS, true);
	/* VIRTUAL due at 10 (reloaded from when it was due, not from now), PROF at 12. */
	KTEST_EXPECT_EQ(t, sig->itimer_fired, 3);
	KTEST_EXPECT_EQ(t, sig->cpu_it[0].expires, 15 * MS);
	KTEST_EXPECT_EQ(t, sig->cpu_it[1].expires, 0);
	KTEST_EXPECT_TRUE(t, sig->cpu_itimers_armed);
	KTEST_EXPECT_TRUE(t, test_tsk_thread_flag(a, TIF_NOTIFY_RESUME));
	/* Nothing is sent under the charge; the sender finds both. */
	KTEST_EXPECT_EQ(t, sig->shared_pending.signal.sig[0], 0);
	itimer_send_fired(a);
	KTEST_EXPECT_EQ(t, sig->itimer_fired, 0);
	KTEST_EXPECT_TRUE(t, sigismember(&sig->shared_pending.signal, SIGVTALRM));
	KTEST_EXPECT_TRUE(t, sigismember(&sig->shared_pending.signal, SIGPROF));
	/* The group's end disarms them: nothing keeps a tick for it. */
	exit_itimers(sig);
	KTEST_EXPECT_FALSE(t, sig->cpu_itimers_armed);
	KTEST_EXPECT_EQ(t, sig->cpu_it[0].expires, 0);
	KTEST_EXPECT_EQ(t, atomic_read(&cpu_itimer_groups), groups);
	put_task_struct(a);
}

/* clock_nanosleep's waiter on a CPU clock: due at the charge that passes it, woken after. */
static void test_cpu_clock_waiter(struct ktest *t)
{
	struct task_struct *a = new_task();
	struct cpu_clock_waiter w = { .clock = 1 }, gone = { .clock = 0 };
	struct signal_struct *sig;
	int groups;

	KTEST_ASSERT_NOT_NULL(t, a);
	sig = a->signal;
	groups = atomic_read(&cpu_itimer_groups);
	cpu_clock_waiter_add(a, &w, 10 * MS);
	cpu_clock_waiter_add(a, &gone, 100 * MS);
	KTEST_EXPECT_EQ(t, atomic_read(&cpu_itimer_groups), groups + 1);
	KTEST_EXPECT_TRUE(t, sig->cpu_itimers_armed);
	itimer_charge(a, 6 * MS, false);
	KTEST_EXPECT_EQ(t, sig->itimer_fired, 0);
	itimer_charge(a, 5 * MS, false); /* system time counts on the PROF clock */
	KTEST_EXPECT_EQ(t, sig->itimer_fired, 1U << CPU_IT_WAITERS);
	KTEST_EXPECT_TRUE(t, test_tsk_thread_flag(a, TIF_NOTIFY_RESUME));
	KTEST_EXPECT_EQ(t, w.state, CPU_WAITER_LISTED); /* due, not yet woken */
	KTEST_EXPECT_TRUE(t, list_is_singular(&sig->cpu_waiters_due));
	/* A waiter that leaves before its deadline: off the list, the group still armed. */
	cpu_clock_waiter_del(a, &gone);
	KTEST_EXPECT_EQ(t, gone.state, CPU_WAITER_DONE);
	KTEST_EXPECT_TRUE(t, list_empty(&sig->cpu_waiters));
	KTEST_EXPECT_FALSE(t, sig->cpu_itimers_armed);
	KTEST_EXPECT_EQ(t, atomic_read(&cpu_itimer_groups), groups);
	itimer_send_fired(a);
	KTEST_EXPECT_EQ(t, w.state, CPU_WAITER_DONE);
	KTEST_EXPECT_TRUE(t, list_empty(&sig->cpu_waiters_due));
	KTEST_EXPECT_EQ(t, sig->shared_pending.signal.sig[0], 0); /* a wake, no signal */
	cpu_clock_waiter_del(a, &w); /* returns at once: the waker is done with it */
	exit_itimers(sig);
	put_task_struct(a);
}

/* One case a line, as in every suite, which clang-format would pack here. */
/* clang-format off */
static struct ktest_case itimer_cases[] = {
	KTEST_CASE(test_block_retargets),
	KTEST_CASE(test_exit_retargets),
	KTEST_CASE(test_stopped_not_chosen),
	KTEST_CASE(test_cpu_itimer_charge),
	KTEST_CASE(test_cpu_clock_waiter),
	{},
};
/* clang-format on */

static struct ktest_suite itimer_suite = { .name = "itimer", .cases = itimer_cases };
ktest_register_suite(itimer_suite);
