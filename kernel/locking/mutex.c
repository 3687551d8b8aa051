// SPDX-License-Identifier: GPL-2.0
/* Mutexes: see include/kernel/mutex.h for the rules and the design. */
#include <kernel/mutex.h>
#include <kernel/sched.h>

#include "internal.h"

void __mutex_init(struct mutex *m, const char *name, const struct lock_class_key *key)
{
	m->owner = 0;
	__spin_lock_init(&m->wait_lock, NULL, NULL);
	INIT_LIST_HEAD(&m->wait_list);
	lockdep_init_lock(m, name, key);
}

static bool mutex_trylock_fast(struct mutex *m)
{
	unsigned long free = 0;

	return __atomic_compare_exchange_n(&m->owner, &free, (unsigned long)current, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static __noinline void mutex_lock_slow(struct mutex *m)
{
	struct lock_waiter w = { .task = current };
	unsigned long flags = wait_lock_acquire(&m->wait_lock);
	unsigned long owner = __atomic_load_n(&m->owner, __ATOMIC_RELAXED);

	/*
	 * Either the mutex was freed meanwhile (then nobody waits: take it), or tell its owner,
	 * by the waiters bit, that its unlock must come here and hand it over.
	 */
	for (;;) {
		unsigned long want = owner ? owner | MUTEX_FLAG_WAITERS : (unsigned long)current;

		if (owner == want ||
		    __atomic_compare_exchange_n(&m->owner, &owner, want, false, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			break;
	}
	if (!owner) {
		wait_lock_release(&m->wait_lock, flags);
		return;
	}
	list_add_tail(&w.list, &m->wait_list);
	wait_lock_release(&m->wait_lock, flags);
	/* The unlocker made us the owner before it granted. */
	wait_granted(&w, &m->wait_lock);
}

void mutex_lock(struct mutex *m)
{
	might_sleep();
	lockdep_acquire(m, 0, _RET_IP_);
	if (!mutex_trylock_fast(m))
		mutex_lock_slow(m);
}

void mutex_lock_nested(struct mutex *m, unsigned int subclass)
{
	might_sleep();
	lockdep_acquire(m, LOCKDEP_SUBCLASS(subclass), _RET_IP_);
	if (!mutex_trylock_fast(m))
		mutex_lock_slow(m);
}

int mutex_trylock(struct mutex *m)
{
	lockdep_try_check(m, _RET_IP_);
	if (!mutex_trylock_fast(m))
		return 0;
	lockdep_acquire(m, LOCKDEP_TRY, _RET_IP_);
	return 1;
}

static __noinline void mutex_unlock_slow(struct mutex *m)
{
	unsigned long flags = wait_lock_acquire(&m->wait_lock);
	struct lock_waiter *w = list_first_entry_or_null(&m->wait_list, struct lock_waiter, list);

	if (WARN_ON(!w)) {
		/* The waiters bit without waiters: cannot happen; free the mutex all the same. */
		__atomic_store_n(&m->owner, 0, __ATOMIC_RELEASE);
	} else {
		unsigned long owner = (unsigned long)w->task;

		if (!list_is_singular(&m->wait_list))
			owner |= MUTEX_FLAG_WAITERS;
		__atomic_store_n(&m->owner, owner, __ATOMIC_RELEASE);
		grant_waiter(w, &m->wait_lock);
	}
	wait_lock_release(&m->wait_lock, flags);
}

void mutex_unlock(struct mutex *m)
{
	unsigned long owner = (unsigned long)current;

	if (unlikely(mutex_owner(m) != current)) {
		struct task_struct *p = mutex_owner(m);

		lock_report_misuse(_RET_IP_, "mutex_unlock of %s (%p) by %s (pid %d); owner: %s",
				   lockdep_name(m), m, current->comm, current->pid,
				   p ? p->comm : "none");
		return;
	}
	lockdep_release(m, _RET_IP_);
	if (!__atomic_compare_exchange_n(&m->owner, &owner, 0, false, __ATOMIC_RELEASE,
					 __ATOMIC_RELAXED))
		mutex_unlock_slow(m);
}
