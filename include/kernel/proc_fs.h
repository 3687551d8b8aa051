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
	int fd; /* for /proc/PID/fdinfo/N: N */
};

__printf(2, 3) int proc_printf(struct proc_buf *b, const char *fmt, ...);
int proc_write_bytes(struct proc_buf *b, const void *data, size_t len);

/* The generators (fs/proc/show.c); task is NULL for the files that are not per task. */
int proc_meminfo_show(struct proc_buf *b, struct task_struct *task);
int proc_uptime_show(struct proc_buf *b, struct task_struct *task);
int proc_mounts_show(struct proc_buf *b, struct task_struct *task);
int proc_mountinfo_show(struct proc_buf *b, struct task_struct *task);
int proc_interrupts_show(struct proc_buf *b, struct task_struct *task);
int proc_cpuinfo_show(struct proc_buf *b, struct task_struct *task);
int proc_version_show(struct proc_buf *b, struct task_struct *task);
int proc_slabinfo_show(struct proc_buf *b, struct task_struct *task); /* fs/proc/slabinfo.c */
/* /proc/sys/vm/drop_caches (fs/proc/sysctl.c) */
int proc_drop_caches_show(struct proc_buf *b, struct task_struct *task);
long proc_drop_caches_write(struct task_struct *task, const char *buf, size_t len);
int proc_pid_stat_show(struct proc_buf *b, struct task_struct *task);
int proc_loadavg_show(struct proc_buf *b, struct task_struct *task);
int proc_stat_show(struct proc_buf *b, struct task_struct *task);

/*
 * Per task (fs/proc/base.c). The files of /proc/PID describe the process (the thread group
 * of PID's leader); those of /proc/PID/task/TID the thread: proc_tid_* for the differences.
 */
int proc_tgid_stat_show(struct proc_buf *b, struct task_struct *task);
int proc_tid_stat_show(struct proc_buf *b, struct task_struct *task);
int proc_pid_status_show(struct proc_buf *b, struct task_struct *task);
int proc_pid_statm_show(struct proc_buf *b, struct task_struct *task);
int proc_pid_cmdline_show(struct proc_buf *b, struct task_struct *task);
int proc_pid_environ_show(struct proc_buf *b, struct task_struct *task);
int proc_pid_maps_show(struct proc_buf *b, struct task_struct *task);
int proc_pid_comm_show(struct proc_buf *b, struct task_struct *task);
int proc_pid_strace_show(struct proc_buf *b, struct task_struct *task);
int proc_pid_fdinfo_show(struct proc_buf *b, struct task_struct *task);
long proc_pid_comm_write(struct task_struct *task, const char *buf, size_t len);
long proc_pid_strace_write(struct task_struct *task, const char *buf, size_t len);
/* Symlink targets, written into buf (PATH_MAX bytes): 0 or -errno. */
int proc_exe_link(struct task_struct *task, int fd, char *buf);
int proc_cwd_link(struct task_struct *task, int fd, char *buf);
int proc_root_link(struct task_struct *task, int fd, char *buf);
int proc_fd_link(struct task_struct *task, int fd, char *buf);
/* The open descriptors of task after fd, in order: the next one, or -1. */
int proc_next_fd(struct task_struct *task, int fd);
/* The thread ids of task's group above tid, in order: the next one, or -1. */
int proc_next_tid(struct task_struct *task, int tid);

void proc_root_init(void);

#endif /* _KERNEL_PROC_FS_H */
