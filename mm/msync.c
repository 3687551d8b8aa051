// SPDX-License-Identifier: GPL-2.0
/*
 * msync(2): a shared file mapping's dirty pages written back.
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

int do_msync(struct mm_struct *mm, unsigned long start, size_t len, int flags)
{
	unsigned long end;
	struct vm_area_struct *vma;
	int unmapped = 0, err = 0;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	mmap_read_lock(mm);
	vma = find_vma(mm, start);
	for (;;) {
		struct file *file;

		if (!vma) {
			err = -ENOMEM;
			break;
		}
		if (start < vma->vm_start) {
			if (end <= vma->vm_start) {
				err = -ENOMEM;
				break;
			}
			unmapped = -ENOMEM;
			start = vma->vm_start;
		}
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED)) {
			err = -EBUSY;
			break;
		}
		file = vma->vm_file;
		start = vma->vm_end;
		/*
		 * A shared mapping writes the file's own page-cache pages: MS_SYNC asks the
		 * file to write them back (the lock is dropped for that, as on Linux).
		 */
		if ((flags & MS_SYNC) && file && (vma->vm_flags & VM_SHARED)) {
			get_file(file);
			mmap_read_unlock(mm);
			err = vfs_fsync(file);
			fput(file);
			if (err || start >= end)
				return err ?: unmapped;
			mmap_read_lock(mm);
			vma = find_vma(mm, start);
			continue;
		}
		if (start >= end)
			break;
		vma = vma_next(vma);
	}
	mmap_read_unlock(mm);
	return err ?: unmapped;
}
