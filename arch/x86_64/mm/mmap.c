// SPDX-License-Identifier: GPL-2.0
/*
 * The layout of a new program's address space, randomised as Linux's x86-64 does it (see
 * docs/process.md): the stack top moves down by up to 16 GiB (22 bits of pages), the mmap
 * base (where mmap, the vDSO and an interpreter go, top-down) by up to 1 TiB (28 bits of
 * pages) below a gap kept for the stack, a PIE's load address by the same 28 bits above
 * ELF_ET_DYN_BASE, and the heap start by up to 32 MiB past the program's end.
 *
 * "norandmaps" on the command line turns all of it off for everybody, personality's
 * ADDR_NO_RANDOMIZE for one process and its children; the layout is then Linux's
 * unrandomised one, so that benchmarks and debugging see the same addresses every run.
 */
#include <kernel/binfmts.h>
#include <kernel/mm.h>
#include <kernel/params.h>
#include <kernel/random.h>

#define MMAP_RND_BITS 28
#define STACK_RND_MASK 0x3fffffUL
#define SIZE_128M (128UL << 20)

/* Linux's randomize_va_space: 2 (everything, the heap too), 0 with "norandmaps". */
static int randomize_va_space = 2;

static int set_norandmaps(const char *val)
{
	randomize_va_space = 0;
	return 0;
}
kernel_param("norandmaps", set_norandmaps);

bool randomize_va_space_enabled(void)
{
	return READ_ONCE(randomize_va_space) != 0;
}

static unsigned long get_random_long(void)
{
	return get_random_u64();
}

unsigned long arch_mmap_rnd(void)
{
	return (get_random_long() & ((1UL << MMAP_RND_BITS) - 1)) << PAGE_SHIFT;
}

static unsigned long stack_maxrandom_size(bool randomize)
{
	return randomize ? STACK_RND_MASK << PAGE_SHIFT : 0;
}

/* The mmap base leaves room above it for the stack at its limit and its random offset. */
static unsigned long mmap_base(unsigned long rnd, unsigned long task_size,
			       unsigned long stack_rlimit, bool randomize)
{
	unsigned long gap = stack_rlimit;
	unsigned long pad = stack_maxrandom_size(randomize) + STACK_GUARD_GAP;
	unsigned long gap_min = SIZE_128M, gap_max = task_size / 6 * 5;

	if (gap + pad > gap)
		gap += pad;
	if (gap < gap_min)
		gap = gap_min;
	else if (gap > gap_max)
		gap = gap_max;
	return PAGE_ALIGN(task_size - gap - rnd);
}

void arch_pick_mmap_layout(struct mm_struct *mm, bool randomize, unsigned long stack_rlimit)
{
	unsigned long rnd = randomize ? arch_mmap_rnd() : 0;

	mm->mmap_base = mmap_base(rnd, TASK_SIZE, stack_rlimit, randomize);
}

unsigned long randomize_stack_top(unsigned long stack_top)
{
	unsigned long rnd = (get_random_long() & STACK_RND_MASK) << PAGE_SHIFT;

	return PAGE_ALIGN(stack_top) - rnd;
}

/* Where the start-up stack's tables begin below the strings: up to 8 KiB lower, 16-aligned. */
unsigned long arch_align_stack(unsigned long sp, bool randomize)
{
	if (randomize)
		sp -= get_random_u32() % 8192;
	return sp & ~0xfUL;
}

/* A page in [brk, brk + 32 MiB), as Linux's randomize_page(mm->brk, 0x02000000). */
unsigned long arch_randomize_brk(unsigned long brk)
{
	unsigned long range = 0x02000000UL;

	if (brk & ~PAGE_MASK) {
		range -= PAGE_ALIGN(brk) - brk;
		brk = PAGE_ALIGN(brk);
	}
	if (brk > TASK_SIZE - range)
		return brk;
	range >>= PAGE_SHIFT;
	return brk + ((get_random_long() % range) << PAGE_SHIFT);
}
