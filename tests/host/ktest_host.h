/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A tiny unit test framework for host tests of kernel library code, printing KTAP version 1
 * like KUnit does, so the same tools read both.
 *
 * A test program defines its cases and a table, then the suite:
 *
 *	KTEST(strlen_empty)
 *	{
 *		EXPECT_EQ(strlen(""), 0);
 *	}
 *
 *	static const struct ktest_case cases[] = { KTEST_CASE(strlen_empty) };
 *	KTEST_SUITE(string, cases);
 *
 * EXPECT_*() report a failure and go on; ASSERT_*() also end the case (return from it, so use
 * them in the case function itself). The program exits 0 when every case passed, else 1.
 *
 * Include this before tests/host/host_rename.h: its helpers must use the host C library. The
 * expressions are quoted in failure messages as written, before any macro expansion.
 */
#ifndef _TESTS_KTEST_HOST_H
#define _TESTS_KTEST_HOST_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ktest {
	const char *name;
	bool failed;
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *test);
};

#define KTEST(fn) static void fn(struct ktest *test)
#define KTEST_CASE(fn)  \
	{               \
#fn, fn \
	}
#define KTEST_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

enum ktest_op {
	KTEST_EQ,
	KTEST_NE,
	KTEST_LT,
	KTEST_LE,
	KTEST_GT,
	KTEST_GE,
};

/* Start a diagnostic line inside the suite's subtest block. */
static inline void ktest_diag_start(struct ktest *test, const char *file, int line)
{
	const char *base = strrchr(file, '/');

	test->failed = true;
	printf("    # %s:%d: ", base ? base + 1 : file, line);
}

static inline void ktest_print_int(bool is_signed, unsigned long long v)
{
	if (is_signed && (long long)v < 0)
		printf("%lld (-0x%llx)", (long long)v, 0ULL - v);
	else if (is_signed)
		printf("%lld (0x%llx)", (long long)v, v);
	else
		printf("%llu (0x%llx)", v, v);
}

/* Compare two integers of any types by value, as mathematics would (no sign conversion). */
static inline int ktest_int_cmp(bool as, unsigned long long a, bool bs, unsigned long long b)
{
	bool aneg = as && (long long)a < 0;
	bool bneg = bs && (long long)b < 0;

	if (aneg != bneg)
		return aneg ? -1 : 1;
	/* Same sign: two's complement keeps the order of negatives when compared as unsigned. */
	return a < b ? -1 : a > b;
}

static inline bool ktest_check_int(struct ktest *test, const char *file, int line, enum ktest_op op,
				   const char *ea, const char *eb, bool as, unsigned long long a,
				   bool bs, unsigned long long b)
{
	static const char *const op_str[] = { "==", "!=", "<", "<=", ">", ">=" };
	/* The operator that holds when the expected one does not, for the "but" part. */
	static const char *const not_op_str[] = { "!=", "==", ">=", ">", "<=", "<" };
	int c = ktest_int_cmp(as, a, bs, b);
	bool ok;

	switch (op) {
	case KTEST_EQ:
		ok = c == 0;
		break;
	case KTEST_NE:
		ok = c != 0;
		break;
	case KTEST_LT:
		ok = c < 0;
		break;
	case KTEST_LE:
		ok = c <= 0;
		break;
	case KTEST_GT:
		ok = c > 0;
		break;
	default:
		ok = c >= 0;
		break;
	}
	if (ok)
		return true;
	ktest_diag_start(test, file, line);
	printf("Expected %s %s %s, but ", ea, op_str[op], eb);
	ktest_print_int(as, a);
	printf(" %s ", not_op_str[op]);
	ktest_print_int(bs, b);
	printf("\n");
	return false;
}

static inline void ktest_print_str(const char *s)
{
	if (!s) {
		printf("NULL");
		return;
	}
	putchar('"');
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c == '\n')
			printf("\\n");
		else if (c == '\t')
			printf("\\t");
		else if (c < 0x20 || c >= 0x7f)
			printf("\\x%02x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static inline bool ktest_check_str(struct ktest *test, const char *file, int line, bool want_eq,
				   const char *ea, const char *eb, const char *a, const char *b)
{
	bool eq = (a && b) ? strcmp(a, b) == 0 : a == b;

	if (eq == want_eq)
		return true;
	ktest_diag_start(test, file, line);
	printf("Expected %s %s %s, but ", ea, want_eq ? "==" : "!=", eb);
	ktest_print_str(a);
	printf(" %s ", want_eq ? "!=" : "==");
	ktest_print_str(b);
	printf("\n");
	return false;
}

static inline void ktest_print_bytes(const unsigned char *p, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		printf("%s%02x", i == from ? "" : " ", p[i]);
}

static inline bool ktest_check_mem(struct ktest *test, const char *file, int line, const char *ea,
				   const char *eb, const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;
	size_t i, from, to;

	for (i = 0; i < n && p[i] == q[i]; i++)
		;
	if (i == n)
		return true;
	/* Show up to 16 bytes from a little before the first difference. */
	from = i > 4 ? i - 4 : 0;
	to = from + 16 < n ? from + 16 : n;
	ktest_diag_start(test, file, line);
	printf("Expected %s == %s (%zu bytes), but they differ at offset %zu: bytes %zu..%zu are [",
	       ea, eb, n, i, from, to - 1);
	ktest_print_bytes(p, from, to);
	printf("] != [");
	ktest_print_bytes(q, from, to);
	printf("]\n");
	return false;
}

static inline bool ktest_check_ptr(struct ktest *test, const char *file, int line, bool want_eq,
				   const char *ea, const char *eb, const void *a, const void *b)
{
	if ((a == b) == want_eq)
		return true;
	ktest_diag_start(test, file, line);
	printf("Expected %s %s %s, but %p %s %p\n", ea, want_eq ? "==" : "!=", eb, a,
	       want_eq ? "!=" : "==", b);
	return false;
}

static inline bool ktest_check_bool(struct ktest *test, const char *file, int line, bool want,
				    const char *e, bool v)
{
	if (v == want)
		return true;
	ktest_diag_start(test, file, line);
	printf("Expected %s to be %s, but is %s\n", e, want ? "true" : "false",
	       v ? "true" : "false");
	return false;
}

/* True for signed integer types; evaluated at compile time from the type alone. */
#define KTEST_IS_SIGNED(x) ((__typeof__(x))-1 < (__typeof__(x))1)

#define KTEST_INT(op, a, b, sa, sb)                                                           \
	({                                                                                    \
		__typeof__(a) _kt_a = (a);                                                    \
		__typeof__(b) _kt_b = (b);                                                    \
		ktest_check_int(test, __FILE__, __LINE__, op, sa, sb, KTEST_IS_SIGNED(_kt_a), \
				(unsigned long long)_kt_a, KTEST_IS_SIGNED(_kt_b),            \
				(unsigned long long)_kt_b);                                   \
	})

#define EXPECT_EQ(a, b) ((void)KTEST_INT(KTEST_EQ, a, b, #a, #b))
#define EXPECT_NE(a, b) ((void)KTEST_INT(KTEST_NE, a, b, #a, #b))
#define EXPECT_LT(a, b) ((void)KTEST_INT(KTEST_LT, a, b, #a, #b))
#define EXPECT_LE(a, b) ((void)KTEST_INT(KTEST_LE, a, b, #a, #b))
#define EXPECT_GT(a, b) ((void)KTEST_INT(KTEST_GT, a, b, #a, #b))
#define EXPECT_GE(a, b) ((void)KTEST_INT(KTEST_GE, a, b, #a, #b))
#define EXPECT_TRUE(x) ((void)ktest_check_bool(test, __FILE__, __LINE__, true, #x, !!(x)))
#define EXPECT_FALSE(x) ((void)ktest_check_bool(test, __FILE__, __LINE__, false, #x, !!(x)))
#define EXPECT_STREQ(a, b) ((void)ktest_check_str(test, __FILE__, __LINE__, true, #a, #b, a, b))
#define EXPECT_STRNE(a, b) ((void)ktest_check_str(test, __FILE__, __LINE__, false, #a, #b, a, b))
#define EXPECT_MEMEQ(a, b, n) ((void)ktest_check_mem(test, __FILE__, __LINE__, #a, #b, a, b, n))
#define EXPECT_PTR_EQ(a, b) ((void)ktest_check_ptr(test, __FILE__, __LINE__, true, #a, #b, a, b))
#define EXPECT_PTR_NE(a, b) ((void)ktest_check_ptr(test, __FILE__, __LINE__, false, #a, #b, a, b))
#define EXPECT_NULL(p) ((void)ktest_check_ptr(test, __FILE__, __LINE__, true, #p, "NULL", p, NULL))
#define EXPECT_NOT_NULL(p) \
	((void)ktest_check_ptr(test, __FILE__, __LINE__, false, #p, "NULL", p, NULL))

/* Like the EXPECT_*() ones, but end the case on failure. */
#define ASSERT_EQ(a, b)                                 \
	do {                                            \
		if (!KTEST_INT(KTEST_EQ, a, b, #a, #b)) \
			return;                         \
	} while (0)
#define ASSERT_TRUE(x)                                                            \
	do {                                                                      \
		if (!ktest_check_bool(test, __FILE__, __LINE__, true, #x, !!(x))) \
			return;                                                   \
	} while (0)
#define ASSERT_NOT_NULL(p)                                                                  \
	do {                                                                                \
		if (!ktest_check_ptr(test, __FILE__, __LINE__, false, #p, "NULL", p, NULL)) \
			return;                                                             \
	} while (0)

static inline int ktest_run_suite(const char *suite, const struct ktest_case *cases, size_t n)
{
	size_t i, failed = 0;

	/* Line-buffered, so the output so far survives a sanitizer abort. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("KTAP version 1\n1..1\n");
	printf("    KTAP version 1\n    # Subtest: %s\n    1..%zu\n", suite, n);
	for (i = 0; i < n; i++) {
		struct ktest test = { .name = cases[i].name, .failed = false };

		cases[i].run(&test);
		if (test.failed)
			failed++;
		printf("    %s %zu %s\n", test.failed ? "not ok" : "ok", i + 1, cases[i].name);
	}
	printf("    # %s: pass:%zu fail:%zu skip:0 total:%zu\n", suite, n - failed, failed, n);
	printf("%s 1 %s\n", failed ? "not ok" : "ok", suite);
	printf("# Totals: pass:%zu fail:%zu skip:0 total:%zu\n", n - failed, failed, n);
	return failed ? 1 : 0;
}

#define KTEST_SUITE(suite, cases)                                               \
	int main(void)                                                          \
	{                                                                       \
		return ktest_run_suite(#suite, cases, KTEST_ARRAY_SIZE(cases)); \
	}

#endif /* _TESTS_KTEST_HOST_H */
