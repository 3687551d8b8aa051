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
	atomic_t round; /* the other CPU's go signal */
	atomic_t done;
	int other_err[RACE_ROUNDS];
	struct shared_dev dev[2];
};

static struct race_ctx race;

static int race_thread(void *data)
{
	struct race_ctx *r = data;

	for (int i = 0; i < RACE_ROUNDS; i++) {
		while (atomic_read(&r->round) <= i)
			cpu_relax();
		r->other_err[i] = request_irq(RACE_GSI, shared_handler, 0, "race-1", &r->dev[1]);
		atomic_inc(&r->done);
	}
	return 0;
}

static void test_request_irq_race_claims_once(struct ktest *t)
{
	int both = 0, none = 0, other = (int)num_online_cpus() - 1;
	struct task_struct *p;

	if (other < 1) {
		ktest_skip(t, "needs two CPUs");
		return;
	}
	memset(&race, 0, sizeof(race));
	p = kthread_create(race_thread, &race, "irq_race");
	KTEST_ASSERT_NOT_NULL(t, p);
	kthread_bind(p, other);
	wake_up_process(p);
	for (int i = 0; i < RACE_ROUNDS; i++) {
		int mine;

		preempt_disable();
		atomic_inc(&race.round);
		mine = request_irq(RACE_GSI, shared_handler, 0, "race-0", &race.dev[0]);
		preempt_enable();
		while (atomic_read(&race.done) <= i)
			cpu_relax();
		if (!mine && !race.other_err[i])
			both++;
		if (mine && race.other_err[i])
			none++;
		if (!mine)
			free_irq(RACE_GSI, &race.dev[0]);
		if (!race.other_err[i])
			free_irq(RACE_GSI, &race.dev[1]);
	}
	kthread_stop(p);
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
	int other = (int)num_online_cpus() - 1;

	if (other < 1) {
		ktest_skip(t, "needs two CPUs");
		return;
	}
	memset(c, 0, sizeof(c));
	KTEST_ASSERT_EQ(t, smp_call_function_single(other, held_back, &c[0], false), 0);
	KTEST_EXPECT_EQ(t, READ_ONCE(c[0].finished), 0);
	/* A second unwaited call to the same CPU queues behind the first. */
	WRITE_ONCE(c[0].release, 1);
	KTEST_ASSERT_EQ(t, smp_call_function_single(other, held_back, &c[1], false), 0);
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
}

static struct ktest_case irq_cases[] = {
	KTEST_CASE(test_shared_line_calls_every_handler),
	KTEST_CASE(test_request_irq_race_claims_once),
	KTEST_CASE(test_call_without_wait_returns_first),
	{},
};
static struct ktest_suite irq_suite = { .name = "irq", .cases = irq_cases };
ktest_register_suite(irq_suite);
