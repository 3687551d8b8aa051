// SPDX-License-Identifier: GPL-2.0
/*
 * getpriority(2) and setpriority(2): nice values of a thread, a process group or a user's
 * threads, with Linux's rules. The raw getpriority returns 20 - nice (1..40) so that no
 * answer looks like an error; the C library turns it back. Lowering a nice value needs
 * RLIMIT_NICE to allow it (20 - nice <= the limit) or root (CAP_SYS_NICE): EACCES without;
 * touching another user's threads needs root: EPERM.
 */
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/sched/signal.h>
#include <kernel/syscalls.h>

#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define PRIO_USER 2

static int nice_to_rlimit(int nice)
{
	return MAX_NICE - nice + 1;
}

/* CAP_SYS_NICE: root's, as long as there are no capabilities. */
static bool capable_sys_nice(void)
{
	return current_cred()->euid == 0;
}

static bool can_nice(struct task_struct *p, int nice)
{
	/* Kernel threads have no limits of their own: only root may raise them. */
	if (p->signal && (unsigned long)nice_to_rlimit(nice) <= task_rlimit(p, RLIMIT_NICE))
		return true;
	return capable_sys_nice();
}

/* Linux's set_one_prio_perm: the caller's euid is the target's uid or euid, or root. */
static bool set_one_prio_perm(struct task_struct *p)
{
	const struct cred *cred = current_cred(), *pcred;
	bool ok;

	if (capable_sys_nice() || p == current)
		return true;
	pcred = get_task_cred(p);
	ok = cred->euid == pcred->euid || cred->euid == pcred->uid;
	put_cred(pcred);
	return ok;
}

/* One thread; error is the answer so far (-ESRCH until a thread was found). */
static int set_one_prio(struct task_struct *p, int niceval, int error)
{
	if (!set_one_prio_perm(p))
		return -EPERM;
	if (niceval < READ_ONCE(p->nice) && !can_nice(p, niceval))
		return -EACCES;
	if (error == -ESRCH)
		error = 0;
	set_user_nice(p, niceval);
	return error;
}

/* A thread of the group or user that which/who names? (Kernel threads are root's.) */
static bool prio_match(struct task_struct *p, int which, int who)
{
	const struct cred *pcred;
	bool ok;

	if (which == PRIO_PGRP)
		return p->signal && p->signal->pgrp == who;
	pcred = get_task_cred(p);
	ok = pcred->uid == (uid_t)who;
	put_cred(pcred);
	return ok;
}

/* The caller's own group or uid when who is 0; -ESRCH for a who that cannot match. */
static int prio_who(int which, int who)
{
	if (who)
		return who;
	if (which == PRIO_PGRP)
		return current->signal->pgrp;
	return (int)current_cred()->uid;
}

long sys_setpriority(int which, int who, int niceval)
{
	struct task_struct *p;
	int error = -ESRCH, pid = 0;

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;
	niceval = min(max(niceval, MIN_NICE), MAX_NICE);

	if (which == PRIO_PROCESS) {
		p = who ? find_get_task_by_pid(who) : (get_task_struct(current), current);
		if (!p)
			return -ESRCH;
		error = set_one_prio(p, niceval, error);
		put_task_struct(p);
		return error;
	}
	who = prio_who(which, who);
	while ((pid = next_task_pid(pid)) > 0) {
		p = find_get_task_by_pid(pid);
		if (!p)
			continue;
		if (prio_match(p, which, who))
			error = set_one_prio(p, niceval, error);
		put_task_struct(p);
	}
	return error;
}

/* The highest priority (lowest nice) among the matches, as 20 - nice; -ESRCH if none. */
long sys_getpriority(int which, int who)
{
	struct task_struct *p;
	long retval = -ESRCH;
	int pid = 0;

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;

	if (which == PRIO_PROCESS) {
		p = who ? find_get_task_by_pid(who) : (get_task_struct(current), current);
		if (!p)
			return -ESRCH;
		retval = nice_to_rlimit(READ_ONCE(p->nice));
		put_task_struct(p);
		return retval;
	}
	who = prio_who(which, who);
	while ((pid = next_task_pid(pid)) > 0) {
		p = find_get_task_by_pid(pid);
		if (!p)
			continue;
		if (prio_match(p, which, who))
			retval = max(retval, (long)nice_to_rlimit(READ_ONCE(p->nice)));
		put_task_struct(p);
	}
	return retval;
}
