/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_WAIT_H
#define _KERNEL_WAIT_H

#include <kernel/errno.h>
#include <kernel/list.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>

/*
 * Wait queues: a task that must wait for a condition puts itself on a queue, marks itself
 * sleeping, checks the condition once more and only then calls schedule(); whoever makes
 * the condition true calls wake_up() afterwards. That order closes the window in which a
 * wake-up could be lost. Exclusive waiters (locks) are woken one at a time.
 */
struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};

struct wait_queue_entry;
/*
 * What a wake-up does to one waiter; returns whether it woke it (an exclusive waiter that
 * was not woken does not end a wake_up). NULL: wake_up_process(task).
 */
typedef int (*wait_queue_func_t)(struct wait_queue_entry *w);

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
	bool exclusive;
	wait_queue_func_t func;
	void *private; /* for func */
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)                                                  \
	{                                                                                    \
		.lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = LIST_HEAD_INIT((name).head) \
	}
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define DEFINE_WAIT(name) \
	struct wait_queue_entry name = { .task = current, .entry = LIST_HEAD_INIT((name).entry) }

void __init_waitqueue_head(struct wait_queue_head *wq, const char *name,
			   const struct lock_class_key *key);
/* Each call site is a lock class of its own for lockdep. */
#ifdef CONFIG_DEBUG_LOCKDEP
#define init_waitqueue_head(wq)                           \
	do {                                              \
		static struct lock_class_key __key;       \
		__init_waitqueue_head((wq), #wq, &__key); \
	} while (0)
#else
#define init_waitqueue_head(wq) __init_waitqueue_head((wq), NULL, NULL)
#endif
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, long state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *w, long state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w);
void wake_up(struct wait_queue_head *wq); /* all non-exclusive waiters and one exclusive */
void wake_up_all(struct wait_queue_head *wq); /* everyone */
bool waitqueue_active(struct wait_queue_head *wq);

/*
 * Queues w (if it is not queued yet) and sets the task state, as prepare_to_wait does; for
 * an interruptible state with a signal pending it dequeues w instead, leaves the task
 * running and returns -ERESTARTSYS. The wait_event_* macros are built on it.
 */
long prepare_to_wait_event(struct wait_queue_head *wq, struct wait_queue_entry *w, long state,
			   bool exclusive);
/* One sleep of the timed waits: until woken or *end_ns; returns the ns left (0: time is up). */
u64 wait_sleep_until(u64 end_ns);
u64 wait_clock_ns(void);

/*
 * The one loop behind every wait_event_*: the condition is looked at after the task is on
 * the queue and marked sleeping, so a wake-up between the check and schedule() only makes
 * schedule() return at once. It is looked at once more after a signal: a waiter that was
 * woken because the condition came true takes it even with a signal pending, so an
 * exclusive wake-up is never swallowed by a waiter that then gives up.
 */
#define ___wait_event(wq, condition, state, exclusive, ret, cmd)                            \
	({                                                                                  \
		struct wait_queue_entry __we = { .task = current,                           \
						 .entry = LIST_HEAD_INIT(__we.entry) };     \
		long __ret = (ret);                                                         \
		for (;;) {                                                                  \
			long __int = prepare_to_wait_event(&(wq), &__we, state, exclusive); \
			if (condition)                                                      \
				break;                                                      \
			if (__int) {                                                        \
				__ret = __int;                                              \
				break;                                                      \
			}                                                                   \
			cmd;                                                                \
		}                                                                           \
		finish_wait(&(wq), &__we);                                                  \
		__ret;                                                                      \
	})

#define wait_event(wq, condition)                                                          \
	do {                                                                               \
		might_sleep();                                                             \
		if (!(condition))                                                          \
			(void)___wait_event(wq, condition, TASK_UNINTERRUPTIBLE, false, 0, \
					    schedule());                                   \
	} while (0)

/* Sleeps until condition; 0, or -ERESTARTSYS if a signal came first. */
#define wait_event_interruptible(wq, condition)                                          \
	({                                                                               \
		int __r = 0;                                                             \
		might_sleep();                                                           \
		if (!(condition))                                                        \
			__r = ___wait_event(wq, condition, TASK_INTERRUPTIBLE, false, 0, \
					    schedule());                                 \
		__r;                                                                     \
	})

/* The same as an exclusive waiter: a wake_up wakes one of these, wake_up_all all of them. */
#define wait_event_interruptible_exclusive(wq, condition)                               \
	({                                                                              \
		int __r = 0;                                                            \
		might_sleep();                                                          \
		if (!(condition))                                                       \
			__r = ___wait_event(wq, condition, TASK_INTERRUPTIBLE, true, 0, \
					    schedule());                                \
		__r;                                                                    \
	})

/*
 * At most timeout_ns: the ns that were left (at least 1) if condition came true, 0 if the
 * time ran out first, -ERESTARTSYS on a signal. As Linux's, with ns for jiffies; condition
 * is evaluated once per wake-up, so it may consume what it finds.
 */
#define wait_event_interruptible_timeout(wq, condition, timeout_ns)                \
	({                                                                         \
		u64 __end = wait_clock_ns() + (timeout_ns), __left = (timeout_ns); \
		bool __c = (condition);                                            \
		long __r = 0;                                                      \
		might_sleep();                                                     \
		if (!__c)                                                          \
			__r = ___wait_event(wq, (__c = (condition)) || !__left,    \
					    TASK_INTERRUPTIBLE, false, 0,          \
					    __left = wait_sleep_until(__end));     \
		if (!__r)                                                          \
			__r = __c ? (long)(__left ? __left : 1) : 0;               \
		__r;                                                               \
	})

/*
 * For a condition that lock (a spinlock taken with spin_lock_irq) protects: called and
 * returning with it held, let go only across each sleep.
 */
#define wait_event_interruptible_lock_irq(wq, condition, lock)                           \
	({                                                                               \
		int __r = 0;                                                             \
		lockdep_assert_held(&(lock));                                            \
		if (!(condition))                                                        \
			__r = ___wait_event(wq, condition, TASK_INTERRUPTIBLE, false, 0, \
					    spin_unlock_irq(&(lock));                    \
					    schedule(); spin_lock_irq(&(lock)));         \
		__r;                                                                     \
	})

/* Completions: "this has happened", counted, for one-shot events (a thread's exit). */
struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

void init_completion(struct completion *c);
void complete(struct completion *c);
void complete_all(struct completion *c);
void wait_for_completion(struct completion *c);
/* 0 once done, or -ERESTARTSYS if a signal came first (the completion is not consumed). */
int wait_for_completion_interruptible(struct completion *c);
/* Only a fatal signal (SIGKILL) ends it early: -ERESTARTSYS. */
int wait_for_completion_killable(struct completion *c);
/* At most timeout_ns: the ns that were left (at least 1) once done, 0 if time ran out. */
u64 wait_for_completion_timeout(struct completion *c, u64 timeout_ns);
bool try_wait_for_completion(struct completion *c);

#endif /* _KERNEL_WAIT_H */
