/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <kernel/mm.h>
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

/* Test-only fault injection for dup_mm: true when this allocation is to fail. */
bool dup_mm_should_fail(void);

#endif /* _MM_INTERNAL_H */
