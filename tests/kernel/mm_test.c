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
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/string.h>
#include <kernel/vmstat.h>
#include <uapi/mman.h>

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
	KTEST_EXPECT_EQ(t, map(0, PAGE_SIZE, 0x80, ANON), -EINVAL);
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
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, addr, n * PAGE_SIZE), 0);
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
	KTEST_CASE(test_smap_blocks_plain_access),
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
