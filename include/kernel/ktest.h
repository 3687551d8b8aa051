/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_KTEST_H
#define _KERNEL_KTEST_H

#include <kernel/compiler.h>
#include <kernel/types.h>

/*
 * In-kernel tests in the manner of KUnit. A suite is a named array of cases, registered with
 * ktest_register_suite() into a linker section; ktest=all (or ktest=suite1,suite2) on the
 * command line runs them after boot and prints KTAP on the consoles, then ends QEMU with the
 * result. A case gets a struct ktest to report through:
 *
 *	static void test_foo(struct ktest *t)
 *	{
 *		KTEST_EXPECT_EQ(t, foo(2), 4);
 *	}
 *	static struct ktest_case foo_cases[] = { KTEST_CASE(test_foo), {} };
 *	static struct ktest_suite foo_suite = { .name = "foo", .cases = foo_cases };
 *	ktest_register_suite(foo_suite);
 *
 * EXPECT records a failure and goes on; ASSERT records it and returns from the case, so it
 * may only be used in the case function itself.
 */
struct ktest {
	const char *name;
	bool failed;
	bool skipped;
	char skip_reason[64];
	void *priv; /* for the suite's init/exit */
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *t);
	/*
	 * Only measures: it prints figures (ktest_figure) and is not counted as a passed case.
	 * It still fails loudly if it records a failure (a setup step that did not work).
	 */
	bool figures;
};

struct ktest_suite {
	const char *name;
	struct ktest_case *cases; /* ends with an entry whose run is NULL */
	int (*init)(struct ktest *t);
	void (*exit)(struct ktest *t);
	/* Only run when named: for suites that crash on purpose. */
	bool explicit_only;
};

#define KTEST_CASE(fn)                 \
	{                              \
		.name = #fn, .run = fn \
	}

/* A case that reports figures instead of passing or failing. */
#define KTEST_FIGURES(fn)                               \
	{                                               \
		.name = #fn, .run = fn, .figures = true \
	}

#define ktest_register_suite(s)                                                              \
	static const struct ktest_suite *__ktest_suite_##s __used __section(".ktest_suites") \
		__aligned(8) = &(s)

__printf(4, 5) void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...);
void ktest_skip(struct ktest *t, const char *reason);
__printf(2, 3) void ktest_log(struct ktest *t, const char *fmt, ...);
/*
 * A measured value, printed as "# figure: CASE.NAME VALUE UNIT" for the logs and reports:
 * never a pass, whatever it is. scripts/run-tests collects these into test-logs/figures.txt.
 */
void ktest_figure(struct ktest *t, const char *name, long long value, const char *unit);

/* Runs the suites named by ktest= and ends QEMU with the result; returns if none were named. */
void ktest_run_requested(void);
/* Runs one suite, printing its KTAP block; returns the number of failed cases. */
int ktest_run_suite(const struct ktest_suite *suite, int number, int *passed, int *failed,
		    int *skipped);

#define KTEST_BINARY(t, a, op, b, on_fail)                                                \
	do {                                                                              \
		long long __a = (long long)(a), __b = (long long)(b);                     \
		if (!(__a op __b)) {                                                      \
			ktest_fail(t, __FILE__, __LINE__,                                 \
				   "Expected %s %s %s, but\n        %s == %lld (%#llx)\n" \
				   "        %s == %lld (%#llx)",                          \
				   #a, #op, #b, #a, __a, __a, #b, __b, __b);              \
			on_fail;                                                          \
		}                                                                         \
	} while (0)

#define KTEST_EXPECT_EQ(t, a, b) KTEST_BINARY(t, a, ==, b, (void)0)
#define KTEST_EXPECT_NE(t, a, b) KTEST_BINARY(t, a, !=, b, (void)0)
#define KTEST_EXPECT_LT(t, a, b) KTEST_BINARY(t, a, <, b, (void)0)
#define KTEST_EXPECT_LE(t, a, b) KTEST_BINARY(t, a, <=, b, (void)0)
#define KTEST_EXPECT_GT(t, a, b) KTEST_BINARY(t, a, >, b, (void)0)
#define KTEST_EXPECT_GE(t, a, b) KTEST_BINARY(t, a, >=, b, (void)0)
#define KTEST_ASSERT_EQ(t, a, b) KTEST_BINARY(t, a, ==, b, return )
#define KTEST_ASSERT_NE(t, a, b) KTEST_BINARY(t, a, !=, b, return )
#define KTEST_ASSERT_GT(t, a, b) KTEST_BINARY(t, a, >, b, return )
#define KTEST_ASSERT_GE(t, a, b) KTEST_BINARY(t, a, >=, b, return )
#define KTEST_EXPECT_TRUE(t, c) KTEST_BINARY(t, !!(c), ==, 1, (void)0)
#define KTEST_EXPECT_FALSE(t, c) KTEST_BINARY(t, !!(c), ==, 0, (void)0)
#define KTEST_ASSERT_TRUE(t, c) KTEST_BINARY(t, !!(c), ==, 1, return )
#define KTEST_EXPECT_NULL(t, p) KTEST_BINARY(t, (unsigned long)(p), ==, 0, (void)0)
#define KTEST_EXPECT_NOT_NULL(t, p) KTEST_BINARY(t, (unsigned long)(p), !=, 0, (void)0)
#define KTEST_ASSERT_NOT_NULL(t, p) KTEST_BINARY(t, (unsigned long)(p), !=, 0, return )
#define KTEST_EXPECT_PTR_EQ(t, a, b) \
	KTEST_BINARY(t, (unsigned long)(a), ==, (unsigned long)(b), (void)0)

#define KTEST_STR(t, a, b, want_equal, on_fail)                                           \
	do {                                                                              \
		const char *__a = (a), *__b = (b);                                        \
		if ((__a && __b && !strcmp(__a, __b)) != (want_equal)) {                  \
			ktest_fail(t, __FILE__, __LINE__,                                 \
				   "Expected %s %s %s, but\n        %s == \"%s\"\n"       \
				   "        %s == \"%s\"",                                \
				   #a, (want_equal) ? "==" : "!=", #b, #a, __a, #b, __b); \
			on_fail;                                                          \
		}                                                                         \
	} while (0)

#define KTEST_EXPECT_STREQ(t, a, b) KTEST_STR(t, a, b, true, (void)0)
#define KTEST_EXPECT_STRNEQ(t, a, b) KTEST_STR(t, a, b, false, (void)0)

#endif /* _KERNEL_KTEST_H */
