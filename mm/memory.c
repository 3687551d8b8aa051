// SPDX-License-Identifier: GPL-2.0
/*
 * The pages behind user mappings: faulting them in (demand-zero, page-cache pages of file
 * mappings, copy-on-write), and the range operations that munmap, mprotect and fork apply to
 * the page tables.
 *
 * Reference counting: every user page-table entry that maps a frame holds one reference on
 * its struct page. A private page shared after fork, and a page-cache page in a private file
 * mapping, is mapped read-only; the first write copies it, unless it is anonymous and its
 * count says the writer is the last user. A page-cache page is never written through a
 * private mapping.
 *
 * Concurrency: faults hold mmap_lock shared, so two CPUs may fault on one entry at once; each
 * builds its new entry and installs it with cmpxchg against the value it started from, and
 * the loser drops its work (its CPU faults again if it still needs to). The CPU sets accessed
 * and dirty bits behind our back, so live entries are only changed atomically (pgtable.h).
 */
#include <asm/pgtable.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/mm.h>
#include <kernel/string.h>
#include <kernel/tlb.h>
#include <kernel/vmstat.h>

#include "internal.h"

atomic_long_t vm_events[NR_VM_EVENT_ITEMS];

static bool access_permitted(const struct vm_area_struct *vma, unsigned int flags)
{
	if (flags & FAULT_FLAG_WRITE)
		return vma->vm_flags & VM_WRITE;
	if (flags & FAULT_FLAG_INSTRUCTION)
		return vma->vm_flags & VM_EXEC;
	return vma->vm_flags & VM_ACCESS_FLAGS;
}

/* The entry a fault installs: accessed, and dirty when the fault is a write. */
static pte_t mk_fault_pte(struct page *page, pgprot_t prot, unsigned int flags)
{
	if (prot != PAGE_NONE) {
		prot |= _PAGE_ACCESSED;
		if ((flags & FAULT_FLAG_WRITE) && (prot & _PAGE_RW))
			prot |= _PAGE_DIRTY;
	}
	return pfn_pte(page_to_phys(page), prot);
}

/* Installs entry in the empty *pte; if another fault beat us to it, gives page back. */
static int install_new_pte(pte_t *pte, pte_t entry, struct page *page)
{
	if (!ptep_cmpxchg(pte, (pte_t){ 0 }, entry))
		put_page(page);
	return 0;
}

static struct page *copy_page_of(struct page *old)
{
	struct page *new = alloc_page(GFP_KERNEL | __GFP_NOWARN);

	if (new)
		memcpy(page_address(new), page_address(old), PAGE_SIZE);
	return new;
}

/*
 * A missing page of a file mapping. A shared mapping maps the page-cache page itself; a
 * private one maps it read-only, or on a write fault maps a private copy at once.
 */
static int do_file_page(struct vm_area_struct *vma, unsigned long va, pte_t *pte,
			unsigned int flags)
{
	unsigned long pgoff = vma->vm_pgoff + ((va - vma->vm_start) >> PAGE_SHIFT);
	pgprot_t prot = vm_get_page_prot(vma->vm_flags);
	struct page *page, *copy;
	int ret;

	ret = vma->vm_ops->fault(vma, pgoff, &page);
	if (ret)
		return ret;
	count_vm_event(PGFAULT_FILE);
	if (vma->vm_flags & VM_SHARED)
		return install_new_pte(pte, mk_fault_pte(page, prot, flags), page);
	if (!(flags & FAULT_FLAG_WRITE))
		return install_new_pte(pte, mk_fault_pte(page, prot & ~_PAGE_RW, flags), page);
	copy = copy_page_of(page);
	put_page(page);
	if (!copy)
		return VM_FAULT_OOM;
	count_vm_event(PGFAULT_COW_COPY);
	return install_new_pte(pte, mk_fault_pte(copy, prot, flags), copy);
}

/* A page for a missing entry: from the backing object, or a fresh zeroed one. */
static int do_missing_page(struct vm_area_struct *vma, unsigned long va, pte_t *pte,
			   unsigned int flags)
{
	struct page *page;

	if (vma->vm_ops && vma->vm_ops->fault)
		return do_file_page(vma, va, pte, flags);
	page = alloc_page(GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN);
	if (!page)
		return VM_FAULT_OOM;
	count_vm_event(PGFAULT_ZERO);
	return install_new_pte(pte, mk_fault_pte(page, vm_get_page_prot(vma->vm_flags), flags),
			       page);
}

/*
 * A write to a present read-only page of a writable mapping: a shared page that writeback
 * cleaned (write access back, now dirty), or a private page still shared with someone (copy
 * it, unless it is anonymous and nobody else holds it).
 */
static int do_wp_page(struct vm_area_struct *vma, unsigned long va, pte_t *pte, pte_t orig)
{
	struct page *old = phys_to_page(pte_phys(orig)), *new;
	pte_t entry;

	if (vma->vm_flags & VM_SHARED) {
		entry = (pte_t){ orig.pte | _PAGE_RW | _PAGE_DIRTY | _PAGE_ACCESSED };
		ptep_cmpxchg(pte, orig, entry);
		flush_tlb_one(va);
		return 0;
	}
	if (!old->mapping && page_count(old) == 1) {
		/* Everyone else let go: no copy needed. Giving access needs no remote flush. */
		entry = mk_fault_pte(old, vm_get_page_prot(vma->vm_flags), FAULT_FLAG_WRITE);
		if (ptep_cmpxchg(pte, orig, entry))
			count_vm_event(PGFAULT_COW_REUSE);
		flush_tlb_one(va);
		return 0;
	}
	new = copy_page_of(old);
	if (!new)
		return VM_FAULT_OOM;
	entry = mk_fault_pte(new, vm_get_page_prot(vma->vm_flags), FAULT_FLAG_WRITE);
	if (!ptep_cmpxchg(pte, orig, entry)) {
		put_page(new);
		return 0;
	}
	/* Other CPUs may still read the old page through the old entry: not after this. */
	flush_tlb_mm_range(vma->vm_mm, va, va + PAGE_SIZE);
	put_page(old);
	count_vm_event(PGFAULT_COW_COPY);
	return 0;
}

/*
 * Grows a stack mapping down to cover addr: no further than the stack limit below its top,
 * never below mmap_min_addr, and keeping the guard gap above the mapping below it. Called
 * with mmap_lock held for writing: it changes the VMA.
 */
static bool expand_stack(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	struct rb_node *prev = rb_prev(&vma->vm_rb);
	unsigned long new_start = addr & PAGE_MASK;

	mmap_assert_write_locked(mm);
	if (new_start < MMAP_MIN_ADDR || vma->vm_end - new_start > mm->stack_limit)
		return false;
	if (prev &&
	    rb_entry(prev, struct vm_area_struct, vm_rb)->vm_end + STACK_GUARD_GAP > new_start)
		return false;
	mm->total_vm += (vma->vm_start - new_start) >> PAGE_SHIFT;
	vma->vm_start = new_start;
	return true;
}

/* Called with mmap_lock held for reading; returns -EAGAIN when the stack must grow first. */
static int __handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long va = addr & PAGE_MASK;
	pte_t *pte, orig;

	mmap_assert_locked(mm);
	if (!vma)
		return VM_FAULT_SIGSEGV;
	if (vma->vm_start > addr)
		return vma->vm_flags & VM_GROWSDOWN ? -EAGAIN : VM_FAULT_SIGSEGV;
	if (!access_permitted(vma, flags))
		return VM_FAULT_SIGSEGV;

	pte = pte_walk(mm->pgd, va, true);
	if (!pte)
		return VM_FAULT_OOM;
	orig = ptep_get(pte);
	if (!pte_present(orig))
		return do_missing_page(vma, va, pte, flags);
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(orig))
		return do_wp_page(vma, va, pte, orig);
	/* Present and allowed: another CPU fixed it first, or this CPU's TLB was stale. */
	flush_tlb_one(va);
	return 0;
}

/* Grows the stack below addr under the exclusive lock; false if it may not grow there. */
static bool grow_stack_for(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	bool ok;

	mmap_write_lock(mm);
	vma = find_vma(mm, addr);
	ok = vma && (vma->vm_start <= addr ||
		     ((vma->vm_flags & VM_GROWSDOWN) && expand_stack(mm, vma, addr)));
	mmap_write_unlock(mm);
	return ok;
}

int handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	int ret;

	count_vm_event(PGFAULT);
	mmap_read_lock(mm);
	ret = __handle_mm_fault(mm, addr, flags);
	mmap_read_unlock(mm);
	if (ret == -EAGAIN) {
		ret = VM_FAULT_SIGSEGV;
		if (grow_stack_for(mm, addr)) {
			mmap_read_lock(mm);
			ret = __handle_mm_fault(mm, addr, flags);
			mmap_read_unlock(mm);
			if (ret == -EAGAIN) /* unmapped again meanwhile */
				ret = VM_FAULT_SIGSEGV;
		}
	}
	if (ret == VM_FAULT_SIGSEGV)
		count_vm_event(PGFAULT_SEGV);
	else if (!ret)
		current->min_flt++; /* no fault waits for I/O yet: none is major */
	return ret;
}

bool page_mkclean_one(struct vm_area_struct *vma, unsigned long addr)
{
	pte_t *pte;
	bool dirty;

	mmap_assert_locked(vma->vm_mm);
	if (!(vma->vm_flags & VM_SHARED))
		return false;
	pte = pte_walk(vma->vm_mm->pgd, addr & PAGE_MASK, false);
	if (!pte || !(ptep_get(pte).pte & _PAGE_PRESENT))
		return false;
	dirty = ptep_test_and_clean(pte);
	if (dirty)
		flush_tlb_mm_range(vma->vm_mm, addr & PAGE_MASK, (addr & PAGE_MASK) + PAGE_SIZE);
	return dirty;
}

/* ---- range operations, batched through an mmu_gather ------------------------------- */

struct zap_args {
	struct mmu_gather *tlb;
	struct vm_area_struct *vma;
};

static int zap_one(pte_t *pte, unsigned long va, void *arg)
{
	struct zap_args *a = arg;
	struct page *page;
	pte_t old;

	if (pte_none(ptep_get(pte)))
		return 0;
	old = ptep_get_and_clear(pte);
	if (!pte_present(old))
		return 0;
	page = phys_to_page(pte_phys(old));
	/* Written through a shared mapping: writeback must still find it after the unmap. */
	if (pte_dirty(old) && (a->vma->vm_flags & VM_SHARED) && page->mapping)
		set_page_dirty(page);
	tlb_remove_tlb_entry(a->tlb, va);
	tlb_remove_page(a->tlb, page);
	return 0;
}

/* Unmaps every page of [start, end) in vma; the references go after the gather's flush. */
void zap_page_range(struct mmu_gather *tlb, struct vm_area_struct *vma, unsigned long start,
		    unsigned long end)
{
	struct zap_args a = { tlb, vma };

	mmap_assert_write_locked(vma->vm_mm);
	walk_pte_range(vma->vm_mm->pgd, start, end, zap_one, &a);
}

struct protect_args {
	struct mmu_gather *tlb;
	struct vm_area_struct *vma;
	pgprot_t prot;
};

/* The entry orig becomes under the VMA's new protection, keeping its accessed/dirty bits. */
static pte_t protected_pte(const struct protect_args *a, pte_t orig)
{
	struct page *page = phys_to_page(pte_phys(orig));
	pteval_t keep = orig.pte & (_PAGE_ACCESSED | _PAGE_DIRTY);
	pgprot_t prot = a->prot;

	/* No access, but the frame stays owned for the way back. */
	if (prot == PAGE_NONE)
		return (pte_t){ pte_phys(orig) | _PAGE_PROTNONE | keep };
	/* A page still shared after fork, or the page cache's, stays read-only until COW. */
	if (!(a->vma->vm_flags & VM_SHARED) && (page_count(page) > 1 || page->mapping))
		prot &= ~_PAGE_RW;
	return (pte_t){ pfn_pte(pte_phys(orig), prot).pte | keep };
}

static int protect_one(pte_t *pte, unsigned long va, void *arg)
{
	struct protect_args *a = arg;
	pte_t orig;

	do {
		orig = ptep_get(pte);
		if (!pte_present(orig))
			return 0;
	} while (!ptep_cmpxchg(pte, orig, protected_pte(a, orig)));
	tlb_remove_tlb_entry(a->tlb, va);
	return 0;
}

void change_protection(struct mmu_gather *tlb, struct vm_area_struct *vma)
{
	struct protect_args a = { tlb, vma, vm_get_page_prot(vma->vm_flags) };

	mmap_assert_write_locked(vma->vm_mm);
	walk_pte_range(vma->vm_mm->pgd, vma->vm_start, vma->vm_end, protect_one, &a);
}

struct copy_args {
	struct mmu_gather *tlb;
	struct mm_struct *dst;
	struct vm_area_struct *vma;
};

static int copy_one(pte_t *src, unsigned long va, void *arg)
{
	struct copy_args *a = arg;
	bool cow = !(a->vma->vm_flags & VM_SHARED) && (a->vma->vm_flags & VM_WRITE);
	pte_t *dst, entry;

	if (!pte_present(ptep_get(src)))
		return 0;
	if (dup_mm_should_fail())
		return -ENOMEM;
	dst = pte_walk(a->dst->pgd, va, true);
	if (!dst)
		return -ENOMEM;
	if (cow && pte_write(ptep_get(src))) {
		/* The parent's stale writable translations go in the gather's one flush. */
		ptep_set_wrprotect(src);
		tlb_remove_tlb_entry(a->tlb, va);
	}
	entry = ptep_get(src);
	get_page(phys_to_page(pte_phys(entry)));
	/* The child is not loaded anywhere yet: nothing else can touch its entry. */
	*dst = entry;
	return 0;
}

int copy_page_range(struct mmu_gather *tlb, struct mm_struct *dst, struct vm_area_struct *vma)
{
	struct copy_args a = { tlb, dst, vma };

	mmap_assert_write_locked(vma->vm_mm);
	return walk_pte_range(vma->vm_mm->pgd, vma->vm_start, vma->vm_end, copy_one, &a);
}
