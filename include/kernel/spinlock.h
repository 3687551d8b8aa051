/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SPINLOCK_H
#define _KERNEL_SPINLOCK_H

#include <kernel/compiler.h>
#include <kernel/lockdep.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/types.h>
#include <asm/irqflags.h>
#include <asm/processor.h>

/*
 * A ticket lock: CPUs are served in the order they arrived, so no CPU starves on a
 * contended lock. next is taken with one atomic add; owner is only written by the holder.
 *
 * spin_lock and friends disable preemption and, with CONFIG_DEBUG_LOCKDEP, are checked by
 * lockdep (then they are functions in kernel/locking/spinlock.c, so that lockdep sees the
 * caller). The arch_spin_* operations are the bare lock: no preemption count, no checks;
 * the scheduler and the sleeping locks use them for their innermost locks.
 */
typedef struct {
	volatile u16 owner;
	volatile u16 next;
#ifdef CONFIG_DEBUG_LOCKDEP
	struct lockdep_map dep_map;
#endif
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname)                          \
	{                                                       \
		.owner = 0, .next = 0, __DEP_MAP_INIT(lockname) \
	}
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

static inline void __spin_lock_init(spinlock_t *lock, const char *name,
				    const struct lock_class_key *key)
{
	lock->owner = 0;
	lock->next = 0;
	lockdep_init_lock(lock, name, key);
}

/* Each call site is a lock class of its own for lockdep. */
#ifdef CONFIG_DEBUG_LOCKDEP
#define spin_lock_init(lock)                             \
	do {                                             \
		static struct lock_class_key __key;      \
		__spin_lock_init((lock), #lock, &__key); \
	} while (0)
#else
#define spin_lock_init(lock) __spin_lock_init((lock), NULL, NULL)
#endif

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

static inline bool arch_spin_trylock(spinlock_t *lock)
{
	u16 owner = __atomic_load_n(&lock->owner, __ATOMIC_RELAXED);
	u16 expected = owner;

	return __atomic_compare_exchange_n(&lock->next, &expected, (u16)(owner + 1), false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline void arch_spin_unlock(spinlock_t *lock)
{
	/* Releasing a free lock would let two later lockers in at once: catch it here. */
	if (IS_ENABLED(CONFIG_DEBUG_KERNEL))
		WARN_ON(!spin_is_locked(lock));
	__atomic_store_n(&lock->owner, (u16)(lock->owner + 1), __ATOMIC_RELEASE);
}

#ifdef CONFIG_DEBUG_LOCKDEP

void spin_lock(spinlock_t *lock);
void spin_lock_nested(spinlock_t *lock, unsigned int subclass);
bool spin_trylock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);

#else /* !CONFIG_DEBUG_LOCKDEP */

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	arch_spin_lock(lock);
}

static inline void spin_lock_nested(spinlock_t *lock, unsigned int subclass)
{
	spin_lock(lock);
}

static inline bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (arch_spin_trylock(lock))
		return true;
	preempt_enable();
	return false;
}

static inline void spin_unlock(spinlock_t *lock)
{
	arch_spin_unlock(lock);
	preempt_enable();
}

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

#endif /* CONFIG_DEBUG_LOCKDEP */

/*
 * Lets go of lock and leaves the preemption count as it is: one more preempt_enable is owed,
 * made later by the caller's own path (a context switch's far side).
 */
static inline void spin_unlock_keep_preempt(spinlock_t *lock)
{
#ifdef CONFIG_DEBUG_LOCKDEP
	preempt_disable();
	spin_unlock(lock);
#else
	arch_spin_unlock(lock);
#endif
}

#define spin_lock_irqsave(lock, flags) \
	do {                           \
		local_irq_save(flags); \
		spin_lock(lock);       \
	} while (0)

#endif /* _KERNEL_SPINLOCK_H */
