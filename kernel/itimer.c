// SPDX-License-Identifier: GPL-2.0
/*
 * Interval timers, as Linux's kernel/time/itimer.c and the process CPU clocks of its
 * posix-cpu-timers: ITIMER_REAL (a timer_list, SIGALRM) and alarm; ITIMER_VIRTUAL and
 * ITIMER_PROF, counted down from the CPU time the scheduler charges (itimer_charge, under the
 * run queue's lock) and sent after that lock is dropped (itimer_send_fired); and the waiters
 * of clock_nanosleep on a process's CPU clock, woken by the same charge. docs/process.md has
 * the whole design. Moved out of kernel/signal.c, which keeps the signals themselves.
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/lockdep.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>
#include <kernel/time.h>
#include <kernel/timer.h>

#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2
#define NSEC_PER_SEC_U 1000000000ULL

struct k_timeval {
	long tv_sec, tv_usec;
};

struct k_itimerval {
	struct k_timeval it_interval, it_value;
};

static void it_real_fn(struct timer_list *tl)
{
	struct signal_struct *sig = container_of(tl, struct signal_struct, real_timer);
	struct task_struct *p = sig->it_real_task;
	unsigned long flags;

	if (!p)
		return;
	group_send_sig_info(SIGALRM, SEND_SIG_PRIV, p);
	siglock(p, &flags);
	if (sig->it_real_incr && sig->it_real_task)
		timer_add(&sig->real_timer, tl->expires + sig->it_real_incr);
	sigunlock(p, flags);
}

/* Saturated at Linux's KTIME_MAX: a value of centuries never expires, it does not wrap. */
static u64 timeval_to_ns(const struct k_timeval *tv)
{
	if ((u64)tv->tv_sec >= KTIME_MAX / NSEC_PER_SEC_U)
		return KTIME_MAX;
	return tv->tv_sec * NSEC_PER_SEC_U + tv->tv_usec * NSEC_PER_USEC;
}

static void ns_to_timeval(u64 ns, struct k_timeval *tv)
{
	/* Rounded up, as Linux does, so that a running timer never reads as 0. */
	ns = (ns + NSEC_PER_USEC - 1) / NSEC_PER_USEC * NSEC_PER_USEC;
	tv->tv_sec = ns / NSEC_PER_SEC_U;
	tv->tv_usec = (ns % NSEC_PER_SEC_U) / NSEC_PER_USEC;
}

static void get_real_timer(struct signal_struct *sig, struct k_itimerval *v)
{
	struct timer_list *tl = &sig->real_timer;
	u64 now = ktime_get_ns(), left = 0;

	memset(v, 0, sizeof(*v));
	if (tl->function && READ_ONCE(tl->pending))
		left = tl->expires > now ? tl->expires - now : 1000;
	ns_to_timeval(left, &v->it_value);
	ns_to_timeval(sig->it_real_incr, &v->it_interval);
}

static bool bad_timeval(const struct k_timeval *tv)
{
	return tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000;
}

static int set_real_timer(struct k_itimerval *v, struct k_itimerval *ov)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;
	u64 value;

	if (!sig->real_timer.function)
		timer_setup(&sig->real_timer, it_real_fn);
	if (ov)
		get_real_timer(sig, ov);
	/* Off before it is set again, outside siglock: the handler takes it. */
	timer_del_sync(&sig->real_timer);
	value = timeval_to_ns(&v->it_value);
	siglock(current, &flags);
	sig->it_real_task = current->group_leader;
	sig->it_real_incr = value ? timeval_to_ns(&v->it_interval) : 0;
	if (value)
		timer_add(&sig->real_timer, ktime_get_ns() + value);
	sigunlock(current, flags);
	return 0;
}

/*
 * The CPU itimers (cpu_it[which - 1]), as Linux's: the group's clocks advance as its time is
 * charged (itimer_charge); a timer expires when its clock reaches expires. Both are counted
 * while one is armed; arming puts expires at the clock plus the value plus a tick, as Linux
 * does, since time is split between user and kernel mode only at ticks.
 */
#define CPU_IT_VIRT 0
#define CPU_IT_PROF 1

atomic_t cpu_itimer_groups;

/* With itimer_lock held: sig's armed flag and the count of groups with one, in step. */
static void cpu_itimers_update_armed(struct signal_struct *sig)
{
	bool armed = sig->cpu_it[CPU_IT_VIRT].expires || sig->cpu_it[CPU_IT_PROF].expires ||
		     !list_empty(&sig->cpu_waiters);

	lockdep_assert_held(&sig->itimer_lock);
	if (armed == sig->cpu_itimers_armed)
		return;
	if (armed)
		atomic_inc(&cpu_itimer_groups);
	WRITE_ONCE(sig->cpu_itimers_armed, armed);
	if (!armed)
		atomic_dec(&cpu_itimer_groups);
}

void cpu_itimer_arm(struct signal_struct *sig, int i, u64 value, u64 incr)
{
	unsigned long flags;

	spin_lock_irqsave(&sig->itimer_lock, flags);
	sig->cpu_it[i].expires = value ? sig->cpu_it[i].clock + value : 0;
	sig->cpu_it[i].incr = incr;
	cpu_itimers_update_armed(sig);
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
}

/*
 * With itimer_lock held, after a charge: the sleepers whose deadline the clocks have passed
 * go to cpu_waiters_due, to be woken once no run-queue lock is held. True if one did.
 */
static bool cpu_waiters_charge(struct signal_struct *sig)
{
	struct cpu_clock_waiter *w, *tmp;
	bool due = false;

	lockdep_assert_held(&sig->itimer_lock);
	list_for_each_entry_safe(w, tmp, &sig->cpu_waiters, node) {
		if (sig->cpu_it[w->clock].clock < w->expires)
			continue;
		list_move_tail(&w->node, &sig->cpu_waiters_due);
		due = true;
	}
	return due;
}

void itimer_charge(struct task_struct *p, u64 delta, bool user)
{
	struct signal_struct *sig = p->signal;
	unsigned int fired = 0;
	unsigned long flags;

	if (!signal_cpu_itimers_armed(sig))
		return; /* another process's are */
	spin_lock_irqsave(&sig->itimer_lock, flags);
	for (int i = CPU_IT_VIRT; i <= CPU_IT_PROF; i++) {
		struct cpu_itimer *it = &sig->cpu_it[i];

		if (i == CPU_IT_VIRT && !user)
			continue;
		it->clock += delta;
		if (!it->expires || it->clock < it->expires)
			continue;
		/* A reload counts from when it was due: a late tick does not stretch the period. */
		it->expires = it->incr ? it->expires + it->incr : 0;
		fired |= 1U << i;
	}
	if (unlikely(!list_empty(&sig->cpu_waiters)) && cpu_waiters_charge(sig))
		fired |= 1U << CPU_IT_WAITERS;
	if (fired) {
		sig->itimer_fired |= fired;
		cpu_itimers_update_armed(sig);
		/* If nobody's tick sends it first, p's way back to user mode does. */
		set_tsk_thread_flag(p, TIF_NOTIFY_RESUME);
	}
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
}

/*
 * Wakes the due sleepers, one at a time, with no lock held (waking takes the sleeper's
 * rq->lock, which itimer_lock nests inside). A sleeper's waiter lives on its stack: it is
 * marked CPU_WAITER_WAKING when taken off the list, and the sleeper does not return before
 * the wake is done (CPU_WAITER_DONE), which preemption being off keeps short.
 */
static void cpu_waiters_wake(struct signal_struct *sig)
{
	struct cpu_clock_waiter *w;
	unsigned long flags;

	preempt_disable();
	for (;;) {
		spin_lock_irqsave(&sig->itimer_lock, flags);
		w = list_first_entry_or_null(&sig->cpu_waiters_due, struct cpu_clock_waiter, node);
		if (w) {
			list_del_init(&w->node);
			WRITE_ONCE(w->state, CPU_WAITER_WAKING);
		}
		spin_unlock_irqrestore(&sig->itimer_lock, flags);
		if (!w)
			break;
		wake_up_process(w->task);
		__atomic_store_n(&w->state, CPU_WAITER_DONE, __ATOMIC_RELEASE);
	}
	preempt_enable();
}

static void cpu_itimer_start_ticks(struct task_struct *p);

void cpu_clock_waiter_add(struct task_struct *p, struct cpu_clock_waiter *w, u64 left)
{
	struct signal_struct *sig = p->signal;
	unsigned long flags;

	w->task = current;
	w->state = CPU_WAITER_LISTED;
	spin_lock_irqsave(&sig->itimer_lock, flags);
	w->expires = sig->cpu_it[w->clock].clock + left;
	list_add_tail(&w->node, &sig->cpu_waiters);
	cpu_itimers_update_armed(sig);
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
	cpu_itimer_start_ticks(p);
}

void cpu_clock_waiter_del(struct task_struct *p, struct cpu_clock_waiter *w)
{
	struct signal_struct *sig = p->signal;
	unsigned long flags;

	spin_lock_irqsave(&sig->itimer_lock, flags);
	if (w->state == CPU_WAITER_LISTED) {
		list_del_init(&w->node);
		w->state = CPU_WAITER_DONE;
		cpu_itimers_update_armed(sig);
	}
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
	while (__atomic_load_n(&w->state, __ATOMIC_ACQUIRE) != CPU_WAITER_DONE)
		cpu_relax();
}

void itimer_send_fired(struct task_struct *p)
{
	struct signal_struct *sig = p->signal;
	unsigned long flags;
	unsigned int fired;

	spin_lock_irqsave(&sig->itimer_lock, flags);
	fired = sig->itimer_fired;
	sig->itimer_fired = 0;
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
	if (fired & (1U << CPU_IT_WAITERS))
		cpu_waiters_wake(sig);
	if (fired & (1U << CPU_IT_VIRT))
		group_send_sig_info(SIGVTALRM, SEND_SIG_PRIV, p);
	if (fired & (1U << CPU_IT_PROF))
		group_send_sig_info(SIGPROF, SEND_SIG_PRIV, p);
}

/* With itimer_lock held. Due but not yet sent reads as a tick, as on Linux: never 0. */
static void get_cpu_itimer(struct signal_struct *sig, int i, struct k_itimerval *v)
{
	struct cpu_itimer *it = &sig->cpu_it[i];
	u64 left = 0;

	lockdep_assert_held(&sig->itimer_lock);
	if (it->expires)
		left = it->expires > it->clock ? it->expires - it->clock : TICK_NSEC;
	ns_to_timeval(left, &v->it_value);
	ns_to_timeval(it->incr, &v->it_interval);
}

/* The caller's time up to now counts (against the old value, or before the new one). */
static void charge_current(void)
{
	u64 utime, stime;

	task_cputime(current, &utime, &stime);
}

/*
 * An armed CPU itimer needs the tick wherever a thread of the group runs alone (see
 * sched_needs_tick): this CPU's is started here, the others' by their reschedule IPI.
 */
static void cpu_itimer_start_ticks(struct task_struct *p)
{
	struct task_struct *t, *cur = current;
	unsigned long flags;

	if (p->signal == cur->signal)
		tick_program_this_cpu();
	siglock(p, &flags);
	list_for_each_entry(t, &p->signal->thread_head, thread_node) {
		if (t != cur && READ_ONCE(t->on_cpu))
			smp_send_reschedule(READ_ONCE(t->cpu));
	}
	sigunlock(p, flags);
}

static int set_cpu_itimer(int i, struct k_itimerval *v, struct k_itimerval *ov)
{
	struct signal_struct *sig = current->signal;
	struct cpu_itimer *it = &sig->cpu_it[i];
	u64 value = timeval_to_ns(&v->it_value);
	unsigned long flags;

	charge_current();
	spin_lock_irqsave(&sig->itimer_lock, flags);
	if (ov)
		get_cpu_itimer(sig, i, ov);
	it->expires = value ? it->clock + value + TICK_NSEC : 0;
	it->incr = timeval_to_ns(&v->it_interval); /* kept even when disarmed, as on Linux */
	cpu_itimers_update_armed(sig);
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
	if (value)
		cpu_itimer_start_ticks(current);
	return 0;
}

static int do_setitimer(int which, struct k_itimerval *v, struct k_itimerval *ov)
{
	switch (which) {
	case ITIMER_REAL:
		return set_real_timer(v, ov);
	case ITIMER_VIRTUAL:
	case ITIMER_PROF:
		return set_cpu_itimer(which - ITIMER_VIRTUAL, v, ov);
	}
	return -EINVAL;
}

long sys_getitimer(int which, struct k_itimerval __user *value)
{
	struct signal_struct *sig = current->signal;
	struct k_itimerval v;
	unsigned long flags;

	switch (which) {
	case ITIMER_REAL:
		if (!sig->real_timer.function)
			memset(&v, 0, sizeof(v));
		else
			get_real_timer(sig, &v);
		break;
	case ITIMER_VIRTUAL:
	case ITIMER_PROF:
		charge_current();
		spin_lock_irqsave(&sig->itimer_lock, flags);
		get_cpu_itimer(sig, which - ITIMER_VIRTUAL, &v);
		spin_unlock_irqrestore(&sig->itimer_lock, flags);
		break;
	default:
		return -EINVAL;
	}
	return copy_to_user(value, &v, sizeof(v)) ? -EFAULT : 0;
}

long sys_setitimer(int which, const struct k_itimerval __user *value,
		   struct k_itimerval __user *ovalue)
{
	struct k_itimerval v, ov;
	int ret;

	if (value) {
		if (copy_from_user(&v, value, sizeof(v)))
			return -EFAULT;
		if (bad_timeval(&v.it_value) || bad_timeval(&v.it_interval))
			return -EINVAL;
	} else {
		memset(&v, 0, sizeof(v)); /* Linux: a NULL value disarms */
	}
	ret = do_setitimer(which, &v, ovalue ? &ov : NULL);
	if (!ret && ovalue && copy_to_user(ovalue, &ov, sizeof(ov)))
		return -EFAULT;
	return ret;
}

long sys_alarm(unsigned int seconds)
{
	struct k_itimerval v = { .it_value = { .tv_sec = seconds } }, ov;
	long secs;

	do_setitimer(ITIMER_REAL, &v, &ov);
	secs = ov.it_value.tv_sec;
	/* Rounded to the nearest second, and never 0 while one was pending, as Linux. */
	if ((!secs && ov.it_value.tv_usec) || ov.it_value.tv_usec >= 500000)
		secs++;
	return secs;
}

void exit_itimers(struct signal_struct *sig)
{
	unsigned long flags;

	if (sig->real_timer.function) {
		sig->it_real_task = NULL;
		timer_del_sync(&sig->real_timer);
	}
	spin_lock_irqsave(&sig->itimer_lock, flags);
	memset(sig->cpu_it, 0, sizeof(sig->cpu_it));
	sig->itimer_fired = 0;
	cpu_itimers_update_armed(sig);
	spin_unlock_irqrestore(&sig->itimer_lock, flags);
}
