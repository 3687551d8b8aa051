// SPDX-License-Identifier: GPL-2.0
/*
 * The fair policy, in the manner of CFS (see docs/sched.md for the design and its costs).
 *
 * Each task accumulates virtual runtime: real CPU time scaled by NICE_0_LOAD / weight, so a
 * heavier task's clock runs slower. Each run queue keeps its runnable tasks in a red-black
 * tree by vruntime and always runs the leftmost, the one that has had least; the running
 * task is taken out of the tree and counted apart. The tick ends a task's turn when it has
 * run its slice (its weight's share of the latency period); a wake-up preempts when the woken
 * task is sufficiently behind. Idle CPUs and the tick pull queued tasks from busier CPUs.
 *
 * Everything here that takes a struct rq is called with that rq->lock held (see sched.h),
 * and asserts it, but for the unlocked reads of other CPUs' counts in the balancing and
 * CPU choice, and migrate_task_vruntime (one of its two).
 */
#include <asm/irqflags.h>
#include <asm/traps.h>
#include <kernel/atomic.h>
#include <kernel/printk.h>
#include <kernel/signal.h>
#include <kernel/smp.h>
#include <kernel/timer.h>

#include "sched.h"

static atomic_long_t double_enqueues;

static struct task_struct *task_of(struct rb_node *node)
{
	return rb_entry(node, struct task_struct, run_node);
}

/* ---- the timeline ------------------------------------------------------------------ */

static bool vruntime_less(const struct rb_node *a, const struct rb_node *b)
{
	return (s64)(rb_entry(a, struct task_struct, run_node)->vruntime -
		     rb_entry(b, struct task_struct, run_node)->vruntime) < 0;
}

static void timeline_insert(struct rq *rq, struct task_struct *p)
{
	rb_add(&p->run_node, &rq->timeline, vruntime_less);
	if (!rq->leftmost || vruntime_less(&p->run_node, rq->leftmost))
		rq->leftmost = &p->run_node;
}

static void timeline_remove(struct rq *rq, struct task_struct *p)
{
	if (rq->leftmost == &p->run_node)
		rq->leftmost = rb_next(&p->run_node);
	rb_erase(&p->run_node, &rq->timeline);
}

static void account_enqueue(struct rq *rq, struct task_struct *p)
{
	rq->nr_running++;
	rq->load += p->weight;
	WRITE_ONCE(p->on_rq, TASK_ON_RQ_QUEUED);
}

static void account_dequeue(struct rq *rq, struct task_struct *p)
{
	rq->nr_running--;
	rq->load -= p->weight;
	WRITE_ONCE(p->on_rq, 0);
}

/* Rare: a second enqueue would corrupt the tree and the counts. Counted for the tests. */
static __noinline void report_double_enqueue(struct rq *rq, struct task_struct *p)
{
	atomic_long_inc(&double_enqueues);
	pr_err("BUG: sched: %s (pid %d) enqueued on CPU %d while already queued (on_rq %d)\n",
	       p->comm, p->pid, rq->cpu, p->on_rq);
}

unsigned long sched_double_enqueues(void)
{
	return atomic_long_read(&double_enqueues);
}

/* A task that was not queued joins rq's timeline. */
void enqueue_task_fair(struct rq *rq, struct task_struct *p)
{
	rq_lock_assert_held(rq);
	if (unlikely(p->on_rq == TASK_ON_RQ_QUEUED)) {
		report_double_enqueue(rq, p);
		return;
	}
	account_enqueue(rq, p);
	timeline_insert(rq, p);
}

/*
 * A sleeping task that becomes the running one at once (sched_switch_to_blocked): counted,
 * but not put into the timeline, where the running task never is.
 */
void enqueue_running_fair(struct rq *rq, struct task_struct *p)
{
	rq_lock_assert_held(rq);
	if (unlikely(p->on_rq == TASK_ON_RQ_QUEUED)) {
		report_double_enqueue(rq, p);
		return;
	}
	account_enqueue(rq, p);
}

/*
 * The running task prev goes to sleep as the sleeping next takes its place, of the same
 * weight (sched_switch_to_blocked): the run queue's counts stay as they are.
 */
void swap_running_fair(struct rq *rq, struct task_struct *prev, struct task_struct *next)
{
	rq_lock_assert_held(rq);
	WRITE_ONCE(prev->on_rq, 0);
	WRITE_ONCE(next->on_rq, TASK_ON_RQ_QUEUED);
}

/* The running task leaves the queue (it sleeps, dies or migrates). */
void dequeue_task_fair(struct rq *rq, struct task_struct *p)
{
	rq_lock_assert_held(rq);
	account_dequeue(rq, p);
}

/* The running task stays runnable: it goes back into the timeline. */
void put_prev_task_fair(struct rq *rq, struct task_struct *prev)
{
	rq_lock_assert_held(rq);
	timeline_insert(rq, prev);
}

/* A queued task about to run is taken out of the timeline (it is counted apart). */
void take_task_fair(struct rq *rq, struct task_struct *p)
{
	rq_lock_assert_held(rq);
	timeline_remove(rq, p);
}

struct task_struct *pick_next_task_fair(struct rq *rq)
{
	struct task_struct *next;

	rq_lock_assert_held(rq);
	if (!rq->leftmost)
		return rq->idle;
	next = task_of(rq->leftmost);
	timeline_remove(rq, next);
	return next;
}

static void update_min_vruntime(struct rq *rq)
{
	u64 v = rq->min_vruntime;
	bool have = false;
	struct task_struct *d = rq->donor;

	/* A donor is off the queue while it lends its time, but it is what runs. */
	if (d && !d->is_idle && (d->on_rq || d != rq->curr)) {
		v = d->vruntime;
		have = true;
	}
	if (rq->leftmost) {
		u64 left = task_of(rq->leftmost)->vruntime;

		v = have && (s64)(v - left) < 0 ? v : left;
	}
	/* Never backwards: sleepers are placed relative to it. */
	if ((s64)(v - rq->min_vruntime) > 0)
		rq->min_vruntime = v;
}

/* Charges the running task (its donor: rq->donor) for the time since it was last charged. */
void update_curr(struct rq *rq)
{
	struct task_struct *curr = rq->donor;
	u64 now = sched_clock(), delta;

	rq_lock_assert_held(rq);
	rq->clock = now;
	delta = now - curr->exec_start;
	if ((s64)delta <= 0)
		return;
	curr->exec_start = now;
	curr->sum_exec_runtime += delta;
	if (curr->is_idle)
		return;
	curr->vruntime += delta * NICE_0_LOAD / curr->weight;
	update_min_vruntime(rq);
}

/*
 * Where a task enters the timeline. A new task starts at min_vruntime; a sleeper gets up to
 * half a period of credit for the time it slept (it may run first), never more, so that a
 * long sleep does not buy a long monopoly.
 */
void place_task(struct rq *rq, struct task_struct *p, bool new)
{
	u64 floor = rq->min_vruntime - (new ? 0 : SCHED_LATENCY_NS / 2);

	rq_lock_assert_held(rq);
	if (new || (s64)(p->vruntime - floor) < 0)
		p->vruntime = floor;
}

u64 sched_slice(struct rq *rq, struct task_struct *p)
{
	u64 slice = SCHED_LATENCY_NS * p->weight / (rq->load ? rq->load : 1);

	return slice < SCHED_MIN_GRANULARITY_NS ? SCHED_MIN_GRANULARITY_NS : slice;
}

/*
 * A task's vruntime is relative to its run queue's clock: carry the lag, not the value.
 * Called with one of the two locked (the one p->cpu names, or the one it is queued on
 * next); the other's min_vruntime is read without its lock, which is near enough.
 */
void migrate_task_vruntime(struct rq *src, struct rq *dst, struct task_struct *p)
{
	WARN_ON(IS_ENABLED(CONFIG_DEBUG_LOCKDEP) && !spin_is_locked(&src->lock) &&
		!spin_is_locked(&dst->lock));
	p->vruntime = p->vruntime - src->min_vruntime + dst->min_vruntime;
}

/* ---- asking a CPU to reschedule ----------------------------------------------------- */

void resched_cpu_locked(struct rq *rq)
{
	rq_lock_assert_held(rq);
	WRITE_ONCE(cpu_data[rq->cpu].need_resched, true);
	if (rq->cpu != smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

void check_preempt_wakeup(struct rq *rq, struct task_struct *p)
{
	struct task_struct *curr = rq->donor;

	rq_lock_assert_held(rq);
	if (curr->is_idle ||
	    (s64)(curr->vruntime - p->vruntime) > (s64)SCHED_WAKEUP_GRANULARITY_NS) {
		resched_cpu_locked(rq);
		return;
	}
	/* Not preempting, but the CPU may have stopped its tick: tell it there is company. */
	if (rq->nr_running == 2 && rq->cpu != smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

void yield_task_fair(struct rq *rq)
{
	rq_lock_assert_held(rq);
	update_curr(rq);
	/* Go to the back of the line: behind the task furthest ahead. */
	if (rq->leftmost) {
		struct rb_node *last = rb_last(&rq->timeline);

		if ((s64)(task_of(last)->vruntime - current->vruntime) > 0)
			current->vruntime = task_of(last)->vruntime + 1;
	}
}

/* ---- two run queues ----------------------------------------------------------------- */

void double_rq_lock(struct rq *a, struct rq *b)
{
	if (a == b) {
		arch_spin_lock(&a->lock);
	} else if (a->cpu < b->cpu) {
		arch_spin_lock(&a->lock);
		arch_spin_lock(&b->lock);
	} else {
		arch_spin_lock(&b->lock);
		arch_spin_lock(&a->lock);
	}
}

void double_rq_unlock(struct rq *a, struct rq *b)
{
	arch_spin_unlock(&a->lock);
	if (a != b)
		arch_spin_unlock(&b->lock);
}

/* Moves a queued, not running task from src to dst (both locked). */
void move_queued_task(struct rq *src, struct rq *dst, struct task_struct *p)
{
	rq_lock_assert_held(src);
	rq_lock_assert_held(dst);
	timeline_remove(src, p);
	account_dequeue(src, p);
	migrate_task_vruntime(src, dst, p);
	WRITE_ONCE(p->cpu, dst->cpu);
	account_enqueue(dst, p);
	timeline_insert(dst, p);
}

/* ---- choosing a CPU ----------------------------------------------------------------- */

bool cpu_allowed(struct task_struct *p, int cpu)
{
	return (p->cpus_allowed & cpumask_of(cpu)) && cpu_data[cpu].online;
}

/* The task's last CPU if it is allowed and free, else the least loaded allowed one. */
int select_task_rq(struct task_struct *p)
{
	int best = -1, cpu;
	unsigned int best_nr = ~0u;

	/* Bound to one CPU (a per-CPU thread, kthread_bind): nothing to choose, as in Linux. */
	if (!(p->cpus_allowed & (p->cpus_allowed - 1))) {
		cpu = __builtin_ctzll(p->cpus_allowed);
		if (cpu_data[cpu].online)
			return cpu;
	}
	if (cpu_allowed(p, p->cpu) && READ_ONCE(cpu_rq(p->cpu)->nr_running) == 0)
		return p->cpu;
	for_each_online_cpu(cpu)
	{
		unsigned int nr = READ_ONCE(cpu_rq(cpu)->nr_running);

		if (!cpu_allowed(p, cpu))
			continue;
		if (nr < best_nr || (nr == best_nr && cpu == p->cpu)) {
			best = cpu;
			best_nr = nr;
		}
	}
	return best >= 0 ? best : p->cpu;
}

/* ---- the tick and balancing --------------------------------------------------------- */

/* Pulls one queued task from the busiest CPU to this one; true if it moved one. */
bool pull_one_task(struct rq *this)
{
	struct rq *busiest = NULL;
	struct rb_node *node;
	bool moved = false;
	int cpu;

	for_each_online_cpu(cpu)
	{
		struct rq *rq = cpu_rq(cpu);

		if (rq != this && READ_ONCE(rq->nr_running) > READ_ONCE(this->nr_running) + 1 &&
		    (!busiest || rq->nr_running > busiest->nr_running))
			busiest = rq;
	}
	if (!busiest)
		return false;
	double_rq_lock(this, busiest);
	if (busiest->nr_running > this->nr_running + 1) {
		/* The task furthest ahead: it would wait longest here. */
		for (node = rb_last(&busiest->timeline); node; node = rb_prev(node)) {
			struct task_struct *p = task_of(node);

			if (p->on_cpu || !cpu_allowed(p, this->cpu))
				continue;
			move_queued_task(busiest, this, p);
			moved = true;
			break;
		}
	}
	double_rq_unlock(this, busiest);
	return moved;
}

void scheduler_tick(void)
{
	struct rq *rq = this_rq();
	struct task_struct *curr;

	arch_spin_lock(&rq->lock);
	update_curr(rq);
	curr = rq->donor; /* the slice and the CPU itimers are the donor's */
	account_process_tick(rq, curr, rq->curr);
	if (curr->is_idle) {
		if (rq->nr_running)
			resched_cpu_locked(rq);
	} else if (rq->leftmost &&
		   curr->sum_exec_runtime - rq->slice_start >= sched_slice(rq, curr)) {
		resched_cpu_locked(rq);
	}
	arch_spin_unlock(&rq->lock);
	/* A CPU itimer that ran out at this charge: its signal, now that the lock is dropped. */
	if (unlikely(signal_itimers_fired(curr->signal)))
		itimer_send_fired(curr);
	if (pull_one_task(rq))
		WRITE_ONCE(this_cpu()->need_resched, true);
	nmi_report_pending(); /* not policy, but the tick is where printing is safe */
}

/*
 * A shared CPU needs the tick, and so does one whose task's process has a CPU itimer armed:
 * its time is split between user and system mode only at the tick, and the itimer is checked
 * there (Linux keeps the tick for posix CPU timers likewise).
 */
bool sched_needs_tick(void)
{
	struct rq *rq = this_rq();
	unsigned int nr = READ_ONCE(rq->nr_running);

	return nr > 1 ||
	       (nr == 1 && (current->is_idle || signal_cpu_itimers_armed(current->signal)));
}
