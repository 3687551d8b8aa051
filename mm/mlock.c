// SPDX-License-Identifier: GPL-2.0
/*
 * mlock(2), mlock2, munlock, mlockall and munlockall: VM_LOCKED and RLIMIT_MEMLOCK.
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

/*
 * Nothing is ever paged out, so a lock changes no page: it marks the VMAs (counted in
 * locked_vm against RLIMIT_MEMLOCK) and faults the range in, as Linux's mlock does.
 */
static int mlock_fixup(struct mm_struct *mm, unsigned long start, unsigned long end, bool lock)
{
	struct vm_area_struct *vma;
	int err;

	err = split_around(mm, start, end, &vma);
	if (err)
		return err;
	for (; vma && vma->vm_start < end; vma = vma_next(vma)) {
		vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
		if (lock)
			vma->vm_flags |= VM_LOCKED;
		else
			vma->vm_flags &= ~VM_LOCKED;
		vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
	}
	return 0;
}

int do_mlock(struct mm_struct *mm, unsigned long start, size_t len, bool lock, bool onfault)
{
	unsigned long end, covered, newly = 0;
	struct vm_area_struct *vma;
	int err;

	/* Linux rounds the start down and the length up to whole pages. */
	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	end = start + len;
	if (end < start || !range_ok(start, len))
		return -ENOMEM;
	if (!len)
		return 0;
	mmap_write_lock(mm);
	covered = start;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma_next(vma)) {
		if (vma->vm_start > covered)
			break;
		if (!(vma->vm_flags & VM_LOCKED))
			newly += (min(vma->vm_end, end) - max(vma->vm_start, start)) >> PAGE_SHIFT;
		covered = vma->vm_end;
	}
	if (covered < end)
		err = -ENOMEM;
	else if (lock && !mlock_allowed(mm, newly))
		err = -ENOMEM;
	else
		err = mlock_fixup(mm, start, end, lock);
	mmap_write_unlock(mm);
	if (!err && lock && !onfault)
		populate_range(mm, start, len);
	return err;
}

int do_mlockall(struct mm_struct *mm, int flags)
{
	struct rb_node *node;
	int err = 0;

	if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) || flags == MCL_ONFAULT)
		return -EINVAL;
	mmap_write_lock(mm);
	if ((flags & MCL_CURRENT) && !mlock_allowed(mm, mm->total_vm - mm->locked_vm)) {
		err = -ENOMEM;
		goto out;
	}
	mm->def_flags &= ~VM_LOCKED;
	if (flags & MCL_FUTURE)
		mm->def_flags |= VM_LOCKED;
	if (flags & MCL_CURRENT) {
		for (node = rb_first(&mm->mm_rb); node; node = rb_next(node)) {
			struct vm_area_struct *vma = vma_of(node);

			if (!(vma->vm_flags & VM_LOCKED)) {
				vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
				vma->vm_flags |= VM_LOCKED;
				vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
			}
		}
	}
out:
	mmap_write_unlock(mm);
	return err;
}

int do_munlockall(struct mm_struct *mm)
{
	struct rb_node *node;

	mmap_write_lock(mm);
	mm->def_flags &= ~VM_LOCKED;
	for (node = rb_first(&mm->mm_rb); node; node = rb_next(node)) {
		struct vm_area_struct *vma = vma_of(node);

		if (vma->vm_flags & VM_LOCKED) {
			vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
			vma->vm_flags &= ~VM_LOCKED;
			vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
		}
	}
	mmap_write_unlock(mm);
	return 0;
}
