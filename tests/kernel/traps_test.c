// SPDX-License-Identifier: GPL-2.0
/*
 * The exception and interrupt paths that must not kill the kernel: faults at instructions
 * listed in the exception table resume at their fixup, and an interrupt on a vector nobody
 * asked for is counted and returns with every register intact.
 */
#include <asm/extable.h>
#include <asm/traps.h>
#include <kernel/ktest.h>

#define UNMAPPED_ADDR 0x0000100000000000UL /* no page table maps this */
#define NONCANONICAL_ADDR 0x8000000000000000UL /* #GP, not #PF */

static void test_fixup_of_unmapped_read(struct ktest *t)
{
	u64 v = 0x5555;

	KTEST_EXPECT_EQ(t, get_kernel_nofault_u64(&v, (void *)UNMAPPED_ADDR), -EFAULT);
	KTEST_EXPECT_EQ(t, v, 0);
}

static void test_fixup_of_noncanonical_read(struct ktest *t)
{
	u64 v = 0x5555;

	KTEST_EXPECT_EQ(t, get_kernel_nofault_u64(&v, (void *)NONCANONICAL_ADDR), -EFAULT);
	KTEST_EXPECT_EQ(t, v, 0);
}

static void test_nofault_read_of_good_memory(struct ktest *t)
{
	static const u64 value = 0x0123456789abcdefULL;
	u64 v = 0;

	KTEST_EXPECT_EQ(t, get_kernel_nofault_u64(&v, &value), 0);
	KTEST_EXPECT_EQ(t, v, value);
}

static void test_extable_lookup(struct ktest *t)
{
	KTEST_EXPECT_NULL(t, search_exception_tables((unsigned long)test_extable_lookup));
}

static void test_unexpected_vector_is_counted(struct ktest *t)
{
	unsigned long before = unexpected_interrupt_count();
	u64 rbx_after, r12_after;

	/* The entry path must hand back every register as it found it. */
	__asm__ volatile("movabs $0x1122334455667788, %%rbx\n\t"
			 "movabs $0x99aabbccddeeff00, %%r12\n\t"
			 "int $0x40\n\t"
			 "mov %%rbx, %0\n\t"
			 "mov %%r12, %1\n\t"
			 : "=r"(rbx_after), "=r"(r12_after)
			 :
			 : "rbx", "r12", "memory");
	KTEST_EXPECT_EQ(t, unexpected_interrupt_count(), before + 1);
	KTEST_EXPECT_EQ(t, rbx_after, 0x1122334455667788ULL);
	KTEST_EXPECT_EQ(t, r12_after, 0x99aabbccddeeff00ULL);
}

static struct ktest_case traps_cases[] = {
	KTEST_CASE(test_fixup_of_unmapped_read),       KTEST_CASE(test_fixup_of_noncanonical_read),
	KTEST_CASE(test_nofault_read_of_good_memory),  KTEST_CASE(test_extable_lookup),
	KTEST_CASE(test_unexpected_vector_is_counted), {},
};

static struct ktest_suite traps_suite = { .name = "traps", .cases = traps_cases };
ktest_register_suite(traps_suite);
