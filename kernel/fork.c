// SPDX-License-Identifier: GPL-2.0
/*
 * Task lifetime: creating a task (a kernel stack, FPU state, a first stack frame), the list
 * of all tasks and their pids, and the reference count that frees a task when its last
 * user lets go. Scheduling fields come from sched_fork (kernel/sched/core.c), the x86 frame
 * from copy_thread (arch/x86_64/kernel/process.c).
 */
#include <asm/fpu.h>
#include <asm/syscall.h>
#include <asm/uaccess.h>
#include <asm/switch_to.h>
#include <kernel/atomic.h>
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/fdtable.h>
#include <kernel/mm.h>
#include <kernel/syscalls.h>
#include <kernel/wait.h>
#include <kernel/signal.h>
#include <uapi/sched.h>
#include <kernel/fs.h>
#include <kernel/fs_struct.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/vmalloc.h>

#include "sched/sched.h"

static LIST_HEAD(task_list);
static DEFINE_SPINLOCK(tasklist_lock);
static atomic_t next_pid = ATOMIC_INIT(1);
static atomic_t task_count;

/* Pids count up and are not reused yet: 2^31 tasks before it matters. */
static int alloc_pid(void)
{
	return atomic_inc_return(&next_pid);
}

/*
 * The parts of a task every kind shares: stack, FPU state, scheduling fields, a pid, the
 * creator's credentials; no thread group yet (new_thread_group or copy_signal gives one).
 */
static struct task_struct *alloc_task(int (*fn)(void *), void *data, const char *name)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->stack = alloc_kernel_stack();
	if (!p->stack)
		goto out_free_task;
	p->thread.fpu.state = fpu_state_alloc();
	if (!p->thread.fpu.state)
		goto out_free_stack;
	sched_fork(p);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->thread_node);
	init_sigpending(&p->pending);
	atomic_set(&p->usage, 1);
	strscpy(p->comm, name, sizeof(p->comm));
	p->pid = alloc_pid();
	p->tgid = p->pid;
	p->group_leader = p;
	p->exit_signal = SIGCHLD;
	p->state = TASK_UNINTERRUPTIBLE; /* not runnable until woken */
	p->cpu = smp_processor_id();
	p->thread_fn = fn;
	p->thread_data = data;
	copy_creds(p);
	copy_thread(p, fn, data);
	return p;

out_free_stack:
	free_kernel_stack(p->stack);
out_free_task:
	kfree(p);
	return NULL;
}

static void free_task(struct task_struct *p)
{
	exit_creds(p);
	fpu_state_free(p->thread.fpu.state);
	free_kernel_stack(p->stack);
	kfree(p);
}

static void task_list_add(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_add_tail(&p->tasks, &task_list);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	atomic_inc(&task_count);
}

/* ---- thread groups: signal_struct and sighand_struct -------------------------------- */

static struct sighand_struct *alloc_sighand(void)
{
	struct sighand_struct *sh = kzalloc(sizeof(*sh), GFP_KERNEL);

	if (!sh)
		return NULL;
	atomic_set(&sh->count, 1);
	spin_lock_init(&sh->siglock);
	return sh;
}

static void put_sighand(struct sighand_struct *sh)
{
	if (sh && atomic_dec_and_test(&sh->count))
		kfree(sh);
}

/* Linux's defaults for a process that inherits nothing (init, kernel threads). */
void signal_struct_init_limits(struct signal_struct *sig)
{
	int i;

	for (i = 0; i < RLIM_NLIMITS; i++)
		sig->rlim[i] = (struct rlimit){ RLIM_INFINITY, RLIM_INFINITY };
	sig->rlim[RLIMIT_STACK] = (struct rlimit){ DEFAULT_STACK_LIMIT, RLIM_INFINITY };
	sig->rlim[RLIMIT_CORE] = (struct rlimit){ 0, RLIM_INFINITY };
	sig->rlim[RLIMIT_NOFILE] = (struct rlimit){ 1024, 4096 };
	sig->rlim[RLIMIT_MEMLOCK] = (struct rlimit){ 8UL << 20, 8UL << 20 };
	sig->rlim[RLIMIT_SIGPENDING] = (struct rlimit){ 4096, 4096 };
	sig->rlim[RLIMIT_MSGQUEUE] = (struct rlimit){ 819200, 819200 };
	sig->rlim[RLIMIT_NICE] = (struct rlimit){ 0, 0 };
	sig->rlim[RLIMIT_RTPRIO] = (struct rlimit){ 0, 0 };
	sig->rlim[RLIMIT_NPROC] = (struct rlimit){ 32768, 32768 };
}

static struct signal_struct *alloc_signal(void)
{
	struct signal_struct *sig = kzalloc(sizeof(*sig), GFP_KERNEL);

	if (!sig)
		return NULL;
	atomic_set(&sig->sigcnt, 1);
	atomic_set(&sig->live, 1);
	sig->nr_threads = 1;
	INIT_LIST_HEAD(&sig->thread_head);
	init_sigpending(&sig->shared_pending);
	return sig;
}

void put_signal_struct(struct signal_struct *sig)
{
	if (sig && atomic_dec_and_test(&sig->sigcnt)) {
		flush_sigqueue(&sig->shared_pending);
		kfree(sig);
	}
}

/*
 * The new task's handlers: shared with the caller's (CLONE_SIGHAND), or a copy of them.
 * A kernel thread (no caller's table to copy: early boot) starts with every action SIG_DFL.
 */
static int copy_sighand(unsigned long clone_flags, struct task_struct *p)
{
	struct sighand_struct *cur = current->sighand;
	unsigned long flags;

	if ((clone_flags & CLONE_SIGHAND) && cur) {
		atomic_inc(&cur->count);
		p->sighand = cur;
		return 0;
	}
	p->sighand = alloc_sighand();
	if (!p->sighand)
		return -ENOMEM;
	if (cur) {
		spin_lock_irqsave(&cur->siglock, flags);
		memcpy(p->sighand->action, cur->action, sizeof(cur->action));
		spin_unlock_irqrestore(&cur->siglock, flags);
	}
	return 0;
}

/*
 * The new task's thread group: the caller's (CLONE_THREAD: the task joins it, its tgid and
 * leader are the caller's), or a new group of its own that inherits the caller's limits,
 * process group and session.
 */
static int copy_signal(unsigned long clone_flags, struct task_struct *p)
{
	struct signal_struct *cur = current->signal;
	struct signal_struct *sig;
	unsigned long flags;

	if (clone_flags & CLONE_THREAD) {
		spin_lock_irqsave(&p->sighand->siglock, flags);
		atomic_inc(&cur->sigcnt);
		atomic_inc(&cur->live);
		cur->nr_threads++;
		p->signal = cur;
		p->tgid = current->tgid;
		p->group_leader = current->group_leader;
		list_add_tail(&p->thread_node, &cur->thread_head);
		spin_unlock_irqrestore(&p->sighand->siglock, flags);
		return 0;
	}
	sig = alloc_signal();
	if (!sig)
		return -ENOMEM;
	if (cur) {
		spin_lock_irqsave(&current->sighand->siglock, flags);
		memcpy(sig->rlim, cur->rlim, sizeof(sig->rlim));
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
		sig->pgrp = cur->pgrp;
		sig->session = cur->session;
	} else {
		signal_struct_init_limits(sig);
	}
	p->signal = sig;
	list_add_tail(&p->thread_node, &sig->thread_head);
	return 0;
}

/* The thread-group part of the last put: off the group's list, references dropped. */
static void release_thread_group(struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	unsigned long flags;

	if (sig) {
		spin_lock_irqsave(&p->sighand->siglock, flags);
		list_del_init(&p->thread_node);
		spin_unlock_irqrestore(&p->sighand->siglock, flags);
		put_signal_struct(sig);
	}
	flush_sigqueue(&p->pending);
	put_sighand(p->sighand);
	p->signal = NULL;
	p->sighand = NULL;
}

struct task_struct *create_task(int (*fn)(void *), void *data, const char *name)
{
	struct task_struct *p = alloc_task(fn, data, name);

	if (!p)
		return NULL;
	/* Kernel threads act as their creator and share its root and working directory. */
	if (copy_fs(CLONE_FS, p))
		goto out_free;
	/* Each its own process, with default handlers: kernel threads take no signals. */
	p->sighand = alloc_sighand();
	p->signal = p->sighand ? alloc_signal() : NULL;
	if (!p->signal)
		goto out_free;
	signal_struct_init_limits(p->signal);
	list_add_tail(&p->thread_node, &p->signal->thread_head);
	task_list_add(p);
	return p;

out_free:
	exit_fs(p);
	put_sighand(p->sighand);
	free_task(p);
	return NULL;
}

void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}

void put_task_struct(struct task_struct *p)
{
	unsigned long flags;

	if (!atomic_dec_and_test(&p->usage))
		return;
	BUG_ON(p->is_idle);
	spin_lock_irqsave(&tasklist_lock, flags);
	list_del(&p->tasks);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	atomic_dec(&task_count);
	exit_fs(p); /* if do_exit did not (a task that never ran) */
	release_thread_group(p);
	kfree(p->kthread);
	free_task(p);
}

unsigned long nr_tasks(void)
{
	return atomic_read(&task_count);
}

struct task_struct *find_get_task_by_pid(int pid)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->pid == pid && p->state != TASK_DEAD) {
			get_task_struct(p);
			found = p;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

int next_task_pid(int after)
{
	struct task_struct *p;
	unsigned long flags;
	int best = -1;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks)
		if (p->pid > after && p->state != TASK_DEAD && (best < 0 || p->pid < best))
			best = p->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
}

/* ---- processes: fork, the family, wait4 ---------------------------------------------- */

/*
 * family_lock covers every task's real_parent, children and sibling, and exit_state's
 * change to EXIT_ZOMBIE; child_exit_wq is where parents wait (one queue for all: a wake-up
 * makes each waiter look at its own children again).
 */
static DEFINE_SPINLOCK(family_lock);
static DECLARE_WAIT_QUEUE_HEAD(child_exit_wq);

/* The forked child's first run: its user frame is the parent's, with RAX = 0. */
static int ret_from_fork(void *unused)
{
	if (current->set_child_tid)
		(void)put_user(current->pid, current->set_child_tid);
	ret_to_user_mode(current_pt_regs());
}

static void release_unstarted(struct task_struct *p)
{
	if (p->mm) {
		mmput(p->mm);
		p->mm = NULL;
	}
	if (p->files) {
		put_files_struct(p->files);
		p->files = NULL;
	}
	put_task_struct(p);
}

/*
 * A copy of the calling process: its address space copy-on-write (dup_mm), its descriptors,
 * its root/cwd/umask, FPU state and TLS bases; the child returns 0 from the same system
 * call. The parent holds a reference for wait4.
 */
static long do_fork(unsigned long clone_flags, unsigned long newsp, int __user *parent_tid,
		    int __user *child_tid)
{
	struct task_struct *p;
	struct pt_regs *childregs;
	unsigned long flags;
	int pid;

	if (!current->mm || !current->files)
		return -EINVAL;
	p = alloc_task(ret_from_fork, NULL, current->comm);
	if (!p)
		return -ENOMEM;
	if (copy_fs(0, p) || copy_sighand(clone_flags, p) || copy_signal(clone_flags, p))
		goto out_release;
	task_list_add(p);
	p->exit_signal = clone_flags & CSIGNAL;
	p->mm = dup_mm(current->mm);
	if (!p->mm)
		goto out_release;
	p->active_mm = p->mm;
	p->files = dup_files(current->files);
	if (!p->files)
		goto out_release;
	fpu_clone(p, current);
	if (current->thread.has_bases) {
		p->thread.has_bases = true;
		p->thread.fsbase = x86_read_fsbase();
		p->thread.gsbase = x86_read_user_gsbase();
	}
	childregs = task_pt_regs(p);
	*childregs = *current_pt_regs();
	childregs->rax = 0;
	if (newsp)
		childregs->rsp = newsp;
	if (clone_flags & CLONE_CHILD_SETTID)
		p->set_child_tid = child_tid;
	if (clone_flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = child_tid;
	pid = p->pid;
	if ((clone_flags & CLONE_PARENT_SETTID) && put_user(pid, parent_tid))
		goto out_release;
	/* Mask and alternate stack are inherited; nothing is pending in the child (POSIX). */
	spin_lock_irqsave(&current->sighand->siglock, flags);
	p->blocked = current->blocked;
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	p->sas_ss_sp = current->sas_ss_sp;
	p->sas_ss_size = current->sas_ss_size;
	p->sas_ss_flags = current->sas_ss_flags;

	get_task_struct(p); /* the parent's, for wait4 */
	spin_lock_irqsave(&family_lock, flags);
	p->real_parent = current;
	list_add_tail(&p->sibling, &current->children);
	spin_unlock_irqrestore(&family_lock, flags);
	wake_up_process(p);
	return pid;

out_release:
	if (list_empty(&p->tasks)) /* failed before task_list_add */
		task_list_add(p);
	release_unstarted(p);
	return -ENOMEM;
}

long sys_fork(void)
{
	return do_fork(SIGCHLD, 0, NULL, NULL);
}

/*
 * vfork is a fork here: the child gets a copy instead of borrowing the parent's memory, and
 * the parent does not wait for its exec. Programs that use vfork as POSIX allows (exec or
 * _exit at once) cannot tell, but the parent may run first.
 */
long sys_vfork(void)
{
	return do_fork(SIGCHLD, 0, NULL, NULL);
}

/* clone for what fork and vfork ask of it; threads (CLONE_VM without CLONE_VFORK) not yet. */
long sys_clone(unsigned long clone_flags, unsigned long newsp, int __user *parent_tid,
	       int __user *child_tid, unsigned long tls)
{
	unsigned long fork_flags =
		CSIGNAL | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_PARENT_SETTID;

	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) == (CLONE_VM | CLONE_VFORK))
		clone_flags &= ~(CLONE_VM | CLONE_VFORK);
	if (clone_flags & ~fork_flags)
		return -EINVAL;
	return do_fork(clone_flags, newsp, parent_tid, child_tid);
}

/*
 * Called by an exiting process, files and memory already released: its children lose
 * their parent (re-parenting to init comes with init's reaper; until then nobody waits for
 * them), and it becomes a zombie for its own parent (told by exit_signal, SIGCHLD), or goes
 * away if it has none or the parent ignores SIGCHLD or set SA_NOCLDWAIT.
 */
void exit_notify(struct task_struct *tsk)
{
	struct task_struct *c, *n;
	unsigned long flags;
	LIST_HEAD(orphans);
	bool reaped = false;

	spin_lock_irqsave(&family_lock, flags);
	list_for_each_entry_safe(c, n, &tsk->children, sibling) {
		c->real_parent = NULL;
		list_move(&c->sibling, &orphans);
	}
	if (tsk->real_parent) {
		if (do_notify_parent(tsk, tsk->exit_signal)) {
			list_del_init(&tsk->sibling);
			tsk->real_parent = NULL;
			reaped = true;
		} else {
			WRITE_ONCE(tsk->exit_state, EXIT_ZOMBIE);
		}
	}
	spin_unlock_irqrestore(&family_lock, flags);
	/* The parent's references on the orphans: a zombie among them is freed now. */
	list_for_each_entry_safe(c, n, &orphans, sibling) {
		list_del_init(&c->sibling);
		put_task_struct(c);
	}
	if (reaped)
		put_task_struct(tsk); /* the parent's reference: nobody will wait */
	wake_up(&child_exit_wq);
}

struct task_struct *get_task_parent(struct task_struct *p)
{
	struct task_struct *parent;
	unsigned long flags;

	spin_lock_irqsave(&family_lock, flags);
	parent = p->real_parent;
	if (parent)
		get_task_struct(parent);
	spin_unlock_irqrestore(&family_lock, flags);
	return parent;
}

void wake_up_child_waiters(void)
{
	wake_up(&child_exit_wq);
}

long sys_getppid(void)
{
	unsigned long flags;
	long ppid;

	spin_lock_irqsave(&family_lock, flags);
	ppid = current->real_parent ? current->real_parent->pid : (current->pid == 1 ? 0 : 1);
	spin_unlock_irqrestore(&family_lock, flags);
	return ppid;
}

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
};

static bool wait_match(const struct wait_opts *wo, struct task_struct *c)
{
	switch (wo->type) {
	case P_PID:
		return c->pid == wo->id;
	case P_PGID:
		return c->signal && c->signal->pgrp == wo->id;
	default:
		return true;
	}
}

static void report_exit(struct wait_opts *wo, struct task_struct *c)
{
	int status = c->exit_status;

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
	list_for_each_entry(c, &current->children, sibling) {
		struct signal_struct *sig = c->signal;

		if (!wait_match(wo, c))
			continue;
		any = true;
		if (READ_ONCE(c->exit_state) == EXIT_ZOMBIE) {
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
	if (READ_ONCE(found->exit_state) == EXIT_ZOMBIE)
		report_exit(wo, found);
	wo->pid = found->tgid;
	cred = get_task_cred(found); /* a stopped child may be changing its own */
	wo->uid = cred->uid;
	put_cred(cred);
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
	if (ru && clear_user(ru, RUSAGE_SIZE))
		return -EFAULT;
	return wo.pid;
}

long sys_waitid(int which, int upid, struct kernel_siginfo __user *infop, int options,
		void __user *ru)
{
	struct wait_opts wo = { .type = which, .id = upid, .options = options };
	struct kernel_siginfo info;
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD |
			__WALL | __WCLONE))
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
	if (ru && clear_user(ru, RUSAGE_SIZE))
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
