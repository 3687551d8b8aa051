// SPDX-License-Identifier: GPL-2.0
/*
 * Resource limits and resource usage: prlimit64, getrlimit, setrlimit, getrusage, times and
 * sysinfo, with Linux's structures, rules and errno values.
 *
 * The limits are per process (signal_struct.rlim, changed under siglock; readers take a
 * snapshot with READ_ONCE, task_rlimit). Where they are enforced: RLIMIT_AS, RLIMIT_DATA,
 * RLIMIT_MEMLOCK and RLIMIT_STACK in mm/ (the stack's limit is copied into the address space
 * when exec makes it, and when the process sets its own), RLIMIT_NPROC in fork,
 * RLIMIT_FSIZE in the write path, RLIMIT_NOFILE in the file table; RLIMIT_CORE is kept for
 * when core dumps exist.
 */
#include <asm/uaccess.h>
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/mm.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>

/* ---- limits -------------------------------------------------------------------------- */

static bool is_root(const struct cred *cred)
{
	return !cred || cred->euid == 0;
}

/*
 * May the caller read or change p's limits? Its own, always; another process's if it runs
 * as the same user (real and effective ids, as Linux asks of all three), or as root
 * (CAP_SYS_RESOURCE).
 */
static int check_prlimit_permission(struct task_struct *p)
{
	const struct cred *cred = current_cred(), *tcred;
	int ret = 0;

	if (p->signal == current->signal || is_root(cred))
		return 0;
	tcred = get_task_cred(p);
	if (cred->uid != tcred->uid || cred->uid != tcred->euid || cred->gid != tcred->gid ||
	    cred->gid != tcred->egid)
		ret = -EPERM;
	put_cred(tcred);
	return ret;
}

/* Linux's do_prlimit: reads the old limit and sets the new one in one step under siglock. */
int do_prlimit(struct task_struct *p, unsigned int resource, const struct rlimit *new_rlim,
	       struct rlimit *old)
{
	struct rlimit *rlim;
	unsigned long flags;
	int ret = 0;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim) {
		if (new_rlim->rlim_cur > new_rlim->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new_rlim->rlim_max > NR_OPEN_MAX)
			return -EPERM;
	}
	if (!p->sighand)
		return -ESRCH;
	rlim = &p->signal->rlim[resource];
	spin_lock_irqsave(&p->sighand->siglock, flags);
	if (old)
		*old = *rlim;
	if (new_rlim) {
		/* Raising the hard limit takes CAP_SYS_RESOURCE: root. */
		if (new_rlim->rlim_max > rlim->rlim_max && !is_root(current_cred()))
			ret = -EPERM;
		else
			*rlim = *new_rlim;
	}
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	/*
	 * The stack's limit lives in the address space (mm/memory.c reads it at each growth):
	 * the caller's own changes reach it at once; another process's at its next exec.
	 */
	if (!ret && new_rlim && resource == RLIMIT_STACK && p->signal == current->signal &&
	    current->mm) {
		mmap_write_lock(current->mm);
		current->mm->stack_limit = min(new_rlim->rlim_cur, TASK_SIZE);
		mmap_write_unlock(current->mm);
	}
	return ret;
}

/* The process of pid (0: the caller), referenced; NULL if there is none. */
static struct task_struct *get_task_or_current(int pid)
{
	if (!pid) {
		get_task_struct(current);
		return current;
	}
	return pid > 0 ? find_get_task_by_pid(pid) : NULL;
}

long sys_prlimit64(int pid, unsigned int resource, const struct rlimit __user *new_rlim,
		   struct rlimit __user *old_rlim)
{
	struct rlimit new, old;
	struct task_struct *p;
	int ret;

	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	p = get_task_or_current(pid);
	if (!p)
		return -ESRCH;
	ret = check_prlimit_permission(p);
	if (!ret)
		ret = do_prlimit(p, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	put_task_struct(p);
	if (!ret && old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		ret = -EFAULT;
	return ret;
}

long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim)
{
	struct rlimit value;
	int ret = do_prlimit(current, resource, NULL, &value);

	if (!ret && copy_to_user(rlim, &value, sizeof(value)))
		ret = -EFAULT;
	return ret;
}

long sys_setrlimit(unsigned int resource, const struct rlimit __user *rlim)
{
	struct rlimit value;

	if (copy_from_user(&value, rlim, sizeof(value)))
		return -EFAULT;
	return do_prlimit(current, resource, &value, NULL);
}

/* ---- usage ------------------------------------------------------------------------- */

static void ns_to_timeval(u64 ns, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = ns / 1000000000ULL;
	tv->tv_usec = ns % 1000000000ULL / 1000;
}

static void setmax(unsigned long *max, unsigned long v)
{
	if (*max < v)
		*max = v;
}

void rusage_note_mm_exit(struct task_struct *tsk, struct mm_struct *mm)
{
	unsigned long flags, kb = get_mm_hiwater_rss(mm) << (PAGE_SHIFT - 10);

	if (!tsk->sighand)
		return;
	spin_lock_irqsave(&tsk->sighand->siglock, flags);
	setmax(&tsk->signal->maxrss, kb);
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
}

/*
 * Linux's getrusage(p, who): RUSAGE_SELF sums the live threads and the dead ones,
 * RUSAGE_CHILDREN the reaped children, RUSAGE_BOTH both (wait4's), RUSAGE_THREAD p alone.
 * Block I/O, IPC, swap and context-switch counts are not kept here: they stay 0.
 */
void getrusage_task(struct task_struct *p, int who, struct rusage *r)
{
	struct signal_struct *sig = p->signal;
	u64 utime = 0, stime = 0;
	unsigned long flags, maxrss = 0;
	struct mm_struct *mm;
	struct task_struct *t;

	memset(r, 0, sizeof(*r));
	if (who == RUSAGE_THREAD) {
		task_cputime(p, &utime, &stime); /* the running task's time up to now */
		r->ru_minflt = p->min_flt;
		r->ru_majflt = p->maj_flt;
		goto out_mm;
	}
	spin_lock_irqsave(&p->sighand->siglock, flags);
	if (who == RUSAGE_CHILDREN || who == RUSAGE_BOTH) {
		utime += sig->cutime;
		stime += sig->cstime;
		r->ru_minflt += sig->cmin_flt;
		r->ru_majflt += sig->cmaj_flt;
		maxrss = sig->cmaxrss;
	}
	if (who == RUSAGE_SELF || who == RUSAGE_BOTH) {
		utime += sig->utime;
		stime += sig->stime;
		r->ru_minflt += sig->min_flt;
		r->ru_majflt += sig->maj_flt;
		list_for_each_entry(t, &sig->thread_head, thread_node) {
			u64 tu, ts;

			task_cputime(t, &tu, &ts);
			utime += tu;
			stime += ts;
			r->ru_minflt += READ_ONCE(t->min_flt);
			r->ru_majflt += READ_ONCE(t->maj_flt);
		}
		setmax(&maxrss, sig->maxrss);
	}
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	if (who == RUSAGE_CHILDREN)
		goto out;
out_mm:
	/* Only the caller's own address space is read: another task's may go away meanwhile. */
	mm = p == current ? current->mm : NULL;
	if (mm)
		setmax(&maxrss, get_mm_hiwater_rss(mm) << (PAGE_SHIFT - 10));
	if (who == RUSAGE_THREAD)
		setmax(&maxrss, sig->maxrss);
out:
	ns_to_timeval(utime, &r->ru_utime);
	ns_to_timeval(stime, &r->ru_stime);
	r->ru_maxrss = maxrss;
}

void rusage_account_reaped(struct task_struct *child)
{
	struct signal_struct *csig = child->signal, *psig = current->signal;
	u64 utime = csig->utime + csig->cutime, stime = csig->stime + csig->cstime;
	unsigned long minflt = csig->min_flt + csig->cmin_flt,
		      majflt = csig->maj_flt + csig->cmaj_flt;
	unsigned long flags, maxrss = max(csig->maxrss, csig->cmaxrss);
	struct task_struct *t;

	/* The child is a zombie: its threads are done, their counts settled. */
	list_for_each_entry(t, &csig->thread_head, thread_node) {
		utime += t->utime;
		stime += t->stime;
		minflt += t->min_flt;
		majflt += t->maj_flt;
	}
	spin_lock_irqsave(&current->sighand->siglock, flags);
	psig->cutime += utime;
	psig->cstime += stime;
	psig->cmin_flt += minflt;
	psig->cmaj_flt += majflt;
	setmax(&psig->cmaxrss, maxrss);
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
}

long sys_getrusage(int who, struct rusage __user *ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	getrusage_task(current, who, &r);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

/* clock_t for times(): USER_HZ ticks, as Linux reports them whatever its own HZ. */
#define USER_HZ 100
#define NSEC_PER_USER_TICK (1000000000ULL / USER_HZ)

struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

long sys_times(struct tms __user *tbuf)
{
	if (tbuf) {
		struct rusage self, children;
		struct tms t;

		getrusage_task(current, RUSAGE_SELF, &self);
		getrusage_task(current, RUSAGE_CHILDREN, &children);
#define TV_TICKS(tv) ((tv).tv_sec * USER_HZ + (tv).tv_usec / (1000000 / USER_HZ))
		t.tms_utime = TV_TICKS(self.ru_utime);
		t.tms_stime = TV_TICKS(self.ru_stime);
		t.tms_cutime = TV_TICKS(children.ru_utime);
		t.tms_cstime = TV_TICKS(children.ru_stime);
#undef TV_TICKS
		if (copy_to_user(tbuf, &t, sizeof(t)))
			return -EFAULT;
	}
	/* Ticks since boot (Linux starts its count 5 minutes before 0; POSIX leaves it open). */
	return ktime_get_ns() / NSEC_PER_USER_TICK;
}

/* ---- sysinfo ----------------------------------------------------------------------- */

struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	u16 procs, pad;
	unsigned long totalhigh, freehigh;
	u32 mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};
_Static_assert(sizeof(struct sysinfo) == 112, "struct sysinfo is 112 bytes on x86-64");

#define SI_LOAD_SHIFT 16

long sys_sysinfo(struct sysinfo __user *info)
{
	struct sysinfo si;
	u64 up = ktime_get_ns();

	memset(&si, 0, sizeof(si));
	/* Whole seconds, rounded up, as Linux counts them. */
	si.uptime = up / 1000000000ULL + (up % 1000000000ULL ? 1 : 0);
	get_avenrun(si.loads, 0, SI_LOAD_SHIFT - 11); /* FSHIFT is 11 */
	si.procs = min(nr_tasks(), 65535UL);
	/* Bytes (mem_unit 1), as Linux gives them on 64-bit machines. */
	si.totalram = totalram_pages() << PAGE_SHIFT;
	si.freeram = nr_free_pages() << PAGE_SHIFT;
	/* Every cached page belongs to tmpfs or shared memory here: Linux's Shmem. */
	si.sharedram = nr_pagecache_pages() << PAGE_SHIFT;
	si.bufferram = 0; /* no block-device buffer cache */
	si.totalswap = si.freeswap = 0; /* no swap */
	si.mem_unit = 1;
	return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
}
