/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_RWLOCK_H
#define _KERNEL_RWLOCK_H

#include <kernel/spinlock.h>

/*
 * Spinning reader-writer locks: any number of readers, or one writer; the holder may not
 * sleep (preemption is off, as with spin_lock).
 *
 * Writers are not starved: a writer that finds the lock busy raises RW_WAITING, and from
 * then on arriving readers do not take the fast path but queue on wait_lock, a ticket lock
 * that the waiting writer holds until it gets in. Readers and writers that have to wait are
 * thus served in arrival order. The price: a reader must not take a read lock it already
 * holds (a writer waiting in between would deadlock both), which lockdep reports.
 *
 * cnts: bit 0 a writer holds the lock, bit 1 a writer waits, bits 2.. count the readers.
 */
typedef struct {
	u32 cnts;
	spinlock_t wait_lock; /* arch_spin_* only */
#ifdef CONFIG_DEBUG_LOCKDEP
	struct lockdep_map dep_map;
#endif
} rwlock_t;

#define RW_WLOCKED 0x1u
#define RW_WAITING 0x2u
#define RW_READER 0x4u

#define __RW_LOCK_UNLOCKED(lockname)                                              \
	{                                                                         \
		.cnts = 0, .wait_lock = __SPIN_LOCK_UNLOCKED(lockname.wait_lock), \
		__DEP_MAP_INIT(lockname)                                          \
	}
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)

static inline void __rwlock_init(rwlock_t *lock, const char *name, const struct lock_class_key *key)
{
	lock->cnts = 0;
	__spin_lock_init(&lock->wait_lock, NULL, NULL);
	lockdep_init_lock(lock, name, key);
}

#ifdef CONFIG_DEBUG_LOCKDEP
#define rwlock_init(lock)                             \
	do {                                          \
		static struct lock_class_key __key;   \
		__rwlock_init((lock), #lock, &__key); \
	} while (0)
#else
#define rwlock_init(lock) __rwlock_init((lock), NULL, NULL)
#endif

/* The bare lock (kernel/locking/rwlock.c has the slow paths). */
void arch_read_lock_slow(rwlock_t *lock);
void arch_write_lock_slow(rwlock_t *lock);

static inline void arch_read_lock(rwlock_t *lock)
{
	u32 c = __atomic_add_fetch(&lock->cnts, RW_READER, __ATOMIC_ACQUIRE);

	if (unlikely(c & (RW_WLOCKED | RW_WAITING)))
		arch_read_lock_slow(lock);
}

static inline bool arch_read_trylock(rwlock_t *lock)
{
	u32 c = __atomic_load_n(&lock->cnts, __ATOMIC_RELAXED);

	if (c & (RW_WLOCKED | RW_WAITING))
		return false;
	c = __atomic_add_fetch(&lock->cnts, RW_READER, __ATOMIC_ACQUIRE);
	if (likely(!(c & (RW_WLOCKED | RW_WAITING))))
		return true;
	__atomic_sub_fetch(&lock->cnts, RW_READER, __ATOMIC_RELAXED);
	return false;
}

static inline void arch_read_unlock(rwlock_t *lock)
{
	__atomic_sub_fetch(&lock->cnts, RW_READER, __ATOMIC_RELEASE);
}

static inline void arch_write_lock(rwlock_t *lock)
{
	u32 free = 0;

	if (unlikely(!__atomic_compare_exchange_n(&lock->cnts, &free, RW_WLOCKED, false,
						  __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)))
		arch_write_lock_slow(lock);
}

static inline bool arch_write_trylock(rwlock_t *lock)
{
	u32 free = 0;

	return __atomic_compare_exchange_n(&lock->cnts, &free, RW_WLOCKED, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static inline void arch_write_unlock(rwlock_t *lock)
{
	if (IS_ENABLED(CONFIG_DEBUG_KERNEL))
		WARN_ON(!(READ_ONCE(lock->cnts) & RW_WLOCKED));
	__atomic_sub_fetch(&lock->cnts, RW_WLOCKED, __ATOMIC_RELEASE);
}

#ifdef CONFIG_DEBUG_LOCKDEP

/* With lockdep these are functions (kernel/locking/spinlock.c), so it sees the caller. */
void read_lock(rwlock_t *lock);
bool read_trylock(rwlock_t *lock);
void read_unlock(rwlock_t *lock);
void write_lock(rwlock_t *lock);
bool write_trylock(rwlock_t *lock);
void write_unlock(rwlock_t *lock);
void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);

#else /* !CONFIG_DEBUG_LOCKDEP */

static inline void read_lock(rwlock_t *lock)
{
	preempt_disable();
	arch_read_lock(lock);
}

static inline bool read_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (arch_read_trylock(lock))
		return true;
	preempt_enable();
	return false;
}

static inline void read_unlock(rwlock_t *lock)
{
	arch_read_unlock(lock);
	preempt_enable();
}

static inline void write_lock(rwlock_t *lock)
{
	preempt_disable();
	arch_write_lock(lock);
}

static inline bool write_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (arch_write_trylock(lock))
		return true;
	preempt_enable();
	return false;
}

static inline void write_unlock(rwlock_t *lock)
{
	arch_write_unlock(lock);
	preempt_enable();
}

static inline void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	arch_read_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

static inline void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	arch_write_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

#endif /* CONFIG_DEBUG_LOCKDEP */

#define read_lock_irqsave(lock, flags) \
	do {                           \
		local_irq_save(flags); \
		read_lock(lock);       \
	} while (0)

#define write_lock_irqsave(lock, flags) \
	do {                            \
		local_irq_save(flags);  \
		write_lock(lock);       \
	} while (0)

#endif /* _KERNEL_RWLOCK_H */
