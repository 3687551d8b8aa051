// SPDX-License-Identifier: GPL-2.0
/*
 * FPU state. With XSAVE, the kernel enables every state component it can save that user
 * code may use (x87, SSE, AVX, and AVX-512 where present) in XCR0 and sizes the save area
 * from CPUID leaf 0xd; without it, the 512-byte FXSAVE area holds x87 and SSE.
 *
 * Lazy switching (see asm/fpu.h): CR0.TS is set whenever the registers do not hold the
 * running task's state, so its first FPU instruction traps (#NM) and loads it. A task
 * switched out with live registers is saved (XSAVEOPT where the CPU has it: it skips the
 * components that are unchanged or in their initial state) and the registers are then reset
 * to the initial state, so that nothing of it stays behind while TS is set for a
 * speculative read to find (the "LazyFP" leak).
 */
#include <asm/cpufeature.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define FPU_PRELOAD_AFTER 5 /* turns in a row with an #NM, then preload (Linux's 5) */
#define XFEATURE_X87 (1ULL << 0)
#define XFEATURE_SSE (1ULL << 1)
#define XFEATURE_AVX (1ULL << 2)
#define XFEATURE_AVX512 (7ULL << 5)
#define XFEATURES_WANTED (XFEATURE_X87 | XFEATURE_SSE | XFEATURE_AVX | XFEATURE_AVX512)
#define FXSAVE_SIZE 512
#define XSAVE_HDR_SIZE 64
#define XSAVE_ALIGN 64
#define X87_FCW_DEFAULT 0x037f
#define MXCSR_DEFAULT 0x1f80
#define MXCSR_OFFSET 24
#define CPUID_D_1_EAX_XSAVEOPT (1u << 0)
#define X86_CR0_MP (1UL << 1)
#define X86_CR0_EM (1UL << 2)
#define X86_CR0_NE (1UL << 5)
#define X86_CR4_OSXMMEXCPT (1UL << 10)

enum fpu_method {
	FPU_FXSAVE,
	FPU_XSAVE,
	FPU_XSAVEOPT
};

static enum fpu_method method = FPU_FXSAVE;
static u64 xfeatures;
static unsigned int state_size = FXSAVE_SIZE + XSAVE_HDR_SIZE;
static void *init_state;

static void xsetbv(u32 reg, u64 v)
{
	__asm__ volatile("xsetbv" : : "c"(reg), "a"((u32)v), "d"((u32)(v >> 32)));
}

static __always_inline void stts(void)
{
	write_cr0(read_cr0() | X86_CR0_TS);
}

static __always_inline void clts(void)
{
	__asm__ volatile("clts" ::: "memory");
}

unsigned int fpu_state_size(void)
{
	return state_size;
}

const char *fpu_save_method(void)
{
	static const char *const names[] = { "fxsave", "xsave", "xsaveopt" };

	return names[method];
}

/* The registers into state. TS must be clear. */
static void fpu_save(void *state)
{
	u32 lo = (u32)xfeatures, hi = (u32)(xfeatures >> 32);

	switch (method) {
	case FPU_XSAVEOPT:
		__asm__ volatile("xsaveopt64 (%0)" : : "r"(state), "a"(lo), "d"(hi) : "memory");
		break;
	case FPU_XSAVE:
		__asm__ volatile("xsave64 (%0)" : : "r"(state), "a"(lo), "d"(hi) : "memory");
		break;
	default:
		__asm__ volatile("fxsave64 (%0)" : : "r"(state) : "memory");
	}
}

static void fpu_restore(const void *state)
{
	if (method != FPU_FXSAVE)
		__asm__ volatile("xrstor64 (%0)"
				 :
				 : "r"(state), "a"((u32)xfeatures), "d"((u32)(xfeatures >> 32))
				 : "memory");
	else
		__asm__ volatile("fxrstor64 (%0)" : : "r"(state) : "memory");
}

void fpu_init_this_cpu(void)
{
	unsigned long cr0 = read_cr0(), cr4 = read_cr4();

	cr0 &= ~(X86_CR0_EM | X86_CR0_TS);
	cr0 |= X86_CR0_MP | X86_CR0_NE;
	write_cr0(cr0);
	cr4 |= X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
	if (method != FPU_FXSAVE)
		cr4 |= X86_CR4_OSXSAVE;
	write_cr4(cr4);
	if (method != FPU_FXSAVE)
		xsetbv(0, xfeatures);
	__asm__ volatile("fninit");
	/* Nobody's state is loaded: the first FPU instruction of any task traps and loads it. */
	stts();
	x86_bases_init_this_cpu();
}

void fpu_init_bsp(void)
{
	u32 a, b, c, d;

	if (boot_cpu_has(X86_FEATURE_XSAVE)) {
		method = FPU_XSAVE;
		cpuid_count(0xd, 0, &a, &b, &c, &d);
		xfeatures = (((u64)d << 32) | a) & XFEATURES_WANTED;
		cpuid_count(0xd, 1, &a, &b, &c, &d);
		if (a & CPUID_D_1_EAX_XSAVEOPT)
			method = FPU_XSAVEOPT;
	}
	fpu_init_this_cpu();
	if (method != FPU_FXSAVE) {
		/* EBX of leaf 0xd: the area size for what XCR0 now enables. */
		cpuid_count(0xd, 0, &a, &b, &c, &d);
		state_size = b;
	}
	/*
	 * All zero but the control words: an XSAVE header with no component in use, so XRSTOR
	 * puts every register in its initial state; FXRSTOR loads the zeroes.
	 */
	init_state = kzalloc(state_size, GFP_KERNEL);
	if (!init_state)
		panic("fpu: no memory for the initial FPU state (%u bytes)", state_size);
	*(u16 *)init_state = X87_FCW_DEFAULT;
	*(u32 *)((u8 *)init_state + MXCSR_OFFSET) = MXCSR_DEFAULT;
	pr_info("fpu: %s, features %#llx, %u-byte state, switched lazily\n", fpu_save_method(),
		(unsigned long long)xfeatures, state_size);
}

void *fpu_state_alloc(void)
{
	/* kmalloc's sizes from 64 up are 64-byte aligned, as XSAVE needs. */
	void *s = kmalloc(state_size, GFP_KERNEL);

	if (!s)
		return NULL;
	if (WARN_ON((unsigned long)s & (XSAVE_ALIGN - 1))) {
		kfree(s);
		return NULL;
	}
	memcpy(s, init_state, state_size);
	return s;
}

void fpu_state_free(void *state)
{
	kfree(state);
}

void fpu_clone(struct task_struct *dst, struct task_struct *src)
{
	unsigned long flags;

	local_irq_save(flags);
	if (src == current && src->thread.fpu.live)
		fpu_save(src->thread.fpu.state);
	memcpy(dst->thread.fpu.state, src->thread.fpu.state, state_size);
	local_irq_restore(flags);
}

void fpu_switch(struct task_struct *prev, struct task_struct *next)
{
	struct fpu *pf = &prev->thread.fpu, *nf = &next->thread.fpu;
	bool dirty = pf->live;

	if (pf->live) {
		fpu_save(pf->state);
		pf->live = false;
		/* Preloaded, it cannot tell a turn without the FPU: lazy again every 256. */
		if (pf->preload && ++pf->fpu_counter == 0)
			pf->preload = false;
	}
	if (nf->preload) {
		clts(); /* TS is set unless prev's registers were live */
		fpu_restore(nf->state);
		nf->live = true;
	} else if (dirty) {
		fpu_restore(init_state);
		stts();
	}
}

bool fpu_handle_nm(struct pt_regs *regs)
{
	struct task_struct *p = current;
	struct fpu *f = &p->thread.fpu;

	if (!f->state)
		return false;
	clts();
	fpu_restore(f->state);
	f->live = true;
	/* Its turns are counted by nr_switches: the FPU in this one and in the last? */
	f->fpu_counter = p->nr_switches - f->nm_turn == 1 ? f->fpu_counter + 1 : 1;
	f->nm_turn = p->nr_switches;
	if (f->fpu_counter > FPU_PRELOAD_AFTER) {
		f->preload = true;
		f->fpu_counter = 0;
	}
	return true;
}

/* ---- signal frames (arch/x86_64/kernel/signal.c) ------------------------------------- */

bool fpu_uses_xsave(void)
{
	return method != FPU_FXSAVE;
}

u64 fpu_xfeatures(void)
{
	return method != FPU_FXSAVE ? xfeatures : XFEATURE_X87 | XFEATURE_SSE;
}

void fpu_sync_state(struct task_struct *p)
{
	unsigned long flags;

	local_irq_save(flags);
	if (p == current && p->thread.fpu.live) {
		fpu_save(p->thread.fpu.state);
		fpu_restore(init_state);
		p->thread.fpu.live = false;
		stts();
	}
	local_irq_restore(flags);
}

void fpu_reset_state(struct task_struct *p)
{
	fpu_sync_state(p);
	memcpy(p->thread.fpu.state, init_state, state_size);
}

/*
 * MXCSR bits the CPU accepts (FXSAVE's MXCSR_MASK, 0xffbf when it reports 0): any other
 * bit set makes FXRSTOR/XRSTOR fault, so a user-made state is masked with it first.
 */
u32 fpu_mxcsr_mask(void)
{
	static u32 mask;
	u8 area[512] __aligned(16);
	unsigned long flags;

	if (mask)
		return mask;
	memset(area, 0, sizeof(area));
	local_irq_save(flags);
	if (read_cr0() & X86_CR0_TS) {
		clts();
		__asm__ volatile("fxsave64 (%0)" : : "r"(area) : "memory");
		stts();
	} else {
		__asm__ volatile("fxsave64 (%0)" : : "r"(area) : "memory");
	}
	local_irq_restore(flags);
	mask = *(u32 *)(area + 28);
	if (!mask)
		mask = 0xffbf;
	return mask;
}
