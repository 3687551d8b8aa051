// SPDX-License-Identifier: GPL-2.0
/* Kernel threads on top of create_task: a completion marks the end for kthread_stop. */
#include <kernel/kthread.h>
#include <kernel/lockdep.h>
#include <kernel/slab.h>
#include <kernel/wait.h>

struct kthread {
	struct completion exited;
};

struct task_struct *kthread_create(int (*fn)(void *data), void *data, const char *name)
{
	struct kthread *kt = kmalloc(sizeof(*kt), GFP_KERNEL);
	struct task_struct *p;

	if (!kt)
		return NULL;
	init_completion(&kt->exited);
	p = create_task(fn, data, name);
	if (!p) {
		kfree(kt);
		return NULL;
	}
	p->kthread = kt;
	/* The creator's reference, dropped by kthread_stop (or put_task_struct), so the task
	 * stays valid for kthread_stop even if fn returns first. */
	get_task_struct(p);
	return p;
}

struct task_struct *kthread_run(int (*fn)(void *data), void *data, const char *name)
{
	struct task_struct *p = kthread_create(fn, data, name);

	if (p)
		wake_up_process(p);
	return p;
}

bool kthread_should_stop(void)
{
	return READ_ONCE(current->should_stop);
}

void kthread_bind(struct task_struct *k, int cpu)
{
	set_cpus_allowed(k, cpumask_of(cpu));
}

/* Where ret_from_kthread goes when fn returns (and what do_exit is for kthreads). */
__noreturn void kthread_exit(int code)
{
	struct kthread *kt = current->kthread;

	/* Before kthread_stop can return: whoever waits sees what the exit reported. */
	lockdep_task_exit();
	current->exit_code = code;
	if (kt)
		complete_all(&kt->exited);
	do_exit(code);
}

int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = k->kthread;
	int ret;

	get_task_struct(k);
	WRITE_ONCE(k->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = k->exit_code;
	put_task_struct(k);
	put_task_struct(k); /* the creator's reference */
	return ret;
}

int kthread_wait(struct task_struct *k)
{
	struct kthread *kt = k->kthread;
	int ret;

	wait_for_completion(&kt->exited);
	ret = k->exit_code;
	put_task_struct(k); /* the creator's reference */
	return ret;
}
