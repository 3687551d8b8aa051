// SPDX-License-Identifier: GPL-2.0
/*
 * The vmalloc area: a first-fit allocator of address ranges, kept in a list sorted by
 * address, each range one guard page plus the area. The page tables of the whole area hang
 * off one top-level entry made at boot, so mappings made here are seen by every address
 * space at once.
 *
 * Locking: vmap_lock (irq-safe) covers the list. Page allocation and mapping happen outside
 * it: an area's leaf entries are its own while its range is reserved, and a missing page table
 * above them, which two areas in one 2 MiB slot may both need at once, is installed with
 * cmpxchg (walk_to_level), so neither mapping is lost.
 *
 * Freeing is lazy: vfree unmaps at once, but the frames and the range wait on the purge list
 * for one all-CPU TLB flush that covers many areas. The flush runs when the list holds more
 * than LAZY_MAX_PAGES, or when an allocation fails for want of space or frames; so creating
 * and ending tasks (a kernel stack each) normally costs no IPI at all.
 */
#include <asm/pgtable.h>
#include <kernel/list.h>
#include <kernel/smp.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/vmalloc.h>
#include <kernel/vmstat.h>

struct vm_struct {
	struct list_head list;
	struct list_head purge;
	unsigned long addr; /* first mapped byte; the guard page is just below */
	unsigned long size; /* mapped bytes */
	struct page **pages; /* NULL for ioremap */
	unsigned int nr_pages;
	bool lazy; /* freed, waiting on purge_list */
};

static LIST_HEAD(vmap_areas);
static LIST_HEAD(purge_list); /* unmapped, but other CPUs' TLBs may still hold them */
static DEFINE_SPINLOCK(vmap_lock);
static unsigned long nr_areas; /* in use: not counting those waiting on purge_list */
static unsigned long nr_lazy_pages; /* mapped bytes on purge_list, in pages */

#define LAZY_MAX_PAGES ((8UL << 20) >> PAGE_SHIFT)
extern u8 *const boot_stack_guard;

/* Reserves guard + size bytes of address space; the area is not mapped yet. */
static struct vm_struct *get_vm_area(unsigned long size)
{
	unsigned long start = VMALLOC_START, flags;
	unsigned long need = size + PAGE_SIZE;
	struct vm_struct *area = kzalloc(sizeof(*area), GFP_KERNEL), *pos;

	if (!area)
		return NULL;
	spin_lock_irqsave(&vmap_lock, flags);
	list_for_each_entry(pos, &vmap_areas, list) {
		if (pos->addr - PAGE_SIZE - start >= need)
			break;
		start = pos->addr + pos->size;
	}
	if (VMALLOC_END - start < need) {
		spin_unlock_irqrestore(&vmap_lock, flags);
		kfree(area);
		return NULL;
	}
	area->addr = start + PAGE_SIZE;
	area->size = size;
	/* Before pos (or at the tail when the loop ran out): the list stays sorted. */
	list_add_tail(&area->list, &pos->list);
	nr_areas++;
	spin_unlock_irqrestore(&vmap_lock, flags);
	return area;
}

static struct vm_struct *find_area(unsigned long addr)
{
	struct vm_struct *pos;

	list_for_each_entry(pos, &vmap_areas, list)
		if (pos->addr == addr)
			return pos;
	return NULL;
}

static void unmap_area(struct vm_struct *area)
{
	for (unsigned long off = 0; off < area->size; off += PAGE_SIZE) {
		unmap_page(init_pgd, area->addr + off);
		flush_tlb_one(area->addr + off);
	}
}

static void release_area(struct vm_struct *area)
{
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	list_del(&area->list);
	if (!area->lazy)
		nr_areas--; /* never handed out: a failed vmalloc or ioremap */
	spin_unlock_irqrestore(&vmap_lock, flags);
	kfree(area->pages);
	kfree(area);
}

static void free_area_pages(struct vm_struct *area)
{
	for (unsigned int i = 0; i < area->nr_pages; i++)
		__free_page(area->pages[i]);
}

static void *__vmalloc(unsigned long size)
{
	struct vm_struct *area;

	area = get_vm_area(size);
	if (!area)
		return NULL;
	area->pages = kcalloc(size >> PAGE_SHIFT, sizeof(struct page *), GFP_KERNEL);
	if (!area->pages)
		goto out_release;
	for (; area->nr_pages < size >> PAGE_SHIFT; area->nr_pages++) {
		struct page *page = alloc_page(GFP_KERNEL);
		unsigned long va = area->addr + ((unsigned long)area->nr_pages << PAGE_SHIFT);

		if (!page)
			goto out_unmap;
		if (map_page(init_pgd, va, page_to_phys(page), PAGE_KERNEL)) {
			__free_page(page);
			goto out_unmap;
		}
		area->pages[area->nr_pages] = page;
	}
	return (void *)area->addr;

out_unmap:
	unmap_area(area);
	free_area_pages(area);
out_release:
	release_area(area);
	return NULL;
}

/* A racy look without vmap_lock: a wrong answer costs one purge, or one retry less. */
static bool purge_pending(void)
{
	return READ_ONCE(nr_lazy_pages) != 0;
}

void *vmalloc(unsigned long size)
{
	void *p;

	if (!size || size > VMALLOC_END - VMALLOC_START)
		return NULL;
	size = PAGE_ALIGN(size);
	p = __vmalloc(size);
	/* What lazily freed areas still hold may be just what is missing. */
	if (!p && purge_pending() && !irqs_disabled()) {
		vmalloc_purge();
		p = __vmalloc(size);
	}
	return p;
}

void *vzalloc(unsigned long size)
{
	void *p = vmalloc(size);

	if (p)
		memset(p, 0, PAGE_ALIGN(size));
	return p;
}

static struct vm_struct *take_area(const void *addr, void *caller)
{
	unsigned long flags;
	struct vm_struct *area;

	spin_lock_irqsave(&vmap_lock, flags);
	area = find_area((unsigned long)addr);
	spin_unlock_irqrestore(&vmap_lock, flags);
	if (!area)
		pr_err("BUG: vfree/iounmap of %p, which no vmalloc area starts at (from %pS)\n",
		       addr, caller);
	return area;
}

static void flush_all_ipi(void *unused)
{
	flush_tlb_all();
}

/*
 * Frees the areas waiting on the purge list. Another CPU may still have their old
 * translations cached, and would then read or write the freed frames through them, so
 * neither the frames nor the address range may be reused before every CPU has flushed its
 * TLB: one flush on all CPUs covers the whole batch. Needs interrupts on (it waits for the
 * other CPUs); callers that cannot wait leave the work to the next one that can.
 */
void vmalloc_purge(void)
{
	struct vm_struct *area, *next;
	unsigned long flags;
	LIST_HEAD(batch);

	if (irqs_disabled())
		return;
	spin_lock_irqsave(&vmap_lock, flags);
	list_splice_init(&purge_list, &batch);
	nr_lazy_pages = 0;
	spin_unlock_irqrestore(&vmap_lock, flags);
	if (list_empty(&batch))
		return;
	count_vm_event(VMALLOC_PURGE);
	on_each_cpu(flush_all_ipi, NULL, true);
	list_for_each_entry_safe(area, next, &batch, purge) {
		list_del(&area->purge);
		free_area_pages(area);
		release_area(area);
	}
}

/*
 * Unmaps now; frees frames and range after the next all-CPU flush (vmalloc_purge), which
 * waits until enough has piled up to be worth the IPIs.
 */
static void lazy_free_area(struct vm_struct *area)
{
	unsigned long flags;
	bool purge;

	unmap_area(area);
	spin_lock_irqsave(&vmap_lock, flags);
	list_add_tail(&area->purge, &purge_list);
	area->lazy = true;
	nr_areas--;
	nr_lazy_pages += area->size >> PAGE_SHIFT;
	purge = nr_lazy_pages > LAZY_MAX_PAGES;
	spin_unlock_irqrestore(&vmap_lock, flags);
	if (purge)
		vmalloc_purge();
}

void vfree(const void *addr)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = take_area(addr, __builtin_return_address(0));
	if (area)
		lazy_free_area(area);
}

void *alloc_kernel_stack(void)
{
	return vmalloc(THREAD_SIZE);
}

void free_kernel_stack(void *stack)
{
	vfree(stack);
}

/*
 * Maps [pa, pa + size) into a fresh vmalloc area with prot. Refuses sizes the area could
 * never hold, so that rounding up to pages cannot wrap around, and ranges that wrap or go past
 * the 52 bits a page-table entry can address (which map_page would silently truncate).
 */
static void *map_phys_range(phys_addr_t pa, unsigned long size, pgprot_t prot)
{
	unsigned long offset = pa & ~PAGE_MASK;
	struct vm_struct *area;

	if (!size || size > VMALLOC_END - VMALLOC_START || pa + size - 1 < pa ||
	    pa + size - 1 > (PTE_PFN_MASK | ~PAGE_MASK))
		return NULL;
	size = PAGE_ALIGN(size + offset);
	pa -= offset;
	area = get_vm_area(size);
	if (!area && purge_pending() && !irqs_disabled()) {
		vmalloc_purge();
		area = get_vm_area(size);
	}
	if (!area)
		return NULL;
	for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
		if (map_page(init_pgd, area->addr + off, pa + off, prot)) {
			area->size = off; /* unmap only what was mapped */
			unmap_area(area);
			release_area(area);
			return NULL;
		}
	}
	return (void *)(area->addr + offset);
}

static void unmap_phys_range(void *addr, void *caller)
{
	struct vm_struct *area = take_area((void *)((unsigned long)addr & PAGE_MASK), caller);

	if (area)
		lazy_free_area(area); /* no pages: nr_pages is 0 */
}

void *ioremap(phys_addr_t pa, unsigned long size)
{
	return map_phys_range(pa, size, PAGE_KERNEL_NOCACHE);
}

void iounmap(void *addr)
{
	unmap_phys_range(addr, __builtin_return_address(0));
}

void *memremap(phys_addr_t pa, unsigned long size)
{
	return map_phys_range(pa, size, PAGE_KERNEL);
}

void memunmap(void *addr)
{
	unmap_phys_range(addr, __builtin_return_address(0));
}

bool is_guard_page(unsigned long addr)
{
	struct vm_struct *pos;

	if (addr - (unsigned long)boot_stack_guard < PAGE_SIZE)
		return true;
	if (addr < VMALLOC_START || addr >= VMALLOC_END)
		return false;
	/* No lock: this runs in the double-fault handler, which must not wait for anything. */
	list_for_each_entry(pos, &vmap_areas, list)
		if (addr >= pos->addr - PAGE_SIZE && addr < pos->addr)
			return true;
	return false;
}

unsigned long vmalloc_nr_areas(void)
{
	return READ_ONCE(nr_areas);
}

void vmalloc_init(void)
{
	pr_info("vmalloc: %#lx-%#lx, kernel stacks of %u KiB with guard pages\n", VMALLOC_START,
		VMALLOC_END, THREAD_SIZE / 1024);
}
