// SPDX-License-Identifier: GPL-2.0
/*
 * Who handles which vector. Device vectors (FIRST_DEVICE_VECTOR .. LAST_DEVICE_VECTOR) are
 * handed out on request, for I/O APIC lines or MSI; the local APIC's timer and IPIs have
 * fixed system vectors. Every interrupt is counted per CPU and per vector; one with no
 * handler is counted as unexpected and acknowledged, never fatal.
 *
 * A line requested with IRQF_SHARED by every user carries a chain of handlers, all called
 * for each interrupt (a level-triggered line is asserted by any of its devices).
 *
 * Locking: vector_lock (irq-safe) covers handing out vectors and each descriptor's gsi and
 * flags, so that "is this line taken?" and taking it are one step; it is held while the
 * I/O APIC is programmed (vector_lock -> io_apic_lock). A device vector's desc->lock, a bare
 * lock, covers its chain of actions and is held while they run, so that once free_irq has
 * unlinked an action under it, no CPU is still calling that handler. System vectors are set
 * once at boot and read without a lock.
 */
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/irq_vectors.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <kernel/errno.h>
#include <kernel/interrupt.h>
#include <kernel/lockdep.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>

#define NR_IRQ_ACTIONS 64 /* device handlers at once, shared lines counted per handler */

struct irqaction {
	irq_handler_t handler;
	void *dev_id;
	const char *name;
	struct irqaction *next;
};

struct irq_desc {
	spinlock_t lock; /* arch_spin_* only: the chain, and running it */
	struct irqaction *action;
	int gsi; /* -1 for MSI and system vectors */
	unsigned int flags; /* the first requester's IRQF_* and trigger flags */
};

static struct irq_desc irq_desc[NR_VECTORS];
static struct irqaction action_pool[NR_IRQ_ACTIONS]; /* free: handler == NULL */
static struct irqaction system_actions[NR_VECTORS - LAST_DEVICE_VECTOR - 1];
static DEFINE_SPINLOCK(vector_lock);
static unsigned long unexpected_irqs;

static bool is_device_vector(int vector)
{
	return vector >= FIRST_DEVICE_VECTOR && vector <= LAST_DEVICE_VECTOR;
}

/* With vector_lock held. */
static struct irqaction *alloc_action(irq_handler_t handler, const char *name, void *dev)
{
	lockdep_assert_held(&vector_lock);
	for (int i = 0; i < NR_IRQ_ACTIONS; i++) {
		struct irqaction *a = &action_pool[i];

		if (!a->handler) {
			*a = (struct irqaction){ handler, dev, name, NULL };
			return a;
		}
	}
	return NULL;
}

/* Appends (or, for an empty chain, installs) an action; with vector_lock held. */
static void desc_add_action(struct irq_desc *desc, struct irqaction *new)
{
	struct irqaction **pp = &desc->action;

	lockdep_assert_held(&vector_lock);
	arch_spin_lock(&desc->lock);
	while (*pp)
		pp = &(*pp)->next;
	*pp = new;
	arch_spin_unlock(&desc->lock);
}

/* A free device vector, given to gsi with its first action; with vector_lock held. */
static int claim_vector(struct irqaction *action, int gsi, unsigned int flags)
{
	lockdep_assert_held(&vector_lock);
	for (int v = FIRST_DEVICE_VECTOR; v <= LAST_DEVICE_VECTOR; v++) {
		struct irq_desc *desc = &irq_desc[v];

		if (desc->action)
			continue;
		desc->gsi = gsi;
		desc->flags = flags;
		desc_add_action(desc, action);
		return v;
	}
	return -ENOSPC;
}

/*
 * Unlinks dev's action (any, for dev NULL) from vector's chain; with vector_lock held.
 * Returns it, freed, or NULL. Once unlinked under desc->lock, its handler is not running.
 */
static struct irqaction *desc_remove_action(int vector, void *dev)
{
	struct irq_desc *desc = &irq_desc[vector];
	struct irqaction **pp, *a = NULL;

	lockdep_assert_held(&vector_lock);
	arch_spin_lock(&desc->lock);
	for (pp = &desc->action; *pp; pp = &(*pp)->next) {
		if (dev && (*pp)->dev_id != dev)
			continue;
		a = *pp;
		*pp = a->next;
		break;
	}
	arch_spin_unlock(&desc->lock);
	if (a)
		a->handler = NULL; /* back to the pool */
	if (!desc->action)
		desc->gsi = -1;
	return a;
}

/* With vector_lock held. */
static int __irq_vector_of_gsi(unsigned int gsi)
{
	lockdep_assert_held(&vector_lock);
	for (int v = FIRST_DEVICE_VECTOR; v <= LAST_DEVICE_VECTOR; v++)
		if (irq_desc[v].action && irq_desc[v].gsi == (int)gsi)
			return v;
	return -ENOENT;
}

int irq_vector_of_gsi(unsigned int gsi)
{
	unsigned long flags;
	int vector;

	spin_lock_irqsave(&vector_lock, flags);
	vector = __irq_vector_of_gsi(gsi);
	spin_unlock_irqrestore(&vector_lock, flags);
	return vector;
}

/* Another handler on a line already in use: both sides must have asked to share it. */
static int share_line(int vector, struct irqaction *action, unsigned int flags)
{
	struct irq_desc *desc = &irq_desc[vector];
	unsigned int trigger = IRQ_TRIGGER_LEVEL | IRQ_POLARITY_LOW;

	lockdep_assert_held(&vector_lock);
	if (!(flags & desc->flags & IRQF_SHARED))
		return -EBUSY;
	if ((flags & trigger) != (desc->flags & trigger))
		return -EBUSY; /* one line cannot be edge for one device and level for another */
	desc_add_action(desc, action);
	return 0;
}

int request_irq(unsigned int gsi, irq_handler_t handler, unsigned int flags, const char *name,
		void *dev)
{
	struct irqaction *action;
	unsigned long irqflags;
	int vector, err = 0;

	if (!handler || ((flags & IRQF_SHARED) && !dev))
		return -EINVAL; /* free_irq tells shared handlers apart by dev */
	spin_lock_irqsave(&vector_lock, irqflags);
	action = alloc_action(handler, name, dev);
	if (!action) {
		err = -ENOSPC;
		goto out_unlock;
	}
	vector = __irq_vector_of_gsi(gsi);
	if (vector >= 0) {
		err = share_line(vector, action, flags);
		if (err)
			action->handler = NULL;
		goto out_unlock;
	}
	vector = claim_vector(action, gsi, flags);
	if (vector < 0) {
		action->handler = NULL;
		err = vector;
		goto out_unlock;
	}
	/* Delivered to the boot CPU; balancing interrupts across CPUs can come later. */
	err = io_apic_route(gsi, vector, cpu_data[0].apic_id, flags);
	if (err)
		desc_remove_action(vector, dev);
out_unlock:
	spin_unlock_irqrestore(&vector_lock, irqflags);
	return err;
}

int request_isa_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev)
{
	unsigned int flags;
	u32 gsi = isa_irq_to_gsi(irq, &flags);

	return request_irq(gsi, handler, flags, name, dev);
}

void free_irq(unsigned int gsi, void *dev)
{
	unsigned long flags;
	int vector;

	spin_lock_irqsave(&vector_lock, flags);
	vector = __irq_vector_of_gsi(gsi);
	if (vector < 0 || !desc_remove_action(vector, dev)) {
		WARN_ON(1); /* freeing a handler that was never requested */
		goto out_unlock;
	}
	if (!irq_desc[vector].action)
		io_apic_mask(gsi);
out_unlock:
	spin_unlock_irqrestore(&vector_lock, flags);
}

int alloc_irq_vector(irq_handler_t handler, const char *name, void *dev)
{
	struct irqaction *action;
	unsigned long flags;
	int vector = -ENOSPC;

	if (!handler)
		return -EINVAL;
	spin_lock_irqsave(&vector_lock, flags);
	action = alloc_action(handler, name, dev);
	if (action) {
		vector = claim_vector(action, -1, 0);
		if (vector < 0)
			action->handler = NULL;
	}
	spin_unlock_irqrestore(&vector_lock, flags);
	return vector;
}

void free_irq_vector(int vector)
{
	unsigned long flags;

	if (!is_device_vector(vector))
		return;
	spin_lock_irqsave(&vector_lock, flags);
	desc_remove_action(vector, NULL);
	spin_unlock_irqrestore(&vector_lock, flags);
}

/* Once per vector, at boot, before the vector can fire. */
void set_system_vector(int vector, irq_handler_t handler, const char *name)
{
	struct irqaction *a = &system_actions[vector - LAST_DEVICE_VECTOR - 1];

	if (WARN_ON(vector <= LAST_DEVICE_VECTOR || vector >= NR_VECTORS))
		return;
	*a = (struct irqaction){ handler, NULL, name, NULL };
	irq_desc[vector].gsi = -1;
	__atomic_store_n(&irq_desc[vector].action, a, __ATOMIC_RELEASE);
}

unsigned long irq_count(int cpu, int vector)
{
	return READ_ONCE(cpu_data[cpu].irq_count[vector]);
}

const char *irq_name(int vector)
{
	const char *name = NULL;
	unsigned long flags;

	spin_lock_irqsave(&vector_lock, flags);
	if (irq_desc[vector].action)
		name = irq_desc[vector].action->name;
	spin_unlock_irqrestore(&vector_lock, flags);
	return name;
}

unsigned long unexpected_interrupt_count(void)
{
	return READ_ONCE(unexpected_irqs);
}

/*
 * The hardirq count in preempt_count tells lockdep (and in_irq()) that a handler runs: its
 * locks go on this CPU's hardirq held-lock stack, not on the interrupted task's.
 */
void irq_enter(void)
{
	__preempt_count_add(HARDIRQ_OFFSET);
}

void irq_exit(void)
{
	lockdep_hardirq_exit();
	__preempt_count_sub(HARDIRQ_OFFSET);
}

/* Runs vector's handlers; false if it has none. */
static bool handle_vector(int vector)
{
	struct irq_desc *desc = &irq_desc[vector];
	struct irqaction *a;
	bool handled = false;

	if (!is_device_vector(vector)) {
		a = __atomic_load_n(&desc->action, __ATOMIC_ACQUIRE);
		if (a)
			a->handler(vector, a->dev_id);
		return a != NULL;
	}
	arch_spin_lock(&desc->lock);
	for (a = desc->action; a; a = a->next) {
		a->handler(vector, a->dev_id);
		handled = true;
	}
	arch_spin_unlock(&desc->lock);
	return handled;
}

/* Called from do_interrupt for vectors 32-255, interrupts off. */
void do_irq(struct pt_regs *regs);
void do_irq(struct pt_regs *regs)
{
	int vector = regs->vector;
	struct cpu_data *cpu = this_cpu();

	cpu->irq_count[vector]++;
	if (vector == SPURIOUS_APIC_VECTOR) {
		cpu->spurious_count++; /* never acknowledged: it was not in service */
		return;
	}
	irq_enter();
	if (!handle_vector(vector) && !unexpected_irqs++)
		pr_warn("unexpected interrupt on vector %d (further ones are only counted)\n",
			vector);
	apic_eoi();
	irq_exit();
}
