/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SWITCH_TO_H
#define _ASM_SWITCH_TO_H

struct task_struct;

/*
 * The x86 half of a context switch (switch.asm and process.c): callee-saved registers and
 * RFLAGS on prev's kernel stack, the stack switch, then __switch_to for everything else a
 * task owns on x86 (current, TSS rsp0, FS/GS bases, FPU). Called with interrupts off and
 * the run-queue lock held; returns on next's stack, with the task that was switched away
 * from there (next's "prev").
 */
struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);
#define switch_to(prev, next) __switch_to_asm((prev), (next))

struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);

/*
 * A switch in which prev leaves its kernel frames behind: it sleeps in a system call, its
 * user frame (task_pt_regs) all that is kept. Its stack gets a first frame, as a new task's,
 * that runs resume() when it is switched to the ordinary way, and returns resume()'s result
 * to user mode (ret_from_abandoned). next, if direct, left its frames the same way and has
 * its result in its frame: it returns to user mode from there (ret_to_user_switched);
 * otherwise it resumes in its own frames, as from __switch_to_asm. Called with interrupts
 * off and the run-queue lock held, as switch_to; sched_switch_tail (or finish_task_switch
 * on next's frames) lets go of it on next's stack.
 */
__noreturn void switch_to_abandon(struct task_struct *prev, struct task_struct *next, bool direct,
				  long (*resume)(void));

/* The new task's first stack frame, for create_task: it starts in fn(data). */
void copy_thread(struct task_struct *p, int (*fn)(void *), void *data);
/* The FS base and user GS base of the running task (WRFSBASE or the MSRs). */
void x86_set_fsbase(unsigned long base);
struct pt_regs;
/* The register frame that starts a freshly exec'd program at ip with its stack at sp. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);
void x86_set_user_gsbase(unsigned long base);
unsigned long x86_read_fsbase(void);
unsigned long x86_read_user_gsbase(void);

#endif /* _ASM_SWITCH_TO_H */
