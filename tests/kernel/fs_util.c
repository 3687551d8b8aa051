// SPDX-License-Identifier: GPL-2.0
/* File helpers shared by the file-system test suites. */
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/timer.h>

#include "fs_util.h"

long ktest_read_file(const char *name, char *buf, size_t size)
{
	struct file *f = filp_open(name, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, size - 1, &pos);
	fput(f);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

int ktest_write_file(const char *name, const char *data, int flags)
{
	struct file *f = filp_open(name, O_WRONLY | O_CREAT | flags, 0644);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, data, strlen(data), &pos);
	fput(f);
	return n < 0 ? n : 0;
}

bool ktest_wait_sleeping(struct task_struct *p, unsigned int ms)
{
	u64 end = sched_clock() + ms * 1000000ULL;

	/* Really asleep: off its run queue and switched out, not just marked (or preempted). */
	while (READ_ONCE(p->state) != TASK_INTERRUPTIBLE || READ_ONCE(p->on_rq) ||
	       READ_ONCE(p->on_cpu)) {
		if (sched_clock() > end)
			return false;
		msleep(1);
	}
	return true;
}

void ktest_fake_signal(struct task_struct *p)
{
	set_tsk_thread_flag(p, TIF_SIGPENDING);
	wake_up_state(p, TASK_INTERRUPTIBLE);
}

bool ktest_wait_flag(const bool *flag, unsigned int ms)
{
	u64 end = sched_clock() + ms * 1000000ULL;

	while (!__atomic_load_n(flag, __ATOMIC_ACQUIRE)) {
		if (sched_clock() > end)
			return false;
		msleep(1);
	}
	return true;
}
