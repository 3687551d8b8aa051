// SPDX-License-Identifier: GPL-2.0
/*
 * The system-call table and the C side of the entry (entry_64.asm): MSR set-up on every CPU,
 * the table built from arch/x86_64/entry/syscalls/syscall_64.tbl at build time, the answer
 * to numbers nobody implements, and the rare work before the return to user mode.
 *
 * Entry points take their arguments as C arguments, in the order the ABI passes them (RDI,
 * RSI, RDX, R10, R8, R9; entry_64.asm moves R10 to RCX): no decoding of a register frame on
 * the common path. One that needs the frame (execve, arch_prctl, later rt_sigreturn) reads
 * current_pt_regs().
 */
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/syscall.h>
#include <asm/traps.h>
#include <kernel/errno.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/strace.h>

#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_CSTAR 0xc0000083
#define MSR_SYSCALL_MASK 0xc0000084
#define EFER_SCE (1UL << 0)

#define X86_EFLAGS_TF (1UL << 8)
#define X86_EFLAGS_DF (1UL << 10)
#define X86_EFLAGS_IOPL (3UL << 12)
#define X86_EFLAGS_NT (1UL << 14)

void entry_SYSCALL_64(void);
void entry_SYSCALL_64_trace(void);
long sys_ni_syscall(void);

/* Each implemented entry point, declared as the table stores it (the real types are in
 * kernel/syscalls.h; the table only passes the six registers on). */
#define __SYSCALL(nr, sym) long sym(void);
#include <generated/syscalls_64.h>
#undef __SYSCALL

/* Every slot starts as sys_ni_syscall and the implemented ones override it, as in Linux. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#define __SYSCALL(nr, sym) [nr] = (sys_call_ptr_t)(void (*)(void))sym,
const sys_call_ptr_t sys_call_table[NR_syscalls] = {
	[0 ... NR_syscalls - 1] = (sys_call_ptr_t)(void (*)(void))sys_ni_syscall,
#include <generated/syscalls_64.h>
};
#undef __SYSCALL
#pragma GCC diagnostic pop

#define __SYSCALL_NAME(nr, name) [nr] = #name,
static const char *const syscall_names[NR_syscalls] = {
#include <generated/syscalls_64.h>
};
#undef __SYSCALL_NAME

const char *syscall_name(unsigned long nr)
{
	return nr < NR_syscalls ? syscall_names[nr] : NULL;
}

/*
 * Every CPU: SYSCALL enters at entry_SYSCALL_64 with the kernel's CS and SS (STAR[47:32]);
 * SYSRET returns to __USER_CS and __USER_DS, which the GDT keeps 16 and 8 bytes above
 * __USER32_CS (STAR[63:48]). CSTAR, the entry from compat mode, stays 0: there is no 32-bit
 * ABI, and no user task is started in a 32-bit code segment.
 */
void syscall_init(void)
{
	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsr(MSR_CSTAR, 0);
	wrmsr(MSR_SYSCALL_MASK, X86_EFLAGS_IF | X86_EFLAGS_DF | X86_EFLAGS_TF | X86_EFLAGS_AC |
					X86_EFLAGS_NT | X86_EFLAGS_IOPL);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/*
 * A number nobody serves: -ENOSYS, as Linux gives, and one line in the log per number, so
 * that a program that misbehaves on us says which call it missed. Numbers past the table
 * share one line.
 */
static DEFINE_SPINLOCK(unknown_lock);
static unsigned long unknown_logged[(NR_syscalls + 63) / 64];
static bool unknown_big_logged;

static bool first_time(unsigned long nr)
{
	unsigned long flags;
	bool first;

	spin_lock_irqsave(&unknown_lock, flags);
	if (nr < NR_syscalls) {
		first = !(unknown_logged[nr / 64] & (1UL << (nr % 64)));
		unknown_logged[nr / 64] |= 1UL << (nr % 64);
	} else {
		first = !unknown_big_logged;
		unknown_big_logged = true;
	}
	spin_unlock_irqrestore(&unknown_lock, flags);
	return first;
}

long syscall_unknown(unsigned long nr)
{
	const char *name = syscall_name(nr);

	if (first_time(nr))
		pr_info("%s[%d]: system call %lu (%s) not implemented: -ENOSYS\n", current->comm,
			current->pid, nr, name ? name : "unknown");
	return -ENOSYS;
}

long sys_ni_syscall(void)
{
	return syscall_unknown(current_pt_regs()->orig_rax);
}

/*
 * The slow return (entry_64.asm), interrupts off: the work loop, then back by IRETQ,
 * which is why a rewritten frame (TIF_FORCE_IRET) comes here too and is done with.
 */
void syscall_exit_work(struct pt_regs *regs)
{
	unsigned long work;

	if (test_tsk_thread_flag(current, TIF_FORCE_IRET))
		clear_tsk_thread_flag(current, TIF_FORCE_IRET);
	work = READ_ONCE(current->thread_flags) & EXIT_TO_USER_MODE_WORK;
	if (work || need_resched())
		exit_to_user_mode_loop(regs, work);
}

/* ---- strace's entry side: only ever on a CPU running a traced task ------------------- */

void syscall_set_traced_entry(bool traced)
{
	WARN_ON(!irqs_disabled()); /* the CPU must not change under us */
	this_cpu()->syscall_traced = traced;
	wrmsr(MSR_LSTAR,
	      traced ? (unsigned long)entry_SYSCALL_64_trace : (unsigned long)entry_SYSCALL_64);
}

/*
 * From entry_SYSCALL_64_trace, interrupts on, before the call (which reloads its arguments
 * from regs afterwards). The task may have been untraced meanwhile (from another CPU, or
 * this CPU's entry not switched back yet): then the plain entry is restored.
 */
void syscall_trace_enter(struct pt_regs *regs);
void syscall_trace_enter(struct pt_regs *regs)
{
	if (unlikely(!test_tsk_thread_flag(current, TIF_SYSCALL_TRACE))) {
		local_irq_disable();
		syscall_set_traced_entry(test_tsk_thread_flag(current, TIF_SYSCALL_TRACE));
		local_irq_enable();
		return;
	}
	strace_syscall_enter(regs);
}

/*
 * From the slow return of a traced task's system call, interrupts off: the log line, with
 * interrupts on (it reads user memory), and this CPU's entry made the traced one, for a task
 * traced while it ran elsewhere.
 */
void syscall_trace_exit(struct pt_regs *regs);
void syscall_trace_exit(struct pt_regs *regs)
{
	local_irq_enable();
	strace_syscall_exit(regs);
	local_irq_disable();
	if (!this_cpu()->syscall_traced && test_tsk_thread_flag(current, TIF_SYSCALL_TRACE))
		syscall_set_traced_entry(true);
}
