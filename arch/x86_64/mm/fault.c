// SPDX-License-Identifier: GPL-2.0
/*
 * The page-fault handler, a straight line of checks with the common case (a user address
 * with a mapping that allows the access) falling through to handle_mm_fault. Everything
 * else ends in one of three places:
 *   - a kernel access the code expected to fail (exception table): resume at its fixup;
 *   - a user-mode access with no valid mapping: the hook that will deliver SIGSEGV;
 *   - anything else: a kernel bug, reported in full.
 *
 * Resolving a fault takes mm->mmap_lock, which sleeps: a fault in atomic context (preemption
 * or interrupts off, pagefault_disable) never waits for it. It ends at the exception-table
 * fixup (copy_*_user report the bytes not copied, get_user -EFAULT), as though the page were
 * missing, or, with no fixup, in an oops that says so.
 */
#include <asm/extable.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/vmalloc.h>
#include <kernel/vmstat.h>

static unsigned int fault_flags(unsigned long error_code, bool user)
{
	unsigned int flags = user ? FAULT_FLAG_USER : 0;

	if (error_code & X86_PF_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (error_code & X86_PF_INSTR)
		flags |= FAULT_FLAG_INSTRUCTION;
	return flags;
}

/*
 * A kernel-mode fault on a user address is only legitimate from the uaccess helpers: they
 * open user access (EFLAGS.AC under SMAP) and sit in the exception table.
 */
static bool kernel_may_touch_user(const struct pt_regs *regs)
{
	if ((read_cr4() & X86_CR4_SMAP) && !(regs->rflags & X86_EFLAGS_AC))
		return false;
	return search_exception_tables(regs->rip) != NULL;
}

/* Was there a mapping at addr (the access was not allowed: SEGV_ACCERR) or none (MAPERR)? */
static int segv_code(struct mm_struct *mm, unsigned long addr, unsigned long error)
{
	struct vm_area_struct *vma;
	int code;

	if (error & X86_PF_PROT)
		return SEGV_ACCERR;
	if (!mm || addr >= TASK_SIZE_MAX)
		return SEGV_MAPERR;
	mmap_read_lock(mm);
	vma = find_vma(mm, addr);
	code = vma && vma->vm_start <= addr ? SEGV_ACCERR : SEGV_MAPERR;
	mmap_read_unlock(mm);
	return code;
}

/*
 * A user access with no valid mapping: logged as Linux logs it, then SIGSEGV (SIGBUS past
 * the end of a mapped file) with the address; a handler may catch it, else the process
 * ends. Out of memory kills the process outright (SIGKILL, as Linux's OOM killer would).
 * The kernel goes on.
 */
static void user_fault_failed(struct pt_regs *regs, unsigned long addr, int fault)
{
	int sig = fault == VM_FAULT_SIGBUS ? SIGBUS : SIGSEGV;
	unsigned long error = regs->orig_rax;

	if (fault == VM_FAULT_OOM || unhandled_signal(current, sig))
		pr_info("%s[%d]: %s at %lx ip %016lx sp %016lx error %lx%s\n", current->comm,
			current->pid, sig == SIGBUS ? "bus error" : "segfault", addr, regs->rip,
			regs->rsp, error, fault == VM_FAULT_OOM ? " (out of memory)" : "");
	local_irq_enable();
	if (fault == VM_FAULT_OOM)
		force_sig(SIGKILL);
	else if (sig == SIGBUS)
		force_sig_fault(SIGBUS, BUS_ADRERR, (void __user *)addr);
	else
		force_sig_fault(SIGSEGV, segv_code(current_mm(), addr, error), (void __user *)addr);
	local_irq_disable();
}

static void kernel_fault_failed(struct pt_regs *regs, unsigned long addr)
{
	if (fixup_exception(regs))
		return;
	if (is_guard_page(addr))
		pr_emerg("BUG: kernel stack overflow: access to the guard page at %lx\n", addr);
	die_fault("page fault", regs);
}

/* May the fault handler sleep here? Not if the faulting code could not have. */
static bool faulthandler_disabled(const struct pt_regs *regs)
{
	return preempt_count() || !(regs->rflags & X86_EFLAGS_IF);
}

static void atomic_fault_failed(struct pt_regs *regs, unsigned long addr)
{
	count_vm_event(PGFAULT_ATOMIC);
	if (fixup_exception(regs))
		return;
	pr_emerg("BUG: page fault in atomic context at %lx (preempt_count %d, interrupts %s)\n",
		 addr, preempt_count(), regs->rflags & X86_EFLAGS_IF ? "on" : "off");
	if (!kernel_may_touch_user(regs))
		pr_emerg("BUG: kernel access to user address %lx outside the uaccess helpers\n",
			 addr);
	die_fault("page fault in atomic context", regs);
}

void do_page_fault(struct pt_regs *regs)
{
	unsigned long addr = read_cr2(), error = regs->orig_rax;
	bool user = user_mode(regs);
	struct mm_struct *mm = current_mm();
	int fault;

	if (unlikely(addr >= TASK_SIZE_MAX || (error & X86_PF_RSVD) || !mm)) {
		if (user)
			user_fault_failed(regs, addr, VM_FAULT_SIGSEGV);
		else
			kernel_fault_failed(regs, addr);
		return;
	}
	/* First, so that the one report that matters says atomic, with or without uaccess. */
	if (unlikely(!user && faulthandler_disabled(regs))) {
		atomic_fault_failed(regs, addr);
		return;
	}
	if (unlikely(!user && !kernel_may_touch_user(regs))) {
		/* A probe (get_kernel_nofault) may fail quietly; anything else is a bug. */
		if (fixup_exception(regs))
			return;
		pr_emerg("BUG: kernel access to user address %lx outside the uaccess helpers\n",
			 addr);
		die_fault("page fault", regs);
	}
	/*
	 * Resolving the fault may take mm locks and wait for other CPUs (TLB flushes): do it
	 * with interrupts on if the faulting code had them on.
	 */
	if (regs->rflags & X86_EFLAGS_IF)
		local_irq_enable();
	fault = handle_mm_fault(mm, addr, fault_flags(error, user));
	if (unlikely(fault == VM_FAULT_OOM) && user) {
		/* The OOM killer frees memory (the fault is retried) or kills this task. */
		pagefault_out_of_memory();
		local_irq_disable();
		return;
	}
	local_irq_disable();
	if (likely(!fault))
		return;
	if (user)
		user_fault_failed(regs, addr, fault);
	else
		kernel_fault_failed(regs, addr);
}
