// SPDX-License-Identifier: GPL-2.0
/*
 * Spinlocks and rwlocks as functions, for CONFIG_DEBUG_LOCKDEP: out of line, _RET_IP_ is
 * the caller, which is the site lockdep records. The checks run before the lock is spun
 * on, so a report comes out even when the acquisition it is about would hang.
 * Without lockdep, include/kernel/spinlock.h and rwlock.h inline the bare versions.
 */
#include <kernel/lockdep.h>
#include <kernel/rwlock.h>
#include <kernel/spinlock.h>

void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	lockdep_acquire(lock, 0, _RET_IP_);
	arch_spin_lock(lock);
}

void spin_lock_nested(spinlock_t *lock, unsigned int subclass)
{
	preempt_disable();
	lockdep_acquire(lock, LOCKDEP_SUBCLASS(subclass), _RET_IP_);
	arch_spin_lock(lock);
}

bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	lockdep_try_check(lock, _RET_IP_);
	if (arch_spin_trylock(lock)) {
		lockdep_acquire(lock, LOCKDEP_TRY, _RET_IP_);
		return true;
	}
	preempt_enable();
	return false;
}

void spin_unlock(spinlock_t *lock)
{
	lockdep_release(lock, _RET_IP_);
	arch_spin_unlock(lock);
	preempt_enable();
}

void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	lockdep_release(lock, _RET_IP_);
	arch_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	preempt_disable();
	lockdep_acquire(lock, 0, _RET_IP_);
	arch_spin_lock(lock);
}

void spin_unlock_irq(spinlock_t *lock)
{
	lockdep_release(lock, _RET_IP_);
	arch_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}

void read_lock(rwlock_t *lock)
{
	preempt_disable();
	lockdep_acquire(lock, LOCKDEP_READ, _RET_IP_);
	arch_read_lock(lock);
}

/* A read trylock cannot deadlock, not even on a lock its caller holds: no recursion check. */
bool read_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (arch_read_trylock(lock)) {
		lockdep_acquire(lock, LOCKDEP_TRY | LOCKDEP_READ, _RET_IP_);
		return true;
	}
	preempt_enable();
	return false;
}

void read_unlock(rwlock_t *lock)
{
	lockdep_release(lock, _RET_IP_);
	arch_read_unlock(lock);
	preempt_enable();
}

void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	lockdep_release(lock, _RET_IP_);
	arch_read_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

void write_lock(rwlock_t *lock)
{
	preempt_disable();
	lockdep_acquire(lock, 0, _RET_IP_);
	arch_write_lock(lock);
}

bool write_trylock(rwlock_t *lock)
{
	preempt_disable();
	lockdep_try_check(lock, _RET_IP_);
	if (arch_write_trylock(lock)) {
		lockdep_acquire(lock, LOCKDEP_TRY, _RET_IP_);
		return true;
	}
	preempt_enable();
	return false;
}

void write_unlock(rwlock_t *lock)
{
	lockdep_release(lock, _RET_IP_);
	arch_write_unlock(lock);
	preempt_enable();
}

void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	lockdep_release(lock, _RET_IP_);
	arch_write_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}
