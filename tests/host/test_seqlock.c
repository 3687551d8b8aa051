// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for include/kernel/seqlock.h: the retry rules on one thread, then a writer and
 * readers on real threads, where no reader may ever accept a half-written pair.
 */
#include "ktest_host.h"

#include <pthread.h>

#include "host_rename.h"

#include <kernel/compiler.h>
#include <kernel/seqlock.h>

KTEST(no_write_no_retry)
{
	seqcount_t s = SEQCNT_ZERO;
	unsigned int seq = read_seqcount_begin(&s);

	EXPECT_EQ(seq, 0u);
	EXPECT_FALSE(read_seqcount_retry(&s, seq));
}

KTEST(write_in_between_forces_retry)
{
	seqcount_t s = SEQCNT_ZERO;
	unsigned int seq = read_seqcount_begin(&s);

	write_seqcount_begin(&s);
	/* Mid-write the count is odd: a reader that started before must retry. */
	EXPECT_EQ(s.sequence & 1, 1u);
	EXPECT_TRUE(read_seqcount_retry(&s, seq));
	write_seqcount_end(&s);
	EXPECT_TRUE(read_seqcount_retry(&s, seq));
	seq = read_seqcount_begin(&s);
	EXPECT_EQ(seq, 2u);
	EXPECT_FALSE(read_seqcount_retry(&s, seq));
}

KTEST(count_wraps)
{
	seqcount_t s = { .sequence = ~0u - 1 };
	unsigned int seq = read_seqcount_begin(&s);

	write_seqcount_begin(&s);
	write_seqcount_end(&s);
	EXPECT_EQ(s.sequence, 0u);
	EXPECT_TRUE(read_seqcount_retry(&s, seq));
}

/*
 * The writer keeps a, b and c with b == ~a and c == a * 3: a reader that saw part of one
 * update and part of another would find them disagreeing.
 */
#define WRITES 200000

static struct {
	seqcount_t seq;
	unsigned long long a, b, c;
	int done;
	unsigned long long torn, reads, retries;
} shared;

static void *writer(void *arg)
{
	for (unsigned long long i = 1; i <= WRITES; i++) {
		write_seqcount_begin(&shared.seq);
		WRITE_ONCE(shared.a, i);
		WRITE_ONCE(shared.b, ~i);
		WRITE_ONCE(shared.c, i * 3);
		write_seqcount_end(&shared.seq);
	}
	__atomic_store_n(&shared.done, 1, __ATOMIC_RELEASE);
	return arg;
}

static void *reader(void *arg)
{
	unsigned long long a, b, c, last = 0, reads = 0, retries = 0, torn = 0;
	unsigned int seq;

	while (!__atomic_load_n(&shared.done, __ATOMIC_ACQUIRE)) {
		for (;;) {
			seq = read_seqcount_begin(&shared.seq);
			a = READ_ONCE(shared.a);
			b = READ_ONCE(shared.b);
			c = READ_ONCE(shared.c);
			if (!read_seqcount_retry(&shared.seq, seq))
				break;
			retries++;
		}
		reads++;
		/* Consistent, and never older than what this reader saw before. */
		if ((a && (b != ~a || c != a * 3)) || a < last)
			torn++;
		last = a;
	}
	__atomic_fetch_add(&shared.reads, reads, __ATOMIC_RELAXED);
	__atomic_fetch_add(&shared.retries, retries, __ATOMIC_RELAXED);
	__atomic_fetch_add(&shared.torn, torn, __ATOMIC_RELAXED);
	return arg;
}

KTEST(concurrent_readers_never_see_a_torn_update)
{
	pthread_t w, r[2];

	for (int i = 0; i < 2; i++)
		ASSERT_EQ(pthread_create(&r[i], NULL, reader, NULL), 0);
	ASSERT_EQ(pthread_create(&w, NULL, writer, NULL), 0);
	pthread_join(w, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(r[i], NULL);
	EXPECT_EQ(shared.torn, 0ULL);
	EXPECT_GT(shared.reads, 0ULL);
	EXPECT_EQ(shared.seq.sequence, 2u * WRITES);
	printf("    # %llu reads, %llu retries\n", shared.reads, shared.retries);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(no_write_no_retry),
	KTEST_CASE(write_in_between_forces_retry),
	KTEST_CASE(count_wraps),
	KTEST_CASE(concurrent_readers_never_see_a_torn_update),
};
KTEST_SUITE(seqlock, cases);
