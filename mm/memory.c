// SPDX-License-Identifier: GPL-2.0
/*
 * The pages behind user mappings: faulting them in (demand-zero, copy-on-write), and the
 * range operations that munmap, mprotect and fork apply to the page tables. Callers hold
 * mm->mmap_lock.
 *
 * Reference counting: every user page-table entry that maps a frame holds one reference on
 * its struct page. A private page shared after fork is mapped read-only in both address
 * spaces; the first write copies it unless its count says the writer is the last user.
 */
#include <asm/pgtable.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/vmstat.h>

atomic_long_t vm_events[NR_VM_EVENT_ITEMS];

static void flush_one_ipi(void *va)
{
	flush_tlb_one(*(unsigned long *)va);
}

/*
 * Flushes va from every TLB that may hold it: this CPU's if mm is loaded here, and by IPI
 * each other CPU that has mm loaded (and only those). The caller has changed the entry;
 * the fence orders that before reading the other CPUs' active_mm (see __switch_mm).
 */
static void flush_user_page(struct mm_struct *mm, unsigned long va)
{
	int cpu, self;

	preempt_disable();
	self = smp_processor_id();
	if (this_cpu()->active_mm == mm)
		flush_tlb_one(va);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	for_each_online_cpu(cpu) if (cpu != self && READ_ONCE(cpu_data[cpu].active_mm) == mm)
		smp_call_function_single(cpu, flush_one_ipi, &va, true);
	preempt_enable();
}

static bool access_permitted(const struct vm_area_struct *vma, unsigned int flags)
{
	if (flags & FAULT_FLAG_WRITE)
		return vma->vm_flags & VM_WRITE;
	if (flags & FAULT_FLAG_INSTRUCTION)
		return vma->vm_flags & VM_EXEC;
	return vma->vm_flags & VM_ACCESS_FLAGS;
}

/* A page for a missing entry: from the backing object, or a fresh zeroed one. */
static int do_missing_page(struct vm_area_struct *vma, unsigned long va, pte_t *pte)
{
	struct page *page;

	if (vma->vm_ops && vma->vm_ops->fault) {
		unsigned long pgoff = vma->vm_pgoff + ((va - vma->vm_start) >> PAGE_SHIFT);

		if (vma->vm_ops->fault(vma, pgoff, &page))
			return VM_FAULT_SIGSEGV;
	} else {
		page = alloc_page(GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN);
		if (!page)
			return VM_FAULT_OOM;
		count_vm_event(PGFAULT_ZERO);
	}
	*pte = pfn_pte(page_to_phys(page), vm_get_page_prot(vma->vm_flags));
	return 0;
}

/* A write to a present read-only page of a writable private mapping. */
static int do_wp_page(struct vm_area_struct *vma, unsigned long va, pte_t *pte)
{
	struct page *old = phys_to_page(pte_phys(*pte)), *new;

	if (page_count(old) == 1) {
		/* Everyone else let go: no copy needed. */
		count_vm_event(PGFAULT_COW_REUSE);
		*pte = pfn_pte(pte_phys(*pte), vm_get_page_prot(vma->vm_flags));
		flush_user_page(vma->vm_mm, va);
		return 0;
	}
	new = alloc_page(GFP_KERNEL | __GFP_NOWARN);
	if (!new)
		return VM_FAULT_OOM;
	memcpy(page_address(new), page_address(old), PAGE_SIZE);
	*pte = pfn_pte(page_to_phys(new), vm_get_page_prot(vma->vm_flags));
	flush_user_page(vma->vm_mm, va);
	put_page(old);
	count_vm_event(PGFAULT_COW_COPY);
	return 0;
}

/* Grows a stack mapping down to cover addr, if nothing is in the way. */
static struct vm_area_struct *expand_stack(struct mm_struct *mm, struct vm_area_struct *vma,
					   unsigned long addr)
{
	struct rb_node *prev = rb_prev(&vma->vm_rb);
	unsigned long new_start = addr & PAGE_MASK;

	if (prev && rb_entry(prev, struct vm_area_struct, vm_rb)->vm_end > new_start - PAGE_SIZE)
		return NULL; /* keep a gap page between the stack and the mapping below */
	mm->total_vm += (vma->vm_start - new_start) >> PAGE_SHIFT;
	vma->vm_start = new_start;
	return vma;
}

static int __handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	unsigned long va = addr & PAGE_MASK;
	pte_t *pte;

	if (!vma)
		return VM_FAULT_SIGSEGV;
	if (vma->vm_start > addr) {
		if (!(vma->vm_flags & VM_GROWSDOWN) || !expand_stack(mm, vma, addr))
			return VM_FAULT_SIGSEGV;
	}
	if (!access_permitted(vma, flags))
		return VM_FAULT_SIGSEGV;

	pte = pte_walk(mm->pgd, va, true);
	if (!pte)
		return VM_FAULT_OOM;
	if (!pte_present(*pte))
		return do_missing_page(vma, va, pte);
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(*pte))
		return do_wp_page(vma, va, pte);
	/* Present and allowed: another path fixed it first, or the TLB was stale. */
	flush_user_page(mm, va);
	return 0;
}

int handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	int ret;

	count_vm_event(PGFAULT);
	spin_lock(&mm->mmap_lock);
	ret = __handle_mm_fault(mm, addr, flags);
	spin_unlock(&mm->mmap_lock);
	if (ret == VM_FAULT_SIGSEGV)
		count_vm_event(PGFAULT_SEGV);
	return ret;
}

static int zap_one(pte_t *pte, unsigned long va, void *arg)
{
	struct mm_struct *mm = arg;
	pte_t old = *pte;

	if (!pte_present(old))
		return 0;
	pte->pte = 0;
	flush_user_page(mm, va);
	put_page(phys_to_page(pte_phys(old)));
	return 0;
}

/* Unmaps every page of [start, end) and drops the references the entries held. */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end);
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	walk_pte_range(mm->pgd, start, end, zap_one, mm);
}

struct protect_args {
	struct mm_struct *mm;
	struct vm_area_struct *vma;
};

static int protect_one(pte_t *pte, unsigned long va, void *arg)
{
	struct protect_args *a = arg;
	pgprot_t prot = vm_get_page_prot(a->vma->vm_flags);
	struct page *page;

	if (!pte_present(*pte))
		return 0;
	if (prot == PAGE_NONE) {
		/* No access, but the frame stays owned for the way back. */
		pte->pte = pte_phys(*pte) | _PAGE_PROTNONE;
	} else {
		page = phys_to_page(pte_phys(*pte));
		/* A page still shared after fork stays read-only until its COW fault. */
		if (!(a->vma->vm_flags & VM_SHARED) && page_count(page) > 1)
			prot &= ~_PAGE_RW;
		*pte = pfn_pte(pte_phys(*pte), prot);
	}
	flush_user_page(a->mm, va);
	return 0;
}

void change_protection(struct vm_area_struct *vma);
void change_protection(struct vm_area_struct *vma)
{
	struct protect_args a = { vma->vm_mm, vma };

	walk_pte_range(vma->vm_mm->pgd, vma->vm_start, vma->vm_end, protect_one, &a);
}

struct copy_args {
	struct mm_struct *dst;
	struct vm_area_struct *vma;
};

static int copy_one(pte_t *src, unsigned long va, void *arg)
{
	struct copy_args *a = arg;
	bool cow = !(a->vma->vm_flags & VM_SHARED) && (a->vma->vm_flags & VM_WRITE);
	pte_t *dst;

	if (!pte_present(*src))
		return 0;
	dst = pte_walk(a->dst->pgd, va, true);
	if (!dst)
		return -ENOMEM;
	if (cow) {
		src->pte &= ~_PAGE_RW;
		flush_user_page(a->vma->vm_mm, va);
	}
	get_page(phys_to_page(pte_phys(*src)));
	*dst = *src;
	return 0;
}

/* fork: maps vma's present pages into dst too, private writable ones copy-on-write. */
int copy_page_range(struct mm_struct *dst, struct vm_area_struct *vma);
int copy_page_range(struct mm_struct *dst, struct vm_area_struct *vma)
{
	struct copy_args a = { dst, vma };

	return walk_pte_range(vma->vm_mm->pgd, vma->vm_start, vma->vm_end, copy_one, &a);
}
