// SPDX-License-Identifier: GPL-2.0
/*
 * The end of a task: it lets go of its address space and files, marks itself dead and
 * switches away for the last time; the switch (finish_task_switch) drops the reference the
 * running task held on itself, and whoever still holds one (kthread_stop, the parent that
 * waits) frees it with the last put_task_struct.
 *
 * A process is a thread group. exit(2) ends one thread; exit_group(2) (and a fatal signal)
 * ends them all: the caller marks the group as exiting and sends SIGKILL to the others
 * (zap_other_threads), each of which then leaves through do_group_exit on its way back to
 * user mode. The last thread to go ends the process: its children go to a subreaper or to
 * init, and its leader (which stays a zombie while any thread is left, even if it ended
 * first) becomes waitable for the parent, which learns of it through wait4 or waitid
 * (the end of this file), as Linux keeps them in exit.c too.
 */
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/uaccess.h>
#include <kernel/coredump.h>
#include <kernel/cred.h>
#include <kernel/fdtable.h>
#include <kernel/fs_struct.h>
#include <kernel/ipc.h>
#include <kernel/kthread.h>
#include <kernel/lockdep.h>
#include <kernel/main.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/tty.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/wait.h>

#include "futex.h"

/* The address space goes before the task: the kernel's page tables carry on meanwhile. */
static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	rusage_note_mm_exit(tsk, mm); /* ru_maxrss outlives the address space */
	task_lock(tsk);
	tsk->mm = NULL;
	task_unlock(tsk);
	switch_mm(NULL);
	mmput(mm);
}

static void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (!files)
		return;
	task_lock(tsk);
	tsk->files = NULL;
	task_unlock(tsk);
	put_files_struct(files);
}

/*
 * What user space sees of a thread's end (exit, and execve, which ends the old program):
 * its robust futexes are released, its clear_child_tid word zeroed and woken (a joiner
 * waits on it), and a vfork parent lets go. The tid word is left alone when nobody else
 * uses the address space, as Linux does.
 */
void mm_release(struct task_struct *tsk)
{
	struct completion *vfork_done;

	if (!tsk->mm)
		return;
	exit_robust_list(tsk);
	if (tsk->clear_child_tid) {
		int __user *tidptr = tsk->clear_child_tid;

		tsk->clear_child_tid = NULL;
		if (atomic_read(&tsk->mm->mm_users) > 1 && !put_user(0, tidptr))
			futex_wake_shared((u32 __user *)tidptr, 1);
	}
	vfork_done = __atomic_exchange_n(&tsk->vfork_done, NULL, __ATOMIC_ACQ_REL);
	if (vfork_done)
		complete(vfork_done);
}

__noreturn void do_exit(int code)
{
	ipc_exit(current); /* before the files: a caller waiting for our reply gets EPIPE */
	exit_files(current);
	exit_mm(current);
	exit_fs(current); /* here, where putting paths may sleep */
	lockdep_task_exit();
	current->exit_code = code;
	set_current_state(TASK_DEAD);
	schedule();
	BUG(); /* a dead task is never picked again */
	halt_forever();
}

/*
 * Where a dying process's children go: the nearest living ancestor that asked for them
 * (PR_SET_CHILD_SUBREAPER), else init. Called with family_lock held.
 */
static struct task_struct *find_new_reaper(struct task_struct *leader)
{
	struct task_struct *p;

	lockdep_assert_held(&family_lock);
	for (p = leader->real_parent; p; p = p->real_parent)
		if (p->signal->is_child_subreaper && atomic_read(&p->signal->live) > 0)
			return p;
	p = child_reaper();
	return p == leader ? NULL : p;
}

/*
 * Nobody will wait for a dead process whose parent is a kernel thread (init before it
 * execs, vmrun's runner): it is taken off the list at once, its reference returned.
 */
static bool reaper_waits(struct task_struct *parent)
{
	return parent && parent->mm;
}

/* Sends each orphan's PR_SET_PDEATHSIG; moves them to reaper. Called with family_lock held. */
static void forget_original_parent(struct task_struct *leader, struct list_head *drop)
{
	struct task_struct *reaper = find_new_reaper(leader);
	struct task_struct *c, *n;

	lockdep_assert_held(&family_lock);
	list_for_each_entry_safe(c, n, &leader->children, sibling) {
		if (c->pdeath_signal)
			send_sig(c->pdeath_signal, c, 1);
		if (!reaper || (READ_ONCE(c->exit_state) == EXIT_ZOMBIE &&
				atomic_read(&c->signal->live) == 0 && !reaper_waits(reaper))) {
			c->real_parent = NULL;
			list_move(&c->sibling, drop);
			continue;
		}
		c->real_parent = reaper;
		c->exit_signal = SIGCHLD; /* as Linux: the new parent hears of it as a child */
		list_move_tail(&c->sibling, &reaper->children);
	}
}

#define MAX_ORPHANED 8

static bool stopped_member(struct task_struct *p, void *data)
{
	return p->signal->pgrp == *(int *)data && !p->exit_state &&
	       (READ_ONCE(p->signal->flags) & SIGNAL_STOP_STOPPED);
}

/*
 * POSIX's orphaned process groups, as Linux's kill_orphaned_pgrp: member's group, tied to
 * its session through parent until now, is orphaned by this exit and has a stopped member:
 * it is to hear SIGHUP and SIGCONT. Returns the group, or 0. family_lock held.
 */
static int orphaned_by_exit(struct task_struct *member, struct task_struct *parent,
			    struct task_struct *ignored, struct task_struct *dead_parent)
{
	int pgrp = member->signal->pgrp;

	lockdep_assert_held(&family_lock);
	if (!parent || !parent->signal || parent->signal->pgrp == pgrp ||
	    parent->signal->session != member->signal->session)
		return 0;
	if (!will_become_orphaned_pgrp(pgrp, ignored, dead_parent))
		return 0;
	return for_each_process_locked(stopped_member, &pgrp) ? pgrp : 0;
}

/* The groups the end of leader's process orphans: its own, and its children's. */
static int find_orphaned_pgrps(struct task_struct *leader, int *pgrps)
{
	struct task_struct *c;
	int n = 0, pg;

	pg = orphaned_by_exit(leader, leader->real_parent, leader, NULL);
	if (pg)
		pgrps[n++] = pg;
	list_for_each_entry(c, &leader->children, sibling) {
		if (n == MAX_ORPHANED)
			break;
		if (c->exit_state)
			continue;
		pg = orphaned_by_exit(c, leader, NULL, leader);
		for (int i = 0; pg && i < n; i++)
			if (pgrps[i] == pg)
				pg = 0;
		if (pg)
			pgrps[n++] = pg;
	}
	return n;
}

/*
 * The family's part of a thread's end, after its memory and files are gone. If it was the
 * last thread the process is over (counted under family_lock, so that wait4 cannot reap the
 * leader before its children have moved). A thread other than the leader reaps itself; the
 * leader becomes a zombie for its parent (waitable once the group is dead), or goes away if
 * nobody will wait for it.
 */
void exit_notify(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader, *c, *n;
	struct signal_struct *sig = tsk->signal;
	struct task_struct *exec_task = NULL;
	unsigned long flags;
	u64 utime, stime;
	bool notify = false, group_dead;
	int orphaned[MAX_ORPHANED], nr_orphaned = 0;
	LIST_HEAD(drop);

	/* The last thread: the session's terminal goes before the parent can reap us. */
	if (atomic_read(&sig->live) == 1)
		tty_exit_group(leader);
	spin_lock_irqsave(&family_lock, flags);
	group_dead = atomic_dec_and_test(&sig->live);
	if (group_dead) {
		nr_orphaned = find_orphaned_pgrps(leader, orphaned);
		forget_original_parent(leader, &drop);
	}
	if (tsk == leader) {
		WRITE_ONCE(tsk->exit_state,
			   reaper_waits(tsk->real_parent) ? EXIT_ZOMBIE : EXIT_DEAD);
		spin_lock(&tsk->sighand->siglock);
		exec_task = sig->group_exec_task;
		spin_unlock(&tsk->sighand->siglock);
	} else {
		WRITE_ONCE(tsk->exit_state, EXIT_DEAD);
		task_cputime(tsk, &utime, &stime);
		spin_lock(&tsk->sighand->siglock);
		list_del_init(&tsk->thread_node);
		sig->nr_threads--;
		/* Its counts stay the process's (getrusage, times, /proc/PID/stat). */
		sig->utime += utime;
		sig->stime += stime;
		sig->min_flt += tsk->min_flt;
		sig->maj_flt += tsk->maj_flt;
		exec_task = sig->group_exec_task;
		spin_unlock(&tsk->sighand->siglock);
	}
	if (group_dead && READ_ONCE(leader->exit_state)) {
		if (leader->exit_state == EXIT_ZOMBIE) {
			notify = true;
			/* SIGCHLD (or exit_signal); a parent that ignores it leaves no zombie. */
			if (do_notify_parent(leader, leader->exit_signal)) {
				leader->exit_state = EXIT_DEAD;
				list_move(&leader->sibling, &drop);
				leader->real_parent = NULL;
			}
		} else if (leader->real_parent) {
			/* A parent that never waits: the process leaves no zombie behind. */
			list_move(&leader->sibling, &drop);
			leader->real_parent = NULL;
		}
	}
	spin_unlock_irqrestore(&family_lock, flags);
	if (group_dead) {
		exit_itimers(sig); /* the process is over: its timers' signals would find nobody */
		tty_exit_group(leader);
		for (int i = 0; i < nr_orphaned; i++) {
			kill_pgrp(orphaned[i], SIGHUP, 1);
			kill_pgrp(orphaned[i], SIGCONT, 1);
		}
	}
	list_for_each_entry_safe(c, n, &drop, sibling) {
		list_del_init(&c->sibling);
		put_task_struct(c); /* the parent's reference */
	}
	if (notify)
		wake_up(&child_exit_wq);
	if (exec_task)
		wake_up_process(exec_task); /* de_thread waits for the threads to go */
}

/*
 * One thread's end. status is what wait(2) will report if this thread is the process's
 * leader: an exit code << 8, or the number of the signal that killed it; a group exit's
 * code replaces it. The task that started it (a kthread_create'd task: vmrun's runner)
 * learns it through the kthread completion.
 */
static __noreturn void do_thread_exit(int status)
{
	struct task_struct *tsk = current;
	struct signal_struct *sig = tsk->signal;
	unsigned long flags;

	coredump_task_exit(tsk); /* a core being written shows this thread as it is now */
	exit_signals(tsk); /* the process's signals are another thread's from here */
	spin_lock_irqsave(&tsk->sighand->siglock, flags);
	if (sig->flags & SIGNAL_GROUP_EXIT)
		status = sig->group_exit_code;
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
	if (tsk->pid == 1 && tsk->mm)
		init_exited(status);
	tsk->exit_status = status;
	mm_release(tsk);
	exit_files(tsk);
	exit_mm(tsk);
	exit_notify(tsk);
	if (tsk->kthread)
		kthread_exit(status);
	do_exit(status);
}

/*
 * The end of the whole process: the other threads are told to exit (SIGKILL), and this
 * one goes. A thread killed by a group exit or by another thread's execve comes here too.
 */
__noreturn void do_group_exit(int status)
{
	struct task_struct *tsk = current;
	struct signal_struct *sig = tsk->signal;
	unsigned long flags;

	spin_lock_irqsave(&tsk->sighand->siglock, flags);
	if (sig->flags & SIGNAL_GROUP_EXIT) {
		status = sig->group_exit_code;
	} else if (sig->group_exec_task && sig->group_exec_task != tsk) {
		status = 0; /* another thread execs: this one just goes */
	} else if (sig->nr_threads > 1) {
		sig->group_exit_code = status;
		sig->flags |= SIGNAL_GROUP_EXIT;
		zap_other_threads(tsk);
	}
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
	do_thread_exit(status);
}

/*
 * execve in a threaded process (called by fs/exec.c before the point of no return): every
 * other thread is killed and waited for, so the new program starts alone. When a thread
 * other than the leader execs, it takes over the leader's pid (what getpid said before
 * and the parent waits for), as on Linux, and the old leader is released.
 */
int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	struct task_struct *leader;
	unsigned long flags;
	int old_pid;

	spin_lock_irqsave(&tsk->sighand->siglock, flags);
	if (sig->nr_threads == 1 && tsk == tsk->group_leader) {
		spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
		return 0;
	}
	if ((sig->flags & SIGNAL_GROUP_EXIT) || sig->group_exec_task) {
		spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
		return -EAGAIN; /* being killed already: the caller goes on to die */
	}
	sig->group_exec_task = tsk;
	zap_other_threads(tsk);
	/* Wait for every other thread to be off the list: only the leader may stay, a zombie. */
	for (;;) {
		bool leader_only =
			sig->nr_threads == 1 || (sig->nr_threads == 2 && tsk != tsk->group_leader &&
						 READ_ONCE(tsk->group_leader->exit_state));

		if (leader_only)
			break;
		set_current_state(TASK_UNINTERRUPTIBLE);
		spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
		schedule();
		spin_lock_irqsave(&tsk->sighand->siglock, flags);
	}
	__set_current_state(TASK_RUNNING);
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);

	leader = tsk->group_leader;
	if (leader != tsk) {
		/* The leader is a zombie of this group: take its place in the family. */
		spin_lock_irqsave(&family_lock, flags);
		spin_lock(&tsk->sighand->siglock);
		old_pid = tsk->pid;
		tsk->pid = leader->pid;
		leader->pid = old_pid;
		tsk->group_leader = tsk;
		tsk->real_parent = leader->real_parent;
		tsk->exit_signal = leader->exit_signal;
		list_add(&tsk->sibling, &leader->sibling); /* leader's place in the parent's list */
		list_del_init(&leader->sibling);
		list_splice_init(&leader->children, &tsk->children);
		list_del_init(&leader->thread_node);
		sig->nr_threads--;
		leader->exit_state = EXIT_DEAD;
		leader->real_parent = NULL;
		spin_unlock(&tsk->sighand->siglock);
		spin_unlock_irqrestore(&family_lock, flags);
		{
			struct task_struct *c;

			spin_lock_irqsave(&family_lock, flags);
			list_for_each_entry(c, &tsk->children, sibling)
				c->real_parent = tsk;
			spin_unlock_irqrestore(&family_lock, flags);
		}
		/*
		 * Two references on the old leader go: the parent's (tsk now has that place, and
		 * the parent a reference on it) and the one tsk held as its thread. The leader's
		 * pointer to its leader is itself again, so its last put does not put tsk.
		 */
		if (tsk->real_parent)
			get_task_struct(tsk);
		else
			get_task_struct(leader); /* it had no parent's reference to drop */
		leader->group_leader = leader;
		put_task_struct(leader);
		put_task_struct(leader);
	}
	spin_lock_irqsave(&tsk->sighand->siglock, flags);
	sig->group_exec_task = NULL;
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
	return 0;
}

long sys_exit(int error_code)
{
	do_thread_exit((error_code & 0xff) << 8);
}

long sys_exit_group(int error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/*
 * A fatal signal that cannot wait for delivery (an execve past its point of no return): the
 * process ends as the signal's default action would end it. User faults go through
 * force_sig_fault instead, so that a handler can catch them.
 */
__noreturn void force_fatal_sig(int sig)
{
	local_irq_enable();
	do_group_exit(sig);
}

/* ---- wait4 and waitid: a parent learns how its children ended, stopped or went on ---- */

#define WNOHANG 0x00000001
#define WUNTRACED 0x00000002
#define WSTOPPED WUNTRACED
#define WEXITED 0x00000004
#define WCONTINUED 0x00000008
#define WNOWAIT 0x01000000
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000

#define P_ALL 0
#define P_PID 1
#define P_PGID 2
#define P_PIDFD 3

/* What one wait4/waitid asks, and what it found. */
struct wait_opts {
	int type; /* P_ALL, P_PID, P_PGID */
	int id;
	int options;
	/* The report: */
	int pid, status; /* status as wait4 gives it */
	int code, si_status; /* as waitid gives it (CLD_*, and the code or signal) */
	uid_t uid;
	struct rusage ru; /* the child's usage, its reaped children's included */
};

/*
 * Does child c match (P_ALL; P_PID: that pid; P_PGID: that process group) and the clone
 * filter (a "clone" child is one whose exit signal is not SIGCHLD: __WCLONE waits only for
 * those, __WALL for all, neither for the others)? Called with family_lock held.
 */
static bool wait_match(const struct wait_opts *wo, struct task_struct *c)
{
	lockdep_assert_held(&family_lock);
	if (wo->type == P_PID && c->pid != wo->id)
		return false;
	if (wo->type == P_PGID && c->signal->pgrp != wo->id)
		return false;
	if (wo->options & __WALL)
		return true;
	return (c->exit_signal != SIGCHLD) == !!(wo->options & __WCLONE);
}

/*
 * A process is waitable once its leader is a zombie and no thread of it is left: a leader
 * that ended before its threads stays a zombie nobody can reap (Linux's delay_group_leader).
 */
static bool process_dead(struct task_struct *c)
{
	return READ_ONCE(c->exit_state) == EXIT_ZOMBIE && atomic_read(&c->signal->live) == 0;
}

/* What wait reports: a group exit's code, even if the leader had ended before with its own. */
static int dead_status(struct task_struct *z)
{
	return (READ_ONCE(z->signal->flags) & SIGNAL_GROUP_EXIT) ? z->signal->group_exit_code
								 : z->exit_status;
}

static void report_exit(struct wait_opts *wo, struct task_struct *c)
{
	int status = dead_status(c);

	wo->status = status;
	if (status & 0x7f) {
		wo->code = status & 0x80 ? CLD_DUMPED : CLD_KILLED;
		wo->si_status = status & 0x7f;
	} else {
		wo->code = CLD_EXITED;
		wo->si_status = (status >> 8) & 0xff;
	}
}

/*
 * One look at the caller's children, under family_lock (a child's siglock nests inside it
 * for its stop state): 1 and the report if one matched with something to tell (a zombie,
 * when reaped, is off the list and its reference put), 0 if some matched but none had
 * anything, -ECHILD if none matched. peek only looks.
 */
static int wait_scan(struct wait_opts *wo, bool peek)
{
	struct task_struct *c, *found = NULL;
	bool any = false, reap = false, nowait = wo->options & WNOWAIT;
	unsigned long flags, sflags;
	const struct cred *cred;

	spin_lock_irqsave(&family_lock, flags);
	list_for_each_entry(c, &current->group_leader->children, sibling) {
		struct signal_struct *sig = c->signal;

		if (!wait_match(wo, c))
			continue;
		any = true;
		if (process_dead(c)) {
			if (!(wo->options & WEXITED))
				continue;
			found = c;
			if (!peek && !nowait) {
				list_del_init(&c->sibling);
				c->real_parent = NULL;
				reap = true;
			}
			break;
		}
		spin_lock_irqsave(&c->sighand->siglock, sflags);
		if ((wo->options & WSTOPPED) && (sig->flags & SIGNAL_STOP_STOPPED) &&
		    sig->stop_code_pending) {
			found = c;
			wo->status = (sig->stop_code_pending << 8) | 0x7f;
			wo->code = CLD_STOPPED;
			wo->si_status = sig->stop_code_pending;
			if (!peek && !nowait)
				sig->stop_code_pending = 0;
		} else if ((wo->options & WCONTINUED) && (sig->flags & SIGNAL_STOP_CONTINUED)) {
			found = c;
			wo->status = 0xffff;
			wo->code = CLD_CONTINUED;
			wo->si_status = SIGCONT;
			if (!peek && !nowait)
				sig->flags &= ~SIGNAL_STOP_CONTINUED;
		}
		spin_unlock_irqrestore(&c->sighand->siglock, sflags);
		if (found)
			break;
	}
	if (found && !reap)
		get_task_struct(found);
	spin_unlock_irqrestore(&family_lock, flags);
	if (!found)
		return any ? 0 : -ECHILD;
	if (process_dead(found))
		report_exit(wo, found);
	wo->pid = found->tgid;
	cred = get_task_cred(found); /* a stopped child may be changing its own */
	wo->uid = cred->uid;
	put_cred(cred);
	if (reap)
		rusage_account_reaped(found); /* into the caller's children's totals */
	getrusage_task(found, RUSAGE_BOTH, &wo->ru);
	put_task_struct(found); /* ours, or the parent's for a reaped zombie */
	return 1;
}

/* Sleeps until a child has something to report; the report, 0 (WNOHANG), or -errno. */
static long do_wait(struct wait_opts *wo)
{
	for (;;) {
		int ret = wait_scan(wo, false);

		if (ret)
			return ret;
		if (wo->options & WNOHANG)
			return 0;
		ret = wait_event_interruptible(child_exit_wq, wait_scan(wo, true) != 0);
		if (ret)
			return ret;
	}
}

#define RUSAGE_SIZE 144 /* struct rusage on x86-64 */

long sys_wait4(int upid, int __user *stat_addr, int options, void __user *ru)
{
	struct wait_opts wo = { .type = P_ALL, .options = options | WEXITED };
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	if (upid == -0x7fffffff - 1)
		return -ESRCH;
	if (upid > 0) {
		wo.type = P_PID;
		wo.id = upid;
	} else if (upid < -1) {
		wo.type = P_PGID;
		wo.id = -upid;
	} else if (upid == 0) {
		wo.type = P_PGID;
		wo.id = current->signal->pgrp;
	}
	ret = do_wait(&wo);
	if (ret <= 0)
		return ret;
	if (stat_addr && put_user(wo.status, stat_addr))
		return -EFAULT;
	if (ru && copy_to_user(ru, &wo.ru, RUSAGE_SIZE))
		return -EFAULT;
	return wo.pid;
}

long sys_waitid(int which, int upid, struct kernel_siginfo __user *infop, int options,
		void __user *ru)
{
	struct wait_opts wo = { .type = which, .id = upid, .options = options };
	struct kernel_siginfo info;
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD | __WALL |
			__WCLONE))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		if (!upid)
			wo.id = current->signal->pgrp;
		break;
	default:
		return -EINVAL;
	}
	ret = do_wait(&wo);
	if (ret < 0)
		return ret;
	if (ru && copy_to_user(ru, &wo.ru, RUSAGE_SIZE))
		return -EFAULT;
	if (!infop)
		return 0;
	memset(&info, 0, sizeof(info));
	if (ret > 0) {
		info.si_signo = SIGCHLD;
		info.si_code = wo.code;
		info.sigchld.pid = wo.pid;
		info.sigchld.uid = wo.uid;
		info.sigchld.status = wo.si_status;
	}
	/* Linux writes these five fields (zeroes when WNOHANG found nothing), no more. */
	if (copy_to_user(infop, &info, 16) ||
	    copy_to_user(&infop->sigchld, &info.sigchld, 3 * sizeof(int)))
		return -EFAULT;
	return 0;
}
