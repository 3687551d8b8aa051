/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SEMAPHORE_H
#define _KERNEL_SEMAPHORE_H

#include <kernel/list.h>
#include <kernel/spinlock.h>

/*
 * Counting semaphores (kernel/locking/semaphore.c): down() takes one of count units,
 * sleeping while there are none; up() gives one back, and may be called by any task or an
 * interrupt handler. Waiters are served in arrival order: up() hands its unit straight to
 * the first of them. No owner, so lockdep does not watch semaphores; use a mutex where one
 * task locks and the same task unlocks.
 */
struct semaphore {
	spinlock_t lock; /* arch_spin_*, with interrupts off */
	unsigned int count;
	struct list_head wait_list;
};

#define __SEMAPHORE_INITIALIZER(name, n)                               \
	{                                                              \
		.lock = __SPIN_LOCK_UNLOCKED(name.lock), .count = (n), \
		.wait_list = LIST_HEAD_INIT((name).wait_list)          \
	}
#define DEFINE_SEMAPHORE(name, n) struct semaphore name = __SEMAPHORE_INITIALIZER(name, n)

void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
/* 0 if it took a unit, 1 if there was none (Linux's convention). Never sleeps. */
int down_trylock(struct semaphore *sem);
void up(struct semaphore *sem);

#endif /* _KERNEL_SEMAPHORE_H */
