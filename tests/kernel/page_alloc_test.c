// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator. Its free lists are fully determined by which frames are free (every
 * free frame sits in the largest aligned free block that contains it), so after any
 * sequence of allocations that is freed again, the count of free blocks per order must be
 * exactly what it was: that checks splitting and coalescing together.
 */
#include <asm/processor.h>
#include <kernel/gfp.h>
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

#define MODEL_BLOCKS 64

static bool same_free_counts(const unsigned long *a, const unsigned long *b)
{
	return !memcmp(a, b, sizeof(unsigned long) * (MAX_ORDER + 1));
}

static void test_alloc_free_single(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct page *page = alloc_page(GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, page);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 1);
	KTEST_EXPECT_EQ(t, page_count(page), 1);
	KTEST_EXPECT_FALSE(t, PageBuddy(page));
	__free_page(page);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static void test_alignment_every_order(struct ktest *t)
{
	for (unsigned int order = 0; order <= MAX_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);

		KTEST_ASSERT_NOT_NULL(t, page);
		KTEST_EXPECT_EQ(t, page_to_pfn(page) & ((1UL << order) - 1), 0);
		KTEST_EXPECT_EQ(t, page->order, order);
		__free_pages(page, order);
	}
}

static void test_split_and_coalesce(struct ktest *t)
{
	unsigned long before[MAX_ORDER + 1], after[MAX_ORDER + 1];
	static struct page *pages[300]; /* 2.4 KiB: off the 16 KiB kernel stack */

	buddy_free_counts(before);
	for (int i = 0; i < 300; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(t, pages[i]);
	}
	/* Free in an order that is neither the allocation order nor its reverse. */
	for (int i = 0; i < 300; i += 2)
		__free_page(pages[i]);
	for (int i = 299; i > 0; i -= 2)
		__free_page(pages[i]);
	buddy_free_counts(after);
	KTEST_EXPECT_TRUE(t, same_free_counts(before, after));
}

static void test_zeroed_allocation(struct ktest *t)
{
	struct page *page = alloc_page(GFP_KERNEL);
	u64 *words;
	bool all_zero = true;

	KTEST_ASSERT_NOT_NULL(t, page);
	memset(page_address(page), 0xa5, PAGE_SIZE);
	__free_page(page);
	/* LIFO free lists make the same frame likely to come back; zeroing must win anyway. */
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	KTEST_ASSERT_NOT_NULL(t, page);
	words = page_address(page);
	for (unsigned long i = 0; i < PAGE_SIZE / 8; i++)
		all_zero &= words[i] == 0;
	KTEST_EXPECT_TRUE(t, all_zero);
	__free_page(page);
}

/* Takes every free frame in blocks of the given order, then gives them all back. */
static void exhaust(struct ktest *t, unsigned int order)
{
	unsigned long before[MAX_ORDER + 1], after[MAX_ORDER + 1], got = 0;
	unsigned long free_before = nr_free_pages();
	void *head = NULL;
	struct page *page;

	buddy_free_counts(before);
	while ((page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, order))) {
		*(void **)page_address(page) = head; /* chain the blocks through themselves */
		head = page_address(page);
		got += 1UL << order;
	}
	buddy_free_counts(after);
	for (unsigned int o = order; o <= MAX_ORDER; o++)
		KTEST_EXPECT_EQ(t, after[o], 0); /* nothing that large is left */
	KTEST_EXPECT_EQ(t, got, free_before - nr_free_pages());
	while (head) {
		void *next = *(void **)head;

		free_pages((unsigned long)head, order);
		head = next;
	}
	buddy_free_counts(after);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
	KTEST_EXPECT_TRUE(t, same_free_counts(before, after));
}

static void test_exhaustion_and_recovery_order0(struct ktest *t)
{
	exhaust(t, 0);
}

static void test_exhaustion_and_recovery_order4(struct ktest *t)
{
	exhaust(t, 4);
}

static void test_too_large_order_fails(struct ktest *t)
{
	KTEST_EXPECT_NULL(t, alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_ORDER + 1));
}

struct model_block {
	unsigned long pfn;
	unsigned int order;
	u64 stamp;
};

static u64 prng(u64 *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

static bool overlaps(const struct model_block *a, const struct model_block *b)
{
	return a->pfn < b->pfn + (1UL << b->order) && b->pfn < a->pfn + (1UL << a->order);
}

/* Random allocations and frees checked against a model: no overlap, no corruption. */
static void test_random_against_model(struct ktest *t)
{
	static struct model_block live[MODEL_BLOCKS];
	unsigned long before[MAX_ORDER + 1], after[MAX_ORDER + 1];
	int nlive = 0, overlaps_seen = 0, corrupt_seen = 0;
	u64 seed = 0x9e3779b97f4a7c15ULL;

	buddy_free_counts(before);
	for (int step = 0; step < 4000; step++) {
		bool do_alloc = nlive < MODEL_BLOCKS && (nlive == 0 || prng(&seed) % 3 != 0);

		if (do_alloc) {
			unsigned int order = prng(&seed) % 5;
			struct page *page = alloc_pages(GFP_KERNEL, order);
			struct model_block *b = &live[nlive];

			KTEST_ASSERT_NOT_NULL(t, page);
			b->pfn = page_to_pfn(page);
			b->order = order;
			b->stamp = prng(&seed);
			for (int i = 0; i < nlive; i++)
				overlaps_seen += overlaps(b, &live[i]);
			/* Stamp the first and last word of the block. */
			*(u64 *)page_address(page) = b->stamp;
			*(u64 *)((char *)page_address(page) + (PAGE_SIZE << order) - 8) = ~b->stamp;
			nlive++;
		} else {
			int i = prng(&seed) % nlive;
			struct page *page = pfn_to_page(live[i].pfn);
			char *p = page_address(page);

			corrupt_seen += *(u64 *)p != live[i].stamp;
			corrupt_seen +=
				*(u64 *)(p + (PAGE_SIZE << live[i].order) - 8) != ~live[i].stamp;
			__free_pages(page, live[i].order);
			live[i] = live[--nlive];
		}
	}
	while (nlive--)
		__free_pages(pfn_to_page(live[nlive].pfn), live[nlive].order);
	buddy_free_counts(after);
	KTEST_EXPECT_EQ(t, overlaps_seen, 0);
	KTEST_EXPECT_EQ(t, corrupt_seen, 0);
	KTEST_EXPECT_TRUE(t, same_free_counts(before, after));
}

static void test_refcount(struct ktest *t)
{
	unsigned long before = nr_free_pages();
	struct page *page = alloc_page(GFP_KERNEL);

	KTEST_ASSERT_NOT_NULL(t, page);
	get_page(page);
	KTEST_EXPECT_EQ(t, page_count(page), 2);
	put_page(page);
	KTEST_EXPECT_EQ(t, page_count(page), 1);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before - 1);
	put_page(page);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static void test_double_free_is_reported(struct ktest *t)
{
	unsigned long reports = bad_page_reports(), before[MAX_ORDER + 1], after[MAX_ORDER + 1];
	struct page *page;

	if (!IS_ENABLED(CONFIG_DEBUG_KERNEL)) {
		ktest_skip(t, "CONFIG_DEBUG_KERNEL is off");
		return;
	}
	page = alloc_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, page);
	__free_page(page);
	buddy_free_counts(before);
	__free_page(page); /* planted: the report below is expected */
	buddy_free_counts(after);
	KTEST_EXPECT_EQ(t, bad_page_reports(), reports + 1);
	KTEST_EXPECT_TRUE(t, same_free_counts(before, after)); /* the lists were not touched */
}

static void test_counters_consistent(struct ktest *t)
{
	unsigned long counts[MAX_ORDER + 1], sum = 0;

	buddy_free_counts(counts);
	for (unsigned int o = 0; o <= MAX_ORDER; o++)
		sum += counts[o] << o;
	KTEST_EXPECT_EQ(t, sum, nr_free_pages());
	KTEST_EXPECT_LE(t, nr_free_pages() + nr_reserved_pages(), totalram_pages());
	KTEST_EXPECT_GT(t, totalram_pages(), 0);
}

/* ---- two CPUs at once ----------------------------------------------------------------- */

#define CHURN_SLOTS 64
#define CHURN_STEPS 3000

/*
 * Both CPUs swap fresh blocks into shared slots and check and free what they take out, so
 * about half of all frees are of the other CPU's blocks. Each block holds its tag throughout.
 */
struct churn {
	void *slots[CHURN_SLOTS];
	struct ktest_start_line line;
	unsigned long bad[2], done[2];
};

/* A block's tag: its order in the low byte, so the checker knows its size. */
static bool block_intact(const u64 *w)
{
	unsigned int order = w[0] & 0xff;

	if (order > 3)
		return false;
	for (unsigned long i = 1; i < (PAGE_SIZE << order) / 8; i++)
		if (w[i] != w[0])
			return false;
	return true;
}

static int page_churn_worker(void *data)
{
	struct churn *c = data;
	u64 seed;
	int id;

	id = ktest_start_together(&c->line);
	seed = 0x1234567 + id;
	for (int i = 0; i < CHURN_STEPS; i++) {
		u64 r = ktest_prng(&seed);
		unsigned int order = r % 4;
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, order);
		u64 *w, *old;

		if (!page)
			continue;
		w = page_address(page);
		for (unsigned long k = 0; k < (PAGE_SIZE << order) / 8; k++)
			w[k] = ((u64)id << 40) | ((u64)i << 8) | order;
		old = __atomic_exchange_n(&c->slots[(r >> 8) % CHURN_SLOTS], w, __ATOMIC_ACQ_REL);
		if (old) {
			c->bad[id] += !block_intact(old);
			free_pages((unsigned long)old, old[0] & 0xff);
		}
		c->done[id]++;
	}
	return 0;
}

/* The buddy allocator from both CPUs at once: no block handed out twice, all back after. */
static void test_contended_two_cpus(struct ktest *t)
{
	struct churn *c;
	unsigned long before;

	if (!ktest_need_two_cpus(t))
		return;
	c = (struct churn *)get_zeroed_page(GFP_KERNEL); /* no slab: counts stay frames only */
	KTEST_ASSERT_NOT_NULL(t, c);
	ktest_settle(nr_tasks());
	before = nr_free_pages();
	KTEST_EXPECT_EQ(t, ktest_run_on_two_cpus(page_churn_worker, c, "ktest-churn"), 0);
	for (int i = 0; i < CHURN_SLOTS; i++) {
		u64 *w = c->slots[i];

		if (w) {
			c->bad[0] += !block_intact(w);
			free_pages((unsigned long)w, w[0] & 0xff);
		}
	}
	KTEST_EXPECT_EQ(t, c->bad[0] + c->bad[1], 0);
	KTEST_EXPECT_GT(t, c->done[0], CHURN_STEPS / 2);
	KTEST_EXPECT_GT(t, c->done[1], CHURN_STEPS / 2);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
	free_page((unsigned long)c);
}

static struct ktest_case page_alloc_cases[] = {
	KTEST_CASE(test_alloc_free_single),
	KTEST_CASE(test_alignment_every_order),
	KTEST_CASE(test_split_and_coalesce),
	KTEST_CASE(test_zeroed_allocation),
	KTEST_CASE(test_exhaustion_and_recovery_order0),
	KTEST_CASE(test_exhaustion_and_recovery_order4),
	KTEST_CASE(test_too_large_order_fails),
	KTEST_CASE(test_random_against_model),
	KTEST_CASE(test_refcount),
	KTEST_CASE(test_double_free_is_reported),
	KTEST_CASE(test_counters_consistent),
	KTEST_CASE(test_contended_two_cpus),
	{},
};

static struct ktest_suite page_alloc_suite = { .name = "page_alloc", .cases = page_alloc_cases };
ktest_register_suite(page_alloc_suite);
