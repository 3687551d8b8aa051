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

/*
 * The count's upper bits count hardirq nesting, as in Linux: irq_enter()/irq_exit() around
 * a handler add HARDIRQ_OFFSET, so that code (lockdep first) can tell a handler from the task
 * it interrupted. (Added by the locking work of issue 9.)
 */
#define PREEMPT_BITS 8
#define SOFTIRQ_BITS 8
#define HARDIRQ_BITS 4
#define HARDIRQ_SHIFT (PREEMPT_BITS + SOFTIRQ_BITS)
#define HARDIRQ_OFFSET (1 << HARDIRQ_SHIFT)
#define HARDIRQ_MASK (((1 << HARDIRQ_BITS) - 1) << HARDIRQ_SHIFT)

static __always_inline void __preempt_count_add(int val)
{
	__asm__ volatile("addl %1, %%gs:%c0"
			 :
			 : "i"(__builtin_offsetof(struct cpu_data, preempt_count)), "ri"(val)
			 : "memory", "cc");
}

static __always_inline void __preempt_count_sub(int val)
{
	__asm__ volatile("subl %1, %%gs:%c0"
			 :
			 : "i"(__builtin_offsetof(struct cpu_data, preempt_count)), "ri"(val)
			 : "memory", "cc");
}

#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define in_irq() (hardirq_count() != 0)
#define in_hardirq() in_irq()
#define in_interrupt() in_irq() /* no softirqs yet */
#define in_atomic() (preempt_count() != 0)

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
