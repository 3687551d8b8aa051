// SPDX-License-Identifier: GPL-2.0
/*
 * Reaching another task's memory: get_task_mm and access_remote_vm, for procfs (cmdline,
 * environ) and anything else that reads a process it is not.
 */
#include <asm/pgtable.h>
#include <kernel/errno.h>
#include <kernel/gfp.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/string.h>

struct mm_struct *get_task_mm(struct task_struct *p)
{
	struct mm_struct *mm;

	task_lock(p);
	mm = p->mm;
	if (mm)
		mmget(mm);
	task_unlock(p);
	return mm;
}

/*
 * The page of memory mapped at addr, referenced, or NULL when no page is there (not present,
 * or not RAM). Caller holds mm's mmap_lock; nothing is faulted in.
 */
struct page *get_mapped_page(struct mm_struct *mm, unsigned long addr)
{
	pte_t *ptep = pte_walk(mm->pgd, addr, false);
	struct page *page;
	phys_addr_t pa;

	mmap_assert_locked(mm);
	if (!ptep || !pte_present(ptep_get(ptep)))
		return NULL;
	pa = pte_phys(ptep_get(ptep));
	if (!pfn_valid(pa >> PAGE_SHIFT))
		return NULL;
	page = phys_to_page(pa);
	get_page(page);
	return page;
}

/*
 * The page behind addr, referenced, or NULL; *zero is set instead when addr is anonymous
 * memory never touched (it reads as zeros, and reading it must not allocate a page).
 */
static struct page *remote_page(struct mm_struct *mm, unsigned long addr, bool *zero)
{
	struct vm_area_struct *vma;
	struct page *page = NULL;

	*zero = false;
	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr || !(vma->vm_flags & VM_READ))
		goto out;
	page = get_mapped_page(mm, addr);
	if (!page && !vma->vm_file)
		*zero = true;
out:
	mmap_read_unlock(mm);
	return page;
}

int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len,
		     unsigned int gup_flags)
{
	int done = 0, tries = 0;

	if (gup_flags & FOLL_WRITE)
		return -EINVAL; /* only reading is needed so far */
	while (done < len) {
		unsigned long va = addr + done, off = va & (PAGE_SIZE - 1);
		int n = (int)(PAGE_SIZE - off) < len - done ? (int)(PAGE_SIZE - off) : len - done;
		struct page *page;
		bool zero;

		if (va < addr) /* wrapped */
			break;
		page = remote_page(mm, va, &zero);
		if (!page && !zero) {
			/* A file page not yet mapped: fault it in once, as a read would. */
			if (tries++ || handle_mm_fault(mm, va, 0))
				break;
			continue;
		}
		if (page) {
			memcpy((u8 *)buf + done, (u8 *)page_address(page) + off, n);
			put_page(page);
		} else {
			memset((u8 *)buf + done, 0, n);
		}
		tries = 0;
		done += n;
	}
	return done;
}
