// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions. An exception in the kernel is either expected (the faulting instruction
 * is in the exception table: resume at its fixup) or a bug: then everything we know is
 * printed (vector, error code, CR2, registers, a symbolized backtrace) and the kernel stops.
 * Exceptions in user mode will become signals once processes exist.
 */
#include <asm/extable.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
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

static void do_exception(struct pt_regs *regs)
{
	unsigned long vec = regs->vector;
	const char *name = exception_names[vec] ? exception_names[vec] : "reserved exception";

	switch (vec) {
	case X86_TRAP_PF:
		do_page_fault(regs);
		return;
	case X86_TRAP_DF:
		do_double_fault(regs);
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
	die_fault(name, regs);
}

void do_irq(struct pt_regs *regs);
void preempt_schedule_irq(void);

/*
 * Called from common_interrupt for every vector with interrupts off. An interrupt that came
 * in where preemption was allowed (interrupts were on, no preemption count) is where a
 * pending reschedule takes effect.
 */
void do_interrupt(struct pt_regs *regs);
void do_interrupt(struct pt_regs *regs)
{
	if (unlikely(regs->vector < NR_EXCEPTION_VECTORS)) {
		do_exception(regs);
		return;
	}
	do_irq(regs);
	if (need_resched() && (regs->rflags & X86_EFLAGS_IF) && !preempt_count())
		preempt_schedule_irq();
}
