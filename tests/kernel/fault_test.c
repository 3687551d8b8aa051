// SPDX-License-Identifier: GPL-2.0
/*
 * A deliberate kernel page fault, run only when named (ktest=fault): the report must name
 * the faulting function and its caller. scripts/run-tests boots it and checks the backtrace.
 */
#include <kernel/ktest.h>

#define UNMAPPED_ADDR 0x0000100000000000UL

__noinline int ktest_fault_trigger(volatile int *p);
__noinline int ktest_fault_trigger(volatile int *p)
{
	*p = 1;
	return *p + 1;
}

static void test_page_fault_is_reported(struct ktest *t)
{
	int r = ktest_fault_trigger((volatile int *)UNMAPPED_ADDR);

	/* Not reached: the fault above is fatal. If it is, that is the failure. */
	KTEST_EXPECT_EQ(t, r, -1);
}

static struct ktest_case fault_cases[] = {
	KTEST_CASE(test_page_fault_is_reported),
	{},
};

static struct ktest_suite fault_suite = {
	.name = "fault",
	.cases = fault_cases,
	.explicit_only = true,
};
ktest_register_suite(fault_suite);
