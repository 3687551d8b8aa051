/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_TLB_H
#define _KERNEL_TLB_H

#include <kernel/mm_types.h>
#include <kernel/types.h>

/*
 * Batched TLB shootdowns, in the manner of Linux's mmu_gather (mm/mmu_gather.c). An operation
 * on an address space (munmap, mprotect, fork's write-protection, exit) gathers the range it
 * changed and the pages it unmapped, then flushes once at the end: one IPI at most to each
 * other CPU that has the address space loaded, however many pages changed. The pages are
 * freed only after that flush, since until then another CPU may still reach them through a
 * stale translation.
 *
 *	struct mmu_gather tlb;
 *
 *	tlb_gather_mmu(&tlb, mm);
 *	... entries cleared with tlb_remove_tlb_entry(), pages passed to tlb_remove_page() ...
 *	tlb_finish_mmu(&tlb);
 *
 * The pages wait in a small array inside the gather, then in whole pages of pointers taken
 * on the way; when even those cannot be had, the gather flushes early (two IPIs instead of
 * one, never a missed flush).
 */
struct mmu_gather_batch {
	struct mmu_gather_batch *next;
	unsigned int nr, max;
	struct page **pages; /* the array: right after the header in a page of them */
};

#define MMU_GATHER_LOCAL 8

struct mmu_gather {
	struct mm_struct *mm;
	unsigned long start, end; /* the range to flush; start == end: nothing yet */
	struct mmu_gather_batch *active;
	struct mmu_gather_batch local;
	struct page *__local_pages[MMU_GATHER_LOCAL]; /* local's storage */
};

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm);
/* The entry for va was changed or cleared: va must leave every TLB before the gather ends. */
void tlb_remove_tlb_entry(struct mmu_gather *tlb, unsigned long va);
/* page (one reference on it) is put once the range has been flushed. */
void tlb_remove_page(struct mmu_gather *tlb, struct page *page);
/* Flushes what was gathered so far and frees its pages; the gather stays usable. */
void tlb_flush_mmu(struct mmu_gather *tlb);
void tlb_finish_mmu(struct mmu_gather *tlb);

/*
 * Flushes [start, end) of mm from every TLB that may hold it: this CPU's if mm is loaded
 * here, and by one IPI each other CPU that has mm loaded (and only those).
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end);

#endif /* _KERNEL_TLB_H */
