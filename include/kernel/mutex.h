/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_MUTEX_H
#define _KERNEL_MUTEX_H

#include <kernel/list.h>
#include <kernel/lockdep.h>
#include <kernel/spinlock.h>

/*
 * Mutexes (kernel/locking/mutex.c): sleeping locks with an owner. Only a task may lock
 * one (never an interrupt handler, never with a spinlock held: mutex_lock may sleep), and
 * only the owner may unlock it; an unlock by anyone else is reported and ignored.
 *
 * owner is the owning task, with bit 0 set while tasks wait. A free mutex is taken with one
 * compare-and-swap, and freed with one when nobody waits. Otherwise the waiters queue in
 * arrival order and mutex_unlock hands the mutex straight to the first of them, which
 * keeps owner from ever being 0 while anyone waits: nobody can slip in ahead of a waiter,
 * so none starves.
 */
struct mutex {
	unsigned long owner;
	spinlock_t wait_lock; /* arch_spin_*, with interrupts off */
	struct list_head wait_list;
#ifdef CONFIG_DEBUG_LOCKDEP
	struct lockdep_map dep_map;
#endif
};

#define MUTEX_FLAG_WAITERS 0x1UL

#define __MUTEX_INITIALIZER(lockname)                                                       \
	{                                                                                   \
		.owner = 0, .wait_lock = __SPIN_LOCK_UNLOCKED(lockname.wait_lock),          \
		.wait_list = LIST_HEAD_INIT((lockname).wait_list), __DEP_MAP_INIT(lockname) \
	}
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

void __mutex_init(struct mutex *m, const char *name, const struct lock_class_key *key);

/* Each call site is a lock class of its own for lockdep. */
#ifdef CONFIG_DEBUG_LOCKDEP
#define mutex_init(m)                               \
	do {                                        \
		static struct lock_class_key __key; \
		__mutex_init((m), #m, &__key);      \
	} while (0)
#else
#define mutex_init(m) __mutex_init((m), NULL, NULL)
#endif

void mutex_lock(struct mutex *m);
/* The same, telling lockdep which of two same-class locks this is (see LOCKDEP_SUBCLASS). */
void mutex_lock_nested(struct mutex *m, unsigned int subclass);
/* 1 if it took the mutex, 0 if the mutex was taken. Never sleeps. */
int mutex_trylock(struct mutex *m);
void mutex_unlock(struct mutex *m);

static inline bool mutex_is_locked(struct mutex *m)
{
	return __atomic_load_n(&m->owner, __ATOMIC_RELAXED) != 0;
}

/* The owning task, or NULL: a hint, stale as soon as it is read. */
static inline struct task_struct *mutex_owner(struct mutex *m)
{
	return (struct task_struct *)(__atomic_load_n(&m->owner, __ATOMIC_RELAXED) &
				      ~MUTEX_FLAG_WAITERS);
}

#endif /* _KERNEL_MUTEX_H */
