/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_KERNEL_TWO_CPUS_H
#define _TESTS_KERNEL_TWO_CPUS_H

#include <kernel/atomic.h>
#include <kernel/ktest.h>
#include <kernel/types.h>

/*
 * For in-kernel tests that race two CPUs against each other: one worker bound to each of
 * CPUs 0 and 1, started together, and the counts settled after they are gone.
 */

/* True with two CPUs online; otherwise marks the case skipped. */
bool ktest_need_two_cpus(struct ktest *t);

/*
 * Runs fn(data) on CPUs 0 and 1 at once, stops both (fn should return when
 * kthread_should_stop() says so) and waits until their tasks are freed, so that frame, slab
 * and vmalloc counts taken afterwards are exact. 0, or -ENOMEM if a thread was not made.
 */
int ktest_run_on_two_cpus(int (*fn)(void *), void *data, const char *name);

/* Lets exited threads free themselves, then empties vmalloc's lazy list and empty slabs. */
void ktest_settle(unsigned long tasks_before);

/* A quick, reproducible pseudo-random sequence (xorshift64); *state must not be zero. */
static inline u64 ktest_prng(u64 *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/* The two workers' meeting point: each gets an id (0 or 1) and waits for the other. */
struct ktest_start_line {
	atomic_t started;
	int id_next;
};

int ktest_start_together(struct ktest_start_line *line);

#endif /* _TESTS_KERNEL_TWO_CPUS_H */
