// SPDX-License-Identifier: GPL-2.0
/*
 * Switching: per-CPU run queues, waking tasks onto them, schedule() and the context switch,
 * and moving tasks between CPUs. Which task runs next is the policy's (fair.c); what a task
 * is made of and how it ends is fork.c's and exit.c's; what x86 does at a switch is
 * switch_to's (arch/x86_64/kernel/process.c). See docs/sched.md.
 *
 * Locking: see sched.h. A task's on_rq says whether it is queued (TASK_ON_RQ_QUEUED: in a
 * run queue's counts, in its timeline unless running) or between two run queues
 * (TASK_ON_RQ_MIGRATING: nobody may touch it then; task_rq_lock waits until it has arrived).
 */
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <asm/switch_to.h>
#include <asm/syscall.h>
#include <asm/traps.h>
#include <kernel/errno.h>
#include <kernel/interrupt.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/timer.h>
#include <kernel/vmalloc.h>

#include "sched.h"

struct rq runqueues[NR_CPUS];
static struct task_struct init_task; /* the boot CPU's idle task: the boot context itself */
extern u8 *const boot_stack_guard;

static const unsigned long nice_to_weight[40] = {
	88818, 71054, 56843, 45475, 36380, 29104, 23283, 18626, 14901, 11921,
	9537,  7629,  6104,  4883,  3906,  3125,  2500,	 2000,	1600,  1280,
	1024,  819,   655,   524,   419,   336,	  268,	 215,	172,   137,
	110,   88,    70,    56,    45,	   36,	  29,	 23,	18,    15,
};

void schedule_tail(struct task_struct *prev);

/* ---- locking a task's run queue ---------------------------------------------------- */

/*
 * Locks the run queue p is on, and keeps it there: p->cpu changes only with that lock held,
 * or while p is in transit (TASK_ON_RQ_MIGRATING), which this waits out.
 */
static struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
{
	for (;;) {
		struct rq *rq;

		local_irq_save(*flags);
		rq = cpu_rq(READ_ONCE(p->cpu));
		arch_spin_lock(&rq->lock);
		if (likely(rq->cpu == READ_ONCE(p->cpu) && !task_on_rq_migrating(p)))
			return rq;
		arch_spin_unlock(&rq->lock);
		local_irq_restore(*flags);
		while (task_on_rq_migrating(p))
			cpu_relax();
	}
}

static void task_rq_unlock(struct rq *rq, unsigned long flags)
{
	arch_spin_unlock(&rq->lock);
	local_irq_restore(flags);
}

/*
 * The tick is needed while a CPU is shared. The need only rises when a task is queued: here
 * for this CPU's queue, by the reschedule IPI for another's (check_preempt_wakeup sends one
 * when the queue becomes shared), at the tick itself for what balancing pulls. A switch
 * never raises it, so switches leave the timer alone, and a tick no longer needed stops
 * itself at its next interrupt (the timer interrupt re-arms for what is still wanted).
 */
static __always_inline void tick_start_if_needed(void)
{
	if (sched_needs_tick())
		tick_program_this_cpu();
}

/* ---- time lent by an IPC call ------------------------------------------------------ */

/*
 * Ends a donation (rq->donor != rq->curr, see sched.h): the donor is charged up to now, and
 * curr runs on its own time from here, with what the donor had used of the slice and its
 * own vruntime brought up to the queue's (it ran unseen meanwhile, and may have been asleep
 * long before). Called with rq->lock held, wherever the donor could be touched otherwise: a
 * switch other than the IPC's own, a wake-up of the donor, a move of the donor.
 */
void sched_donation_end(struct rq *rq)
{
	struct task_struct *donor = rq->donor, *curr = rq->curr;
	u64 used;

	rq_lock_assert_held(rq);
	update_curr(rq);
	account_switch_out(rq, donor);
	used = donor->sum_exec_runtime - rq->slice_start;
	rq->donor = curr;
	curr->exec_start = rq->clock;
	rq->slice_start = curr->sum_exec_runtime - used;
	place_task(rq, curr, false);
}

/* ---- waking up ---------------------------------------------------------------------- */

static bool try_to_wake_up(struct task_struct *p, long state)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(p, &flags);
	int target;

	if (!(p->state & state)) {
		task_rq_unlock(rq, flags);
		return false;
	}
	WRITE_ONCE(p->state, TASK_RUNNING);
	loadavg_wake(rq, p);
	if (unlikely(rq->donor == p && rq->curr != p))
		sched_donation_end(rq); /* before p is queued or moved: it is charged no more */
	if (p->on_rq) {
		/* It had not gone to sleep yet: it will see RUNNING and carry on. */
		task_rq_unlock(rq, flags);
		return true;
	}
	/* A task still switching out on its CPU must stay there. */
	target = p->on_cpu ? p->cpu : select_task_rq(p);
	/*
	 * p->cpu changes only with both run queues locked, and p's own stays locked throughout:
	 * whoever locks p through task_rq_lock meanwhile waits, then follows the move. The
	 * destination is only tried (taking it in the wrong order could deadlock); if it is
	 * busy, p wakes where it was and balancing moves it later.
	 */
	if (target != rq->cpu) {
		struct rq *dst = cpu_rq(target);

		if (arch_spin_trylock(&dst->lock)) {
			migrate_task_vruntime(rq, dst, p);
			WRITE_ONCE(p->cpu, target);
			arch_spin_unlock(&rq->lock);
			rq = dst;
		}
	}
	/* Charge the running task first: placement and the preemption check compare with it. */
	update_curr(rq);
	place_task(rq, p, p->nr_switches == 0);
	enqueue_task_fair(rq, p);
	check_preempt_wakeup(rq, p);
	task_rq_unlock(rq, flags);
	if (rq->cpu == smp_processor_id())
		tick_start_if_needed();
	return true;
}

/*
 * As Linux's try_to_wake_up, with preemption off around it: a preemption the wake-up calls
 * for (check_preempt_wakeup) then happens on the way out when the caller can be preempted,
 * not at some later preemption point.
 */
bool wake_up_state(struct task_struct *p, long state)
{
	bool woken;

	preempt_disable();
	woken = try_to_wake_up(p, state);
	preempt_enable();
	return woken;
}

bool wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE);
}

/* ---- switching ---------------------------------------------------------------------- */

/*
 * A migrating prev, after the switch, still holding this CPU's run-queue lock (rare: only
 * set_cpus_allowed on a running task asks for it). What it needs depends on the state it left
 * in, fixed by __schedule under this lock:
 *  - runnable (TASK_ON_RQ_MIGRATING): it is queued on the destination; until then
 *    task_rq_lock waits, so no wake-up or second move can queue it twice;
 *  - asleep (not on_rq): nothing to queue; it will wake up on the destination, its
 *    vruntime made relative to that run queue's. p->cpu changes under this lock after
 *    on_cpu clears, so a waker that locked the old run queue
 *    follows it, and one that reads the new CPU cannot find it still running;
 *  - dead: nothing to queue either, and its last reference goes.
 */
static __noinline void finish_migration(struct rq *rq, struct task_struct *prev)
{
	int target = prev->migrate_to;
	bool runnable = task_on_rq_migrating(prev);
	bool dead = !runnable && prev->state == TASK_DEAD;
	struct rq *dst = cpu_rq(target);

	prev->migrate_to = -1;
	__atomic_store_n(&prev->on_cpu, false, __ATOMIC_RELEASE);
	if (!runnable) {
		if (!dead) {
			migrate_task_vruntime(rq, dst, prev);
			WRITE_ONCE(prev->cpu, target);
		}
		arch_spin_unlock(&rq->lock);
		if (dead)
			put_task_struct(prev); /* the reference the running task held on itself */
		return;
	}
	arch_spin_unlock(&rq->lock);

	arch_spin_lock(&dst->lock);
	migrate_task_vruntime(rq, dst, prev);
	WRITE_ONCE(prev->cpu, target);
	enqueue_task_fair(dst, prev);
	check_preempt_wakeup(dst, prev);
	arch_spin_unlock(&dst->lock);
}

/*
 * The second half of every switch, on the new task's stack with the old CPU's run-queue
 * lock still held: release the old task, and deliver it where it must go.
 */
static __always_inline void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	bool dead;

	rq_lock_assert_held(rq);
	if (unlikely(prev->migrate_to >= 0)) {
		finish_migration(rq, prev);
		return;
	}
	/* A dead task preempted before its last schedule() is still queued: not yet. */
	dead = prev->state == TASK_DEAD && !prev->on_rq;
	__atomic_store_n(&prev->on_cpu, false, __ATOMIC_RELEASE);
	arch_spin_unlock(&rq->lock);
	if (unlikely(dead))
		put_task_struct(prev); /* the reference the running task held on itself */
}

/*
 * A switch never starts the tick (tick_start_if_needed), but a task whose process has a CPU
 * itimer armed needs it even alone on its CPU (sched_needs_tick): the one check a switch makes.
 */
static __noinline void tick_start_for_itimer_slow(void)
{
	if (signal_cpu_itimers_armed(current->signal))
		tick_program_this_cpu();
}

static __always_inline void tick_start_for_itimer(void)
{
	if (cpu_itimers_in_use())
		tick_start_for_itimer_slow();
}

/* A new task's first code (from ret_from_kthread): finish the switch, undo schedule()'s
 * preemption and interrupt disabling, which the new task never returns through. */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	tick_start_for_itimer();
	preempt_enable_no_resched();
	local_irq_enable();
}

/* Called with rq->lock held; returns with it released, on next's stack, as prev again. */
static __always_inline void context_switch(struct rq *rq, struct task_struct *prev,
					   struct task_struct *next)
{
	if (next->active_mm != this_cpu()->active_mm)
		switch_mm_irqs_off(next->active_mm);
	syscall_switch_entry(next); /* strace's entry hook follows the traced tasks */
	prev = switch_to(prev, next);
	finish_task_switch(prev);
	tick_start_for_itimer();
}

/*
 * prev leaves the CPU (called with rq->lock held). preempt: it is switched away involuntarily
 * (an interrupt, preempt_enable); it then stays queued whatever its state: it may have set a
 * sleeping state and not yet looked at its condition, and if that is already true nobody
 * would wake it again.
 */
static __always_inline void put_prev(struct rq *rq, struct task_struct *prev, bool preempt)
{
	bool runnable = preempt || prev->state == TASK_RUNNING;

	if (unlikely(prev->migrate_to >= 0)) {
		/* Leaves this queue now, joins the other in finish_migration. */
		dequeue_task_fair(rq, prev);
		if (runnable)
			WRITE_ONCE(prev->on_rq, TASK_ON_RQ_MIGRATING);
	} else if (runnable) {
		put_prev_task_fair(rq, prev);
	} else {
		dequeue_task_fair(rq, prev);
		if (prev->state & TASK_UNINTERRUPTIBLE)
			loadavg_sleep_uninterruptible(rq, prev);
	}
}

/*
 * Switches from prev to next (taken off the timeline already), next's turn beginning with
 * slice_used of its slice already gone. Called with rq->lock held, returns without it.
 */
static __always_inline void switch_locked(struct rq *rq, struct task_struct *prev,
					  struct task_struct *next, u64 slice_used)
{
	u64 now = rq->clock;

	rq_lock_assert_held(rq);
	next->exec_start = now;
	rq->donor = next;
	rq->slice_start = next->sum_exec_runtime - slice_used;
	if (unlikely(prev->is_idle != next->is_idle)) {
		if (prev->is_idle)
			rq->idle_ns += now - rq->idle_since;
		else
			rq->idle_since = now;
	}
	if (unlikely(next == prev)) {
		arch_spin_unlock(&rq->lock);
		return;
	}
	rq->curr = next;
	rq->nr_switches++;
	next->nr_switches++;
	__atomic_store_n(&next->on_cpu, true, __ATOMIC_RELAXED);
	context_switch(rq, prev, next);
}

static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	struct rq *rq = this_rq();

	arch_spin_lock(&rq->lock);
	WRITE_ONCE(this_cpu()->need_resched, false);
	if (unlikely(rq->donor != prev))
		sched_donation_end(rq);
	update_curr(rq);
	if (likely(!prev->is_idle)) {
		account_switch_out(rq, prev);
		put_prev(rq, prev, preempt);
	}
	next = pick_next_task_fair(rq);
	switch_locked(rq, prev, next, 0);
}

void schedule(void)
{
	unsigned long flags;

	if (unlikely(preempt_count()))
		pr_err("BUG: scheduling while atomic: %s, preempt count %d\n", current->comm,
		       preempt_count());
	local_irq_save(flags);
	preempt_disable();
	__schedule(false);
	preempt_enable_no_resched();
	local_irq_restore(flags);
}

void preempt_schedule(void)
{
	unsigned long flags;

	if (irqs_disabled())
		return; /* acted on when interrupts come back on (the next tick or IPI) */
	local_irq_save(flags);
	preempt_disable();
	__schedule(true);
	preempt_enable_no_resched();
	local_irq_restore(flags);
}

/* From the end of an interrupt that came in with interrupts and preemption allowed. */
void preempt_schedule_irq(void)
{
	preempt_disable();
	__schedule(true);
	preempt_enable_no_resched();
}

int sched_switch_to(struct task_struct *next)
{
	struct task_struct *prev = current;
	unsigned long flags;
	struct rq *rq;
	u64 used;

	local_irq_save(flags);
	preempt_disable();
	rq = this_rq();
	arch_spin_lock(&rq->lock);
	if (unlikely(next == prev || prev->is_idle || !task_on_rq_queued(next) || next->on_cpu ||
		     next->cpu != rq->cpu)) {
		arch_spin_unlock(&rq->lock);
		preempt_enable_no_resched();
		local_irq_restore(flags);
		return -EINVAL;
	}
	if (unlikely(rq->donor != prev))
		sched_donation_end(rq);
	update_curr(rq);
	used = prev->sum_exec_runtime - rq->slice_start;
	put_prev(rq, prev, false);
	take_task_fair(rq, next);
	switch_locked(rq, prev, next, used);
	preempt_enable_no_resched();
	local_irq_restore(flags);
	return 0;
}

/*
 * The IPC fast path's switch (kernel/ipc.c): next is asleep, and the caller has just given it
 * what it waited for; prev has set its own sleeping state (or stays runnable if a wake-up
 * already set it back to TASK_RUNNING). next is woken and becomes current in one step, with
 * the rest of prev's slice: it is counted on the run queue (it runs, so it is not in the
 * timeline) but never inserted, picked or compared with the others, as a wake-up would do.
 * Anything unusual (next woken meanwhile by someone else, on another CPU, still switching
 * out) is refused under the run-queue lock with -EINVAL and nothing done: the caller then
 * wakes next the ordinary way.
 *
 * donate: prev sleeps in a call until next replies, and lends it its time, as seL4's
 * scheduling contexts pass with a call: next runs charged to rq->donor (prev, or whoever
 * lent prev its own), so the switch reads no clock and touches no policy state; the switch
 * back to the donor (the reply) ends the donation as cheaply. Any other switch charges
 * first, as sched_donation_end does.
 *
 * This half does the run queue's part, with interrupts off: it returns the run queue locked
 * with next its current (the context switch still to make), or NULL, nothing done.
 */
static __always_inline struct rq *switch_blocked_begin(struct task_struct *prev,
						       struct task_struct *next, bool donate)
{
	struct rq *rq = this_rq();
	u64 used;

	arch_spin_lock(&rq->lock);
	if (unlikely(next->on_rq || next->on_cpu || next->cpu != rq->cpu || prev->is_idle ||
		     !(next->state & (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)))) {
		arch_spin_unlock(&rq->lock);
		return NULL;
	}
	/* From here a concurrent wake-up of next finds it running and does nothing. */
	WRITE_ONCE(next->state, TASK_RUNNING);
	loadavg_wake(rq, next);
	if (likely((donate || next == rq->donor) && prev->state == TASK_INTERRUPTIBLE &&
		   prev->migrate_to < 0 && prev->weight == next->weight)) {
		swap_running_fair(rq, prev, next);
		goto out_switch;
	}
	if (unlikely(rq->donor != prev))
		sched_donation_end(rq);
	update_curr(rq);
	used = prev->sum_exec_runtime - rq->slice_start;
	account_switch_out(rq, prev);
	place_task(rq, next, next->nr_switches == 0);
	if (likely(prev->state == TASK_INTERRUPTIBLE && prev->migrate_to < 0 &&
		   prev->weight == next->weight)) {
		swap_running_fair(rq, prev, next);
	} else {
		put_prev(rq, prev, false);
		enqueue_running_fair(rq, next);
	}
	next->exec_start = rq->clock;
	rq->donor = next;
	rq->slice_start = next->sum_exec_runtime - used;
out_switch:
	rq->curr = next;
	rq->nr_switches++;
	next->nr_switches++;
	__atomic_store_n(&next->on_cpu, true, __ATOMIC_RELAXED);
	return rq;
}

int sched_switch_to_blocked(struct task_struct *next, bool donate)
{
	struct task_struct *prev = current;
	unsigned long flags;
	struct rq *rq;

	local_irq_save(flags);
	preempt_disable();
	rq = switch_blocked_begin(prev, next, donate);
	if (likely(rq))
		context_switch(rq, prev, next);
	preempt_enable_no_resched();
	local_irq_restore(flags);
	return rq ? 0 : -EINVAL;
}

/*
 * The same switch for a caller that leaves its kernel frames behind (kernel/ipc.c): it
 * sleeps in a system call whose end either another task writes into its user frame, then
 * returning it to user mode directly (switch_to_abandon), or resume() computes when it is
 * switched to the ordinary way. next, likewise, may have been left that way (direct): it
 * then goes straight back to user mode from its frame, its result already there. Called
 * with interrupts off, holding unlock (the only lock held, which the run queue's nests
 * inside): it is let go once the switch is certain, so that whoever waits for it finds the
 * switch made. -EINVAL, and nothing done, as sched_switch_to_blocked refuses; otherwise it
 * does not return.
 */
int sched_switch_abandon(struct task_struct *next, bool donate, bool direct, long (*resume)(void),
			 spinlock_t *unlock)
{
	struct task_struct *prev = current;
	struct rq *rq;

	lockdep_assert_held(unlock);
	rq = switch_blocked_begin(prev, next, donate);
	if (unlikely(!rq))
		return -EINVAL;
	spin_unlock_keep_preempt(unlock); /* its count is the one a switch is made with */
	/* What both ends rely on: ret_to_user_switched and ret_from_abandoned drop one. */
	if (IS_ENABLED(CONFIG_DEBUG_KERNEL))
		WARN_ON(!irqs_disabled() || preempt_count() != 1);
	if (next->active_mm != this_cpu()->active_mm)
		switch_mm_irqs_off(next->active_mm);
	syscall_switch_entry(next);
	switch_to_abandon(prev, next, direct, resume);
}

/* The end of a direct switch (switch_to_abandon), on next's stack: as context_switch's. */
void sched_switch_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	tick_start_for_itimer();
	preempt_enable_no_resched();
}

void yield(void)
{
	struct rq *rq;
	unsigned long flags;

	local_irq_save(flags);
	rq = this_rq();
	arch_spin_lock(&rq->lock);
	yield_task_fair(rq);
	arch_spin_unlock(&rq->lock);
	local_irq_restore(flags);
	schedule();
}

__noreturn void cpu_idle_loop(void)
{
	struct rq *rq = this_rq();

	for (;;) {
		while (!need_resched()) {
			local_irq_disable();
			/* Run-queue locks are taken with interrupts off: the tick takes them too. */
			if (pull_one_task(rq) || need_resched()) {
				local_irq_enable();
				break;
			}
			tick_idle_enter();
			nmi_report_pending();
			/* STI's one-instruction delay makes "enable and halt" atomic. */
			__asm__ volatile("sti; hlt" ::: "memory");
		}
		schedule();
	}
}

/* ---- tasks' scheduling parameters -------------------------------------------------- */

void sched_fork(struct task_struct *p)
{
	p->nice = 0;
	p->weight = NICE_0_LOAD;
	p->cpus_allowed = CPU_MASK_ALL;
	p->migrate_to = -1;
	RB_CLEAR_NODE(&p->run_node);
}

/*
 * A forked or cloned task runs as its parent did: same nice value, same CPUs, as Linux's
 * fork gives (sched_setaffinity(2): "a child created via fork(2) inherits its parent's CPU
 * affinity mask"). Before, a child of a process pinned to one CPU could start on another.
 */
void sched_fork_inherit(struct task_struct *p, struct task_struct *parent)
{
	int nice = READ_ONCE(parent->nice);

	p->nice = nice;
	p->weight = nice_to_weight[nice - MIN_NICE];
	p->cpus_allowed = READ_ONCE(parent->cpus_allowed);
}

int set_user_nice(struct task_struct *p, int nice)
{
	unsigned long flags;
	struct rq *rq;

	if (nice < MIN_NICE || nice > MAX_NICE)
		return -EINVAL;
	rq = task_rq_lock(p, &flags);
	if (p->on_rq)
		rq->load -= p->weight;
	p->nice = nice;
	p->weight = nice_to_weight[nice - MIN_NICE];
	if (p->on_rq)
		rq->load += p->weight;
	task_rq_unlock(rq, flags);
	return 0;
}

int set_cpus_allowed(struct task_struct *p, cpumask_t mask)
{
	unsigned long flags;
	struct rq *rq;
	int cpu, target = -1;

	for_each_online_cpu(cpu) if (mask & cpumask_of(cpu))
	{
		target = cpu;
		break;
	}
	if (target < 0)
		return -EINVAL;
	rq = task_rq_lock(p, &flags);
	p->cpus_allowed = mask;
	if (mask & cpumask_of(p->cpu)) {
		p->migrate_to = -1; /* a move asked for earlier is no longer needed */
		task_rq_unlock(rq, flags);
		return 0;
	}
	if (p == current) {
		/* Leave at the next switch; finish_migration delivers it to target. */
		p->migrate_to = target;
		WRITE_ONCE(this_cpu()->need_resched, true);
		task_rq_unlock(rq, flags);
		schedule();
		return 0;
	}
	if (p->on_cpu) {
		/* Running elsewhere (or switching out): it moves itself at its next switch. */
		p->migrate_to = target;
		resched_cpu_locked(rq);
	} else if (p->on_rq) {
		struct rq *dst = cpu_rq(target);

		arch_spin_unlock(&rq->lock);
		double_rq_lock(rq, dst);
		if (task_on_rq_queued(p) && !p->on_cpu && p->cpu == rq->cpu) {
			move_queued_task(rq, dst, p);
			check_preempt_wakeup(dst, p);
		}
		double_rq_unlock(rq, dst);
		if (dst->cpu == smp_processor_id())
			tick_start_if_needed(); /* a remote one got the IPI */
		local_irq_restore(flags);
		return 0;
	} else {
		/* Asleep: it wakes up there, with its lag carried over (dst's clock unlocked: near
		 * enough, as for a wake-up that moves). */
		if (unlikely(rq->donor == p))
			sched_donation_end(rq);
		migrate_task_vruntime(rq, cpu_rq(target), p);
		WRITE_ONCE(p->cpu, target);
	}
	task_rq_unlock(rq, flags);
	return 0;
}

/* ---- statistics --------------------------------------------------------------------- */

unsigned long nr_running_on(int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->nr_running);
}

u64 cpu_nr_switches(int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->nr_switches);
}

u64 cpu_idle_time_ns(int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->idle_ns);
}

static atomic_long_t might_sleep_count;

void __might_sleep(const char *file, int line)
{
	if (likely(!preempt_count() && !irqs_disabled()))
		return;
	atomic_long_inc(&might_sleep_count);
	pr_err("BUG: sleeping function called from invalid context at %s:%d (preempt count %d, "
	       "irqs %s)\n",
	       file, line, preempt_count(), irqs_disabled() ? "off" : "on");
	dump_stack();
}

unsigned long might_sleep_reports(void)
{
	return atomic_long_read(&might_sleep_count);
}

/* ---- boot --------------------------------------------------------------------------- */

static void init_rq(int cpu, struct task_struct *idle)
{
	struct rq *rq = cpu_rq(cpu);

	spin_lock_init(&rq->lock);
	rq->cpu = cpu;
	rq->timeline = RB_ROOT;
	rq->idle = idle;
	rq->curr = idle;
	rq->donor = idle;
	idle->is_idle = true;
	idle->cpu = cpu;
	idle->state = TASK_RUNNING;
	idle->on_cpu = true;
	idle->exec_start = sched_clock();
	rq->clock = idle->exec_start;
	rq->idle_since = idle->exec_start;
	cpu_data[cpu].current_task = idle;
}

static void init_idle_fields(struct task_struct *idle, int cpu)
{
	sched_fork(idle);
	INIT_LIST_HEAD(&idle->tasks);
	atomic_set(&idle->usage, 1);
	spin_lock_init(&idle->alloc_lock);
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%d", cpu);
	idle->cpus_allowed = cpumask_of(cpu);
}

struct task_struct *sched_init_idle(int cpu)
{
	struct task_struct *idle = kzalloc(sizeof(*idle), GFP_KERNEL);

	if (!idle)
		return NULL;
	init_idle_fields(idle, cpu);
	idle->stack = alloc_kernel_stack();
	if (!idle->stack) {
		kfree(idle);
		return NULL;
	}
	init_rq(cpu, idle);
	return idle;
}

void sched_init(void)
{
	struct task_struct *idle = &init_task;

	init_idle_fields(idle, 0);
	/* The boot stack sits right above its guard page. */
	idle->stack = boot_stack_guard + PAGE_SIZE;
	init_rq(0, idle);
	cpu_data[0].top_of_stack = (unsigned long)idle->stack + CONFIG_BOOT_STACK_SIZE;
}
