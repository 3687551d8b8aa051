/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_RESOURCE_H
#define _KERNEL_RESOURCE_H

/*
 * Resource limits and usage (kernel/resource.c): the limits live in signal_struct.rlim
 * (one set per process); these read them as Linux's rlimit() and task_rlimit() do.
 */
#include <kernel/sched.h>
#include <kernel/types.h>

/* The soft limit of p's process (RLIM_INFINITY, ~0, when unlimited). */
static inline unsigned long task_rlimit(const struct task_struct *p, unsigned int limit)
{
	return READ_ONCE(p->signal->rlim[limit].rlim_cur);
}

static inline unsigned long task_rlimit_max(const struct task_struct *p, unsigned int limit)
{
	return READ_ONCE(p->signal->rlim[limit].rlim_max);
}

/* The caller's: a task without a thread group yet (early boot) is unlimited. */
static inline unsigned long rlimit(unsigned int limit)
{
	return current->signal ? task_rlimit(current, limit) : RLIM_INFINITY;
}

/* Linux's fs.nr_open: RLIMIT_NOFILE's hard limit may not go above it. */
#define NR_OPEN_MAX 1048576

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_BOTH (-2) /* wait4's: the child and its reaped children */
#define RUSAGE_THREAD 1

struct __kernel_old_timeval {
	long tv_sec, tv_usec;
};

/* Linux's struct rusage (x86-64, 144 bytes): times, then 14 counters (maxrss in KiB). */
struct rusage {
	struct __kernel_old_timeval ru_utime, ru_stime;
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
	long ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

struct mm_struct;

/* Reads old (if not NULL) and sets new (if not NULL) limits of p's process, as Linux. */
int do_prlimit(struct task_struct *p, unsigned int resource, const struct rlimit *new_rlim,
	       struct rlimit *old);
/* p's usage as getrusage(2) reports it (who: RUSAGE_*). */
void getrusage_task(struct task_struct *p, int who, struct rusage *r);
/*
 * The accounting hooks of exit and wait: tsk leaves mm (exit, exec): its peak RSS is kept
 * for ru_maxrss; the caller reaps child (a zombie): its usage goes to RUSAGE_CHILDREN.
 */
void rusage_note_mm_exit(struct task_struct *tsk, struct mm_struct *mm);
void rusage_account_reaped(struct task_struct *child);

/* The load averages, fixed point (Linux's get_avenrun; the scheduler's accounting). */
void get_avenrun(unsigned long *loads, unsigned long offset, int shift);

/* Tasks whose real uid is uid (RLIMIT_NPROC's count, kernel/fork.c). */
int nr_tasks_of_uid(u32 uid);

#endif /* _KERNEL_RESOURCE_H */
