// SPDX-License-Identifier: GPL-2.0
/*
 * Controlling terminals and job control, as Linux's drivers/tty/tty_jobctrl.c: a session
 * leader's first terminal opened without O_NOCTTY (or TIOCSCTTY) becomes its session's
 * controlling terminal; the terminal's foreground process group (TIOCSPGRP) hears the
 * signal characters and SIGWINCH; a background group that reads (or, with TOSTOP, writes
 * or changes the settings) is stopped with SIGTTIN/SIGTTOU, or gets EIO where POSIX says
 * (an orphaned group, an ignored or blocked SIGTTIN). Hang-up and the session leader's end
 * take the terminal away from the session.
 *
 * tty->pgrp, tty->session and every signal_struct's tty are under family_lock, with the
 * process group and session ids they are compared with.
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/sched/signal.h>
#include <kernel/signal.h>
#include <kernel/tty.h>

static bool is_session_leader(struct task_struct *p)
{
	return p->signal->session == p->tgid;
}

int tty_get_pgrp(struct tty_struct *tty)
{
	unsigned long flags;
	int pgrp;

	spin_lock_irqsave(&family_lock, flags);
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&family_lock, flags);
	return pgrp;
}

struct tty_struct *get_current_tty(void)
{
	struct tty_struct *tty;
	unsigned long flags;

	spin_lock_irqsave(&family_lock, flags);
	tty = current->signal->tty;
	if (tty)
		tty_kref_get(tty);
	spin_unlock_irqrestore(&family_lock, flags);
	return tty;
}

/* The signal would be thrown away or held back: Linux's is_ignored. */
static bool sig_ignored_or_blocked(int sig)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&current->sighand->siglock, flags);
	ret = sigismember(&current->blocked, sig) ||
	      current->sighand->action[sig - 1].sa_handler == SIG_IGN;
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return ret;
}

/*
 * Linux's __tty_check_change: only the caller's own controlling terminal with a foreground
 * group other than the caller's is refused. An ignored or blocked SIGTTOU lets the change
 * (or write) through; an ignored or blocked SIGTTIN, or an orphaned group, gets EIO; else
 * the caller's group is sent sig and the call restarts once it is continued.
 */
int tty_check_change_sig(struct tty_struct *tty, int sig)
{
	unsigned long flags;
	int pgrp, tty_pgrp;

	spin_lock_irqsave(&family_lock, flags);
	if (current->signal->tty != tty) {
		spin_unlock_irqrestore(&family_lock, flags);
		return 0;
	}
	pgrp = current->signal->pgrp;
	tty_pgrp = tty->pgrp;
	spin_unlock_irqrestore(&family_lock, flags);
	if (!tty_pgrp || pgrp == tty_pgrp)
		return 0;
	if (sig_ignored_or_blocked(sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp(pgrp, sig, 1);
	return -ERESTARTSYS;
}

/* Makes tty the caller's session's terminal, its group the foreground (family_lock held). */
static void proc_set_tty_locked(struct tty_struct *tty)
{
	struct signal_struct *sig = current->signal;

	lockdep_assert_held(&family_lock);
	tty_kref_get(tty);
	tty->session = sig->session;
	tty->pgrp = sig->pgrp;
	sig->tty = tty;
}

void tty_open_proc_set_tty(struct file *file, struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&family_lock, flags);
	if (is_session_leader(current->group_leader) && !current->signal->tty && !tty->session)
		proc_set_tty_locked(tty);
	spin_unlock_irqrestore(&family_lock, flags);
}

struct clear_arg {
	int sid;
	struct tty_struct *tty;
	int refs;
};

static bool clear_one(struct task_struct *p, void *data)
{
	struct clear_arg *a = data;

	if (p->signal->session == a->sid && p->signal->tty == a->tty) {
		p->signal->tty = NULL;
		a->refs++;
	}
	return false;
}

/* Every process of tty's session loses it; returns the references to put. */
static int session_clear_tty_locked(struct tty_struct *tty)
{
	struct clear_arg a = { .sid = tty->session, .tty = tty };

	lockdep_assert_held(&family_lock);
	if (tty->session)
		for_each_process_locked(clear_one, &a);
	tty->session = 0;
	tty->pgrp = 0;
	return a.refs;
}

static void put_refs(struct tty_struct *tty, int refs)
{
	while (refs-- > 0)
		tty_kref_put(tty);
}

/*
 * Linux's tty_signal_session_leader (hang-up): the session leader hears SIGHUP and SIGCONT;
 * the whole session loses the terminal.
 */
void tty_signal_session_leader(struct tty_struct *tty)
{
	unsigned long flags;
	int sid, refs;

	spin_lock_irqsave(&family_lock, flags);
	sid = tty->session;
	refs = session_clear_tty_locked(tty);
	spin_unlock_irqrestore(&family_lock, flags);
	if (sid > 0) {
		struct task_struct *leader = find_get_task_by_pid(sid);

		if (leader) {
			if (leader->tgid == sid && leader->signal &&
			    leader->signal->session == sid) {
				group_send_sig_info(SIGHUP, SEND_SIG_PRIV, leader);
				group_send_sig_info(SIGCONT, SEND_SIG_PRIV, leader);
			}
			put_task_struct(leader);
		}
	}
	put_refs(tty, refs);
}

/*
 * Linux's disassociate_ctty: the session leader lets its terminal go (TIOCNOTTY, or its
 * end): the foreground group hears SIGHUP (and SIGCONT unless the leader is exiting), and
 * the session has no terminal any more.
 */
static void disassociate_ctty(bool on_exit)
{
	struct tty_struct *tty;
	unsigned long flags;
	int pgrp = 0, refs = 0;

	spin_lock_irqsave(&family_lock, flags);
	tty = current->signal->tty;
	if (tty) {
		tty_kref_get(tty);
		/* Only the terminal's own session may take it away from its session. */
		if (tty->session == current->signal->session) {
			pgrp = tty->pgrp;
			refs = session_clear_tty_locked(tty);
		} else {
			current->signal->tty = NULL;
			refs = 1;
		}
	}
	spin_unlock_irqrestore(&family_lock, flags);
	if (!tty)
		return;
	if (pgrp > 0) {
		kill_pgrp(pgrp, SIGHUP, 1);
		if (!on_exit)
			kill_pgrp(pgrp, SIGCONT, 1);
	}
	put_refs(tty, refs);
	tty_kref_put(tty);
}

/*
 * The process is ending: a session leader takes the terminal from its session. Called
 * before the process is a zombie (a parent that has reaped it must find the terminal
 * free), and again once the group is dead, when a second call finds nothing to do.
 */
void tty_exit_group(struct task_struct *leader)
{
	struct tty_struct *tty;
	unsigned long flags;

	if (is_session_leader(leader))
		disassociate_ctty(true);
	spin_lock_irqsave(&family_lock, flags);
	tty = leader->signal->tty;
	leader->signal->tty = NULL;
	spin_unlock_irqrestore(&family_lock, flags);
	tty_kref_put(tty);
}

/* TIOCSCTTY, as Linux's tiocsctty (arg 1 lets root steal a terminal from another session). */
static int tiocsctty(struct tty_struct *tty, struct file *file, unsigned long arg)
{
	unsigned long flags;
	int ret = 0, refs = 0;

	spin_lock_irqsave(&family_lock, flags);
	if (is_session_leader(current->group_leader) && tty->session == current->signal->session)
		goto out;
	if (!is_session_leader(current->group_leader) || current->signal->tty) {
		ret = -EPERM;
		goto out;
	}
	if (tty->session) {
		if (arg != 1 || current_cred()->euid != 0) {
			ret = -EPERM;
			goto out;
		}
		refs = session_clear_tty_locked(tty);
	}
	if (!(file->f_mode & FMODE_READ) && current_cred()->euid != 0) {
		ret = -EPERM;
		goto out;
	}
	proc_set_tty_locked(tty);
out:
	spin_unlock_irqrestore(&family_lock, flags);
	put_refs(tty, refs);
	return ret;
}

struct pgrp_arg {
	int pgrp, session;
	bool found;
};

static bool pgrp_match(struct task_struct *p, void *data)
{
	struct pgrp_arg *a = data;

	if (p->signal->pgrp != a->pgrp || p->exit_state)
		return false;
	a->session = p->signal->session;
	a->found = true;
	return true;
}

static int tiocspgrp(struct tty_struct *tty, struct tty_struct *real_tty, int __user *p)
{
	struct pgrp_arg a = { 0 };
	unsigned long flags;
	int ret = tty_check_change(real_tty);

	if (ret == -EIO)
		return -ENOTTY;
	if (ret)
		return ret;
	if (get_user(a.pgrp, p))
		return -EFAULT;
	spin_lock_irqsave(&family_lock, flags);
	ret = -ENOTTY;
	if (!current->signal->tty || current->signal->tty != real_tty ||
	    real_tty->session != current->signal->session)
		goto out;
	ret = -EINVAL;
	if (a.pgrp < 0)
		goto out;
	for_each_process_locked(pgrp_match, &a);
	ret = -ESRCH;
	if (!a.found)
		goto out;
	ret = -EPERM;
	if (a.session != current->signal->session)
		goto out;
	real_tty->pgrp = a.pgrp;
	ret = 0;
out:
	spin_unlock_irqrestore(&family_lock, flags);
	return ret;
}

long tty_jobctrl_ioctl(struct tty_struct *tty, struct tty_struct *real_tty, struct file *file,
		       unsigned int cmd, unsigned long arg)
{
	int __user *p = (int __user *)arg;
	unsigned long flags;
	int val;

	switch (cmd) {
	case TIOCNOTTY:
		if (current->signal->tty != tty)
			return -ENOTTY;
		if (is_session_leader(current->group_leader)) {
			disassociate_ctty(false);
		} else {
			spin_lock_irqsave(&family_lock, flags);
			if (current->signal->tty == tty)
				current->signal->tty = NULL;
			else
				tty = NULL;
			spin_unlock_irqrestore(&family_lock, flags);
			tty_kref_put(tty);
		}
		return 0;
	case TIOCSCTTY:
		return tiocsctty(real_tty, file, arg);
	case TIOCGPGRP:
	case TIOCGSID:
		spin_lock_irqsave(&family_lock, flags);
		if (tty == real_tty && current->signal->tty != real_tty)
			val = -ENOTTY;
		else if (cmd == TIOCGSID)
			val = real_tty->session ? real_tty->session : -ENOTTY;
		else
			val = real_tty->pgrp;
		spin_unlock_irqrestore(&family_lock, flags);
		if (val < 0)
			return val;
		return put_user(val, p) ? -EFAULT : 0;
	case TIOCSPGRP:
		return tiocspgrp(tty, real_tty, p);
	}
	return -ENOIOCTLCMD;
}
