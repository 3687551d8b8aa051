// SPDX-License-Identifier: GPL-2.0
/*
 * Address spaces, driven the way system calls will drive them: mappings made with do_mmap
 * and friends, and memory touched only through copy_to_user/copy_from_user while the test's
 * address space is loaded, so every access goes through the page-fault handler.
 */
#include <asm/extable.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/uaccess.h>
#include <kernel/fs.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/timer.h>
#include <kernel/vmalloc.h>
#include <kernel/vmstat.h>
#include <kernel/wait.h>
#include <uapi/fcntl.h>
#include <uapi/mman.h>

#include "fs_util.h"

#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static struct mm_struct *test_mm;

static int mm_suite_init(struct ktest *t)
{
	test_mm = mm_alloc();
	if (!test_mm)
		return -ENOMEM;
	switch_mm(test_mm);
	return 0;
}

static void mm_suite_exit(struct ktest *t)
{
	switch_mm(NULL);
	mmput(test_mm);
	test_mm = NULL;
}

static long map(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags)
{
	return do_mmap(test_mm, addr, len, prot, flags);
}

/* Writes one byte at addr through the uaccess path: 0 or -EFAULT. */
static int poke(unsigned long addr, u8 v)
{
	return put_user(v, (u8 __user *)addr);
}

static int peek(unsigned long addr, u8 *v)
{
	return get_user(*v, (const u8 __user *)addr);
}

/* The start of the mapping at or above addr, 0 if none. */
static unsigned long vma_start_of(unsigned long addr)
{
	struct vm_area_struct *vma;
	unsigned long start;

	mmap_read_lock(test_mm);
	vma = find_vma(test_mm, addr);
	start = vma ? vma->vm_start : 0;
	mmap_read_unlock(test_mm);
	return start;
}

static void test_demand_zero(struct ktest *t)
{
	unsigned long zero_before = vm_event(PGFAULT_ZERO);
	static u8 buf[4 * PAGE_SIZE];
	long addr = map(0, sizeof(buf), RW, ANON);
	bool all_zero = true;

	KTEST_ASSERT_GT(t, addr, 0);
	memset(buf, 0xff, sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)addr, sizeof(buf)), 0);
	for (unsigned long i = 0; i < sizeof(buf); i++)
		all_zero &= buf[i] == 0;
	KTEST_EXPECT_TRUE(t, all_zero);
	KTEST_EXPECT_EQ(t, vm_event(PGFAULT_ZERO), zero_before + 4);
	/* Touching them again faults nothing in. */
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)addr, sizeof(buf)), 0);
	KTEST_EXPECT_EQ(t, vm_event(PGFAULT_ZERO), zero_before + 4);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, sizeof(buf)), 0);
}

static void test_write_read_back(struct ktest *t)
{
	char out[64] = "the quick brown fox", in[64] = { 0 };
	long addr = map(0, PAGE_SIZE * 2, RW, ANON);

	KTEST_ASSERT_GT(t, addr, 0);
	/* Straddle the page boundary. */
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(addr + PAGE_SIZE - 5), out, sizeof(out)),
			0);
	KTEST_EXPECT_EQ(t, copy_from_user(in, (void __user *)(addr + PAGE_SIZE - 5), sizeof(in)),
			0);
	KTEST_EXPECT_STREQ(t, in, out);
	KTEST_EXPECT_EQ(t, clear_user((void __user *)addr, 2 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, copy_from_user(in, (void __user *)(addr + PAGE_SIZE - 5), sizeof(in)),
			0);
	KTEST_EXPECT_EQ(t, in[0], 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, 2 * PAGE_SIZE), 0);
}

static void test_read_only_mapping_rejects_writes(struct ktest *t)
{
	unsigned long segv = vm_event(PGFAULT_SEGV);
	long addr = map(0, PAGE_SIZE, PROT_READ, ANON);
	u8 v = 1;

	KTEST_ASSERT_GT(t, addr, 0);
	KTEST_EXPECT_EQ(t, peek(addr, &v), 0);
	KTEST_EXPECT_EQ(t, v, 0);
	KTEST_EXPECT_EQ(t, poke(addr, 7), -EFAULT);
	KTEST_EXPECT_EQ(t, vm_event(PGFAULT_SEGV), segv + 1);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, PAGE_SIZE), 0);
}

static void test_unmapped_and_kernel_addresses_fault(struct ktest *t)
{
	char buf[8];

	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)0x1000, 8), 8);
	/* A kernel address is refused before any access. */
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)buf, 8), 8);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(TASK_SIZE_MAX - 4), buf, 8), 8);
	KTEST_EXPECT_FALSE(t, access_ok((void __user *)~0UL, 1));
}

static void test_mprotect_round_trip(struct ktest *t)
{
	long addr = map(0, 3 * PAGE_SIZE, RW, ANON);
	u8 v = 0;

	KTEST_ASSERT_GT(t, addr, 0);
	KTEST_EXPECT_EQ(t, poke(addr + PAGE_SIZE, 42), 0);
	KTEST_EXPECT_EQ(t, do_mprotect(test_mm, addr + PAGE_SIZE, PAGE_SIZE, PROT_READ), 0);
	KTEST_EXPECT_EQ(t, test_mm->map_count, 3); /* split into three */
	KTEST_EXPECT_EQ(t, poke(addr + PAGE_SIZE, 43), -EFAULT);
	KTEST_EXPECT_EQ(t, poke(addr, 1), 0);
	KTEST_EXPECT_EQ(t, poke(addr + 2 * PAGE_SIZE, 1), 0);
	KTEST_EXPECT_EQ(t, do_mprotect(test_mm, addr + PAGE_SIZE, PAGE_SIZE, PROT_NONE), 0);
	KTEST_EXPECT_EQ(t, peek(addr + PAGE_SIZE, &v), -EFAULT);
	KTEST_EXPECT_EQ(t, do_mprotect(test_mm, addr, 3 * PAGE_SIZE, RW), 0);
	KTEST_EXPECT_EQ(t, peek(addr + PAGE_SIZE, &v), 0);
	KTEST_EXPECT_EQ(t, v, 42); /* the data survived PROT_NONE */
	KTEST_EXPECT_EQ(t, poke(addr + PAGE_SIZE, 44), 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, test_mm->map_count, 0);
}

static void test_munmap_splits(struct ktest *t)
{
	long addr = map(0, 3 * PAGE_SIZE, RW, ANON);
	u8 v;

	KTEST_ASSERT_GT(t, addr, 0);
	for (int i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(t, poke(addr + i * PAGE_SIZE, 10 + i), 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr + PAGE_SIZE, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, test_mm->map_count, 2);
	KTEST_EXPECT_EQ(t, peek(addr, &v), 0);
	KTEST_EXPECT_EQ(t, v, 10);
	KTEST_EXPECT_EQ(t, peek(addr + PAGE_SIZE, &v), -EFAULT);
	KTEST_EXPECT_EQ(t, peek(addr + 2 * PAGE_SIZE, &v), 0);
	KTEST_EXPECT_EQ(t, v, 12);
	/* Unmapping a range that holds nothing is fine. */
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, test_mm->map_count, 0);
}

static void test_argument_errors(struct ktest *t)
{
	long addr;

	KTEST_EXPECT_EQ(t, map(0, 0, RW, ANON), -EINVAL);
	KTEST_EXPECT_EQ(t, map(0, PAGE_SIZE, RW, MAP_ANONYMOUS), -EINVAL); /* no type */
	/* Unknown PROT_ bits: ignored by mmap, as on Linux (mprotect refuses them). */
	addr = map(0, PAGE_SIZE, 0x80 | PROT_READ, ANON);
	KTEST_EXPECT_GT(t, addr, 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, do_mprotect(test_mm, 0x10000000, PAGE_SIZE, 0x80), -EINVAL);
	KTEST_EXPECT_EQ(t, map(0, PAGE_SIZE, RW, MAP_PRIVATE), -EBADF); /* no file */
	KTEST_EXPECT_EQ(t, map(0x10001000 + 1, PAGE_SIZE, RW, ANON | MAP_FIXED), -EINVAL);
	KTEST_EXPECT_EQ(t, map(TASK_SIZE - PAGE_SIZE, 2 * PAGE_SIZE, RW, ANON | MAP_FIXED),
			-ENOMEM);
	KTEST_EXPECT_EQ(t, map(0, ~0UL, RW, ANON), -ENOMEM);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, 0x10000001, PAGE_SIZE), -EINVAL);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, 0x10000000, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, do_mprotect(test_mm, 0x10000001, PAGE_SIZE, PROT_READ), -EINVAL);
	KTEST_EXPECT_EQ(t, do_mprotect(test_mm, 0x10000000, PAGE_SIZE, PROT_READ), -ENOMEM);
	addr = map(0x20000000, PAGE_SIZE, RW, ANON | MAP_FIXED);
	KTEST_EXPECT_EQ(t, addr, 0x20000000);
	KTEST_EXPECT_EQ(t, map(0x20000000, PAGE_SIZE, RW, ANON | MAP_FIXED_NOREPLACE), -EEXIST);
	/* MAP_FIXED over an existing mapping replaces it, contents and all. */
	KTEST_EXPECT_EQ(t, poke(0x20000000, 9), 0);
	KTEST_EXPECT_EQ(t, map(0x20000000, PAGE_SIZE, RW, ANON | MAP_FIXED), 0x20000000);
	KTEST_EXPECT_EQ(t, test_mm->map_count, 1);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, 0x20000000, PAGE_SIZE), 0);
}

static void test_placement(struct ktest *t)
{
	long a = map(0, PAGE_SIZE, RW, ANON), b = map(0, 2 * PAGE_SIZE, RW, ANON);
	long hinted = map(0x30000000, PAGE_SIZE, RW, ANON);

	KTEST_ASSERT_GT(t, a, 0);
	KTEST_ASSERT_GT(t, b, 0);
	/* Top-down below mmap_base, without overlap. */
	KTEST_EXPECT_LE(t, a + PAGE_SIZE, test_mm->mmap_base);
	KTEST_EXPECT_LE(t, b + 2 * PAGE_SIZE, a);
	KTEST_EXPECT_EQ(t, hinted, 0x30000000); /* a free hint is honoured */
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, a, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, b, 2 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, hinted, PAGE_SIZE), 0);
}

static void test_find_vma_many(struct ktest *t)
{
	const unsigned long base = 0x40000000, n = 500;
	unsigned long wrong = 0;

	/* Every other page mapped: the tree holds 500 one-page VMAs. */
	for (unsigned long i = 0; i < n; i++)
		KTEST_ASSERT_EQ(t, map(base + 2 * i * PAGE_SIZE, PAGE_SIZE, RW, ANON | MAP_FIXED),
				base + 2 * i * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, test_mm->map_count, n);
	mmap_read_lock(test_mm);
	for (unsigned long off = 0; off < 2 * n * PAGE_SIZE; off += PAGE_SIZE / 2) {
		struct vm_area_struct *vma = find_vma(test_mm, base + off);
		unsigned long page = off / PAGE_SIZE;
		/* The VMA containing the address (even pages), else the next one above it. */
		unsigned long want_page = page % 2 ? page + 1 : page;

		if (want_page >= 2 * n)
			wrong += vma != NULL;
		else
			wrong += !vma || vma->vm_start != base + want_page * PAGE_SIZE;
	}
	KTEST_EXPECT_EQ(t, rb_validate(&test_mm->mm_rb) > 0, true);
	mmap_read_unlock(test_mm);
	KTEST_EXPECT_EQ(t, wrong, 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, base, 2 * n * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, test_mm->map_count, 0);
}

static void test_brk(struct ktest *t)
{
	unsigned long start = 0x600000;
	u8 v;

	test_mm->start_brk = test_mm->brk = start;
	KTEST_EXPECT_EQ(t, do_brk(test_mm, start + 3 * PAGE_SIZE + 10), start + 3 * PAGE_SIZE + 10);
	KTEST_EXPECT_EQ(t, poke(start + 3 * PAGE_SIZE + 9, 5), 0);
	KTEST_EXPECT_EQ(t, do_brk(test_mm, start + 5 * PAGE_SIZE), start + 5 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, test_mm->map_count, 1); /* grown in place */
	KTEST_EXPECT_EQ(t, do_brk(test_mm, start + PAGE_SIZE), start + PAGE_SIZE);
	KTEST_EXPECT_EQ(t, peek(start + 2 * PAGE_SIZE, &v), -EFAULT);
	KTEST_EXPECT_EQ(t, do_brk(test_mm, start - 1), start + PAGE_SIZE); /* below start: no */
	/* Growing into another mapping fails and leaves the break where it was. */
	KTEST_ASSERT_EQ(t, map(start + 4 * PAGE_SIZE, PAGE_SIZE, RW, ANON | MAP_FIXED),
			start + 4 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, do_brk(test_mm, start + 8 * PAGE_SIZE), start + PAGE_SIZE);
	KTEST_EXPECT_EQ(t, do_brk(test_mm, start), start);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, start + 4 * PAGE_SIZE, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, test_mm->map_count, 0);
}

static void test_stack_grows_down(struct ktest *t)
{
	unsigned long top = 0x7ff000000000UL;
	long addr = map(top - PAGE_SIZE, PAGE_SIZE, RW, ANON | MAP_FIXED | MAP_GROWSDOWN);

	KTEST_ASSERT_EQ(t, addr, top - PAGE_SIZE);
	KTEST_EXPECT_EQ(t, poke(top - 3 * PAGE_SIZE, 1), 0);
	KTEST_EXPECT_EQ(t, vma_start_of(top - 1), top - 3 * PAGE_SIZE);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, top - 3 * PAGE_SIZE, 3 * PAGE_SIZE), 0);
}

/* fork's copy-on-write: the first write to a shared page copies exactly that page. */
static void test_cow_after_dup(struct ktest *t)
{
	unsigned long copies = vm_event(PGFAULT_COW_COPY), reuses = vm_event(PGFAULT_COW_REUSE);
	long addr = map(0, 2 * PAGE_SIZE, RW, ANON);
	struct mm_struct *child;
	u8 v;

	KTEST_ASSERT_GT(t, addr, 0);
	KTEST_EXPECT_EQ(t, poke(addr, 'p'), 0);
	KTEST_EXPECT_EQ(t, poke(addr + PAGE_SIZE, 'q'), 0);
	child = dup_mm(test_mm);
	KTEST_ASSERT_NOT_NULL(t, child);

	switch_mm(child);
	KTEST_EXPECT_EQ(t, peek(addr, &v), 0);
	KTEST_EXPECT_EQ(t, v, 'p');
	KTEST_EXPECT_EQ(t, vm_event(PGFAULT_COW_COPY), copies); /* reading copies nothing */
	KTEST_EXPECT_EQ(t, poke(addr, 'c'), 0);
	KTEST_EXPECT_EQ(t, vm_event(PGFAULT_COW_COPY), copies + 1);
	KTEST_EXPECT_EQ(t, poke(addr + 1, 'd'), 0); /* the copy is the child's own now */
	KTEST_EXPECT_EQ(t, vm_event(PGFAULT_COW_COPY), copies + 1);

	switch_mm(test_mm);
	KTEST_EXPECT_EQ(t, peek(addr, &v), 0);
	KTEST_EXPECT_EQ(t, v, 'p'); /* the parent's page is untouched */
	mmput(child);
	/* The second page is the parent's alone again: writing it reuses, not copies. */
	KTEST_EXPECT_EQ(t, poke(addr + PAGE_SIZE, 'r'), 0);
	KTEST_EXPECT_EQ(t, vm_event(PGFAULT_COW_COPY), copies + 1);
	KTEST_EXPECT_EQ(t, vm_event(PGFAULT_COW_REUSE), reuses + 1);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, 2 * PAGE_SIZE), 0);
}

static void test_shared_mapping_is_shared_after_dup(struct ktest *t)
{
	long addr = map(0, PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS);
	struct mm_struct *child;
	u8 v;

	KTEST_ASSERT_GT(t, addr, 0);
	KTEST_EXPECT_EQ(t, poke(addr, 1), 0);
	child = dup_mm(test_mm);
	KTEST_ASSERT_NOT_NULL(t, child);
	switch_mm(child);
	KTEST_EXPECT_EQ(t, poke(addr, 2), 0);
	switch_mm(test_mm);
	KTEST_EXPECT_EQ(t, peek(addr, &v), 0);
	KTEST_EXPECT_EQ(t, v, 2);
	mmput(child);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, PAGE_SIZE), 0);
}

/* A page of shared anonymous memory nobody touched before the fork is still one page. */
static void test_shared_anon_untouched_page_after_dup(struct ktest *t)
{
	long addr = map(0, 2 * PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS);
	unsigned long shmem = get_mm_counter(test_mm, MM_SHMEMPAGES);
	struct mm_struct *child;
	u8 v = 0;

	KTEST_ASSERT_GT(t, addr, 0);
	child = dup_mm(test_mm);
	KTEST_ASSERT_NOT_NULL(t, child);
	switch_mm(child);
	KTEST_EXPECT_EQ(t, poke(addr + PAGE_SIZE, 7), 0);
	KTEST_EXPECT_EQ(t, get_mm_counter(child, MM_SHMEMPAGES), 1);
	switch_mm(test_mm);
	mmput(child); /* the page outlives the child: the parent's VMA holds the object */
	KTEST_EXPECT_EQ(t, peek(addr + PAGE_SIZE, &v), 0);
	KTEST_EXPECT_EQ(t, v, 7);
	KTEST_EXPECT_EQ(t, get_mm_counter(test_mm, MM_SHMEMPAGES), shmem + 1);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, 2 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, get_mm_counter(test_mm, MM_SHMEMPAGES), shmem);
}

/* Resident pages are counted where entries are made and cleared, COW copies included. */
static void test_rss_counters(struct ktest *t)
{
	unsigned long anon = get_mm_counter(test_mm, MM_ANONPAGES);
	long addr = map(0, 4 * PAGE_SIZE, RW, ANON);
	struct mm_struct *child;

	KTEST_ASSERT_GT(t, addr, 0);
	for (int i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(t, poke(addr + i * PAGE_SIZE, 1), 0);
	KTEST_EXPECT_EQ(t, get_mm_counter(test_mm, MM_ANONPAGES), anon + 3);
	KTEST_EXPECT_GE(t, get_mm_rss(test_mm), 3);
	child = dup_mm(test_mm);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, get_mm_counter(child, MM_ANONPAGES), anon + 3);
	switch_mm(child);
	KTEST_EXPECT_EQ(t, poke(addr, 2), 0); /* a COW copy: still one anonymous page */
	switch_mm(test_mm);
	KTEST_EXPECT_EQ(t, get_mm_counter(child, MM_ANONPAGES), anon + 3);
	mmput(child);
	KTEST_EXPECT_EQ(t, do_madvise(test_mm, addr, PAGE_SIZE, MADV_DONTNEED), 0);
	KTEST_EXPECT_EQ(t, get_mm_counter(test_mm, MM_ANONPAGES), anon + 2);
	KTEST_EXPECT_GE(t, get_mm_hiwater_rss(test_mm), get_mm_rss(test_mm) + 1);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, 4 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, get_mm_counter(test_mm, MM_ANONPAGES), anon);
}

/* mremap moves the page tables: the frames, the contents and the counters come along. */
static void test_mremap_moves_pages(struct ktest *t)
{
	unsigned long anon = get_mm_counter(test_mm, MM_ANONPAGES), zero;
	long addr = map(0, 3 * PAGE_SIZE, RW, ANON), moved;
	u8 v = 0;

	KTEST_ASSERT_GT(t, addr, 0);
	KTEST_EXPECT_EQ(t, poke(addr, 0x11), 0);
	KTEST_EXPECT_EQ(t, poke(addr + PAGE_SIZE, 0x22), 0);
	/* The third page stays mapped read-only after the range: no room to grow in place. */
	KTEST_EXPECT_EQ(t, do_mprotect(test_mm, addr + 2 * PAGE_SIZE, PAGE_SIZE, PROT_READ), 0);
	KTEST_EXPECT_EQ(t, do_mremap(test_mm, addr, 2 * PAGE_SIZE, 4 * PAGE_SIZE, 0, 0), -ENOMEM);
	zero = vm_event(PGFAULT_ZERO);
	moved = do_mremap(test_mm, addr, 2 * PAGE_SIZE, 4 * PAGE_SIZE, MREMAP_MAYMOVE, 0);
	KTEST_ASSERT_GT(t, moved, 0);
	KTEST_EXPECT_NE(t, moved, addr);
	KTEST_EXPECT_EQ(t, peek(moved, &v), 0);
	KTEST_EXPECT_EQ(t, v, 0x11);
	KTEST_EXPECT_EQ(t, peek(moved + PAGE_SIZE, &v), 0);
	KTEST_EXPECT_EQ(t, v, 0x22);
	KTEST_EXPECT_EQ(t, vm_event(PGFAULT_ZERO), zero); /* moved, not faulted in anew */
	KTEST_EXPECT_EQ(t, get_mm_counter(test_mm, MM_ANONPAGES), anon + 2);
	KTEST_EXPECT_EQ(t, peek(addr, &v), -EFAULT);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, moved, 4 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr + 2 * PAGE_SIZE, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, get_mm_counter(test_mm, MM_ANONPAGES), anon);
}

/* Under SMAP, a kernel read of user memory outside the uaccess helpers faults. */
static void test_smap_blocks_plain_access(struct ktest *t)
{
	long addr = map(0, PAGE_SIZE, RW, ANON);
	u64 v;

	KTEST_ASSERT_GT(t, addr, 0);
	KTEST_EXPECT_EQ(t, poke(addr, 3), 0);
	if (read_cr4() & X86_CR4_SMAP)
		KTEST_EXPECT_EQ(t, get_kernel_nofault_u64(&v, (void *)addr), -EFAULT);
	else
		ktest_log(t, "no SMAP on this CPU: the plain access is not blocked");
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, PAGE_SIZE), 0);
}

/* ---- faults in atomic context --------------------------------------------------------- */

/*
 * With preemption or interrupts off the handler must not take mmap_lock (it sleeps): the
 * access fails through the exception table, and the page stays missing.
 */
static void test_atomic_fault_takes_fixup(struct ktest *t)
{
	unsigned long atomic_before = vm_event(PGFAULT_ATOMIC), zero = vm_event(PGFAULT_ZERO);
	long addr = map(0, PAGE_SIZE, RW, ANON);
	char buf[16] = "atomic";
	unsigned long flags;
	u8 v = 7;

	KTEST_ASSERT_GT(t, addr, 0);
	pagefault_disable();
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)addr, buf, sizeof(buf)), sizeof(buf));
	KTEST_EXPECT_EQ(t, peek(addr, &v), -EFAULT);
	pagefault_enable();
	local_irq_save(flags);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)addr, sizeof(buf)), sizeof(buf));
	local_irq_restore(flags);
	/* Two each for the copies: the word copy's fault, then the byte copy's, which its
	 * fix-up resumes with to stop at the exact byte; one for the peek. */
	KTEST_EXPECT_EQ(t, vm_event(PGFAULT_ATOMIC), atomic_before + 5);
	KTEST_EXPECT_EQ(t, vm_event(PGFAULT_ZERO), zero); /* nothing was faulted in */
	/* Allowed to sleep again, the same access works. */
	KTEST_EXPECT_EQ(t, poke(addr, 5), 0);
	KTEST_EXPECT_EQ(t, peek(addr, &v), 0);
	KTEST_EXPECT_EQ(t, v, 5);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, PAGE_SIZE), 0);
}

/* ---- batched TLB shootdowns ----------------------------------------------------------- */

#define SHOOT_PAGES 64

struct shoot_probe {
	unsigned long addr;
	struct completion ready;
	volatile bool go;
	u8 before[2], after[2];
	int after_err[2];
};

/*
 * On the other CPU: caches the translations of the first and last page, spins (sleeping
 * would switch CR3 and flush), then reads them again after the main thread changed them.
 */
static int read_first_last(void *data)
{
	struct shoot_probe *sp = data;
	unsigned long last = sp->addr + (SHOOT_PAGES - 1) * PAGE_SIZE;

	switch_mm(test_mm);
	get_user(sp->before[0], (u8 __user *)sp->addr);
	get_user(sp->before[1], (u8 __user *)last);
	complete(&sp->ready);
	while (!sp->go)
		cpu_relax();
	sp->after_err[0] = get_user(sp->after[0], (u8 __user *)sp->addr);
	sp->after_err[1] = get_user(sp->after[1], (u8 __user *)last);
	switch_mm(NULL);
	return 0;
}

/*
 * munmap (or mprotect to PROT_NONE) of many pages while the other CPU has the address space
 * loaded: exactly one flush IPI, and the other CPU's cached translations are gone after.
 */
static void shootdown_once(struct ktest *t, bool unmap)
{
	struct shoot_probe sp = { 0 };
	unsigned long flushes, ipis;
	struct task_struct *p;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "needs two CPUs");
		return;
	}
	sp.addr = map(0, SHOOT_PAGES * PAGE_SIZE, RW, ANON);
	KTEST_ASSERT_GT(t, (long)sp.addr, 0);
	for (int i = 0; i < SHOOT_PAGES; i++)
		KTEST_ASSERT_EQ(t, poke(sp.addr + i * PAGE_SIZE, 1), 0);
	init_completion(&sp.ready);
	p = kthread_create(read_first_last, &sp, "ktest-shoot");
	KTEST_ASSERT_NOT_NULL(t, p);
	kthread_bind(p, 1);
	kthread_bind(current, 0);
	wake_up_process(p);
	wait_for_completion(&sp.ready);
	flushes = vm_event(NR_TLB_REMOTE_FLUSH);
	ipis = ipi_call_count(1);
	if (unmap)
		KTEST_EXPECT_EQ(t, do_munmap(test_mm, sp.addr, SHOOT_PAGES * PAGE_SIZE), 0);
	else
		KTEST_EXPECT_EQ(
			t, do_mprotect(test_mm, sp.addr, SHOOT_PAGES * PAGE_SIZE, PROT_NONE), 0);
	KTEST_EXPECT_EQ(t, vm_event(NR_TLB_REMOTE_FLUSH), flushes + 1);
	KTEST_EXPECT_EQ(t, ipi_call_count(1), ipis + 1);
	sp.go = true;
	kthread_stop(p);
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_EXPECT_EQ(t, sp.before[0], 1);
	KTEST_EXPECT_EQ(t, sp.before[1], 1);
	KTEST_EXPECT_EQ(t, sp.after_err[0], -EFAULT);
	KTEST_EXPECT_EQ(t, sp.after_err[1], -EFAULT);
	if (!unmap)
		KTEST_EXPECT_EQ(t, do_munmap(test_mm, sp.addr, SHOOT_PAGES * PAGE_SIZE), 0);
}

static void test_munmap_one_shootdown(struct ktest *t)
{
	shootdown_once(t, true);
}

static void test_mprotect_one_shootdown(struct ktest *t)
{
	shootdown_once(t, false);
}

struct fork_probe {
	unsigned long addr;
	struct completion ready;
	volatile bool go;
	int err[2];
};

/* Writes (caching a writable translation), spins while the parent forks, writes again. */
static int write_across_fork(void *data)
{
	struct fork_probe *fp = data;

	switch_mm(test_mm);
	fp->err[0] = poke(fp->addr, 2);
	complete(&fp->ready);
	while (!fp->go)
		cpu_relax();
	fp->err[1] = poke(fp->addr, 3);
	switch_mm(NULL);
	return 0;
}

/*
 * fork with the parent running on the other CPU: write-protecting 8 pages costs one IPI, and
 * after it the other CPU's cached writable translation is gone, so its next write copies
 * instead of changing the page the child shares. The child's exit costs none (it is loaded
 * nowhere).
 */
static void test_fork_one_shootdown(struct ktest *t)
{
	struct fork_probe fp = { 0 };
	struct mm_struct *child;
	struct task_struct *p;
	unsigned long flushes;
	u8 v = 0;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "needs two CPUs");
		return;
	}
	fp.addr = map(0, 8 * PAGE_SIZE, RW, ANON);
	KTEST_ASSERT_GT(t, (long)fp.addr, 0);
	for (int i = 0; i < 8; i++)
		KTEST_ASSERT_EQ(t, poke(fp.addr + i * PAGE_SIZE, 1), 0);
	init_completion(&fp.ready);
	p = kthread_create(write_across_fork, &fp, "ktest-fork");
	KTEST_ASSERT_NOT_NULL(t, p);
	kthread_bind(p, 1);
	kthread_bind(current, 0);
	wake_up_process(p);
	wait_for_completion(&fp.ready);
	flushes = vm_event(NR_TLB_REMOTE_FLUSH);
	child = dup_mm(test_mm);
	KTEST_EXPECT_EQ(t, vm_event(NR_TLB_REMOTE_FLUSH), flushes + 1);
	fp.go = true;
	kthread_stop(p);
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_ASSERT_NOT_NULL(t, child);
	KTEST_EXPECT_EQ(t, fp.err[0], 0);
	KTEST_EXPECT_EQ(t, fp.err[1], 0);
	switch_mm(child);
	KTEST_EXPECT_EQ(t, peek(fp.addr, &v), 0);
	KTEST_EXPECT_EQ(t, v, 2); /* the parent's later write did not reach the child */
	switch_mm(test_mm);
	KTEST_EXPECT_EQ(t, peek(fp.addr, &v), 0);
	KTEST_EXPECT_EQ(t, v, 3);
	flushes = vm_event(NR_TLB_REMOTE_FLUSH);
	mmput(child);
	KTEST_EXPECT_EQ(t, vm_event(NR_TLB_REMOTE_FLUSH), flushes);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, fp.addr, 8 * PAGE_SIZE), 0);
}

/* ---- faults on two CPUs at once ------------------------------------------------------- */

#define RACE_PAGES 512

struct fault_race {
	unsigned long addr;
	atomic_t started;
	int id_next;
	unsigned long failed[2];
};

/* Both CPUs write their own byte of every page, in the same order: they fault together. */
static int fault_race_worker(void *data)
{
	struct fault_race *fr = data;
	int id = __atomic_fetch_add(&fr->id_next, 1, __ATOMIC_SEQ_CST);

	switch_mm(test_mm);
	atomic_inc(&fr->started);
	while (atomic_read(&fr->started) < 2)
		cpu_relax();
	for (int i = 0; i < RACE_PAGES; i++)
		fr->failed[id] += poke(fr->addr + i * PAGE_SIZE + id, 0xa0 + id) != 0;
	switch_mm(NULL);
	return 0;
}

/*
 * Faults hold mmap_lock shared, so two CPUs fill the same entries (and tables) at once; the
 * loser of each race must drop its page, and neither write may be lost.
 */
static void test_concurrent_faults_two_cpus(struct ktest *t)
{
	struct fault_race fr = { 0 };
	struct task_struct *p[2];
	unsigned long lost = 0, before, zero = vm_event(PGFAULT_ZERO);
	unsigned long tables = nr_pgtable_pages(), tasks = nr_tasks();

	if (num_online_cpus() < 2) {
		ktest_skip(t, "needs two CPUs");
		return;
	}
	/* A fresh 1 GiB-aligned region: the page tables above the entries race too. */
	fr.addr = map(0x4000000000UL, RACE_PAGES * PAGE_SIZE, RW, ANON | MAP_FIXED);
	KTEST_ASSERT_EQ(t, (long)fr.addr, 0x4000000000L);
	for (int i = 0; i < 2; i++) {
		p[i] = kthread_create(fault_race_worker, &fr, "ktest-fault");
		KTEST_ASSERT_NOT_NULL(t, p[i]);
		kthread_bind(p[i], i);
	}
	/* Frames from here on: the pages and tables the faults make, nothing else. */
	before = nr_free_pages();
	for (int i = 0; i < 2; i++)
		wake_up_process(p[i]);
	for (int i = 0; i < 2; i++)
		kthread_stop(p[i]);
	/* Let them free themselves now, not in the middle of the count below. */
	for (int ms = 0; ms < 1000 && nr_tasks() > tasks; ms++)
		msleep(1);
	KTEST_EXPECT_EQ(t, fr.failed[0] + fr.failed[1], 0);
	for (int i = 0; i < RACE_PAGES; i++) {
		u8 a = 0, b = 0;

		peek(fr.addr + i * PAGE_SIZE, &a);
		peek(fr.addr + i * PAGE_SIZE + 1, &b);
		lost += a != 0xa0 || b != 0xa1;
	}
	KTEST_EXPECT_EQ(t, lost, 0);
	tables = nr_pgtable_pages() - tables;
	before -= tables;
	/* Each page is mapped once; a page made by the loser of a race is back already. */
	KTEST_EXPECT_EQ(t, nr_free_pages() + RACE_PAGES, before);
	ktest_log(t, "%lu of %d faults lost the race to fill the entry",
		  vm_event(PGFAULT_ZERO) - zero - RACE_PAGES, RACE_PAGES);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, fr.addr, RACE_PAGES * PAGE_SIZE), 0);
}

/* Fork and exit of an address space, and a task's stack, leave vmalloc's lazy purge alone. */
static void test_fork_exit_do_not_purge_vmalloc(struct ktest *t)
{
	long addr = map(0, 4 * PAGE_SIZE, RW, ANON);
	unsigned long purges;

	KTEST_ASSERT_GT(t, addr, 0);
	KTEST_EXPECT_EQ(t, poke(addr, 1), 0);
	vmalloc_purge();
	purges = vm_event(VMALLOC_PURGE);
	for (int i = 0; i < 16; i++) {
		struct mm_struct *child = dup_mm(test_mm);
		void *stack = alloc_kernel_stack();

		KTEST_ASSERT_NOT_NULL(t, child);
		KTEST_ASSERT_NOT_NULL(t, stack);
		free_kernel_stack(stack);
		mmput(child);
	}
	KTEST_EXPECT_EQ(t, vm_event(VMALLOC_PURGE), purges);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, 4 * PAGE_SIZE), 0);
}

/* ---- file mappings -------------------------------------------------------------------- */

#define MAPPED_FILE "/mm_test_mapped"

/* A two-page file: 'a' in the first page, 'b' in the second. Open read-write. */
static struct file *make_mapped_file(struct ktest *t)
{
	static char data[2 * PAGE_SIZE];
	struct file *f = filp_open(MAPPED_FILE, O_RDWR | O_CREAT | O_TRUNC, 0644);
	loff_t pos = 0;

	if (IS_ERR(f))
		return NULL;
	memset(data, 'a', PAGE_SIZE);
	memset(data + PAGE_SIZE, 'b', PAGE_SIZE);
	if (kernel_write(f, data, sizeof(data), &pos) != sizeof(data)) {
		fput(f);
		return NULL;
	}
	return f;
}

static void drop_mapped_file(struct file *f)
{
	fput(f);
	do_unlinkat(NULL, MAPPED_FILE);
}

static u8 file_byte(struct file *f, loff_t pos)
{
	u8 v = 0;

	kernel_read(f, &v, 1, &pos);
	return v;
}

static void test_private_file_mapping_copies_on_write(struct ktest *t)
{
	struct file *f = make_mapped_file(t);
	long a, b;
	u8 v = 0;

	KTEST_ASSERT_NOT_NULL(t, f);
	a = do_mmap_file(test_mm, f, 0, 2 * PAGE_SIZE, RW, MAP_PRIVATE, 0);
	b = do_mmap_file(test_mm, f, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, PAGE_SIZE);
	KTEST_ASSERT_GT(t, a, 0);
	KTEST_ASSERT_GT(t, b, 0);
	KTEST_EXPECT_EQ(t, peek(a, &v), 0);
	KTEST_EXPECT_EQ(t, v, 'a');
	KTEST_EXPECT_EQ(t, peek(b, &v), 0);
	KTEST_EXPECT_EQ(t, v, 'b'); /* the offset counts */
	/* Write through the private mapping of the page already mapped, and one not yet. */
	KTEST_EXPECT_EQ(t, poke(a, 'X'), 0);
	KTEST_EXPECT_EQ(t, poke(a + PAGE_SIZE, 'Y'), 0);
	KTEST_EXPECT_EQ(t, file_byte(f, 0), 'a');
	KTEST_EXPECT_EQ(t, file_byte(f, PAGE_SIZE), 'b');
	KTEST_EXPECT_EQ(t, peek(b, &v), 0);
	KTEST_EXPECT_EQ(t, v, 'b');
	KTEST_EXPECT_EQ(t, peek(a, &v), 0);
	KTEST_EXPECT_EQ(t, v, 'X'); /* the mapping keeps its own copy */
	/* A new private mapping sees the file, not the other mapping's copy. */
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, b, PAGE_SIZE), 0);
	b = do_mmap_file(test_mm, f, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, 0);
	KTEST_ASSERT_GT(t, b, 0);
	KTEST_EXPECT_EQ(t, peek(b, &v), 0);
	KTEST_EXPECT_EQ(t, v, 'a');
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, a, 2 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, b, PAGE_SIZE), 0);
	drop_mapped_file(f);
}

static pte_t user_pte(unsigned long addr)
{
	pte_t *pte = pte_walk(test_mm->pgd, addr, false);

	return pte ? ptep_get(pte) : (pte_t){ 0 };
}

static bool mkclean(unsigned long addr)
{
	bool dirty;

	mmap_read_lock(test_mm);
	dirty = page_mkclean_one(find_vma(test_mm, addr), addr);
	mmap_read_unlock(test_mm);
	return dirty;
}

static void test_shared_file_mapping_tracks_dirty(struct ktest *t)
{
	struct file *f = make_mapped_file(t);
	loff_t pos = 1;
	long a;
	u8 v = 0;

	KTEST_ASSERT_NOT_NULL(t, f);
	a = do_mmap_file(test_mm, f, 0, 2 * PAGE_SIZE, RW, MAP_SHARED, 0);
	KTEST_ASSERT_GT(t, a, 0);
	/* A read maps the page clean; the CPU's write then sets the dirty bit itself. */
	KTEST_EXPECT_EQ(t, peek(a, &v), 0);
	KTEST_EXPECT_EQ(t, v, 'a');
	KTEST_EXPECT_TRUE(t, pte_young(user_pte(a)));
	KTEST_EXPECT_FALSE(t, pte_dirty(user_pte(a)));
	KTEST_EXPECT_EQ(t, poke(a, 'S'), 0);
	KTEST_EXPECT_TRUE(t, pte_dirty(user_pte(a)));
	KTEST_EXPECT_EQ(t, file_byte(f, 0), 'S'); /* the page cache's page itself */
	/* Writeback's view: dirty once, then clean until the next write. */
	KTEST_EXPECT_TRUE(t, mkclean(a));
	KTEST_EXPECT_FALSE(t, pte_dirty(user_pte(a)));
	KTEST_EXPECT_FALSE(t, mkclean(a));
	KTEST_EXPECT_EQ(t, peek(a, &v), 0); /* reading does not dirty it */
	KTEST_EXPECT_FALSE(t, mkclean(a));
	KTEST_EXPECT_EQ(t, poke(a + 1, 'T'), 0);
	KTEST_EXPECT_TRUE(t, mkclean(a));
	/* write(2) to the file shows through the mapping. */
	KTEST_EXPECT_EQ(t, kernel_write(f, "W", 1, &pos), 1);
	KTEST_EXPECT_EQ(t, peek(a + 1, &v), 0);
	KTEST_EXPECT_EQ(t, v, 'W');
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, a, 2 * PAGE_SIZE), 0);
	drop_mapped_file(f);
}

static void test_file_mapping_errors(struct ktest *t)
{
	struct file *f = make_mapped_file(t), *ro;
	u8 v;
	long a;

	KTEST_ASSERT_NOT_NULL(t, f);
	ro = filp_open(MAPPED_FILE, O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(ro));
	KTEST_EXPECT_EQ(t, do_mmap_file(test_mm, ro, 0, PAGE_SIZE, RW, MAP_SHARED, 0), -EACCES);
	KTEST_EXPECT_EQ(t, do_mmap_file(test_mm, f, 0, PAGE_SIZE, RW, MAP_SHARED, 100), -EINVAL);
	/* A private writable mapping of a read-only file is fine: it never writes the file. */
	a = do_mmap_file(test_mm, ro, 0, 3 * PAGE_SIZE, RW, MAP_PRIVATE, 0);
	KTEST_ASSERT_GT(t, a, 0);
	KTEST_EXPECT_EQ(t, poke(a, 'p'), 0);
	/* Past the end of the file there is nothing to map. */
	KTEST_EXPECT_EQ(t, peek(a + 2 * PAGE_SIZE, &v), -EFAULT);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, a, 3 * PAGE_SIZE), 0);
	fput(ro);
	KTEST_EXPECT_EQ(t, file_byte(f, 0), 'a');
	drop_mapped_file(f);
}

static struct file_operations release_probe_fops;
static int releases, releases_under_mmap_lock;

static int release_probe(struct inode *inode, struct file *file)
{
	releases++;
	releases_under_mmap_lock += rwsem_is_locked(&test_mm->mmap_lock);
	return 0;
}

/*
 * A mapping may hold a file's last reference; its release then runs when the mapping goes,
 * and must run after mmap_lock is dropped (it may take locks that faults nest inside).
 */
static void test_file_put_outside_mmap_lock(struct ktest *t)
{
	struct file *f = make_mapped_file(t);
	unsigned long files;
	long a;

	KTEST_ASSERT_NOT_NULL(t, f);
	release_probe_fops = *f->f_op;
	release_probe_fops.release = release_probe;
	f->f_op = &release_probe_fops;
	releases = releases_under_mmap_lock = 0;
	a = do_mmap_file(test_mm, f, 0, 2 * PAGE_SIZE, RW, MAP_SHARED, 0);
	KTEST_ASSERT_GT(t, a, 0);
	files = nr_files();
	fput(f); /* the mapping's reference is the last one now */
	KTEST_EXPECT_EQ(t, nr_files(), files);
	KTEST_EXPECT_EQ(t, poke(a + PAGE_SIZE, 'm'), 0);
	/* Split, then unmap one half, then the other: the file goes with the last VMA. */
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, a, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, releases, 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, a + PAGE_SIZE, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, releases, 1);
	KTEST_EXPECT_EQ(t, releases_under_mmap_lock, 0);
	KTEST_EXPECT_EQ(t, nr_files(), files - 1);
	do_unlinkat(NULL, MAPPED_FILE);
}

/* ---- the stack limit and mmap_min_addr ------------------------------------------------ */

static void test_stack_growth_is_bounded(struct ktest *t)
{
	unsigned long top = 0x7ff000000000UL, limit = test_mm->stack_limit;
	unsigned long below = top - 2 * limit;
	long addr = map(top - PAGE_SIZE, PAGE_SIZE, RW, ANON | MAP_FIXED | MAP_GROWSDOWN);

	KTEST_ASSERT_EQ(t, addr, top - PAGE_SIZE);
	KTEST_EXPECT_EQ(t, limit, DEFAULT_STACK_LIMIT);
	KTEST_EXPECT_EQ(t, poke(top - limit, 1), 0); /* the last page inside the limit */
	KTEST_EXPECT_EQ(t, poke(top - limit - 1, 1), -EFAULT);
	KTEST_EXPECT_EQ(t, vma_start_of(top - 1), top - limit);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, top - limit, limit), 0);

	/* A mapping below: the stack stops a guard gap above it. */
	test_mm->stack_limit = 4 * limit;
	KTEST_ASSERT_EQ(t, map(top - PAGE_SIZE, PAGE_SIZE, RW, ANON | MAP_FIXED | MAP_GROWSDOWN),
			top - PAGE_SIZE);
	KTEST_ASSERT_EQ(t, map(below - PAGE_SIZE, PAGE_SIZE, RW, ANON | MAP_FIXED),
			below - PAGE_SIZE);
	KTEST_EXPECT_EQ(t, poke(below + STACK_GUARD_GAP - 1, 1), -EFAULT);
	KTEST_EXPECT_EQ(t, poke(below + STACK_GUARD_GAP, 1), 0);
	test_mm->stack_limit = limit;
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, below - PAGE_SIZE, top - below + PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, test_mm->map_count, 0);
}

static void test_mmap_min_addr(struct ktest *t)
{
	long addr;

	KTEST_EXPECT_EQ(t, map(0, PAGE_SIZE, RW, ANON | MAP_FIXED), -EPERM);
	KTEST_EXPECT_EQ(t, map(MMAP_MIN_ADDR - PAGE_SIZE, PAGE_SIZE, RW, ANON | MAP_FIXED), -EPERM);
	KTEST_EXPECT_EQ(t, map(0x1000, PAGE_SIZE, RW, ANON | MAP_FIXED_NOREPLACE), -EPERM);
	/* A hint below the floor is only a hint: the mapping goes above. */
	addr = map(0x1000, PAGE_SIZE, RW, ANON);
	KTEST_EXPECT_GE(t, addr, (long)MMAP_MIN_ADDR);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, PAGE_SIZE), 0);
	addr = map(MMAP_MIN_ADDR, PAGE_SIZE, RW, ANON | MAP_FIXED);
	KTEST_EXPECT_EQ(t, addr, (long)MMAP_MIN_ADDR);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, MMAP_MIN_ADDR, PAGE_SIZE), 0);
}

/* ---- dup_mm failing part way ---------------------------------------------------------- */

struct mem_counts {
	unsigned long frames, objects, pgtables;
};

static void count_mem(struct mem_counts *c)
{
	kmem_cache_shrink_all();
	c->frames = nr_free_pages();
	c->objects = slab_objects_in_use();
	c->pgtables = nr_pgtable_pages();
}

/*
 * Fails the first, second, ... allocation of a fork's copy in turn: each failure must undo
 * the part copied (no frame, object or table left behind) and leave the parent as it was.
 */
static void test_dup_mm_failing_midway(struct ktest *t)
{
	long a = map(0, 3 * PAGE_SIZE, RW, ANON),
	     b = map(0x50000000, PAGE_SIZE, RW, ANON | MAP_FIXED);
	struct mem_counts before, after;
	unsigned int nth, leaks = 0, damaged = 0;
	struct mm_struct *child = NULL;

	KTEST_ASSERT_GT(t, a, 0);
	KTEST_ASSERT_GT(t, b, 0);
	for (int i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(t, poke(a + i * PAGE_SIZE, 'A' + i), 0);
	KTEST_EXPECT_EQ(t, poke(b, 'B'), 0);
	for (nth = 1; nth < 20 && !child; nth++) {
		count_mem(&before);
		dup_mm_fail_nth_alloc(nth);
		child = dup_mm(test_mm);
		dup_mm_fail_nth_alloc(0);
		if (child)
			break;
		count_mem(&after);
		leaks += memcmp(&before, &after, sizeof(after)) != 0;
		for (int i = 0; i < 3; i++) {
			u8 v = 0;

			damaged += peek(a + i * PAGE_SIZE, &v) || v != 'A' + i;
		}
	}
	KTEST_EXPECT_GT(t, nth, 4u); /* two VMAs and four pages: several places to fail */
	KTEST_EXPECT_EQ(t, leaks, 0u);
	KTEST_EXPECT_EQ(t, damaged, 0u);
	KTEST_ASSERT_NOT_NULL(t, child);
	mmput(child);
	/* The parent still writes its pages (reusing them: nobody shares them any more). */
	KTEST_EXPECT_EQ(t, poke(a, 'z'), 0);
	KTEST_EXPECT_EQ(t, poke(b, 'z'), 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, a, 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, b, PAGE_SIZE), 0);
}

/* ---- short copies --------------------------------------------------------------------- */

/* One mapped page at the returned address, with nothing mapped after it. */
static long map_page_then_hole(void)
{
	long addr = map(0x60000000, 2 * PAGE_SIZE, RW, ANON | MAP_FIXED);

	if (addr > 0 && do_munmap(test_mm, addr + PAGE_SIZE, PAGE_SIZE))
		return -EINVAL;
	return addr;
}

static void test_partial_user_copies(struct ktest *t)
{
	long addr = map_page_then_hole();
	char buf[64];
	unsigned long edge;

	KTEST_ASSERT_GT(t, addr, 0);
	edge = addr + PAGE_SIZE - 20; /* 20 bytes before the hole */
	memset(buf, 'k', sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)edge, buf, sizeof(buf)), 44);
	memset(buf, 0x55, sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)edge, sizeof(buf)), 44);
	KTEST_EXPECT_EQ(t, buf[19], 'k');
	KTEST_EXPECT_EQ(t, buf[20], 0); /* what could not be read is zeroed */
	KTEST_EXPECT_EQ(t, buf[63], 0);
	KTEST_EXPECT_EQ(t, clear_user((void __user *)edge, sizeof(buf)), 44);
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)edge, 20), 0);
	KTEST_EXPECT_EQ(t, buf[0], 0);
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(addr + PAGE_SIZE), buf, 1), 1);
	/* Words that straddle the hole at an odd offset still stop at the exact byte. */
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(addr + PAGE_SIZE - 13), buf, 61), 48);
	KTEST_EXPECT_EQ(t, clear_user((void __user *)(addr + PAGE_SIZE - 13), 61), 48);
	/* strncpy_from_user: the length when the NUL is found, -EFAULT when the hole is first. */
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)edge, "hello", 6), 0);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (const char __user *)edge, sizeof(buf)), 5);
	KTEST_EXPECT_STREQ(t, buf, "hello");
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (const char __user *)edge, 3), 3);
	memset(buf, 'x', sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)edge, buf, 20), 0);
	KTEST_EXPECT_EQ(t, strncpy_from_user(buf, (const char __user *)edge, sizeof(buf)), -EFAULT);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, PAGE_SIZE), 0);
}

/*
 * strncpy_from_user reads a word at a time: every alignment of the string's start, every
 * length up to 40, with the NUL as the last byte before a hole (so a read one word too far
 * faults), and counts below, at and above the length. A string that reaches the hole without
 * a NUL is -EFAULT; dst is not written past count.
 */
static void test_strncpy_from_user_words(struct ktest *t)
{
	long addr = map_page_then_hole();
	char src[48], dst[64];
	unsigned long end;

	KTEST_ASSERT_GT(t, addr, 0);
	end = addr + PAGE_SIZE;
	for (long len = 0; len <= 40; len++) {
		unsigned long at = end - len - 1;

		for (long i = 0; i < len; i++)
			src[i] = (char)('a' + (i + len) % 26);
		src[len] = '\0';
		KTEST_ASSERT_EQ(t, copy_to_user((void __user *)at, src, len + 1), 0);
		for (long count = 1; count <= len + 2; count++) {
			long want = count > len ? len : count, got;

			memset(dst, '#', sizeof(dst));
			got = strncpy_from_user(dst, (const char __user *)at, count);
			KTEST_EXPECT_EQ(t, got, want);
			KTEST_EXPECT_EQ(t, memcmp(dst, src, want), 0);
			if (count > len)
				KTEST_EXPECT_EQ(t, dst[len], '\0');
			KTEST_EXPECT_EQ(t, dst[count], '#');
		}
		/* Every other start alignment: the same string moved back by 1..7 bytes. */
		for (long back = 1; back < 8 && len > 0; back++) {
			KTEST_ASSERT_EQ(t, copy_to_user((void __user *)(at - back), src, len + 1),
					0);
			memset(dst, '#', sizeof(dst));
			KTEST_EXPECT_EQ(
				t, strncpy_from_user(dst, (const char __user *)(at - back), 48),
				len);
			KTEST_EXPECT_STREQ(t, dst, src);
		}
		/* No NUL before the hole: the string runs into it. */
		memset(src, 'z', sizeof(src));
		KTEST_ASSERT_EQ(t, copy_to_user((void __user *)at, src, len + 1), 0);
		KTEST_EXPECT_EQ(t, strncpy_from_user(dst, (const char __user *)at, 48), -EFAULT);
		KTEST_EXPECT_EQ(t, strncpy_from_user(dst, (const char __user *)at, len + 1),
				len + 1);
	}
	KTEST_EXPECT_EQ(t, strncpy_from_user(dst, (const char __user *)end, 8), -EFAULT);
	KTEST_EXPECT_EQ(t, strncpy_from_user(dst, (const char __user *)(TASK_SIZE_MAX - 1), 8),
			-EFAULT);
	KTEST_EXPECT_EQ(t, strncpy_from_user(dst, (const char __user *)0xffff800000000000UL, 8),
			-EFAULT);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, PAGE_SIZE), 0);
}

#define RW_FILE "/mm_test_rw"

/* read(2)/write(2) into a user buffer that runs into a hole: short, or -EFAULT at once. */
static void test_vfs_read_write_short_at_hole(struct ktest *t)
{
	static char data[2 * PAGE_SIZE];
	long addr = map_page_then_hole();
	struct iov_iter it;
	struct file *f;
	loff_t pos = 0;
	u8 v = 0;

	KTEST_ASSERT_GT(t, addr, 0);
	f = filp_open(RW_FILE, O_RDWR | O_CREAT | O_TRUNC, 0644);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	memset(data, 'r', sizeof(data));
	KTEST_EXPECT_EQ(t, kernel_write(f, data, sizeof(data), &pos), (long)sizeof(data));

	pos = 0;
	iov_iter_user(&it, (void *)(addr + PAGE_SIZE - 100), 300);
	KTEST_EXPECT_EQ(t, vfs_read(f, &it, &pos), 100);
	KTEST_EXPECT_EQ(t, pos, 100);
	KTEST_EXPECT_EQ(t, peek(addr + PAGE_SIZE - 1, &v), 0);
	KTEST_EXPECT_EQ(t, v, 'r');
	iov_iter_user(&it, (void *)(addr + PAGE_SIZE), 10);
	KTEST_EXPECT_EQ(t, vfs_read(f, &it, &pos), -EFAULT);
	KTEST_EXPECT_EQ(t, pos, 100);

	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(addr + PAGE_SIZE - 50), data, 50), 0);
	KTEST_EXPECT_EQ(t, poke(addr + PAGE_SIZE - 50, 'w'), 0);
	pos = 2 * PAGE_SIZE - 10; /* crosses the end of the file */
	iov_iter_user(&it, (void *)(addr + PAGE_SIZE - 50), 200);
	KTEST_EXPECT_EQ(t, vfs_write(f, &it, &pos), 50);
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, 2 * PAGE_SIZE + 40);
	KTEST_EXPECT_EQ(t, file_byte(f, 2 * PAGE_SIZE - 10), 'w');
	iov_iter_user(&it, (void *)(addr + PAGE_SIZE), 10);
	KTEST_EXPECT_EQ(t, vfs_write(f, &it, &pos), -EFAULT);
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, 2 * PAGE_SIZE + 40);
	fput(f);
	do_unlinkat(NULL, RW_FILE);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, PAGE_SIZE), 0);
}

static void test_fault_figures(struct ktest *t)
{
	const int n = 256;
	long addr = map(0, n * PAGE_SIZE, RW, ANON);
	struct mm_struct *child;
	u64 t0, t1, t2;

	KTEST_ASSERT_GT(t, addr, 0);
	t0 = rdtsc();
	for (int i = 0; i < n; i++)
		KTEST_ASSERT_EQ(t, poke(addr + i * PAGE_SIZE, 1), 0);
	t1 = rdtsc();
	child = dup_mm(test_mm);
	KTEST_ASSERT_NOT_NULL(t, child);
	t2 = rdtsc();
	for (int i = 0; i < n; i++)
		KTEST_EXPECT_EQ(t, poke(addr + i * PAGE_SIZE, 2), 0);
	ktest_figure(t, "demand_zero_fault", (t1 - t0) / n, "cycles");
	ktest_figure(t, "cow_fault", (rdtsc() - t2) / n, "cycles");
	mmput(child);
	t0 = rdtsc();
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, n * PAGE_SIZE), 0);
	ktest_figure(t, "munmap_per_page", (rdtsc() - t0) / n, "cycles");
}

static struct ktest_case mm_cases[] = {
	KTEST_CASE(test_demand_zero),
	KTEST_CASE(test_write_read_back),
	KTEST_CASE(test_read_only_mapping_rejects_writes),
	KTEST_CASE(test_unmapped_and_kernel_addresses_fault),
	KTEST_CASE(test_mprotect_round_trip),
	KTEST_CASE(test_munmap_splits),
	KTEST_CASE(test_argument_errors),
	KTEST_CASE(test_placement),
	KTEST_CASE(test_find_vma_many),
	KTEST_CASE(test_brk),
	KTEST_CASE(test_stack_grows_down),
	KTEST_CASE(test_cow_after_dup),
	KTEST_CASE(test_shared_mapping_is_shared_after_dup),
	KTEST_CASE(test_shared_anon_untouched_page_after_dup),
	KTEST_CASE(test_rss_counters),
	KTEST_CASE(test_mremap_moves_pages),
	KTEST_CASE(test_smap_blocks_plain_access),
	KTEST_CASE(test_atomic_fault_takes_fixup),
	KTEST_CASE(test_munmap_one_shootdown),
	KTEST_CASE(test_mprotect_one_shootdown),
	KTEST_CASE(test_fork_one_shootdown),
	KTEST_CASE(test_fork_exit_do_not_purge_vmalloc),
	KTEST_CASE(test_concurrent_faults_two_cpus),
	KTEST_CASE(test_private_file_mapping_copies_on_write),
	KTEST_CASE(test_shared_file_mapping_tracks_dirty),
	KTEST_CASE(test_file_mapping_errors),
	KTEST_CASE(test_file_put_outside_mmap_lock),
	KTEST_CASE(test_stack_growth_is_bounded),
	KTEST_CASE(test_mmap_min_addr),
	KTEST_CASE(test_dup_mm_failing_midway),
	KTEST_CASE(test_partial_user_copies),
	KTEST_CASE(test_strncpy_from_user_words),
	KTEST_CASE(test_vfs_read_write_short_at_hole),
	KTEST_FIGURES(test_fault_figures),
	{},
};

static struct ktest_suite mm_suite = {
	.name = "mm",
	.cases = mm_cases,
	.init = mm_suite_init,
	.exit = mm_suite_exit,
};
ktest_register_suite(mm_suite);
