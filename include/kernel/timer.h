/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_TIMER_H
#define _KERNEL_TIMER_H

#include <asm/tsc.h>
#include <kernel/list.h>
#include <kernel/types.h>

/*
 * Timers (kernel/time/timer.c): a function to run at an absolute time, on the CPU that added
 * it, from the local APIC timer interrupt (interrupts off, no sleeping). Each CPU keeps its
 * timers sorted and arms its APIC timer for the earliest one, or for the scheduler tick when
 * there is more than one task to share the CPU; an idle CPU with no timers takes no
 * interrupts at all.
 */
struct timer_list {
	struct list_head entry;
	u64 expires; /* ns on the monotonic clock */
	void (*function)(struct timer_list *t);
	int cpu;
	bool pending;
};

#define TICK_NSEC (4 * 1000000ULL) /* the scheduler tick while CPUs are shared: 250 Hz */

/* The scheduler's clock: ns since boot, monotonic, cheap. */
static inline u64 sched_clock(void)
{
	return tsc_clock_ns();
}

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *t));
void timer_add(struct timer_list *t, u64 expires_ns);
/* Cancels t; true if it was pending. timer_del_sync also waits for a running handler. */
bool timer_del(struct timer_list *t);
bool timer_del_sync(struct timer_list *t);

/* Sleeping on the timer list. */
void schedule_timeout(u64 ns);
/* One sleep in the state the caller set: until woken or ns pass, whichever comes first. */
void schedule_timeout_once(u64 ns);
void msleep(unsigned int ms);
void nsleep(u64 ns);

/* The tick: per CPU set-up, and re-arming after the run queue changed. */
void timer_init(void);
void tick_setup_this_cpu(void);
void tick_program_this_cpu(void);
void tick_idle_enter(void);
unsigned long timer_interrupts(int cpu);
/* Timer interrupts that came well before the deadline armed for (should stay 0). */
unsigned long timer_early_interrupts(int cpu);
/* Mean cycles spent in the timer interrupt handler, over all CPUs. */
u64 timer_interrupt_cycles(void);

#endif /* _KERNEL_TIMER_H */
