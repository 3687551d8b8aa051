/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_PROC_FS_H
#define _KERNEL_PROC_FS_H

#include <kernel/compiler.h>
#include <kernel/types.h>

struct task_struct;

/* A file's contents, made at open: grown as needed, up to 1 MiB. */
struct proc_buf {
	char *data;
	size_t len, size;
	bool overflow;
};

__printf(2, 3) int proc_printf(struct proc_buf *b, const char *fmt, ...);

/* The generators (fs/proc/show.c); task is NULL for the files that are not per task. */
int proc_meminfo_show(struct proc_buf *b, struct task_struct *task);
int proc_uptime_show(struct proc_buf *b, struct task_struct *task);
int proc_mounts_show(struct proc_buf *b, struct task_struct *task);
int proc_interrupts_show(struct proc_buf *b, struct task_struct *task);
int proc_cpuinfo_show(struct proc_buf *b, struct task_struct *task);
int proc_version_show(struct proc_buf *b, struct task_struct *task);
int proc_slabinfo_show(struct proc_buf *b, struct task_struct *task); /* fs/proc/slabinfo.c */
int proc_pid_stat_show(struct proc_buf *b, struct task_struct *task);
int proc_pid_status_show(struct proc_buf *b, struct task_struct *task);
int proc_pid_cmdline_show(struct proc_buf *b, struct task_struct *task);
int proc_pid_maps_show(struct proc_buf *b, struct task_struct *task);

void proc_root_init(void);

#endif /* _KERNEL_PROC_FS_H */
