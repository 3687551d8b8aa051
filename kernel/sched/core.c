// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler: per-CPU run queues of a fair scheduler in the manner of CFS (see
 * docs/sched.md for the design and its costs).
 *
 * Each task accumulates virtual runtime: real CPU time scaled by NICE_0_LOAD / weight, so a
 * heavier task's clock runs slower. Each run queue keeps its runnable tasks in a red-black
 * tree by vruntime and always runs the leftmost, the one that has had least; the running
 * task is taken out of the tree and counted apart. The tick ends a task's turn when it has
 * run its slice (its weight's share of the latency period); a wake-up preempts when the woken
 * task is sufficiently behind.
 *
 * Locking: rq->lock, taken with interrupts off, covers a run queue and the scheduling fields
 * of the tasks on it. A context switch is made with the lock held; the task switched to
 * releases it (finish_task_switch). Two run queues are locked in CPU order. A task is only
 * moved to another CPU when it is not running (on_cpu clear).
 */
#include <asm/fpu.h>
#include <asm/irq_vectors.h>
#include <asm/irqflags.h>
#include <asm/percpu.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
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
	struct task_struct *curr;
	struct task_struct *idle;
	u64 slice_start; /* sum_exec_runtime of curr when it was picked */
	u64 nr_switches;
	u64 idle_ns;
	u64 idle_since;
} __aligned(64);

static struct rq runqueues[NR_CPUS];
static struct task_struct init_task; /* the boot CPU's idle task: the boot context itself */
static LIST_HEAD(task_list);
static DEFINE_SPINLOCK(tasklist_lock);
static atomic_t next_pid = ATOMIC_INIT(1);
static atomic_t task_count;
extern u8 *const boot_stack_guard;

static const unsigned long nice_to_weight[40] = {
	88818, 71054, 56843, 45475, 36380, 29104, 23283, 18626, 14901, 11921,
	9537,  7629,  6104,  4883,  3906,  3125,  2500,	 2000,	1600,  1280,
	1024,  819,   655,   524,   419,   336,	  268,	 215,	172,   137,
	110,   88,    70,    56,    45,	   36,	  29,	 23,	18,    15,
};

static void finish_task_switch(struct task_struct *prev);
struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);
void ret_from_kthread(void);
void schedule_tail(struct task_struct *prev);
void kthread_exit(int code);

static inline struct rq *cpu_rq(int cpu)
{
	return &runqueues[cpu];
}

static inline struct rq *this_rq(void)
{
	return cpu_rq(smp_processor_id());
}

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
	p->on_rq = true;
}

static void account_dequeue(struct rq *rq, struct task_struct *p)
{
	rq->nr_running--;
	rq->load -= p->weight;
	p->on_rq = false;
}

static void update_min_vruntime(struct rq *rq)
{
	u64 v = rq->min_vruntime;
	bool have = false;

	if (rq->curr && !rq->curr->is_idle && rq->curr->on_rq) {
		v = rq->curr->vruntime;
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

/* Charges the running task for the time since it was last charged. */
static void update_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;
	u64 now = sched_clock(), delta;

	if (!curr)
		return;
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

/* Where a task enters the timeline: no credit for time slept beyond half a period. */
static void place_task(struct rq *rq, struct task_struct *p, bool new)
{
	u64 floor = rq->min_vruntime - (new ? 0 : SCHED_LATENCY_NS / 2);

	if (new || (s64)(p->vruntime - floor) < 0)
		p->vruntime = floor;
}

static u64 sched_slice(struct rq *rq, struct task_struct *p)
{
	u64 slice = SCHED_LATENCY_NS * p->weight / (rq->load ? rq->load : 1);

	return slice < SCHED_MIN_GRANULARITY_NS ? SCHED_MIN_GRANULARITY_NS : slice;
}

/* ---- asking a CPU to reschedule ----------------------------------------------------- */

static void resched_cpu_locked(struct rq *rq)
{
	WRITE_ONCE(cpu_data[rq->cpu].need_resched, true);
	if (rq->cpu != smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

static void check_preempt_wakeup(struct rq *rq, struct task_struct *p)
{
	struct task_struct *curr = rq->curr;

	if (curr->is_idle ||
	    (s64)(curr->vruntime - p->vruntime) > (s64)SCHED_WAKEUP_GRANULARITY_NS) {
		resched_cpu_locked(rq);
		return;
	}
	/* Not preempting, but the CPU may have stopped its tick: tell it there is company. */
	if (rq->nr_running == 2 && rq->cpu != smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

/* ---- locking a task's run queue ---------------------------------------------------- */

static struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
{
	for (;;) {
		struct rq *rq = cpu_rq(READ_ONCE(p->cpu));

		local_irq_save(*flags);
		arch_spin_lock(&rq->lock);
		if (rq->cpu == READ_ONCE(p->cpu))
			return rq;
		arch_spin_unlock(&rq->lock);
		local_irq_restore(*flags);
	}
}

static void task_rq_unlock(struct rq *rq, unsigned long flags)
{
	arch_spin_unlock(&rq->lock);
	local_irq_restore(flags);
}

static void double_rq_lock(struct rq *a, struct rq *b)
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

static void double_rq_unlock(struct rq *a, struct rq *b)
{
	arch_spin_unlock(&a->lock);
	if (a != b)
		arch_spin_unlock(&b->lock);
}

/* Moves a queued, not running task from src to dst (both locked). */
static void move_queued_task(struct rq *src, struct rq *dst, struct task_struct *p)
{
	timeline_remove(src, p);
	account_dequeue(src, p);
	p->vruntime = p->vruntime - src->min_vruntime + dst->min_vruntime;
	WRITE_ONCE(p->cpu, dst->cpu);
	account_enqueue(dst, p);
	timeline_insert(dst, p);
}

/* ---- choosing a CPU ----------------------------------------------------------------- */

static bool cpu_allowed(struct task_struct *p, int cpu)
{
	return (p->cpus_allowed & cpumask_of(cpu)) && cpu_data[cpu].online;
}

/* The task's last CPU if it is allowed and free, else the least loaded allowed one. */
static int select_task_rq(struct task_struct *p)
{
	int best = -1, cpu;
	unsigned int best_nr = ~0u;

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

/* ---- waking up ---------------------------------------------------------------------- */

bool wake_up_state(struct task_struct *p, long state)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(p, &flags);
	int target;

	if (!(p->state & state)) {
		task_rq_unlock(rq, flags);
		return false;
	}
	WRITE_ONCE(p->state, TASK_RUNNING);
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
			p->vruntime = p->vruntime - rq->min_vruntime + dst->min_vruntime;
			WRITE_ONCE(p->cpu, target);
			arch_spin_unlock(&rq->lock);
			rq = dst;
		}
	}
	place_task(rq, p, p->nr_switches == 0);
	account_enqueue(rq, p);
	timeline_insert(rq, p);
	check_preempt_wakeup(rq, p);
	task_rq_unlock(rq, flags);
	if (rq->cpu == smp_processor_id())
		tick_program_this_cpu();
	return true;
}

bool wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE);
}

/* ---- switching ---------------------------------------------------------------------- */

static void context_switch(struct rq *rq, struct task_struct *prev, struct task_struct *next)
{
	struct cpu_data *cpu = this_cpu();

	if (next->active_mm != cpu->active_mm)
		__switch_mm(next->active_mm);
	if (prev->fpu_state)
		fpu_save(prev->fpu_state);
	if (next->fpu_state)
		fpu_restore(next->fpu_state);
	cpu->current_task = next;
	cpu->top_of_stack = (unsigned long)next->stack + THREAD_SIZE;
	cpu->tables.tss.rsp[0] = cpu->top_of_stack;
	prev = __switch_to_asm(prev, next);
	finish_task_switch(prev);
}

/*
 * The second half of every switch, on the new task's stack with the old CPU's run-queue
 * lock still held: release the old task, and deliver it where it must go.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	int target = prev->migrate_to;
	/* A dead task preempted before its last schedule() is still queued: not yet. */
	bool dead = prev->state == TASK_DEAD && !prev->on_rq;

	__atomic_store_n(&prev->on_cpu, false, __ATOMIC_RELEASE);
	arch_spin_unlock(&rq->lock);

	if (target >= 0) {
		struct rq *dst = cpu_rq(target);

		prev->migrate_to = -1;
		arch_spin_lock(&dst->lock);
		prev->vruntime = prev->vruntime - rq->min_vruntime + dst->min_vruntime;
		WRITE_ONCE(prev->cpu, target);
		account_enqueue(dst, prev);
		timeline_insert(dst, prev);
		check_preempt_wakeup(dst, prev);
		arch_spin_unlock(&dst->lock);
	}
	if (dead)
		put_task_struct(prev); /* the reference the running task held on itself */
}

/* A new task's first code (from ret_from_kthread): finish the switch, undo schedule()'s
 * preemption and interrupt disabling, which the new task never returns through. */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	preempt_enable_no_resched();
	local_irq_enable();
}

static struct task_struct *pick_next_task(struct rq *rq)
{
	struct task_struct *next;

	if (!rq->leftmost)
		return rq->idle;
	next = task_of(rq->leftmost);
	timeline_remove(rq, next);
	return next;
}

/*
 * preempt: the task is switched away involuntarily (an interrupt, preempt_enable). It then
 * stays queued whatever its state: it may have set a sleeping state and not yet looked at
 * its condition, and if that is already true nobody would wake it again.
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	struct rq *rq = this_rq();
	u64 now;

	arch_spin_lock(&rq->lock);
	WRITE_ONCE(this_cpu()->need_resched, false);
	update_curr(rq);

	if (!prev->is_idle) {
		if ((!preempt && prev->state != TASK_RUNNING) || prev->migrate_to >= 0)
			account_dequeue(rq, prev);
		else
			timeline_insert(rq, prev);
	}
	next = pick_next_task(rq);
	now = sched_clock();
	next->exec_start = now;
	rq->slice_start = next->sum_exec_runtime;
	if (prev->is_idle && !next->is_idle)
		rq->idle_ns += now - rq->idle_since;
	if (next->is_idle && !prev->is_idle)
		rq->idle_since = now;

	if (next == prev) {
		arch_spin_unlock(&rq->lock);
		tick_program_this_cpu();
		return;
	}
	rq->curr = next;
	rq->nr_switches++;
	next->nr_switches++;
	__atomic_store_n(&next->on_cpu, true, __ATOMIC_RELAXED);
	context_switch(rq, prev, next);
	tick_program_this_cpu();
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
void preempt_schedule_irq(void);
void preempt_schedule_irq(void)
{
	preempt_disable();
	__schedule(true);
	preempt_enable_no_resched();
}

void yield(void)
{
	struct rq *rq;
	unsigned long flags;

	/* Go to the back of the line: behind the task furthest ahead. */
	local_irq_save(flags);
	rq = this_rq();
	arch_spin_lock(&rq->lock);
	update_curr(rq);
	if (rq->leftmost) {
		struct rb_node *last = rb_last(&rq->timeline);

		if ((s64)(task_of(last)->vruntime - current->vruntime) > 0)
			current->vruntime = task_of(last)->vruntime + 1;
	}
	arch_spin_unlock(&rq->lock);
	local_irq_restore(flags);
	schedule();
}

/* ---- the tick and balancing --------------------------------------------------------- */

/* Pulls one queued task from the busiest CPU to this one; true if it moved one. */
static bool pull_one_task(struct rq *this)
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
	curr = rq->curr;
	if (curr->is_idle) {
		if (rq->nr_running)
			resched_cpu_locked(rq);
	} else if (rq->leftmost &&
		   curr->sum_exec_runtime - rq->slice_start >= sched_slice(rq, curr)) {
		resched_cpu_locked(rq);
	}
	arch_spin_unlock(&rq->lock);
	if (pull_one_task(rq))
		WRITE_ONCE(this_cpu()->need_resched, true);
}

bool sched_needs_tick(void)
{
	struct rq *rq = this_rq();

	return READ_ONCE(rq->nr_running) > 1 ||
	       (READ_ONCE(rq->nr_running) == 1 && current->is_idle);
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
			/* STI's one-instruction delay makes "enable and halt" atomic. */
			__asm__ volatile("sti; hlt" ::: "memory");
		}
		schedule();
	}
}

/* ---- tasks -------------------------------------------------------------------------- */

static void task_set_comm(struct task_struct *p, const char *name)
{
	strscpy(p->comm, name, sizeof(p->comm));
}

static void init_sched_fields(struct task_struct *p)
{
	p->nice = 0;
	p->weight = NICE_0_LOAD;
	p->cpus_allowed = CPU_MASK_ALL;
	p->migrate_to = -1;
	RB_CLEAR_NODE(&p->run_node);
	INIT_LIST_HEAD(&p->tasks);
	atomic_set(&p->usage, 1);
}

/*
 * The first stack frame of a new task, as __switch_to_asm will pop it: six callee-saved
 * registers (RBX = fn, R12 = data for ret_from_kthread) and the return address. The stack
 * top stays 16-byte aligned for the calls made from there.
 */
static void copy_thread(struct task_struct *p, int (*fn)(void *), void *data)
{
	unsigned long *sp = (unsigned long *)((u8 *)p->stack + THREAD_SIZE);

	*--sp = (unsigned long)ret_from_kthread;
	*--sp = 0; /* rbp */
	*--sp = (unsigned long)fn; /* rbx */
	*--sp = (unsigned long)data; /* r12 */
	*--sp = 0; /* r13 */
	*--sp = 0; /* r14 */
	*--sp = 0; /* r15 */
	p->thread.sp = (unsigned long)sp;
}

struct task_struct *create_task(int (*fn)(void *), void *data, const char *name)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);
	unsigned long flags;

	if (!p)
		return NULL;
	p->stack = alloc_kernel_stack();
	if (!p->stack)
		goto out_free_task;
	p->fpu_state = fpu_state_alloc();
	if (!p->fpu_state)
		goto out_free_stack;
	init_sched_fields(p);
	task_set_comm(p, name);
	p->pid = atomic_inc_return(&next_pid);
	p->state = TASK_UNINTERRUPTIBLE; /* not runnable until woken */
	p->cpu = smp_processor_id();
	p->thread_fn = fn;
	p->thread_data = data;
	/* Kernel threads act as their creator and share its root and working directory. */
	copy_creds(p);
	copy_fs(CLONE_FS, p);
	copy_thread(p, fn, data);

	spin_lock_irqsave(&tasklist_lock, flags);
	list_add_tail(&p->tasks, &task_list);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	atomic_inc(&task_count);
	return p;

out_free_stack:
	free_kernel_stack(p->stack);
out_free_task:
	kfree(p);
	return NULL;
}

void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}

void put_task_struct(struct task_struct *p)
{
	unsigned long flags;

	if (!atomic_dec_and_test(&p->usage))
		return;
	BUG_ON(p->is_idle);
	spin_lock_irqsave(&tasklist_lock, flags);
	list_del(&p->tasks);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	atomic_dec(&task_count);
	exit_fs(p); /* if do_exit did not (a task that never ran) */
	exit_creds(p);
	fpu_state_free(p->fpu_state);
	free_kernel_stack(p->stack);
	kfree(p->kthread);
	kfree(p);
}

__noreturn void do_exit(int code)
{
	exit_fs(current); /* here, where putting paths may sleep */
	lockdep_task_exit();
	current->exit_code = code;
	set_current_state(TASK_DEAD);
	schedule();
	BUG(); /* a dead task is never picked again */
	halt_forever();
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
		task_rq_unlock(rq, flags);
		return 0;
	}
	if (p == current) {
		/* Leave at the next switch; finish_task_switch delivers it to target. */
		p->migrate_to = target;
		WRITE_ONCE(this_cpu()->need_resched, true);
		task_rq_unlock(rq, flags);
		schedule();
		return 0;
	}
	if (p->on_rq && !p->on_cpu) {
		struct rq *dst = cpu_rq(target);

		arch_spin_unlock(&rq->lock);
		double_rq_lock(rq, dst);
		if (p->on_rq && !p->on_cpu && p->cpu == rq->cpu) {
			move_queued_task(rq, dst, p);
			check_preempt_wakeup(dst, p);
		}
		double_rq_unlock(rq, dst);
		local_irq_restore(flags);
		return 0;
	}
	if (p->on_rq && p->on_cpu) {
		/* Running elsewhere: it moves itself at its next switch. */
		p->migrate_to = target;
		resched_cpu_locked(rq);
	} else if (!p->on_rq) {
		WRITE_ONCE(p->cpu, target); /* asleep: it wakes up there */
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

unsigned long nr_tasks(void)
{
	return atomic_read(&task_count);
}

struct task_struct *find_get_task_by_pid(int pid)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks) {
		if (p->pid == pid && p->state != TASK_DEAD) {
			get_task_struct(p);
			found = p;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

int next_task_pid(int after)
{
	struct task_struct *p;
	unsigned long flags;
	int best = -1;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks)
		if (p->pid > after && p->state != TASK_DEAD && (best < 0 || p->pid < best))
			best = p->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return best;
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
	idle->is_idle = true;
	idle->cpu = cpu;
	idle->state = TASK_RUNNING;
	idle->on_cpu = true;
	idle->exec_start = sched_clock();
	rq->idle_since = idle->exec_start;
	cpu_data[cpu].current_task = idle;
}

struct task_struct *sched_init_idle(int cpu)
{
	struct task_struct *idle = kzalloc(sizeof(*idle), GFP_KERNEL);

	if (!idle)
		return NULL;
	init_sched_fields(idle);
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%d", cpu);
	idle->stack = alloc_kernel_stack();
	if (!idle->stack) {
		kfree(idle);
		return NULL;
	}
	idle->cpus_allowed = cpumask_of(cpu);
	init_rq(cpu, idle);
	return idle;
}

void sched_init(void)
{
	struct task_struct *idle = &init_task;

	init_sched_fields(idle);
	task_set_comm(idle, "swapper/0");
	/* The boot stack sits right above its guard page. */
	idle->stack = boot_stack_guard + PAGE_SIZE;
	idle->cpus_allowed = cpumask_of(0);
	init_rq(0, idle);
	cpu_data[0].top_of_stack = (unsigned long)idle->stack + CONFIG_BOOT_STACK_SIZE;
}
