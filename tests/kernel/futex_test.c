// SPDX-License-Identifier: GPL-2.0
/*
 * The futex hash (kernel/futex.c): which key an address gets, private or shared, and how
 * the keys spread over the buckets. The waiting and waking themselves are covered from user
 * space by t_thread and t_pthread; these cases check what those cannot see: that two
 * mappings of one shared page meet in one key, that a private and a shared waiter on the
 * same word never meet, and that a run of neighbouring words does not pile into one bucket.
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <uapi/mman.h>

#include "../../kernel/futex.h"

#define RW (PROT_READ | PROT_WRITE)

static struct mm_struct *test_mm;

/* get_futex_key looks at current->mm: this kernel thread borrows a user address space. */
static int futex_suite_init(struct ktest *t)
{
	test_mm = mm_alloc();
	if (!test_mm)
		return -ENOMEM;
	switch_mm(test_mm);
	current->mm = test_mm;
	return 0;
}

static void futex_suite_exit(struct ktest *t)
{
	current->mm = NULL;
	switch_mm(NULL);
	mmput(test_mm);
	test_mm = NULL;
}

static u32 __user *at(long base, unsigned long off)
{
	return (u32 __user *)(base + off);
}

static void test_bad_addresses(struct ktest *t)
{
	long a = do_mmap(test_mm, 0, PAGE_SIZE, RW, MAP_PRIVATE | MAP_ANONYMOUS);
	unsigned long w, o;

	KTEST_ASSERT_GT(t, a, 0);
	KTEST_EXPECT_EQ(t, futex_test_key(at(a, 2), false, &w, &o), -EINVAL);
	KTEST_EXPECT_EQ(t, futex_test_key((u32 __user *)0xffff888000000000UL, false, &w, &o),
			-EFAULT);
	KTEST_EXPECT_EQ(t, futex_test_key((u32 __user *)0x800000000000UL, true, &w, &o), -EFAULT);
	/* Shared keys need a mapping; private ones are only an address. */
	KTEST_EXPECT_EQ(t, futex_test_key(at(a, 2 * PAGE_SIZE), true, &w, &o), -EFAULT);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, a, PAGE_SIZE), 0);
}

static void test_private_keys(struct ktest *t)
{
	long a = do_mmap(test_mm, 0, PAGE_SIZE, RW, MAP_PRIVATE | MAP_ANONYMOUS);
	unsigned long w1, o1, w2, o2;

	KTEST_ASSERT_GT(t, a, 0);
	KTEST_ASSERT_EQ(t, futex_test_key(at(a, 8), false, &w1, &o1), 0);
	KTEST_ASSERT_EQ(t, futex_test_key(at(a, 8), false, &w2, &o2), 0);
	KTEST_EXPECT_TRUE(t, w1 == w2 && o1 == o2);
	KTEST_EXPECT_EQ(t, w1, (unsigned long)test_mm);
	KTEST_ASSERT_EQ(t, futex_test_key(at(a, 12), false, &w2, &o2), 0);
	KTEST_EXPECT_NE(t, o1, o2);
	/* FUTEX_WAIT without PRIVATE on a private mapping: the same word, another key. */
	KTEST_ASSERT_EQ(t, futex_test_key(at(a, 8), true, &w2, &o2), 0);
	KTEST_EXPECT_TRUE(t, w1 == w2 && o1 != o2);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, a, PAGE_SIZE), 0);
}

/* Two mappings of one shared page (mremap with old_len 0): one key, one bucket. */
static void test_shared_page_one_key(struct ktest *t)
{
	long a = do_mmap(test_mm, 0, PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS), b;
	unsigned long wa, oa, wb, ob;

	KTEST_ASSERT_GT(t, a, 0);
	b = do_mremap(test_mm, a, 0, PAGE_SIZE, MREMAP_MAYMOVE, 0);
	KTEST_ASSERT_GT(t, b, 0);
	KTEST_EXPECT_NE(t, a, b);
	KTEST_ASSERT_EQ(t, futex_test_key(at(a, 16), true, &wa, &oa), 0);
	KTEST_ASSERT_EQ(t, futex_test_key(at(b, 16), true, &wb, &ob), 0);
	KTEST_EXPECT_TRUE(t, wa == wb && oa == ob);
	KTEST_EXPECT_EQ(t, futex_test_bucket(at(a, 16), true), futex_test_bucket(at(b, 16), true));
	/* Privately, the two addresses are two futexes. */
	KTEST_ASSERT_EQ(t, futex_test_key(at(a, 16), false, &wa, &oa), 0);
	KTEST_ASSERT_EQ(t, futex_test_key(at(b, 16), false, &wb, &ob), 0);
	KTEST_EXPECT_NE(t, oa, ob);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, b, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, a, PAGE_SIZE), 0);
}

/* 1,024 neighbouring words (a pthread mutex array) over 256 buckets: no pile-up. */
static void test_keys_spread(struct ktest *t)
{
	static unsigned short count[256];
	long a = do_mmap(test_mm, 0, PAGE_SIZE, RW, MAP_PRIVATE | MAP_ANONYMOUS);
	unsigned int used = 0, most = 0;

	KTEST_ASSERT_GT(t, a, 0);
	memset(count, 0, sizeof(count));
	for (unsigned long i = 0; i < PAGE_SIZE / 4; i++) {
		long b = futex_test_bucket(at(a, 4 * i), false);

		KTEST_ASSERT_TRUE(t, b >= 0 && b < 256);
		count[b]++;
	}
	for (int i = 0; i < 256; i++) {
		used += count[i] != 0;
		if (count[i] > most)
			most = count[i];
	}
	ktest_log(t, "%u of 256 buckets used, at most %u words in one\n", used, most);
	KTEST_EXPECT_GE(t, used, 200);
	KTEST_EXPECT_LE(t, most, 20); /* 4 on average; 20 would be a pile-up */
	KTEST_EXPECT_EQ(t, do_munmap(test_mm, a, PAGE_SIZE), 0);
}

static struct ktest_case futex_cases[] = {
	KTEST_CASE(test_bad_addresses),
	KTEST_CASE(test_private_keys),
	KTEST_CASE(test_shared_page_one_key),
	KTEST_CASE(test_keys_spread),
	{},
};

static struct ktest_suite futex_suite = {
	.name = "futex",
	.init = futex_suite_init,
	.exit = futex_suite_exit,
	.cases = futex_cases,
};
ktest_register_suite(futex_suite);
