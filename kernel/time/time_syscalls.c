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
#include <uapi/time.h>

long sys_time(long __user *tloc)
{
	long t = ktime_get_real_seconds();

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
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
