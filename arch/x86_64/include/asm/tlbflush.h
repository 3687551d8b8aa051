/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_TLBFLUSH_H
#define _ASM_TLBFLUSH_H

#include <kernel/compiler.h>
#include <kernel/types.h>

struct mm_struct;

/*
 * TLB tags (PCID) and flushes that know about them: arch/x86_64/mm/tlb.c, the decision in
 * asm/tlb_asid.h, the design in docs/mm.md ("PCID").
 */

/* PCIDs in use (CR4.PCIDE on every CPU): the CPU has them, and no pcid=off / nopcid. */
extern bool tlb_pcid_on;
/* INVPCID present (used by flush_tlb_all only while PCIDs are on). */
extern bool tlb_invpcid_on;

/* Each CPU at bring-up, with CR3 holding init_pgd (CR3[11:0] must be 0): sets CR4.PCIDE. */
void pcid_init_this_cpu(void);

/*
 * Loads mm's page tables (NULL: the kernel's) on this CPU, under its PCID, flushing that
 * PCID only if its entries are older than mm's last flush. Called with interrupts off,
 * after this CPU's active_mm says mm (see __switch_mm).
 */
void load_mm_cr3(struct mm_struct *mm);

/*
 * This CPU's part of a flush of [start, end) in mm, whose tlb_gen the flush raised to gen:
 * on the CPU that changed the entries, and in the flush IPI of the others. Does nothing
 * when mm is no longer loaded here (with PCIDs: the generation check catches it at the
 * next switch to mm; without: the CR3 load flushed it). Called with preemption off.
 */
void flush_tlb_local(struct mm_struct *mm, unsigned long start, unsigned long end, u64 gen);

#endif /* _ASM_TLBFLUSH_H */
