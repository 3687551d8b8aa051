/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_IPC_H
#define _KERNEL_IPC_H

#include <kernel/list.h>
#include <kernel/types.h>

struct task_struct;
struct ipc_endpoint;

/*
 * A thread's wait in an IPC system call (kernel/ipc.c), in its task_struct: a thread waits in
 * one call at most, and the fast path leaves the kernel frames of the waiting call behind.
 * All fields but task under ep->lock.
 */
struct ipc_wait {
	struct list_head node; /* in ep->senders, ep->receivers or ep->repliers */
	struct task_struct *task;
	struct task_struct *server; /* a received call: the thread that owes its reply */
	struct ipc_endpoint *ep; /* the endpoint waited on */
	u64 badge; /* a sender's client end's */
	int pid; /* a receiver's: the sender's */
	int kind;
	int result;
	/* The frames were left behind (sched_switch_abandon): the end may go straight to user. */
	bool abandoned;
};

/*
 * kernel/ipc.c, from do_exit: a caller still waiting for this thread's reply gets EPIPE, and
 * the thread's reference on the endpoint it received the call from goes.
 */
void ipc_exit(struct task_struct *tsk);

#endif /* _KERNEL_IPC_H */
