/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <kernel/compiler.h>
#include <kernel/types.h>

#define X86_CR0_WP (1UL << 16)
#define X86_CR0_PG (1UL << 31)
#define X86_CR4_PAE (1UL << 5)
#define X86_CR4_PGE (1UL << 7)
#define X86_CR4_OSFXSR (1UL << 9)
#define X86_CR4_FSGSBASE (1UL << 16)
#define X86_CR4_OSXSAVE (1UL << 18)
#define X86_CR4_SMEP (1UL << 20)
#define X86_CR4_SMAP (1UL << 21)

#define X86_CR0_TS (1UL << 3)
#define X86_CR4_PCIDE (1UL << 17)

#define X86_EFLAGS_FIXED (1UL << 1) /* always set */
#define X86_EFLAGS_IF (1UL << 9)
#define X86_EFLAGS_AC (1UL << 18)

#define MSR_EFER 0xc0000080
#define EFER_NX (1UL << 11)
#define MSR_FS_BASE 0xc0000100
#define MSR_GS_BASE 0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102

struct fpu {
	void *state; /* XSAVE layout: 512-byte legacy area, 64-byte header, components */
	bool live; /* the registers hold this task's state (CR0.TS clear on its CPU) */
	/*
	 * Switched in with its registers loaded, not at its first FPU instruction's #NM: it used
	 * the FPU in each of its last FPU_PRELOAD_AFTER turns (fpu_counter counts them).
	 */
	bool preload;
	u8 fpu_counter;
	unsigned long nm_turn; /* the task's nr_switches at its last #NM */
};

/* What x86 keeps per task apart from the registers saved on its kernel stack. */
struct thread_struct {
	unsigned long sp; /* saved kernel stack pointer while switched out */
	unsigned long fsbase; /* FS base, and the user GS base, while switched out */
	unsigned long gsbase;
	bool has_bases; /* the bases are its own (set, or a user task): switch them */
	struct fpu fpu;
};

static __always_inline void cpu_relax(void)
{
	__asm__ volatile("pause" ::: "memory");
}

static __always_inline void halt(void)
{
	__asm__ volatile("hlt" ::: "memory");
}

static __always_inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static __always_inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static __always_inline void wrmsr(u32 msr, u64 v)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)) : "memory");
}

static __always_inline void cpuid_count(u32 leaf, u32 sub, u32 *a, u32 *b, u32 *c, u32 *d)
{
	__asm__ volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(sub));
}

static __always_inline void cpuid(u32 leaf, u32 *a, u32 *b, u32 *c, u32 *d)
{
	cpuid_count(leaf, 0, a, b, c, d);
}

#define DEFINE_CR_ACCESSORS(n)                                             \
	static __always_inline unsigned long read_cr##n(void)              \
	{                                                                  \
		unsigned long v;                                           \
		__asm__ volatile("mov %%cr" #n ", %0" : "=r"(v));          \
		return v;                                                  \
	}                                                                  \
	static __always_inline void write_cr##n(unsigned long v)           \
	{                                                                  \
		__asm__ volatile("mov %0, %%cr" #n : : "r"(v) : "memory"); \
	}
DEFINE_CR_ACCESSORS(0)
DEFINE_CR_ACCESSORS(2)
DEFINE_CR_ACCESSORS(3)
DEFINE_CR_ACCESSORS(4)
#undef DEFINE_CR_ACCESSORS

/* Stop this CPU for good: the end of panic() and of fatal boot errors. */
static inline __noreturn void halt_forever(void)
{
	for (;;)
		__asm__ volatile("cli; hlt" ::: "memory");
}

#endif /* _ASM_PROCESSOR_H */
