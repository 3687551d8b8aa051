// SPDX-License-Identifier: GPL-2.0
/*
 * The monolith's side of the concept card's claim ("a function call inside a monolith costs
 * nanoseconds"): what an indirect call through an ops table costs, the way the VFS calls a
 * file system (f->f_op->read). make bench boots the bench kernel with ktest=opscall under
 * -icount shift=0 (the TSC then counts guest instructions) and under plain TCG, and puts the
 * figures beside the IPC round trip; ktest=all runs it too, so that it cannot rot.
 */
#include <asm/processor.h>
#include <kernel/compiler.h>
#include <kernel/ktest.h>
#include <kernel/time.h>

struct bench_ops {
	long (*step)(long acc, long i);
};

static __noinline long bench_add(long acc, long i)
{
	return acc + i;
}

static __noinline long bench_xor(long acc, long i)
{
	return acc ^ i;
}

static const struct bench_ops bench_add_ops = { .step = bench_add };
static const struct bench_ops bench_xor_ops = { .step = bench_xor };

/*
 * The table is read through a volatile pointer each time, as a file's f_op is: the compiler
 * can neither inline the call nor hoist the load out of the loop.
 */
static const struct bench_ops *volatile bench_ops_ptr = &bench_add_ops;

#define OPSCALL_CALLS 200000
#define OPSCALL_ROUNDS 5

static __noinline long opscall_loop(long n)
{
	long acc = 0;

	for (long i = 0; i < n; i++)
		acc = bench_ops_ptr->step(acc, i);
	return acc;
}

static void test_ops_table_calls_return_their_sum(struct ktest *t)
{
	long n = 1000;

	bench_ops_ptr = &bench_add_ops;
	KTEST_EXPECT_EQ(t, opscall_loop(n), n * (n - 1) / 2);
	/* Another table behind the same pointer: the call really is indirect. */
	bench_ops_ptr = &bench_xor_ops;
	KTEST_EXPECT_EQ(t, opscall_loop(4), 0 ^ 1 ^ 2 ^ 3);
	bench_ops_ptr = &bench_add_ops;
}

/*
 * Figures per 1000 calls (the loop's increment and compare included, as a caller's code
 * around f_op->read is): the least of several rounds, so a timer interrupt in one round does
 * not decide it. call_x1000 is TSC ticks (instructions under icount), call_ns_x1000 ns.
 */
static void test_ops_call_cost(struct ktest *t)
{
	u64 best_cycles = ~0ULL, best_ns = ~0ULL;
	const long n = OPSCALL_CALLS;

	bench_ops_ptr = &bench_add_ops;
	for (int r = 0; r < OPSCALL_ROUNDS; r++) {
		u64 ns0 = ktime_get_ns(), c0 = rdtsc();
		long sum = opscall_loop(n);
		u64 c1 = rdtsc(), ns1 = ktime_get_ns();

		KTEST_ASSERT_EQ(t, sum, n * (n - 1) / 2);
		if (c1 - c0 < best_cycles)
			best_cycles = c1 - c0;
		if (ns1 - ns0 < best_ns)
			best_ns = ns1 - ns0;
	}
	/* A call and a return and the loop: at least 4 instructions, never free. */
	KTEST_EXPECT_GT(t, best_cycles, 0);
	ktest_figure(t, "call_x1000", best_cycles * 1000 / n, "cycles");
	ktest_figure(t, "call_ns_x1000", best_ns * 1000 / n, "ns");
}

static struct ktest_case opscall_cases[] = {
	KTEST_CASE(test_ops_table_calls_return_their_sum),
	KTEST_CASE(test_ops_call_cost),
	{},
};

static struct ktest_suite opscall_suite = { .name = "opscall", .cases = opscall_cases };
ktest_register_suite(opscall_suite);
