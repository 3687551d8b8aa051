// SPDX-License-Identifier: GPL-2.0
/*
 * A deliberate kernel page fault, run only when named (ktest=fault): the report must name
 * the faulting function and its caller. scripts/run-tests boots it and checks the backtrace.
 */
#include <asm/uaccess.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/vmalloc.h>
#include <uapi/mman.h>

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

/*
 * A fault on a user page with preemption off and no exception-table entry: the handler must
 * not sleep on mmap_lock, and there is nothing to resume at, so it oopses saying "page fault
 * in atomic context" (scripts/run-tests checks the report).
 */
static void test_atomic_fault_oopses(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	long addr;

	KTEST_ASSERT_NOT_NULL(t, mm);
	switch_mm(mm);
	addr = do_mmap(mm, 0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
	KTEST_ASSERT_GT(t, addr, 0);
	pagefault_disable();
	ktest_fault_trigger((volatile int *)addr);
	pagefault_enable();
	/* Not reached. */
	KTEST_EXPECT_EQ(t, addr, -1);
	switch_mm(NULL);
	mmput(mm);
}

static struct ktest_case fault_atomic_cases[] = {
	KTEST_CASE(test_atomic_fault_oopses),
	{},
};

static struct ktest_suite fault_atomic_suite = {
	.name = "fault_atomic",
	.cases = fault_atomic_cases,
	.explicit_only = true,
};
ktest_register_suite(fault_atomic_suite);
