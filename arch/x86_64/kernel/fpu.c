// SPDX-License-Identifier: GPL-2.0
/*
 * FPU state. With XSAVE, the kernel enables every state component it can save that user
 * code may use (x87, SSE, AVX, and AVX-512 where present) in XCR0 and sizes the save area
 * from CPUID leaf 0xd; without it, the 512-byte FXSAVE area holds x87 and SSE.
 */
#include <asm/cpufeature.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define XFEATURE_X87 (1ULL << 0)
#define XFEATURE_SSE (1ULL << 1)
#define XFEATURE_AVX (1ULL << 2)
#define XFEATURE_AVX512 (7ULL << 5)
#define XFEATURES_WANTED (XFEATURE_X87 | XFEATURE_SSE | XFEATURE_AVX | XFEATURE_AVX512)
#define FXSAVE_SIZE 512
#define X87_FCW_DEFAULT 0x037f
#define MXCSR_DEFAULT 0x1f80
#define X86_CR0_MP (1UL << 1)
#define X86_CR0_EM (1UL << 2)
#define X86_CR0_TS (1UL << 3)
#define X86_CR0_NE (1UL << 5)
#define X86_CR4_OSXMMEXCPT (1UL << 10)

static bool use_xsave;
static u64 xfeatures;
static unsigned int state_size = FXSAVE_SIZE;
static void *init_state;

static void xsetbv(u32 reg, u64 v)
{
	__asm__ volatile("xsetbv" : : "c"(reg), "a"((u32)v), "d"((u32)(v >> 32)));
}

unsigned int fpu_state_size(void)
{
	return state_size;
}

void fpu_init_this_cpu(void)
{
	unsigned long cr0 = read_cr0(), cr4 = read_cr4();

	cr0 &= ~(X86_CR0_EM | X86_CR0_TS);
	cr0 |= X86_CR0_MP | X86_CR0_NE;
	write_cr0(cr0);
	cr4 |= X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
	if (use_xsave)
		cr4 |= X86_CR4_OSXSAVE;
	write_cr4(cr4);
	if (use_xsave)
		xsetbv(0, xfeatures);
	__asm__ volatile("fninit");
}

void fpu_init_bsp(void)
{
	u32 a, b, c, d;

	use_xsave = boot_cpu_has(X86_FEATURE_XSAVE);
	if (use_xsave) {
		cpuid_count(0xd, 0, &a, &b, &c, &d);
		xfeatures = (((u64)d << 32) | a) & XFEATURES_WANTED;
	}
	fpu_init_this_cpu();
	if (use_xsave) {
		/* EBX of leaf 0xd: the area size for what XCR0 now enables. */
		cpuid_count(0xd, 0, &a, &b, &c, &d);
		state_size = b;
	}
	init_state = kzalloc(state_size, GFP_KERNEL);
	if (!init_state)
		return;
	/* x87 control word and MXCSR at their FXSAVE-layout offsets, as after FNINIT. */
	*(u16 *)init_state = X87_FCW_DEFAULT;
	*(u32 *)((u8 *)init_state + 24) = MXCSR_DEFAULT;
	pr_info("fpu: %s, features %#llx, %u-byte state\n", use_xsave ? "XSAVE" : "FXSAVE",
		(unsigned long long)xfeatures, state_size);
}

void *fpu_state_alloc(void)
{
	/* kmalloc's power-of-two sizes are naturally aligned, as XSAVE (64) needs. */
	void *s = kmalloc(state_size < 64 ? 64 : state_size, GFP_KERNEL);

	if (s)
		memcpy(s, init_state, state_size);
	return s;
}

void fpu_state_free(void *state)
{
	kfree(state);
}

void fpu_save(void *state)
{
	if (use_xsave)
		__asm__ volatile("xsave64 (%0)"
				 :
				 : "r"(state), "a"((u32)xfeatures), "d"((u32)(xfeatures >> 32))
				 : "memory");
	else
		__asm__ volatile("fxsave64 (%0)" : : "r"(state) : "memory");
}

void fpu_restore(const void *state)
{
	if (use_xsave)
		__asm__ volatile("xrstor64 (%0)"
				 :
				 : "r"(state), "a"((u32)xfeatures), "d"((u32)(xfeatures >> 32))
				 : "memory");
	else
		__asm__ volatile("fxrstor64 (%0)" : : "r"(state) : "memory");
}
