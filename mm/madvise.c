// SPDX-License-Identifier: GPL-2.0
/*
 * madvise(2): advice about a range; MADV_DONTNEED and MADV_FREE drop its pages.
 */
#include <asm/pgtable.h>
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <uapi/mman.h>

#include "internal.h"

static bool madvise_behavior_valid(int advice)
{
	switch (advice) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_FREE:
	case MADV_COLD:
	case MADV_PAGEOUT:
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return true;
	default:
		return false;
	}
}

/* One VMA's share of the advice; [start, end) lies inside it. mmap_lock held for writing. */
static int madvise_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, int advice)
{
	struct mmu_gather tlb;

	switch (advice) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
		/* Only the read-ahead pattern changes: kept for when there is read-ahead. */
		vma->vm_flags &= ~(VM_SEQ_READ | VM_RAND_READ);
		if (advice == MADV_RANDOM)
			vma->vm_flags |= VM_RAND_READ;
		else if (advice == MADV_SEQUENTIAL)
			vma->vm_flags |= VM_SEQ_READ;
		return 0;
	case MADV_FREE:
		/* Nothing is reclaimed lazily here: freed at once, as MADV_DONTNEED. */
		if (vma->vm_ops || (vma->vm_flags & VM_SHARED))
			return -EINVAL;
		/* fall through */
	case MADV_DONTNEED:
		if (vma->vm_flags & VM_LOCKED)
			return -EINVAL;
		tlb_gather_mmu(&tlb, mm);
		zap_page_range(&tlb, vma, start, end);
		tlb_finish_mmu(&tlb);
		return 0;
	default:
		/* WILLNEED, COLD, PAGEOUT: nothing is read ahead or paged out yet. */
		return 0;
	}
}

int do_madvise(struct mm_struct *mm, unsigned long start, size_t len_in, int advice)
{
	unsigned long end, len, addr;
	struct vm_area_struct *vma;
	int err = 0, unmapped = 0;

	if (!madvise_behavior_valid(advice))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	if (len_in && !len)
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	if (!range_ok(start, len))
		return -ENOMEM;
	if (advice == MADV_POPULATE_READ || advice == MADV_POPULATE_WRITE) {
		/* Linux: every page must be mapped, and allow the access. */
		mmap_read_lock(mm);
		for (addr = start, vma = find_vma(mm, start); addr < end; vma = vma_next(vma)) {
			if (!vma || vma->vm_start > addr) {
				err = -ENOMEM;
				break;
			}
			if (!(vma->vm_flags &
			      (advice == MADV_POPULATE_WRITE ? VM_WRITE : VM_READ))) {
				err = -EINVAL;
				break;
			}
			addr = vma->vm_end;
		}
		mmap_read_unlock(mm);
		if (!err)
			populate_range(mm, start, len);
		return err;
	}
	mmap_write_lock(mm);
	addr = start;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma_next(vma)) {
		unsigned long s = max(vma->vm_start, addr), e = min(vma->vm_end, end);

		if (vma->vm_start > addr)
			unmapped = -ENOMEM;
		if (advice <= MADV_SEQUENTIAL && (s != vma->vm_start || e != vma->vm_end)) {
			/* The flags belong to a VMA: the range gets VMAs of its own. */
			struct vm_area_struct *first;

			err = split_around(mm, s, e, &first);
			if (err)
				break;
			vma = first;
		}
		err = madvise_vma(mm, vma, s, e, advice);
		if (err)
			break;
		addr = e;
	}
	if (!err && addr < end)
		unmapped = -ENOMEM;
	mmap_write_unlock(mm);
	return err ?: unmapped;
}
