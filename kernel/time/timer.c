// SPDX-License-Identifier: GPL-2.0
/*
 * The timer list and the tick. Each CPU has a base: its pending timers sorted by expiry, the
 * one whose handler is running, and the deadline its APIC timer is armed for. The timer
 * interrupt runs the expired timers, gives the scheduler its tick, and re-arms for whichever
 * comes first: the next timer, or the next tick if the CPU is shared.
 *
 * Locking: base->lock covers a base's list and fields, and each timer's entry, expires, cpu
 * and pending while it is on that base. It is a bare arch_spin_lock, always taken with
 * interrupts off (the scheduler re-arms the tick with its run-queue lock held, and lockdep
 * and preemption counting have no business there), and a leaf: a handler runs without it.
 * A running handler's timer stays on its base (timer_add does not move it), so that
 * timer_del_sync finds it there.
 */
#include <asm/apic.h>
#include <asm/irq_vectors.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <kernel/interrupt.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>
#include <kernel/timer.h>

struct timer_base {
	spinlock_t lock;
	struct list_head pending;
	struct timer_list *running;
	u64 armed; /* ns the APIC timer is set for; 0: not armed */
	u64 armed_at; /* ns when it was set */
	unsigned long early; /* interrupts well before the time armed for: a conversion bug */
	unsigned long interrupts;
	u64 cycles; /* spent in the handler, for the cost figure */
} __aligned(64);

static struct timer_base timer_bases[NR_CPUS];

/*
 * An interrupt this much before its deadline, plus 2% of the wait for the one-shot APIC
 * timer's calibration error, came early.
 */
#define EARLY_SLACK_NS NSEC_PER_MSEC
static bool tick_ready;

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *t))
{
	INIT_LIST_HEAD(&t->entry);
	t->function = fn;
	t->pending = false;
	t->cpu = -1;
}

/*
 * A plain (when - now) * tsc_khz passes 2^64 for a timer 1.7 hours ahead at 3 GHz, and the
 * wrapped deadline lies in the near past: the interrupt came at once, found nothing due and
 * re-armed for the same deadline, again and again. A deadline past the TSC's range is "never".
 */
static u64 ns_to_tsc_deadline(u64 when)
{
	u64 now_ns = sched_clock(), now = rdtsc(), cycles;

	if (when <= now_ns)
		return now + 1;
	cycles = mul_u64_u32_div(when - now_ns, tsc_khz, NSEC_PER_MSEC);
	return cycles > ~0ULL - now ? ~0ULL : now + cycles;
}

static void timer_base_assert_locked(struct timer_base *base)
{
	if (IS_ENABLED(CONFIG_DEBUG_KERNEL))
		WARN_ON(!spin_is_locked(&base->lock) || !irqs_disabled());
}

/* Arms this CPU's timer for what comes first; with base->lock held. */
static void __tick_program(struct timer_base *base)
{
	u64 next = 0;

	timer_base_assert_locked(base);
	if (!list_empty(&base->pending))
		next = list_first_entry(&base->pending, struct timer_list, entry)->expires;
	if (tick_ready && sched_needs_tick()) {
		u64 tick = sched_clock() + TICK_NSEC;

		if (!next || tick < next)
			next = tick;
	}
	if (next == base->armed)
		return;
	/* An earlier arming still stands if it comes before what we want now. */
	if (base->armed && next && base->armed <= next && base->armed > sched_clock())
		return;
	base->armed = next;
	base->armed_at = sched_clock();
	apic_timer_arm(next ? ns_to_tsc_deadline(next) : 0);
}

void tick_program_this_cpu(void)
{
	struct timer_base *base = &timer_bases[smp_processor_id()];
	unsigned long flags;

	local_irq_save(flags);
	arch_spin_lock(&base->lock);
	__tick_program(base);
	arch_spin_unlock(&base->lock);
	local_irq_restore(flags);
}

void tick_idle_enter(void)
{
	tick_program_this_cpu();
}

/* With the lock of t's base held. */
static void __timer_unlink(struct timer_list *t)
{
	timer_base_assert_locked(&timer_bases[t->cpu]);
	list_del_init(&t->entry);
	t->pending = false;
}

/*
 * Locks the base t was last added to, which may change until its lock is held; NULL for a
 * timer never added. Interrupts must be off.
 */
static struct timer_base *lock_timer_base(struct timer_list *t)
{
	for (;;) {
		int cpu = READ_ONCE(t->cpu);
		struct timer_base *base;

		if (cpu < 0)
			return NULL;
		base = &timer_bases[cpu];
		arch_spin_lock(&base->lock);
		if (t->cpu == cpu)
			return base;
		arch_spin_unlock(&base->lock); /* moved meanwhile */
	}
}

bool timer_del(struct timer_list *t)
{
	struct timer_base *base;
	unsigned long flags;
	bool was = false;

	local_irq_save(flags);
	base = lock_timer_base(t);
	if (base) {
		was = t->pending;
		if (was)
			__timer_unlink(t);
		arch_spin_unlock(&base->lock);
	}
	local_irq_restore(flags);
	return was;
}

/* timer_del, unless t's handler is running: then -1, and nothing changed. */
static int try_to_del_timer_sync(struct timer_list *t)
{
	struct timer_base *base;
	unsigned long flags;
	int ret = 0;

	local_irq_save(flags);
	base = lock_timer_base(t);
	if (base) {
		if (base->running == t) {
			ret = -1;
		} else if (t->pending) {
			__timer_unlink(t);
			ret = 1;
		}
		arch_spin_unlock(&base->lock);
	}
	local_irq_restore(flags);
	return ret;
}

/*
 * Waiting for the handler and then deleting is not enough: a handler that re-adds its timer
 * would leave it pending. Deleting only while the handler is not running, under the lock
 * the handler's start is decided under, is; and timer_add keeps a running timer on the base
 * it runs on, so that base->running is the one place to look.
 */
bool timer_del_sync(struct timer_list *t)
{
	int ret;

	/* Called from t's own handler, this would wait for itself forever. */
	WARN_ON(in_irq() && irqs_disabled() && t->cpu == smp_processor_id() &&
		timer_bases[t->cpu].running == t);
	while ((ret = try_to_del_timer_sync(t)) < 0)
		cpu_relax();
	return ret;
}

void timer_add(struct timer_list *t, u64 expires)
{
	struct timer_base *base, *here;
	struct timer_list *pos;
	unsigned long flags;

	local_irq_save(flags);
	here = &timer_bases[smp_processor_id()];
	base = lock_timer_base(t);
	if (base && t->pending)
		__timer_unlink(t);
	if (base != here && (!base || base->running != t)) {
		if (base)
			arch_spin_unlock(&base->lock);
		base = here;
		arch_spin_lock(&base->lock);
	}
	t->expires = expires;
	t->cpu = base - timer_bases;
	t->pending = true;
	list_for_each_entry(pos, &base->pending, entry)
		if (pos->expires > expires)
			break;
	list_add_tail(&t->entry, &pos->entry);
	/*
	 * A timer kept on another CPU's base is running there, in that CPU's timer interrupt,
	 * which re-arms that CPU's timer when it is done.
	 */
	if (base == here)
		__tick_program(base);
	arch_spin_unlock(&base->lock);
	local_irq_restore(flags);
}

static void run_expired_timers(struct timer_base *base)
{
	arch_spin_lock(&base->lock);
	while (!list_empty(&base->pending)) {
		struct timer_list *t = list_first_entry(&base->pending, struct timer_list, entry);

		if (t->expires > sched_clock())
			break;
		__timer_unlink(t);
		base->running = t;
		arch_spin_unlock(&base->lock);
		t->function(t);
		arch_spin_lock(&base->lock);
		WRITE_ONCE(base->running, NULL);
	}
	arch_spin_unlock(&base->lock);
}

static irqreturn_t timer_interrupt(int vector, void *dev)
{
	struct timer_base *base = &timer_bases[smp_processor_id()];
	u64 t0 = rdtsc();

	base->interrupts++;
	if (base->armed > sched_clock() + EARLY_SLACK_NS + (base->armed - base->armed_at) / 50)
		base->early++;
	base->armed = 0;
	run_expired_timers(base);
	if (tick_ready)
		scheduler_tick();
	tick_program_this_cpu();
	base->cycles += rdtsc() - t0;
	return IRQ_HANDLED;
}

u64 timer_interrupt_cycles(void)
{
	u64 cycles = 0, n = 0;
	int cpu;

	for_each_online_cpu(cpu)
	{
		cycles += READ_ONCE(timer_bases[cpu].cycles);
		n += READ_ONCE(timer_bases[cpu].interrupts);
	}
	return n ? cycles / n : 0;
}

unsigned long timer_interrupts(int cpu)
{
	return READ_ONCE(timer_bases[cpu].interrupts);
}

unsigned long timer_early_interrupts(int cpu)
{
	return READ_ONCE(timer_bases[cpu].early);
}

void tick_setup_this_cpu(void)
{
	struct timer_base *base = &timer_bases[smp_processor_id()];

	spin_lock_init(&base->lock);
	INIT_LIST_HEAD(&base->pending);
	apic_timer_setup_this_cpu();
}

void timer_init(void)
{
	set_system_vector(LOCAL_TIMER_VECTOR, timer_interrupt, "Local timer interrupts");
	tick_setup_this_cpu();
	tick_ready = true;
}

/* ---- sleeping ------------------------------------------------------------------------ */

struct sleeper {
	struct timer_list timer;
	struct task_struct *task;
};

static void wake_sleeper(struct timer_list *t)
{
	struct sleeper *s = container_of(t, struct sleeper, timer);

	wake_up_process(s->task);
}

void schedule_timeout(u64 ns)
{
	struct sleeper s = { .task = current };
	u64 end = sched_clock() + ns;

	might_sleep();
	timer_setup(&s.timer, wake_sleeper);
	/* Woken early by someone else? Sleep on until the time is really up. */
	while (sched_clock() < end) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		timer_add(&s.timer, end);
		schedule();
		timer_del_sync(&s.timer);
	}
	__set_current_state(TASK_RUNNING);
}

void schedule_timeout_once(u64 ns)
{
	struct sleeper s = { .task = current };

	timer_setup(&s.timer, wake_sleeper);
	timer_add(&s.timer, sched_clock() + ns);
	schedule();
	timer_del_sync(&s.timer);
	__set_current_state(TASK_RUNNING);
}

void nsleep(u64 ns)
{
	schedule_timeout(ns);
}

void msleep(unsigned int ms)
{
	schedule_timeout((u64)ms * 1000000);
}
