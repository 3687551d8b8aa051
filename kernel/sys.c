// SPDX-License-Identifier: GPL-2.0
/*
 * Small system calls about the calling process and the system: ids, uname, the clock,
 * random bytes, sleeping.
 */
#include <asm/syscall.h>
#include <asm/uaccess.h>
#include <kernel/coredump.h>
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/main.h>
#include <kernel/printk.h>
#include <kernel/random.h>
#include <kernel/reboot.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <uapi/time.h>

/* A process is a thread group: its id is the leader's pid; each thread has its own tid. */
long sys_getpid(void)
{
	return current->tgid;
}

long sys_gettid(void)
{
	return current->pid;
}

static const struct cred *cred_or_root(void)
{
	return current_cred();
}

long sys_getuid(void)
{
	const struct cred *c = cred_or_root();

	return c ? c->uid : 0;
}

long sys_geteuid(void)
{
	const struct cred *c = cred_or_root();

	return c ? c->euid : 0;
}

long sys_getgid(void)
{
	const struct cred *c = cred_or_root();

	return c ? c->gid : 0;
}

long sys_getegid(void)
{
	const struct cred *c = cred_or_root();

	return c ? c->egid : 0;
}

#define __NEW_UTS_LEN 64

/* Linux's struct new_utsname: six fields of 65 bytes. */
struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

/*
 * The host and domain names (sethostname, setdomainname), under uts_lock; uname copies them
 * out. Linux's defaults: "(none)" for the domain; the host is ours.
 */
static DEFINE_SPINLOCK(uts_lock);
static char uts_nodename[__NEW_UTS_LEN + 1] = "mica";
static char uts_domainname[__NEW_UTS_LEN + 1] = "(none)";

/* The host name, for a core file's name (core_pattern's %h): buf holds 65 bytes. */
void uts_get_nodename(char *buf)
{
	unsigned long flags;

	spin_lock_irqsave(&uts_lock, flags);
	memcpy(buf, uts_nodename, sizeof(uts_nodename));
	spin_unlock_irqrestore(&uts_lock, flags);
}

/*
 * "Linux" as the system's name, as every kernel that runs Linux programs answers: programs
 * and configure scripts decide by it. The release is ours.
 */
long sys_uname(struct new_utsname __user *name)
{
	struct new_utsname u;
	unsigned long flags;

	memset(&u, 0, sizeof(u));
	strscpy(u.sysname, "Linux", sizeof(u.sysname));
	strscpy(u.release, kernel_release, sizeof(u.release));
	strscpy(u.version, "#1 SMP Mica", sizeof(u.version));
	strscpy(u.machine, "x86_64", sizeof(u.machine));
	spin_lock_irqsave(&uts_lock, flags);
	memcpy(u.nodename, uts_nodename, sizeof(u.nodename));
	memcpy(u.domainname, uts_domainname, sizeof(u.domainname));
	spin_unlock_irqrestore(&uts_lock, flags);
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

/* CAP_SYS_ADMIN, CAP_SYS_BOOT, CAP_SYS_NICE: root's, as long as there are no capabilities. */
static bool capable_root(void)
{
	const struct cred *cred = current_cred();

	return !cred || cred->euid == 0;
}

/* sethostname and setdomainname: len bytes, not NUL-terminated, at most 64. */
static long set_uts_name(char *dst, const char __user *name, int len)
{
	char tmp[__NEW_UTS_LEN + 1];
	unsigned long flags;

	if (!capable_root())
		return -EPERM;
	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	memset(tmp, 0, sizeof(tmp));
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	spin_lock_irqsave(&uts_lock, flags);
	memcpy(dst, tmp, sizeof(tmp));
	spin_unlock_irqrestore(&uts_lock, flags);
	return 0;
}

long sys_sethostname(const char __user *name, int len)
{
	return set_uts_name(uts_nodename, name, len);
}

long sys_setdomainname(const char __user *name, int len)
{
	return set_uts_name(uts_domainname, name, len);
}

long sys_set_tid_address(int __user *tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

long sys_sched_yield(void)
{
	yield();
	return 0;
}

#define GRND_NONBLOCK 0x1
#define GRND_RANDOM 0x2
#define GRND_INSECURE 0x4

/* The pool is seeded at boot, so it never blocks; at most 32 MiB - 1 per call, as Linux. */
long sys_getrandom(char __user *buf, size_t count, unsigned int flags)
{
	u8 chunk[256];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	if (count > (32UL << 20) - 1)
		count = (32UL << 20) - 1;
	while (done < count) {
		size_t n = count - done < sizeof(chunk) ? count - done : sizeof(chunk);

		get_random_bytes(chunk, n);
		if (copy_to_user(buf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	memset(chunk, 0, sizeof(chunk));
	return done;
}

/*
 * The CPU time of the calling thread, or of its whole process: the live threads' (up to now,
 * through task_cputime) and the ended threads' (signal->utime/stime), as Linux's
 * CLOCK_THREAD_CPUTIME_ID and CLOCK_PROCESS_CPUTIME_ID count it. clock() reads the latter.
 */
static u64 cputime_ns(bool process)
{
	struct signal_struct *sig = current->signal;
	struct task_struct *t;
	unsigned long flags;
	u64 u, st, sum;

	if (!process) {
		task_cputime(current, &u, &st);
		return u + st;
	}
	spin_lock_irqsave(&current->sighand->siglock, flags);
	sum = sig->utime + sig->stime;
	list_for_each_entry(t, &sig->thread_head, thread_node) {
		task_cputime(t, &u, &st);
		sum += u + st;
	}
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return sum;
}

long sys_clock_gettime(int which_clock, struct timespec64 __user *tp)
{
	struct timespec64 ts;
	int err;

	switch (which_clock) {
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		ts = ns_to_timespec64(cputime_ns(which_clock == CLOCK_PROCESS_CPUTIME_ID));
		break;
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		ktime_get_real_ts64(&ts);
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		ktime_get_ts64(&ts);
		break;
	default:
		if (which_clock >= 0)
			return -EINVAL;
		err = posix_cpu_clock_get(which_clock, &ts);
		if (err)
			return err;
	}
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_gettimeofday(void __user *tv, void __user *tz)
{
	struct timespec64 ts;
	long v[2];

	if (tv) {
		ktime_get_real_ts64(&ts);
		v[0] = ts.tv_sec;
		v[1] = ts.tv_nsec / 1000;
		if (copy_to_user(tv, v, sizeof(v)))
			return -EFAULT;
	}
	if (tz) {
		int z[2] = { 0, 0 };

		if (copy_to_user(tz, z, sizeof(z)))
			return -EFAULT;
	}
	return 0;
}

/*
 * nanosleep and clock_nanosleep (relative, or TIMER_ABSTIME on either clock): sleeps until
 * the time is reached, or a signal comes. A relative sleep then stores the time left in
 * rmtp and returns -ERESTART_RESTARTBLOCK: restart_syscall sleeps out the rest if no
 * handler ran, EINTR otherwise, as on Linux; an absolute one is simply restarted.
 */
#define TIMER_ABSTIME 1

static u64 clock_now(int clockid)
{
	struct timespec64 now;

	if (clockid != CLOCK_REALTIME)
		return ktime_get_ns();
	ktime_get_real_ts64(&now);
	return timespec64_to_ns(&now);
}

/* True when the deadline is reached, false if a signal came first. */
static bool sleep_until(u64 deadline, int clockid)
{
	for (;;) {
		u64 t = clock_now(clockid);

		if (t >= deadline)
			return true;
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current)) {
			__set_current_state(TASK_RUNNING);
			return false;
		}
		schedule_timeout_once(deadline - t);
		__set_current_state(TASK_RUNNING);
	}
}

static long nanosleep_restart(struct restart_block *rb)
{
	u64 now;
	struct timespec64 left;

	if (sleep_until(rb->expires, rb->clockid))
		return 0;
	now = clock_now(rb->clockid);
	if (rb->rmtp) {
		left.tv_sec = (rb->expires - now) / 1000000000ULL;
		left.tv_nsec = (rb->expires - now) % 1000000000ULL;
		if (copy_to_user(rb->rmtp, &left, sizeof(left)))
			return -EFAULT;
	}
	current->restart_block.fn = nanosleep_restart;
	current->restart_block.expires = rb->expires;
	current->restart_block.clockid = rb->clockid;
	current->restart_block.rmtp = rb->rmtp;
	return -ERESTART_RESTARTBLOCK;
}

static int get_timespec(struct timespec64 *ts, const struct timespec64 __user *uts)
{
	if (copy_from_user(ts, uts, sizeof(*ts)))
		return -EFAULT;
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L)
		return -EINVAL;
	return 0;
}

long sys_clock_nanosleep(int which_clock, int flags, const struct timespec64 __user *rqtp,
			 struct timespec64 __user *rmtp)
{
	struct timespec64 ts;
	bool realtime = which_clock == CLOCK_REALTIME;
	struct restart_block rb;
	int err;

	/* Clocks that exist but cannot be slept on are EOPNOTSUPP, as Linux's (no nsleep). */
	if (which_clock == CLOCK_THREAD_CPUTIME_ID || which_clock == CLOCK_MONOTONIC_RAW ||
	    which_clock == CLOCK_REALTIME_COARSE || which_clock == CLOCK_MONOTONIC_COARSE ||
	    (which_clock < 0 && (which_clock & 7) == 3)) /* Linux's fd clocks (CLOCKFD) */
		return -EOPNOTSUPP;
	if (which_clock != CLOCK_REALTIME && which_clock != CLOCK_MONOTONIC &&
	    which_clock != CLOCK_BOOTTIME && which_clock != CLOCK_PROCESS_CPUTIME_ID &&
	    which_clock >= 0)
		return -EINVAL;
	err = get_timespec(&ts, rqtp);
	if (err)
		return err;
	if (which_clock == CLOCK_PROCESS_CPUTIME_ID || which_clock < 0)
		return posix_cpu_nsleep(which_clock, flags, &ts, rmtp);
	if (flags & TIMER_ABSTIME)
		return sleep_until(timespec64_to_ns(&ts),
				   realtime ? CLOCK_REALTIME : CLOCK_MONOTONIC)
			       ? 0
			       : -ERESTARTNOHAND;
	rb.expires = ktime_get_ns() + timespec64_to_ns(&ts);
	rb.clockid = CLOCK_MONOTONIC;
	rb.rmtp = rmtp;
	return nanosleep_restart(&rb);
}

long sys_nanosleep(const struct timespec64 __user *rqtp, struct timespec64 __user *rmtp)
{
	return sys_clock_nanosleep(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}

/* ---- prctl: the options programs use at start-up and around their children ----------- */

#define PR_SET_PDEATHSIG 1
#define PR_GET_PDEATHSIG 2
#define PR_GET_DUMPABLE 3
#define PR_SET_DUMPABLE 4
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define PR_SET_CHILD_SUBREAPER 36
#define PR_GET_CHILD_SUBREAPER 37

long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
	       unsigned long arg5)
{
	char comm[TASK_COMM_LEN];
	unsigned long flags;
	long len;

	switch (option) {
	case PR_SET_PDEATHSIG:
		if (arg2 > _NSIG)
			return -EINVAL;
		current->pdeath_signal = (int)arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(current->pdeath_signal, (int __user *)arg2);
	case PR_GET_DUMPABLE:
		return current->dumpable ? 1 : 0;
	case PR_SET_DUMPABLE:
		if (arg2 > 1) /* SUID_DUMP_ROOT (2) is not for prctl, as on Linux */
			return -EINVAL;
		current->dumpable = arg2;
		return 0;
	case PR_SET_NAME:
		len = strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm) - 1);
		if (len < 0)
			return len;
		comm[len] = '\0';
		task_lock(current); /* /proc/PID/comm readers take it */
		strscpy(current->comm, comm, sizeof(current->comm));
		task_unlock(current);
		return 0;
	case PR_GET_NAME:
		strscpy(comm, current->comm, sizeof(comm));
		return copy_to_user((char __user *)arg2, comm, sizeof(comm)) ? -EFAULT : 0;
	case PR_SET_CHILD_SUBREAPER:
		spin_lock_irqsave(&family_lock, flags);
		current->signal->is_child_subreaper = !!arg2;
		spin_unlock_irqrestore(&family_lock, flags);
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user(current->signal->is_child_subreaper ? 1 : 0, (int __user *)arg2);
	default:
		return -EINVAL;
	}
}

/* ---- clock_getres ------------------------------------------------------------------ */

/*
 * The clocks clock_gettime serves are read from the TSC to the nanosecond, as Linux's
 * high-resolution clocks are (1 ns); the coarse ones are promised only to the tick, as
 * Linux promises them.
 */
long sys_clock_getres(int which_clock, struct timespec64 __user *tp)
{
	struct timespec64 ts = { 0, 1 };
	int err;

	switch (which_clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		break;
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
		ts.tv_nsec = TICK_NSEC;
		break;
	default:
		if (which_clock >= 0)
			return -EINVAL;
		err = posix_cpu_clock_getres(which_clock, &ts);
		if (err)
			return err;
	}
	if (tp && copy_to_user(tp, &ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

/* ---- CPU affinity and scheduling policy ------------------------------------------- */

/* The task of pid (0: the caller), referenced, or NULL. */
static struct task_struct *get_task_by_pid_or_self(int pid)
{
	if (!pid) {
		get_task_struct(current);
		return current;
	}
	return find_get_task_by_pid(pid);
}

static cpumask_t online_cpus_mask(void)
{
	cpumask_t mask = 0;
	int cpu;

	for_each_online_cpu(cpu) mask |= cpumask_of(cpu);
	return mask;
}

/*
 * A mask is a whole number of longs; it must have room for every possible CPU id. What is
 * written is our cpumask_t's 8 bytes, and that size is what the call returns, as Linux
 * returns its cpumask size.
 */
long sys_sched_getaffinity(int pid, unsigned int len, unsigned long __user *user_mask_ptr)
{
	struct task_struct *p;
	cpumask_t mask;

	if (len * 8 < nr_cpu_ids || (len & (sizeof(unsigned long) - 1)))
		return -EINVAL;
	if (pid < 0)
		return -ESRCH;
	p = get_task_by_pid_or_self(pid);
	if (!p)
		return -ESRCH;
	mask = READ_ONCE(p->cpus_allowed) & online_cpus_mask();
	put_task_struct(p);
	len = min(len, (unsigned int)sizeof(mask));
	return copy_to_user(user_mask_ptr, &mask, len) ? -EFAULT : (long)len;
}

/* May the caller change p's scheduling? Its own user's tasks, or root's (CAP_SYS_NICE). */
static bool may_change_sched(struct task_struct *p)
{
	const struct cred *cred = current_cred(), *tcred;
	bool ok;

	if (capable_root() || p == current)
		return true;
	tcred = get_task_cred(p);
	ok = cred->euid == tcred->uid || cred->euid == tcred->euid;
	put_cred(tcred);
	return ok;
}

long sys_sched_setaffinity(int pid, unsigned int len, unsigned long __user *user_mask_ptr)
{
	struct task_struct *p;
	cpumask_t mask = 0;
	long ret;

	/* Shorter than a mask: the rest is 0; longer: only a mask's worth is read. */
	if (copy_from_user(&mask, user_mask_ptr, min(len, (unsigned int)sizeof(mask))))
		return -EFAULT;
	if (pid < 0)
		return -ESRCH;
	p = get_task_by_pid_or_self(pid);
	if (!p)
		return -ESRCH;
	if (!may_change_sched(p))
		ret = -EPERM;
	else if (!(mask & online_cpus_mask()))
		ret = -EINVAL;
	else
		ret = set_cpus_allowed(p, mask & online_cpus_mask());
	put_task_struct(p);
	return ret;
}

/* Only the fair class exists: SCHED_OTHER, priority 0 (nice values are its knob). */
#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2
#define SCHED_BATCH 3
#define SCHED_IDLE 5
#define SCHED_DEADLINE 6

struct sched_param {
	int sched_priority;
};

long sys_sched_getscheduler(int pid)
{
	struct task_struct *p;

	if (pid < 0)
		return -EINVAL;
	p = get_task_by_pid_or_self(pid);
	if (!p)
		return -ESRCH;
	put_task_struct(p);
	return SCHED_OTHER;
}

long sys_sched_getparam(int pid, struct sched_param __user *param)
{
	struct sched_param sp = { 0 };
	struct task_struct *p;

	if (!param || pid < 0)
		return -EINVAL;
	p = get_task_by_pid_or_self(pid);
	if (!p)
		return -ESRCH;
	put_task_struct(p);
	return copy_to_user(param, &sp, sizeof(sp)) ? -EFAULT : 0;
}

/* The real-time and deadline classes do not exist: asking for one is EINVAL (see docs). */
static long set_sched(int pid, int policy, struct sched_param __user *param)
{
	struct sched_param sp;
	struct task_struct *p;
	long ret = 0;

	if (!param || pid < 0)
		return -EINVAL;
	if (copy_from_user(&sp, param, sizeof(sp)))
		return -EFAULT;
	if (policy >= 0 && policy != SCHED_OTHER)
		return -EINVAL;
	if (sp.sched_priority != 0)
		return -EINVAL;
	p = get_task_by_pid_or_self(pid);
	if (!p)
		return -ESRCH;
	if (!may_change_sched(p))
		ret = -EPERM;
	put_task_struct(p);
	return ret;
}

long sys_sched_setscheduler(int pid, int policy, struct sched_param __user *param)
{
	if (policy < 0)
		return -EINVAL;
	return set_sched(pid, policy, param);
}

long sys_sched_setparam(int pid, struct sched_param __user *param)
{
	return set_sched(pid, -1, param);
}

long sys_sched_get_priority_max(int policy)
{
	switch (policy) {
	case SCHED_FIFO:
	case SCHED_RR:
		return 99;
	case SCHED_OTHER:
	case SCHED_BATCH:
	case SCHED_IDLE:
	case SCHED_DEADLINE:
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_sched_get_priority_min(int policy)
{
	switch (policy) {
	case SCHED_FIFO:
	case SCHED_RR:
		return 1;
	case SCHED_OTHER:
	case SCHED_BATCH:
	case SCHED_IDLE:
	case SCHED_DEADLINE:
		return 0;
	default:
		return -EINVAL;
	}
}

/* ---- reboot ------------------------------------------------------------------------ */

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_MAGIC2A 85072278
#define LINUX_REBOOT_MAGIC2B 369367448
#define LINUX_REBOOT_MAGIC2C 537993216

#define LINUX_REBOOT_CMD_RESTART 0x01234567
#define LINUX_REBOOT_CMD_HALT 0xCDEF0123
#define LINUX_REBOOT_CMD_CAD_ON 0x89ABCDEF
#define LINUX_REBOOT_CMD_CAD_OFF 0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321FEDC
#define LINUX_REBOOT_CMD_RESTART2 0xA1B2C3D4

/* Ctrl-Alt-Del's meaning (1: restart at once; 0: signal init), set by reboot(2). */
int C_A_D = 1;

/*
 * The keyboard's Ctrl-Alt-Del, called from its interrupt. As on Linux: a restart at once
 * until init takes the keys over with reboot(LINUX_REBOOT_CMD_CAD_OFF), then SIGINT to init,
 * which runs its ctrlaltdel action. Sending a signal is safe here: siglock is irqsave.
 */
void ctrl_alt_del(void)
{
	struct task_struct *init = child_reaper();

	if (READ_ONCE(C_A_D) || !init) {
		pr_emerg("reboot: Ctrl-Alt-Del: restarting system\n");
		machine_restart();
	}
	send_sig(SIGINT, init, 1);
}

/*
 * The ACPI power button, from the SCI interrupt. Linux hands it to user space as an input
 * event; we have no input layer, so init is told directly, with busybox init's poweroff
 * signal (SIGUSR2), which our init understands too.
 */
void power_button_pressed(void)
{
	struct task_struct *init = child_reaper();

	if (!init) {
		pr_emerg("reboot: power button before init: Power down\n");
		machine_power_off();
	}
	send_sig(SIGUSR2, init, 1);
}

long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg)
{
	if (!capable_root())
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
	case LINUX_REBOOT_CMD_RESTART2:
		/* RESTART2's command string is for firmware that takes one: none here. */
		pr_emerg("reboot: Restarting system\n");
		machine_restart();
	case LINUX_REBOOT_CMD_CAD_ON:
		WRITE_ONCE(C_A_D, 1);
		return 0;
	case LINUX_REBOOT_CMD_CAD_OFF:
		WRITE_ONCE(C_A_D, 0);
		return 0;
	case LINUX_REBOOT_CMD_HALT:
		pr_emerg("reboot: System halted\n");
		machine_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		pr_emerg("reboot: Power down\n");
		machine_power_off(); /* falls back to a halt where ACPI cannot do it */
	default:
		return -EINVAL;
	}
}
