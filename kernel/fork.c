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
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/tty.h>
#include <kernel/spinlock.h>
#include <kernel/resource.h>
#include <kernel/strace.h>
#include <kernel/string.h>
#include <kernel/time.h>
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

int last_pid_nr(void)
{
	return atomic_read(&next_pid);
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
	p->start_time = ktime_get_ns();
	spin_lock_init(&p->alloc_lock);
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
	kfree(p->strace_line); /* an execve that ended the task before it returned */
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
	/* The CPU itimers start disarmed (zeroed): fork's child has none, as on Linux. */
	spin_lock_init(&sig->itimer_lock);
	INIT_LIST_HEAD(&sig->cpu_waiters);
	INIT_LIST_HEAD(&sig->cpu_waiters_due);
	return sig;
}

void put_signal_struct(struct signal_struct *sig)
{
	if (sig && atomic_dec_and_test(&sig->sigcnt)) {
		tty_kref_put(sig->tty);
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
		/* A group exit or execve has sent SIGKILL to every thread: none may join now. */
		if ((cur->flags & SIGNAL_GROUP_EXIT) || cur->group_exec_task) {
			spin_unlock_irqrestore(&p->sighand->siglock, flags);
			return -EINTR;
		}
		atomic_inc(&cur->sigcnt);
		atomic_inc(&cur->live);
		cur->nr_threads++;
		p->signal = cur;
		p->tgid = current->tgid;
		p->group_leader = current->group_leader;
		get_task_struct(p->group_leader); /* put with p's last reference */
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
		spin_lock_irqsave(&family_lock, flags);
		sig->tty = cur->tty;
		if (sig->tty)
			tty_kref_get(sig->tty);
		spin_unlock_irqrestore(&family_lock, flags);
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
	if (current->signal) {
		/* A process started by a kernel thread (vmrun's) is in its group and session. */
		p->signal->pgrp = current->signal->pgrp;
		p->signal->session = current->signal->session;
	}
	p->dumpable = true;
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
	exit_fs(p); /* if do_exit did not (a task that never ran) */
	release_thread_group(p);
	/* A thread's reference on its leader, which getppid and setpgid read through. */
	if (p->group_leader && p->group_leader != p)
		put_task_struct(p->group_leader);
	kfree(p->kthread);
	free_task(p);
	/*
	 * Counted until its memory is gone: a leak check that waits for nr_tasks() to come
	 * back then finds the slab counts back too (the free ran on another CPU).
	 */
	atomic_dec(&task_count);
}

unsigned long nr_tasks(void)
{
	return atomic_read(&task_count);
}

/* RLIMIT_NPROC's count: tasks (threads and unreaped zombies too) of real uid uid. */
int nr_tasks_of_uid(u32 uid)
{
	struct task_struct *p;
	unsigned long flags;
	int n = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks) {
		/* Another task's cred may be replaced meanwhile: read it referenced. */
		const struct cred *cred = get_task_cred(p);

		if (cred->uid == uid)
			n++;
		put_cred(cred);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
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

/* ---- processes and threads: fork, clone, clone3, vfork, the family -------------------- */

/*
 * family_lock covers every task's real_parent, children, sibling and exit_state, and every
 * signal_struct's pgrp, session and is_child_subreaper; child_exit_wq is where parents wait
 * (one queue for all: a wake-up makes each waiter look at its own children again).
 *
 * Only a process's leader is on its parent's children list, and a process's children are
 * on its leader's list whichever thread made them: any thread of the parent may wait for
 * them, and they stay the process's children when the thread that made them ends. Their
 * real_parent is that leader. A thread (CLONE_THREAD) is nobody's child: it reaps itself.
 */
DEFINE_SPINLOCK(family_lock);
DECLARE_WAIT_QUEUE_HEAD(child_exit_wq);

/* Linux's struct kernel_clone_args, the part of it we honour. */
struct kernel_clone_args {
	u64 flags;
	int __user *child_tid;
	int __user *parent_tid;
	int exit_signal;
	unsigned long stack;
	unsigned long stack_size;
	unsigned long tls;
};

/* The forked child's first run: its user frame is the parent's, with RAX = 0. */
static int ret_from_fork(void *unused)
{
	if (current->set_child_tid)
		(void)put_user(current->pid, current->set_child_tid);
	ret_to_user_mode(current_pt_regs());
}

static void release_unstarted(struct task_struct *p)
{
	unsigned long flags;

	if (p->signal && p->tgid != p->pid) {
		/* copy_signal counted a thread that never ran. */
		spin_lock_irqsave(&p->sighand->siglock, flags);
		p->signal->nr_threads--;
		atomic_dec(&p->signal->live);
		spin_unlock_irqrestore(&p->sighand->siglock, flags);
	}
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
 * RLIMIT_NPROC: a user (not root, who has CAP_SYS_RESOURCE) may not have more tasks than
 * its limit; the new one would be one too many.
 */
static bool nproc_exceeded(void)
{
	const struct cred *cred = current_cred();
	unsigned long limit = rlimit(RLIMIT_NPROC);

	if (!cred || cred->uid == 0 || cred->euid == 0 || limit == RLIM_INFINITY)
		return false;
	return (unsigned long)nr_tasks_of_uid(cred->uid) >= limit;
}

/*
 * The flags of clone and clone3 we implement (CLONE_UNTRACED and CLONE_IO change nothing
 * here); any other is EINVAL: the namespaces, CLONE_PIDFD and CLONE_PTRACE do not exist yet.
 */
#define CLONE_SUPPORTED                                                                     \
	(CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_VFORK |        \
	 CLONE_PARENT | CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | \
	 CLONE_CHILD_CLEARTID | CLONE_DETACHED | CLONE_CHILD_SETTID | CLONE_UNTRACED | CLONE_IO)

/* Linux's consistency rules between the flags (copy_process). */
static int check_clone_flags(u64 flags)
{
	if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if (flags & ~(u64)CLONE_SUPPORTED)
		return -EINVAL;
	/* init has no parent to share, and its threads could not outlive it. */
	if ((flags & CLONE_PARENT) && current->tgid == 1)
		return -EINVAL;
	return 0;
}

/*
 * A new task made from the caller: a process (its address space copied on write, unless
 * CLONE_VM shares it; its descriptors, root and working directory copied unless shared) or
 * a thread of the caller's process (CLONE_THREAD). The child returns 0 from the same system
 * call, on args->stack if one is given. The parent process holds a reference on a process
 * child, for wait4; a thread holds none (it reaps itself).
 */
static long kernel_clone(struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p, *leader;
	struct completion vfork;
	struct pt_regs *childregs;
	unsigned long flags;
	int pid, err;

	err = check_clone_flags(clone_flags);
	if (err)
		return err;
	if (!current->mm || !current->files)
		return -EINVAL;
	if (nproc_exceeded())
		return -EAGAIN;
	p = alloc_task(ret_from_fork, NULL, current->comm);
	if (!p)
		return -ENOMEM;
	sched_fork_inherit(p, current);
	err = copy_fs(clone_flags & CLONE_FS, p);
	if (!err)
		err = copy_sighand(clone_flags, p);
	if (!err)
		err = copy_signal(clone_flags, p);
	if (err)
		goto out_release;
	err = -ENOMEM;
	task_list_add(p);
	/* A thread never signals anyone at its end; a process signals its parent. */
	p->exit_signal = (clone_flags & CLONE_THREAD) ? -1 : args->exit_signal;
	p->pdeath_signal = 0;
	p->dumpable = current->dumpable;
	strace_fork(p);
	if (clone_flags & CLONE_VM) {
		mmget(current->mm);
		p->mm = current->mm;
	} else {
		p->mm = dup_mm(current->mm);
		if (!p->mm)
			goto out_release;
	}
	p->active_mm = p->mm;
	if (clone_flags & CLONE_FILES) {
		atomic_inc(&current->files->count);
		p->files = current->files;
	} else {
		p->files = dup_files(current->files);
		if (!p->files)
			goto out_release;
	}
	fpu_clone(p, current);
	if (current->thread.has_bases) {
		p->thread.has_bases = true;
		p->thread.fsbase = x86_read_fsbase();
		p->thread.gsbase = x86_read_user_gsbase();
	}
	if (clone_flags & CLONE_SETTLS) {
		p->thread.has_bases = true;
		p->thread.fsbase = args->tls;
	}
	childregs = task_pt_regs(p);
	*childregs = *current_pt_regs();
	childregs->rax = 0;
	if (args->stack)
		childregs->rsp = args->stack + args->stack_size;
	if (clone_flags & CLONE_CHILD_SETTID)
		p->set_child_tid = args->child_tid;
	if (clone_flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = args->child_tid;
	pid = p->pid;
	err = -EFAULT;
	if ((clone_flags & CLONE_PARENT_SETTID) && put_user(pid, args->parent_tid))
		goto out_release;
	/* Mask and alternate stack are inherited; nothing is pending in the child (POSIX). */
	spin_lock_irqsave(&current->sighand->siglock, flags);
	p->blocked = current->blocked;
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	/* A thread sharing the memory (CLONE_VM without CLONE_VFORK) gets none, as on Linux. */
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) != CLONE_VM) {
		p->sas_ss_sp = current->sas_ss_sp;
		p->sas_ss_size = current->sas_ss_size;
		p->sas_ss_flags = current->sas_ss_flags;
	}
	if (clone_flags & CLONE_VFORK) {
		init_completion(&vfork);
		p->vfork_done = &vfork;
	}

	leader = current->group_leader;
	spin_lock_irqsave(&family_lock, flags);
	if (clone_flags & (CLONE_PARENT | CLONE_THREAD)) {
		p->real_parent = leader->real_parent;
		if (!(clone_flags & CLONE_THREAD)) {
			p->exit_signal = leader->exit_signal;
			if (p->real_parent) {
				get_task_struct(p); /* the parent's, for wait4 */
				list_add_tail(&p->sibling, &p->real_parent->children);
			}
		}
	} else {
		p->real_parent = leader;
		get_task_struct(p); /* the parent's, for wait4 */
		list_add_tail(&p->sibling, &leader->children);
	}
	spin_unlock_irqrestore(&family_lock, flags);
	if (clone_flags & CLONE_VFORK)
		get_task_struct(p); /* p's vfork_done points at our stack until we return */
	wake_up_process(p);
	if (clone_flags & CLONE_VFORK) {
		/*
		 * Killably, as Linux. Killed, the parent takes its completion back from the child
		 * (the same exchange the child's exec or exit does), since it lies on the stack
		 * the parent is leaving; if the child took it first, its complete() is under way.
		 */
		if (wait_for_completion_killable(&vfork) &&
		    !__atomic_exchange_n(&p->vfork_done, NULL, __ATOMIC_ACQ_REL))
			wait_for_completion(&vfork);
		put_task_struct(p);
	}
	return pid;

out_release:
	if (list_empty(&p->tasks)) /* failed before task_list_add */
		task_list_add(p);
	release_unstarted(p);
	return err;
}

long sys_fork(void)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}

/* The child borrows the parent's memory, and the parent sleeps until it execs or exits. */
long sys_vfork(void)
{
	struct kernel_clone_args args = { .flags = CLONE_VM | CLONE_VFORK, .exit_signal = SIGCHLD };

	return kernel_clone(&args);
}

/* x86-64's argument order: flags, newsp, parent_tid, child_tid, tls. */
long sys_clone(unsigned long clone_flags, unsigned long newsp, int __user *parent_tid,
	       int __user *child_tid, unsigned long tls)
{
	struct kernel_clone_args args = {
		.flags = clone_flags & ~(u64)CSIGNAL,
		.child_tid = child_tid,
		.parent_tid = parent_tid,
		.exit_signal = clone_flags & CSIGNAL,
		.stack = newsp,
		.tls = tls,
	};

	/* As Linux: clone's flags are 32 bits (clone3 has the others); the rest is ignored. */
	args.flags &= 0xffffffffULL;
	if (args.exit_signal > _NSIG)
		return -EINVAL;
	return kernel_clone(&args);
}

/* Linux's struct clone_args (uapi/linux/sched.h): 64 bytes in version 0, 88 in version 2. */
struct clone_args {
	u64 flags;
	u64 pidfd;
	u64 child_tid;
	u64 parent_tid;
	u64 exit_signal;
	u64 stack;
	u64 stack_size;
	u64 tls;
	u64 set_tid;
	u64 set_tid_size;
	u64 cgroup;
};

#define CLONE_ARGS_SIZE_VER0 64
#define CLONE_CLEAR_SIGHAND 0x100000000ULL
#define CLONE_INTO_CGROUP 0x200000000ULL

long sys_clone3(struct clone_args __user *uargs, size_t size)
{
	struct clone_args a = {};
	struct kernel_clone_args args;

	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	/* A newer caller's bigger struct is fine if what we do not know is zero. */
	for (size_t off = sizeof(a); off < size; off++) {
		u8 b;

		if (get_user(b, (u8 __user *)uargs + off))
			return -EFAULT;
		if (b)
			return -E2BIG;
	}
	if (copy_from_user(&a, uargs, min(size, sizeof(a))))
		return -EFAULT;
	if (a.set_tid || a.set_tid_size)
		return -EINVAL; /* choosing pids needs pid namespaces' privileges: not supported */
	if (a.exit_signal > _NSIG || (a.flags & CSIGNAL))
		return -EINVAL;
	if ((a.stack == 0) != (a.stack_size == 0))
		return -EINVAL;
	if (a.flags & (CLONE_DETACHED | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP))
		return -EINVAL;
	args = (struct kernel_clone_args){
		.flags = a.flags,
		.child_tid = (int __user *)a.child_tid,
		.parent_tid = (int __user *)a.parent_tid,
		.exit_signal = (int)a.exit_signal,
		.stack = a.stack,
		.stack_size = a.stack_size,
		.tls = a.tls,
	};
	return kernel_clone(&args);
}

/* The parent process's pid; a thread's is its process's. Orphans have init (pid 1). */
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
	struct task_struct *parent;
	unsigned long flags;
	long ppid;

	spin_lock_irqsave(&family_lock, flags);
	parent = current->group_leader->real_parent;
	/* No parent: init (0, as Linux), or a process vmrun's kernel runner started (1). */
	ppid = parent ? parent->tgid : (current->tgid == 1 ? 0 : 1);
	spin_unlock_irqrestore(&family_lock, flags);
	return ppid;
}

int task_ppid_nr(struct task_struct *p)
{
	unsigned long flags;
	int ppid;

	spin_lock_irqsave(&family_lock, flags);
	ppid = p->real_parent ? p->real_parent->tgid : (p->pid == 1 ? 0 : 1);
	spin_unlock_irqrestore(&family_lock, flags);
	return ppid;
}

/* ---- process groups and sessions ------------------------------------------------------ */

/* The process with this pid (its leader), or NULL; called with family_lock held. */
static struct task_struct *find_process_locked(int pid)
{
	struct task_struct *p, *found = NULL;

	lockdep_assert_held(&family_lock);
	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->pid == pid && p->tgid == pid && p->signal &&
		    READ_ONCE(p->state) != TASK_DEAD) {
			found = p;
			break;
		}
	}
	spin_unlock(&tasklist_lock);
	return found;
}

/* Is there a process in session sid whose process group is pgid? (family_lock held) */
static bool pgrp_in_session(int pgid, int sid)
{
	struct task_struct *p;
	bool ret = false;

	lockdep_assert_held(&family_lock);
	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->tgid == p->pid && p->signal && p->signal->pgrp == pgid &&
		    p->signal->session == sid && READ_ONCE(p->state) != TASK_DEAD) {
			ret = true;
			break;
		}
	}
	spin_unlock(&tasklist_lock);
	return ret;
}

/*
 * Linux's rules: the caller itself or one of its children (ESRCH otherwise); a child must
 * not have exec'd (EACCES) and must be in the caller's session (EPERM); a session leader
 * cannot move (EPERM); the group joined must exist in the caller's session, unless it is
 * the process's own pid (EPERM).
 */
long sys_setpgid(int pid, int pgid)
{
	struct task_struct *leader = current->group_leader, *p;
	unsigned long flags;
	long err;

	if (!pid)
		pid = leader->pid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	spin_lock_irqsave(&family_lock, flags);
	err = -ESRCH;
	p = find_process_locked(pid);
	if (!p)
		goto out;
	if (p->real_parent == leader && p != leader) {
		err = -EPERM;
		if (p->signal->session != leader->signal->session)
			goto out;
		err = -EACCES;
		if (p->did_exec)
			goto out;
	} else if (p != leader) {
		goto out;
	}
	err = -EPERM;
	if (p->signal->session == p->pid)
		goto out;
	if (pgid != pid && !pgrp_in_session(pgid, leader->signal->session))
		goto out;
	p->signal->pgrp = pgid;
	err = 0;
out:
	spin_unlock_irqrestore(&family_lock, flags);
	return err;
}

long sys_getpgid(int pid)
{
	struct task_struct *p;
	unsigned long flags;
	long ret;

	spin_lock_irqsave(&family_lock, flags);
	p = pid ? find_process_locked(pid) : current->group_leader;
	ret = p ? p->signal->pgrp : -ESRCH;
	spin_unlock_irqrestore(&family_lock, flags);
	return ret;
}

long sys_getpgrp(void)
{
	return sys_getpgid(0);
}

long sys_getsid(int pid)
{
	struct task_struct *p;
	unsigned long flags;
	long ret;

	spin_lock_irqsave(&family_lock, flags);
	p = pid ? find_process_locked(pid) : current->group_leader;
	ret = p ? p->signal->session : -ESRCH;
	spin_unlock_irqrestore(&family_lock, flags);
	return ret;
}

/* A new session and group, both the caller's pid; EPERM if a group already has that id. */
long sys_setsid(void)
{
	struct task_struct *leader = current->group_leader, *p;
	struct tty_struct *old_tty = NULL;
	int sid = leader->pid;
	unsigned long flags;
	long err = -EPERM;

	spin_lock_irqsave(&family_lock, flags);
	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks)
		if (p->tgid == p->pid && p->signal && p->signal->pgrp == sid &&
		    READ_ONCE(p->state) != TASK_DEAD)
			goto out;
	leader->signal->session = sid;
	leader->signal->pgrp = sid;
	/* The new session has no controlling terminal yet (Linux's proc_clear_tty). */
	old_tty = leader->signal->tty;
	leader->signal->tty = NULL;
	err = sid;
out:
	spin_unlock(&tasklist_lock);
	spin_unlock_irqrestore(&family_lock, flags);
	tty_kref_put(old_tty);
	return err;
}

bool for_each_process_locked(bool (*fn)(struct task_struct *p, void *arg), void *arg)
{
	struct task_struct *p;
	bool ret = false;

	lockdep_assert_held(&family_lock);
	spin_lock(&tasklist_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->tgid == p->pid && p->signal && READ_ONCE(p->state) != TASK_DEAD &&
		    fn(p, arg)) {
			ret = true;
			break;
		}
	}
	spin_unlock(&tasklist_lock);
	return ret;
}

struct orphan_arg {
	int pgrp;
	struct task_struct *ignored, *dead_parent;
};

/* Does p tie its group to the session (a parent in another group of the same session)? */
static bool ties_group(struct task_struct *p, void *data)
{
	struct orphan_arg *a = data;
	struct task_struct *parent = p->real_parent;

	if (p->signal->pgrp != a->pgrp || p == a->ignored || p->exit_state)
		return false;
	if (!parent || parent == a->dead_parent || parent->tgid == 1)
		return false;
	return parent->signal->pgrp != a->pgrp && parent->signal->session == p->signal->session;
}

/*
 * Linux's will_become_orphaned_pgrp, with ignored (an exiting member) and dead_parent (an
 * exiting parent whose children are about to move) not counted. family_lock held.
 */
bool will_become_orphaned_pgrp(int pgrp, struct task_struct *ignored,
			       struct task_struct *dead_parent)
{
	struct orphan_arg a = { .pgrp = pgrp, .ignored = ignored, .dead_parent = dead_parent };

	lockdep_assert_held(&family_lock);
	return !for_each_process_locked(ties_group, &a);
}

bool is_current_pgrp_orphaned(void)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&family_lock, flags);
	ret = will_become_orphaned_pgrp(current->signal->pgrp, NULL, NULL);
	spin_unlock_irqrestore(&family_lock, flags);
	return ret;
}

struct task_struct *child_reaper(void)
{
	static struct task_struct *init_task;
	struct task_struct *p;
	unsigned long flags;

	if (READ_ONCE(init_task))
		return init_task;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->pid == 1) {
			/* pid 1 never exits (panic if it does): no reference needed. */
			WRITE_ONCE(init_task, p);
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return READ_ONCE(init_task);
}
