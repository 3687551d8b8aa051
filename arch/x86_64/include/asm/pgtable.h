/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <asm/page.h>
#include <kernel/compiler.h>
#include <kernel/types.h>

/*
 * Four-level x86-64 page tables, as one interface for the generic mm code: walk to a leaf
 * entry, map, unmap and change protection of 4 KiB pages, and flush the TLB. Intermediate
 * tables are allocated on demand (from memblock during boot, from the buddy allocator after).
 * Large pages appear only in the direct map, which nothing but paging_init touches.
 */
typedef u64 pteval_t;
typedef pteval_t pgprot_t;
typedef struct {
	pteval_t pte;
} pte_t;
typedef pteval_t pgd_t; /* the root table: 512 of these */

#define _PAGE_PRESENT (1ULL << 0)
#define _PAGE_RW (1ULL << 1)
#define _PAGE_USER (1ULL << 2)
#define _PAGE_PWT (1ULL << 3)
#define _PAGE_PCD (1ULL << 4)
#define _PAGE_ACCESSED (1ULL << 5)
#define _PAGE_DIRTY (1ULL << 6)
#define _PAGE_PSE (1ULL << 7)
#define _PAGE_GLOBAL (1ULL << 8)
/*
 * Software bit (the CPU ignores bits 9-11): a PROT_NONE page. The entry is not present for
 * the hardware, so every access faults, but it still owns its frame, so mprotect can give
 * access back without losing the data.
 */
#define _PAGE_PROTNONE (1ULL << 9)
#define _PAGE_NX (1ULL << 63)
#define PTE_PFN_MASK 0x000ffffffffff000ULL

#define _KERNPG_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _PAGE_TABLE (_KERNPG_TABLE | _PAGE_USER)

/* Filtered through __supported_pte_mask: no NX or G bits on CPUs without them. */
#define PAGE_KERNEL \
	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_GLOBAL | _PAGE_NX)
#define PAGE_KERNEL_RO (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL | _PAGE_NX)
#define PAGE_KERNEL_RX (_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define PAGE_KERNEL_NOCACHE (PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)
#define PAGE_NONE 0ULL

extern pteval_t __supported_pte_mask;
/* The kernel's own page tables: every address space shares their upper half. */
extern pgd_t *init_pgd;

static inline pgprot_t pgprot_filter(pgprot_t prot)
{
	return prot & __supported_pte_mask;
}

/* Maps a frame, accessible or not (PROT_NONE). */
static inline bool pte_present(pte_t pte)
{
	return pte.pte & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

static inline bool pte_write(pte_t pte)
{
	return pte.pte & _PAGE_RW;
}

static inline bool pte_none(pte_t pte)
{
	return !pte.pte;
}

static inline phys_addr_t pte_phys(pte_t pte)
{
	return pte.pte & PTE_PFN_MASK;
}

static inline bool pte_dirty(pte_t pte)
{
	return pte.pte & _PAGE_DIRTY;
}

static inline bool pte_young(pte_t pte)
{
	return pte.pte & _PAGE_ACCESSED;
}

static inline pte_t pfn_pte(phys_addr_t pa, pgprot_t prot)
{
	return (pte_t){ (pa & PTE_PFN_MASK) | pgprot_filter(prot) };
}

/*
 * A live user entry can change under us: the CPU sets its accessed and dirty bits (a locked
 * update, from any CPU that has the address space loaded), and a fault on another CPU may fill
 * an empty one. So it is read once, and changed only atomically: a plain read-modify-write
 * would lose a dirty bit set in between, and with it a write that writeback must see.
 */
static inline pte_t ptep_get(pte_t *ptep)
{
	return (pte_t){ READ_ONCE(ptep->pte) };
}

/* Sets *ptep to new if it still holds old; false (and nothing done) if it changed. */
static inline bool ptep_cmpxchg(pte_t *ptep, pte_t old, pte_t new)
{
	return __atomic_compare_exchange_n(&ptep->pte, &old.pte, new.pte, false, __ATOMIC_SEQ_CST,
					   __ATOMIC_RELAXED);
}

/* Clears the entry and returns what it held last, dirty bit included. */
static inline pte_t ptep_get_and_clear(pte_t *ptep)
{
	return (pte_t){ __atomic_exchange_n(&ptep->pte, 0, __ATOMIC_SEQ_CST) };
}

/* Takes write access away, keeping whatever the CPU set meanwhile. */
static inline void ptep_set_wrprotect(pte_t *ptep)
{
	__atomic_fetch_and(&ptep->pte, ~_PAGE_RW, __ATOMIC_SEQ_CST);
}

static inline bool ptep_test_and_clear_young(pte_t *ptep)
{
	return __atomic_fetch_and(&ptep->pte, ~_PAGE_ACCESSED, __ATOMIC_SEQ_CST) & _PAGE_ACCESSED;
}

/*
 * Cleans and write-protects in one step, so that the next write faults and the page is seen
 * dirty again: returns whether it was dirty.
 */
static inline bool ptep_test_and_clean(pte_t *ptep)
{
	return __atomic_fetch_and(&ptep->pte, ~(_PAGE_DIRTY | _PAGE_RW), __ATOMIC_SEQ_CST) &
	       _PAGE_DIRTY;
}

/*
 * The leaf entry for va, or NULL if a table on the way is missing (or va lies in a large
 * page). With alloc, missing tables are made; NULL then means out of memory.
 */
pte_t *pte_walk(pgd_t *pgd, unsigned long va, bool alloc);
/*
 * The entry that maps va, whatever its size: *level is 3 for a 1 GiB page, 2 for 2 MiB,
 * 1 for 4 KiB. NULL if va is not mapped.
 */
pte_t *lookup_address(pgd_t *pgd, unsigned long va, int *level);
/* Maps one 4 KiB page: 0, -ENOMEM, or -EEXIST if va is already mapped. */
int map_page(pgd_t *pgd, unsigned long va, phys_addr_t pa, pgprot_t prot);
/* Unmaps one page; returns the old entry (not present if nothing was there). */
pte_t unmap_page(pgd_t *pgd, unsigned long va);
/*
 * Calls fn(pte, va, arg) for each leaf slot in [start, end) whose page table exists, present
 * or not, skipping absent tables whole (so huge sparse ranges cost little). Stops at the
 * first non-zero return and passes it on.
 */
int walk_pte_range(pgd_t *pgd, unsigned long start, unsigned long end,
		   int (*fn)(pte_t *pte, unsigned long va, void *arg), void *arg);
/* The leaf protection for a user mapping with these VM_ flags (PAGE_NONE for no access). */
pgprot_t vm_get_page_prot(unsigned long vm_flags);

/* A new root table with the kernel half of init_pgd; NULL when out of memory. */
pgd_t *pgd_alloc(void);
/* Frees a root table and every table of its user half (not the pages they map). */
void pgd_free(pgd_t *pgd);
/* Page-table pages: of user halves (freed with their pgd), and of the kernel half (kept). */
unsigned long nr_pgtable_pages(void);
unsigned long nr_kernel_pgtable_pages(void);

static inline void flush_tlb_one(unsigned long va)
{
	__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

void flush_tlb_all(void);
static inline void load_cr3(pgd_t *pgd)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(__pa(pgd)) : "memory");
}

void paging_init(void);

#endif /* _ASM_PGTABLE_H */
