/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SEQLOCK_H
#define _KERNEL_SEQLOCK_H

#include <asm/processor.h>
#include <kernel/compiler.h>
#include <kernel/types.h>

/*
 * Sequence counters: for data that is read often and written rarely, where readers must not
 * write to shared memory (a clock read on every CPU). The writer makes the count odd, updates
 * the data, and makes it even again; a reader notes an even count, copies the data, and tries
 * again when the count has moved in the meantime:
 *
 *	do {
 *		seq = read_seqcount_begin(&s);
 *		a = READ_ONCE(data.a);
 *		b = READ_ONCE(data.b);
 *	} while (read_seqcount_retry(&s, seq));
 *
 * Writers must exclude each other (a spinlock, or only one CPU ever writing), and a reader
 * must never interrupt a writer on the same CPU: it would spin for ever. So writers keep
 * interrupts off for the few instructions of their update.
 *
 * The data should be read and written with READ_ONCE/WRITE_ONCE: each access is then a single
 * load or store the compiler cannot tear or repeat, which is what the fences below order. On
 * x86 the fences cost nothing at run time; they only stop the compiler reordering.
 */
typedef struct {
	unsigned int sequence;
} seqcount_t;

#define SEQCNT_ZERO \
	{           \
		0   \
	}

static inline void seqcount_init(seqcount_t *s)
{
	__atomic_store_n(&s->sequence, 0, __ATOMIC_RELAXED);
}

/* Waits until no write is in progress, and returns the count to hand to the retry check. */
static __always_inline unsigned int read_seqcount_begin(const seqcount_t *s)
{
	unsigned int seq;

	while ((seq = __atomic_load_n(&s->sequence, __ATOMIC_ACQUIRE)) & 1)
		cpu_relax();
	return seq;
}

/* True when a writer may have changed the data since read_seqcount_begin returned start. */
static __always_inline bool read_seqcount_retry(const seqcount_t *s, unsigned int start)
{
	/* The data loads above must be done before the count is read again. */
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	return __atomic_load_n(&s->sequence, __ATOMIC_RELAXED) != start;
}

static __always_inline void write_seqcount_begin(seqcount_t *s)
{
	unsigned int seq = __atomic_load_n(&s->sequence, __ATOMIC_RELAXED);

	__atomic_store_n(&s->sequence, seq + 1, __ATOMIC_RELAXED);
	/* The odd count must be visible before any of the data stores that follow. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

static __always_inline void write_seqcount_end(seqcount_t *s)
{
	unsigned int seq = __atomic_load_n(&s->sequence, __ATOMIC_RELAXED);

	/* Release: the data stores are visible before the even count is. */
	__atomic_store_n(&s->sequence, seq + 1, __ATOMIC_RELEASE);
}

#endif /* _KERNEL_SEQLOCK_H */
