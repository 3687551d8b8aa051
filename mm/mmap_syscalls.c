// SPDX-License-Identifier: GPL-2.0
/* brk, mmap, munmap, mprotect: the caller's address space through mm/mmap.c. */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <uapi/mman.h>

struct file *fget(unsigned int fd);

long sys_brk(unsigned long brk)
{
	if (!current->mm)
		return -ENOMEM;
	return do_brk(current->mm, brk);
}

long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
	      unsigned long fd, unsigned long off)
{
	struct file *file = NULL;
	long ret;

	if (!current->mm)
		return -ENOMEM;
	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	ret = do_mmap_file(current->mm, file, addr, len, prot, flags, off);
	if (file)
		fput(file);
	return ret;
}

long sys_munmap(unsigned long addr, size_t len)
{
	if (!current->mm)
		return -EINVAL;
	return do_munmap(current->mm, addr, len);
}

long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	if (!current->mm)
		return -ENOMEM;
	return do_mprotect(current->mm, start, len, prot);
}

long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr)
{
	if (!current->mm)
		return -EINVAL;
	return do_mremap(current->mm, addr, old_len, new_len, flags, new_addr);
}

long sys_madvise(unsigned long start, size_t len, int advice)
{
	if (!current->mm)
		return -EINVAL;
	return do_madvise(current->mm, start, len, advice);
}

long sys_msync(unsigned long start, size_t len, int flags)
{
	if (!current->mm)
		return -ENOMEM;
	return do_msync(current->mm, start, len, flags);
}

long sys_mincore(unsigned long start, size_t len, unsigned char __user *vec)
{
	if (!current->mm)
		return -ENOMEM;
	return do_mincore(current->mm, start, len, vec);
}

long sys_mlock(unsigned long start, size_t len)
{
	if (!current->mm)
		return -ENOMEM;
	return do_mlock(current->mm, start, len, true, false);
}

#define MLOCK_ONFAULT 0x01

long sys_mlock2(unsigned long start, size_t len, int flags)
{
	if (flags & ~MLOCK_ONFAULT)
		return -EINVAL;
	if (!current->mm)
		return -ENOMEM;
	return do_mlock(current->mm, start, len, true, flags & MLOCK_ONFAULT);
}

long sys_munlock(unsigned long start, size_t len)
{
	if (!current->mm)
		return -ENOMEM;
	return do_mlock(current->mm, start, len, false, false);
}

long sys_mlockall(int flags)
{
	if (!current->mm)
		return -EINVAL;
	return do_mlockall(current->mm, flags);
}

long sys_munlockall(void)
{
	if (!current->mm)
		return -EINVAL;
	return do_munlockall(current->mm);
}
