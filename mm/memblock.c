// SPDX-License-Identifier: GPL-2.0
/*
 * The boot-time allocator: two sorted lists of physical ranges, RAM and reserved, kept
 * merged. Allocation takes the highest free range that fits (top-down keeps the low memory,
 * which old devices need, free for longest).
 */
#include <asm/page.h>
#include <kernel/errno.h>
#include <kernel/memblock.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>

struct memblock_type memblock_memory, memblock_reserved;
static bool memblock_closed;
/* Allocations must end below this: before paging_init only the early 4 GiB are mapped. */
static phys_addr_t memblock_limit = EARLY_DIRECT_MAP_SIZE;

static void remove_region(struct memblock_type *type, unsigned int i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

/* Inserts [base, base + size), merging with whatever it touches or overlaps. */
static int add_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size;
	unsigned int i;

	if (!size || end < base)
		return -EINVAL;
	for (i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		if (r->base > end)
			break;
		if (r->base + r->size < base)
			continue;
		/* Touches or overlaps: absorb r and keep looking for more to merge. */
		base = min(base, r->base);
		end = max(end, r->base + r->size);
		remove_region(type, i);
		i--;
	}
	if (type->cnt == MEMBLOCK_MAX_REGIONS)
		return -ENOSPC;
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i].base = base;
	type->regions[i].size = end - base;
	type->cnt++;
	return 0;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return add_range(&memblock_memory, base, size);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return add_range(&memblock_reserved, base, size);
}

bool memblock_is_reserved(phys_addr_t addr)
{
	for (unsigned int i = 0; i < memblock_reserved.cnt; i++) {
		const struct memblock_region *r = &memblock_reserved.regions[i];

		if (addr >= r->base && addr < r->base + r->size)
			return true;
	}
	return false;
}

phys_addr_t memblock_end_of_ram(void)
{
	const struct memblock_region *last;

	if (!memblock_memory.cnt)
		return 0;
	last = &memblock_memory.regions[memblock_memory.cnt - 1];
	return last->base + last->size;
}

/* The highest aligned block of size bytes in [lo, hi) that misses every reservation. */
static phys_addr_t find_free_in(phys_addr_t lo, phys_addr_t hi, phys_addr_t size, phys_addr_t align)
{
	phys_addr_t cand;
	int i;

	if (hi < size)
		return 0;
	cand = ALIGN_DOWN(hi - size, align);
	for (i = memblock_reserved.cnt - 1; i >= 0 && cand >= lo; i--) {
		const struct memblock_region *r = &memblock_reserved.regions[i];

		if (r->base >= cand + size)
			continue;
		if (r->base + r->size <= cand)
			break; /* this and all lower reservations are below the candidate */
		if (r->base < size)
			return 0;
		cand = ALIGN_DOWN(r->base - size, align);
	}
	return cand >= lo && cand ? cand : 0;
}

phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	BUG_ON(memblock_closed);
	size = ALIGN(size, PAGE_SIZE);
	for (int i = memblock_memory.cnt - 1; i >= 0; i--) {
		const struct memblock_region *r = &memblock_memory.regions[i];
		phys_addr_t pa;

		if (r->base >= memblock_limit)
			continue;
		pa = find_free_in(r->base, min(r->base + r->size, memblock_limit), size, align);

		if (pa) {
			if (memblock_reserve(pa, size))
				return 0;
			memset(__va(pa), 0, size);
			return pa;
		}
	}
	return 0;
}

void memblock_set_limit(phys_addr_t limit)
{
	memblock_limit = limit;
}

void memblock_close(void)
{
	memblock_closed = true;
}
