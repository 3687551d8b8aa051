// SPDX-License-Identifier: GPL-2.0
/*
 * Signals, with Linux's semantics: sending (a standard signal is pending at most once, a
 * real-time one is queued with its siginfo each time, up to RLIMIT_SIGPENDING per user),
 * the choice of a thread for a signal to the whole process, the side effects of SIGKILL,
 * SIGSTOP and SIGCONT at send time, ignored signals discarded at once, the default actions
 * at delivery (terminate, core, stop, continue, ignore), group stop and SIGCHLD to the
 * parent, and the system calls around them. The frame a handler runs on is the arch's
 * (arch/x86_64/kernel/signal.c): it calls get_signal on the way back to user mode.
 *
 * Locking: sighand->siglock (irqsave: the interval timer sends from its interrupt) guards
 * the handler table, every pending set and queue of the tasks that share it, task->blocked,
 * real_blocked and jobctl, and the stop/exit state in signal_struct. A parent's siglock is
 * never taken with a child's held (both are one lock class): the SIGCHLD of a stop or a
 * continue is sent after the child's lock is dropped.
 */
#include <asm/ptrace.h>
#include <asm/syscall.h>
#include <asm/uaccess.h>
#include <kernel/coredump.h>
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/lockdep.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <kernel/wait.h>

#define M(sig) (1UL << ((sig)-1))
#define SIG_KERNEL_ONLY_MASK (M(SIGKILL) | M(SIGSTOP))
#define SIG_KERNEL_STOP_MASK (M(SIGSTOP) | M(SIGTSTP) | M(SIGTTIN) | M(SIGTTOU))
#define SIG_KERNEL_COREDUMP_MASK                                                                 \
	(M(SIGQUIT) | M(SIGILL) | M(SIGTRAP) | M(SIGABRT) | M(SIGFPE) | M(SIGSEGV) | M(SIGBUS) | \
	 M(SIGSYS) | M(SIGXCPU) | M(SIGXFSZ))
#define SIG_KERNEL_IGNORE_MASK (M(SIGCONT) | M(SIGCHLD) | M(SIGWINCH) | M(SIGURG))
/* Faults the task caused itself: taken before any other pending signal, as Linux does. */
#define SYNCHRONOUS_MASK (M(SIGSEGV) | M(SIGBUS) | M(SIGILL) | M(SIGTRAP) | M(SIGFPE) | M(SIGSYS))

extern struct wait_queue_head signalfd_wqh;

static bool siginmask(int sig, unsigned long mask)
{
	return sig < SIGRTMIN && (M(sig) & mask);
}

#define sig_kernel_only(sig) siginmask(sig, SIG_KERNEL_ONLY_MASK)
#define sig_kernel_stop(sig) siginmask(sig, SIG_KERNEL_STOP_MASK)
#define sig_kernel_coredump(sig) siginmask(sig, SIG_KERNEL_COREDUMP_MASK)
#define sig_kernel_ignore(sig) siginmask(sig, SIG_KERNEL_IGNORE_MASK)

static bool valid_signal(unsigned long sig)
{
	return sig <= _NSIG;
}

static uid_t task_uid(struct task_struct *p)
{
	const struct cred *c = get_task_cred(p);
	uid_t uid = c->uid;

	put_cred(c);
	return uid;
}

static const struct cred *cur_cred(void)
{
	return current_cred();
}

static uid_t current_uid(void)
{
	const struct cred *c = cur_cred();

	return c ? c->uid : 0;
}

/* ---- the queue and RLIMIT_SIGPENDING ------------------------------------------------- */

/*
 * Queued siginfos count against their receiver's real uid, as Linux's ucounts do. Users are
 * few: a small open-addressed table that never shrinks.
 */
#define SIGUSER_SLOTS 64
struct sigpending_user {
	uid_t uid;
	bool used;
	atomic_t count;
};
static struct sigpending_user sigusers[SIGUSER_SLOTS];
static DEFINE_SPINLOCK(siguser_lock); /* guards claiming a slot (uid, used) */

static struct sigpending_user *siguser_get(uid_t uid)
{
	struct sigpending_user *u = NULL;
	unsigned long flags;
	unsigned int i, h = uid % SIGUSER_SLOTS;

	spin_lock_irqsave(&siguser_lock, flags);
	for (i = 0; i < SIGUSER_SLOTS; i++) {
		struct sigpending_user *s = &sigusers[(h + i) % SIGUSER_SLOTS];

		if (s->used && s->uid == uid) {
			u = s;
			break;
		}
		if (!s->used) {
			s->used = true;
			s->uid = uid;
			u = s;
			break;
		}
	}
	spin_unlock_irqrestore(&siguser_lock, flags);
	return u;
}

/* A queue entry for t, or NULL if t's user is at its limit (unless override) or no memory. */
static struct sigqueue *sigqueue_alloc(struct task_struct *t, bool override)
{
	struct sigpending_user *u = siguser_get(task_uid(t));
	unsigned long limit = t->signal->rlim[RLIMIT_SIGPENDING].rlim_cur;
	struct sigqueue *q;

	if (!u)
		return NULL;
	if (atomic_inc_return(&u->count) > (long)limit && !override) {
		atomic_dec(&u->count);
		return NULL;
	}
	q = kmalloc(sizeof(*q), GFP_ATOMIC);
	if (!q) {
		atomic_dec(&u->count);
		return NULL;
	}
	INIT_LIST_HEAD(&q->list);
	q->user = u;
	return q;
}

static void sigqueue_free(struct sigqueue *q)
{
	if (q->user)
		atomic_dec(&((struct sigpending_user *)q->user)->count);
	kfree(q);
}

void flush_sigqueue(struct sigpending *pending)
{
	struct sigqueue *q, *n;

	sigemptyset(&pending->signal);
	list_for_each_entry_safe(q, n, &pending->list, list) {
		list_del(&q->list);
		sigqueue_free(q);
	}
}

/* Every queued instance of the signals in mask goes. */
static void flush_sigqueue_mask(unsigned long mask, struct sigpending *s)
{
	struct sigqueue *q, *n;

	if (!(s->signal.sig[0] & mask))
		return;
	s->signal.sig[0] &= ~mask;
	list_for_each_entry_safe(q, n, &s->list, list) {
		if (M(q->info.si_signo) & mask) {
			list_del(&q->list);
			sigqueue_free(q);
		}
	}
}

static void flush_group_mask(struct task_struct *p, unsigned long mask)
{
	struct task_struct *t;

	flush_sigqueue_mask(mask, &p->signal->shared_pending);
	list_for_each_entry(t, &p->signal->thread_head, thread_node)
		flush_sigqueue_mask(mask, &t->pending);
}

/* ---- TIF_SIGPENDING ------------------------------------------------------------------ */

static bool has_pending(struct sigpending *s, const sigset_t *blocked)
{
	return s->signal.sig[0] & ~blocked->sig[0];
}

/*
 * Set when the task has something to act on: an unblocked signal, its part of a group stop,
 * or the group's exit. Cleared only for the caller's own task: another task's flag may have
 * been set for a reason its owner has yet to see.
 */
void recalc_sigpending(struct task_struct *t)
{
	lockdep_assert_held(&t->sighand->siglock);
	if ((t->jobctl & JOBCTL_STOP_PENDING) || (t->signal->flags & SIGNAL_GROUP_EXIT) ||
	    has_pending(&t->pending, &t->blocked) ||
	    has_pending(&t->signal->shared_pending, &t->blocked))
		set_tsk_thread_flag(t, TIF_SIGPENDING);
	else if (t == current)
		clear_tsk_thread_flag(t, TIF_SIGPENDING);
}

void signal_wake_up(struct task_struct *t, bool fatal)
{
	long state = TASK_INTERRUPTIBLE | (fatal ? TASK_STOPPED | TASK_WAKEKILL : 0);

	lockdep_assert_held(&t->sighand->siglock);
	set_tsk_thread_flag(t, TIF_SIGPENDING);
	/* Running in user mode on another CPU: an IPI makes it look at its flags now. */
	if (!wake_up_state(t, state) && t != current && READ_ONCE(t->on_cpu))
		smp_send_reschedule(READ_ONCE(t->cpu));
}

bool unhandled_signal(struct task_struct *t, int sig)
{
	void __user *handler = t->sighand->action[sig - 1].sa_handler;

	return handler == SIG_DFL || handler == SIG_IGN;
}

bool fatal_signal_pending(struct task_struct *p)
{
	return signal_pending(p) && sigismember(&p->pending.signal, SIGKILL);
}

/* ---- sending ------------------------------------------------------------------------- */

static bool sig_handler_ignored(void __user *handler, int sig)
{
	return handler == SIG_IGN || (handler == SIG_DFL && sig_kernel_ignore(sig));
}

static bool is_si_special(const struct kernel_siginfo *info)
{
	return info <= SEND_SIG_PRIV;
}

static bool si_fromuser(const struct kernel_siginfo *info)
{
	return info == SEND_SIG_NOINFO || (!is_si_special(info) && info->si_code <= 0);
}

/* Would the signal be thrown away at delivery? Then it is not queued at all. */
static bool sig_ignored(struct task_struct *t, int sig, bool force)
{
	void __user *handler;

	if (sigismember(&t->blocked, sig) || sigismember(&t->real_blocked, sig))
		return false;
	handler = t->sighand->action[sig - 1].sa_handler;
	/* init, and kernel threads, take only the signals they have a handler for. */
	if ((t->tgid == 1 || !t->mm) && handler == SIG_DFL && !(force && sig_kernel_only(sig)))
		return true;
	return sig_handler_ignored(handler, sig);
}

/* The group's exit has begun: nothing new matters but the SIGKILL it sent. */
static bool group_exiting(struct signal_struct *sig)
{
	return sig->flags & SIGNAL_GROUP_EXIT;
}

/*
 * The side effects at send time, as Linux's prepare_signal: a stop signal cancels pending
 * SIGCONTs; SIGCONT cancels pending stops, wakes the stopped threads and remembers to tell
 * the parent. Returns whether the signal is to be queued.
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	if (group_exiting(signal))
		return sig == SIGKILL;
	if (sig_kernel_stop(sig)) {
		flush_group_mask(p, M(SIGCONT));
	} else if (sig == SIGCONT) {
		unsigned int why = 0;

		flush_group_mask(p, SIG_KERNEL_STOP_MASK);
		list_for_each_entry(t, &signal->thread_head, thread_node) {
			t->jobctl &= ~JOBCTL_STOP_PENDING;
			wake_up_state(t, TASK_STOPPED);
		}
		if (signal->flags & SIGNAL_STOP_STOPPED)
			why = SIGNAL_CLD_CONTINUED;
		else if (signal->group_stop_count)
			why = SIGNAL_CLD_STOPPED;
		if (why) {
			signal->flags = why | SIGNAL_STOP_CONTINUED;
			signal->group_stop_count = 0;
			signal->stop_code_pending = 0;
			/* Someone must report it: the threads look at the flags in get_signal. */
			list_for_each_entry(t, &signal->thread_head, thread_node)
				signal_wake_up(t, false);
		}
	}
	return !sig_ignored(p, sig, force);
}

static bool sig_fatal(struct task_struct *t, int sig)
{
	return !siginmask(sig, SIG_KERNEL_IGNORE_MASK | SIG_KERNEL_STOP_MASK) &&
	       t->sighand->action[sig - 1].sa_handler == SIG_DFL;
}

static bool task_exiting(struct task_struct *t)
{
	return (READ_ONCE(t->flags) & PF_EXITING) || READ_ONCE(t->exit_state) ||
	       READ_ONCE(t->state) == TASK_DEAD;
}

/*
 * Linux's choice of a thread for a process-wide signal: not one that blocks it or is on its
 * way out; not a stopped one (it takes nothing before SIGCONT, when every thread looks);
 * a running one sees it soon anyway, a sleeping one that has a signal already is being woken.
 */
static bool wants_signal(int sig, struct task_struct *p)
{
	if (sigismember(&p->blocked, sig))
		return false;
	if (task_exiting(p))
		return false;
	if (sig == SIGKILL)
		return true;
	if (READ_ONCE(p->state) & TASK_STOPPED)
		return false;
	return p == current || READ_ONCE(p->on_cpu) || !signal_pending(p);
}

/* Every thread of p's group gets SIGKILL; the caller has set SIGNAL_GROUP_EXIT. */
static void zap_threads_locked(struct task_struct *p, bool include_p)
{
	struct task_struct *t;

	list_for_each_entry(t, &p->signal->thread_head, thread_node) {
		t->jobctl &= ~JOBCTL_STOP_PENDING;
		if ((t == p && !include_p) || task_exiting(t))
			continue;
		sigaddset(&t->pending.signal, SIGKILL);
		signal_wake_up(t, true);
	}
}

/* exit_group and execve's de_thread, with p's siglock held (they decide under it). */
void zap_other_threads(struct task_struct *p)
{
	lockdep_assert_held(&p->sighand->siglock);
	p->signal->group_stop_count = 0;
	zap_threads_locked(p, false);
}

/*
 * Who takes a signal that is now pending: the chosen thread is woken. A fatal one (default
 * action terminate, not blocked) starts the group's exit at once, as Linux's complete_signal
 * does, so that every thread stops what it is doing.
 */
static void complete_signal(int sig, struct task_struct *p, bool group)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t = NULL, *c;

	if (wants_signal(sig, p)) {
		t = p;
	} else if (group) {
		list_for_each_entry(c, &signal->thread_head, thread_node) {
			if (wants_signal(sig, c)) {
				t = c;
				break;
			}
		}
	}
	if (!t)
		return;
	if (sig_fatal(p, sig) && !group_exiting(signal) && !sigismember(&t->real_blocked, sig) &&
	    (sig == SIGKILL || !sig_kernel_coredump(sig))) {
		signal->flags = SIGNAL_GROUP_EXIT;
		signal->group_exit_code = sig;
		signal->group_stop_count = 0;
		zap_threads_locked(p, true);
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

static void fill_kernel_info(struct kernel_siginfo *info, int sig, int code)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
}

/* Caller holds p's siglock. */
static int __send_signal(int sig, struct kernel_siginfo *info, struct task_struct *p, bool group,
			 bool force)
{
	struct sigpending *pending = group ? &p->signal->shared_pending : &p->pending;
	struct sigqueue *q;
	bool override;

	lockdep_assert_held(&p->sighand->siglock);
	if (!prepare_signal(sig, p, force))
		return 0;
	/* A standard signal is pending once; a second send is lost, as on Linux. */
	if (sig < SIGRTMIN && sigismember(&pending->signal, sig))
		return 0;
	if (sig == SIGKILL)
		goto out_set;
	override = sig < SIGRTMIN || is_si_special(info) || info->si_code >= 0;
	q = sigqueue_alloc(p, override);
	if (q) {
		if (info == SEND_SIG_NOINFO) {
			fill_kernel_info(&q->info, sig, SI_USER);
			q->info.kill.pid = current->tgid;
			q->info.kill.uid = current_uid();
		} else if (info == SEND_SIG_PRIV) {
			fill_kernel_info(&q->info, sig, SI_KERNEL);
		} else {
			q->info = *info;
		}
		list_add_tail(&q->list, &pending->list);
	} else if (sig >= SIGRTMIN && !is_si_special(info) && info->si_code != SI_USER) {
		/* A real-time signal with data that cannot be queued must fail, not be lost. */
		return -EAGAIN;
	}
out_set:
	sigaddset(&pending->signal, sig);
	complete_signal(sig, p, group);
	if (waitqueue_active(&signalfd_wqh))
		wake_up(&signalfd_wqh);
	return 0;
}

static int do_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p, bool group)
{
	unsigned long flags;
	int ret;

	if (!p->sighand || !p->signal)
		return -ESRCH;
	siglock(p, &flags);
	ret = __send_signal(sig, info, p, group, false);
	sigunlock(p, flags);
	return ret;
}

int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
	if (!valid_signal(sig))
		return -EINVAL;
	if (!sig)
		return 0;
	return do_send_sig_info(sig, info, p, false);
}

int group_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
	if (!valid_signal(sig))
		return -EINVAL;
	if (!sig)
		return 0;
	return do_send_sig_info(sig, info, p, true);
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	return send_sig_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, p);
}

/*
 * A signal the task cannot refuse (its own fault): a blocked or ignored one is put back to
 * its default action (and unblocked), as Linux's force_sig_info_to_task does, so that a
 * fault with nowhere to go ends the process instead of faulting again forever.
 */
static int force_sig_info(struct kernel_siginfo *info)
{
	struct task_struct *t = current;
	int sig = info == SEND_SIG_PRIV ? 0 : info->si_signo;
	struct kernel_siginfo priv;
	struct k_sigaction *action;
	unsigned long flags;
	bool blocked;
	int ret;

	if (info == SEND_SIG_PRIV)
		return -EINVAL;
	siglock(t, &flags);
	action = &t->sighand->action[sig - 1];
	blocked = sigismember(&t->blocked, sig);
	if (blocked || action->sa_handler == SIG_IGN) {
		action->sa_handler = SIG_DFL;
		if (blocked)
			sigdelset(&t->blocked, sig);
	}
	(void)priv;
	ret = __send_signal(sig, info, t, false, true);
	recalc_sigpending(t);
	sigunlock(t, flags);
	return ret;
}

void force_sig(int sig)
{
	struct kernel_siginfo info;

	fill_kernel_info(&info, sig, SI_KERNEL);
	force_sig_info(&info);
}

int force_sig_fault(int sig, int code, void __user *addr)
{
	struct kernel_siginfo info;

	fill_kernel_info(&info, sig, code);
	info.sigfault.addr = addr;
	return force_sig_info(&info);
}

/* ---- kill and its permission rules ---------------------------------------------------- */

/*
 * Linux's check_kill_permission: the sender's real or effective uid is the target's real or
 * saved uid, or the sender is root (CAP_KILL); SIGCONT may go to any process of the
 * sender's session.
 */
static int check_kill_permission(int sig, struct kernel_siginfo *info, struct task_struct *t)
{
	const struct cred *c, *tc;
	int ret = 0;

	if (!valid_signal(sig))
		return -EINVAL;
	if (!si_fromuser(info))
		return 0;
	c = cur_cred();
	if (!c || c->euid == 0 || t->tgid == current->tgid)
		return 0;
	tc = get_task_cred(t);
	if (c->euid != tc->suid && c->euid != tc->uid && c->uid != tc->suid && c->uid != tc->uid) {
		if (!(sig == SIGCONT && t->signal->session == current->signal->session))
			ret = -EPERM;
	}
	put_cred(tc);
	return ret;
}

static int kill_task(int sig, struct kernel_siginfo *info, struct task_struct *p, bool group)
{
	int ret = check_kill_permission(sig, info, p);

	if (ret || !sig)
		return ret;
	return do_send_sig_info(sig, info, p, group);
}

/*
 * Each live process (group leader) with pid above after for which match() holds; sends to
 * each. -ESRCH if none matched, else the first error, or 0 if any send succeeded (Linux).
 */
static int kill_each(int sig, struct kernel_siginfo *info, bool (*match)(struct task_struct *, int),
		     int arg)
{
	int pid = 0, ret = -ESRCH, err;
	bool any_ok = false;

	while ((pid = next_task_pid(pid)) > 0) {
		struct task_struct *p = find_get_task_by_pid(pid);

		if (!p)
			continue;
		if (p->group_leader == p && p->mm && p->signal && match(p, arg)) {
			err = kill_task(sig, info, p, true);
			if (!err)
				any_ok = true;
			else if (ret == -ESRCH)
				ret = err;
		}
		put_task_struct(p);
	}
	return any_ok ? 0 : ret;
}

static bool match_pgrp(struct task_struct *p, int pgrp)
{
	return p->signal->pgrp == pgrp;
}

int kill_pgrp(int pgrp, int sig, int priv)
{
	if (pgrp <= 0)
		return -EINVAL;
	return kill_each(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, match_pgrp, pgrp);
}

static bool match_all_but_init_and_self(struct task_struct *p, int unused)
{
	return p->tgid > 1 && p->tgid != current->tgid;
}

static int kill_something_info(int sig, struct kernel_siginfo *info, int pid)
{
	struct task_struct *p;
	int ret;

	if (pid > 0) {
		p = find_get_task_by_pid(pid);
		if (!p)
			return -ESRCH;
		ret = kill_task(sig, info, p, true);
		put_task_struct(p);
		return ret;
	}
	if (pid == -1)
		return kill_each(sig, info, match_all_but_init_and_self, 0);
	if (pid == -0x7fffffff - 1)
		return -ESRCH;
	return kill_each(sig, info, match_pgrp, pid ? -pid : current->signal->pgrp);
}

long sys_kill(int pid, int sig)
{
	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	return kill_something_info(sig, SEND_SIG_NOINFO, pid);
}

static int do_tkill(int tgid, int pid, int sig, struct kernel_siginfo *info)
{
	struct kernel_siginfo kinfo;
	struct task_struct *p;
	int ret;

	if (pid <= 0 || (tgid != -1 && tgid <= 0))
		return -EINVAL;
	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	if (!info) {
		fill_kernel_info(&kinfo, sig, SI_TKILL);
		kinfo.kill.pid = current->tgid;
		kinfo.kill.uid = current_uid();
		info = &kinfo;
	}
	p = find_get_task_by_pid(pid);
	if (!p)
		return -ESRCH;
	ret = -ESRCH;
	if (tgid == -1 || p->tgid == tgid)
		ret = kill_task(sig, info, p, false);
	put_task_struct(p);
	return ret;
}

long sys_tkill(int pid, int sig)
{
	return do_tkill(-1, pid, sig, NULL);
}

long sys_tgkill(int tgid, int pid, int sig)
{
	if (tgid <= 0) /* -1 means "any" only inside do_tkill, for tkill */
		return -EINVAL;
	return do_tkill(tgid, pid, sig, NULL);
}

/* sigqueue's data: only a process may lie about itself (si_code >= 0 or SI_TKILL is EPERM). */
static int copy_queueinfo(struct kernel_siginfo *info, int sig, int pid,
			  const struct kernel_siginfo __user *uinfo)
{
	if (copy_from_user(info, uinfo, sizeof(*info)))
		return -EFAULT;
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) && pid != current->tgid)
		return -EPERM;
	info->si_signo = sig;
	return 0;
}

long sys_rt_sigqueueinfo(int pid, int sig, struct kernel_siginfo __user *uinfo)
{
	struct kernel_siginfo info;
	int ret = copy_queueinfo(&info, sig, pid, uinfo);

	if (ret)
		return ret;
	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	if (pid <= 0)
		return -ESRCH;
	return kill_something_info(sig, &info, pid);
}

long sys_rt_tgsigqueueinfo(int tgid, int pid, int sig, struct kernel_siginfo __user *uinfo)
{
	struct kernel_siginfo info;
	int ret;

	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	ret = copy_queueinfo(&info, sig, tgid, uinfo);
	if (ret)
		return ret;
	return do_tkill(tgid, pid, sig, &info);
}

/* ---- SIGCHLD -------------------------------------------------------------------------- */

#define USER_HZ 100

static long ns_to_clock_t(u64 ns)
{
	return ns / (1000000000ULL / USER_HZ);
}

/*
 * Called with family_lock held (kernel/exit.c's exit_notify), as Linux's is with
 * tasklist_lock: the parent's wait sees the zombie, or no child, never a zombie that is
 * about to be reaped for it.
 */
bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->real_parent;
	struct kernel_siginfo info;
	struct k_sigaction *psig;
	/* A group exit's code wins over what the leader exited with before it. */
	int status = (tsk->signal->flags & SIGNAL_GROUP_EXIT) ? tsk->signal->group_exit_code
							      : tsk->exit_status;
	unsigned long flags;
	bool autoreap = false;

	if (!parent)
		return false;
	fill_kernel_info(&info, sig, CLD_EXITED);
	info.sigchld.pid = tsk->tgid;
	info.sigchld.uid = task_uid(tsk);
	info.sigchld.utime = ns_to_clock_t(tsk->utime);
	info.sigchld.stime = ns_to_clock_t(tsk->stime);
	if (status & 0x7f) {
		info.si_code = status & 0x80 ? CLD_DUMPED : CLD_KILLED;
		info.sigchld.status = status & 0x7f;
	} else {
		info.sigchld.status = (status >> 8) & 0xff;
	}
	siglock(parent, &flags);
	psig = &parent->sighand->action[SIGCHLD - 1];
	/* POSIX: a parent that ignores SIGCHLD, or asks for SA_NOCLDWAIT, leaves no zombies. */
	if (sig == SIGCHLD && (psig->sa_handler == SIG_IGN || (psig->sa_flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (psig->sa_handler == SIG_IGN)
			sig = 0;
	}
	if (valid_signal(sig) && sig)
		__send_signal(sig, &info, parent, true, false);
	sigunlock(parent, flags);
	wake_up_child_waiters();
	return autoreap;
}

/* A stop or continue of tsk's group, told to the parent unless it asked not to know. */
static void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *parent = get_task_parent(tsk->group_leader);
	struct kernel_siginfo info;
	unsigned long flags;

	if (!parent)
		return;
	fill_kernel_info(&info, SIGCHLD, why);
	info.sigchld.pid = tsk->tgid;
	info.sigchld.uid = task_uid(tsk);
	info.sigchld.utime = ns_to_clock_t(tsk->utime);
	info.sigchld.stime = ns_to_clock_t(tsk->stime);
	info.sigchld.status = why == CLD_CONTINUED ? SIGCONT : tsk->signal->stop_code_pending;
	siglock(parent, &flags);
	if (!(parent->sighand->action[SIGCHLD - 1].sa_flags & SA_NOCLDSTOP))
		__send_signal(SIGCHLD, &info, parent, true, false);
	sigunlock(parent, flags);
	wake_up_child_waiters();
	put_task_struct(parent);
}

/* ---- delivery ------------------------------------------------------------------------ */

static int next_signal(struct sigpending *pending, const sigset_t *mask)
{
	unsigned long x = pending->signal.sig[0] & ~mask->sig[0];

	if (!x)
		return 0;
	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	return __builtin_ctzl(x) + 1;
}

static void collect_signal(int sig, struct sigpending *list, struct kernel_siginfo *info)
{
	struct sigqueue *q, *first = NULL;
	bool more = false;

	list_for_each_entry(q, &list->list, list) {
		if (q->info.si_signo == sig) {
			if (first) {
				more = true;
				break;
			}
			first = q;
		}
	}
	if (!more)
		sigdelset(&list->signal, sig);
	if (first) {
		list_del_init(&first->list);
		*info = first->info;
		sigqueue_free(first);
	} else {
		/* Sent when no queue entry could be had: what Linux reports then. */
		fill_kernel_info(info, sig, SI_USER);
	}
}

/* The next signal not in mask, from the thread's own queue first; 0 if none. */
static int dequeue_signal(struct task_struct *t, const sigset_t *mask, struct kernel_siginfo *info)
{
	int sig = next_signal(&t->pending, mask);

	lockdep_assert_held(&t->sighand->siglock);
	if (sig) {
		collect_signal(sig, &t->pending, info);
	} else {
		sig = next_signal(&t->signal->shared_pending, mask);
		if (sig)
			collect_signal(sig, &t->signal->shared_pending, info);
	}
	recalc_sigpending(t);
	return sig;
}

/*
 * This thread's part of a group stop (started by signr if none is under way): the last one
 * to stop marks the group stopped and tells the parent. Called with siglock held, which it
 * drops; the task sleeps in TASK_STOPPED until SIGCONT or SIGKILL. False if nothing to do.
 */
static bool do_signal_stop(int signr, unsigned long flags)
{
	struct task_struct *cur = current, *t;
	struct signal_struct *sig = cur->signal;
	bool notify = false;

	if (!(cur->jobctl & JOBCTL_STOP_PENDING)) {
		if (!signr || group_exiting(sig))
			return false;
		sig->stop_code_pending = signr;
		sig->group_stop_count = 0;
		list_for_each_entry(t, &sig->thread_head, thread_node) {
			if (task_exiting(t))
				continue;
			t->jobctl |= JOBCTL_STOP_PENDING;
			sig->group_stop_count++;
			if (t != cur)
				signal_wake_up(t, false);
		}
	}
	cur->jobctl &= ~JOBCTL_STOP_PENDING;
	if (sig->group_stop_count > 0 && --sig->group_stop_count == 0) {
		sig->flags = SIGNAL_STOP_STOPPED;
		notify = true;
	}
	set_current_state(TASK_STOPPED);
	recalc_sigpending(cur);
	sigunlock(cur, flags);
	if (notify)
		do_notify_parent_cldstop(cur, CLD_STOPPED);
	schedule();
	__set_current_state(TASK_RUNNING);
	return true;
}

bool get_signal(struct ksignal *ksig)
{
	struct task_struct *cur = current;
	struct sighand_struct *sighand = cur->sighand;
	struct signal_struct *signal = cur->signal;
	unsigned long flags;
	int signr;

relock:
	siglock(cur, &flags);
	if (signal->flags & SIGNAL_CLD_MASK) {
		int why = signal->flags & SIGNAL_CLD_CONTINUED ? CLD_CONTINUED : CLD_STOPPED;

		signal->flags &= ~SIGNAL_CLD_MASK;
		sigunlock(cur, flags);
		do_notify_parent_cldstop(cur, why);
		goto relock;
	}
	for (;;) {
		struct k_sigaction *ka;
		struct core_state core;
		bool dump;
		int code;

		/*
		 * The group is exiting, or another thread is in execve and has told this one to
		 * go (its SIGKILL): leave with the group's code (do_group_exit knows an exec's
		 * victims), without starting a group exit of our own.
		 */
		if (group_exiting(signal) ||
		    (signal->group_exec_task && signal->group_exec_task != cur &&
		     sigismember(&cur->pending.signal, SIGKILL))) {
			code = signal->group_exit_code;
			sigdelset(&cur->pending.signal, SIGKILL);
			recalc_sigpending(cur);
			sigunlock(cur, flags);
			do_group_exit(code);
		}
		if ((cur->jobctl & JOBCTL_STOP_PENDING) && do_signal_stop(0, flags))
			goto relock;
		signr = dequeue_signal(cur, &cur->blocked, &ksig->info);
		if (!signr)
			break;
		ka = &sighand->action[signr - 1];
		if (ka->sa_handler == SIG_IGN)
			continue;
		if (ka->sa_handler != SIG_DFL) {
			ksig->ka = *ka;
			if (ka->sa_flags & SA_RESETHAND)
				ka->sa_handler = SIG_DFL;
			break;
		}
		/* The default actions. init takes only what it has handlers for. */
		if (sig_kernel_ignore(signr) || (cur->tgid == 1 && !sig_kernel_only(signr)))
			continue;
		if (sig_kernel_stop(signr)) {
			/*
			 * POSIX: the terminal's stop signals do not stop an orphaned group,
			 * which nobody would continue; the check takes family_lock, so siglock
			 * is let go for it, as Linux does.
			 */
			if (signr != SIGSTOP) {
				sigunlock(cur, flags);
				if (is_current_pgrp_orphaned())
					goto relock;
				siglock(cur, &flags);
			}
			if (do_signal_stop(signr, flags))
				goto relock;
			continue;
		}
		/*
		 * Terminate; the core signals first write a core (fs/coredump.c), which adds
		 * 0x80 to the group's exit code only if one was written.
		 */
		signal->flags = SIGNAL_GROUP_EXIT;
		signal->group_exit_code = signr;
		signal->group_stop_count = 0;
		dump = sig_kernel_coredump(signr) && coredump_prepare_locked(cur, &core);
		zap_threads_locked(cur, false);
		sigunlock(cur, flags);
		if (dump)
			do_coredump(&core, &ksig->info);
		do_group_exit(signr);
	}
	sigunlock(cur, flags);
	ksig->sig = signr;
	return signr > 0;
}

/*
 * tsk stops taking the process-wide signals in which (it blocks them, or exits): if some of
 * them are pending, complete_signal may have chosen tsk for them and woken nobody else, so
 * each goes to another thread that takes it, woken to look, as Linux's
 * retarget_shared_pending does.
 */
static void retarget_shared_pending(struct task_struct *tsk, const sigset_t *which)
{
	unsigned long retarget = tsk->signal->shared_pending.signal.sig[0] & which->sig[0];
	struct task_struct *t;

	lockdep_assert_held(&tsk->sighand->siglock);
	if (!retarget)
		return;
	list_for_each_entry(t, &tsk->signal->thread_head, thread_node) {
		if (t == tsk || task_exiting(t) || !(retarget & ~t->blocked.sig[0]))
			continue;
		/* What t does not block is t's to take; look further only for the rest. */
		retarget &= t->blocked.sig[0];
		if (!signal_pending(t))
			signal_wake_up(t, false);
		if (!retarget)
			break;
	}
}

/* tsk's new mask (tsk is current, or a task that does not run: the tests'). */
static void __set_task_blocked(struct task_struct *tsk, const sigset_t *newset)
{
	lockdep_assert_held(&tsk->sighand->siglock);
	/* Only a thread with something pending can have been chosen for a signal. */
	if (signal_pending(tsk)) {
		sigset_t newly = { { newset->sig[0] & ~tsk->blocked.sig[0] } };

		retarget_shared_pending(tsk, &newly);
	}
	tsk->blocked = *newset;
	recalc_sigpending(tsk);
}

void set_task_blocked(struct task_struct *tsk, sigset_t *newset)
{
	unsigned long flags;

	newset->sig[0] &= ~SIG_KERNEL_ONLY_MASK;
	siglock(tsk, &flags);
	__set_task_blocked(tsk, newset);
	sigunlock(tsk, flags);
}

void set_current_blocked(sigset_t *newset)
{
	set_task_blocked(current, newset);
}

void exit_signals(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	unsigned long flags;
	bool notify = false;

	siglock(tsk, &flags);
	tsk->flags |= PF_EXITING;
	if (sig->nr_threads > 1 && !group_exiting(sig) && signal_pending(tsk)) {
		sigset_t unblocked = { { ~tsk->blocked.sig[0] } };

		retarget_shared_pending(tsk, &unblocked);
		/* A group stop that counted this thread would wait for it forever. */
		if (tsk->jobctl & JOBCTL_STOP_PENDING) {
			tsk->jobctl &= ~JOBCTL_STOP_PENDING;
			if (sig->group_stop_count > 0 && --sig->group_stop_count == 0) {
				sig->flags = SIGNAL_STOP_STOPPED;
				notify = true;
			}
		}
	}
	sigunlock(tsk, flags);
	if (notify)
		do_notify_parent_cldstop(tsk, CLD_STOPPED);
}

sigset_t *sigmask_to_save(void)
{
	if (test_tsk_thread_flag(current, TIF_RESTORE_SIGMASK))
		return &current->saved_sigmask;
	return &current->blocked;
}

void restore_saved_sigmask(void)
{
	if (test_tsk_thread_flag(current, TIF_RESTORE_SIGMASK)) {
		clear_tsk_thread_flag(current, TIF_RESTORE_SIGMASK);
		set_current_blocked(&current->saved_sigmask);
	}
}

/* The handler runs with its sa_mask and (unless SA_NODEFER) its own signal blocked. */
void signal_setup_done(bool failed, struct ksignal *ksig, bool stepping)
{
	sigset_t blocked;

	(void)stepping;
	if (failed) {
		/* No room for the frame: SIGSEGV, which kills if it was the one being handled. */
		if (ksig->sig == SIGSEGV) {
			unsigned long flags;

			siglock(current, &flags);
			current->sighand->action[SIGSEGV - 1].sa_handler = SIG_DFL;
			sigunlock(current, flags);
		}
		force_sig(SIGSEGV);
		return;
	}
	clear_tsk_thread_flag(current, TIF_RESTORE_SIGMASK);
	blocked.sig[0] = current->blocked.sig[0] | ksig->ka.sa_mask.sig[0];
	if (!(ksig->ka.sa_flags & SA_NODEFER))
		sigaddset(&blocked, ksig->sig);
	set_current_blocked(&blocked);
	/* SS_AUTODISARM: the frame saved the stack; a nested handler may not reuse it. */
	if (current->sas_ss_flags & SS_AUTODISARM) {
		current->sas_ss_sp = 0;
		current->sas_ss_size = 0;
		current->sas_ss_flags = SS_DISABLE;
	}
}

/* ---- handlers, masks and waiting ------------------------------------------------------ */

void flush_signal_handlers(struct task_struct *t, bool force_default)
{
	unsigned long flags;
	int i;

	siglock(t, &flags);
	for (i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &t->sighand->action[i];

		if (force_default || ka->sa_handler != SIG_IGN)
			ka->sa_handler = SIG_DFL;
		ka->sa_flags = 0;
		ka->sa_restorer = NULL;
		sigemptyset(&ka->sa_mask);
	}
	sigunlock(t, flags);
	t->sas_ss_sp = 0;
	t->sas_ss_size = 0;
	t->sas_ss_flags = SS_DISABLE;
}

static int do_sigaction(int sig, struct k_sigaction *act, struct k_sigaction *oact)
{
	struct task_struct *p = current;
	struct k_sigaction *k;
	unsigned long flags;

	if (!valid_signal(sig) || sig < 1 || (act && sig_kernel_only(sig)))
		return -EINVAL;
	k = &p->sighand->action[sig - 1];
	siglock(p, &flags);
	if (oact)
		*oact = *k;
	if (act) {
		act->sa_mask.sig[0] &= ~SIG_KERNEL_ONLY_MASK;
		*k = *act;
		/* POSIX: setting a pending signal's action to ignore discards it. */
		if (sig_handler_ignored(k->sa_handler, sig))
			flush_group_mask(p, M(sig));
	}
	sigunlock(p, flags);
	return 0;
}

long sys_rt_sigaction(int sig, const struct k_sigaction __user *act,
		      struct k_sigaction __user *oact, size_t sigsetsize)
{
	struct k_sigaction new, old;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	ret = do_sigaction(sig, act ? &new : NULL, oact ? &old : NULL);
	if (!ret && oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return ret;
}

long sys_rt_sigprocmask(int how, const sigset_t __user *nset, sigset_t __user *oset,
			size_t sigsetsize)
{
	sigset_t old = current->blocked, new;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&new, nset, sizeof(new)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			new.sig[0] |= old.sig[0];
			break;
		case SIG_UNBLOCK:
			new.sig[0] = old.sig[0] & ~new.sig[0];
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(&new);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigpending(sigset_t __user *uset, size_t sigsetsize)
{
	struct task_struct *t = current;
	unsigned long flags;
	sigset_t set;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	siglock(t, &flags);
	set.sig[0] = (t->pending.signal.sig[0] | t->signal->shared_pending.signal.sig[0]) &
		     t->blocked.sig[0];
	sigunlock(t, flags);
	return copy_to_user(uset, &set, sigsetsize) ? -EFAULT : 0;
}

/* Sleeps until a signal is pending (interruptibly: the signal's wake-up ends it). */
static void sleep_for_signal(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

long sys_pause(void)
{
	sleep_for_signal();
	return -ERESTARTNOHAND;
}

long sys_rt_sigsuspend(const sigset_t __user *unewset, size_t sigsetsize)
{
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	set_current_blocked(&newset);
	sleep_for_signal();
	/* The old mask comes back after the handler has run (its frame records it). */
	set_tsk_thread_flag(current, TIF_RESTORE_SIGMASK);
	return -ERESTARTNOHAND;
}

long sys_rt_sigtimedwait(const sigset_t __user *uthese, struct kernel_siginfo __user *uinfo,
			 const struct timespec64 __user *uts, size_t sigsetsize)
{
	struct task_struct *t = current;
	struct kernel_siginfo info;
	struct timespec64 ts;
	sigset_t these, mask;
	unsigned long flags;
	u64 timeout = ~0ULL;
	bool interrupted = false;
	int sig;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
			return -EINVAL;
		timeout = timespec64_to_ns(&ts);
	}
	these.sig[0] &= ~SIG_KERNEL_ONLY_MASK;
	mask.sig[0] = ~these.sig[0];
	siglock(t, &flags);
	sig = dequeue_signal(t, &mask, &info);
	if (!sig && timeout) {
		u64 end = timeout == ~0ULL ? ~0ULL : ktime_get_ns() + timeout;

		/* Open the awaited signals for the sleep: their arrival wakes it. */
		t->real_blocked = t->blocked;
		t->blocked.sig[0] &= ~these.sig[0];
		recalc_sigpending(t);
		sigunlock(t, flags);
		for (;;) {
			u64 now = ktime_get_ns();

			set_current_state(TASK_INTERRUPTIBLE);
			interrupted = signal_pending(t);
			if (interrupted || now >= end)
				break;
			if (end == ~0ULL)
				schedule();
			else
				schedule_timeout_once(end - now);
		}
		__set_current_state(TASK_RUNNING);
		siglock(t, &flags);
		__set_task_blocked(t, &t->real_blocked);
		sigemptyset(&t->real_blocked);
		sig = dequeue_signal(t, &mask, &info);
	}
	sigunlock(t, flags);
	if (sig) {
		if (uinfo && copy_to_user(uinfo, &info, sizeof(info)))
			return -EFAULT;
		return sig;
	}
	/* Another signal (now pending, to be handled) is EINTR; the time running out EAGAIN. */
	return interrupted ? -EINTR : -EAGAIN;
}

/* ---- the alternate signal stack -------------------------------------------------------- */

bool __on_sig_stack(unsigned long sp)
{
	struct task_struct *t = current;

	return sp > t->sas_ss_sp && sp - t->sas_ss_sp <= t->sas_ss_size;
}

/*
 * With SS_AUTODISARM the stack is off while a handler runs on it, so the code that finds
 * itself there set it up again on purpose: it is not "on" it (Linux's rule, which also lets
 * a signal be handled when a corrupt sp points into the stack).
 */
bool on_sig_stack(unsigned long sp)
{
	if (current->sas_ss_flags & SS_AUTODISARM)
		return false;
	return __on_sig_stack(sp);
}

int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task_struct *t = current;

	if (oss) {
		memset(oss, 0, sizeof(*oss));
		oss->ss_sp = (void __user *)t->sas_ss_sp;
		oss->ss_size = t->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) | (t->sas_ss_flags & SS_FLAG_BITS);
	}
	if (ss) {
		unsigned long ss_sp = (unsigned long)ss->ss_sp;
		size_t ss_size = ss->ss_size;
		unsigned int ss_flags = ss->ss_flags;
		unsigned int mode;

		if (on_sig_stack(sp))
			return -EPERM;
		mode = ss_flags & ~SS_FLAG_BITS;
		if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
			return -EINVAL;
		if (mode == SS_DISABLE) {
			ss_size = 0;
			ss_sp = 0;
		} else if (ss_size < MINSIGSTKSZ) {
			return -ENOMEM;
		}
		t->sas_ss_sp = ss_sp;
		t->sas_ss_size = ss_size;
		t->sas_ss_flags = ss_flags;
	}
	return 0;
}

long sys_sigaltstack(const stack_t __user *uss, stack_t __user *uoss)
{
	stack_t new, old;
	int ret;

	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	ret = do_sigaltstack(uss ? &new : NULL, uoss ? &old : NULL, current_pt_regs()->rsp);
	if (!ret && uoss && copy_to_user(uoss, &old, sizeof(old)))
		ret = -EFAULT;
	return ret;
}

int restore_altstack(const stack_t __user *uss)
{
	stack_t new;

	if (copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	(void)do_sigaltstack(&new, NULL, current_pt_regs()->rsp);
	return 0;
}

/* ---- restart_syscall ---------------------------------------------------------------- */

static long do_no_restart_syscall(struct restart_block *rb)
{
	return -EINTR;
}

long sys_restart_syscall(void)
{
	struct restart_block *rb = &current->restart_block;
	long (*fn)(struct restart_block *) = rb->fn ? rb->fn : do_no_restart_syscall;

	rb->fn = do_no_restart_syscall;
	return fn(rb);
}

/* ---- signalfd's side (fs/signalfd.c) ---------------------------------------------------- */

/* Readers of signalfds (and their pollers) wait here; each queued signal wakes them. */
DECLARE_WAIT_QUEUE_HEAD(signalfd_wqh);

bool signalfd_pending(const sigset_t *wanted)
{
	struct task_struct *t = current;
	unsigned long flags;
	bool ret;

	siglock(t, &flags);
	ret = (t->pending.signal.sig[0] | t->signal->shared_pending.signal.sig[0]) & wanted->sig[0];
	sigunlock(t, flags);
	return ret;
}

int signalfd_dequeue(const sigset_t *wanted, struct kernel_siginfo *info)
{
	struct task_struct *t = current;
	unsigned long flags;
	sigset_t mask = { { ~wanted->sig[0] } };
	int sig;

	siglock(t, &flags);
	sig = dequeue_signal(t, &mask, info);
	sigunlock(t, flags);
	return sig;
}
