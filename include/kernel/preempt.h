/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_PREEMPT_H
#define _KERNEL_PREEMPT_H

#include <asm/percpu.h>
#include <kernel/compiler.h>

/*
 * Preemption counting: while this CPU's count is above zero, the task running here is not
 * switched away involuntarily (spinlock holders, code using per-CPU data). The scheduler
 * only preempts at count zero with interrupts on; a need_resched that arrives meanwhile is
 * acted on when the count drops back to zero.
 */
static __always_inline int preempt_count(void)
{
	return __this_cpu_field(int, preempt_count);
}

static __always_inline void preempt_disable(void)
{
	__asm__ volatile("incl %%gs:%c0"
			 :
			 : "i"(__builtin_offsetof(struct cpu_data, preempt_count))
			 : "memory");
}

static __always_inline void preempt_enable_no_resched(void)
{
	__asm__ volatile("decl %%gs:%c0"
			 :
			 : "i"(__builtin_offsetof(struct cpu_data, preempt_count))
			 : "memory");
}

void preempt_schedule(void);
/* From an interrupt's return to preemptible code, interrupts off: switch if asked to. */
void preempt_schedule_irq(void);

static __always_inline bool need_resched(void)
{
	return __this_cpu_field(bool, need_resched);
}

static __always_inline void preempt_enable(void)
{
	preempt_enable_no_resched();
	if (unlikely(need_resched()) && preempt_count() == 0)
		preempt_schedule();
}

#endif /* _KERNEL_PREEMPT_H */
