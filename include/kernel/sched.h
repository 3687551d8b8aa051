/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SCHED_H
#define _KERNEL_SCHED_H

#include <asm/percpu.h>
#include <asm/processor.h>
#include <kernel/atomic.h>
#include <kernel/list.h>
#include <kernel/lockdep.h>
#include <kernel/preempt.h>
#include <kernel/rbtree.h>
#include <kernel/sched/signal.h>
#include <kernel/types.h>

/*
 * Tasks and the scheduler (kernel/sched/). A task is a kernel stack with saved registers
 * and everything the scheduler needs; processes and threads later add an address space,
 * files and signals to the same structure.
 */
#define TASK_RUNNING 0x0
#define TASK_INTERRUPTIBLE 0x1
#define TASK_UNINTERRUPTIBLE 0x2
#define TASK_DEAD 0x80

/* task_struct.exit_state */
#define EXIT_ZOMBIE 0x20

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
#define _TIF_SIGPENDING (1UL << TIF_SIGPENDING)
#define _TIF_NOTIFY_RESUME (1UL << TIF_NOTIFY_RESUME)
#define _TIF_SYSCALL_TRACE (1UL << TIF_SYSCALL_TRACE)
#define _TIF_FORCE_IRET (1UL << TIF_FORCE_IRET)
/* What the return to user mode must act on (irqentry_exit, exit_to_user_mode_loop). */
#define EXIT_TO_USER_MODE_WORK (_TIF_SIGPENDING | _TIF_NOTIFY_RESUME)
/* What sends a system call's return off the SYSRET line (entry_64.asm). */
#define _TIF_SYSCALL_EXIT_WORK (EXIT_TO_USER_MODE_WORK | _TIF_SYSCALL_TRACE | _TIF_FORCE_IRET)

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
	/* The process family, under family_lock (kernel/fork.c). */
	struct task_struct *real_parent; /* NULL: nobody waits (kernel-made, or orphaned) */
	struct list_head children, sibling;

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

#ifdef CONFIG_DEBUG_LOCKDEP
	/* The locks this task holds, innermost last (kernel/locking/lockdep.c). */
	int lockdep_depth;
	int lockdep_recursion; /* > 0: lockdep is not to look at this task's locks now */
	struct held_lock held_locks[LOCKDEP_MAX_HELD];
#endif
};

static __always_inline struct task_struct *get_current(void)
{
	return __this_cpu_field(struct task_struct *, current_task);
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
/* Called from the timer interrupt on every CPU. */
void scheduler_tick(void);
/* Does this CPU need the scheduler tick (more than one task to share it)? */
bool sched_needs_tick(void);

int set_user_nice(struct task_struct *p, int nice);
int set_cpus_allowed(struct task_struct *p, cpumask_t mask);

/* Creating tasks: stack, FPU state and an entry that runs fn(data); not yet runnable. */
struct task_struct *create_task(int (*fn)(void *), void *data, const char *name);
void get_task_struct(struct task_struct *p);
void put_task_struct(struct task_struct *p);
__noreturn void do_exit(int code);
/* The end of a process: status as wait(2) reports it (code << 8, or the signal). */
__noreturn void do_group_exit(int status);
/* The family's part of an exit: children orphaned, the task a zombie for its parent. */
void exit_notify(struct task_struct *tsk);
/* A user fault's end until signals are delivered: killed as by sig's default action. */
__noreturn void force_fatal_sig(int sig);

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

#endif /* _KERNEL_SCHED_H */
