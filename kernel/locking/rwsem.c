// SPDX-License-Identifier: GPL-2.0
/* Reader-writer semaphores (include/kernel/rwsem.h): all state under wait_lock. */
#include <kernel/rwsem.h>
#include <kernel/sched.h>

#include "internal.h"

void __init_rwsem(struct rw_semaphore *sem, const char *name, const struct lock_class_key *key)
{
	sem->count = 0;
	sem->owner = NULL;
	__spin_lock_init(&sem->wait_lock, NULL, NULL);
	INIT_LIST_HEAD(&sem->wait_list);
	lockdep_init_lock(sem, name, key);
}

/* Hands the free (or read-held) lock to the head of the queue; with wait_lock held. */
static void rwsem_grant(struct rw_semaphore *sem)
{
	assert_wait_lock_held(&sem->wait_lock);
	while (!list_empty(&sem->wait_list)) {
		struct lock_waiter *w = list_first_entry(&sem->wait_list, struct lock_waiter, list);

		if (w->write) {
			if (sem->count == 0) {
				sem->count = -1;
				sem->owner = w->task;
				grant_waiter(w, &sem->wait_lock);
			}
			return;
		}
		sem->count++;
		grant_waiter(w, &sem->wait_lock);
	}
}

static void rwsem_wait(struct rw_semaphore *sem, bool write, unsigned long flags)
{
	struct lock_waiter w = { .task = current, .write = write };

	list_add_tail(&w.list, &sem->wait_list);
	wait_lock_release(&sem->wait_lock, flags);
	wait_granted(&w, &sem->wait_lock);
}

static __always_inline void __down_read(struct rw_semaphore *sem, unsigned int dep_flags,
					unsigned long ip)
{
	unsigned long flags;

	might_sleep();
	lockdep_acquire(sem, LOCKDEP_READ | dep_flags, ip);
	flags = wait_lock_acquire(&sem->wait_lock);
	if (sem->count >= 0 && list_empty(&sem->wait_list)) {
		sem->count++;
		wait_lock_release(&sem->wait_lock, flags);
		return;
	}
	rwsem_wait(sem, false, flags);
}

void down_read(struct rw_semaphore *sem)
{
	__down_read(sem, 0, _RET_IP_);
}

void down_read_nested(struct rw_semaphore *sem, unsigned int subclass)
{
	__down_read(sem, LOCKDEP_SUBCLASS(subclass), _RET_IP_);
}

int down_read_trylock(struct rw_semaphore *sem)
{
	unsigned long flags = wait_lock_acquire(&sem->wait_lock);
	int ok = sem->count >= 0 && list_empty(&sem->wait_list);

	if (ok)
		sem->count++;
	wait_lock_release(&sem->wait_lock, flags);
	if (ok)
		lockdep_acquire(sem, LOCKDEP_TRY | LOCKDEP_READ, _RET_IP_);
	return ok;
}

void up_read(struct rw_semaphore *sem)
{
	unsigned long flags = wait_lock_acquire(&sem->wait_lock);

	if (unlikely(sem->count <= 0)) {
		long count = sem->count;

		wait_lock_release(&sem->wait_lock, flags);
		lock_report_misuse(_RET_IP_, "up_read of %s (%p) by %s (pid %d), count %ld",
				   lockdep_name(sem), sem, current->comm, current->pid, count);
		return;
	}
	if (--sem->count == 0)
		rwsem_grant(sem);
	wait_lock_release(&sem->wait_lock, flags);
	lockdep_release(sem, _RET_IP_);
}

static __always_inline void __down_write(struct rw_semaphore *sem, unsigned int dep_flags,
					 unsigned long ip)
{
	unsigned long flags;

	might_sleep();
	lockdep_acquire(sem, dep_flags, ip);
	flags = wait_lock_acquire(&sem->wait_lock);
	if (sem->count == 0 && list_empty(&sem->wait_list)) {
		sem->count = -1;
		sem->owner = current;
		wait_lock_release(&sem->wait_lock, flags);
		return;
	}
	rwsem_wait(sem, true, flags);
}

void down_write(struct rw_semaphore *sem)
{
	__down_write(sem, 0, _RET_IP_);
}

void down_write_nested(struct rw_semaphore *sem, unsigned int subclass)
{
	__down_write(sem, LOCKDEP_SUBCLASS(subclass), _RET_IP_);
}

int down_write_trylock(struct rw_semaphore *sem)
{
	unsigned long flags;
	int ok;

	lockdep_try_check(sem, _RET_IP_);
	flags = wait_lock_acquire(&sem->wait_lock);
	ok = sem->count == 0 && list_empty(&sem->wait_list);
	if (ok) {
		sem->count = -1;
		sem->owner = current;
	}
	wait_lock_release(&sem->wait_lock, flags);
	if (ok)
		lockdep_acquire(sem, LOCKDEP_TRY, _RET_IP_);
	return ok;
}

void up_write(struct rw_semaphore *sem)
{
	unsigned long flags = wait_lock_acquire(&sem->wait_lock);

	if (unlikely(sem->count != -1 || sem->owner != current)) {
		struct task_struct *owner = sem->owner;

		wait_lock_release(&sem->wait_lock, flags);
		lock_report_misuse(_RET_IP_, "up_write of %s (%p) by %s (pid %d); owner: %s",
				   lockdep_name(sem), sem, current->comm, current->pid,
				   owner ? owner->comm : "none");
		return;
	}
	sem->count = 0;
	sem->owner = NULL;
	rwsem_grant(sem);
	wait_lock_release(&sem->wait_lock, flags);
	lockdep_release(sem, _RET_IP_);
}
