/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

/*
 * The virtual memory layout (see docs/boot.md and docs/mm.md). The names are Linux's:
 * __START_KERNEL_map is where the kernel image is linked, PAGE_OFFSET the base of the direct
 * map of all physical memory.
 */
#include <kernel/const.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (_UL(1) << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#define __START_KERNEL_map _UL(0xffffffff80000000)
#define __PAGE_OFFSET _UL(0xffff888000000000)
#define PAGE_OFFSET __PAGE_OFFSET

/* The early page tables map this much physical memory at PAGE_OFFSET and at 0. */
#define EARLY_DIRECT_MAP_SIZE (_UL(4) << 30)

#ifndef __ASSEMBLY__
#include <kernel/types.h>

static inline void *__va(phys_addr_t pa)
{
	return (void *)(pa + PAGE_OFFSET);
}

/* Works for direct-map and kernel-image addresses alike. */
static inline phys_addr_t __pa(const void *va)
{
	unsigned long v = (unsigned long)va;

	if (v >= __START_KERNEL_map)
		return v - __START_KERNEL_map;
	return v - PAGE_OFFSET;
}
#endif

#endif /* _ASM_PAGE_H */
