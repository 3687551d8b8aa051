/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <kernel/mm.h>
#include <kernel/signal.h>
#include <kernel/tlb.h>

/*
 * The page-level halves of munmap, mprotect and fork (mm/memory.c), for mm/mmap.c. Each is
 * called with mmap_lock held for writing, and gathers its TLB flush into tlb.
 */
void zap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma, unsigned long start,
		    unsigned long end);
void change_protection(struct mmu_gather *tlb, struct vm_area_struct *vma);
/* fork: maps vma's present pages into dst too, private writable ones copy-on-write. */
int copy_page_range(struct mmu_gather *tlb, struct mm_struct *dst, struct vm_area_struct *vma);

/* Accounting of mapped pages (total_vm, data_vm, locked_vm) and its limits (RLIMIT_AS,
 * RLIMIT_DATA). Called with mmap_lock held for writing. */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
bool may_expand_vm(struct mm_struct *mm, unsigned long flags, unsigned long npages);

/* Which rss counter (MM_*) a page mapped in vma counts in. */
int mm_counter(const struct vm_area_struct *vma, const struct page *page);
/*
 * mremap's page-level half: moves the entries of [old_addr, old_addr + len) to new_addr in
 * the same mm, references and counters unchanged. The destination's tables are made first,
 * so that -ENOMEM leaves everything where it was.
 */
int move_page_tables(struct mmu_gather *tlb, struct mm_struct *mm, unsigned long old_addr,
		     unsigned long new_addr, unsigned long len);
/* Is the page of vma at va mapped (mincore)? Called with mmap_lock held. */
bool page_is_mapped(struct vm_area_struct *vma, unsigned long va);

/*
 * Shared anonymous memory (mm/shmem.c): MAP_SHARED|MAP_ANONYMOUS is backed by an object of
 * its own, a page cache without a file, so that fork's parent and child see each other's
 * writes. Every VMA that maps it holds a reference (vm_ops open and close).
 */
int shmem_zero_setup(struct vm_area_struct *vma);
bool vma_is_anon_shmem(const struct vm_area_struct *vma);
/* The page cache behind a file or shared anonymous VMA, or NULL for private anonymous. */
struct address_space *vma_page_cache(const struct vm_area_struct *vma);

/* Test-only fault injection for dup_mm: true when this allocation is to fail. */
bool dup_mm_should_fail(void);

/* The VMA tree's neighbours, and a range's checks, for the mm/ files that walk it. */
static inline struct vm_area_struct *vma_of(struct rb_node *node)
{
	return node ? rb_entry(node, struct vm_area_struct, vm_rb) : NULL;
}

static inline struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	return vma_of(rb_next(&vma->vm_rb));
}

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* [start, start + len) lies in user space, without wrapping. */
static inline bool range_ok(unsigned long start, unsigned long len)
{
	return len <= TASK_SIZE && start <= TASK_SIZE - len;
}

/*
 * Makes [start, end) begin and end on VMA boundaries; *first is the first VMA inside, or
 * NULL. Called with mmap_lock held for writing.
 */
int split_around(struct mm_struct *mm, unsigned long start, unsigned long end,
		 struct vm_area_struct **first);
/* mlock's limit: RLIMIT_MEMLOCK, which root (CAP_IPC_LOCK) may pass. */
bool mlock_allowed(struct mm_struct *mm, unsigned long npages);

#endif /* _MM_INTERNAL_H */
