/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <asm/processor.h>

static __always_inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ volatile("pushfq; popq %0" : "=rm"(flags) : : "memory");
	return flags;
}

static __always_inline void local_irq_disable(void)
{
	__asm__ volatile("cli" ::: "memory");
}

static __always_inline void local_irq_enable(void)
{
	__asm__ volatile("sti" ::: "memory");
}

static __always_inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	local_irq_disable();
	return flags;
}

static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

static __always_inline bool irqs_disabled(void)
{
	return !(arch_local_save_flags() & X86_EFLAGS_IF);
}

#define local_irq_save(flags) ((flags) = arch_local_irq_save())
#define local_irq_restore(flags) arch_local_irq_restore(flags)

#endif /* _ASM_IRQFLAGS_H */
