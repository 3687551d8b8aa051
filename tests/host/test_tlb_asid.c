// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for arch/x86_64/include/asm/tlb_asid.h, the PCID decision: which PCID an mm
 * runs under and when it must be flushed. QEMU under TCG has no PCID, so the kernel's PCID
 * path never runs in `make test`; this checks the decision against a model of the TLB
 * instead: two CPUs switch among more mms than there are PCIDs, flush them (with the IPIs
 * delivered late and out of order), and free and reallocate them, while the model tracks
 * what each PCID's entries may still hold. The invariants: a CPU never runs an mm under a
 * PCID whose entries predate the mm's last flush, never runs an mm under a PCID that held
 * another mm without flushing it, and once its flush IPIs are in, a CPU running an mm is
 * current with it.
 */
#include "ktest_host.h"

#include "host_rename.h"

#include <asm/tlb_asid.h>

/* ---- scenarios, step by step ----------------------------------------------------------- */

KTEST(first_use_flushes_and_reuse_does_not)
{
	struct tlb_asids s = { 0 };
	struct asid_choice c = asid_switch(&s, 7, 3);

	EXPECT_EQ(c.pcid, 1);
	EXPECT_TRUE(c.flush);
	c = asid_switch(&s, 0, 0);
	EXPECT_EQ(c.pcid, TLB_PCID_KERNEL);
	EXPECT_FALSE(c.flush);
	c = asid_switch(&s, 7, 3);
	EXPECT_EQ(c.pcid, 1);
	EXPECT_FALSE(c.flush);
}

/* The case PCID exists for, and the one it gets wrong if the generation is not checked. */
KTEST(flush_while_not_loaded_flushes_on_return)
{
	struct tlb_asids s = { 0 };
	struct asid_choice c;

	asid_switch(&s, 1, 0); /* mm A */
	asid_switch(&s, 2, 0); /* mm B; A keeps its PCID */
	/* A's entries change on some CPU, tlb_gen 0 -> 1, no IPI here: A is not loaded. */
	c = asid_switch(&s, 1, 1);
	EXPECT_EQ(c.pcid, 1);
	EXPECT_TRUE(c.flush);
	c = asid_switch(&s, 2, 0);
	EXPECT_EQ(c.pcid, 2);
	EXPECT_FALSE(c.flush);
}

KTEST(eviction_round_robin)
{
	struct tlb_asids s = { 0 };
	struct asid_choice c;

	for (u64 mm = 1; mm <= TLB_NR_ASIDS; mm++) {
		c = asid_switch(&s, mm, 0);
		EXPECT_EQ(c.pcid, mm);
		EXPECT_TRUE(c.flush);
	}
	/* A seventh mm takes slot 0 (PCID 1) from mm 1, which must flush when it comes back. */
	c = asid_switch(&s, 100, 0);
	EXPECT_EQ(c.pcid, 1);
	EXPECT_TRUE(c.flush);
	c = asid_switch(&s, 1, 0);
	EXPECT_EQ(c.pcid, 2);
	EXPECT_TRUE(c.flush);
	c = asid_switch(&s, 100, 0);
	EXPECT_EQ(c.pcid, 1);
	EXPECT_FALSE(c.flush);
}

KTEST(flush_kinds)
{
	struct tlb_asids s = { 0 };

	EXPECT_EQ(asid_flush_kind(&s, 5), TLB_FLUSH_NONE); /* kernel tables: no user entries */
	asid_switch(&s, 9, 4);
	EXPECT_EQ(asid_flush_kind(&s, 4), TLB_FLUSH_NONE);
	EXPECT_EQ(asid_flush_kind(&s, 5), TLB_FLUSH_RANGE);
	EXPECT_EQ(asid_flush_kind(&s, 6), TLB_FLUSH_FULL); /* 5's IPI not in yet */
	asid_flushed(&s, 7);
	EXPECT_EQ(asid_flush_kind(&s, 5), TLB_FLUSH_NONE); /* late, and covered */
	asid_flushed(&s, 3); /* never backwards */
	EXPECT_EQ(asid_flush_kind(&s, 7), TLB_FLUSH_NONE);
	EXPECT_EQ(asid_flush_kind(&s, 8), TLB_FLUSH_RANGE);
}

KTEST(cr3_values)
{
	struct asid_choice flush = { 3, true }, keep = { 3, false }, kernel = { 0, false };

	EXPECT_EQ(cr3_value(0x1234000, false, keep), 0x1234000ULL);
	EXPECT_EQ(cr3_value(0x1234000, false, flush), 0x1234000ULL);
	EXPECT_EQ(cr3_value(0x1234000, true, flush), 0x1234003ULL);
	EXPECT_EQ(cr3_value(0x1234000, true, keep), 0x1234003ULL | CR3_NOFLUSH);
	EXPECT_EQ(cr3_value(0x1234000, true, kernel), 0x1234000ULL | CR3_NOFLUSH);
}

/* ---- the model --------------------------------------------------------------------------- */

#define NR_CPUS_MODEL 2
#define NR_MMS 11 /* almost twice the slots: evictions all the time */
#define MAX_PENDING 64
#define STEPS 400000

struct model_mm {
	u64 ctx_id;
	u64 tlb_gen;
};

/* What a PCID's TLB entries may hold, whatever the slots say. */
struct model_pcid {
	u64 owner; /* whose entries: 0 unknown (garbage at reset), else a ctx_id */
	u64 fresh; /* every entry is consistent with the owner's flushes up to this gen */
};

struct model_ipi {
	u64 ctx_id, gen;
};

struct model_cpu {
	struct tlb_asids s;
	int active; /* index into mms, -1: the kernel's tables */
	struct model_pcid pcid[TLB_NR_ASIDS + 1];
	struct model_ipi pending[MAX_PENDING];
	int nr_pending;
};

struct model {
	struct model_mm mm[NR_MMS];
	struct model_cpu cpu[NR_CPUS_MODEL];
	u64 next_ctx_id;
	u64 rng;
	unsigned long switches, reuses, full_flushes, range_flushes, late_ipis, reallocs;
	bool failed;
};

static u64 rnd(struct model *m)
{
	m->rng ^= m->rng << 13;
	m->rng ^= m->rng >> 7;
	m->rng ^= m->rng << 17;
	return m->rng;
}

static void model_fail(struct ktest *test, struct model *m, unsigned long step, const char *what)
{
	if (m->failed)
		return;
	m->failed = true;
	test->failed = true;
	printf("    # step %lu: %s\n", step, what);
}

/* A CPU switches to mm i (-1: the kernel's tables), as __switch_mm does. */
static void do_switch(struct ktest *test, struct model *m, unsigned long step, int c, int i)
{
	struct model_cpu *cpu = &m->cpu[c];
	u64 ctx = i < 0 ? 0 : m->mm[i].ctx_id;
	u64 gen = i < 0 ? 0 : m->mm[i].tlb_gen; /* read after active is set */
	struct asid_choice ch;
	struct model_pcid *p;

	cpu->active = i;
	ch = asid_switch(&cpu->s, ctx, gen);
	m->switches++;
	if (ch.pcid > TLB_NR_ASIDS || ch.pcid != cpu->s.loaded_pcid) {
		model_fail(test, m, step, "PCID out of range or not the loaded one");
		return;
	}
	if (i < 0) {
		if (ch.pcid != TLB_PCID_KERNEL)
			model_fail(test, m, step, "kernel tables not under PCID 0");
		return;
	}
	if (ch.pcid == TLB_PCID_KERNEL) {
		model_fail(test, m, step, "an mm under the kernel's PCID 0");
		return;
	}
	p = &cpu->pcid[ch.pcid];
	if (ch.flush) {
		p->owner = ctx;
		p->fresh = gen;
		return;
	}
	m->reuses++;
	if (p->owner != ctx)
		model_fail(test, m, step, "PCID reused for another mm without a flush");
	else if (p->fresh < gen)
		model_fail(test, m, step,
			   "mm run under a PCID whose entries predate its last flush");
}

/* The flush of the loaded mm, on the CPU itself or in its IPI handler (flush_tlb_local). */
static void do_flush_here(struct model *m, int c, u64 ctx, u64 gen)
{
	struct model_cpu *cpu = &m->cpu[c];
	struct model_pcid *p = &cpu->pcid[cpu->s.loaded_pcid];

	if (cpu->active < 0 || m->mm[cpu->active].ctx_id != ctx)
		return; /* switched away meanwhile: the generation check will catch it */
	switch (asid_flush_kind(&cpu->s, gen)) {
	case TLB_FLUSH_NONE:
		break;
	case TLB_FLUSH_RANGE:
		/* The range: fixes this flush's entries, not those of one missed before it. */
		if (p->owner == ctx && p->fresh + 1 == gen)
			p->fresh = gen;
		asid_flushed(&cpu->s, gen);
		m->range_flushes++;
		break;
	case TLB_FLUSH_FULL: {
		u64 now = m->mm[cpu->active].tlb_gen;

		p->owner = ctx;
		p->fresh = now;
		asid_flushed(&cpu->s, now);
		m->full_flushes++;
		break;
	}
	}
}

/* CPU c changes mm i's entries and flushes them: flush_tlb_mm_range. */
static void do_flush(struct model *m, int c, int i)
{
	u64 gen = ++m->mm[i].tlb_gen;

	for (int o = 0; o < NR_CPUS_MODEL; o++) {
		struct model_cpu *cpu = &m->cpu[o];

		if (cpu->active != i)
			continue;
		if (o == c) {
			do_flush_here(m, o, m->mm[i].ctx_id, gen);
		} else if (cpu->nr_pending < MAX_PENDING) {
			cpu->pending[cpu->nr_pending++] =
				(struct model_ipi){ m->mm[i].ctx_id, gen };
		} else {
			/* The queue is full: deliver the oldest first (the sender would wait). */
			do_flush_here(m, o, cpu->pending[0].ctx_id, cpu->pending[0].gen);
			for (int k = 1; k < MAX_PENDING; k++)
				cpu->pending[k - 1] = cpu->pending[k];
			cpu->pending[MAX_PENDING - 1] = (struct model_ipi){ m->mm[i].ctx_id, gen };
		}
	}
}

/* One pending IPI, any of them: out of order, and perhaps after a switch. */
static void deliver_one(struct model *m, int c)
{
	struct model_cpu *cpu = &m->cpu[c];
	int k;
	struct model_ipi ipi;

	if (!cpu->nr_pending)
		return;
	k = (int)(rnd(m) % (u64)cpu->nr_pending);
	ipi = cpu->pending[k];
	cpu->pending[k] = cpu->pending[--cpu->nr_pending];
	if (cpu->active < 0 || m->mm[cpu->active].ctx_id != ipi.ctx_id)
		m->late_ipis++;
	do_flush_here(m, c, ipi.ctx_id, ipi.gen);
}

/* The slots never claim more than the PCIDs hold, and a CPU whose IPIs are in is current. */
static void check_state(struct ktest *test, struct model *m, unsigned long step)
{
	for (int c = 0; c < NR_CPUS_MODEL; c++) {
		struct model_cpu *cpu = &m->cpu[c];

		for (int slot = 0; slot < TLB_NR_ASIDS; slot++) {
			const struct tlb_context *x = &cpu->s.ctxs[slot];
			const struct model_pcid *p = &cpu->pcid[asid_slot_pcid(slot)];

			if (!x->ctx_id)
				continue;
			if (p->owner != x->ctx_id)
				model_fail(test, m, step,
					   "a slot names an mm its PCID does not hold");
			else if (x->tlb_gen > p->fresh)
				model_fail(test, m, step,
					   "a slot claims entries fresher than they are");
		}
		if (cpu->active >= 0 && !cpu->nr_pending) {
			const struct model_pcid *p = &cpu->pcid[cpu->s.loaded_pcid];

			if (p->owner != m->mm[cpu->active].ctx_id ||
			    p->fresh < m->mm[cpu->active].tlb_gen)
				model_fail(test, m, step, "running an mm with a flush not applied");
		}
	}
}

static void run_model(struct ktest *test, u64 seed)
{
	static struct model m;

	m = (struct model){ 0 };
	m.rng = seed;
	m.next_ctx_id = 1;
	for (int i = 0; i < NR_MMS; i++)
		m.mm[i].ctx_id = m.next_ctx_id++;
	for (int c = 0; c < NR_CPUS_MODEL; c++)
		m.cpu[c].active = -1;

	for (unsigned long step = 0; step < STEPS && !m.failed; step++) {
		u64 r = rnd(&m);
		int c = (int)(r % NR_CPUS_MODEL);
		int i = (int)((r >> 8) % NR_MMS);

		switch ((r >> 16) % 16) {
		case 0 ... 5:
			do_switch(test, &m, step, c, (r >> 24) % 8 ? i : -1);
			break;
		case 6 ... 9:
			do_flush(&m, c, i);
			break;
		case 10 ... 14:
			deliver_one(&m, c);
			break;
		case 15:
			/*
			 * mm i exits and a new one takes its place (perhaps at the same address):
			 * only when no CPU has it loaded or an IPI for it outstanding, as exit_mmap
			 * runs on an mm loaded nowhere and flush_tlb_mm_range waits for its IPIs.
			 */
			{
				bool busy = false;

				for (int o = 0; o < NR_CPUS_MODEL; o++) {
					busy |= m.cpu[o].active == i;
					for (int k = 0; k < m.cpu[o].nr_pending; k++)
						busy |= m.cpu[o].pending[k].ctx_id ==
							m.mm[i].ctx_id;
				}
				if (busy)
					break;
				m.mm[i].ctx_id = m.next_ctx_id++;
				m.mm[i].tlb_gen = 0;
				m.reallocs++;
			}
			break;
		}
		check_state(test, &m, step);
	}
	printf("    # seed %llu: %lu switches, %lu without a flush, %lu range and %lu full "
	       "flushes, %lu late IPIs, %lu mms replaced\n",
	       (unsigned long long)seed, m.switches, m.reuses, m.range_flushes, m.full_flushes,
	       m.late_ipis, m.reallocs);
	/* The model must have exercised what it claims to. */
	EXPECT_GT(m.reuses, 1000ul);
	EXPECT_GT(m.range_flushes, 1000ul);
	EXPECT_GT(m.full_flushes, 100ul);
	EXPECT_GT(m.late_ipis, 100ul);
	EXPECT_GT(m.reallocs, 100ul);
}

KTEST(two_cpus_many_mms_model)
{
	run_model(test, 0x9e3779b97f4a7c15ULL);
	run_model(test, 12345);
	run_model(test, 0xdeadbeefcafeULL);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(first_use_flushes_and_reuse_does_not),
	KTEST_CASE(flush_while_not_loaded_flushes_on_return),
	KTEST_CASE(eviction_round_robin),
	KTEST_CASE(flush_kinds),
	KTEST_CASE(cr3_values),
	KTEST_CASE(two_cpus_many_mms_model),
};
KTEST_SUITE(tlb_asid, cases);
