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
#include <asm/switch_to.h>
#include <kernel/sched.h>
#include <kernel/vmalloc.h>

void ret_from_kthread(void);

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
 * kernel), load next's. A task without bases of its own (a kernel thread) keeps whatever is
 * loaded: it never uses them, and the next task that has its own loads them.
 */
static __noinline void switch_bases(struct task_struct *prev, struct task_struct *next)
{
	if (prev->thread.has_bases) {
		prev->thread.fsbase = read_fsbase();
		prev->thread.gsbase = rdmsr(MSR_KERNEL_GS_BASE);
	}
	if (next->thread.has_bases) {
		write_fsbase(next->thread.fsbase);
		wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
	}
}

/* switch.asm jumps here on next's stack, interrupts off; the result is next's "prev". */
__used struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next)
{
	struct cpu_data *cpu = this_cpu();
	unsigned long top = (unsigned long)next->stack + THREAD_SIZE;

	if (unlikely(prev->thread.fpu.live))
		fpu_switch_out(prev);
	if (unlikely(prev->thread.has_bases | next->thread.has_bases))
		switch_bases(prev, next);
	cpu->current_task = next;
	cpu->top_of_stack = top;
	cpu->tables.tss.rsp[0] = top;
	return prev;
}

/*
 * The first stack frame of a new task, as __switch_to_asm will pop it: RFLAGS (interrupts
 * off, as every switch is made; AC clear), six callee-saved registers (RBX = fn, R12 = data
 * for ret_from_kthread) and the return address. The stack top stays 16-byte aligned for
 * the calls made from there.
 */
void copy_thread(struct task_struct *p, int (*fn)(void *), void *data)
{
	unsigned long *sp = (unsigned long *)((u8 *)p->stack + THREAD_SIZE);

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
