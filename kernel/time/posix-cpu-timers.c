// SPDX-License-Identifier: GPL-2.0
/*
 * The CPU-time clocks of any process or thread, by Linux's encoding of their ids (negative:
 * (~pid << 3) | perthread << 2 | which, which being PROF 0 (user and system time), VIRT 1
 * (user time), SCHED 2 (run time, the same here as PROF since the run time is exact), pid 0
 * the caller), as clock_getcpuclockid and pthread_getcpuclockid make them: clock_gettime,
 * clock_getres and clock_nanosleep on them, and clock_nanosleep on CLOCK_PROCESS_CPUTIME_ID.
 *
 * A sleep on a process's clock waits on the group's CPU itimer clocks (kernel/signal.c's
 * cpu_clock_waiter): the charge that passes its deadline has it woken once no run-queue
 * lock is held, and the group keeps its tick meanwhile. The sleeper then reads the clock
 * itself, the answer that counts, and sleeps again if the deadline is not reached. Its wall
 * time asleep is also bounded by what the clock can grow in it (the time left spread over
 * every CPU), so a wake-up that never comes (the group's threads all blocked since the
 * last charge) costs a late wake-up, not a lost one.
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/smp.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <uapi/time.h>

#define CPUCLOCK_PROF 0
#define CPUCLOCK_VIRT 1
#define CPUCLOCK_SCHED 2
#define CPUCLOCK_MAX 3
#define CPUCLOCK_CLOCK_MASK 3
#define CPUCLOCK_PERTHREAD_MASK 4
#define TIMER_ABSTIME 1

static int cpuclock_pid(int clock)
{
	return ~(clock >> 3); /* an arithmetic shift: the id is negative */
}

static bool cpuclock_perthread(int clock)
{
	return clock & CPUCLOCK_PERTHREAD_MASK;
}

static int cpuclock_which(int clock)
{
	return clock & CPUCLOCK_CLOCK_MASK;
}

/*
 * The task whose clock an encoded id names, referenced, or NULL (EINVAL), as Linux's
 * pid_for_clock: a thread clock names a thread of the caller's own process; a process
 * clock names a group by its leader's pid (clock_gettime also takes the caller's own tid).
 */
static struct task_struct *cpu_clock_task(int clock, bool gettime)
{
	int pid = cpuclock_pid(clock);
	struct task_struct *p;

	if (cpuclock_which(clock) >= CPUCLOCK_MAX)
		return NULL;
	if (!pid) {
		p = cpuclock_perthread(clock) ? current : current->group_leader;
		get_task_struct(p);
		return p;
	}
	p = find_get_task_by_pid(pid);
	if (!p)
		return NULL;
	if (cpuclock_perthread(clock)) {
		if (p->signal == current->signal)
			return p;
	} else if (gettime && p == current) {
		put_task_struct(p);
		p = current->group_leader;
		get_task_struct(p);
		return p;
	} else if (p->pid == p->tgid && p->signal) {
		return p;
	}
	put_task_struct(p);
	return NULL;
}

/* The group's CPU time on clock which: the live threads' up to now, and the ended ones'. */
static u64 group_clock(struct task_struct *p, int which)
{
	struct signal_struct *sig = p->signal;
	struct task_struct *t;
	unsigned long flags;
	u64 u, s, sum;

	spin_lock_irqsave(&p->sighand->siglock, flags);
	sum = sig->utime + (which == CPUCLOCK_VIRT ? 0 : sig->stime);
	list_for_each_entry(t, &sig->thread_head, thread_node) {
		task_cputime(t, &u, &s);
		sum += u + (which == CPUCLOCK_VIRT ? 0 : s);
	}
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	return sum;
}

static u64 thread_clock(struct task_struct *t, int which)
{
	u64 u, s;

	task_cputime(t, &u, &s);
	return u + (which == CPUCLOCK_VIRT ? 0 : s);
}

int posix_cpu_clock_get(int clock, struct timespec64 *ts)
{
	struct task_struct *p = cpu_clock_task(clock, true);
	u64 ns;

	if (!p)
		return -EINVAL;
	if (cpuclock_perthread(clock))
		ns = thread_clock(p, cpuclock_which(clock));
	else
		ns = group_clock(p, cpuclock_which(clock));
	put_task_struct(p);
	*ts = ns_to_timespec64(ns);
	return 0;
}

/* Counted to the nanosecond, as CLOCK_PROCESS_CPUTIME_ID's (kernel/sys.c's clock_getres). */
int posix_cpu_clock_getres(int clock, struct timespec64 *ts)
{
	struct task_struct *p = cpu_clock_task(clock, false);

	if (!p)
		return -EINVAL;
	put_task_struct(p);
	*ts = (struct timespec64){ 0, 1 };
	return 0;
}

/*
 * Sleeps until p's group's clock which reads at least target. 0 when it does, else
 * -ERESTART_RESTARTBLOCK with *now the clock's last value (a signal came first).
 */
static int cpu_sleep_until(struct task_struct *p, int which, u64 target, u64 *now)
{
	struct cpu_clock_waiter w = { .clock = which == CPUCLOCK_VIRT ? 0 : 1 };
	unsigned int cpus = num_online_cpus();
	u64 left;

	for (;;) {
		*now = group_clock(p, which);
		if (*now >= target)
			return 0;
		if (signal_pending(current))
			return -ERESTART_RESTARTBLOCK;
		left = target - *now;
		cpu_clock_waiter_add(p, &w, left);
		set_current_state(TASK_INTERRUPTIBLE);
		if (READ_ONCE(w.state) == CPU_WAITER_LISTED && !signal_pending(current))
			schedule_timeout_once(left / cpus > TICK_NSEC ? left / cpus : TICK_NSEC);
		__set_current_state(TASK_RUNNING);
		cpu_clock_waiter_del(p, &w);
	}
}

static int put_left(struct timespec64 __user *rmtp, u64 target, u64 now)
{
	struct timespec64 left = ns_to_timespec64(target > now ? target - now : 0);

	return copy_to_user(rmtp, &left, sizeof(left)) ? -EFAULT : 0;
}

/*
 * An absolute sleep until the clock reads expires: the first one, and the continuation of
 * a relative one that a signal cut (restart_syscall), which reports the time left as the
 * first did, as Linux's posix_cpu_nsleep_restart.
 */
static long cpu_nsleep_abs(int clock, u64 expires, struct timespec64 __user *rmtp)
{
	struct task_struct *p = cpu_clock_task(clock, false);
	u64 now;
	long ret;

	if (!p)
		return -EINVAL;
	ret = cpu_sleep_until(p, cpuclock_which(clock), expires, &now);
	put_task_struct(p);
	if (!ret)
		return 0;
	if (rmtp && put_left(rmtp, expires, now))
		return -EFAULT;
	return ret;
}

static long cpu_nsleep_restart(struct restart_block *rb)
{
	long ret = cpu_nsleep_abs(rb->clockid, rb->expires, rb->rmtp);

	if (ret == -ERESTART_RESTARTBLOCK)
		current->restart_block.fn = cpu_nsleep_restart;
	return ret;
}

/*
 * clock_nanosleep on a CPU clock (CLOCK_PROCESS_CPUTIME_ID or an encoded id), the request
 * already read and checked. The caller's own thread clock is EINVAL, as Linux's; another
 * thread's is not slept on here (EOPNOTSUPP, a deviation). A signal ends an absolute sleep
 * with -ERESTARTNOHAND; a relative one reports the time left in rmtp and continues through
 * restart_syscall, on the absolute deadline, unless a handler ran (EINTR).
 */
long posix_cpu_nsleep(int clock, int flags, const struct timespec64 *rq,
		      struct timespec64 __user *rmtp)
{
	struct restart_block *rb = &current->restart_block;
	struct task_struct *p;
	u64 expires;
	long ret;

	if (clock == CLOCK_PROCESS_CPUTIME_ID)
		clock = (int)(~0U << 3) | CPUCLOCK_SCHED; /* pid 0: the caller's */
	if (cpuclock_perthread(clock)) {
		int pid = cpuclock_pid(clock);

		if (cpuclock_which(clock) >= CPUCLOCK_MAX)
			return -EINVAL;
		if (!pid || pid == current->pid)
			return -EINVAL;
		p = cpu_clock_task(clock, false);
		if (!p)
			return -EINVAL;
		put_task_struct(p);
		return -EOPNOTSUPP;
	}
	if (flags & TIMER_ABSTIME) {
		ret = cpu_nsleep_abs(clock, timespec64_to_ns(rq), NULL);
		return ret == -ERESTART_RESTARTBLOCK ? -ERESTARTNOHAND : ret;
	}
	p = cpu_clock_task(clock, false);
	if (!p)
		return -EINVAL;
	expires = group_clock(p, cpuclock_which(clock));
	/* Saturated at Linux's KTIME_MAX: a sleep of centuries does not wrap to none. */
	expires = (u64)timespec64_to_ns(rq) >= KTIME_MAX - expires ? KTIME_MAX
								   : expires + timespec64_to_ns(rq);
	put_task_struct(p);
	ret = cpu_nsleep_abs(clock, expires, rmtp);
	if (ret == -ERESTART_RESTARTBLOCK) {
		rb->fn = cpu_nsleep_restart;
		rb->expires = expires;
		rb->clockid = clock;
		rb->rmtp = rmtp;
	}
	return ret;
}
