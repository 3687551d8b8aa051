// SPDX-License-Identifier: GPL-2.0
/*
 * TEMPORARY, for the merge to delete: minimal stand-ins for two functions of the signals
 * helper's contract (send_sig, fatal_signal_pending), which the OOM killer calls. They are
 * weak: kernel/signal.c's real ones replace them at link time. Until then a SIGKILL is only
 * marked pending; the OOM killer's faulting task acts on its own (force_fatal_sig), and a
 * victim other than the caller is not killed until signal delivery exists.
 */
#include <kernel/compiler.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/errno.h>
#include <kernel/spinlock.h>

#include "internal.h"

__weak int send_sig(int sig, struct task_struct *p, int priv)
{
	unsigned long flags;

	(void)priv;
	if (!p->sighand)
		return -ESRCH;
	spin_lock_irqsave(&p->sighand->siglock, flags);
	sigaddset(&p->pending.signal, sig);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	set_tsk_thread_flag(p, TIF_SIGPENDING);
	wake_up_state(p, TASK_INTERRUPTIBLE);
	return 0;
}

__weak bool fatal_signal_pending(struct task_struct *p)
{
	return p->sighand && sigismember(&p->pending.signal, SIGKILL);
}
