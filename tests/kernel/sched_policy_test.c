// SPDX-License-Identifier: GPL-2.0
/*
 * The fair policy's promises, one by one, and sched_switch_to: a directed switch runs the
 * task it is given, not the one the policy would pick; an idle CPU pulls work from a busy
 * one; a task that moves keeps its lag, not its vruntime; a sleeper gets a bounded credit
 * and preempts on waking, a task that is ahead does not. sched_switch_to_blocked runs a
 * sleeping task at once, before the queued ones. Two-CPU cases skip on one.
 */
#include <asm/irqflags.h>
#include <kernel/atomic.h>
#include <kernel/errno.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/smp.h>
#include <kernel/timer.h>

#include "two_cpus.h"

#define MSEC 1000000ULL
#define SCHED_LATENCY_NS (12 * MSEC) /* kernel/sched/sched.h */

static bool need_two_cpus(struct ktest *t)
{
	if (num_online_cpus() >= 2)
		return true;
	ktest_skip(t, "needs two CPUs");
	return false;
}

static u64 abs_diff(u64 a, u64 b)
{
	return (s64)(a - b) < 0 ? b - a : a - b;
}

/* ---- sched_switch_to ---------------------------------------------------------------- */

static atomic_t order;

struct ordered {
	int at; /* when it ran, by order */
	struct task_struct *wake; /* to wake when it runs */
};

static int note_order(void *data)
{
	struct ordered *o = data;

	o->at = atomic_inc_return(&order);
	if (o->wake)
		wake_up_process(o->wake);
	return 0;
}

static void test_switch_to_runs_the_given_task(struct ktest *t)
{
	struct ordered b = {}, c = {};
	struct task_struct *pb, *pc;
	int cpu = smp_processor_id(), ret;

	kthread_bind(current, cpu);
	pc = kthread_create(note_order, &c, "ktest-c");
	pb = kthread_create(note_order, &b, "ktest-b");
	KTEST_ASSERT_NOT_NULL(t, pb);
	KTEST_ASSERT_NOT_NULL(t, pc);
	kthread_bind(pb, cpu);
	kthread_bind(pc, cpu);
	/*
	 * As in test_switch_to_blocked_runs_the_sleeper: b's first instructions run
	 * preemptible, and a tick there could hand the CPU to c before b notes its turn (seen
	 * in make test on a busy host). At nice -20 its slice outlasts that window.
	 */
	set_user_nice(pb, MIN_NICE);
	/* Interrupts off: both queued here, c first (the policy's pick), nothing runs yet. */
	local_irq_disable();
	wake_up_process(pc);
	wake_up_process(pb);
	ret = sched_switch_to(pb);
	local_irq_enable();
	kthread_stop(pb);
	kthread_stop(pc);
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_EXPECT_EQ(t, ret, 0);
	KTEST_EXPECT_GT(t, b.at, 0);
	KTEST_EXPECT_LT(t, b.at, c.at);
}

static void test_switch_to_and_sleep(struct ktest *t)
{
	struct ordered b = { .wake = current };
	struct task_struct *pb;
	int cpu = smp_processor_id(), ret;
	long state_after;

	kthread_bind(current, cpu);
	pb = kthread_create(note_order, &b, "ktest-b");
	KTEST_ASSERT_NOT_NULL(t, pb);
	kthread_bind(pb, cpu);
	local_irq_disable();
	wake_up_process(pb);
	/* As an IPC call: hand over and sleep until the callee wakes us. */
	set_current_state(TASK_UNINTERRUPTIBLE);
	ret = sched_switch_to(pb);
	state_after = current->state;
	local_irq_enable();
	kthread_stop(pb);
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_EXPECT_EQ(t, ret, 0);
	KTEST_EXPECT_GT(t, b.at, 0);
	KTEST_EXPECT_EQ(t, state_after, TASK_RUNNING);
}

static void test_switch_to_refuses_what_cannot_run_here(struct ktest *t)
{
	struct ordered b = {};
	struct task_struct *pb = kthread_create(note_order, &b, "ktest-b");

	KTEST_ASSERT_NOT_NULL(t, pb);
	KTEST_EXPECT_EQ(t, sched_switch_to(pb), -EINVAL); /* not woken: not queued */
	KTEST_EXPECT_EQ(t, sched_switch_to(current), -EINVAL);
	if (num_online_cpus() >= 2) {
		kthread_bind(current, 0);
		kthread_bind(pb, 1);
		local_irq_disable();
		wake_up_process(pb);
		/* Queued (or running) on the other CPU: not ours to hand over to. */
		KTEST_EXPECT_EQ(t, sched_switch_to(pb), -EINVAL);
		local_irq_enable();
		set_cpus_allowed(current, CPU_MASK_ALL);
	}
	kthread_stop(pb);
}

/* ---- sched_switch_to_blocked -------------------------------------------------------- */

static void test_switch_to_blocked_runs_the_sleeper(struct ktest *t)
{
	struct ordered b = { .wake = current }, c = {};
	struct task_struct *pb, *pc;
	int cpu = smp_processor_id(), ret;
	long state_after;

	kthread_bind(current, cpu);
	pc = kthread_create(note_order, &c, "ktest-c");
	pb = kthread_create(note_order, &b, "ktest-b");
	KTEST_ASSERT_NOT_NULL(t, pb);
	KTEST_ASSERT_NOT_NULL(t, pc);
	kthread_bind(pb, cpu);
	kthread_bind(pc, cpu);
	/*
	 * b's first instructions run preemptible: a tick there could hand the CPU to c before b
	 * notes its turn (seen under a loaded host). At nice -20 its slice outlasts that window;
	 * asleep, it is still nobody's pick but sched_switch_to_blocked's.
	 */
	set_user_nice(pb, MIN_NICE);
	local_irq_disable();
	wake_up_process(pc); /* queued: the policy's pick, but b, asleep, runs first */
	/* As an IPC call: hand the CPU to the sleeper and sleep until it wakes us. */
	set_current_state(TASK_UNINTERRUPTIBLE);
	ret = sched_switch_to_blocked(pb, false);
	state_after = current->state;
	local_irq_enable();
	kthread_stop(pb);
	kthread_stop(pc);
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_EXPECT_EQ(t, ret, 0);
	KTEST_EXPECT_GT(t, b.at, 0);
	KTEST_EXPECT_LT(t, b.at, c.at);
	KTEST_EXPECT_EQ(t, state_after, TASK_RUNNING);
	KTEST_EXPECT_EQ(t, sched_double_enqueues(), 0);
}

static void test_switch_to_blocked_refuses_what_is_not_asleep_here(struct ktest *t)
{
	struct ordered b = {};
	struct task_struct *pb = kthread_create(note_order, &b, "ktest-b");
	int cpu = smp_processor_id();

	KTEST_ASSERT_NOT_NULL(t, pb);
	KTEST_EXPECT_EQ(t, sched_switch_to_blocked(current, false), -EINVAL); /* running */
	kthread_bind(current, cpu);
	kthread_bind(pb, cpu);
	local_irq_disable();
	wake_up_process(pb);
	KTEST_EXPECT_EQ(t, sched_switch_to_blocked(pb, false), -EINVAL); /* queued: woken already */
	local_irq_enable();
	kthread_stop(pb);
	if (num_online_cpus() >= 2) {
		pb = kthread_create(note_order, &b, "ktest-b");
		KTEST_ASSERT_NOT_NULL(t, pb);
		kthread_bind(current, 0);
		kthread_bind(pb, 1);
		/* Asleep, but on the other CPU: not ours to run. */
		KTEST_EXPECT_EQ(t, sched_switch_to_blocked(pb, false), -EINVAL);
		kthread_stop(pb);
	}
	set_cpus_allowed(current, CPU_MASK_ALL);
}

/* ---- an IPC call's donation ---------------------------------------------------------- */

struct donee {
	struct task_struct *caller;
	u64 spin_ns, sleep_ns; /* spin, then (if set) sleep and spin again */
	u64 own[3]; /* its own sum_exec_runtime: before, after the first spin, at the end */
	u64 spun[2];
};

/* Its run time, charged up to now if it is running on its own time (utime + stime). */
static u64 task_sum_exec_runtime(struct task_struct *p)
{
	u64 utime, stime;

	task_cputime(p, &utime, &stime);
	return utime + stime;
}

static u64 spin_for(u64 ns)
{
	u64 start = sched_clock(), now;

	while ((now = sched_clock()) - start < ns)
		cpu_relax();
	return now - start;
}

static int donee_run(void *data)
{
	struct donee *d = data;

	d->own[0] = task_sum_exec_runtime(current);
	d->spun[0] = spin_for(d->spin_ns);
	d->own[1] = task_sum_exec_runtime(current);
	if (d->sleep_ns) {
		/* Any other switch ends the donation: from here the donee pays its own way. */
		schedule_timeout(d->sleep_ns);
		d->spun[1] = spin_for(d->spin_ns);
	}
	d->own[2] = task_sum_exec_runtime(current);
	wake_up_process(d->caller); /* the reply */
	return 0;
}

/*
 * current calls d's donee as an IPC call does (sched_switch_to_blocked(.., true)), asleep
 * until it is woken; returns what current was charged meanwhile, or -1ULL if the switch was
 * refused. Both at nice -20: a donation needs equal weights, and the long slice keeps the
 * tick from preempting the donee.
 */
static u64 call_donee(struct ktest *t, struct donee *d)
{
	int cpu = smp_processor_id(), old_nice = current->nice, ret;
	struct task_struct *p;
	u64 before;

	kthread_bind(current, cpu);
	d->caller = current;
	p = kthread_create(donee_run, d, "ktest-donee");
	if (!p)
		return -1ULL;
	kthread_bind(p, cpu);
	set_user_nice(p, MIN_NICE);
	set_user_nice(current, MIN_NICE);
	before = task_sum_exec_runtime(current);
	local_irq_disable();
	set_current_state(TASK_INTERRUPTIBLE);
	ret = sched_switch_to_blocked(p, true);
	local_irq_enable();
	while (READ_ONCE(current->state) != TASK_RUNNING) /* woken, not just switched back to */
		schedule();
	before = task_sum_exec_runtime(current) - before;
	kthread_stop(p);
	set_user_nice(current, old_nice);
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_EXPECT_EQ(t, ret, 0);
	return ret ? -1ULL : before;
}

static void test_call_lends_the_callers_time(struct ktest *t)
{
	struct donee d = { .spin_ns = 2 * MSEC };
	u64 charged = call_donee(t, &d);

	/* The donee ran 2 ms and was charged nothing; the caller, asleep, paid for it. */
	KTEST_EXPECT_EQ(t, d.own[1], d.own[0]);
	KTEST_EXPECT_EQ(t, d.own[2], d.own[0]);
	KTEST_EXPECT_GE(t, charged, d.spun[0]);
	KTEST_EXPECT_EQ(t, sched_double_enqueues(), 0);
}

static void test_donation_ends_at_another_switch(struct ktest *t)
{
	struct donee d = { .spin_ns = 2 * MSEC, .sleep_ns = 1 * MSEC };
	u64 charged = call_donee(t, &d);

	/* The first spin is the caller's; after its sleep the donee pays for the second. */
	KTEST_EXPECT_EQ(t, d.own[1], d.own[0]);
	KTEST_EXPECT_GE(t, charged, d.spun[0]);
	KTEST_EXPECT_LT(t, charged, d.spun[0] + d.spun[1]);
	KTEST_EXPECT_GE(t, d.own[2] - d.own[1], d.spun[1]);
	KTEST_EXPECT_EQ(t, sched_double_enqueues(), 0);
}

/*
 * Donated calls and replies between a caller and a server on CPU 0, as the IPC fast path
 * makes them, while CPU 1 wakes both at random: every wake-up of the sleeping caller ends a
 * donation under the run-queue lock, and the reply's switch to it is then refused (it is
 * queued already). Every exchange must complete, nothing be queued twice.
 */
#define PINGPONG_ROUNDS 20000

struct pingpong {
	struct task_struct *caller, *server;
	int token; /* 1: a request is out; 0: answered */
	int rounds; /* the caller's, completed */
	u64 spurious; /* the waker's wake-ups that found a sleeper */
	bool done;
};

/* Sleeps (interruptibly, so any wake-up is spurious-safe) until *token is want. */
static void wait_token(struct pingpong *pp, int want)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (READ_ONCE(pp->token) == want || kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* Sets the token, then hands the CPU to next, asleep, as a call (donate) or reply does. */
static void hand_over(struct pingpong *pp, int token, struct task_struct *next, bool donate)
{
	unsigned long flags;

	local_irq_save(flags);
	set_current_state(TASK_INTERRUPTIBLE);
	WRITE_ONCE(pp->token, token);
	if (sched_switch_to_blocked(next, donate))
		wake_up_process(next);
	__set_current_state(TASK_RUNNING);
	local_irq_restore(flags);
}

static int pingpong_caller(void *data)
{
	struct pingpong *pp = data;

	for (int i = 0; i < PINGPONG_ROUNDS; i++) {
		hand_over(pp, 1, pp->server, true);
		wait_token(pp, 0);
		WRITE_ONCE(pp->rounds, i + 1);
	}
	WRITE_ONCE(pp->done, true);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static int pingpong_server(void *data)
{
	struct pingpong *pp = data;

	for (;;) {
		wait_token(pp, 1);
		if (kthread_should_stop())
			return 0;
		hand_over(pp, 0, pp->caller, false);
	}
}

static int pingpong_waker(void *data)
{
	struct pingpong *pp = data;
	u64 seed = 0x9e3779b97f4a7c15ULL;

	while (!READ_ONCE(pp->done) && !kthread_should_stop()) {
		u64 r = ktest_prng(&seed);

		pp->spurious += wake_up_process(r & 1 ? pp->caller : pp->server);
		for (int i = (r >> 8) & 255; i > 0; i--)
			cpu_relax();
	}
	return 0;
}

static void test_donation_survives_wakeups_from_another_cpu(struct ktest *t)
{
	struct pingpong pp = {};
	struct task_struct *waker;

	if (!need_two_cpus(t))
		return;
	pp.caller = kthread_create(pingpong_caller, &pp, "ktest-ping");
	pp.server = kthread_create(pingpong_server, &pp, "ktest-pong");
	waker = kthread_create(pingpong_waker, &pp, "ktest-waker");
	KTEST_ASSERT_NOT_NULL(t, pp.caller);
	KTEST_ASSERT_NOT_NULL(t, pp.server);
	KTEST_ASSERT_NOT_NULL(t, waker);
	kthread_bind(pp.caller, 0);
	kthread_bind(pp.server, 0);
	kthread_bind(waker, 1);
	wake_up_process(pp.caller);
	wake_up_process(waker);
	while (!READ_ONCE(pp.done))
		msleep(5);
	kthread_stop(waker);
	kthread_stop(pp.server);
	kthread_stop(pp.caller);
	KTEST_EXPECT_EQ(t, pp.rounds, PINGPONG_ROUNDS);
	KTEST_EXPECT_GT(t, pp.spurious, 0);
	KTEST_EXPECT_EQ(t, sched_double_enqueues(), 0);
	ktest_log(t, "%d exchanges, %llu wake-ups from CPU 1 found a sleeper", pp.rounds,
		  (unsigned long long)pp.spurious);
}

/* ---- spinners ----------------------------------------------------------------------- */

struct spin {
	volatile bool stop;
	unsigned long work[NR_CPUS];
};

static int spin(void *data)
{
	struct spin *s = data;

	while (!s->stop) {
		preempt_disable();
		s->work[smp_processor_id()]++;
		preempt_enable();
	}
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static struct task_struct *start_spinner(struct spin *s, int cpu, int nice)
{
	struct task_struct *p = kthread_create(spin, s, "ktest-spin");

	if (!p)
		return NULL;
	if (cpu >= 0)
		kthread_bind(p, cpu);
	set_user_nice(p, nice);
	wake_up_process(p);
	return p;
}

static void stop_spinner(struct spin *s, struct task_struct *p)
{
	s->stop = true;
	kthread_stop(p);
}

/* ---- load balancing ----------------------------------------------------------------- */

static void test_idle_cpu_pulls_queued_work(struct ktest *t)
{
	struct spin s[2] = {};
	struct task_struct *p[2];
	unsigned long on1_before, on0_before;

	if (!need_two_cpus(t))
		return;
	kthread_bind(current, 1);
	for (int i = 0; i < 2; i++) {
		p[i] = start_spinner(&s[i], 0, 0);
		KTEST_ASSERT_NOT_NULL(t, p[i]);
	}
	msleep(20);
	/* Free to go anywhere now, but nothing moves them except balancing. */
	for (int i = 0; i < 2; i++)
		set_cpus_allowed(p[i], CPU_MASK_ALL);
	msleep(100);
	on0_before = s[0].work[0] + s[1].work[0];
	on1_before = s[0].work[1] + s[1].work[1];
	msleep(50);
	KTEST_EXPECT_GT(t, s[0].work[0] + s[1].work[0], on0_before);
	KTEST_EXPECT_GT(t, s[0].work[1] + s[1].work[1], on1_before);
	for (int i = 0; i < 2; i++)
		stop_spinner(&s[i], p[i]);
	set_cpus_allowed(current, CPU_MASK_ALL);
}

/* ---- vruntime across CPUs ----------------------------------------------------------- */

static u64 min_u64(u64 a, u64 b)
{
	return (s64)(a - b) < 0 ? a : b;
}

static void test_vruntime_renormalised_on_migration(struct ktest *t)
{
	struct spin a[2] = {}, b = {};
	struct task_struct *pa[2], *pb;
	u64 gap_before, gap_after, t0, elapsed;
	unsigned long a_work, b_work;

	if (!need_two_cpus(t))
		return;
	/* On CPU 1, so that b is running on CPU 0 when asked to move (finish_migration). */
	kthread_bind(current, 1);
	/*
	 * Two spinners at nice 19 share CPU 1 (so the tick charges them as they go), their
	 * clocks running 68 times fast: CPU 1's vruntime level races seconds ahead of CPU 0's.
	 */
	for (int i = 0; i < 2; i++) {
		pa[i] = start_spinner(&a[i], 1, MAX_NICE);
		KTEST_ASSERT_NOT_NULL(t, pa[i]);
	}
	pb = start_spinner(&b, 0, 0);
	KTEST_ASSERT_NOT_NULL(t, pb);
	msleep(100);
	for (int i = 0; i < 2; i++)
		set_user_nice(pa[i], 0);
	msleep(10);
	gap_before = abs_diff(min_u64(READ_ONCE(pa[0]->vruntime), READ_ONCE(pa[1]->vruntime)),
			      READ_ONCE(pb->vruntime));
	/*
	 * b runs on CPU 0: it moves at its next switch, with its lag. Had it kept its vruntime,
	 * it would land seconds behind (or ahead of) CPU 1's tasks, and run alone there (or
	 * wait) until that was made up; this thread, sleeping 5 ms on CPU 1, would wait too.
	 */
	t0 = sched_clock();
	set_cpus_allowed(pb, cpumask_of(1));
	msleep(5);
	elapsed = sched_clock() - t0;
	/*
	 * The move happens at b's next switch, which a loaded host's TCG can hold back past
	 * those 5 ms (the reschedule IPI is late): compare the clocks once b is on CPU 1.
	 */
	for (int ms = 0; ms < 1000 && READ_ONCE(pb->cpu) != 1; ms++)
		msleep(1);
	KTEST_EXPECT_EQ(t, READ_ONCE(pb->cpu), 1);
	gap_after = abs_diff(min_u64(READ_ONCE(pa[0]->vruntime), READ_ONCE(pa[1]->vruntime)),
			     READ_ONCE(pb->vruntime));
	a_work = a[0].work[1] + a[1].work[1];
	b_work = b.work[1];
	msleep(60);
	/* All three share CPU 1: none waits seconds for the others to catch up. */
	KTEST_EXPECT_GT(t, a[0].work[1] + a[1].work[1], a_work);
	KTEST_EXPECT_GT(t, b.work[1], b_work);
	KTEST_EXPECT_GT(t, gap_before, 1000 * MSEC);
	KTEST_EXPECT_LT(t, gap_after, 100 * MSEC);
	KTEST_EXPECT_LT(t, elapsed, 500 * MSEC);
	ktest_log(t, "vruntime gap %llu ms before the move, %llu ms after; 5 ms sleep: %llu ms",
		  (unsigned long long)gap_before / MSEC, (unsigned long long)gap_after / MSEC,
		  (unsigned long long)elapsed / MSEC);
	for (int i = 0; i < 2; i++)
		stop_spinner(&a[i], pa[i]);
	stop_spinner(&b, pb);
	set_cpus_allowed(current, CPU_MASK_ALL);
}

/* ---- waking up ---------------------------------------------------------------------- */

static int sleep_until_stopped(void *unused)
{
	while (!kthread_should_stop()) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

static void burn(u64 ns)
{
	u64 end = sched_clock() + ns;

	while (sched_clock() < end)
		cpu_relax();
}

/*
 * A task that slept while this one ran gets up to half a period of credit, no more, and so
 * preempts the waker at once.
 */
static void test_sleeper_credit_and_wakeup_preemption(struct ktest *t)
{
	int cpu = smp_processor_id();
	struct task_struct *w;
	bool preempt;
	u64 tv, wv;

	kthread_bind(current, cpu);
	w = kthread_create(sleep_until_stopped, NULL, "ktest-sleeper");
	KTEST_ASSERT_NOT_NULL(t, w);
	kthread_bind(w, cpu);
	wake_up_process(w);
	msleep(2); /* it ran and went to sleep */
	burn(40 * MSEC); /* our vruntime moves 40 ms past its */
	preempt_disable();
	wake_up_process(w);
	preempt = need_resched();
	tv = current->vruntime;
	wv = w->vruntime;
	preempt_enable();
	kthread_stop(w);
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_EXPECT_TRUE(t, preempt);
	KTEST_EXPECT_LT(t, wv, tv); /* credit given... */
	KTEST_EXPECT_LE(t, tv - wv, SCHED_LATENCY_NS / 2); /* ...but bounded */
	KTEST_EXPECT_GE(t, tv - wv, SCHED_LATENCY_NS / 4);
}

/* A task woken while ahead of the running one does not preempt it. */
static void test_wakeup_of_task_ahead_does_not_preempt(struct ktest *t)
{
	int cpu = smp_processor_id();
	struct task_struct *w;
	bool preempt;

	kthread_bind(current, cpu);
	w = kthread_create(sleep_until_stopped, NULL, "ktest-ahead");
	KTEST_ASSERT_NOT_NULL(t, w);
	kthread_bind(w, cpu);
	wake_up_process(w);
	msleep(2);
	/* Give it a vruntime well ahead of ours: it is heavier-charged (nice 19) for a while. */
	set_user_nice(w, MAX_NICE);
	preempt_disable();
	w->vruntime = current->vruntime + SCHED_LATENCY_NS;
	preempt_enable();
	set_user_nice(w, 0);
	preempt_disable();
	wake_up_process(w);
	preempt = need_resched();
	preempt_enable();
	kthread_stop(w);
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_EXPECT_FALSE(t, preempt);
}

static struct ktest_case sched_policy_cases[] = {
	KTEST_CASE(test_switch_to_runs_the_given_task),
	KTEST_CASE(test_switch_to_and_sleep),
	KTEST_CASE(test_switch_to_refuses_what_cannot_run_here),
	KTEST_CASE(test_switch_to_blocked_runs_the_sleeper),
	KTEST_CASE(test_switch_to_blocked_refuses_what_is_not_asleep_here),
	KTEST_CASE(test_call_lends_the_callers_time),
	KTEST_CASE(test_donation_ends_at_another_switch),
	KTEST_CASE(test_donation_survives_wakeups_from_another_cpu),
	KTEST_CASE(test_idle_cpu_pulls_queued_work),
	KTEST_CASE(test_vruntime_renormalised_on_migration),
	KTEST_CASE(test_sleeper_credit_and_wakeup_preemption),
	KTEST_CASE(test_wakeup_of_task_ahead_does_not_preempt),
	{},
};

static struct ktest_suite sched_policy_suite = { .name = "sched_policy",
						 .cases = sched_policy_cases };
ktest_register_suite(sched_policy_suite);
