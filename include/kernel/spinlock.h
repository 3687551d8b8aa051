/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SPINLOCK_H
#define _KERNEL_SPINLOCK_H

#include <kernel/compiler.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/types.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

/*
 * A ticket lock: CPUs are served in the order they arrived, so no CPU starves on a
 * contended lock. next is taken with one atomic add; owner is only written by the holder.
 */
typedef struct {
	volatile u16 owner;
	volatile u16 next;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED \
	{                    \
		0, 0         \
	}
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->owner = 0;
	lock->next = 0;
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->owner) != READ_ONCE(lock->next);
}

/* The lock alone, for code that manages preemption itself (the scheduler). */
static inline void arch_spin_lock(spinlock_t *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
}

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	arch_spin_lock(lock);
}

static inline bool arch_spin_trylock(spinlock_t *lock)
{
	u16 owner = __atomic_load_n(&lock->owner, __ATOMIC_RELAXED);
	u16 expected = owner;

	return __atomic_compare_exchange_n(&lock->next, &expected, (u16)(owner + 1), false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (arch_spin_trylock(lock))
		return true;
	preempt_enable();
	return false;
}

static inline void arch_spin_unlock(spinlock_t *lock)
{
	/* Releasing a free lock would let two later lockers in at once: catch it here. */
	if (IS_ENABLED(CONFIG_DEBUG_KERNEL))
		WARN_ON(!spin_is_locked(lock));
	__atomic_store_n(&lock->owner, (u16)(lock->owner + 1), __ATOMIC_RELEASE);
}

static inline void spin_unlock(spinlock_t *lock)
{
	arch_spin_unlock(lock);
	preempt_enable();
}

#define spin_lock_irqsave(lock, flags) \
	do {                           \
		local_irq_save(flags); \
		spin_lock(lock);       \
	} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	arch_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	spin_lock(lock);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	arch_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}

#endif /* _KERNEL_SPINLOCK_H */
