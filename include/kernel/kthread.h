/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_KTHREAD_H
#define _KERNEL_KTHREAD_H

#include <kernel/sched.h>

/*
 * Kernel threads: kthread_create makes one that has not run yet (bind it, renice it, then
 * wake_up_process it); kthread_run does both. A thread ends by returning from fn, or, when
 * kthread_should_stop() says so, after kthread_stop asked it to: kthread_stop waits for
 * the end and returns fn's result. The creator holds a reference on the task until
 * kthread_stop; a creator that will never stop the thread drops it with put_task_struct.
 */
struct task_struct *kthread_create(int (*fn)(void *data), void *data, const char *name);
struct task_struct *kthread_run(int (*fn)(void *data), void *data, const char *name);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
/* Pins a thread that has not run yet to one CPU. */
void kthread_bind(struct task_struct *k, int cpu);
/* Ends the calling kthread with code, telling kthread_stop or kthread_wait. */
__noreturn void kthread_exit(int code);
/* Waits for k (from kthread_create) to end; returns its code, drops the creator's reference. */
int kthread_wait(struct task_struct *k);

#endif /* _KERNEL_KTHREAD_H */
