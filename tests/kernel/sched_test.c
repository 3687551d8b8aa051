// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler, timers and SMP, with real kernel threads: fair shares, nice, sleeping and
 * waking, affinity, both CPUs working, interrupt counts, TLB shootdown, FPU state, moving
 * tasks that are switching out, sleeping or exiting (bug 2, with a stress), and the cost
 * figures of switching and cross-CPU calls. Cases that need two CPUs skip on one.
 */
#include <asm/irq_vectors.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/uaccess.h>
#include <kernel/interrupt.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/timer.h>
#include <kernel/wait.h>
#include <uapi/mman.h>

#define MSEC 1000000ULL
/* Under TCG on a loaded 2-core host a 10 ms sleep may overshoot; this bound still fails
 * a timer that is broken (armed wrongly, or never). */
#define SLEEP_BOUND_MS 250

static int last_cpu(void)
{
	return num_online_cpus() - 1;
}

static bool need_two_cpus(struct ktest *t)
{
	if (num_online_cpus() >= 2)
		return true;
	ktest_skip(t, "needs two CPUs");
	return false;
}

/* ---- basics ------------------------------------------------------------------------- */

static int return_42(void *data)
{
	*(int *)data = 1;
	return 42;
}

static void test_kthread_runs_and_returns(struct ktest *t)
{
	int ran = 0;
	unsigned long tasks = nr_tasks();
	struct task_struct *p = kthread_create(return_42, &ran, "ktest-42");

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_EQ(t, nr_tasks(), tasks + 1);
	wake_up_process(p);
	KTEST_EXPECT_EQ(t, kthread_stop(p), 42);
	KTEST_EXPECT_EQ(t, ran, 1);
	/* Its last reference goes when its CPU has switched away from it: soon, not at once. */
	for (int ms = 0; ms < 1000 && nr_tasks() != tasks; ms++)
		msleep(1);
	KTEST_EXPECT_EQ(t, nr_tasks(), tasks);
}

static void test_msleep_accuracy(struct ktest *t)
{
	u64 t0 = sched_clock(), dt;

	msleep(10);
	dt = sched_clock() - t0;
	KTEST_EXPECT_GE(t, dt, 10 * MSEC);
	KTEST_EXPECT_LT(t, dt, SLEEP_BOUND_MS * MSEC);
	ktest_log(t, "msleep(10) took %llu us", (unsigned long long)dt / 1000);
}

struct waiter {
	struct completion go;
	int woke;
};

static int wait_for_go(void *data)
{
	struct waiter *w = data;

	wait_for_completion(&w->go);
	w->woke = 1;
	return 0;
}

static void test_sleeping_thread_wakes(struct ktest *t)
{
	struct waiter w = { .woke = 0 };
	struct task_struct *p;

	init_completion(&w.go);
	p = kthread_run(wait_for_go, &w, "ktest-waiter");
	KTEST_ASSERT_NOT_NULL(t, p);
	msleep(20);
	KTEST_EXPECT_EQ(t, w.woke, 0); /* still asleep */
	KTEST_EXPECT_EQ(t, p->state, TASK_UNINTERRUPTIBLE);
	complete(&w.go);
	kthread_stop(p);
	KTEST_EXPECT_EQ(t, w.woke, 1);
}

static void test_bad_nice_and_mask(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, set_user_nice(current, 20), -EINVAL);
	KTEST_EXPECT_EQ(t, set_user_nice(current, -21), -EINVAL);
	KTEST_EXPECT_EQ(t, set_cpus_allowed(current, 0), -EINVAL);
}

/* ---- CPU-bound workers ---------------------------------------------------------------- */

struct spinner {
	volatile bool *stop;
	u64 runtime_ns; /* its own sum_exec_runtime when it saw stop */
	unsigned long cpus_seen; /* bit n: it ran on CPU n */
	unsigned long work[NR_CPUS]; /* loop iterations per CPU */
};

static int spin_until_stopped(void *data)
{
	struct spinner *s = data;

	while (!READ_ONCE(*s->stop)) {
		int cpu;

		preempt_disable();
		cpu = smp_processor_id();
		s->cpus_seen |= 1UL << cpu;
		s->work[cpu]++;
		preempt_enable();
	}
	s->runtime_ns = current->sum_exec_runtime;
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/* Runs n spinners (bound to cpu unless cpu < 0, with the given nice values) for ms. */
static bool run_spinners(struct spinner *s, int n, int cpu, const int *nice, unsigned int ms)
{
	struct task_struct *p[8];
	volatile bool stop = false;

	for (int i = 0; i < n; i++) {
		s[i] = (struct spinner){ .stop = &stop };
		p[i] = kthread_create(spin_until_stopped, &s[i], "ktest-spin");
		if (!p[i])
			return false;
		if (cpu >= 0)
			kthread_bind(p[i], cpu);
		if (nice)
			set_user_nice(p[i], nice[i]);
	}
	for (int i = 0; i < n; i++)
		wake_up_process(p[i]);
	msleep(ms);
	stop = true;
	for (int i = 0; i < n; i++)
		kthread_stop(p[i]);
	return true;
}

static void test_fair_shares(struct ktest *t)
{
	struct spinner s[3];
	u64 sum = 0, lo = ~0ULL, hi = 0;

	KTEST_ASSERT_TRUE(t, run_spinners(s, 3, last_cpu(), NULL, 600));
	for (int i = 0; i < 3; i++) {
		sum += s[i].runtime_ns;
		lo = min(lo, s[i].runtime_ns);
		hi = max(hi, s[i].runtime_ns);
	}
	ktest_log(t, "runtimes %llu %llu %llu us", (unsigned long long)s[0].runtime_ns / 1000,
		  (unsigned long long)s[1].runtime_ns / 1000,
		  (unsigned long long)s[2].runtime_ns / 1000);
	KTEST_ASSERT_GT(t, sum, 0);
	/* Every share within 10 % of the mean. */
	KTEST_EXPECT_LE(t, (hi - lo) * 3 * 10, sum);
}

static void test_nice_changes_shares(struct ktest *t)
{
	static const int nice[2] = { 0, 5 }; /* weights 1024 and 336: about 3 to 1 */
	struct spinner s[2];

	KTEST_ASSERT_TRUE(t, run_spinners(s, 2, last_cpu(), nice, 400));
	ktest_log(t, "nice 0: %llu us, nice 5: %llu us", (unsigned long long)s[0].runtime_ns / 1000,
		  (unsigned long long)s[1].runtime_ns / 1000);
	KTEST_EXPECT_GT(t, s[0].runtime_ns, 2 * s[1].runtime_ns);
	KTEST_EXPECT_LT(t, s[0].runtime_ns, 5 * s[1].runtime_ns);
}

static void test_both_cpus_run_threads(struct ktest *t)
{
	struct spinner s[2];
	unsigned long per_cpu[NR_CPUS] = { 0 };

	if (!need_two_cpus(t))
		return;
	KTEST_ASSERT_TRUE(t, run_spinners(s, 2, -1, NULL, 200));
	for (int i = 0; i < 2; i++)
		for (int c = 0; c < (int)nr_cpu_ids; c++)
			per_cpu[c] += s[i].work[c];
	ktest_log(t, "loop iterations on CPU 0: %lu, CPU 1: %lu", per_cpu[0], per_cpu[1]);
	KTEST_EXPECT_GT(t, per_cpu[0], 0);
	KTEST_EXPECT_GT(t, per_cpu[1], 0);
}

static void test_affinity_is_kept(struct ktest *t)
{
	struct spinner s[3];

	if (!need_two_cpus(t))
		return;
	/* Three threads bound to CPU 1 with CPU 0 idle: balancing must not move them. */
	KTEST_ASSERT_TRUE(t, run_spinners(s, 3, 1, NULL, 200));
	for (int i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(t, s[i].cpus_seen, 1UL << 1);
}

static void test_moving_a_running_thread(struct ktest *t)
{
	volatile bool stop = false;
	struct spinner s = { .stop = &stop };
	unsigned long on0, on1;
	struct task_struct *p;

	if (!need_two_cpus(t))
		return;
	p = kthread_create(spin_until_stopped, &s, "ktest-move");
	KTEST_ASSERT_NOT_NULL(t, p);
	kthread_bind(p, 0);
	wake_up_process(p);
	msleep(50);
	KTEST_EXPECT_EQ(t, set_cpus_allowed(p, cpumask_of(1)), 0);
	msleep(50);
	/* Only the spinner writes its counters: compare snapshots, don't reset them. */
	on0 = READ_ONCE(s.work[0]);
	on1 = READ_ONCE(s.work[1]);
	msleep(50);
	stop = true;
	kthread_stop(p);
	KTEST_EXPECT_EQ(t, s.work[0], on0);
	KTEST_EXPECT_GT(t, s.work[1], on1);
}

/* ---- interrupts --------------------------------------------------------------------- */

static int nap_three_times(void *unused)
{
	for (int i = 0; i < 3; i++)
		msleep(2);
	return 0;
}

static void test_timer_interrupts_on_every_cpu(struct ktest *t)
{
	int cpu;

	for_each_online_cpu(cpu)
	{
		unsigned long before = irq_count(cpu, LOCAL_TIMER_VECTOR);
		struct task_struct *p = kthread_create(nap_three_times, NULL, "ktest-nap");

		KTEST_ASSERT_NOT_NULL(t, p);
		kthread_bind(p, cpu);
		wake_up_process(p);
		kthread_stop(p);
		KTEST_EXPECT_GE(t, irq_count(cpu, LOCAL_TIMER_VECTOR), before + 3);
	}
}

/* ---- TLB shootdown ------------------------------------------------------------------ */

struct tlb_probe {
	struct mm_struct *mm;
	unsigned long addr;
	struct completion ready;
	volatile bool go;
	u8 before, after;
	int after_err;
};

/*
 * Reads, then spins (sleeping would switch to the idle task, whose CR3 load flushes the
 * TLB and takes the CPU out of the mm), then reads again.
 */
static int read_twice(void *data)
{
	struct tlb_probe *tp = data;

	switch_mm(tp->mm);
	get_user(tp->before, (u8 __user *)tp->addr); /* the TLB now holds the translation */
	complete(&tp->ready);
	while (!tp->go)
		cpu_relax();
	tp->after_err = get_user(tp->after, (u8 __user *)tp->addr);
	switch_mm(NULL);
	return 0;
}

static void test_tlb_shootdown(struct ktest *t)
{
	struct tlb_probe tp = { 0 };
	unsigned long ipis;
	struct task_struct *p;
	long addr;

	if (!need_two_cpus(t))
		return;
	init_completion(&tp.ready);
	tp.mm = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, tp.mm);
	switch_mm(tp.mm);
	addr = do_mmap(tp.mm, 0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
	KTEST_ASSERT_GT(t, addr, 0);
	tp.addr = addr;
	put_user((u8)1, (u8 __user *)addr);

	p = kthread_create(read_twice, &tp, "ktest-tlb");
	KTEST_ASSERT_NOT_NULL(t, p);
	kthread_bind(p, 1);
	kthread_bind(current, 0);
	wake_up_process(p);
	wait_for_completion(&tp.ready);
	ipis = ipi_call_count(1);
	/* Take the page away under the other CPU's feet: its cached translation must go. */
	KTEST_EXPECT_EQ(t, do_mprotect(tp.mm, addr, PAGE_SIZE, PROT_NONE), 0);
	tp.go = true;
	kthread_stop(p);
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_EXPECT_EQ(t, tp.before, 1);
	KTEST_EXPECT_EQ(t, tp.after_err, -EFAULT);
	KTEST_EXPECT_GE(t, ipi_call_count(1), ipis + 1);
	switch_mm(NULL);
	mmput(tp.mm);
}

/* ---- moving a task while it switches out (bug 2) ------------------------------------ */

struct moved_victim {
	volatile bool ready, go, woken;
	bool returned_unwoken;
	int cpu_after;
};

static bool wait_until_true(volatile bool *flag, unsigned int ms)
{
	u64 deadline = sched_clock() + ms * MSEC;

	while (!*flag && sched_clock() < deadline)
		cpu_relax();
	return *flag;
}

/*
 * Interrupts off while the test asks for a move, so the move is still pending at this
 * task's own schedule(): it goes to sleep with migrate_to set.
 */
static int sleep_while_moved(void *data)
{
	struct moved_victim *v = data;

	local_irq_disable();
	v->ready = true;
	while (!v->go)
		cpu_relax();
	set_current_state(TASK_INTERRUPTIBLE);
	schedule();
	v->returned_unwoken = !READ_ONCE(v->woken);
	local_irq_enable();
	v->cpu_after = smp_processor_id();
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void test_moved_sleeper_is_not_run_unwoken(struct ktest *t)
{
	struct moved_victim v = {};
	unsigned long doubles = sched_double_enqueues();
	struct task_struct *p;

	if (!need_two_cpus(t))
		return;
	p = kthread_create(sleep_while_moved, &v, "ktest-moved");
	KTEST_ASSERT_NOT_NULL(t, p);
	kthread_bind(p, 1);
	kthread_bind(current, 0);
	wake_up_process(p);
	KTEST_EXPECT_TRUE(t, wait_until_true(&v.ready, 1000));
	KTEST_EXPECT_EQ(t, set_cpus_allowed(p, cpumask_of(0)), 0);
	v.go = true;
	msleep(20);
	/* Asleep, and not queued anywhere, until someone wakes it. */
	KTEST_EXPECT_EQ(t, READ_ONCE(p->state), TASK_INTERRUPTIBLE);
	KTEST_EXPECT_EQ(t, READ_ONCE(p->on_rq), 0);
	v.woken = true;
	wake_up_process(p);
	kthread_stop(p);
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_EXPECT_FALSE(t, v.returned_unwoken);
	KTEST_EXPECT_EQ(t, v.cpu_after, 0);
	KTEST_EXPECT_EQ(t, sched_double_enqueues(), doubles);
}

/* Returns, into kthread_exit and do_exit, with interrupts still off and a move pending. */
static int exit_while_moved(void *data)
{
	struct moved_victim *v = data;

	local_irq_disable();
	v->ready = true;
	while (!v->go)
		cpu_relax();
	return 7;
}

static void test_moved_exiting_task_is_not_queued(struct ktest *t)
{
	struct moved_victim v = {};
	unsigned long doubles = sched_double_enqueues();
	unsigned long tasks = nr_tasks();
	struct task_struct *p;

	if (!need_two_cpus(t))
		return;
	p = kthread_create(exit_while_moved, &v, "ktest-moved-exit");
	KTEST_ASSERT_NOT_NULL(t, p);
	kthread_bind(p, 1);
	kthread_bind(current, 0);
	wake_up_process(p);
	KTEST_EXPECT_TRUE(t, wait_until_true(&v.ready, 1000));
	KTEST_EXPECT_EQ(t, set_cpus_allowed(p, cpumask_of(0)), 0);
	v.go = true;
	KTEST_EXPECT_EQ(t, kthread_stop(p), 7); /* frees it, once its CPU let go of it */
	for (int ms = 0; ms < 1000 && nr_tasks() > tasks; ms++)
		msleep(1);
	msleep(20); /* a dead task wrongly queued on CPU 0 would be run by now */
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_EXPECT_LE(t, nr_tasks(), tasks);
	KTEST_EXPECT_EQ(t, sched_double_enqueues(), doubles);
}

/*
 * The stress: workers that sleep and are woken all the time, yield, and exit after a
 * while (to be replaced), while a mover thread keeps changing their CPUs, running or not.
 * Any double enqueue is counted by the scheduler; a dead task queued would crash.
 */
#define STRESS_WORKERS 4
#define STRESS_MS 600

struct stress_slot {
	spinlock_t lock;
	struct task_struct *task; /* holding the creator's reference, or NULL */
	volatile bool kick;
	volatile bool done;
	unsigned long rounds;
	u32 seed;
};

struct migrate_stress {
	struct stress_slot slot[STRESS_WORKERS];
	unsigned long moves, wakes;
};

static u32 xorshift(u32 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static struct task_struct *slot_get(struct stress_slot *s)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	p = s->task;
	if (p)
		get_task_struct(p);
	spin_unlock_irqrestore(&s->lock, flags);
	return p;
}

static int stress_worker(void *data)
{
	struct stress_slot *s = data;
	unsigned int n = 50 + xorshift(&s->seed) % 200;

	for (unsigned int i = 0; i < n && !kthread_should_stop(); i++) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!READ_ONCE(s->kick))
			schedule();
		__set_current_state(TASK_RUNNING);
		s->kick = false;
		s->rounds++;
		if (i % 8 == 0)
			yield();
	}
	s->done = true;
	return 0;
}

static int stress_waker(void *data)
{
	struct migrate_stress *ms = data;

	while (!kthread_should_stop()) {
		for (int i = 0; i < STRESS_WORKERS; i++) {
			struct task_struct *p = slot_get(&ms->slot[i]);

			if (!p)
				continue;
			ms->slot[i].kick = true;
			wake_up_process(p);
			put_task_struct(p);
			ms->wakes++;
		}
		yield(); /* let the workers run: they are what is being raced with */
	}
	return 0;
}

static int stress_mover(void *data)
{
	static const cpumask_t masks[] = { 1ULL << 0, 1ULL << 1, CPU_MASK_ALL };
	struct migrate_stress *ms = data;
	u32 seed = 0x9e3779b9;

	while (!kthread_should_stop()) {
		for (int i = 0; i < STRESS_WORKERS; i++) {
			struct task_struct *p = slot_get(&ms->slot[i]);

			if (!p)
				continue;
			set_cpus_allowed(p, masks[xorshift(&seed) % ARRAY_SIZE(masks)]);
			put_task_struct(p);
			ms->moves++;
		}
		yield();
	}
	return 0;
}

static bool stress_start_worker(struct stress_slot *s)
{
	struct task_struct *p = kthread_create(stress_worker, s, "ktest-stress");
	unsigned long flags;

	if (!p)
		return false;
	s->rounds = 0;
	s->done = false;
	s->kick = false;
	spin_lock_irqsave(&s->lock, flags);
	s->task = p;
	spin_unlock_irqrestore(&s->lock, flags);
	wake_up_process(p);
	return true;
}

static void stress_stop_worker(struct stress_slot *s)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	p = s->task;
	s->task = NULL;
	spin_unlock_irqrestore(&s->lock, flags);
	if (p)
		kthread_stop(p);
}

static void test_migration_stress(struct ktest *t)
{
	static struct migrate_stress ms;
	unsigned long doubles = sched_double_enqueues(), exits = 0, rounds = 0;
	struct task_struct *mover, *waker;
	u64 end;

	if (!need_two_cpus(t))
		return;
	memset(&ms, 0, sizeof(ms));
	for (int i = 0; i < STRESS_WORKERS; i++) {
		spin_lock_init(&ms.slot[i].lock);
		ms.slot[i].seed = 12345 + i;
		KTEST_ASSERT_TRUE(t, stress_start_worker(&ms.slot[i]));
	}
	mover = kthread_run(stress_mover, &ms, "ktest-mover");
	waker = kthread_run(stress_waker, &ms, "ktest-waker");
	KTEST_ASSERT_NOT_NULL(t, mover);
	KTEST_ASSERT_NOT_NULL(t, waker);
	end = sched_clock() + STRESS_MS * MSEC;
	/*
	 * Until at least one worker has come to its end and been replaced, however slowly the
	 * guest runs (a host busy with other work gives it a fraction of a CPU): at most 10 s
	 * past the planned end.
	 */
	while (sched_clock() < end || (!exits && sched_clock() < end + 10000 * MSEC)) {
		for (int i = 0; i < STRESS_WORKERS; i++) {
			struct stress_slot *s = &ms.slot[i];

			if (!s->done)
				continue;
			rounds += s->rounds;
			stress_stop_worker(s);
			exits++;
			KTEST_ASSERT_TRUE(t, stress_start_worker(s));
		}
		msleep(2);
	}
	kthread_stop(mover);
	kthread_stop(waker);
	for (int i = 0; i < STRESS_WORKERS; i++) {
		rounds += ms.slot[i].rounds;
		stress_stop_worker(&ms.slot[i]);
	}
	ktest_log(t, "%lu moves, %lu wake-ups, %lu exits, %lu worker rounds", ms.moves, ms.wakes,
		  exits, rounds);
	KTEST_EXPECT_EQ(t, sched_double_enqueues(), doubles);
	KTEST_EXPECT_GT(t, exits, 0);
	KTEST_EXPECT_GT(t, ms.moves, 0);
}

/* ---- FPU state ---------------------------------------------------------------------- */

struct fpu_probe {
	u64 pattern;
	bool intact;
};

static int keep_xmm0(void *data)
{
	struct fpu_probe *f = data;
	u64 back;

	__asm__ volatile("movq %0, %%xmm0" : : "r"(f->pattern));
	for (int i = 0; i < 20; i++)
		msleep(1); /* other threads run and load their own xmm0 meanwhile */
	__asm__ volatile("movq %%xmm0, %0" : "=r"(back));
	f->intact = back == f->pattern;
	return 0;
}

static void test_fpu_state_is_per_task(struct ktest *t)
{
	struct fpu_probe f[3];
	struct task_struct *p[3];

	for (int i = 0; i < 3; i++) {
		f[i] = (struct fpu_probe){ .pattern = 0x1111111111111111ULL * (i + 1) };
		p[i] = kthread_create(keep_xmm0, &f[i], "ktest-fpu");
		KTEST_ASSERT_NOT_NULL(t, p[i]);
		kthread_bind(p[i], 0);
	}
	for (int i = 0; i < 3; i++)
		wake_up_process(p[i]);
	for (int i = 0; i < 3; i++) {
		kthread_stop(p[i]);
		KTEST_EXPECT_TRUE(t, f[i].intact);
	}
}

/* ---- figures ------------------------------------------------------------------------ */

struct pingpong {
	struct completion ping, pong;
	int rounds;
};

static int ponger(void *data)
{
	struct pingpong *pp = data;

	for (int i = 0; i < pp->rounds; i++) {
		wait_for_completion(&pp->ping);
		complete(&pp->pong);
	}
	return 0;
}

static u64 pingpong_cycles(int cpu_a, int cpu_b, int rounds)
{
	struct pingpong pp = { .rounds = rounds };
	struct task_struct *p;
	u64 t0, t1;

	init_completion(&pp.ping);
	init_completion(&pp.pong);
	p = kthread_create(ponger, &pp, "ktest-pong");
	if (!p)
		return 0;
	kthread_bind(p, cpu_b);
	kthread_bind(current, cpu_a);
	wake_up_process(p);
	t0 = rdtsc();
	for (int i = 0; i < rounds; i++) {
		complete(&pp.ping);
		wait_for_completion(&pp.pong);
	}
	t1 = rdtsc();
	kthread_stop(p);
	set_cpus_allowed(current, CPU_MASK_ALL);
	return (t1 - t0) / rounds;
}

static void noop(void *info)
{
}

static void test_figures(struct ktest *t)
{
	u64 same = pingpong_cycles(0, 0, 2000);

	/* A round is two wake-ups and two switches. */
	KTEST_ASSERT_GT(t, same, 0);
	ktest_figure(t, "context_switch_one_cpu", same / 2, "cycles");
	if (num_online_cpus() >= 2) {
		u64 cross = pingpong_cycles(0, 1, 500), t0;

		ktest_figure(t, "cross_cpu_wakeup", cross / 2, "cycles");
		kthread_bind(current, 0);
		t0 = rdtsc();
		for (int i = 0; i < 500; i++)
			smp_call_function_single(1, noop, NULL, true);
		ktest_figure(t, "ipi_round_trip", (rdtsc() - t0) / 500, "cycles");
		set_cpus_allowed(current, CPU_MASK_ALL);
	}
	ktest_figure(t, "timer_interrupt", timer_interrupt_cycles(), "cycles");
}

static struct ktest_case sched_cases[] = {
	KTEST_CASE(test_kthread_runs_and_returns),
	KTEST_CASE(test_msleep_accuracy),
	KTEST_CASE(test_sleeping_thread_wakes),
	KTEST_CASE(test_bad_nice_and_mask),
	KTEST_CASE(test_fair_shares),
	KTEST_CASE(test_nice_changes_shares),
	KTEST_CASE(test_both_cpus_run_threads),
	KTEST_CASE(test_affinity_is_kept),
	KTEST_CASE(test_moving_a_running_thread),
	KTEST_CASE(test_timer_interrupts_on_every_cpu),
	KTEST_CASE(test_tlb_shootdown),
	KTEST_CASE(test_fpu_state_is_per_task),
	KTEST_CASE(test_moved_sleeper_is_not_run_unwoken),
	KTEST_CASE(test_moved_exiting_task_is_not_queued),
	KTEST_CASE(test_migration_stress),
	KTEST_FIGURES(test_figures),
	{},
};

static struct ktest_suite sched_suite = { .name = "sched", .cases = sched_cases };
ktest_register_suite(sched_suite);
