// SPDX-License-Identifier: GPL-2.0
/* The vmalloc area: mapped pages, a guard page below every area, and clean teardown. */
#include <asm/extable.h>
#include <asm/pgtable.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/timer.h>
#include <kernel/vmalloc.h>
#include "two_cpus.h"

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

/*
 * On frames that held data: fill an area with 0xff and free it (purged, so its frames are
 * free again and the allocator hands the most recently freed out first), then vzalloc the
 * same size, which must read zero all through.
 */
static void test_vzalloc_zeroes(struct ktest *t)
{
	const unsigned long size = 8 * PAGE_SIZE;
	u8 *dirty = vmalloc(size);
	u64 *p;
	bool zero = true;

	KTEST_ASSERT_NOT_NULL(t, dirty);
	memset(dirty, 0xff, size);
	vfree(dirty);
	vmalloc_purge();
	p = vzalloc(size);
	KTEST_ASSERT_NOT_NULL(t, p);
	for (unsigned long i = 0; i < size / 8; i++)
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

/* ---- two CPUs at once ----------------------------------------------------------------- */

/* Both workers reach round r before either goes on: they then start it together. */
static void barrier_wait(atomic_t *arrived, int round)
{
	atomic_inc(arrived);
	while (atomic_read(arrived) < 2 * (round + 1))
		cpu_relax();
}

/* Half of a fresh 2 MiB slot each, with the guard pages: two per round share a new table. */
#define RACE_AREA ((PMD_SIZE / 2) - PAGE_SIZE)
#define RACE_ROUNDS 48

struct vmap_race {
	atomic_t arrived;
	phys_addr_t pa; /* what every area maps: RACE_AREA bytes of a buffer */
	void *areas[2][RACE_ROUNDS];
	unsigned long unreachable[2];
	int id_next;
};

/* Every probed word of the area reads what the direct map holds there. */
static bool area_reachable(void *area, phys_addr_t pa)
{
	for (unsigned long off = 0; off < RACE_AREA; off += 61 * PAGE_SIZE / 4) {
		u64 v;

		if (get_kernel_nofault_u64(&v, (u8 *)area + off) || v != *(u64 *)__va(pa + off))
			return false;
	}
	return true;
}

static int vmap_race_worker(void *data)
{
	struct vmap_race *r = data;
	int id = __atomic_fetch_add(&r->id_next, 1, __ATOMIC_SEQ_CST);

	for (int i = 0; i < RACE_ROUNDS; i++) {
		barrier_wait(&r->arrived, i);
		r->areas[id][i] = memremap(r->pa, RACE_AREA);
	}
	for (int i = 0; i < RACE_ROUNDS; i++) {
		if (!r->areas[id][i] || !area_reachable(r->areas[id][i], r->pa))
			r->unreachable[id]++;
	}
	return 0;
}

/* Kernel-half page tables reachable from init_pgd that came from the page allocator. */
static unsigned long count_tables(pteval_t *table, int level)
{
	unsigned long n = 0;

	for (int i = level == 4 ? PTRS_PER_TABLE / 2 : 0; i < PTRS_PER_TABLE; i++) {
		pteval_t e = table[i];
		pteval_t *next;

		if (!(e & _PAGE_PRESENT) || (e & _PAGE_PSE))
			continue;
		next = __va(e & PTE_PFN_MASK);
		n += PagePgtable(virt_to_page(next));
		if (level > 2)
			n += count_tables(next, level - 1);
	}
	return n;
}

/*
 * Lines the vmalloc frontier (where the next large area goes: first fit finds no hole that
 * big below it) up with a 2 MiB boundary, so that each round starts a fresh slot. A probe
 * area finds the frontier; a pad area after it makes up the difference.
 */
static void align_frontier(phys_addr_t pa, void *pads[2])
{
	unsigned long end, gap;

	pads[0] = memremap(pa, RACE_AREA);
	pads[1] = NULL;
	if (!pads[0])
		return;
	end = (unsigned long)pads[0] + RACE_AREA;
	gap = -end & (PMD_SIZE - 1);
	if (gap && gap < 2 * PAGE_SIZE)
		gap += PMD_SIZE; /* the pad needs room for its guard page and one page */
	if (gap)
		pads[1] = memremap(pa, gap - PAGE_SIZE);
}

/*
 * Bug 1: two CPUs mapping areas in one fresh 2 MiB slot at once both installed a page table
 * with a plain store: one CPU's mappings were lost with its table, which stayed counted but
 * unreachable. Every area must read its memory, and every counted table be reachable.
 */
static void test_vmap_race_keeps_tables(struct ktest *t)
{
	struct page *buf = alloc_pages(GFP_KERNEL, 8);
	struct vmap_race *r;
	struct task_struct *p[2];
	void *pads[2];

	if (!ktest_need_two_cpus(t)) {
		if (buf)
			__free_pages(buf, 8);
		return;
	}
	KTEST_ASSERT_NOT_NULL(t, buf);
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, r);
	r->pa = page_to_phys(buf);
	for (unsigned long i = 0; i < RACE_AREA / 8; i++)
		((u64 *)page_address(buf))[i] = i * 0x9e3779b97f4a7c15ULL;
	KTEST_EXPECT_EQ(t, count_tables(init_pgd, 4), nr_kernel_pgtable_pages());
	for (int i = 0; i < 2; i++) {
		p[i] = kthread_create(vmap_race_worker, r, "ktest-vmap");
		KTEST_ASSERT_NOT_NULL(t, p[i]);
		kthread_bind(p[i], i);
	}
	align_frontier(r->pa, pads); /* after the workers' stacks took their place */
	for (int i = 0; i < 2; i++)
		wake_up_process(p[i]);
	for (int i = 0; i < 2; i++)
		kthread_stop(p[i]);
	KTEST_EXPECT_EQ(t, r->unreachable[0] + r->unreachable[1], 0);
	KTEST_EXPECT_EQ(t, count_tables(init_pgd, 4), nr_kernel_pgtable_pages());
	for (int i = 0; i < RACE_ROUNDS; i++)
		for (int c = 0; c < 2; c++)
			memunmap(r->areas[c][i]);
	memunmap(pads[0]);
	if (pads[1])
		memunmap(pads[1]);
	kfree(r);
	__free_pages(buf, 8);
}

#define CHURN_ROUNDS 300

struct vmalloc_churn {
	atomic_t started;
	unsigned long bad[2];
	int id_next;
};

/* vmalloc, fill with a pattern of our own, check, vfree; sizes vary, areas overlap in time. */
static int vmalloc_churn_worker(void *data)
{
	struct vmalloc_churn *c = data;
	int id = __atomic_fetch_add(&c->id_next, 1, __ATOMIC_SEQ_CST);
	u64 *held[4] = { 0 };

	atomic_inc(&c->started);
	while (atomic_read(&c->started) < 2)
		cpu_relax();
	for (int i = 0; i < CHURN_ROUNDS; i++) {
		int slot = i % 4;
		unsigned long words = ((i % 3) + 1) * PAGE_SIZE / 8;
		u64 tag = ((u64)id << 32) | i;

		if (held[slot]) {
			u64 old_tag = held[slot][0];

			for (unsigned long w = 0; w < PAGE_SIZE / 8; w++)
				c->bad[id] += held[slot][w] != old_tag;
			vfree(held[slot]);
		}
		held[slot] = vmalloc(words * 8);
		if (!held[slot]) {
			c->bad[id]++;
			continue;
		}
		for (unsigned long w = 0; w < words; w++)
			held[slot][w] = tag;
	}
	for (int slot = 0; slot < 4; slot++)
		vfree(held[slot]);
	return 0;
}

/* Contended vmalloc/vfree from both CPUs: every area keeps what its owner wrote. */
static void test_vmalloc_contended(struct ktest *t)
{
	struct vmalloc_churn c = { 0 };
	unsigned long areas;

	if (!ktest_need_two_cpus(t))
		return;
	vmalloc_purge();
	areas = vmalloc_nr_areas();
	/* It also waits until the threads' stacks (vmalloc areas) are freed. */
	KTEST_ASSERT_EQ(t, ktest_run_on_two_cpus(vmalloc_churn_worker, &c, "ktest-vchurn"), 0);
	KTEST_EXPECT_EQ(t, c.bad[0] + c.bad[1], 0);
	vmalloc_purge();
	KTEST_EXPECT_EQ(t, vmalloc_nr_areas(), areas);
}

static struct ktest_case vmalloc_cases[] = {
	KTEST_CASE(test_vmalloc_maps_pages),
	KTEST_CASE(test_vzalloc_zeroes),
	KTEST_CASE(test_areas_do_not_overlap),
	KTEST_CASE(test_kernel_stack),
	KTEST_CASE(test_ioremap_is_uncached),
	KTEST_CASE(test_bad_sizes),
	KTEST_CASE(test_vmap_race_keeps_tables),
	KTEST_CASE(test_vmalloc_contended),
	{},
};

static struct ktest_suite vmalloc_suite = { .name = "vmalloc", .cases = vmalloc_cases };
ktest_register_suite(vmalloc_suite);
