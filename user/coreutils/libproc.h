/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What ps, top, free and uptime read from /proc, in Linux's formats (proc(5)), so that they
 * run on the host's kernel as on ours: a process's stat, status and cmdline, the list of
 * processes, /proc/meminfo, and the uptime line that uptime and top both print.
 */
#ifndef _LIBPROC_H
#define _LIBPROC_H

#include <stddef.h>
#include <sys/types.h>

struct cu_proc {
	int pid, ppid, pgrp, session, tpgid, nlwp, processor;
	unsigned int tty_nr; /* new_encode_dev()'s encoding; 0: none */
	char state;
	char comm[64];
	unsigned long long utime, stime; /* clock ticks */
	unsigned long long start; /* clock ticks after boot */
	long priority, nice;
	unsigned long long vsize; /* bytes */
	long long rss; /* pages */
	unsigned long flags;
	uid_t euid;
	unsigned long vm_lck; /* kB of locked pages (status's VmLck) */
	char *args; /* argv joined by spaces (malloc'd), NULL for a kernel thread or a zombie */
};

/* Reads /proc/PID: 0, or -1 if it is gone (or unreadable). with_args reads its cmdline. */
int cu_proc_read(int pid, struct cu_proc *p, int with_args);
void cu_proc_free(struct cu_proc *p);
/* The numeric entries of /proc in ascending order (malloc'd); their count, or -1. */
int cu_proc_pids(int **pids);
/* A terminal's name from tty_nr as ps prints it: "ttyS0", "pts/3", "tty1"; "?" for none. */
void cu_tty_name(unsigned int tty_nr, char *buf, size_t len);

/* /proc/meminfo's fields, in kB; avail is estimated as procps does when the kernel lacks it. */
struct cu_meminfo {
	unsigned long long total, free, avail, buffers, cached, shared, sreclaimable;
	unsigned long long swap_total, swap_free;
	/* procps-ng's derived values: buff/cache and used (total - available) */
	unsigned long long buff_cache, used;
};
int cu_meminfo(struct cu_meminfo *m);

/* /proc/uptime's first figure in seconds; -1 on failure. */
double cu_uptime(void);
/*
 * procps's uptime line, without the newline: " 13:45:01 up 1 min,  0 users,  load average:
 * 0.00, 0.00, 0.00". 'prefix' replaces the leading space (top puts "top - " there).
 */
int cu_uptime_line(char *buf, size_t len, const char *prefix);
/* "up 1 hour, 5 minutes" as uptime -p gives it. */
int cu_uptime_pretty(char *buf, size_t len);

#endif
