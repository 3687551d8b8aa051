// SPDX-License-Identifier: GPL-2.0
/* The two-CPU race harness the allocator and paging tests share (see two_cpus.h). */
#include <asm/processor.h>
#include <kernel/errno.h>
#include <kernel/kthread.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/timer.h>
#include <kernel/vmalloc.h>
#include "two_cpus.h"

bool ktest_need_two_cpus(struct ktest *t)
{
	if (num_online_cpus() >= 2)
		return true;
	ktest_skip(t, "needs two CPUs");
	return false;
}

void ktest_settle(unsigned long tasks_before)
{
	for (int ms = 0; ms < 1000 && nr_tasks() > tasks_before; ms++)
		msleep(1);
	vmalloc_purge();
	kmem_cache_shrink_all();
}

int ktest_run_on_two_cpus(int (*fn)(void *), void *data, const char *name)
{
	unsigned long tasks = nr_tasks();
	struct task_struct *p[2];

	for (int i = 0; i < 2; i++) {
		p[i] = kthread_create(fn, data, name);
		if (!p[i]) {
			if (i) {
				wake_up_process(p[0]);
				kthread_stop(p[0]);
			}
			return -ENOMEM;
		}
		kthread_bind(p[i], i);
	}
	for (int i = 0; i < 2; i++)
		wake_up_process(p[i]);
	for (int i = 0; i < 2; i++)
		kthread_stop(p[i]);
	ktest_settle(tasks);
	return 0;
}

int ktest_start_together(struct ktest_start_line *line)
{
	int id = __atomic_fetch_add(&line->id_next, 1, __ATOMIC_SEQ_CST);

	atomic_inc(&line->started);
	while (atomic_read(&line->started) < 2)
		cpu_relax();
	return id;
}
