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
};

/* Frees every queued siginfo of p and empties its set. */
void flush_sigqueue(struct sigpending *pending);

/*
 * From the signals helper's contract, used by mm (the OOM killer) and the write path
 * (RLIMIT_FSIZE); mm/oom_compat.c has weak stand-ins until kernel/signal.c defines them.
 */
struct task_struct;
int send_sig(int sig, struct task_struct *p, int priv);
bool fatal_signal_pending(struct task_struct *p);

#endif /* _KERNEL_SIGNAL_H */
