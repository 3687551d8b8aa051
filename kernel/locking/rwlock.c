// SPDX-License-Identifier: GPL-2.0
/* The slow paths of the spinning reader-writer lock (include/kernel/rwlock.h). */
#include <kernel/rwlock.h>

/*
 * A reader that met a writer (holding, or waiting): queue on wait_lock behind any waiting
 * writer, then wait only for a writer that already holds the lock. While a reader holds
 * wait_lock no writer can be waiting (the waiting writer is the one holding wait_lock), and
 * the reader's count keeps new writers out of the fast path.
 */
void arch_read_lock_slow(rwlock_t *lock)
{
	__atomic_sub_fetch(&lock->cnts, RW_READER, __ATOMIC_RELAXED);
	arch_spin_lock(&lock->wait_lock);
	__atomic_add_fetch(&lock->cnts, RW_READER, __ATOMIC_ACQUIRE);
	while (__atomic_load_n(&lock->cnts, __ATOMIC_ACQUIRE) & RW_WLOCKED)
		cpu_relax();
	arch_spin_unlock(&lock->wait_lock);
}

/*
 * A writer that found the lock busy: one at a time on wait_lock, raise RW_WAITING so that
 * new readers queue behind us, and wait for the readers (and a writer from the fast path)
 * to leave. Taking the lock clears RW_WAITING.
 */
void arch_write_lock_slow(rwlock_t *lock)
{
	arch_spin_lock(&lock->wait_lock);
	__atomic_fetch_or(&lock->cnts, RW_WAITING, __ATOMIC_RELAXED);
	for (;;) {
		u32 waiting = RW_WAITING;

		if (__atomic_load_n(&lock->cnts, __ATOMIC_RELAXED) == RW_WAITING &&
		    __atomic_compare_exchange_n(&lock->cnts, &waiting, RW_WLOCKED, false,
						__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			break;
		cpu_relax();
	}
	arch_spin_unlock(&lock->wait_lock);
}
