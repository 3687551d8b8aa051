/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_LOCKING_INTERNAL_H
#define _KERNEL_LOCKING_INTERNAL_H

#include <kernel/sched.h>
#include <kernel/spinlock.h>

/*
 * The sleeping locks' own wait_lock: a leaf (nothing but the run-queue lock, through
 * wake_up_process, is taken under it), held for a few instructions with interrupts off so
 * that up() may come from an interrupt handler. lockdep watches the sleeping lock itself,
 * not this one.
 */
static inline unsigned long wait_lock_acquire(spinlock_t *lock)
{
	unsigned long flags;

	preempt_disable();
	local_irq_save(flags);
	arch_spin_lock(lock);
	return flags;
}

static inline void wait_lock_release(spinlock_t *lock, unsigned long flags)
{
	arch_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

/*
 * A task waiting for a sleeping lock, on the waiter's stack. The task that hands the lock
 * over sets granted and wakes the waiter, both under wait_lock; the waiter, once it sees
 * granted, passes through wait_lock once before it returns (wait_granted), so that the
 * waker is done with the waiter (and with its task) before that stack frame goes away.
 */
struct lock_waiter {
	struct list_head list;
	struct task_struct *task;
	bool granted;
	bool write; /* rw_semaphore: waits to write */
};

/*
 * wait_lock is a bare lock, which lockdep does not see: a rule "with wait_lock held" is
 * asserted by this instead.
 */
static inline void assert_wait_lock_held(spinlock_t *lock)
{
	if (IS_ENABLED(CONFIG_DEBUG_KERNEL))
		WARN_ON(!spin_is_locked(lock) || !irqs_disabled());
}

/* With wait_lock held. */
static inline void grant_waiter(struct lock_waiter *w, spinlock_t *wait_lock)
{
	assert_wait_lock_held(wait_lock);
	list_del(&w->list);
	__atomic_store_n(&w->granted, true, __ATOMIC_RELEASE);
	wake_up_process(w->task);
}

/* Sleeps until w is granted; w was queued under wait_lock, which the caller has let go. */
static inline void wait_granted(struct lock_waiter *w, spinlock_t *wait_lock)
{
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (__atomic_load_n(&w->granted, __ATOMIC_ACQUIRE))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	wait_lock_release(wait_lock, wait_lock_acquire(wait_lock));
}

#endif /* _KERNEL_LOCKING_INTERNAL_H */
