/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_COREDUMP_H
#define _KERNEL_COREDUMP_H

#include <kernel/types.h>

struct task_struct;
struct kernel_siginfo;
struct proc_buf;

/* A thread parked at its exit while another thread of its group writes the core. */
struct core_thread {
	struct task_struct *task; /* NULL once the dump is over: the thread may go on */
	struct core_thread *next;
};

/*
 * A core dump under way (fs/coredump.c), on the dumping thread's stack, named by
 * signal->core_state; the fields are under the group's siglock.
 */
struct core_state {
	struct task_struct *dumper;
	int nr_threads; /* threads still to park */
	struct core_thread *dumper_thread_list; /* those parked */
};

/*
 * get_signal, for a signal whose default action is core, with the siglock held and the
 * group exit already decided: true if a core is to be attempted (dumpable, RLIMIT_CORE of a
 * page at least), core then being installed as signal->core_state.
 */
bool coredump_prepare_locked(struct task_struct *tsk, struct core_state *core);
/* Then, with the lock let go: wait for the other threads, write, add 0x80 if written. */
void do_coredump(struct core_state *core, const struct kernel_siginfo *info);
/* Every thread's exit (do_thread_exit), first: parks while a core of its group is written. */
void coredump_task_exit(struct task_struct *tsk);

/* kernel/sys.c: the host name (%h), into 65 bytes. */
void uts_get_nodename(char *buf);

/* /proc/sys/kernel/core_pattern and core_uses_pid */
int proc_core_pattern_show(struct proc_buf *b, struct task_struct *task);
long proc_core_pattern_write(struct task_struct *task, const char *buf, size_t len);
int proc_core_uses_pid_show(struct proc_buf *b, struct task_struct *task);
long proc_core_uses_pid_write(struct task_struct *task, const char *buf, size_t len);

#endif /* _KERNEL_COREDUMP_H */
