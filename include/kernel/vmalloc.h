/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_VMALLOC_H
#define _KERNEL_VMALLOC_H

#include <kernel/types.h>

/*
 * Virtually contiguous kernel memory in [VMALLOC_START, VMALLOC_END): page-backed areas
 * (vmalloc, kernel stacks) and device memory (ioremap). Every area has an unmapped guard
 * page right below it, so running off the bottom of a stack, or off the start of a buffer,
 * faults at once. May fail (NULL); never sleeps today. Safe to call on any CPU at once.
 */
#define THREAD_SIZE (16 * 1024) /* kernel stacks */

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *addr);

/* A kernel stack of THREAD_SIZE: returns its lowest address (the stack top is + THREAD_SIZE). */
void *alloc_kernel_stack(void);
void free_kernel_stack(void *stack);

/* Uncached mapping of device memory (registers, framebuffers). */
void *ioremap(phys_addr_t pa, unsigned long size);
void iounmap(void *addr);

/*
 * Write-back cached mapping of memory that is not device registers but may lie outside the
 * direct map (which covers usable RAM and the first MiB only): firmware tables in "reserved"
 * or "ACPI data" ranges. Always a new vmalloc area, even for RAM the direct map covers, so
 * memunmap never has to guess. Returns NULL for a zero or absurd size or out of memory.
 */
void *memremap(phys_addr_t pa, unsigned long size);
void memunmap(void *addr);

/* Is addr inside the guard page of a vmalloc area (or below the boot stack)? */
bool is_guard_page(unsigned long addr);
unsigned long vmalloc_nr_areas(void);
/*
 * Frees what vfree left for the next all-CPU TLB flush; needs interrupts on. vfree calls it
 * only once more than 8 MiB waits, and vmalloc when it runs out of space or frames.
 */
void vmalloc_purge(void);

void vmalloc_init(void);

#endif /* _KERNEL_VMALLOC_H */
