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
	p->personality = current->personality;
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
	spin_lock_irqsave(&current->sighand->siglock, flags);
	p->blocked = current->blocked;
	spin_unlock_irqrestore(&current->sighand->siglock, flags);

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
 * them), and it becomes a zombie for its own parent, or goes away if it has none.
 */
void exit_notify(struct task_struct *tsk)
{
	struct task_struct *c, *n;
	unsigned long flags;
	LIST_HEAD(orphans);
	bool zombie;

	spin_lock_irqsave(&family_lock, flags);
	list_for_each_entry_safe(c, n, &tsk->children, sibling) {
		c->real_parent = NULL;
		list_move(&c->sibling, &orphans);
	}
	zombie = tsk->real_parent != NULL;
	if (zombie)
		WRITE_ONCE(tsk->exit_state, EXIT_ZOMBIE);
	spin_unlock_irqrestore(&family_lock, flags);
	/* The parent's references on the orphans: a zombie among them is freed now. */
	list_for_each_entry_safe(c, n, &orphans, sibling) {
		list_del_init(&c->sibling);
		put_task_struct(c);
	}
	if (zombie)
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
#define WCONTINUED 0x00000008
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000

/*
 * One look at the caller's children: a zombie matching pid (taken off the list, the
 * caller now owns the parent's reference), or NULL; *any tells whether one matched at all.
 * Process groups do not exist yet: 0 and -PGID wait for any child.
 */
static struct task_struct *reap_zombie(int pid, bool *any)
{
	struct task_struct *c, *found = NULL;
	unsigned long flags;

	*any = false;
	spin_lock_irqsave(&family_lock, flags);
	list_for_each_entry(c, &current->children, sibling) {
		if (pid > 0 && c->pid != pid)
			continue;
		*any = true;
		if (READ_ONCE(c->exit_state) == EXIT_ZOMBIE) {
			list_del_init(&c->sibling);
			c->real_parent = NULL;
			found = c;
			break;
		}
	}
	spin_unlock_irqrestore(&family_lock, flags);
	return found;
}

static bool has_zombie(int pid)
{
	struct task_struct *c;
	unsigned long flags;
	bool ret = false;

	spin_lock_irqsave(&family_lock, flags);
	list_for_each_entry(c, &current->children, sibling)
		if ((pid <= 0 || c->pid == pid) && READ_ONCE(c->exit_state) == EXIT_ZOMBIE)
			ret = true;
	spin_unlock_irqrestore(&family_lock, flags);
	return ret;
}

#define RUSAGE_SIZE 144 /* struct rusage on x86-64 */

long sys_wait4(int upid, int __user *stat_addr, int options, void __user *ru)
{
	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	if (upid == -0x7fffffff - 1)
		return -ESRCH;
	for (;;) {
		struct task_struct *z;
		bool any;
		long ret;

		z = reap_zombie(upid, &any);
		if (z) {
			int status = z->exit_status;

			ret = z->pid;
			put_task_struct(z);
			if (stat_addr && put_user(status, stat_addr))
				return -EFAULT;
			if (ru && clear_user(ru, RUSAGE_SIZE))
				return -EFAULT;
			return ret;
		}
		if (!any)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		ret = wait_event_interruptible(child_exit_wq, has_zombie(upid));
		if (ret)
			return ret;
	}
}
