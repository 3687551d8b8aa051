// SPDX-License-Identifier: GPL-2.0
/*
 * The end of a task: it lets go of its address space and files, marks itself dead and
 * switches away for the last time; the switch (finish_task_switch) drops the reference the
 * running task held on itself, and whoever still holds one (kthread_stop, the parent that
 * waits) frees it with the last put_task_struct.
 */
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/uaccess.h>
#include <kernel/fdtable.h>
#include <kernel/fs_struct.h>
#include <kernel/kthread.h>
#include <kernel/lockdep.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>

/* The address space goes before the task: the kernel's page tables carry on meanwhile. */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	task_lock(tsk);
	tsk->mm = NULL;
	task_unlock(tsk);
	switch_mm(NULL);
	mmput(mm);
}

static void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (!files)
		return;
	task_lock(tsk);
	tsk->files = NULL;
	task_unlock(tsk);
	put_files_struct(files);
}

__noreturn void do_exit(int code)
{
	exit_files(current);
	exit_mm(current);
	exit_fs(current); /* here, where putting paths may sleep */
	lockdep_task_exit();
	current->exit_code = code;
	set_current_state(TASK_DEAD);
	schedule();
	BUG(); /* a dead task is never picked again */
	halt_forever();
}

/*
 * The end of a process (one task until threads exist). status is what wait(2) will report:
 * an exit code << 8, or the number of the signal that killed it. The task that started it
 * (a kthread_create'd task: init's runner) learns it through the kthread completion.
 */
__noreturn void do_group_exit(int status)
{
	struct task_struct *tsk = current;

	if (tsk->clear_child_tid) {
		/* The futex wake comes with threads; the store already tells a joiner. */
		(void)put_user(0, tsk->clear_child_tid);
		tsk->clear_child_tid = NULL;
	}
	if (tsk->pid == 1)
		panic("Attempted to kill init! exitcode=0x%08x", status);
	tsk->exit_status = status;
	exit_files(tsk);
	exit_mm(tsk);
	exit_notify(tsk);
	if (tsk->kthread)
		kthread_exit(status);
	do_exit(status);
}

long sys_exit(int error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

long sys_exit_group(int error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/*
 * A user-mode fault or trap, until signals can be delivered: the task ends as the signal's
 * default action would end it (status = the signal, as wait reports a killed process), and
 * the kernel goes on. Called from the exception path with interrupts off.
 */
__noreturn void force_fatal_sig(int sig)
{
	local_irq_enable();
	do_group_exit(sig);
}
