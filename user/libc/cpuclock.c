// SPDX-License-Identifier: GPL-2.0
/*
 * The CPU-time clock ids of a process and of a thread, in Linux's encoding (the kernel's
 * posix-cpu-timers): (~pid << 3) | perthread << 2 | 2 (the run-time clock, CPUCLOCK_SCHED).
 * A process that does not exist is ESRCH: the kernel answers EINVAL for its clock, which
 * clock_getres asks it, as glibc and musl ask.
 */
#include "libc.h"
#include <errno.h>
#include <pthread.h>
#include <time.h>

#define CPUCLOCK_SCHED 2
#define CPUCLOCK_PERTHREAD_MASK 4

static clockid_t make_cpuclock(int pid, int flags)
{
	return (clockid_t)((~(unsigned int)pid << 3) | flags);
}

int clock_getcpuclockid(pid_t pid, clockid_t *clk)
{
	clockid_t id = make_cpuclock(pid, CPUCLOCK_SCHED);
	struct timespec ts;
	long r = __sys(SYS_clock_getres, id, &ts);

	if (r == -EINVAL)
		return ESRCH;
	if (r)
		return (int)-r;
	*clk = id;
	return 0;
}

int pthread_getcpuclockid(pthread_t t, clockid_t *clk)
{
	/* A thread that has not run yet has no tid of its own in its TCB: clone's copy then. */
	int tid = t->tid ? t->tid : t->ctid;

	*clk = make_cpuclock(tid, CPUCLOCK_SCHED | CPUCLOCK_PERTHREAD_MASK);
	return 0;
}
