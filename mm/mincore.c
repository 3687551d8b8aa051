// SPDX-License-Identifier: GPL-2.0
/*
 * mincore(2): which pages of a range are resident.
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

long do_mincore(struct mm_struct *mm, unsigned long start, size_t len, unsigned char __user *vec)
{
	unsigned long pages, done = 0;
	unsigned char buf[64];

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!range_ok(start, len))
		return -ENOMEM;
	pages = (len >> PAGE_SHIFT) + !!(len & ~PAGE_MASK);
	if (!pages)
		return 0;
	while (done < pages) {
		unsigned long n = min(pages - done, (unsigned long)sizeof(buf)), i;
		unsigned long addr = start + (done << PAGE_SHIFT);
		struct vm_area_struct *vma;

		mmap_read_lock(mm);
		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start > addr) {
			mmap_read_unlock(mm);
			return -ENOMEM;
		}
		/* One VMA per round: the rest of the range is looked up again next round. */
		n = min(n, (vma->vm_end - addr) >> PAGE_SHIFT);
		for (i = 0; i < n; i++) {
			unsigned long va = addr + (i << PAGE_SHIFT);
			struct address_space *cache = vma_page_cache(vma);
			struct page *page;

			buf[i] = page_is_mapped(vma, va);
			if (!buf[i] && cache) {
				/* A file's page counts if it is cached, mapped here or not. */
				page = find_get_page(cache, vma->vm_pgoff + ((va - vma->vm_start) >>
									     PAGE_SHIFT));
				if (page) {
					buf[i] = 1;
					put_page(page);
				}
			}
		}
		mmap_read_unlock(mm);
		if (copy_to_user(vec + done, buf, n))
			return -EFAULT;
		done += n;
	}
	return 0;
}
