/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SCHED_SIGNAL_H
#define _KERNEL_SCHED_SIGNAL_H

/*
 * What the threads of one process share (signal_struct) and what tasks sharing signal
 * handlers share (sighand_struct), as on Linux. A process is a thread group: its tasks
 * point at one signal_struct; CLONE_SIGHAND shares the handler table (CLONE_THREAD needs
 * it, CLONE_VM without CLONE_THREAD may have it too).
 *
 * Locking: sighand->siglock guards the handler table, every pending set of the tasks that
 * share it (task->pending, signal->shared_pending), task->blocked, and the group-exit and
 * stop state in signal_struct. signal->thread_head and task->thread_node change under
 * siglock and family_lock both (kernel/fork.c), so that either is enough to walk them.
 */
#include <kernel/atomic.h>
#include <kernel/list.h>
#include <kernel/spinlock.h>
#include <kernel/timer.h>
#include <kernel/types.h>

#define _NSIG 64
#define _NSIG_BPW 64
#define _NSIG_WORDS 1

/* The kernel's signal set: bit n-1 is signal n, as rt_sigprocmask's 8-byte set is. */
typedef struct {
	unsigned long sig[_NSIG_WORDS];
} sigset_t;

static inline void sigaddset(sigset_t *set, int sig)
{
	set->sig[0] |= 1UL << (sig - 1);
}

static inline void sigdelset(sigset_t *set, int sig)
{
	set->sig[0] &= ~(1UL << (sig - 1));
}

static inline bool sigismember(const sigset_t *set, int sig)
{
	return set->sig[0] & (1UL << (sig - 1));
}

static inline void sigemptyset(sigset_t *set)
{
	set->sig[0] = 0;
}

#define sigmask(sig) (1UL << ((sig)-1))

/* Signals queued to a task or to its whole group: the set, and the siginfo of each. */
struct sigpending {
	struct list_head list; /* struct sigqueue (kernel/signal.c) */
	sigset_t signal;
};

static inline void init_sigpending(struct sigpending *p)
{
	INIT_LIST_HEAD(&p->list);
	sigemptyset(&p->signal);
}

#define SIG_DFL ((void __user *)0)
#define SIG_IGN ((void __user *)1)

/* struct sigaction as rt_sigaction passes it on x86-64 (handler, flags, restorer, mask). */
struct k_sigaction {
	void __user *sa_handler;
	unsigned long sa_flags;
	void __user *sa_restorer;
	sigset_t sa_mask;
};

struct sighand_struct {
	atomic_t count;
	spinlock_t siglock;
	struct k_sigaction action[_NSIG]; /* action[n-1] is signal n's */
};

/* signal_struct.flags */
#define SIGNAL_GROUP_EXIT 0x4 /* exit_group or a fatal signal: every thread is to exit */
#define SIGNAL_STOP_STOPPED 0x1 /* the group is stopped (SIGSTOP and friends) */
#define SIGNAL_STOP_CONTINUED 0x2 /* SIGCONT since the last wait(WCONTINUED) */
/* The parent is still to be told (SIGCHLD) that the group stopped or continued. */
#define SIGNAL_CLD_STOPPED 0x10
#define SIGNAL_CLD_CONTINUED 0x20
#define SIGNAL_CLD_MASK (SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED)

#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIMIT_LOCKS 10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE 13
#define RLIMIT_RTPRIO 14
#define RLIMIT_RTTIME 15
#define RLIM_NLIMITS 16
#define RLIM_INFINITY (~0UL)

struct rlimit {
	unsigned long rlim_cur, rlim_max;
};

struct signal_struct {
	atomic_t sigcnt; /* references: one per thread, plus holders (wait, /proc) */
	atomic_t live; /* threads that have not exited yet */
	int nr_threads; /* under siglock */
	struct list_head thread_head; /* the group's tasks, by task->thread_node */

	struct sigpending shared_pending; /* kill() to the group: any thread may take them */

	unsigned int flags; /* SIGNAL_*, under siglock */
	int group_exit_code; /* with SIGNAL_GROUP_EXIT: the status wait reports */
	int group_stop_count; /* threads still to stop for a group stop */
	/* execve in a threaded process: the task that waits for the others to go. */
	struct task_struct *group_exec_task;
	/* A core dump of the group is being written (fs/coredump.c); under siglock. */
	struct core_state *core_state;

	/* Process group and session ids, under family_lock (kernel/fork.c). */
	int pgrp;
	int session;
	/* The session's controlling terminal, referenced; under family_lock (drivers/tty). */
	struct tty_struct *tty;
	/* PR_SET_CHILD_SUBREAPER: orphaned descendants come here, not to init (family_lock). */
	bool is_child_subreaper;

	struct rlimit rlim[RLIM_NLIMITS]; /* under siglock for writers; readers take a copy */

	/* The dead children's and the dead threads' CPU time, for times() and getrusage(). */
	u64 utime, stime, cutime, cstime; /* ns */

	/*
	 * ITIMER_REAL (alarm, setitimer): SIGALRM to the group when real_timer fires, again
	 * every it_real_incr ns if that is not 0. Under siglock; the timer ends at group exit.
	 */
	struct timer_list real_timer;
	u64 it_real_incr;
	struct task_struct *it_real_task; /* the leader, whom the timer signals */
	/*
	 * ITIMER_VIRTUAL (cpu_it[0]: user time) and ITIMER_PROF (cpu_it[1]: user and system
	 * time) of all the threads, as Linux's: each clock counts the group's CPU time while
	 * a CPU itimer is armed (kernel/sched/cputime.c charges it, under a run queue's lock),
	 * expires is the clock's value at which the signal is due (0: disarmed), incr the
	 * reload. A due signal is only noted in itimer_fired (bit n for cpu_it[n]): sending
	 * takes siglock and run-queue locks, so it is sent once no run-queue lock is held
	 * (itimer_send_fired). All under itimer_lock, which nests inside rq->lock and takes
	 * nothing; cpu_itimers_armed is also read without it (a cheap look first).
	 */
	spinlock_t itimer_lock;
	struct cpu_itimer {
		u64 clock, expires, incr; /* ns */
	} cpu_it[2];
	unsigned int itimer_fired;
	/*
	 * clock_nanosleep on the group's CPU clock (kernel/time/posix-cpu-timers.c): sleepers
	 * wait on cpu_waiters, on cpu_it[]'s clocks, which count while one waits; the charge
	 * that passes a sleeper's deadline moves it to cpu_waiters_due (bit CPU_IT_WAITERS of
	 * itimer_fired), and itimer_send_fired wakes it. Both lists under itimer_lock.
	 */
	struct list_head cpu_waiters, cpu_waiters_due;
	bool cpu_itimers_armed;
	/* Stopped with this signal and not yet reported to wait(WUNTRACED); under siglock. */
	int stop_code_pending;

	/*
	 * getrusage's other counts (kernel/resource.c), as Linux keeps them: the dead threads'
	 * page faults, and the reaped children's (their own and their children's, added when
	 * wait reaps them); the largest RSS of this process's address spaces (set as each
	 * is left at exit or exec) and of any reaped child, in KiB. Under siglock.
	 */
	unsigned long min_flt, maj_flt, cmin_flt, cmaj_flt;
	unsigned long maxrss, cmaxrss;
};

/*
 * How many processes have a CPU itimer armed (kernel/signal.c): while none has, the context
 * switch and the charge of CPU time pay one load of it and a branch, nothing more.
 */
extern atomic_t cpu_itimer_groups;

static inline bool cpu_itimers_in_use(void)
{
	return unlikely(atomic_read(&cpu_itimer_groups));
}

/* A cheap look, without itimer_lock: does the group's CPU time need counting (and a tick)? */
static inline bool signal_cpu_itimers_armed(const struct signal_struct *sig)
{
	return cpu_itimers_in_use() && sig && READ_ONCE(sig->cpu_itimers_armed);
}

static inline bool signal_itimers_fired(const struct signal_struct *sig)
{
	return sig && READ_ONCE(sig->itimer_fired);
}

/* Linux's default limits, for a process that inherits none (init, kernel threads). */
void signal_struct_init_limits(struct signal_struct *sig);
/* Drops a reference; the last one frees the group's shared queue and the struct. */
void put_signal_struct(struct signal_struct *sig);

#endif /* _KERNEL_SCHED_SIGNAL_H */
