/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SCHED_H
#define _KERNEL_SCHED_H

#include <asm/percpu.h>
#include <asm/processor.h>
#include <kernel/atomic.h>
#include <kernel/ipc.h>
#include <kernel/list.h>
#include <kernel/lockdep.h>
#include <kernel/preempt.h>
#include <kernel/rbtree.h>
#include <kernel/sched/signal.h>
#include <kernel/spinlock.h>
#include <kernel/types.h>

/*
 * Tasks and the scheduler (kernel/sched/). A task is a kernel stack with saved registers
 * and everything the scheduler needs; processes and threads later add an address space,
 * files and signals to the same structure.
 */
#define TASK_RUNNING 0x0
#define TASK_INTERRUPTIBLE 0x1
#define TASK_UNINTERRUPTIBLE 0x2
#define TASK_STOPPED 0x4 /* a group stop (SIGSTOP): only SIGCONT or SIGKILL wakes it */
#define TASK_WAKEKILL 0x8 /* with TASK_UNINTERRUPTIBLE: a fatal signal wakes it */
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_DEAD 0x80

/* task_struct.exit_state */
#define EXIT_ZOMBIE 0x20
#define EXIT_DEAD 0x10 /* ended, and nobody is to wait for it (a thread, an orphan of a kthread) */

/* task_struct.on_rq */
#define TASK_ON_RQ_QUEUED 1
#define TASK_ON_RQ_MIGRATING 2

#define TASK_COMM_LEN 16
#define MAX_NICE 19
#define MIN_NICE (-20)
#define NICE_0_LOAD 1024

typedef u64 cpumask_t; /* bit n: CPU n (CONFIG_NR_CPUS <= 64) */
#define CPU_MASK_ALL (~0ULL)
#define cpumask_of(cpu) (1ULL << (cpu))

struct mm_struct;
struct cred;
struct fs_struct;
struct files_struct;
struct ipc_endpoint;

/*
 * Bits of task_struct.thread_flags: the rare work the return to user space must do, tested
 * there as one word (set atomically, from any CPU, with set_tsk_thread_flag).
 */
#define TIF_SIGPENDING 0 /* a signal is pending: interruptible sleeps end, -ERESTARTSYS */
#define TIF_NOTIFY_RESUME 1 /* run task work before returning to user mode */
#define TIF_SYSCALL_TRACE 2 /* strace-style logging of each syscall */
/*
 * The user register frame was rewritten (execve, later signal delivery and sigreturn): the
 * return takes IRETQ, which restores any frame, not SYSRET, which trusts RCX and R11.
 */
#define TIF_FORCE_IRET 3
/* rt_sigsuspend and friends: put saved_sigmask back after delivery (not a work bit). */
#define TIF_RESTORE_SIGMASK 4
#define _TIF_SIGPENDING (1UL << TIF_SIGPENDING)
#define _TIF_NOTIFY_RESUME (1UL << TIF_NOTIFY_RESUME)
#define _TIF_SYSCALL_TRACE (1UL << TIF_SYSCALL_TRACE)
#define _TIF_FORCE_IRET (1UL << TIF_FORCE_IRET)
/* task_struct.flags, Linux's: the thread has begun to exit (no process-wide signal is its). */
#define PF_EXITING 0x00000004

/* What the return to user mode must act on (irqentry_exit, exit_to_user_mode_loop). */
#define EXIT_TO_USER_MODE_WORK (_TIF_SIGPENDING | _TIF_NOTIFY_RESUME)
/* What sends a system call's return off the SYSRET line (entry_64.asm). */
#define _TIF_SYSCALL_EXIT_WORK (EXIT_TO_USER_MODE_WORK | _TIF_SYSCALL_TRACE | _TIF_FORCE_IRET)

/* What restart_syscall(2) continues after a signal interrupted a sleep (nanosleep). */
struct restart_block {
	long (*fn)(struct restart_block *rb);
	u64 expires; /* ns on the clock below */
	int clockid;
	void __user *rmtp;
	/* A timed futex wait that a signal cut (kernel/futex.c), resumed until expires. */
	struct {
		u32 __user *uaddr;
		u32 val, bitset;
		bool shared;
	} futex;
};

struct task_struct {
	volatile long state;
	unsigned long thread_flags; /* TIF_* bits, changed atomically */
	struct thread_struct thread;
	void *stack; /* the kernel stack's lowest address; THREAD_SIZE bytes */
	int pid;
	char comm[TASK_COMM_LEN];
	atomic_t usage;

	/* Scheduling. */
	int cpu; /* the run queue it is on, or last ran on */
	int on_rq; /* 0, TASK_ON_RQ_QUEUED (queued or running) or TASK_ON_RQ_MIGRATING */
	bool on_cpu; /* its registers are live on some CPU (until switched out) */
	int nice;
	unsigned long weight; /* from nice: 1024 at nice 0, x1.25 per step */
	u64 vruntime; /* weighted CPU time, ns */
	u64 exec_start; /* when it last started running, ns */
	u64 sum_exec_runtime; /* real CPU time, ns */
	u64 nr_switches;
	/* Accounting, for /proc, times() and getrusage(): CPU time in user and kernel mode. */
	u64 utime, stime; /* ns */
	u64 start_time; /* ktime_get_ns() at creation */
	unsigned long min_flt, maj_flt; /* page faults served without and with I/O */
	/*
	 * kernel/sched/cputime.c, under the task's rq->lock: how much of sum_exec_runtime is
	 * already split into utime/stime, and whether the last tick caught it in kernel mode
	 * (what the time since is charged to when it is switched out).
	 */
	u64 acct_runtime;
	bool acct_system;
	bool sched_contributes_to_load; /* asleep in TASK_UNINTERRUPTIBLE: counts in loadavg */
	struct rb_node run_node;
	cpumask_t cpus_allowed;
	int migrate_to; /* -1, or the CPU it must move to when switched out */
	bool is_idle;

	const struct cred *cred; /* who it acts as (NULL: root, for early kernel code) */
	struct fs_struct *fs; /* root, working directory, umask */

	struct files_struct *files; /* open file descriptors (NULL: none, kernel threads) */
	int __user *clear_child_tid; /* set_tid_address: zeroed at exit (futex wake later) */
	/* How it ended, as wait(2) reports it: exit code << 8, or the killing signal. */
	int exit_status;
	int exit_state; /* EXIT_ZOMBIE: ended, waiting for its parent's wait4 */
	int __user *set_child_tid; /* CLONE_CHILD_SETTID: the child stores its tid here first */
	int exit_signal; /* sent to the parent when the process ends: SIGCHLD, or clone's */
	int pdeath_signal; /* prctl(PR_SET_PDEATHSIG): sent when the parent dies, 0 for none */
	/* Threads (kernel/fork.c, kernel/futex.c): set by the task itself, read at its exit. */
	struct robust_list_head __user *robust_list; /* set_robust_list */
	struct completion *vfork_done; /* CLONE_VFORK: the parent waits on it until exec/exit */
	bool dumpable; /* prctl(PR_SET_DUMPABLE); inherited, reset to true by execve */
	bool did_exec; /* has execve'd since fork (Linux's !PF_FORKNOEXEC): setpgid's EACCES */
	/* Past the point of its exit where a core dump waits for it (PF_POSTCOREDUMP); siglock. */
	bool core_passed;

	/*
	 * The thread group (include/kernel/sched/signal.h): tgid is the leader's pid, what
	 * getpid returns; a process of one task is its own leader. signal and sighand are
	 * set before the task first runs and stay until put_task_struct.
	 */
	int tgid;
	struct task_struct *group_leader;
	struct list_head thread_node; /* in signal->thread_head */
	struct signal_struct *signal;
	struct sighand_struct *sighand;
	sigset_t blocked; /* under sighand->siglock */
	sigset_t saved_sigmask; /* rt_sigsuspend, ppoll, pselect6: restored after delivery */
	struct sigpending pending; /* sent to this thread only (tkill, faults) */
	unsigned long sas_ss_sp; /* sigaltstack */
	size_t sas_ss_size;
	unsigned int sas_ss_flags;
	/* Signal delivery (kernel/signal.c); under siglock but restart_block (own task only). */
	unsigned int jobctl; /* JOBCTL_*: this thread still owes the group stop */
	unsigned int flags; /* PF_EXITING (exit_signals, under siglock) */
	sigset_t real_blocked; /* rt_sigtimedwait: the mask before it opened the awaited set */
	struct restart_block restart_block;
	/* The process family, under family_lock (kernel/fork.c). */
	struct task_struct *real_parent; /* NULL: nobody waits (kernel-made, or orphaned) */
	struct list_head children, sibling;

	/*
	 * task_lock: mm, files, fs and comm change under it (exit, execve, prctl), so that
	 * another task (procfs) can take a reference on them while this one runs or exits.
	 */
	spinlock_t alloc_lock;
	struct mm_struct *mm; /* NULL for kernel threads */
	struct mm_struct *active_mm; /* the address space in use (borrowed by kthreads) */
	/* personality(2) (ADDR_NO_RANDOMIZE...): inherited by fork, kept across exec. */
	unsigned int personality;

	/* Kernel threads. */
	int (*thread_fn)(void *data);
	void *thread_data;
	bool should_stop;
	int exit_code;
	void *kthread; /* struct kthread: its exit completion; freed with the task */
	struct list_head tasks; /* all tasks, under tasklist_lock */
	/*
	 * kernel/ipc.c: the call this thread received last and owes a reply (the caller's wait,
	 * guarded by ipc_reply_ep->lock), and that endpoint, referenced; ipc_reply_ep changes
	 * only by the task itself, when it owes nothing.
	 */
	struct ipc_wait *ipc_reply;
	struct ipc_endpoint *ipc_reply_ep;
	struct ipc_wait ipc_wait; /* this thread's own, while it waits in an IPC call */
	/* kernel/trace/strace.c: execve's log line, made before the call, ended after it. */
	char *strace_line;

#ifdef CONFIG_DEBUG_LOCKDEP
	/* The locks this task holds, innermost last (kernel/locking/lockdep.c). */
	int lockdep_depth;
	int lockdep_recursion; /* > 0: lockdep is not to look at this task's locks now */
	struct held_lock held_locks[LOCKDEP_MAX_HELD];
#endif
};

static __always_inline struct task_struct *get_current(void)
{
	return __this_cpu_field_stable(struct task_struct *, current_task);
}
#define current get_current()

#define set_current_state(s) \
	(WRITE_ONCE(current->state, (s)), __atomic_thread_fence(__ATOMIC_SEQ_CST))
#define __set_current_state(s) WRITE_ONCE(current->state, (s))

static inline void set_tsk_thread_flag(struct task_struct *p, int bit)
{
	__atomic_fetch_or(&p->thread_flags, 1UL << bit, __ATOMIC_SEQ_CST);
}

static inline void clear_tsk_thread_flag(struct task_struct *p, int bit)
{
	__atomic_fetch_and(&p->thread_flags, ~(1UL << bit), __ATOMIC_SEQ_CST);
}

static inline bool test_tsk_thread_flag(struct task_struct *p, int bit)
{
	return READ_ONCE(p->thread_flags) & (1UL << bit);
}

/* Is a signal waiting for p? Interruptible sleeps end with -ERESTARTSYS when it is. */
static inline bool signal_pending(struct task_struct *p)
{
	return unlikely(test_tsk_thread_flag(p, TIF_SIGPENDING));
}

bool fatal_signal_pending(struct task_struct *p);

/* Does a signal end a sleep in state? Any for an interruptible one, SIGKILL for a killable. */
static inline bool signal_pending_state(long state, struct task_struct *p)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)) || !signal_pending(p))
		return false;
	return (state & TASK_INTERRUPTIBLE) || fatal_signal_pending(p);
}

void sched_init(void);
/* Each CPU's idle loop: runs what there is to run, halts otherwise. Never returns. */
__noreturn void cpu_idle_loop(void);
/* A secondary CPU's idle task and run queue. */
struct task_struct *sched_init_idle(int cpu);

void schedule(void);
/* Wakes a task that sleeps (either sleep state): true if this call woke it. */
bool wake_up_process(struct task_struct *p);
bool wake_up_state(struct task_struct *p, long state);
void yield(void);
/*
 * Hands this CPU, and what is left of the caller's slice, straight to next, without asking
 * the policy: for a caller that has just woken next and waits for it (the IPC fast path).
 * next must be queued on this CPU and not running; the caller stays runnable, or sleeps if
 * it has set a sleeping state, as in schedule(). -EINVAL, and nothing done, otherwise (the
 * caller then simply calls schedule()).
 */
int sched_switch_to(struct task_struct *next);
/*
 * The same for a next that is asleep (the IPC fast path hands the CPU to the server it has
 * just given a message): next is woken and runs at once, without passing through the run
 * queue's timeline. next must sleep, on this CPU; the caller sleeps if it has set a sleeping
 * state. -EINVAL, and nothing done, otherwise (the caller then wakes next the usual way).
 * donate: the caller sleeps until next answers (an IPC call), and next runs on its time.
 */
int sched_switch_to_blocked(struct task_struct *next, bool donate);
/*
 * The same switch for a caller in a system call that leaves its kernel frames behind (the
 * IPC fast path, kernel/sched/core.c says how); does not return unless it refuses (-EINVAL).
 */
int sched_switch_abandon(struct task_struct *next, bool donate, bool direct, long (*resume)(void),
			 spinlock_t *unlock);
/* The end of a switch that resumed a task straight into user mode (switch_to_abandon). */
void sched_switch_tail(struct task_struct *prev);
/* Called from the timer interrupt on every CPU. */
void scheduler_tick(void);
/* Does this CPU need the scheduler tick (more than one task to share it)? */
bool sched_needs_tick(void);

int set_user_nice(struct task_struct *p, int nice);
void sched_fork_inherit(struct task_struct *p, struct task_struct *parent);
int set_cpus_allowed(struct task_struct *p, cpumask_t mask);

/* Creating tasks: stack, FPU state and an entry that runs fn(data); not yet runnable. */
struct task_struct *create_task(int (*fn)(void *), void *data, const char *name);
void get_task_struct(struct task_struct *p);
void put_task_struct(struct task_struct *p);
__noreturn void do_exit(int code);
/* The end of a process: status as wait(2) reports it (code << 8, or the signal). */
__noreturn void do_group_exit(int status);
/* Ends the caller's process at once as sig's default action would (exec past no return). */
__noreturn void force_fatal_sig(int sig);
/* The parent of p's process, referenced, or NULL (kernel/fork.c, under family_lock). */
struct task_struct *get_task_parent(struct task_struct *p);
/* Parents sleeping in wait4/waitid look at their children again. */
void wake_up_child_waiters(void);

/*
 * Threads and the process family (kernel/fork.c, kernel/exit.c). family_lock guards every
 * task's real_parent, children, sibling and exit_state, and every signal_struct's pgrp and
 * session; child_exit_wq is where wait4 sleeps.
 */
struct completion;
struct robust_list_head;
extern spinlock_t family_lock;
extern struct wait_queue_head child_exit_wq;
/* A process's end when its last thread is gone, or a thread's own end (kernel/exit.c). */
void exit_notify(struct task_struct *tsk);
/*
 * Job control's view of the family (kernel/fork.c, for drivers/tty): fn on each live
 * process (its leader) until it returns true (family_lock held; returns whether one did);
 * whether the caller's process group is orphaned (POSIX: no member has a parent in
 * another group of the same session).
 */
bool for_each_process_locked(bool (*fn)(struct task_struct *p, void *arg), void *arg);
bool will_become_orphaned_pgrp(int pgrp, struct task_struct *ignored,
			       struct task_struct *dead_parent);
bool is_current_pgrp_orphaned(void);
/* The thread group leader of pid 1: where orphans go (NULL before init exists). */
struct task_struct *child_reaper(void);
/* The exiting thread's user-visible cleanup: robust futexes, clear_child_tid, vfork_done. */
void mm_release(struct task_struct *tsk);
/* execve in a threaded process: every other thread ended and gone; 0 or -EAGAIN (killed). */
int de_thread(struct task_struct *tsk);

/*
 * CPU-time accounting (kernel/sched/cputime.c). The tick splits the exact run time into
 * user and kernel time by where it interrupted; a switch charges what is left to the mode
 * the last tick saw.
 */
#define USER_HZ 100
enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_IRQ,
	CPUTIME_SOFTIRQ,
	CPUTIME_STEAL,
	CPUTIME_GUEST,
	CPUTIME_GUEST_NICE,
	NR_STATS,
};
/* cpu's times as /proc/stat shows them (enum cpu_usage_stat order), in USER_HZ ticks. */
void cpu_times(int cpu, u64 out[NR_STATS]);
/* p's utime and stime in ns, including what it ran since the last tick. */
void task_cputime(struct task_struct *p, u64 *utime, u64 *stime);
static inline u64 nsec_to_clock_t(u64 ns)
{
	return ns / (1000000000ULL / USER_HZ);
}
/* Load average (kernel/sched/loadavg.c), Linux's fixed point: FSHIFT bits of fraction. */
#define FSHIFT 11
#define FIXED_1 (1 << FSHIFT)
#define LOAD_INT(x) ((x) >> FSHIFT)
#define LOAD_FRAC(x) LOAD_INT(((x) & (FIXED_1 - 1)) * 100)
void get_avenrun(unsigned long *loads, unsigned long offset, int shift);
void loadavg_init(void);
/* Runnable tasks (running ones included) and tasks in uninterruptible sleep, all CPUs. */
unsigned long nr_running(void);
unsigned long nr_uninterruptible(void);

static inline void task_lock(struct task_struct *p)
{
	spin_lock(&p->alloc_lock);
}

static inline void task_unlock(struct task_struct *p)
{
	spin_unlock(&p->alloc_lock);
}

/* p's address space, referenced (mmput), or NULL for a kernel thread or an exited task. */
struct mm_struct *get_task_mm(struct task_struct *p);
/* The tgid of p's parent as getppid would tell p (0 for init). */
int task_ppid_nr(struct task_struct *p);
/* The pid most recently handed out (/proc/loadavg's last field). */
int last_pid_nr(void);

/* Statistics, for tests and /proc. */
unsigned long nr_running_on(int cpu);
u64 cpu_nr_switches(int cpu);
u64 cpu_idle_time_ns(int cpu);
unsigned long nr_tasks(void);
/* The live task with this pid, referenced (put_task_struct), or NULL. */
struct task_struct *find_get_task_by_pid(int pid);
/* The smallest live pid above after, or -1: for walking all tasks without holding a lock. */
int next_task_pid(int after);

/*
 * Is the caller allowed to sleep? Reports it (with a stack trace) each time it is not, and
 * counts the reports for tests.
 */
void __might_sleep(const char *file, int line);
#define might_sleep() __might_sleep(__FILE__, __LINE__)
unsigned long might_sleep_reports(void);
/* Enqueues of a task that was already queued (a scheduler bug), for the tests. */
unsigned long sched_double_enqueues(void);

/* t's signal state (sighand, signal_struct, pending sets) is guarded by its siglock. */
static inline void siglock(struct task_struct *t, unsigned long *flags)
{
	spin_lock_irqsave(&t->sighand->siglock, *flags);
}

static inline void sigunlock(struct task_struct *t, unsigned long flags)
{
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

#endif /* _KERNEL_SCHED_H */
