// SPDX-License-Identifier: GPL-2.0
/*
 * Walking and editing the four-level page tables. Levels are numbered as the walk goes
 * down: 4 (PML4, "pgd"), 3 (PDPT), 2 (PD), 1 (PT, whose entries map 4 KiB pages).
 *
 * Tables in the user half carry the U/S bit so the leaf alone decides access; tables in the
 * kernel half never do. The kernel half of every address space is a copy of init_pgd's
 * entries 256-511, all made at boot (paging_init), so a kernel mapping added later to an
 * existing lower table is seen by every address space without syncing.
 */
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>
#include <kernel/atomic.h>
#include <kernel/errno.h>
#include <kernel/memblock.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/string.h>

#define KERNEL_PGD_FIRST 256

pteval_t __supported_pte_mask = ~0ULL;
pgd_t *init_pgd;
static bool tables_from_buddy;
static atomic_long_t pgtable_pages; /* user-half tables: freed with their pgd */
static atomic_long_t kernel_pgtable_pages; /* kernel-half tables: made once, kept for good */

void pgtable_use_buddy(void);
void pgtable_use_buddy(void)
{
	tables_from_buddy = true;
}

unsigned long nr_pgtable_pages(void)
{
	return atomic_long_read(&pgtable_pages);
}

unsigned long nr_kernel_pgtable_pages(void)
{
	return atomic_long_read(&kernel_pgtable_pages);
}

static pteval_t *alloc_table(bool kernel)
{
	struct page *page;

	if (!tables_from_buddy) {
		phys_addr_t pa = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);

		return pa ? __va(pa) : NULL;
	}
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return NULL;
	__SetPagePgtable(page);
	atomic_long_inc(kernel ? &kernel_pgtable_pages : &pgtable_pages);
	return page_address(page);
}

static void free_table(pteval_t *table, bool kernel)
{
	struct page *page = virt_to_page(table);

	BUG_ON(!PagePgtable(page));
	__ClearPagePgtable(page);
	atomic_long_dec(kernel ? &kernel_pgtable_pages : &pgtable_pages);
	__free_page(page);
}

/*
 * Every user-half table of an address space is on a list headed in its pgd's struct page
 * (lru.next, singly linked through each table's lru.next), so that pgd_free frees them one
 * by one instead of scanning 512 entries of every table for the present ones: most of a
 * small process's tables are empty, and that scan was a fifth of fork+exit. Tables are added
 * by faults that may run on several CPUs at once (mmap_lock held only for reading), hence
 * the lock-free push; the list is only walked by pgd_free, when nothing uses the address
 * space any more.
 */
static void pgtable_list_push(pgd_t *pgd, pteval_t *table)
{
	struct list_head **head = &virt_to_page(pgd)->lru.next;
	struct list_head *node = &virt_to_page(table)->lru;
	struct list_head *first = __atomic_load_n(head, __ATOMIC_RELAXED);

	do {
		node->next = first;
	} while (!__atomic_compare_exchange_n(head, &first, node, true, __ATOMIC_RELEASE,
					      __ATOMIC_RELAXED));
}

/*
 * Installs next in the empty *entry, unless another CPU got there first: then next goes back
 * and the winner's table is used. No lock is needed: the kernel half is shared by every
 * address space and written by vmalloc and ioremap on any CPU at once, and a user half by
 * faults that hold mmap_lock only for reading. Tables are only ever freed with their whole
 * address space, so the table read back here stays valid.
 */
static pteval_t install_table(pgd_t *pgd, pteval_t *entry, pteval_t *next, pteval_t table_flags,
			      bool kernel)
{
	pteval_t old = 0, new = __pa(next) | table_flags;

	if (__atomic_compare_exchange_n(entry, &old, new, false, __ATOMIC_RELEASE,
					__ATOMIC_ACQUIRE)) {
		if (!kernel)
			pgtable_list_push(pgd, next);
		return new;
	}
	free_table(next, kernel);
	return old;
}

static unsigned int table_index(unsigned long va, int level)
{
	return (va >> (PAGE_SHIFT + 9 * (level - 1))) & (PTRS_PER_TABLE - 1);
}

/*
 * The entry for va at the given level (3, 2 or 1), making the tables above it if alloc.
 * NULL if a table is missing (and !alloc), memory ran out, or a large page is in the way.
 */
static pteval_t *walk_to_level(pgd_t *pgd, unsigned long va, int level, bool alloc)
{
	bool kernel = va >= TASK_SIZE_MAX;
	pteval_t table_flags = kernel ? _KERNPG_TABLE : _PAGE_TABLE;
	pteval_t *table = pgd;

	for (int l = 4; l > level; l--) {
		pteval_t *entry = &table[table_index(va, l)];
		pteval_t e = READ_ONCE(*entry);

		if (!(e & _PAGE_PRESENT)) {
			pteval_t *next;

			if (!alloc || !(next = alloc_table(kernel)))
				return NULL;
			e = install_table(pgd, entry, next, table_flags, kernel);
		} else if (e & _PAGE_PSE) {
			return NULL;
		}
		table = __va(e & PTE_PFN_MASK);
	}
	return &table[table_index(va, level)];
}

pte_t *lookup_address(pgd_t *pgd, unsigned long va, int *level)
{
	pteval_t *table = pgd;

	for (int l = 4; l >= 1; l--) {
		pteval_t *entry = &table[table_index(va, l)];

		if (!(*entry & _PAGE_PRESENT))
			return NULL;
		if (l == 1 || (l <= 3 && (*entry & _PAGE_PSE))) {
			*level = l;
			return (pte_t *)entry;
		}
		table = __va(*entry & PTE_PFN_MASK);
	}
	return NULL;
}

pte_t *pte_walk(pgd_t *pgd, unsigned long va, bool alloc)
{
	return (pte_t *)walk_to_level(pgd, va, 1, alloc);
}

int map_page(pgd_t *pgd, unsigned long va, phys_addr_t pa, pgprot_t prot)
{
	pte_t *pte = pte_walk(pgd, va, true);

	if (!pte)
		return -ENOMEM;
	if (pte_present(*pte))
		return -EEXIST;
	*pte = pfn_pte(pa, prot);
	return 0;
}

pte_t unmap_page(pgd_t *pgd, unsigned long va)
{
	pte_t *pte = pte_walk(pgd, va, false);
	pte_t old = { 0 };

	if (pte) {
		old = *pte;
		pte->pte = 0;
	}
	return old;
}

/* Maps [va, va + size) at level 3 or 2 with large pages: for the direct map only. */
int map_large(pgd_t *pgd, unsigned long va, phys_addr_t pa, int level, pgprot_t prot);
int map_large(pgd_t *pgd, unsigned long va, phys_addr_t pa, int level, pgprot_t prot)
{
	pteval_t *entry = walk_to_level(pgd, va, level, true);

	if (!entry)
		return -ENOMEM;
	if (*entry & _PAGE_PRESENT)
		return -EEXIST; /* a lower table is there already: the caller maps smaller */
	*entry = (pa & PTE_PFN_MASK) | pgprot_filter(prot) | _PAGE_PSE;
	return 0;
}

static int walk_level(pteval_t *table, int level, unsigned long start, unsigned long end,
		      int (*fn)(pte_t *pte, unsigned long va, void *arg), void *arg)
{
	unsigned long span = 1UL << (PAGE_SHIFT + 9 * (level - 1));
	unsigned long va = start;

	while (va < end) {
		pteval_t *entry = &table[table_index(va, level)];
		unsigned long next = (va & ~(span - 1)) + span;
		int err;

		if (next > end || next == 0)
			next = end;
		if (level == 1)
			err = fn((pte_t *)entry, va, arg);
		else if ((*entry & _PAGE_PRESENT) && !(*entry & _PAGE_PSE))
			err = walk_level(__va(*entry & PTE_PFN_MASK), level - 1, va, next, fn, arg);
		else
			err = 0;
		if (err)
			return err;
		va = next;
	}
	return 0;
}

int walk_pte_range(pgd_t *pgd, unsigned long start, unsigned long end,
		   int (*fn)(pte_t *pte, unsigned long va, void *arg), void *arg)
{
	return walk_level(pgd, 4, start, end, fn, arg);
}

pgprot_t vm_get_page_prot(unsigned long vm_flags)
{
	pgprot_t prot = _PAGE_PRESENT | _PAGE_USER;

	/* Accessed and dirty are left to the CPU and the fault handler: they mean something. */
	if (!(vm_flags & VM_ACCESS_FLAGS))
		return PAGE_NONE;
	if (vm_flags & VM_WRITE)
		prot |= _PAGE_RW;
	if (!(vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return pgprot_filter(prot);
}

pgd_t *pgd_alloc(void)
{
	pgd_t *pgd = alloc_table(false);

	if (!pgd)
		return NULL;
	virt_to_page(pgd)->lru.next = NULL; /* the list of its tables, empty */
	memcpy(pgd + KERNEL_PGD_FIRST, init_pgd + KERNEL_PGD_FIRST,
	       (PTRS_PER_TABLE - KERNEL_PGD_FIRST) * sizeof(pgd_t));
	return pgd;
}

void pgd_free(pgd_t *pgd)
{
	struct list_head *node = virt_to_page(pgd)->lru.next;

	while (node) {
		struct page *page = container_of(node, struct page, lru);

		node = node->next;
		free_table(page_address(page), false);
	}
	free_table(pgd, false);
}

/*
 * Every entry of every address space, global ones included: for kernel mappings (vmalloc,
 * ioremap), which every PCID may hold. INVPCID's all-context type does it in one; toggling
 * CR4.PGE also drops every PCID's entries; writing CR3 alone would keep the global entries
 * (and, with PCIDs, the other tags'; PCIDs are only used together with PGE).
 */
void flush_tlb_all(void)
{
	unsigned long cr4 = read_cr4();

	if (tlb_invpcid_on) {
		struct {
			u64 pcid, addr;
		} desc = { 0, 0 };

		__asm__ volatile("invpcid %0, %1" : : "m"(desc), "r"(2UL) : "memory");
		return;
	}
	if (cr4 & X86_CR4_PGE) {
		write_cr4(cr4 & ~X86_CR4_PGE);
		write_cr4(cr4);
	} else {
		write_cr3(read_cr3());
	}
}
