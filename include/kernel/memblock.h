/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_MEMBLOCK_H
#define _KERNEL_MEMBLOCK_H

#include <kernel/types.h>

/*
 * The boot-time memory allocator, used before the buddy allocator exists (for the struct
 * page array and the first page tables): it knows which physical ranges are RAM and which
 * of them are reserved, and hands out reserved ranges. Once mem_init() has given every
 * unreserved frame to the buddy allocator, memblock is closed and allocating from it is a bug.
 */
#define MEMBLOCK_MAX_REGIONS 128

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned int cnt;
	struct memblock_region regions[MEMBLOCK_MAX_REGIONS];
};

extern struct memblock_type memblock_memory, memblock_reserved;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
/* A zeroed, reserved block; 0 when nothing fits. The address is physical. */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
bool memblock_is_reserved(phys_addr_t addr);
phys_addr_t memblock_end_of_ram(void);
/* Allocations end below limit (only so much is mapped yet). */
void memblock_set_limit(phys_addr_t limit);
void memblock_close(void);

#endif /* _KERNEL_MEMBLOCK_H */
