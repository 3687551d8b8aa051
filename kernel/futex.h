/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_FUTEX_INTERNAL_H
#define _KERNEL_FUTEX_INTERNAL_H

#include <kernel/sched.h>
#include <kernel/types.h>

/* The exiting thread's robust futexes: each it holds is marked FUTEX_OWNER_DIED, a waiter woken. */
void exit_robust_list(struct task_struct *tsk);
/* FUTEX_WAKE without FUTEX_PRIVATE_FLAG, as the kernel does for clear_child_tid. */
int futex_wake_shared(u32 __user *uaddr, int nr);

/* ktest=futex: the key (word, offset) and the hash bucket of uaddr; 0/index or -errno. */
int futex_test_key(u32 __user *uaddr, bool shared, unsigned long *word, unsigned long *off);
long futex_test_bucket(u32 __user *uaddr, bool shared);

#endif
