// SPDX-License-Identifier: GPL-2.0
/* The built-in symbol table: what backtraces and %pS depend on. */
#include <kernel/kallsyms.h>
#include <kernel/ktest.h>
#include <kernel/main.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

static __noinline int kallsyms_probe_target(int x)
{
	return x * 3 + 1;
}

static void test_lookup_by_name(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("start_kernel"), (unsigned long)start_kernel);
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("kallsyms_probe_target"),
			(unsigned long)kallsyms_probe_target);
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("no_such_function_anywhere"), 0);
}

static void test_lookup_by_address(struct ktest *t)
{
	unsigned long addr = (unsigned long)kallsyms_probe_target, size = 0, off = ~0UL;
	const char *name = kallsyms_lookup(addr + 2, &size, &off);

	KTEST_ASSERT_NOT_NULL(t, name);
	KTEST_EXPECT_STREQ(t, name, "kallsyms_probe_target");
	KTEST_EXPECT_EQ(t, off, 2);
	KTEST_EXPECT_GT(t, size, 2);
	KTEST_EXPECT_NULL(t, kallsyms_lookup(0x1000, &size, &off));
	KTEST_EXPECT_EQ(t, kallsyms_probe_target(1), 4);
}

static void test_symbolized_printing(struct ktest *t)
{
	char buf[96], want[96];
	unsigned long addr = (unsigned long)kallsyms_probe_target;
	unsigned long size, off;

	kallsyms_lookup(addr, &size, &off);
	snprintf(buf, sizeof(buf), "%pS", (void *)(addr + 5));
	snprintf(want, sizeof(want), "kallsyms_probe_target+0x5/%#lx", size);
	KTEST_EXPECT_STREQ(t, buf, want);
	snprintf(buf, sizeof(buf), "%ps", (void *)addr);
	KTEST_EXPECT_STREQ(t, buf, "kallsyms_probe_target");
	snprintf(buf, sizeof(buf), "%pS", (void *)0x1234UL);
	KTEST_EXPECT_STREQ(t, buf, "0x0000000000001234");
}

static struct ktest_case kallsyms_cases[] = {
	KTEST_CASE(test_lookup_by_name),
	KTEST_CASE(test_lookup_by_address),
	KTEST_CASE(test_symbolized_printing),
	{},
};

static struct ktest_suite kallsyms_suite = { .name = "kallsyms", .cases = kallsyms_cases };
ktest_register_suite(kallsyms_suite);
