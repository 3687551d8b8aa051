/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_LOCKDEP_H
#define _KERNEL_LOCKDEP_H

#include <kernel/compiler.h>
#include <kernel/types.h>

/*
 * Lock dependency checks (kernel/locking/lockdep.c, CONFIG_DEBUG_LOCKDEP), a simplified
 * lockdep: every checked lock belongs to a class (all the locks initialised at one place in
 * the source), each task keeps a stack of the locks it holds, and the order in which classes
 * nest is kept in one graph for the whole kernel. Taking B while holding A adds the edge
 * A -> B; if the graph already leads from B to A, the two orders can deadlock against each
 * other and the second one is reported, once per pair. Taking a lock the task already holds
 * is reported as recursive locking, before the lock is waited for. See docs/locking.md.
 *
 * A lock's class is named by the address of a struct lock_class_key: the init macros
 * (spin_lock_init, mutex_init, ...) declare a static one at each call site. A statically
 * defined lock (DEFINE_SPINLOCK, DEFINE_MUTEX, ...) has no key and uses its own address.
 * A lock with neither (a spinlock_t on the stack, set up by hand) is not checked.
 */
struct lock_class_key {
	char unused; /* only the address counts, and every key needs one of its own */
};

struct lock_class;

struct lockdep_map {
	const struct lock_class_key *key;
	const char *name;
	struct lock_class *class; /* looked up on first use */
};

/* What a task's held-lock stack remembers of each lock. */
#define LOCKDEP_MAX_HELD 16

struct held_lock {
	struct lockdep_map *map;
	unsigned long ip; /* where it was taken */
	unsigned short class_idx;
	unsigned char flags;
};

/* Acquisition flags. */
#define LOCKDEP_TRY 0x1 /* taken by a trylock: it waited for nothing */
#define LOCKDEP_READ 0x2 /* shared (read) acquisition */
/*
 * A nesting subclass (the *_nested lock calls): two locks of one class taken one inside the
 * other in a known order (a parent directory's inode lock, then a child's) count as two
 * classes, as with Linux's I_MUTEX_PARENT and I_MUTEX_CHILD.
 */
#define MAX_LOCKDEP_SUBCLASSES 8
#define SINGLE_DEPTH_NESTING 1
#define LOCKDEP_SUBCLASS_SHIFT 4
#define LOCKDEP_SUBCLASS(n) ((unsigned int)(n) << LOCKDEP_SUBCLASS_SHIFT)

#ifndef _RET_IP_
#define _RET_IP_ ((unsigned long)__builtin_return_address(0))
#endif

struct lockdep_stats {
	unsigned long classes, edges, max_edges, reports, inversions, recursions;
	unsigned long irq_unsafe; /* classes taken in a handler and with interrupts on */
	unsigned long assert_failures; /* lockdep_assert_held on a lock not held */
	unsigned long bad_subclasses; /* subclass >= MAX_LOCKDEP_SUBCLASSES */
	unsigned long unclassed; /* acquisitions of locks with no class, not checked */
	unsigned long unheld_releases; /* releases of locks the task did not hold */
	bool enabled; /* false once a table overflowed, and without CONFIG_DEBUG_LOCKDEP */
};

#ifdef CONFIG_DEBUG_LOCKDEP

#define __DEP_MAP_INIT(lockname) .dep_map = { .name = #lockname },

static inline void lockdep_init_map(struct lockdep_map *map, const char *name,
				    const struct lock_class_key *key)
{
	map->key = key;
	map->name = name;
	map->class = NULL;
}

/* Turns the checks on; before this (and before sched_init) nothing is recorded. */
void lockdep_init(void);

/*
 * lock_acquire: map is about to be waited for (or, with LOCKDEP_TRY, was just taken by a
 * trylock): check it and push it on the task's stack. lock_try_check: the recursion check
 * alone, before an exclusive trylock, which cannot deadlock but fails on a lock its caller
 * already holds. lock_release: take map off the stack, wherever it is in it.
 */
void lock_acquire(struct lockdep_map *map, unsigned int flags, unsigned long ip);
void lock_try_check(struct lockdep_map *map, unsigned long ip);
void lock_release(struct lockdep_map *map, unsigned long ip);
/* Does the running task hold map? (always true while the checks are off) */
bool lock_is_held(const struct lockdep_map *map);
/* How many locks the running task holds (as far as lockdep knows). */
int lockdep_depth(void);

/* No checks for the running task in between (printk, lockdep's own reports). Irqs off. */
void lockdep_off(void);
void lockdep_on(void);

/* Called by a task on its way out: holding locks then is a bug. */
void lockdep_task_exit(void);
/* Called by irq_exit, still in_irq(): a handler returning with locks held is a bug. */
void lockdep_hardirq_exit(void);

/* Problems reported so far (inversions, recursion, locks held at exit). */
unsigned long lockdep_reports(void);

void lockdep_get_stats(struct lockdep_stats *st);

void lockdep_assert_failed(const struct lockdep_map *map, const char *file, int line,
			   const char *func);

#define lockdep_is_held(lock) lock_is_held(&(lock)->dep_map)
/* Says which lock is not held, and where: "WARNING: lock NAME is not held at FILE:LINE". */
#define lockdep_assert_held(lock)                                                              \
	do {                                                                                   \
		if (unlikely(!lockdep_is_held(lock)))                                          \
			lockdep_assert_failed(&(lock)->dep_map, __FILE__, __LINE__, __func__); \
	} while (0)

#else /* !CONFIG_DEBUG_LOCKDEP */

#define __DEP_MAP_INIT(lockname)

static inline void lockdep_init(void)
{
}

static inline void lockdep_off(void)
{
}

static inline void lockdep_on(void)
{
}

static inline void lockdep_task_exit(void)
{
}

static inline void lockdep_hardirq_exit(void)
{
}

static inline unsigned long lockdep_reports(void)
{
	return 0;
}

static inline int lockdep_depth(void)
{
	return 0;
}

static inline void lockdep_get_stats(struct lockdep_stats *st)
{
	*st = (struct lockdep_stats){ 0 };
}

#define lockdep_is_held(lock) ((void)(lock), true)
#define lockdep_assert_held(lock) ((void)(lock))

#endif /* CONFIG_DEBUG_LOCKDEP */

/*
 * For the lock implementations: feed a lock's map to lockdep, or compile to nothing without
 * it. The lock must have a member named dep_map.
 */
#ifdef CONFIG_DEBUG_LOCKDEP
#define lockdep_acquire(lock, flags, ip) lock_acquire(&(lock)->dep_map, flags, ip)
#define lockdep_try_check(lock, ip) lock_try_check(&(lock)->dep_map, ip)
#define lockdep_release(lock, ip) lock_release(&(lock)->dep_map, ip)
#define lockdep_init_lock(lock, name, key) lockdep_init_map(&(lock)->dep_map, name, key)
#define lockdep_name(lock) ((lock)->dep_map.name ? (lock)->dep_map.name : "<unnamed>")
#else
#define lockdep_acquire(lock, flags, ip) ((void)(lock))
#define lockdep_try_check(lock, ip) ((void)(lock))
#define lockdep_release(lock, ip) ((void)(lock))
#define lockdep_init_lock(lock, name, key) ((void)(lock))
#define lockdep_name(lock) ((void)(lock), "<unnamed>")
#endif

/*
 * Misuse of the sleeping locks that is caught without lockdep too (unlock by a task that
 * is not the owner, up_read of a free rw_semaphore): reported and counted here.
 */
__printf(2, 3) void lock_report_misuse(unsigned long ip, const char *fmt, ...);
unsigned long lock_misuse_reports(void);

#endif /* _KERNEL_LOCKDEP_H */
