// SPDX-License-Identifier: GPL-2.0
/* Counting semaphores (include/kernel/semaphore.h). */
#include <kernel/semaphore.h>
#include <kernel/sched.h>

#include "internal.h"

void sema_init(struct semaphore *sem, int val)
{
	__spin_lock_init(&sem->lock, NULL, NULL);
	sem->count = val;
	INIT_LIST_HEAD(&sem->wait_list);
}

/* count > 0 only while nobody waits: up() gives to a waiter before it counts. */
void down(struct semaphore *sem)
{
	struct lock_waiter w = { .task = current };
	unsigned long flags;

	might_sleep();
	flags = wait_lock_acquire(&sem->lock);
	if (sem->count) {
		sem->count--;
		wait_lock_release(&sem->lock, flags);
		return;
	}
	list_add_tail(&w.list, &sem->wait_list);
	wait_lock_release(&sem->lock, flags);
	wait_granted(&w, &sem->lock);
}

int down_trylock(struct semaphore *sem)
{
	unsigned long flags = wait_lock_acquire(&sem->lock);
	int busy = sem->count == 0;

	if (!busy)
		sem->count--;
	wait_lock_release(&sem->lock, flags);
	return busy;
}

void up(struct semaphore *sem)
{
	unsigned long flags = wait_lock_acquire(&sem->lock);

	if (list_empty(&sem->wait_list))
		sem->count++;
	else
		grant_waiter(list_first_entry(&sem->wait_list, struct lock_waiter, list),
			     &sem->lock);
	wait_lock_release(&sem->lock, flags);
}
