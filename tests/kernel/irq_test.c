// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt lines and cross-CPU calls: shared lines call every handler and lose one with
 * free_irq; two CPUs asking for one line at once get it once; a call that does not wait
 * returns before its function has run. The device lines used here (GSI 20-22) have nothing
 * behind them on q35; the tests raise their vectors with a self-IPI.
 */
#include <asm/apic.h>
#include <asm/irq_vectors.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <kernel/atomic.h>
#include <kernel/delay.h>
#include <kernel/errno.h>
#include <kernel/interrupt.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/timer.h>

#define TEST_GSI 20
#define RACE_GSI 21
#define WAIT_NS (2 * 1000000000ULL)

struct shared_dev {
	int calls;
};

static irqreturn_t shared_handler(int vector, void *dev)
{
	struct shared_dev *d = dev;

	WRITE_ONCE(d->calls, d->calls + 1);
	return IRQ_HANDLED;
}

/* Raises vector on this CPU and waits (interrupts on) until the handlers have run. */
static void raise_vector(int vector)
{
	unsigned long before;
	int cpu;

	preempt_disable();
	cpu = smp_processor_id();
	before = irq_count(cpu, vector);
	apic_send_ipi(cpu_data[cpu].apic_id, vector);
	for (u64 end = sched_clock() + WAIT_NS; irq_count(cpu, vector) == before;)
		if (sched_clock() > end)
			break;
	preempt_enable();
}

static void test_shared_line_calls_every_handler(struct ktest *t)
{
	struct shared_dev a = { 0 }, b = { 0 }, c = { 0 };
	int vector;

	KTEST_ASSERT_EQ(t, request_irq(TEST_GSI, shared_handler, IRQF_SHARED, "test-a", &a), 0);
	KTEST_EXPECT_EQ(t, request_irq(TEST_GSI, shared_handler, IRQF_SHARED, "test-b", &b), 0);
	/* Not asking to share: refused. */
	KTEST_EXPECT_EQ(t, request_irq(TEST_GSI, shared_handler, 0, "test-c", &c), -EBUSY);
	vector = irq_vector_of_gsi(TEST_GSI);
	KTEST_ASSERT_GE(t, vector, FIRST_DEVICE_VECTOR);
	raise_vector(vector);
	KTEST_EXPECT_EQ(t, READ_ONCE(a.calls), 1);
	KTEST_EXPECT_EQ(t, READ_ONCE(b.calls), 1);
	KTEST_EXPECT_EQ(t, READ_ONCE(c.calls), 0);

	free_irq(TEST_GSI, &a);
	KTEST_EXPECT_EQ(t, irq_vector_of_gsi(TEST_GSI), vector);
	raise_vector(vector);
	KTEST_EXPECT_EQ(t, READ_ONCE(a.calls), 1);
	KTEST_EXPECT_EQ(t, READ_ONCE(b.calls), 2);

	free_irq(TEST_GSI, &b);
	KTEST_EXPECT_LT(t, irq_vector_of_gsi(TEST_GSI), 0);
	/* The line is free again, also for a handler that does not share. */
	KTEST_EXPECT_EQ(t, request_irq(TEST_GSI, shared_handler, 0, "test-c", &c), 0);
	KTEST_EXPECT_EQ(t, request_irq(TEST_GSI, shared_handler, IRQF_SHARED, "test-a", &a),
			-EBUSY);
	free_irq(TEST_GSI, &c);
}

/*
 * request_irq used to look for the line's vector, then claim a free one, with no lock
 * between: two CPUs asking for one unshared line at once could both get it.
 */
#define RACE_ROUNDS 2000

struct race_ctx {
	atomic_t arrived; /* both threads are in round i once it reaches 2 * (i + 1) */
	atomic_t done; /* 3 per round: two requests made, then the clean-up */
	int err[2][RACE_ROUNDS];
	struct shared_dev dev[2];
};

static struct race_ctx race;

static void wait_for_count(atomic_t *count, int target)
{
	while (atomic_read(count) < target)
		cpu_relax();
}

/* Thread 0 also frees what was claimed, before either may start the next round. */
static int race_thread(void *data)
{
	int me = data == &race.dev[1];

	for (int i = 0; i < RACE_ROUNDS; i++) {
		atomic_inc(&race.arrived);
		wait_for_count(&race.arrived, 2 * (i + 1));
		race.err[me][i] = request_irq(RACE_GSI, shared_handler, 0, "race", &race.dev[me]);
		atomic_inc(&race.done);
		if (me == 0) {
			wait_for_count(&race.done, 3 * i + 2);
			for (int k = 0; k < 2; k++)
				if (!race.err[k][i])
					free_irq(RACE_GSI, &race.dev[k]);
			atomic_inc(&race.done);
		}
		wait_for_count(&race.done, 3 * (i + 1));
	}
	return 0;
}

static void test_request_irq_race_claims_once(struct ktest *t)
{
	struct task_struct *p[2];
	int both = 0, none = 0;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "needs two CPUs");
		return;
	}
	memset(&race, 0, sizeof(race));
	for (int k = 0; k < 2; k++) {
		p[k] = kthread_create(race_thread, &race.dev[k], "irq_race");
		KTEST_ASSERT_NOT_NULL(t, p[k]);
		kthread_bind(p[k], k);
	}
	wake_up_process(p[0]);
	wake_up_process(p[1]);
	kthread_stop(p[0]);
	kthread_stop(p[1]);
	for (int i = 0; i < RACE_ROUNDS; i++) {
		if (!race.err[0][i] && !race.err[1][i])
			both++;
		if (race.err[0][i] && race.err[1][i])
			none++;
	}
	KTEST_EXPECT_EQ(t, both, 0);
	KTEST_EXPECT_EQ(t, none, 0);
	KTEST_EXPECT_LT(t, irq_vector_of_gsi(RACE_GSI), 0);
}

/* ---- cross-CPU calls ----------------------------------------------------------------- */

struct nowait_ctx {
	int started, finished, release;
};

static void held_back(void *info)
{
	struct nowait_ctx *c = info;
	u64 end = sched_clock() + WAIT_NS;

	WRITE_ONCE(c->started, 1);
	while (!READ_ONCE(c->release) && sched_clock() < end)
		cpu_relax();
	WRITE_ONCE(c->finished, 1);
}

/*
 * wait=false used to be treated as wait=true. Here the function cannot finish before the
 * caller lets it (or 2 s pass): a caller that waited would return to see it finished.
 */
static void test_call_without_wait_returns_first(struct ktest *t)
{
	static struct nowait_ctx c[2];
	int other;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "needs two CPUs");
		return;
	}
	memset(c, 0, sizeof(c));
	/* Not the caller's own CPU, which runs the call at once; hence no moving either. */
	preempt_disable();
	other = smp_processor_id() ? 0 : 1;
	KTEST_EXPECT_EQ(t, smp_call_function_single(other, held_back, &c[0], false), 0);
	KTEST_EXPECT_EQ(t, READ_ONCE(c[0].finished), 0);
	/* A second unwaited call to the same CPU queues behind the first. */
	WRITE_ONCE(c[0].release, 1);
	KTEST_EXPECT_EQ(t, smp_call_function_single(other, held_back, &c[1], false), 0);
	WRITE_ONCE(c[1].release, 1);
	for (u64 end = sched_clock() + WAIT_NS; !READ_ONCE(c[1].finished);)
		if (sched_clock() > end)
			break;
	KTEST_EXPECT_EQ(t, READ_ONCE(c[0].finished), 1);
	KTEST_EXPECT_EQ(t, READ_ONCE(c[1].finished), 1);
	/* And a waited one returns only after its function ran. */
	KTEST_EXPECT_EQ(t, smp_call_function_single(other, held_back, &c[1], true), 0);
	KTEST_EXPECT_EQ(t, READ_ONCE(c[1].started), 1);
	KTEST_EXPECT_EQ(t, smp_call_function_single(NR_CPUS, held_back, &c[1], true), -ENXIO);
	preempt_enable();
}

/* After it gave up on a CPU, the boot CPU waits for nobody: a late CPU may not take an index. */
static void test_late_cpu_refused(struct ktest *t)
{
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		KTEST_EXPECT_FALSE(t, smpboot_claim_index(cpu));
}

static struct ktest_case irq_cases[] = {
	KTEST_CASE(test_shared_line_calls_every_handler),
	KTEST_CASE(test_request_irq_race_claims_once),
	KTEST_CASE(test_call_without_wait_returns_first),
	KTEST_CASE(test_late_cpu_refused),
	{},
};
static struct ktest_suite irq_suite = { .name = "irq", .cases = irq_cases };
ktest_register_suite(irq_suite);

/*
 * panic's smp_send_stop: the other CPUs must halt. Run only when named (ktest=smp_stop): the
 * CPUs stay stopped. A timer on the last CPU re-adds itself every 100 us; once that CPU is
 * stopped, its count must stand still and the CPU be marked offline.
 */
static struct timer_list stop_timer;
static unsigned long stop_ticks;

static void stop_timer_fn(struct timer_list *tl)
{
	WRITE_ONCE(stop_ticks, stop_ticks + 1);
	timer_add(tl, sched_clock() + 100000);
}

static void stop_timer_start(void *info)
{
	timer_add(&stop_timer, sched_clock());
}

static void test_send_stop_halts_other_cpus(struct ktest *t)
{
	int other = (int)num_online_cpus() - 1;
	unsigned long seen;

	if (other < 1) {
		ktest_skip(t, "needs two CPUs");
		return;
	}
	timer_setup(&stop_timer, stop_timer_fn);
	KTEST_ASSERT_EQ(t, smp_call_function_single(other, stop_timer_start, NULL, true), 0);
	while (READ_ONCE(stop_ticks) < 10)
		cpu_relax();
	preempt_disable();
	KTEST_EXPECT_EQ(t, smp_send_stop(), 0);
	preempt_enable();
	seen = READ_ONCE(stop_ticks);
	mdelay(20);
	KTEST_EXPECT_EQ(t, READ_ONCE(stop_ticks), seen);
	KTEST_EXPECT_FALSE(t, READ_ONCE(cpu_data[other].online));
	timer_del_sync(&stop_timer);
}

static struct ktest_case smp_stop_cases[] = {
	KTEST_CASE(test_send_stop_halts_other_cpus),
	{},
};
static struct ktest_suite smp_stop_suite = { .name = "smp_stop",
					     .cases = smp_stop_cases,
					     .explicit_only = true };
ktest_register_suite(smp_stop_suite);
