// SPDX-License-Identifier: GPL-2.0
/*
 * sysinfo(2): uptime, the load averages, memory and the number of tasks in Linux's struct
 * sysinfo, which busybox's free and uptime read. Sizes are given in bytes (mem_unit 1), as
 * Linux gives them on 64-bit machines, where they fit.
 */
#include <asm/page.h>
#include <asm/uaccess.h>
#include <kernel/fs.h>
#include <kernel/gfp.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>

#define SI_LOAD_SHIFT 16

struct sysinfo {
	long uptime; /* seconds since boot */
	unsigned long loads[3]; /* 1, 5 and 15 minute averages, << SI_LOAD_SHIFT */
	unsigned long totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	unsigned short procs;
	unsigned short pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};

long sys_sysinfo(struct sysinfo __user *info)
{
	struct sysinfo si;
	u64 up = ktime_get_ns();
	unsigned long tasks = nr_tasks();

	memset(&si, 0, sizeof(si));
	si.uptime = up / 1000000000ULL + (up % 1000000000ULL ? 1 : 0);
	get_avenrun(si.loads, 0, SI_LOAD_SHIFT - FSHIFT);
	si.totalram = totalram_pages() << PAGE_SHIFT;
	si.freeram = nr_free_pages() << PAGE_SHIFT;
	si.sharedram = nr_pagecache_pages() << PAGE_SHIFT; /* the cache is all tmpfs today */
	si.procs = tasks > 0xffff ? 0xffff : tasks;
	si.mem_unit = 1;
	return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
}
