// SPDX-License-Identifier: GPL-2.0
/*
 * A deliberate kernel page fault, run only when named (ktest=fault): the report must name
 * the faulting function and its caller. scripts/run-tests boots it and checks the backtrace.
 */
#include <kernel/ktest.h>
#include <kernel/vmalloc.h>

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

/* Recursion that overflows any kernel stack: each frame holds half a KiB. */
__noinline int ktest_recurse_deeply(volatile int *depth);
__noinline int ktest_recurse_deeply(volatile int *depth)
{
	volatile char pad[512];

	pad[0] = (char)++*depth;
	if (*depth < 1000000)
		return ktest_recurse_deeply(depth) + pad[0];
	return 0;
}

/*
 * Runs the recursion on a fresh vmalloc'd stack, whose guard page must stop it with a
 * "kernel stack overflow" report (from the double-fault handler, on its own IST stack).
 */
static void test_stack_overflow_is_reported(struct ktest *t)
{
	u8 *stack = alloc_kernel_stack();
	volatile int depth = 0;

	KTEST_ASSERT_NOT_NULL(t, stack);
	__asm__ volatile("mov %%rsp, %%rbx\n\t"
			 "mov %[top], %%rsp\n\t"
			 "call ktest_recurse_deeply\n\t"
			 "mov %%rbx, %%rsp\n\t"
			 :
			 : [top] "r"(stack + THREAD_SIZE), "D"(&depth)
			 : "rbx", "rax", "rcx", "rdx", "rsi", "r8", "r9", "r10", "r11", "memory");
	/* Not reached. */
	KTEST_EXPECT_EQ(t, depth, -1);
	free_kernel_stack(stack);
}

static struct ktest_case stack_overflow_cases[] = {
	KTEST_CASE(test_stack_overflow_is_reported),
	{},
};

static struct ktest_suite stack_overflow_suite = {
	.name = "stack_overflow",
	.cases = stack_overflow_cases,
	.explicit_only = true,
};
ktest_register_suite(stack_overflow_suite);
