// SPDX-License-Identifier: GPL-2.0
/*
 * Everything x86 about a task switch, so that kernel/sched/ keeps the policy only: the
 * kernel stack (TSS rsp0 and the per-CPU stack top the system call entry will use), the
 * FS base and user GS base, and the FPU (fpu.c: saved only if the task used it). RFLAGS and
 * the callee-saved registers are switch.asm's.
 *
 * The common case, two kernel threads that use neither the FPU nor their own FS/GS bases,
 * costs two tests here; the rest is out of line.
 */
#include <asm/cpufeature.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/switch_to.h>
#include <asm/syscall.h>
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/syscalls.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/vmalloc.h>

void ret_from_kthread(void);
void ret_from_abandoned(void);
__noreturn void ret_to_user_switched(struct pt_regs *regs, struct task_struct *prev);
__noreturn void switch_to_frames(struct task_struct *prev, struct task_struct *next);

static bool have_fsgsbase; /* CR4.FSGSBASE on: RDFSBASE/WRFSBASE instead of the MSRs */

/* Every CPU, at bring-up (from fpu_init_this_cpu): FSGSBASE where the CPU has it. */
void x86_bases_init_this_cpu(void)
{
	if (!boot_cpu_has(X86_FEATURE_FSGSBASE))
		return;
	write_cr4(read_cr4() | X86_CR4_FSGSBASE);
	have_fsgsbase = true;
}

static __always_inline unsigned long read_fsbase(void)
{
	unsigned long v;

	if (!have_fsgsbase)
		return rdmsr(MSR_FS_BASE);
	__asm__ volatile("rdfsbase %0" : "=r"(v));
	return v;
}

static __always_inline void write_fsbase(unsigned long v)
{
	if (have_fsgsbase)
		__asm__ volatile("wrfsbase %0" : : "r"(v) : "memory");
	else
		wrmsr(MSR_FS_BASE, v);
}

/*
 * In the kernel, the user GS base sits in MSR_KERNEL_GS_BASE (SWAPGS exchanged them on
 * entry), whether or not FSGSBASE is on: the MSR is the one place to reach it.
 */
unsigned long x86_read_user_gsbase(void)
{
	return rdmsr(MSR_KERNEL_GS_BASE);
}

unsigned long x86_read_fsbase(void)
{
	return read_fsbase();
}

/* Interrupts off: a switch in between would save the half-changed state. */
void x86_set_fsbase(unsigned long base)
{
	unsigned long flags;

	local_irq_save(flags);
	current->thread.has_bases = true;
	current->thread.fsbase = base;
	write_fsbase(base);
	local_irq_restore(flags);
}

void x86_set_user_gsbase(unsigned long base)
{
	unsigned long flags;

	local_irq_save(flags);
	current->thread.has_bases = true;
	current->thread.gsbase = base;
	wrmsr(MSR_KERNEL_GS_BASE, base);
	local_irq_restore(flags);
}

/*
 * Read back what prev left (user code with FSGSBASE changes its bases without telling the
 * kernel; without it, the saved values are the loaded ones), load next's where they differ
 * from what is loaded. A task without bases of its own (a kernel thread) keeps whatever is
 * loaded: it never uses them, and the next task that has its own loads them.
 */
static __noinline void switch_bases_slow(struct task_struct *prev, struct task_struct *next)
{
	bool loaded = prev->thread.has_bases; /* prev's values are in the registers */

	if (loaded && have_fsgsbase) {
		prev->thread.fsbase = read_fsbase();
		prev->thread.gsbase = rdmsr(MSR_KERNEL_GS_BASE);
	}
	if (!next->thread.has_bases)
		return;
	if (!loaded || next->thread.fsbase != prev->thread.fsbase)
		write_fsbase(next->thread.fsbase);
	if (!loaded || next->thread.gsbase != prev->thread.gsbase)
		wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
}

/*
 * Without FSGSBASE the saved bases are the loaded ones (only arch_prctl changes them, and it
 * saves them): two tasks with the same bases, as a process and its fork, need no MSR write.
 */
static __always_inline void switch_bases(struct task_struct *prev, struct task_struct *next)
{
	if (likely(!have_fsgsbase && prev->thread.has_bases && next->thread.has_bases &&
		   prev->thread.fsbase == next->thread.fsbase &&
		   prev->thread.gsbase == next->thread.gsbase))
		return;
	switch_bases_slow(prev, next);
}

/* Everything a task owns on x86 but its stack and registers: see switch_to.h. */
static __always_inline void switch_task_state(struct task_struct *prev, struct task_struct *next)
{
	struct cpu_data *cpu = this_cpu();
	unsigned long top = (unsigned long)next->stack + THREAD_SIZE;

	if (unlikely(prev->thread.fpu.live | next->thread.fpu.preload))
		fpu_switch(prev, next);
	if (unlikely(prev->thread.has_bases | next->thread.has_bases))
		switch_bases(prev, next);
	cpu->current_task = next;
	cpu->top_of_stack = top;
	cpu->tables.tss.rsp[0] = top;
}

/* switch.asm jumps here on next's stack, interrupts off; the result is next's "prev". */
__used struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next)
{
	switch_task_state(prev, next);
	return prev;
}

void switch_to_abandon(struct task_struct *prev, struct task_struct *next, bool direct,
		       long (*resume)(void))
{
	unsigned long *frame = (unsigned long *)task_pt_regs(prev);

	/* As copy_thread's, but only RBX (resume) and RBP (0: the end of a backtrace) matter. */
	frame[-1] = (unsigned long)ret_from_abandoned;
	frame[-2] = 0;
	frame[-3] = (unsigned long)resume;
	frame[-8] = X86_EFLAGS_FIXED;
	prev->thread.sp = (unsigned long)(frame - 8);
	if (direct) {
		switch_task_state(prev, next);
		ret_to_user_switched(task_pt_regs(next), prev);
	}
	switch_to_frames(prev, next);
}

/*
 * The first stack frame of a new task, as __switch_to_asm will pop it, below the room for
 * the user register frame: RFLAGS (interrupts
 * off, as every switch is made; AC clear), six callee-saved registers (RBX = fn, R12 = data
 * for ret_from_kthread) and the return address. The stack top stays 16-byte aligned for
 * the calls made from there.
 */
void copy_thread(struct task_struct *p, int (*fn)(void *), void *data)
{
	/*
	 * Below the user register frame (task_pt_regs), as every task's stack is laid out:
	 * a kernel thread that becomes a user program (kernel_execve) writes that frame while
	 * its own frames are still live beneath it.
	 */
	unsigned long *sp = (unsigned long *)task_pt_regs(p);

	*--sp = (unsigned long)ret_from_kthread;
	*--sp = 0; /* rbp */
	*--sp = (unsigned long)fn; /* rbx */
	*--sp = (unsigned long)data; /* r12 */
	*--sp = 0; /* r13 */
	*--sp = 0; /* r14 */
	*--sp = 0; /* r15 */
	*--sp = X86_EFLAGS_FIXED; /* rflags */
	p->thread.sp = (unsigned long)sp;
}

/*
 * The register frame of a freshly exec'd program: every register zero but RIP and RSP, user
 * segments, interrupts on. The frame is new, so the return takes IRETQ. The FS and GS bases
 * start at zero, as the new program expects before it sets up its TLS.
 */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->vector = -1UL;
	regs->orig_rax = -1UL;
	regs->rip = ip;
	regs->rsp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->rflags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	if (current->thread.has_bases) {
		x86_set_fsbase(0);
		x86_set_user_gsbase(0);
	}
	set_tsk_thread_flag(current, TIF_FORCE_IRET);
}

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

/* The TLS bases: a base must be a user address (-EPERM otherwise, as on Linux). */
long sys_arch_prctl(int option, unsigned long arg2)
{
	switch (option) {
	case ARCH_SET_FS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		x86_set_fsbase(arg2);
		return 0;
	case ARCH_SET_GS:
		if (arg2 >= TASK_SIZE_MAX)
			return -EPERM;
		x86_set_user_gsbase(arg2);
		return 0;
	case ARCH_GET_FS:
		return put_user(read_fsbase(), (unsigned long __user *)arg2);
	case ARCH_GET_GS:
		return put_user(x86_read_user_gsbase(), (unsigned long __user *)arg2);
	}
	return -EINVAL;
}
