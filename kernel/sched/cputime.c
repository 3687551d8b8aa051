// SPDX-License-Identifier: GPL-2.0
/*
 * CPU-time accounting: each task's user and kernel time, and each CPU's user, nice, system
 * and idle time for /proc/stat. Part of the scheduler's one translation unit (build.c).
 *
 * The run time itself is exact: update_curr adds every nanosecond a task runs to
 * sum_exec_runtime. Only its split between user and kernel mode is sampled, because timing
 * each user/kernel transition would put a clock read on the system-call fast path. The split
 * is made at two points, under the run queue's lock:
 *  - the tick (scheduler_tick): the time since the task was last accounted goes to the mode
 *    the tick interrupted, which is also remembered (acct_system);
 *  - the switch away from a task (__schedule): what is left goes to the remembered mode.
 *    A task the tick never sampled (a CPU with one task has no tick) counts as in user mode
 *    if it has an address space, which is where such a task spends its time.
 * Readers (task_cputime, cpu_times) charge the running task's pending time first, so the
 * sums are never older than the read. Idle time is the scheduler's own exact count.
 * Each charge also counts down the process's CPU itimers, if it has one armed (kernel/signal.c);
 * while it has, its CPUs keep their tick (sched_needs_tick), so that a busy loop is sampled.
 *
 * Locking: a task's acct_runtime, acct_system, utime and stime, and a CPU's cpustat, change
 * under that CPU's rq->lock. Readers of the finished numbers read 64-bit words, whole.
 */
#include <asm/irq_vectors.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>
#include <kernel/signal.h>

struct kernel_cpustat {
	u64 ns[NR_STATS]; /* under the CPU's rq->lock */
} __aligned(64);

static struct kernel_cpustat kcpustat[NR_CPUS];

/* Did the tick that is running now interrupt p in user mode? */
static bool tick_hit_user(struct task_struct *p)
{
	const struct pt_regs *regs = task_pt_regs(p);

	/*
	 * An interrupt from user mode leaves its frame at the top of the task's kernel stack;
	 * one from kernel mode nests below whatever frame is there (a system call's has vector
	 * -1, an exception's its own vector).
	 */
	return p->mm && user_mode(regs) && regs->vector == LOCAL_TIMER_VECTOR;
}

static void account_cputime(struct rq *rq, struct task_struct *p, bool user)
{
	u64 delta = p->sum_exec_runtime - p->acct_runtime;
	u64 *stat = kcpustat[rq->cpu].ns;

	rq_lock_assert_held(rq);
	p->acct_runtime = p->sum_exec_runtime;
	if (!delta)
		return;
	if (user) {
		p->utime += delta;
		stat[p->nice > 0 ? CPUTIME_NICE : CPUTIME_USER] += delta;
	} else {
		p->stime += delta;
		stat[CPUTIME_SYSTEM] += delta;
	}
	/* ITIMER_VIRTUAL and ITIMER_PROF count down here; what expires is sent after the lock. */
	if (cpu_itimers_in_use())
		itimer_charge(p, delta, user);
}

static bool pending_mode_user(const struct task_struct *p)
{
	return p->mm && !p->acct_system;
}

/* From scheduler_tick, after update_curr: curr runs on donor's time (rq->donor). */
static void account_process_tick(struct rq *rq, struct task_struct *donor, struct task_struct *curr)
{
	bool user;

	if (donor->is_idle)
		return;
	user = tick_hit_user(curr);
	donor->acct_system = !user;
	account_cputime(rq, donor, user);
}

/* From __schedule, after update_curr: prev leaves the CPU. */
static void account_switch_out(struct rq *rq, struct task_struct *prev)
{
	if (prev->sum_exec_runtime != prev->acct_runtime)
		account_cputime(rq, prev, pending_mode_user(prev));
}

void task_cputime(struct task_struct *p, u64 *utime, u64 *stime)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(p, &flags);

	if (rq->donor == p && !p->is_idle) {
		update_curr(rq);
		account_cputime(rq, p, pending_mode_user(p));
	}
	*utime = p->utime;
	*stime = p->stime;
	task_rq_unlock(rq, flags);
}

void cpu_times(int cpu, u64 out[NR_STATS])
{
	struct rq *rq = cpu_rq(cpu);
	unsigned long flags;
	u64 idle;

	local_irq_save(flags);
	arch_spin_lock(&rq->lock);
	update_curr(rq);
	idle = rq->idle_ns;
	if (rq->curr->is_idle)
		idle += rq->clock - rq->idle_since;
	else
		account_cputime(rq, rq->donor, pending_mode_user(rq->donor));
	for (int i = 0; i < NR_STATS; i++)
		out[i] = kcpustat[cpu].ns[i];
	arch_spin_unlock(&rq->lock);
	local_irq_restore(flags);
	out[CPUTIME_IDLE] = idle;
	for (int i = 0; i < NR_STATS; i++)
		out[i] = nsec_to_clock_t(out[i]);
}
