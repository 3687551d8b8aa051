/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_TLB_ASID_H
#define _ASM_TLB_ASID_H

#include <kernel/compiler.h>
#include <kernel/types.h>

/*
 * Which PCID an address space runs under on a CPU, and whether that PCID must be flushed
 * first: the decision only, in Linux's manner (arch/x86/mm/tlb.c's choose_new_asid), with no
 * hardware access, so that tests/host/test_tlb_asid.c can check it against a model without a
 * CPU that has PCID. arch/x86_64/mm/tlb.c applies it (CR3, INVPCID); docs/mm.md says why.
 *
 * Each CPU has TLB_NR_ASIDS slots, PCIDs 1..TLB_NR_ASIDS; PCID 0 is the kernel's own page
 * tables (init_pgd, no user half), which only flush_tlb_all needs to flush. A slot remembers
 * the address space it last held (by ctx_id, unique for the kernel's lifetime, so that a new
 * mm at a freed one's address is never taken for it) and that mm's tlb_gen when its entries
 * were last made current there: every entry under the PCID is at least that fresh. An mm's
 * tlb_gen goes up before every flush of its user mappings is sent; a CPU that has the mm
 * loaded gets the flush (and may record the new generation), one that does not gets nothing
 * and finds its slot behind when it switches back.
 */
#define TLB_NR_ASIDS 6
#define TLB_PCID_KERNEL 0

#define CR3_ADDR_MASK 0x000ffffffffff000ULL
#define CR3_PCID_MASK 0xfffULL
#define CR3_NOFLUSH (1ULL << 63)

struct tlb_context {
	u64 ctx_id; /* the mm whose entries the PCID may hold; 0: none yet */
	u64 tlb_gen; /* that mm's generation when they were last made current */
};

struct tlb_asids {
	struct tlb_context ctxs[TLB_NR_ASIDS];
	u16 loaded_pcid; /* under which CR3 runs now; TLB_PCID_KERNEL (0) at boot */
	u16 next_victim; /* round robin over the slots */
};

struct asid_choice {
	u16 pcid;
	bool flush; /* load CR3 without CR3_NOFLUSH: drop what the PCID held */
};

static inline u16 asid_slot_pcid(unsigned int slot)
{
	return (u16)(slot + 1);
}

/*
 * Switching to the mm ctx_id (0: no mm, the kernel's tables) whose tlb_gen has just been
 * read (after this CPU said it has the mm loaded, see __switch_mm). A slot that holds the mm
 * at that generation is reused without a flush; one that holds it older is flushed; else the
 * next slot round robin is taken over and flushed. Updates the slots as the CR3 load will
 * leave them.
 */
static inline struct asid_choice asid_switch(struct tlb_asids *s, u64 ctx_id, u64 tlb_gen)
{
	unsigned int slot;

	if (!ctx_id) {
		s->loaded_pcid = TLB_PCID_KERNEL;
		return (struct asid_choice){ TLB_PCID_KERNEL, false };
	}
	for (slot = 0; slot < TLB_NR_ASIDS; slot++) {
		struct tlb_context *c = &s->ctxs[slot];

		if (c->ctx_id != ctx_id)
			continue;
		s->loaded_pcid = asid_slot_pcid(slot);
		if (c->tlb_gen >= tlb_gen)
			return (struct asid_choice){ s->loaded_pcid, false };
		c->tlb_gen = tlb_gen;
		return (struct asid_choice){ s->loaded_pcid, true };
	}
	slot = s->next_victim;
	s->next_victim = (u16)((slot + 1) % TLB_NR_ASIDS);
	s->ctxs[slot].ctx_id = ctx_id;
	s->ctxs[slot].tlb_gen = tlb_gen;
	s->loaded_pcid = asid_slot_pcid(slot);
	return (struct asid_choice){ s->loaded_pcid, true };
}

enum tlb_flush_kind {
	TLB_FLUSH_NONE, /* a later full flush here already covered it */
	TLB_FLUSH_RANGE, /* every earlier flush was done here: the range alone is enough */
	TLB_FLUSH_FULL, /* an earlier one was missed (or arrives late): flush the whole PCID */
};

/*
 * A flush of the loaded mm that raised its tlb_gen to flush_gen arrives on this CPU (its
 * IPI, or the flushing CPU itself). Flush IPIs from two CPUs may arrive in either order, so
 * the range is enough only when the slot is exactly one generation behind.
 */
static inline enum tlb_flush_kind asid_flush_kind(const struct tlb_asids *s, u64 flush_gen)
{
	const struct tlb_context *c;

	if (s->loaded_pcid == TLB_PCID_KERNEL)
		return TLB_FLUSH_NONE;
	c = &s->ctxs[s->loaded_pcid - 1];
	if (c->tlb_gen >= flush_gen)
		return TLB_FLUSH_NONE;
	return c->tlb_gen + 1 == flush_gen ? TLB_FLUSH_RANGE : TLB_FLUSH_FULL;
}

/*
 * The loaded PCID is now current up to gen: flush_gen after a TLB_FLUSH_RANGE, or the mm's
 * tlb_gen read before a full flush of the PCID. Never moves backwards.
 */
static inline void asid_flushed(struct tlb_asids *s, u64 gen)
{
	struct tlb_context *c;

	if (s->loaded_pcid == TLB_PCID_KERNEL)
		return;
	c = &s->ctxs[s->loaded_pcid - 1];
	if (gen > c->tlb_gen)
		c->tlb_gen = gen;
}

/* The CR3 value for a root table at pgd_pa; with pcids off, the address alone. */
static inline u64 cr3_value(u64 pgd_pa, bool pcids, struct asid_choice c)
{
	if (!pcids)
		return pgd_pa & CR3_ADDR_MASK;
	return (pgd_pa & CR3_ADDR_MASK) | c.pcid | (c.flush ? 0 : CR3_NOFLUSH);
}

#endif /* _ASM_TLB_ASID_H */
