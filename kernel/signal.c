// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: the queues of pending signals. Sending, delivery and the system calls build on
 * the structures of include/kernel/sched/signal.h.
 */
#include <kernel/signal.h>
#include <kernel/slab.h>

void flush_sigqueue(struct sigpending *pending)
{
	struct sigqueue *q, *n;

	sigemptyset(&pending->signal);
	list_for_each_entry_safe(q, n, &pending->list, list) {
		list_del(&q->list);
		kfree(q);
	}
}

/* threads helper: minimal zap_other_threads until the signals branch lands */
#include <kernel/sched.h>
#include <kernel/errno.h>
#include <kernel/smp.h>

void signal_wake_up(struct task_struct *t, bool fatal)
{
	lockdep_assert_held(&t->sighand->siglock);
	set_tsk_thread_flag(t, TIF_SIGPENDING);
	(void)fatal; /* no killable sleeps here: fatal or not, interruptible sleeps end */
	if (!wake_up_state(t, TASK_INTERRUPTIBLE) && READ_ONCE(t->on_cpu) &&
	    t->cpu != smp_processor_id())
		smp_send_reschedule(t->cpu); /* running in user mode there: into the kernel */
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	unsigned long flags;

	(void)priv;
	if (sig <= 0 || sig > _NSIG)
		return -EINVAL;
	spin_lock_irqsave(&p->sighand->siglock, flags);
	sigaddset(&p->pending.signal, sig);
	signal_wake_up(p, sig == SIGKILL);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	return 0;
}

void zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;

	lockdep_assert_held(&p->sighand->siglock);
	p->signal->group_stop_count = 0;
	list_for_each_entry(t, &p->signal->thread_head, thread_node) {
		if (t == p || READ_ONCE(t->exit_state))
			continue;
		sigaddset(&t->pending.signal, SIGKILL);
		signal_wake_up(t, true);
	}
}
/* end of the threads helper's minimal signal sending */
