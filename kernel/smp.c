// SPDX-License-Identifier: GPL-2.0
/*
 * Inter-processor calls. Each CPU has a queue of call requests; a sender links its request
 * in under the target's queue lock and sends CALL_FUNCTION_VECTOR; the target runs what is
 * queued from the interrupt and marks each request done. The reschedule IPI carries no data:
 * the sender set the target's need_resched, and the interrupt's return path acts on it.
 */
#include <asm/apic.h>
#include <asm/irq_vectors.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <kernel/errno.h>
#include <kernel/interrupt.h>
#include <kernel/list.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/spinlock.h>
#include <kernel/timer.h>

/*
 * A request, like Linux's call_single_data: CSD_FLAG_LOCK is set while it is queued or its
 * function runs, and the target clears it (release) when it is done with the request. A
 * waiting caller's request lives on its stack; a caller that does not wait uses its CPU's
 * slot for the target, and first waits for that slot's previous request to be done.
 */
#define CSD_FLAG_LOCK 0x1u

struct call_request {
	struct list_head entry;
	void (*fn)(void *info);
	void *info;
	unsigned int flags;
};

struct call_queue {
	spinlock_t lock;
	struct list_head list;
	unsigned long handled;
} __aligned(64);

static struct call_queue call_queues[NR_CPUS];
/* [sender][target], for calls that do not wait; used with preemption off. */
static struct call_request async_requests[NR_CPUS][NR_CPUS];

unsigned int num_online_cpus(void)
{
	unsigned int n = 0;
	int cpu;

	for_each_online_cpu(cpu) n++;
	return n;
}

void smp_send_reschedule(int cpu)
{
	if (cpu_data[cpu].online)
		apic_send_ipi(cpu_data[cpu].apic_id, RESCHEDULE_VECTOR);
}

static irqreturn_t reschedule_interrupt(int vector, void *dev)
{
	/* The run queue changed: the tick may be needed again. */
	tick_program_this_cpu();
	return IRQ_HANDLED;
}

static irqreturn_t call_function_interrupt(int vector, void *dev)
{
	struct call_queue *q = &call_queues[smp_processor_id()];

	for (;;) {
		struct call_request *req;

		arch_spin_lock(&q->lock);
		req = list_first_entry_or_null(&q->list, struct call_request, entry);
		if (req)
			list_del_init(&req->entry);
		arch_spin_unlock(&q->lock);
		if (!req)
			break;
		req->fn(req->info);
		q->handled++;
		/* The request may live on the sender's stack: touch it no more after this. */
		__atomic_store_n(&req->flags, 0, __ATOMIC_RELEASE);
	}
	return IRQ_HANDLED;
}

static int cpus_stopped;

static __noreturn void stop_this_cpu(void)
{
	__atomic_store_n(&this_cpu()->online, false, __ATOMIC_RELEASE);
	__atomic_fetch_add(&cpus_stopped, 1, __ATOMIC_SEQ_CST);
	halt_forever();
}

static irqreturn_t reboot_interrupt(int vector, void *dev)
{
	apic_eoi(); /* nothing will return from this handler to acknowledge it */
	stop_this_cpu();
}

/*
 * Stops every other CPU (panic): they take REBOOT_VECTOR and halt with interrupts off. A CPU
 * spinning with interrupts off does not take it; after a second it is left as it is and
 * reported. Returns how many CPUs are still running besides this one.
 */
int smp_send_stop(void)
{
	unsigned int others = 0;
	int cpu, self = smp_processor_id();
	u64 end;

	for_each_online_cpu(cpu)
	{
		if (cpu != self)
			others++;
	}
	if (!others)
		return 0;
	apic_send_ipi_all_but_self(REBOOT_VECTOR);
	end = rdtsc() + (u64)tsc_khz * 1000;
	while (__atomic_load_n(&cpus_stopped, __ATOMIC_ACQUIRE) < (int)others && rdtsc() < end)
		cpu_relax();
	return others - __atomic_load_n(&cpus_stopped, __ATOMIC_ACQUIRE);
}

unsigned long ipi_call_count(int cpu)
{
	return READ_ONCE(call_queues[cpu].handled);
}

static void queue_call(int cpu, struct call_request *req)
{
	struct call_queue *q = &call_queues[cpu];
	unsigned long flags;

	spin_lock_irqsave(&q->lock, flags);
	list_add_tail(&req->entry, &q->list);
	spin_unlock_irqrestore(&q->lock, flags);
	apic_send_ipi(cpu_data[cpu].apic_id, CALL_FUNCTION_VECTOR);
}

static void csd_lock_wait(struct call_request *req)
{
	while (__atomic_load_n(&req->flags, __ATOMIC_ACQUIRE) & CSD_FLAG_LOCK)
		cpu_relax();
}

/*
 * Queues fn for cpu (not this one); with preemption off. Returns the request to wait on,
 * which is on_stack when the caller waits, else this CPU's slot for cpu.
 */
static struct call_request *send_call(int cpu, void (*fn)(void *info), void *info, bool wait,
				      struct call_request *on_stack)
{
	struct call_request *req = on_stack;

	WARN_ON(!in_atomic());
	if (!wait) {
		req = &async_requests[smp_processor_id()][cpu];
		csd_lock_wait(req);
	}
	req->fn = fn;
	req->info = info;
	req->flags = CSD_FLAG_LOCK;
	queue_call(cpu, req);
	return req;
}

int smp_call_function_single(int cpu, void (*fn)(void *info), void *info, bool wait)
{
	struct call_request on_stack, *req;
	unsigned long flags;
	int err = 0;

	/* Without it, the caller could move to cpu between the test and the call, or away. */
	preempt_disable();
	if (cpu < 0 || cpu >= (int)nr_cpu_ids || !cpu_data[cpu].online) {
		err = -ENXIO;
		goto out;
	}
	if (cpu == smp_processor_id()) {
		local_irq_save(flags);
		fn(info);
		local_irq_restore(flags);
		goto out;
	}
	WARN_ON(wait && irqs_disabled());
	req = send_call(cpu, fn, info, wait, &on_stack);
	if (wait)
		csd_lock_wait(req);
out:
	preempt_enable();
	return err;
}

void smp_call_function(void (*fn)(void *info), void *info, bool wait)
{
	struct call_request on_stack[NR_CPUS], *reqs[NR_CPUS];
	int cpu, self;

	preempt_disable();
	self = smp_processor_id();
	WARN_ON(wait && irqs_disabled());
	for_each_online_cpu(cpu)
	{
		if (cpu != self)
			reqs[cpu] = send_call(cpu, fn, info, wait, &on_stack[cpu]);
	}
	if (wait) {
		for_each_online_cpu(cpu)
		{
			if (cpu != self)
				csd_lock_wait(reqs[cpu]);
		}
	}
	preempt_enable();
}

void on_each_cpu(void (*fn)(void *info), void *info, bool wait)
{
	unsigned long flags;

	preempt_disable();
	smp_call_function(fn, info, wait);
	local_irq_save(flags);
	fn(info);
	local_irq_restore(flags);
	preempt_enable();
}

void smp_ipi_init(void)
{
	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		spin_lock_init(&call_queues[cpu].lock);
		INIT_LIST_HEAD(&call_queues[cpu].list);
	}
	set_system_vector(REBOOT_VECTOR, reboot_interrupt, "CPU stop interrupts");
	set_system_vector(RESCHEDULE_VECTOR, reschedule_interrupt, "Rescheduling interrupts");
	set_system_vector(CALL_FUNCTION_VECTOR, call_function_interrupt,
			  "Function call interrupts");
}
