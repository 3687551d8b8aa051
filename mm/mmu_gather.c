// SPDX-License-Identifier: GPL-2.0
/*
 * Batched TLB shootdowns (include/kernel/tlb.h): one flush, and at most one IPI per other
 * CPU, for a whole munmap, mprotect, fork or exit, with the unmapped pages freed after it.
 */
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>
#include <kernel/mm.h>
#include <kernel/smp.h>
#include <kernel/tlb.h>
#include <kernel/vmstat.h>

struct flush_args {
	struct mm_struct *mm;
	unsigned long start, end;
	u64 gen;
};

/*
 * User addresses only: the kernel's global entries stay, as they did not change. The arch
 * code flushes a range (invlpg) or, above a ceiling, the whole address space (with PCIDs:
 * only its tag).
 */
static void flush_range_ipi(void *info)
{
	struct flush_args *f = info;

	flush_tlb_local(f->mm, f->start, f->end, f->gen);
}

/*
 * The caller has changed the entries. mm's tlb_gen goes up first (a fully ordered atomic),
 * then the other CPUs' active_mm are read (see __switch_mm): a CPU that loads mm after the
 * read sees the new entries, and, with PCIDs, the new generation, so it flushes what its tag
 * still holds of mm; one that has mm loaded gets the IPI.
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct flush_args f = { mm, start & PAGE_MASK, PAGE_ALIGN(end), 0 };
	int cpu, self;

	if (f.start >= f.end)
		return;
	f.gen = __atomic_add_fetch(&mm->tlb_gen, 1, __ATOMIC_SEQ_CST);
	preempt_disable();
	self = smp_processor_id();
	if (this_cpu()->active_mm == mm)
		flush_tlb_local(mm, f.start, f.end, f.gen);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	for_each_online_cpu(cpu)
	{
		if (cpu == self || READ_ONCE(cpu_data[cpu].active_mm) != mm)
			continue;
		count_vm_event(NR_TLB_REMOTE_FLUSH);
		smp_call_function_single(cpu, flush_range_ipi, &f, true);
	}
	preempt_enable();
}

void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm)
{
	tlb->mm = mm;
	tlb->start = tlb->end = 0;
	tlb->local.next = NULL;
	tlb->local.nr = 0;
	tlb->local.max = MMU_GATHER_LOCAL;
	tlb->local.pages = tlb->__local_pages;
	tlb->active = &tlb->local;
}

void tlb_remove_tlb_entry(struct mmu_gather *tlb, unsigned long va)
{
	if (tlb->start == tlb->end) {
		tlb->start = va;
		tlb->end = va + PAGE_SIZE;
		return;
	}
	tlb->start = min(tlb->start, va);
	tlb->end = max(tlb->end, va + PAGE_SIZE);
}

static void free_batch_pages(struct mmu_gather *tlb)
{
	struct mmu_gather_batch *b;

	for (b = &tlb->local; b; b = b->next) {
		for (unsigned int i = 0; i < b->nr; i++)
			put_page(b->pages[i]);
		b->nr = 0;
	}
	tlb->active = &tlb->local;
}

void tlb_flush_mmu(struct mmu_gather *tlb)
{
	flush_tlb_mm_range(tlb->mm, tlb->start, tlb->end);
	tlb->start = tlb->end = 0;
	free_batch_pages(tlb);
}

/* A next batch to fill: one already chained from an earlier round, or a new page of them. */
static bool next_batch(struct mmu_gather *tlb)
{
	struct mmu_gather_batch *b = tlb->active;

	if (!b->next) {
		b->next = (void *)__get_free_page(GFP_ATOMIC | __GFP_NOWARN);
		if (!b->next)
			return false;
		b->next->next = NULL;
		b->next->nr = 0;
		b->next->max = (PAGE_SIZE - sizeof(*b)) / sizeof(b->pages[0]);
		b->next->pages = (struct page **)(b->next + 1);
	}
	tlb->active = b->next;
	return true;
}

void tlb_remove_page(struct mmu_gather *tlb, struct page *page)
{
	struct mmu_gather_batch *b = tlb->active;

	if (b->nr == b->max) {
		if (!next_batch(tlb))
			tlb_flush_mmu(tlb); /* no room to wait: flush now, then start over */
		b = tlb->active;
	}
	b->pages[b->nr++] = page;
}

void tlb_finish_mmu(struct mmu_gather *tlb)
{
	struct mmu_gather_batch *b, *next;

	tlb_flush_mmu(tlb);
	for (b = tlb->local.next; b; b = next) {
		next = b->next;
		free_page((unsigned long)b);
	}
	tlb->local.next = NULL;
}
