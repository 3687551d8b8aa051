// SPDX-License-Identifier: GPL-2.0
/*
 * Task lifetime: creating a task (a kernel stack, FPU state, a first stack frame), the list
 * of all tasks and their pids, and the reference count that frees a task when its last
 * user lets go. Scheduling fields come from sched_fork (kernel/sched/core.c), the x86 frame
 * from copy_thread (arch/x86_64/kernel/process.c).
 */
#include <asm/fpu.h>
#include <asm/switch_to.h>
#include <kernel/atomic.h>
#include <kernel/cred.h>
#include <kernel/fs.h>
#include <kernel/fs_struct.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/vmalloc.h>

#include "sched/sched.h"

static LIST_HEAD(task_list);
static DEFINE_SPINLOCK(tasklist_lock);
static atomic_t next_pid = ATOMIC_INIT(1);
static atomic_t task_count;

/* Pids count up and are not reused yet: 2^31 tasks before it matters. */
static int alloc_pid(void)
{
	return atomic_inc_return(&next_pid);
}

struct task_struct *create_task(int (*fn)(void *), void *data, const char *name)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);
	unsigned long flags;

	if (!p)
		return NULL;
	p->stack = alloc_kernel_stack();
	if (!p->stack)
		goto out_free_task;
	p->thread.fpu.state = fpu_state_alloc();
	if (!p->thread.fpu.state)
		goto out_free_stack;
	sched_fork(p);
	INIT_LIST_HEAD(&p->tasks);
	atomic_set(&p->usage, 1);
	strscpy(p->comm, name, sizeof(p->comm));
	p->pid = alloc_pid();
	p->state = TASK_UNINTERRUPTIBLE; /* not runnable until woken */
	p->cpu = smp_processor_id();
	p->thread_fn = fn;
	p->thread_data = data;
	/* Kernel threads act as their creator and share its root and working directory. */
	copy_creds(p);
	copy_fs(CLONE_FS, p);
	copy_thread(p, fn, data);

	spin_lock_irqsave(&tasklist_lock, flags);
	list_add_tail(&p->tasks, &task_list);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	atomic_inc(&task_count);
	return p;

out_free_stack:
	free_kernel_stack(p->stack);
out_free_task:
	kfree(p);
	return NULL;
}

void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}

void put_task_struct(struct task_struct *p)
{
	unsigned long flags;

	if (!atomic_dec_and_test(&p->usage))
		return;
	BUG_ON(p->is_idle);
	spin_lock_irqsave(&tasklist_lock, flags);
	list_del(&p->tasks);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	atomic_dec(&task_count);
	exit_fs(p); /* if do_exit did not (a task that never ran) */
	exit_creds(p);
	fpu_state_free(p->thread.fpu.state);
	free_kernel_stack(p->stack);
	kfree(p->kthread);
	kfree(p);
}

unsigned long nr_tasks(void)
{
	return atomic_read(&task_count);
}

struct task_struct *find_get_task_by_pid(int pid)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->pid == pid && p->state != TASK_DEAD) {
			get_task_struct(p);
			found = p;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

int next_task_pid(int after)
{
	struct task_struct *p;
	unsigned long flags;
	int best = -1;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks)
		if (p->pid > after && p->state != TASK_DEAD && (best < 0 || p->pid < best))
			best = p->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}
