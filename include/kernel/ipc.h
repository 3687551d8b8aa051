/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_IPC_H
#define _KERNEL_IPC_H

struct task_struct;

/*
 * kernel/ipc.c, from do_exit: a caller still waiting for this thread's reply gets EPIPE, and
 * the thread's reference on the endpoint it received the call from goes.
 */
void ipc_exit(struct task_struct *tsk);

#endif /* _KERNEL_IPC_H */
