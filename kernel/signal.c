// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: the queues of pending signals. Sending, delivery and the system calls build on
 * the structures of include/kernel/sched/signal.h.
 */
#include <kernel/signal.h>
#include <kernel/slab.h>

void flush_sigqueue(struct sigpending *pending)
{
	struct sigqueue *q, *n;

	sigemptyset(&pending->signal);
	list_for_each_entry_safe(q, n, &pending->list, list) {
		list_del(&q->list);
		kfree(q);
	}
}
