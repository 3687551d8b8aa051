/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_STRACE_H
#define _KERNEL_STRACE_H

#include <kernel/types.h>

struct task_struct;
struct pt_regs;

/*
 * The system-call tracer (kernel/trace/strace.c): a task with TIF_SYSCALL_TRACE has each
 * call logged as strace prints it. It is switched on by strace=1 (every process) or
 * strace=NAME (programs of that name) on the command line, or by /proc/PID/strace; children
 * inherit it, execve keeps it.
 */
void strace_set(struct task_struct *p, bool on);
/* A new task: traced if its creator is, or if strace=1. */
void strace_fork(struct task_struct *child);
/* After execve renamed current: traced if strace=NAME names it. */
void strace_exec(void);
/* From the syscall paths, for a traced task only: before the call, and after it. */
void strace_syscall_enter(struct pt_regs *regs);
void strace_syscall_exit(struct pt_regs *regs);

#endif /* _KERNEL_STRACE_H */
