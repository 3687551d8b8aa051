// SPDX-License-Identifier: GPL-2.0
/*
 * Who handles which vector. Device vectors (FIRST_DEVICE_VECTOR .. LAST_DEVICE_VECTOR) are
 * handed out on request, for I/O APIC lines or MSI; the local APIC's timer and IPIs have
 * fixed system vectors. Every interrupt is counted per CPU and per vector; one with no
 * handler is counted as unexpected and acknowledged, never fatal.
 */
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/irq_vectors.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <kernel/errno.h>
#include <kernel/interrupt.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>

struct irq_action {
	irq_handler_t handler;
	void *dev;
	const char *name;
	int gsi; /* -1 for MSI and system vectors */
};

static struct irq_action actions[NR_VECTORS];
static DEFINE_SPINLOCK(vector_lock);
static unsigned long unexpected_irqs;

static int claim_vector(irq_handler_t handler, const char *name, void *dev, int gsi)
{
	unsigned long flags;
	int vector = -ENOSPC;

	spin_lock_irqsave(&vector_lock, flags);
	for (int v = FIRST_DEVICE_VECTOR; v <= LAST_DEVICE_VECTOR; v++) {
		if (actions[v].handler)
			continue;
		actions[v] = (struct irq_action){ handler, dev, name, gsi };
		vector = v;
		break;
	}
	spin_unlock_irqrestore(&vector_lock, flags);
	return vector;
}

static void release_vector(int vector)
{
	unsigned long flags;

	spin_lock_irqsave(&vector_lock, flags);
	actions[vector] = (struct irq_action){ 0 };
	spin_unlock_irqrestore(&vector_lock, flags);
}

int irq_vector_of_gsi(unsigned int gsi)
{
	for (int v = FIRST_DEVICE_VECTOR; v <= LAST_DEVICE_VECTOR; v++)
		if (actions[v].handler && actions[v].gsi == (int)gsi)
			return v;
	return -ENOENT;
}

int request_irq(unsigned int gsi, irq_handler_t handler, unsigned int flags, const char *name,
		void *dev)
{
	int vector, err;

	if (!handler)
		return -EINVAL;
	if (irq_vector_of_gsi(gsi) >= 0)
		return -EBUSY; /* shared lines are not supported yet */
	vector = claim_vector(handler, name, dev, gsi);
	if (vector < 0)
		return vector;
	/* Delivered to the boot CPU; balancing interrupts across CPUs can come later. */
	err = io_apic_route(gsi, vector, cpu_data[0].apic_id, flags);
	if (err) {
		release_vector(vector);
		return err;
	}
	return 0;
}

int request_isa_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev)
{
	unsigned int flags;
	u32 gsi = isa_irq_to_gsi(irq, &flags);

	return request_irq(gsi, handler, flags, name, dev);
}

void free_irq(unsigned int gsi)
{
	int vector = irq_vector_of_gsi(gsi);

	if (vector < 0)
		return;
	io_apic_mask(gsi);
	release_vector(vector);
}

int alloc_irq_vector(irq_handler_t handler, const char *name, void *dev)
{
	return handler ? claim_vector(handler, name, dev, -1) : -EINVAL;
}

void free_irq_vector(int vector)
{
	if (vector >= FIRST_DEVICE_VECTOR && vector <= LAST_DEVICE_VECTOR)
		release_vector(vector);
}

void set_system_vector(int vector, irq_handler_t handler, const char *name)
{
	actions[vector] = (struct irq_action){ handler, NULL, name, -1 };
}

unsigned long irq_count(int cpu, int vector)
{
	return READ_ONCE(cpu_data[cpu].irq_count[vector]);
}

const char *irq_name(int vector)
{
	return actions[vector].name;
}

unsigned long unexpected_interrupt_count(void)
{
	return READ_ONCE(unexpected_irqs);
}

/* Called from do_interrupt for vectors 32-255, interrupts off. */
void do_irq(struct pt_regs *regs);
void do_irq(struct pt_regs *regs)
{
	int vector = regs->vector;
	struct irq_action *a = &actions[vector];
	struct cpu_data *cpu = this_cpu();

	cpu->irq_count[vector]++;
	if (vector == SPURIOUS_APIC_VECTOR) {
		cpu->spurious_count++; /* never acknowledged: it was not in service */
		return;
	}
	if (likely(a->handler)) {
		a->handler(vector, a->dev);
	} else if (!unexpected_irqs++) {
		pr_warn("unexpected interrupt on vector %d (further ones are only counted)\n",
			vector);
	}
	apic_eoi();
}
