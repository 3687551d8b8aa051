// SPDX-License-Identifier: GPL-2.0
/* The vmalloc area: mapped pages, a guard page below every area, and clean teardown. */
#include <asm/extable.h>
#include <asm/pgtable.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/vmalloc.h>

static void test_vmalloc_maps_pages(struct ktest *t)
{
	unsigned long before, kpt_before;
	u8 *p;
	u64 v;

	kmem_cache_shrink_all();
	before = nr_free_pages();
	kpt_before = nr_kernel_pgtable_pages();
	p = vmalloc(3 * PAGE_SIZE + 1); /* rounds up to 4 pages */
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_GE(t, (unsigned long)p, VMALLOC_START);
	KTEST_EXPECT_LT(t, (unsigned long)p, VMALLOC_END);
	memset(p, 0x5a, 4 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, p[4 * PAGE_SIZE - 1], 0x5a);
	KTEST_EXPECT_EQ(t, get_kernel_nofault_u64(&v, p - 8), -EFAULT); /* the guard page */
	KTEST_EXPECT_TRUE(t, is_guard_page((unsigned long)p - 1));
	KTEST_EXPECT_FALSE(t, is_guard_page((unsigned long)p));
	KTEST_EXPECT_LE(t, nr_free_pages(), before - 4);
	vfree(p);
	KTEST_EXPECT_EQ(t, get_kernel_nofault_u64(&v, p), -EFAULT); /* unmapped again */
	/* Page tables made for the area stay; the data pages must all be back after a purge. */
	vmalloc_purge();
	kmem_cache_shrink_all();
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - nr_kernel_pgtable_pages() + kpt_before);
}

static void test_vzalloc_zeroes(struct ktest *t)
{
	u64 *p = vzalloc(2 * PAGE_SIZE);
	bool zero = true;

	KTEST_ASSERT_NOT_NULL(t, p);
	for (unsigned long i = 0; i < 2 * PAGE_SIZE / 8; i++)
		zero &= p[i] == 0;
	KTEST_EXPECT_TRUE(t, zero);
	vfree(p);
}

static void test_areas_do_not_overlap(struct ktest *t)
{
	void *a[16];

	for (int i = 0; i < 16; i++) {
		a[i] = vmalloc((i % 4 + 1) * PAGE_SIZE);
		KTEST_ASSERT_NOT_NULL(t, a[i]);
		memset(a[i], i, (i % 4 + 1) * PAGE_SIZE);
	}
	/* Free every other one and refill the holes. */
	for (int i = 0; i < 16; i += 2)
		vfree(a[i]);
	for (int i = 0; i < 16; i += 2) {
		a[i] = vmalloc((i % 4 + 1) * PAGE_SIZE);
		KTEST_ASSERT_NOT_NULL(t, a[i]);
		memset(a[i], i, (i % 4 + 1) * PAGE_SIZE);
	}
	for (int i = 0; i < 16; i++) {
		u8 *p = a[i];

		KTEST_EXPECT_EQ(t, p[0], i);
		KTEST_EXPECT_EQ(t, p[(i % 4 + 1) * PAGE_SIZE - 1], i);
		vfree(p);
	}
}

static void test_kernel_stack(struct ktest *t)
{
	u8 *stack = alloc_kernel_stack();

	KTEST_ASSERT_NOT_NULL(t, stack);
	stack[THREAD_SIZE - 1] = 1;
	stack[0] = 1;
	KTEST_EXPECT_TRUE(t, is_guard_page((unsigned long)stack - PAGE_SIZE));
	free_kernel_stack(stack);
}

static void test_ioremap_is_uncached(struct ktest *t)
{
	u16 *vga = ioremap(0xb8000, 80 * 25 * 2);
	int level;
	pte_t *pte;

	KTEST_ASSERT_NOT_NULL(t, vga);
	pte = lookup_address(init_pgd, (unsigned long)vga, &level);
	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_TRUE(t, pte->pte & _PAGE_PCD);
	/* The same memory as through the direct map. */
	KTEST_EXPECT_EQ(t, vga[0], *(u16 *)__va(0xb8000));
	iounmap(vga);
}

static void test_bad_sizes(struct ktest *t)
{
	KTEST_EXPECT_NULL(t, vmalloc(0));
	KTEST_EXPECT_NULL(t, vmalloc(VMALLOC_END - VMALLOC_START + 1));
}

static struct ktest_case vmalloc_cases[] = {
	KTEST_CASE(test_vmalloc_maps_pages),
	KTEST_CASE(test_vzalloc_zeroes),
	KTEST_CASE(test_areas_do_not_overlap),
	KTEST_CASE(test_kernel_stack),
	KTEST_CASE(test_ioremap_is_uncached),
	KTEST_CASE(test_bad_sizes),
	{},
};

static struct ktest_suite vmalloc_suite = { .name = "vmalloc", .cases = vmalloc_cases };
ktest_register_suite(vmalloc_suite);
