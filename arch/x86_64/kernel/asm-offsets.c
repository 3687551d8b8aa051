// SPDX-License-Identifier: GPL-2.0
/*
 * Constants and structure offsets for the assembly files: compiled to assembly only, and the
 * "->NAME value" markers are turned into NASM %defines (see the Makefile).
 */
#include <kernel/compiler.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <kernel/sched.h>
#include <generated/syscalls_64.h>

#define DEFINE(sym, val) __asm__ volatile("\n.ascii \"->" #sym " %c0\"" : : "i"(val))
#define OFFSET(sym, str, mem) DEFINE(sym, __builtin_offsetof(struct str, mem))

#define PML4_INDEX(va) (((va) >> 39) & 511)

void asm_offsets(void);
void asm_offsets(void)
{
	DEFINE(__KERNEL_CS, __KERNEL_CS);
	DEFINE(__KERNEL_DS, __KERNEL_DS);
	DEFINE(DIRECT_MAP_PML4_INDEX, PML4_INDEX(__PAGE_OFFSET));
	DEFINE(KERNEL_MAP_PML4_INDEX, PML4_INDEX(__START_KERNEL_map));

	OFFSET(PT_REGS_VECTOR, pt_regs, vector);
	OFFSET(PT_REGS_ORIG_RAX, pt_regs, orig_rax);
	OFFSET(PT_REGS_CS, pt_regs, cs);
	DEFINE(PT_REGS_SIZE, sizeof(struct pt_regs));
	OFFSET(CPU_IRQ_STACK_TOP, cpu_data, irq_stack_top);
	OFFSET(CPU_IRQ_STACK_INUSE, cpu_data, irq_stack_inuse);
	DEFINE(__USER_CS, __USER_CS);
	DEFINE(__USER_DS, __USER_DS);
	OFFSET(PT_REGS_RAX, pt_regs, rax);
	OFFSET(PT_REGS_RSP, pt_regs, rsp);
	OFFSET(PT_REGS_RDI, pt_regs, rdi);
	OFFSET(PT_REGS_RSI, pt_regs, rsi);
	OFFSET(PT_REGS_RDX, pt_regs, rdx);
	OFFSET(PT_REGS_R10, pt_regs, r10);
	OFFSET(PT_REGS_R8, pt_regs, r8);
	OFFSET(PT_REGS_R9, pt_regs, r9);
	OFFSET(PT_REGS_R12, pt_regs, r12);
	OFFSET(PT_REGS_RBX, pt_regs, rbx);
	OFFSET(PT_REGS_RBP, pt_regs, rbp);
	OFFSET(PT_REGS_R13, pt_regs, r13);
	OFFSET(PT_REGS_R14, pt_regs, r14);
	OFFSET(PT_REGS_R15, pt_regs, r15);
	DEFINE(_TIF_SYSCALL_TRACE, _TIF_SYSCALL_TRACE);
	OFFSET(CPU_CURRENT, cpu_data, current_task);
	OFFSET(CPU_TOP_OF_STACK, cpu_data, top_of_stack);
	OFFSET(CPU_SCRATCH, cpu_data, scratch);
	OFFSET(CPU_NEED_RESCHED, cpu_data, need_resched);
	OFFSET(TASK_THREAD_FLAGS, task_struct, thread_flags);
	DEFINE(_TIF_SYSCALL_EXIT_WORK, _TIF_SYSCALL_EXIT_WORK);
	DEFINE(NR_syscalls, NR_syscalls);
	DEFINE(TASK_THREAD_SP, __builtin_offsetof(struct task_struct, thread.sp));
}
