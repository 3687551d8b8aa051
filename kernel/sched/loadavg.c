// SPDX-License-Identifier: GPL-2.0
/*
 * The load average, as Linux computes it: every LOAD_FREQ the number of active tasks
 * (runnable, running included, plus those in uninterruptible sleep) is folded into three
 * exponentially decaying averages with 1, 5 and 15 minute time constants, in fixed point
 * with FSHIFT bits of fraction: load = load * e + active * (1 - e), e = exp(-5 s / T).
 * Part of the scheduler's translation unit (build.c).
 *
 * The sample is taken by a timer on the boot CPU rather than by the tick, because a CPU with
 * one task runs without a tick. The counts are read without locks: each is one CPU's word,
 * and a sample a task late or early is what Linux's sampling gives as well.
 *
 * nr_uninterruptible: a task that goes to sleep in TASK_UNINTERRUPTIBLE is counted on the
 * run queue it leaves (put_prev), and uncounted on the one it wakes on (try_to_wake_up), so
 * a single queue's count may go negative; only the sum means anything. Both change under
 * the rq->lock in question, with sched_contributes_to_load saying which sleeps counted.
 */
#include <kernel/timer.h>

#define LOAD_FREQ_NS (5ULL * 1000000000ULL)
#define EXP_1 1884 /* 1/exp(5s/1min) in fixed point */
#define EXP_5 2014 /* 1/exp(5s/5min) */
#define EXP_15 2037 /* 1/exp(5s/15min) */

static unsigned long avenrun[3]; /* written by the timer only */
static long rq_nr_uninterruptible[NR_CPUS]; /* under that CPU's rq->lock */
static struct timer_list loadavg_timer;

static void loadavg_sleep_uninterruptible(struct rq *rq, struct task_struct *p)
{
	rq_lock_assert_held(rq);
	p->sched_contributes_to_load = true;
	rq_nr_uninterruptible[rq->cpu]++;
}

static void loadavg_wake(struct rq *rq, struct task_struct *p)
{
	rq_lock_assert_held(rq);
	if (unlikely(p->sched_contributes_to_load)) {
		p->sched_contributes_to_load = false;
		rq_nr_uninterruptible[rq->cpu]--;
	}
}

unsigned long nr_running(void)
{
	unsigned long n = 0;
	int cpu;

	for_each_online_cpu(cpu) n += READ_ONCE(cpu_rq(cpu)->nr_running);
	return n;
}

unsigned long nr_uninterruptible(void)
{
	long n = 0;
	int cpu;

	for_each_online_cpu(cpu) n += READ_ONCE(rq_nr_uninterruptible[cpu]);
	return n < 0 ? 0 : n;
}

static unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

static void loadavg_sample(struct timer_list *t)
{
	unsigned long active = (nr_running() + nr_uninterruptible()) * FIXED_1;

	WRITE_ONCE(avenrun[0], calc_load(avenrun[0], EXP_1, active));
	WRITE_ONCE(avenrun[1], calc_load(avenrun[1], EXP_5, active));
	WRITE_ONCE(avenrun[2], calc_load(avenrun[2], EXP_15, active));
	timer_add(t, t->expires + LOAD_FREQ_NS);
}

void get_avenrun(unsigned long *loads, unsigned long offset, int shift)
{
	for (int i = 0; i < 3; i++)
		loads[i] = (READ_ONCE(avenrun[i]) + offset) << shift;
}

void loadavg_init(void)
{
	timer_setup(&loadavg_timer, loadavg_sample);
	timer_add(&loadavg_timer, sched_clock() + LOAD_FREQ_NS);
}
