/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

/*
 * What the scheduler's files share and nobody else sees: the run queue, and the calls
 * between switching (core.c) and the fair policy (fair.c).
 *
 * Locking: rq->lock, taken with interrupts off, covers a run queue and the scheduling fields
 * of the tasks on it. A context switch is made with the lock held; the task switched to
 * releases it (finish_task_switch). Two run queues are locked in CPU order. A task is only
 * moved to another CPU when it is not running (on_cpu clear).
 *
 * rq->lock is taken with arch_spin_lock, not spin_lock: it is handed from one task to the
 * next across a switch, which lockdep's per-task held-lock lists cannot describe. So
 * "called with rq->lock held" is asserted with rq_lock_assert_held, which checks that the
 * lock is taken at all (by this CPU, in every caller, but that it cannot see).
 */
#include <asm/percpu.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>

#define SCHED_LATENCY_NS (12 * 1000000ULL) /* a period in which every task runs once */
#define SCHED_MIN_GRANULARITY_NS (1500000ULL) /* shortest slice */
#define SCHED_WAKEUP_GRANULARITY_NS (2000000ULL)

struct rq {
	spinlock_t lock;
	int cpu;
	struct rb_root timeline;
	struct rb_node *leftmost;
	unsigned int nr_running; /* runnable tasks here, the running one included, idle not */
	unsigned long load; /* their weights */
	u64 min_vruntime;
	u64 clock; /* sched_clock() when update_curr last ran */
	struct task_struct *curr;
	/*
	 * Whose time curr runs on: curr itself, or a task asleep in an IPC call that handed curr
	 * the CPU (sched_switch_to_blocked's donation). update_curr charges the donor, and the
	 * tick, the slice and the preemption checks look at it; the donation ends when the donor
	 * runs again or wakes, or at any other switch (sched_donation_end).
	 */
	struct task_struct *donor;
	struct task_struct *idle;
	u64 slice_start; /* sum_exec_runtime of curr when it was picked */
	u64 nr_switches;
	u64 idle_ns;
	u64 idle_since;
} __aligned(64);

extern struct rq runqueues[NR_CPUS];

static inline struct rq *cpu_rq(int cpu)
{
	return &runqueues[cpu];
}

static inline struct rq *this_rq(void)
{
	return cpu_rq(smp_processor_id());
}

#ifdef CONFIG_DEBUG_LOCKDEP
#define rq_lock_assert_held(rq) WARN_ON(!spin_is_locked(&(rq)->lock))
#else
#define rq_lock_assert_held(rq) ((void)(rq))
#endif

static inline bool task_on_rq_queued(const struct task_struct *p)
{
	return READ_ONCE(p->on_rq) == TASK_ON_RQ_QUEUED;
}

static inline bool task_on_rq_migrating(const struct task_struct *p)
{
	return READ_ONCE(p->on_rq) == TASK_ON_RQ_MIGRATING;
}

/* fair.c: the policy. All called with rq->lock held. */
void enqueue_task_fair(struct rq *rq, struct task_struct *p);
void dequeue_task_fair(struct rq *rq, struct task_struct *p);
void enqueue_running_fair(struct rq *rq, struct task_struct *p);
void swap_running_fair(struct rq *rq, struct task_struct *prev, struct task_struct *next);
void put_prev_task_fair(struct rq *rq, struct task_struct *prev);
struct task_struct *pick_next_task_fair(struct rq *rq);
void take_task_fair(struct rq *rq, struct task_struct *p);
void place_task(struct rq *rq, struct task_struct *p, bool new);
void update_curr(struct rq *rq);
u64 sched_slice(struct rq *rq, struct task_struct *p);
void sched_donation_end(struct rq *rq);
void check_preempt_wakeup(struct rq *rq, struct task_struct *p);
void migrate_task_vruntime(struct rq *src, struct rq *dst, struct task_struct *p);
void move_queued_task(struct rq *src, struct rq *dst, struct task_struct *p);
void resched_cpu_locked(struct rq *rq);
int select_task_rq(struct task_struct *p);
bool cpu_allowed(struct task_struct *p, int cpu);
/* Without a lock held: pulls a task from the busiest CPU, interrupts off. */
bool pull_one_task(struct rq *this);
void yield_task_fair(struct rq *rq);
void double_rq_lock(struct rq *a, struct rq *b);
void double_rq_unlock(struct rq *a, struct rq *b);

/* core.c, for fork.c: a new task's scheduling fields. */
void sched_fork(struct task_struct *p);

#endif /* _KERNEL_SCHED_SCHED_H */
