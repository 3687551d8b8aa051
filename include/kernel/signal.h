/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SIGNAL_H
#define _KERNEL_SIGNAL_H

/* Linux's signal numbers (x86-64). */
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17
#define SIGSTOP 19
#define SIGCONT 18
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPWR 30
#define SIGSYS 31
#define SIGRTMIN 32

#include <kernel/list.h>
#include <kernel/sched/signal.h>
#include <kernel/types.h>

/*
 * siginfo_t as Linux lays it out on x86-64: 128 bytes, signo/errno/code first, then a
 * union whose member depends on how the signal came (the fields a sender fills).
 */
struct kernel_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	int __pad0;
	union {
		char __pad[128 - 16];
		struct { /* kill, tkill, sigqueue */
			int pid;
			u32 uid;
			u64 value; /* sigval, for SI_QUEUE and timers */
		} kill;
		struct { /* SIGCHLD */
			int pid;
			u32 uid;
			int status;
			int __pad;
			long utime, stime;
		} sigchld;
		struct { /* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			void __user *addr;
		} sigfault;
		struct { /* POSIX timers */
			int tid;
			int overrun;
			u64 value;
		} timer;
	};
};
_Static_assert(sizeof(struct kernel_siginfo) == 128, "siginfo_t is 128 bytes");

/* One queued signal (a standard signal is queued once; real-time ones each time). */
struct sigqueue {
	struct list_head list;
	struct kernel_siginfo info;
	void *user; /* the receiver's RLIMIT_SIGPENDING count it is charged to (kernel/signal.c) */
};

/* Frees every queued siginfo of p and empties its set. */
void flush_sigqueue(struct sigpending *pending);

#define SIGRTMAX _NSIG

/* si_code values, as Linux's (uapi/asm-generic/siginfo.h). */
#define SI_USER 0
#define SI_KERNEL 0x80
#define SI_QUEUE -1
#define SI_TIMER -2
#define SI_MESGQ -3
#define SI_ASYNCIO -4
#define SI_SIGIO -5
#define SI_TKILL -6
#define ILL_ILLOPN 2
#define FPE_INTDIV 1
#define FPE_INTOVF 2
#define FPE_FLTDIV 3
#define FPE_FLTOVF 4
#define FPE_FLTUND 5
#define FPE_FLTRES 6
#define FPE_FLTINV 7
#define FPE_FLTSUB 8
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define BUS_ADRALN 1
#define BUS_ADRERR 2
#define TRAP_BRKPT 1
#define TRAP_TRACE 2
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6

/* sa_flags, as Linux's x86-64 values. */
#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO 0x00000004
#define SA_RESTORER 0x04000000
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* sigaltstack */
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define SS_AUTODISARM (1U << 31)
#define SS_FLAG_BITS SS_AUTODISARM
#define MINSIGSTKSZ 2048

/* stack_t as Linux lays it out on x86-64. */
typedef struct sigaltstack {
	void __user *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

/* task->jobctl */
#define JOBCTL_STOP_PENDING 0x1 /* this thread has yet to take part in the group stop */

/* What get_signal hands the arch code: a signal to run a handler for. */
struct ksignal {
	struct k_sigaction ka;
	struct kernel_siginfo info;
	int sig;
};

/* A kernel-made siginfo for the senders below (si_code SI_KERNEL, no sender). */
#define SEND_SIG_NOINFO ((struct kernel_siginfo *)0)
#define SEND_SIG_PRIV ((struct kernel_siginfo *)1)

struct task_struct;

/*
 * The contract other parts of the kernel use (see docs/process.md, Signals). Senders return
 * 0 or -errno (-EAGAIN: the real-time queue is at RLIMIT_SIGPENDING); a signal the target
 * ignores is discarded at once, as on Linux.
 */
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
int group_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
int send_sig(int sig, struct task_struct *p, int priv);
/* sig to every process of group pgrp (priv: from the kernel, SI_KERNEL); as Linux's. */
int kill_pgrp(int pgrp, int sig, int priv);
void force_sig(int sig);
int force_sig_fault(int sig, int code, void __user *addr);
/* Caller holds p->sighand->siglock. fatal also wakes a stopped task. */
void signal_wake_up(struct task_struct *t, bool fatal);
/* Caller holds p->sighand->siglock and has set SIGNAL_GROUP_EXIT or group_exec_task. */
void zap_other_threads(struct task_struct *p);
/*
 * SIGCHLD (or exit_signal) to tsk->real_parent at exit, with family_lock held (exit.c);
 * true if the parent does not want the zombie (SIG_IGN or SA_NOCLDWAIT): reap it at once.
 */
bool do_notify_parent(struct task_struct *tsk, int sig);
bool fatal_signal_pending(struct task_struct *p);
/* Would sig kill t (no handler)? The fault paths log only such faults, as Linux does. */
bool unhandled_signal(struct task_struct *t, int sig);

/* Delivery (the arch's do_signal): the next signal with a handler, after default actions. */
bool get_signal(struct ksignal *ksig);
/* After a handler frame is set up: the mask the handler runs with. */
void signal_setup_done(bool failed, struct ksignal *ksig, bool stepping);
void set_current_blocked(sigset_t *newset);
/* The same for tsk (current, or a task that does not run: the tests'). */
void set_task_blocked(struct task_struct *tsk, sigset_t *newset);
/* No handler was run: the mask rt_sigsuspend saved goes back. */
void restore_saved_sigmask(void);
/* The mask a signal frame records: saved_sigmask when the call that changed it is done. */
sigset_t *sigmask_to_save(void);
bool on_sig_stack(unsigned long sp);
/* Is sp inside the alternate stack, whatever SS_AUTODISARM says (overflow checks)? */
bool __on_sig_stack(unsigned long sp);
int sas_ss_flags(unsigned long sp);
int restore_altstack(const stack_t __user *uss);
int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp);
/* Recomputes TIF_SIGPENDING for t; caller holds siglock. */
void recalc_sigpending(struct task_struct *t);
/* fork: nothing pending in the child. exec: handlers back to SIG_DFL but ignored ones. */
void flush_signal_handlers(struct task_struct *t, bool force_default);
/* signalfd: is one of wanted pending for the caller; take it (0: none). */
bool signalfd_pending(const sigset_t *wanted);
int signalfd_dequeue(const sigset_t *wanted, struct kernel_siginfo *info);
/* Group exit: the interval timer goes with the process. */
void exit_itimers(struct signal_struct *sig);
/*
 * ITIMER_VIRTUAL and ITIMER_PROF: p's group ran delta ns more (in user mode if user), charged
 * by kernel/sched/cputime.c under p's rq->lock; a timer that expires is noted, not sent.
 * itimer_send_fired sends what p's group has due, with no run-queue lock held (the tick,
 * the way back to user mode).
 */
void itimer_charge(struct task_struct *p, u64 delta, bool user);
void itimer_send_fired(struct task_struct *p);
/*
 * A sleeper on a process's CPU clock (clock_nanosleep), on its own stack: woken once the
 * group's cpu_it[clock] clock (0: user time, 1: all) has grown by left from the add. The
 * waiter is never left listed: cpu_clock_waiter_del takes it off (or waits for its wake).
 */
#define CPU_IT_WAITERS 2 /* itimer_fired's bit for sleepers due */
enum {
	CPU_WAITER_LISTED,
	CPU_WAITER_WAKING,
	CPU_WAITER_DONE
};
struct cpu_clock_waiter {
	struct list_head node; /* in signal->cpu_waiters or cpu_waiters_due, under itimer_lock */
	struct task_struct *task;
	u64 expires;
	int clock;
	int state; /* CPU_WAITER_*: changed under itimer_lock, DONE also by the waker after */
};
void cpu_clock_waiter_add(struct task_struct *p, struct cpu_clock_waiter *w, u64 left);
void cpu_clock_waiter_del(struct task_struct *p, struct cpu_clock_waiter *w);
/* cpu_it[i] (0: ITIMER_VIRTUAL, 1: ITIMER_PROF) due after value ns more (0: off), then incr. */
void cpu_itimer_arm(struct signal_struct *sig, int i, u64 value, u64 incr);

/*
 * The start of a thread's exit: it takes no more process-wide signals, those it would have
 * taken go to another thread (Linux's exit_signals), and it does its part of a group stop.
 */
void exit_signals(struct task_struct *tsk);

#endif /* _KERNEL_SIGNAL_H */
