/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_VMSTAT_H
#define _KERNEL_VMSTAT_H

#include <kernel/atomic.h>

/* Event counters of the memory manager, for tests now and /proc/vmstat later. */
enum vm_event_item {
	PGFAULT, /* page faults taken on user addresses */
	PGFAULT_ZERO, /* demand-zero pages made */
	PGFAULT_COW_COPY, /* copy-on-write faults that copied a page */
	PGFAULT_COW_REUSE, /* ... that found the page no longer shared and kept it */
	PGFAULT_SEGV, /* faults with no valid mapping or permission */
	PGFAULT_FILE, /* faults that mapped a page-cache page */
	PGFAULT_ATOMIC, /* faults in atomic context, refused without taking mmap_lock */
	NR_TLB_REMOTE_FLUSH, /* TLB-flush IPIs sent for user address spaces */
	VMALLOC_PURGE, /* lazy vmalloc purges that flushed every CPU */
	NR_VM_EVENT_ITEMS,
};

extern atomic_long_t vm_events[NR_VM_EVENT_ITEMS];

static inline void count_vm_event(enum vm_event_item item)
{
	atomic_long_inc(&vm_events[item]);
}

static inline unsigned long vm_event(enum vm_event_item item)
{
	return atomic_long_read(&vm_events[item]);
}

#endif /* _KERNEL_VMSTAT_H */
