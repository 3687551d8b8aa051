/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_RWSEM_H
#define _KERNEL_RWSEM_H

#include <kernel/list.h>
#include <kernel/lockdep.h>
#include <kernel/spinlock.h>

/*
 * Reader-writer semaphores (kernel/locking/rwsem.c): sleeping reader-writer locks, for
 * tasks only. Any number of readers or one writer; the writer is the owner, and only it may
 * up_write.
 *
 * Fair: a task that cannot get in at once queues, and once anyone queues, arriving readers
 * queue too, so a writer waits only for the readers that were in before it. Releasing hands
 * the lock to the head of the queue: a writer, or all the readers up to the next writer.
 * A reader must therefore not take a read lock it already holds (a writer queued in between
 * would deadlock both); lockdep reports it.
 */
struct rw_semaphore {
	long count; /* > 0: that many readers hold it; -1: a writer does; 0: free */
	struct task_struct *owner; /* the writer */
	spinlock_t wait_lock; /* arch_spin_*, with interrupts off */
	struct list_head wait_list;
#ifdef CONFIG_DEBUG_LOCKDEP
	struct lockdep_map dep_map;
#endif
};

#define __RWSEM_INITIALIZER(name)                                                             \
	{                                                                                     \
		.count = 0, .owner = NULL, .wait_lock = __SPIN_LOCK_UNLOCKED(name.wait_lock), \
		.wait_list = LIST_HEAD_INIT((name).wait_list), __DEP_MAP_INIT(name)           \
	}
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *sem, const char *name, const struct lock_class_key *key);

/* Each call site is a lock class of its own for lockdep. */
#ifdef CONFIG_DEBUG_LOCKDEP
#define init_rwsem(sem)                             \
	do {                                        \
		static struct lock_class_key __key; \
		__init_rwsem((sem), #sem, &__key);  \
	} while (0)
#else
#define init_rwsem(sem) __init_rwsem((sem), NULL, NULL)
#endif

void down_read(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
/* The same, telling lockdep which of two same-class locks this is (see LOCKDEP_SUBCLASS). */
void down_write_nested(struct rw_semaphore *sem, unsigned int subclass);
void down_read_nested(struct rw_semaphore *sem, unsigned int subclass);
void up_write(struct rw_semaphore *sem);
/* 1 if taken, 0 if not (Linux's convention). Never sleep. */
int down_read_trylock(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);

static inline bool rwsem_is_locked(struct rw_semaphore *sem)
{
	return READ_ONCE(sem->count) != 0;
}

#endif /* _KERNEL_RWSEM_H */
