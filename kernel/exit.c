// SPDX-License-Identifier: GPL-2.0
/*
 * The end of a task: it marks itself dead and switches away for the last time; the switch
 * (finish_task_switch) drops the reference the running task held on itself, and whoever
 * still holds one (kthread_stop) frees it with the last put_task_struct.
 */
#include <asm/processor.h>
#include <kernel/fs_struct.h>
#include <kernel/lockdep.h>
#include <kernel/panic.h>
#include <kernel/sched.h>

__noreturn void do_exit(int code)
{
	exit_fs(current); /* here, where putting paths may sleep */
	lockdep_task_exit();
	current->exit_code = code;
	set_current_state(TASK_DEAD);
	schedule();
	BUG(); /* a dead task is never picked again */
	halt_forever();
}
