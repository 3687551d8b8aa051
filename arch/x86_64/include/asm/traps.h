/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <kernel/compiler.h>

enum {
	X86_TRAP_DE = 0,
	X86_TRAP_DB = 1,
	X86_TRAP_NMI = 2,
	X86_TRAP_BP = 3,
	X86_TRAP_OF = 4,
	X86_TRAP_BR = 5,
	X86_TRAP_UD = 6,
	X86_TRAP_NM = 7,
	X86_TRAP_DF = 8,
	X86_TRAP_OLD_MF = 9,
	X86_TRAP_TS = 10,
	X86_TRAP_NP = 11,
	X86_TRAP_SS = 12,
	X86_TRAP_GP = 13,
	X86_TRAP_PF = 14,
	X86_TRAP_SPURIOUS = 15,
	X86_TRAP_MF = 16,
	X86_TRAP_AC = 17,
	X86_TRAP_MC = 18,
	X86_TRAP_XF = 19,
	X86_TRAP_VE = 20,
	X86_TRAP_CP = 21,
	X86_TRAP_VC = 29,
	X86_TRAP_SX = 30,
	NR_EXCEPTION_VECTORS = 32,
};

/* Page-fault error code bits. */
#define X86_PF_PROT (1UL << 0)
#define X86_PF_WRITE (1UL << 1)
#define X86_PF_USER (1UL << 2)
#define X86_PF_RSVD (1UL << 3)
#define X86_PF_INSTR (1UL << 4)
#define X86_PF_PK (1UL << 5)

void show_regs(const struct pt_regs *regs);
/* Reports an exception the kernel cannot handle (registers, backtrace) and panics. */
__noreturn void die_fault(const char *what, struct pt_regs *regs);
void do_page_fault(struct pt_regs *regs);
/* Prints the frame-pointer chain starting at (rip, rbp), one symbolized line per frame. */
void show_stack_trace(unsigned long rip, unsigned long rbp);
/* The same for an exception frame, also finding the caller of a frameless leaf function. */
void show_stack_trace_regs(const struct pt_regs *regs);
unsigned long unexpected_interrupt_count(void);

/* Clear EFLAGS.AC at every entry (the CPU has SMAP): set once by traps_init. */
extern u8 x86_entry_clac;
void traps_init(void);
/* Entry from common_interrupt: exceptions (0-31); do_irq (irq.c) takes the rest. */
void do_exception(struct pt_regs *regs);
/*
 * The one way back from an entry (interrupts off): reschedules or, to user mode, handles
 * the task's work out of line in exit_to_user_mode_loop.
 */
void irqentry_exit(struct pt_regs *regs);
void exit_to_user_mode_loop(struct pt_regs *regs, unsigned long work);
/* NMIs and #DB taken by cpu (counted in the paranoid entry, which takes no lock). */
unsigned long nmi_count(int cpu);
unsigned long nmi_reported(int cpu);
unsigned long debug_trap_count(int cpu);
void __nmi_report(void);

/*
 * The NMI handler may not print (it can interrupt printk itself): the report comes later,
 * from where printing is safe (the tick, the idle loop), when the count has moved.
 */
static inline void nmi_report_pending(void)
{
	if (unlikely(__this_cpu_field(unsigned long, nmi_count) !=
		     __this_cpu_field(unsigned long, nmi_reported)))
		__nmi_report();
}

/* Signal delivery and system-call restart on the way to user mode (signal.c). */
void arch_do_signal_or_restart(struct pt_regs *regs);

#endif /* _ASM_TRAPS_H */
