// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing up memory management, in the only order that works: learn the RAM from the boot
 * loader's map and fence off what is taken (memblock), build the real page tables, lay out
 * one struct page per frame, hand the free frames to the buddy allocator, and then start the
 * allocators built on it.
 */
#include <asm/bootinfo.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <kernel/memblock.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/vmalloc.h>

#define LOW_MEMORY_END 0x100000UL /* BIOS, real-mode vectors, the SMP trampoline later */

void pgtable_use_buddy(void);

static void memblock_from_boot_info(void)
{
	const struct boot_info *bi = &boot_info;

	for (u32 i = 0; i < bi->nr_mmap; i++)
		if (bi->mmap[i].type == BOOT_MEM_USABLE &&
		    memblock_add(bi->mmap[i].addr, bi->mmap[i].len))
			pr_warn("memblock: too many RAM ranges, %#llx+%#llx ignored\n",
				(unsigned long long)bi->mmap[i].addr,
				(unsigned long long)bi->mmap[i].len);
	if (!memblock_memory.cnt)
		panic("mm: the memory map lists no usable RAM");

	memblock_reserve(0, LOW_MEMORY_END);
	memblock_reserve((unsigned long)_boot_start, __pa(_end) - (unsigned long)_boot_start);
	memblock_reserve(bi->mbi_start, bi->mbi_end - bi->mbi_start);
	for (u32 i = 0; i < bi->nr_modules; i++)
		memblock_reserve(bi->modules[i].start, bi->modules[i].end - bi->modules[i].start);
}

static void alloc_mem_map(void)
{
	phys_addr_t pa;
	size_t size;

	max_pfn = memblock_end_of_ram() >> PAGE_SHIFT;
	size = max_pfn * sizeof(struct page);
	pa = memblock_phys_alloc(size, PAGE_SIZE);
	if (!pa)
		panic("mm: no memory for %lu struct pages", max_pfn);
	mem_map = __va(pa);
	/* Everything starts reserved; mem_init releases the free frames. */
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++)
		mem_map[pfn].flags = 1UL << PG_reserved;
}

void mm_init(void)
{
	memblock_from_boot_info();
	paging_init();
	alloc_mem_map();
	mem_init();
	pgtable_use_buddy();
	kmem_cache_init();
	vmalloc_init();
	mem_print_stats();
}
