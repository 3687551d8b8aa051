// SPDX-License-Identifier: GPL-2.0
/*
 * PCIDs (process-context identifiers), in Linux's manner simplified: CR3 carries a 12-bit tag,
 * the TLB keeps each tag's entries across CR3 loads, and a CR3 load with bit 63 set flushes
 * nothing. Each CPU keeps 6 tags for the mms it ran last (asm/tlb_asid.h decides which, and
 * when one must be flushed, from the mm's tlb_gen); tag 0 is the kernel's own tables. Where
 * the CPU has no PCID (QEMU under TCG, even -cpu max) or pcid=off / nopcid is given, none of
 * this runs and CR3 is loaded as before: the address alone, every load a full flush of the
 * non-global entries. See docs/mm.md, "PCID".
 */
#include <asm/cpufeature.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/tlb_asid.h>
#include <asm/tlbflush.h>
#include <kernel/mm.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/string.h>

/* Above this many pages one full flush is cheaper than one invlpg per page. */
#define TLB_FLUSH_CEILING 33

bool tlb_pcid_on;
bool tlb_invpcid_on;
static bool pcid_disabled; /* pcid=off or nopcid */

static int set_pcid(const char *val)
{
	if (!val || !strcmp(val, "on"))
		pcid_disabled = false;
	else if (!strcmp(val, "off"))
		pcid_disabled = true;
	else
		return -EINVAL;
	return 0;
}
early_param("pcid", set_pcid);

static int set_nopcid(const char *val)
{
	(void)val;
	pcid_disabled = true;
	return 0;
}
early_param("nopcid", set_nopcid);

/*
 * PCIDs need global pages too: flush_tlb_all drops every tag's entries by toggling CR4.PGE
 * where INVPCID is missing (every CPU with PCID has PGE). The boot CPU decides for all; the
 * others follow, so every CPU agrees on what CR3 holds.
 */
void pcid_init_this_cpu(void)
{
	bool boot = smp_processor_id() == 0;

	if (boot) {
		tlb_pcid_on = !pcid_disabled && boot_cpu_has(X86_FEATURE_PCID) &&
			      boot_cpu_has(X86_FEATURE_PGE);
		tlb_invpcid_on = tlb_pcid_on && boot_cpu_has(X86_FEATURE_INVPCID);
		pr_info("paging: PCID %s, INVPCID %s\n",
			tlb_pcid_on	? "on"
			: pcid_disabled ? "off (pcid=off or nopcid)"
					: "off (CPU lacks it)",
			tlb_invpcid_on ? "used" : "not used");
	}
	if (!tlb_pcid_on)
		return;
	/* Setting CR4.PCIDE with CR3[11:0] non-zero is a #GP: the kernel's tables, tag 0. */
	write_cr3(read_cr3() & CR3_ADDR_MASK);
	write_cr4(read_cr4() | X86_CR4_PCIDE);
}

void load_mm_cr3(struct mm_struct *mm)
{
	struct cpu_data *cd = this_cpu();
	pgd_t *pgd = mm ? mm->pgd : init_pgd;
	struct asid_choice c = { TLB_PCID_KERNEL, true };
	u64 cr3;

	if (tlb_pcid_on) {
		/* Read after active_mm was set: a flush after this read sends us an IPI. */
		u64 gen = mm ? __atomic_load_n(&mm->tlb_gen, __ATOMIC_ACQUIRE) : 0;

		c = asid_switch(&cd->tlb_asids, mm ? mm->ctx_id : 0, gen);
	}
	cr3 = cr3_value(__pa(pgd), tlb_pcid_on, c);
	cd->loaded_cr3 = cr3;
	write_cr3(cr3);
}

/* Drops every non-global entry of the PCID this CPU runs under (a CR3 load without bit 63). */
static void flush_loaded_pcid(struct cpu_data *cd)
{
	write_cr3(cd->loaded_cr3 & ~CR3_NOFLUSH);
}

static void flush_range_invlpg(unsigned long start, unsigned long end)
{
	/* INVLPG drops the address's entries for the current PCID (and global ones). */
	for (unsigned long va = start; va < end; va += PAGE_SIZE)
		flush_tlb_one(va);
}

void flush_tlb_local(struct mm_struct *mm, unsigned long start, unsigned long end, u64 gen)
{
	bool full = (end - start) >> PAGE_SHIFT > TLB_FLUSH_CEILING;
	struct cpu_data *cd;
	unsigned long flags;

	if (!tlb_pcid_on) {
		/* As before PCIDs: a CR3 load drops every non-global entry. */
		if (full)
			write_cr3(read_cr3());
		else
			flush_range_invlpg(start, end);
		return;
	}
	/* The slots are this CPU's and a flush IPI changes them too: interrupts off. */
	local_irq_save(flags);
	cd = this_cpu();
	if (cd->active_mm == mm) {
		enum tlb_flush_kind kind = asid_flush_kind(&cd->tlb_asids, gen);

		if (kind == TLB_FLUSH_RANGE && !full) {
			flush_range_invlpg(start, end);
			asid_flushed(&cd->tlb_asids, gen);
		} else if (kind != TLB_FLUSH_NONE) {
			/* Covers every flush raised before this read; later ones IPI us. */
			u64 now = __atomic_load_n(&mm->tlb_gen, __ATOMIC_ACQUIRE);

			flush_loaded_pcid(cd);
			asid_flushed(&cd->tlb_asids, now);
		}
	}
	local_irq_restore(flags);
}
