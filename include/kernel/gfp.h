/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_GFP_H
#define _KERNEL_GFP_H

#include <kernel/mm_types.h>
#include <kernel/types.h>

/*
 * The page allocator (mm/page_alloc.c): a buddy allocator of blocks of 2^order frames,
 * order 0 to MAX_ORDER. Every allocation may fail: NULL is returned and the caller decides.
 * No function here sleeps; GFP_KERNEL marks callers that could (once sleeping exists, the
 * allocator may reclaim for them), GFP_ATOMIC those that never may.
 */
typedef unsigned int gfp_t;

#define __GFP_ZERO 0x1u /* zero the memory */
#define __GFP_NOWARN 0x2u /* no message when the allocation fails */
#define __GFP_ATOMIC 0x4u
#define GFP_KERNEL 0u
#define GFP_ATOMIC __GFP_ATOMIC
/*
 * A page for user space (a fault, a copy on write): it fails while free memory is down to
 * the reserve kept for the kernel (min_free_pages), so that the OOM killer runs while the
 * kernel can still allocate what killing and exiting need.
 */
#define __GFP_HIGHUSER 0x8u
#define GFP_HIGHUSER __GFP_HIGHUSER

#define MAX_ORDER 10 /* blocks of up to 2^10 frames: 4 MiB */

struct page *alloc_pages(gfp_t gfp, unsigned int order);
/* The frames GFP_HIGHUSER leaves to the kernel (Linux's min_free_kbytes, in pages). */
extern unsigned long min_free_pages;
void __free_pages(struct page *page, unsigned int order);
/* The same through direct-map addresses. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);

#define alloc_page(gfp) alloc_pages(gfp, 0)
#define __free_page(page) __free_pages(page, 0)
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
#define get_zeroed_page(gfp) __get_free_pages((gfp) | __GFP_ZERO, 0)
#define free_page(addr) free_pages(addr, 0)

/* Reference counting of single allocated frames: put_page frees at zero. */
void get_page(struct page *page);
void put_page(struct page *page);
static inline int page_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

/* Free blocks per order (counts[0..MAX_ORDER]), and bad frees reported; for tests. */
void buddy_free_counts(unsigned long counts[MAX_ORDER + 1]);
unsigned long bad_page_reports(void);

/* Counters, in frames; /proc/meminfo reads them. */
unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);
unsigned long nr_reserved_pages(void);

#endif /* _KERNEL_GFP_H */
