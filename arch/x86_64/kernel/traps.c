// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions. An exception in the kernel is either expected (the faulting instruction
 * is in the exception table: resume at its fixup) or a bug: then everything we know is
 * printed (vector, error code, CR2, registers, a symbolized backtrace) and the kernel stops.
 * Exceptions in user mode will become signals once processes exist.
 */
#include <asm/cpufeature.h>
#include <asm/extable.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/vmalloc.h>

static const char *const exception_names[NR_EXCEPTION_VECTORS] = {
	[X86_TRAP_DE] = "divide error",
	[X86_TRAP_DB] = "debug",
	[X86_TRAP_NMI] = "NMI",
	[X86_TRAP_BP] = "int3",
	[X86_TRAP_OF] = "overflow",
	[X86_TRAP_BR] = "bounds",
	[X86_TRAP_UD] = "invalid opcode",
	[X86_TRAP_NM] = "device not available",
	[X86_TRAP_DF] = "double fault",
	[X86_TRAP_OLD_MF] = "coprocessor segment overrun",
	[X86_TRAP_TS] = "invalid TSS",
	[X86_TRAP_NP] = "segment not present",
	[X86_TRAP_SS] = "stack segment",
	[X86_TRAP_GP] = "general protection fault",
	[X86_TRAP_PF] = "page fault",
	[X86_TRAP_MF] = "x87 floating-point exception",
	[X86_TRAP_AC] = "alignment check",
	[X86_TRAP_MC] = "machine check",
	[X86_TRAP_XF] = "SIMD floating-point exception",
	[X86_TRAP_VE] = "virtualization exception",
	[X86_TRAP_CP] = "control protection",
	[X86_TRAP_VC] = "VMM communication",
	[X86_TRAP_SX] = "security exception",
};

static void show_page_fault(const struct pt_regs *regs)
{
	unsigned long err = regs->orig_rax;

	pr_emerg("CR2: %016lx: %s-mode %s of a %s page%s%s\n", read_cr2(),
		 err & X86_PF_USER ? "user" : "supervisor",
		 err & X86_PF_INSTR ? "instruction fetch" : (err & X86_PF_WRITE ? "write" : "read"),
		 err & X86_PF_PROT ? "present (protection violation)" : "not-present",
		 err & X86_PF_RSVD ? ", reserved bit set" : "",
		 err & X86_PF_PK ? ", protection key" : "");
}

void show_regs(const struct pt_regs *regs)
{
	pr_emerg("RIP: %04lx:%pS\n", regs->cs, (void *)regs->rip);
	pr_emerg("RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss, regs->rsp, regs->rflags);
	pr_emerg("RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->rax, regs->rbx, regs->rcx);
	pr_emerg("RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->rdx, regs->rsi, regs->rdi);
	pr_emerg("RBP: %016lx R08: %016lx R09: %016lx\n", regs->rbp, regs->r8, regs->r9);
	pr_emerg("R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	pr_emerg("R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	pr_emerg("CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n", read_cr0(), read_cr2(),
		 read_cr3(), read_cr4());
	pr_emerg("Call Trace:\n");
	show_stack_trace_regs(regs);
}

void die_fault(const char *what, struct pt_regs *regs)
{
	oops_in_progress = 1;
	pr_emerg("Oops: %s (vector %lu), error code 0x%lx, in %s mode\n", what, regs->vector,
		 regs->orig_rax, user_mode(regs) ? "user" : "kernel");
	if (regs->vector == X86_TRAP_PF)
		show_page_fault(regs);
	show_regs(regs);
	panic("Fatal exception");
}

/*
 * A double fault is almost always a fault that could not be delivered because the stack
 * was gone: say so when the stack pointer sits in a guard page.
 */
static void do_double_fault(struct pt_regs *regs)
{
	if (is_guard_page(regs->rsp) || is_guard_page(read_cr2()))
		pr_emerg("BUG: kernel stack overflow: stack pointer %lx, fault address %lx in a "
			 "guard page\n",
			 regs->rsp, read_cr2());
	die_fault(exception_names[X86_TRAP_DF], regs);
}

/* entry.asm clears EFLAGS.AC at every entry when this is set (the CPU has SMAP: CLAC exists). */
u8 x86_entry_clac;

void traps_init(void)
{
	x86_entry_clac = boot_cpu_has(X86_FEATURE_SMAP);
}

#define FXSAVE_MXCSR 24

/* The signal a user-mode exception raises, as Linux's traps.c chooses it. */
static int exception_signal(unsigned long vec)
{
	switch (vec) {
	case X86_TRAP_DE:
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		return SIGFPE;
	case X86_TRAP_DB:
	case X86_TRAP_BP:
		return SIGTRAP;
	case X86_TRAP_UD:
		return SIGILL;
	case X86_TRAP_AC:
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

/* The si_code of a floating-point exception, from the unmasked status bits (Linux's). */
static int fpe_code(unsigned long vec)
{
	const u8 *st = current->thread.fpu.state;
	unsigned int err;

	fpu_sync_state(current);
	if (vec == X86_TRAP_XF) {
		u32 mxcsr = *(const u32 *)(st + FXSAVE_MXCSR);

		err = ~(mxcsr >> 7) & mxcsr & 0x3f;
	} else {
		u16 cwd = *(const u16 *)st, swd = *(const u16 *)(st + 2);

		err = swd & ~cwd;
	}
	if (err & 0x001)
		return FPE_FLTINV;
	if (err & 0x004)
		return FPE_FLTDIV;
	if (err & 0x008)
		return FPE_FLTOVF;
	if (err & 0x012)
		return FPE_FLTUND;
	if (err & 0x020)
		return FPE_FLTRES;
	return 0;
}

/*
 * A user program's exception is a signal to it, never the kernel's end: logged in the shape
 * of Linux's "traps:" line, then sent with Linux's si_code and si_addr; a handler may catch
 * it, and a blocked or ignored one is put back to its default action (force_sig_fault).
 */
static void do_user_exception(struct pt_regs *regs, const char *name)
{
	void __user *ip = (void __user *)regs->rip;
	unsigned long vec = regs->vector;
	int code;

	local_irq_enable();
	if (vec != X86_TRAP_BP && unhandled_signal(current, exception_signal(vec)))
		pr_info("traps: %s[%d] %s ip:%lx sp:%lx error:%lx\n", current->comm, current->pid,
			name, regs->rip, regs->rsp, regs->orig_rax);
	switch (vec) {
	case X86_TRAP_DE:
		force_sig_fault(SIGFPE, FPE_INTDIV, ip);
		break;
	case X86_TRAP_MF:
	case X86_TRAP_XF:
		code = fpe_code(vec);
		if (code)
			force_sig_fault(SIGFPE, code, ip);
		break;
	case X86_TRAP_BP:
		/* Linux's int3 is a plain kernel signal: si_code SI_KERNEL. */
		force_sig(SIGTRAP);
		break;
	case X86_TRAP_OF:
	case X86_TRAP_BR:
	case X86_TRAP_GP:
	case X86_TRAP_SS:
	case X86_TRAP_NP:
	case X86_TRAP_TS:
		force_sig(SIGSEGV);
		break;
	case X86_TRAP_UD:
		force_sig_fault(SIGILL, ILL_ILLOPN, ip);
		break;
	case X86_TRAP_AC:
		force_sig_fault(SIGBUS, BUS_ADRALN, NULL);
		break;
	default:
		force_sig(SIGSEGV);
		break;
	}
	local_irq_disable();
}

/* Called from common_interrupt for vectors 0-31, interrupts off, on the task's stack. */
void do_exception(struct pt_regs *regs)
{
	unsigned long vec = regs->vector;
	const char *name = exception_names[vec] ? exception_names[vec] : "reserved exception";

	switch (vec) {
	case X86_TRAP_PF:
		do_page_fault(regs);
		return;
	case X86_TRAP_NM:
		/* CR0.TS: the running task's first FPU instruction since it was switched in. */
		if (fpu_handle_nm(regs))
			return;
		break;
	case X86_TRAP_GP:
		/* A fault the code expected (extable) resumes at its fixup. */
		if (!user_mode(regs) && fixup_exception(regs))
			return;
		break;
	}
	if (user_mode(regs)) {
		do_user_exception(regs, name);
		return;
	}
	die_fault(name, regs);
}

/*
 * NMIs are counted, and survived: one can arrive in the middle of anything, including a
 * printk or a spinlock holder on this CPU, so the path takes no lock and prints nothing
 * (a later reader reports the count). Nor does it touch anything an exception could come
 * from: a fault here would IRETQ, unmask NMIs, and a second NMI would reuse this IST stack.
 */
static void do_nmi(struct pt_regs *regs)
{
	this_cpu()->nmi_count++;
}

/*
 * #DB has no user yet (no debugger, no single-stepping): count it, clear DR6 so that the
 * next one is told apart, go on.
 */
static void do_debug(struct pt_regs *regs)
{
	unsigned long dr6;

	this_cpu()->debug_count++;
	__asm__ volatile("mov %%dr6, %0" : "=r"(dr6));
	/*
	 * A single step (TF) in user mode: SIGTRAP, TRAP_TRACE, as Linux sends it. This is an
	 * IST entry that returns without the work check: it is delivered at the next return
	 * through common_interrupt or a system call.
	 */
	if (user_mode(regs) && (dr6 & (1UL << 14)))
		force_sig_fault(SIGTRAP, TRAP_TRACE, (void __user *)regs->rip);
	__asm__ volatile("mov %0, %%dr6" : : "r"(0xfffe0ff0UL));
}

/* From paranoid_entry (NMI, #DB, #DF, #MC on their IST stacks), kernel GS loaded. */
void do_paranoid(struct pt_regs *regs);
void do_paranoid(struct pt_regs *regs)
{
	switch (regs->vector) {
	case X86_TRAP_NMI:
		do_nmi(regs);
		return;
	case X86_TRAP_DB:
		do_debug(regs);
		return;
	case X86_TRAP_DF:
		do_double_fault(regs);
		return;
	}
	die_fault(exception_names[regs->vector], regs);
}

unsigned long nmi_count(int cpu)
{
	return READ_ONCE(cpu_data[cpu].nmi_count);
}

unsigned long nmi_reported(int cpu)
{
	return READ_ONCE(cpu_data[cpu].nmi_reported);
}

void __nmi_report(void)
{
	struct cpu_data *c = this_cpu();
	unsigned long n = READ_ONCE(c->nmi_count);

	pr_warn("NMI: %lu received on CPU %d (%lu in all), none from a known source; going on\n",
		n - c->nmi_reported, c->cpu, n);
	c->nmi_reported = n;
}

unsigned long debug_trap_count(int cpu)
{
	return READ_ONCE(cpu_data[cpu].debug_count);
}

/* ---- the way back ------------------------------------------------------------------- */

/*
 * Work before user mode: the signal of a CPU itimer that expired where it could not be sent
 * (kernel/signal.c's itimer_charge, under a run-queue lock). Cleared before the look, so
 * that what is noted meanwhile sets the flag again.
 */
static void resume_user_mode_work(struct pt_regs *regs)
{
	clear_tsk_thread_flag(current, TIF_NOTIFY_RESUME);
	if (signal_itimers_fired(current->signal))
		itimer_send_fired(current);
}

/*
 * The rare part of going back to user mode: reschedule, deliver signals, run task work,
 * with interrupts on, until nothing is left; then back with interrupts off, so that no new
 * work can slip in between the last look and the IRETQ (or SYSRET).
 */
__noinline void exit_to_user_mode_loop(struct pt_regs *regs, unsigned long work)
{
	do {
		local_irq_enable();
		if (need_resched())
			schedule();
		if (work & _TIF_SIGPENDING)
			arch_do_signal_or_restart(regs);
		if (work & _TIF_NOTIFY_RESUME)
			resume_user_mode_work(regs);
		local_irq_disable();
		work = READ_ONCE(current->thread_flags) & EXIT_TO_USER_MODE_WORK;
	} while (work || need_resched());
}

/*
 * Every return from common_interrupt (and from system calls, later), interrupts off: one
 * look at the work there is, everything else out of line. To user mode: this CPU's
 * need_resched and the task's pending signals or task work. To the kernel: a reschedule,
 * where the interrupted code allowed preemption (interrupts were on, no preemption count).
 */
void irqentry_exit(struct pt_regs *regs)
{
	if (user_mode(regs)) {
		unsigned long work = READ_ONCE(current->thread_flags) & EXIT_TO_USER_MODE_WORK;

		if (unlikely(work || need_resched()))
			exit_to_user_mode_loop(regs, work);
		return;
	}
	if (unlikely(need_resched()) && (regs->rflags & X86_EFLAGS_IF) && !preempt_count())
		preempt_schedule_irq();
}
