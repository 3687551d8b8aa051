// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator. Free memory is kept as blocks of 2^order frames, each aligned to its
 * size, on one free list per order. Allocation takes the smallest block that fits and splits
 * off the halves it does not need; freeing merges a block with its buddy (the block it was
 * split from, found by flipping bit "order" of the frame number) for as long as the buddy
 * is free and whole. Both are O(MAX_ORDER).
 *
 * Locking: zone_lock (irq-safe) covers the free lists and the counters.
 */
#include <kernel/gfp.h>
#include <kernel/memblock.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;
};

struct page *mem_map;
unsigned long max_pfn;

static struct free_area free_area[MAX_ORDER + 1];
static DEFINE_SPINLOCK(zone_lock);
static unsigned long nr_free; /* frames on the free lists */
static unsigned long nr_ram; /* frames of usable RAM */
static unsigned long nr_reserved; /* of those, never given to the allocator */
static unsigned long nr_bad_frees;
unsigned long min_free_pages; /* set once by mem_init */

unsigned long nr_free_pages(void)
{
	return READ_ONCE(nr_free);
}

unsigned long totalram_pages(void)
{
	return nr_ram;
}

unsigned long nr_reserved_pages(void)
{
	return nr_reserved;
}

static void add_to_free_area(struct page *page, unsigned int order)
{
	__SetPageBuddy(page);
	page->order = order;
	list_add(&page->lru, &free_area[order].free_list);
	free_area[order].nr_free++;
}

static void del_from_free_area(struct page *page, unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	free_area[order].nr_free--;
}

/* Puts a block back, merging it with its buddies as far as they are free. */
static void __free_one_page(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	nr_free += 1UL << order;
	while (order < MAX_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (!pfn_valid(buddy_pfn))
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!PageBuddy(buddy) || buddy->order != order)
			break;
		del_from_free_area(buddy, order);
		pfn &= ~(1UL << order);
		order++;
	}
	add_to_free_area(pfn_to_page(pfn), order);
}

/* Takes a block of exactly this order off the lists, splitting a larger one if needed. */
static struct page *__rmqueue(unsigned int order)
{
	for (unsigned int o = order; o <= MAX_ORDER; o++) {
		struct page *page;

		if (list_empty(&free_area[o].free_list))
			continue;
		page = list_first_entry(&free_area[o].free_list, struct page, lru);
		del_from_free_area(page, o);
		/* Give back the upper halves until the block is the size asked for. */
		while (o > order) {
			o--;
			add_to_free_area(page + (1UL << o), o);
		}
		nr_free -= 1UL << order;
		return page;
	}
	return NULL;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long flags;
	struct page *page;

	if (unlikely(order > MAX_ORDER))
		return NULL;
	spin_lock_irqsave(&zone_lock, flags);
	if ((gfp & __GFP_HIGHUSER) && nr_free < min_free_pages + (1UL << order))
		page = NULL;
	else
		page = __rmqueue(order);
	spin_unlock_irqrestore(&zone_lock, flags);
	if (unlikely(!page)) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("page allocation failure: order %u, %lu frames free\n", order,
				nr_free_pages());
		return NULL;
	}
	page->flags = order ? 1UL << PG_head : 0;
	page->order = order;
	atomic_set(&page->_refcount, 1);
	page->mapping = NULL;
	page->index = 0;
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

/* Catches the frees that would corrupt the free lists, and says who made them. */
static bool bad_free(struct page *page, unsigned int order, void *caller)
{
	const char *why = NULL;

	if (PageBuddy(page))
		why = "page is already free (double free)";
	else if (PageReserved(page))
		why = "page is reserved";
	else if (PageSlab(page))
		why = "page belongs to a slab";
	else if (page->order != order)
		why = "order differs from the allocation's";
	else if (page_to_pfn(page) & ((1UL << order) - 1))
		why = "block is misaligned for its order";
	if (!why)
		return false;
	nr_bad_frees++;
	pr_err("BUG: bad page free of pfn %#lx order %u by %pS: %s\n", page_to_pfn(page), order,
	       caller, why);
	dump_stack();
	return true;
}

static void free_pages_ok(struct page *page, unsigned int order, void *caller)
{
	unsigned long flags;

	spin_lock_irqsave(&zone_lock, flags);
	if (IS_ENABLED(CONFIG_DEBUG_KERNEL) && bad_free(page, order, caller)) {
		spin_unlock_irqrestore(&zone_lock, flags);
		return;
	}
	page->flags = 0;
	__free_one_page(page, order);
	spin_unlock_irqrestore(&zone_lock, flags);
}

void __free_pages(struct page *page, unsigned int order)
{
	/* A free page has no references left to drop: catch that before the count wraps. */
	if (IS_ENABLED(CONFIG_DEBUG_KERNEL) && unlikely(page_count(page) <= 0)) {
		free_pages_ok(page, order, __builtin_return_address(0));
		return;
	}
	if (atomic_dec_and_test(&page->_refcount))
		free_pages_ok(page, order, __builtin_return_address(0));
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

void get_page(struct page *page)
{
	atomic_inc(&page->_refcount);
}

void put_page(struct page *page)
{
	if (IS_ENABLED(CONFIG_DEBUG_KERNEL) && unlikely(page_count(page) <= 0)) {
		free_pages_ok(page, page->order, __builtin_return_address(0));
		return;
	}
	if (atomic_dec_and_test(&page->_refcount))
		free_pages_ok(page, page->order, __builtin_return_address(0));
}

/* Frees [start, end) in the largest aligned blocks that fit: boot time, no lock needed. */
static void free_range(unsigned long start, unsigned long end)
{
	while (start < end) {
		unsigned int order = MAX_ORDER;

		while (order && ((start & ((1UL << order) - 1)) || start + (1UL << order) > end))
			order--;
		for (unsigned long i = 0; i < (1UL << order); i++)
			__ClearPageReserved(pfn_to_page(start + i));
		__free_one_page(pfn_to_page(start), order);
		start += 1UL << order;
	}
}

/* Frees the frames of [start, end) that no reservation covers; reservations are sorted. */
static void free_unreserved(unsigned long start, unsigned long end)
{
	for (unsigned int i = 0; i < memblock_reserved.cnt && start < end; i++) {
		const struct memblock_region *r = &memblock_reserved.regions[i];
		unsigned long rs = r->base >> PAGE_SHIFT;
		unsigned long re = PAGE_ALIGN(r->base + r->size) >> PAGE_SHIFT;

		if (re <= start)
			continue;
		if (rs >= end)
			break;
		if (rs > start)
			free_range(start, rs);
		nr_reserved += min(re, end) - max(rs, start);
		start = re;
	}
	if (start < end)
		free_range(start, end);
}

/*
 * Linux's min_free_kbytes rule: sqrt(16 * RAM in KiB), between 128 KiB and 64 MiB. 1 MiB for
 * 64 MiB of RAM, 2 MiB for 256 MiB: enough for page tables, slabs and the exit of a victim.
 */
static void set_min_free_pages(void)
{
	unsigned long kb = nr_ram << (PAGE_SHIFT - 10), x = 1, min_kb;

	while ((x + 1) * (x + 1) <= 16 * kb)
		x++;
	min_kb = x < 128 ? 128 : x > 65536 ? 65536 : x;
	min_free_pages = min_kb >> (PAGE_SHIFT - 10);
}

/* Hands every RAM frame that memblock did not reserve to the buddy allocator. */
void mem_init(void)
{
	for (unsigned int o = 0; o <= MAX_ORDER; o++)
		INIT_LIST_HEAD(&free_area[o].free_list);

	for (unsigned int i = 0; i < memblock_memory.cnt; i++) {
		const struct memblock_region *r = &memblock_memory.regions[i];
		unsigned long start = PAGE_ALIGN(r->base) >> PAGE_SHIFT;
		unsigned long end = (r->base + r->size) >> PAGE_SHIFT;

		if (end <= start)
			continue;
		nr_ram += end - start;
		free_unreserved(start, end);
	}
	memblock_close();
	set_min_free_pages();
}

void buddy_free_counts(unsigned long counts[MAX_ORDER + 1])
{
	unsigned long flags;

	spin_lock_irqsave(&zone_lock, flags);
	for (unsigned int o = 0; o <= MAX_ORDER; o++)
		counts[o] = free_area[o].nr_free;
	spin_unlock_irqrestore(&zone_lock, flags);
}

unsigned long bad_page_reports(void)
{
	return READ_ONCE(nr_bad_frees);
}

void mem_print_stats(void)
{
	pr_info("Memory: %luK/%luK available, %luK reserved; frames: %lu total, %lu free\n",
		nr_free_pages() << (PAGE_SHIFT - 10), nr_ram << (PAGE_SHIFT - 10),
		nr_reserved << (PAGE_SHIFT - 10), nr_ram, nr_free_pages());
}
