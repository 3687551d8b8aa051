/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_WAIT_H
#define _KERNEL_WAIT_H

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

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
	bool exclusive;
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)                                                  \
	{                                                                                    \
		.lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = LIST_HEAD_INIT((name).head) \
	}
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define DEFINE_WAIT(name) \
	struct wait_queue_entry name = { current, LIST_HEAD_INIT((name).entry), false }

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

#define wait_event(wq, condition)                                           \
	do {                                                                \
		DEFINE_WAIT(__w);                                           \
		for (;;) {                                                  \
			prepare_to_wait(&(wq), &__w, TASK_UNINTERRUPTIBLE); \
			if (condition)                                      \
				break;                                      \
			schedule();                                         \
		}                                                           \
		finish_wait(&(wq), &__w);                                   \
	} while (0)

/* Completions: "this has happened", counted, for one-shot events (a thread's exit). */
struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

void init_completion(struct completion *c);
void complete(struct completion *c);
void complete_all(struct completion *c);
void wait_for_completion(struct completion *c);
bool try_wait_for_completion(struct completion *c);

#endif /* _KERNEL_WAIT_H */
