/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SYSCALL_H
#define _ASM_SYSCALL_H

#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <kernel/sched.h>
#include <kernel/vmalloc.h>

/* A table entry: the six argument registers, in the ABI's order. */
typedef long (*sys_call_ptr_t)(unsigned long, unsigned long, unsigned long, unsigned long,
			       unsigned long, unsigned long);

extern const sys_call_ptr_t sys_call_table[];
/* The table's name for nr ("read"), or NULL past its end or for a number Linux skips. */
const char *syscall_name(unsigned long nr);
/* -ENOSYS, logged once per number. */
long syscall_unknown(unsigned long nr);
/* The slow return to user mode (entry_64.asm), interrupts off. */
void syscall_exit_work(struct pt_regs *regs);
/*
 * strace (kernel/trace/strace.c): while a traced task runs, its CPU enters system calls at
 * entry_SYSCALL_64_trace, which runs the tracer's entry hook first; every other task's calls
 * take the plain entry. Interrupts off. The switch keeps it in step with the task run.
 */
void syscall_set_traced_entry(bool traced);
static __always_inline void syscall_switch_entry(struct task_struct *next)
{
	bool traced = READ_ONCE(next->thread_flags) & _TIF_SYSCALL_TRACE;

	if (unlikely(traced != this_cpu()->syscall_traced))
		syscall_set_traced_entry(traced);
}

/* MSR_STAR/LSTAR/FMASK and EFER.SCE, on every CPU. */
void syscall_init(void);

/* The user register frame at the top of a task's kernel stack, where every entry puts it. */
static inline struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)((u8 *)p->stack + THREAD_SIZE) - 1;
}

static inline struct pt_regs *current_pt_regs(void)
{
	return task_pt_regs(current);
}

/* Enters user mode with regs (task_pt_regs(current)), after the pending work. */
__noreturn void ret_to_user_mode(struct pt_regs *regs);

#endif /* _ASM_SYSCALL_H */
