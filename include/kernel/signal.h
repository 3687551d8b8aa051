/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SIGNAL_H
#define _KERNEL_SIGNAL_H

/* Linux's signal numbers (x86-64). Delivery comes with the signals milestone. */
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

#endif /* _KERNEL_SIGNAL_H */
