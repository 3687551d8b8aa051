// SPDX-License-Identifier: GPL-2.0
/*
 * The time calls the vDSO also serves (time, clock_getres, getcpu): the vDSO falls back on
 * them for what it cannot answer, and they must agree with it (clock_gettime and
 * gettimeofday are in kernel/sys.c).
 */
#include <asm/percpu.h>
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7

long sys_time(long __user *tloc)
{
	long t = ktime_get_real_seconds();

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

/* Every clock clock_gettime serves reads the TSC to the nanosecond. */
long sys_clock_getres(int which_clock, struct timespec64 __user *tp)
{
	struct timespec64 res = { 0, 1 };

	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		break;
	default:
		return -EINVAL;
	}
	if (tp && copy_to_user(tp, &res, sizeof(res)))
		return -EFAULT;
	return 0;
}

/* One NUMA node; the CPU is the one this call ran on (it may have moved by the return). */
long sys_getcpu(unsigned int __user *cpu, unsigned int __user *node, void __user *unused)
{
	unsigned int c = smp_processor_id();

	if (cpu && put_user(c, cpu))
		return -EFAULT;
	if (node && put_user(0U, node))
		return -EFAULT;
	return 0;
}
