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
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PMD_SHIFT 21
#define PMD_SIZE (_UL(1) << PMD_SHIFT)
#define PUD_SHIFT 30
#define PUD_SIZE (_UL(1) << PUD_SHIFT)
#define PGDIR_SHIFT 39
#define PGDIR_SIZE (_UL(1) << PGDIR_SHIFT)
#define PTRS_PER_TABLE 512

#define __START_KERNEL_map _UL(0xffffffff80000000)
#define __PAGE_OFFSET _UL(0xffff888000000000)
#define PAGE_OFFSET __PAGE_OFFSET
/* Room for 64 TiB of RAM in the direct map, as on Linux. */
#define DIRECT_MAP_SIZE (_UL(64) << 40)

/* vmalloc space: kernel stacks (with guard pages), vmalloc(), ioremap(). One PML4 slot. */
#define VMALLOC_START _UL(0xffffc90000000000)
#define VMALLOC_END (VMALLOC_START + PGDIR_SIZE)

/* User space: the lower half, less the top page (as on Linux). */
#define TASK_SIZE_MAX _UL(0x00007ffffffff000)
#define TASK_SIZE TASK_SIZE_MAX

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
