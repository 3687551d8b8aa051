/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_INTERRUPT_H
#define _KERNEL_INTERRUPT_H

#include <kernel/types.h>

/*
 * Interrupt handlers. A driver asks for an interrupt line (a GSI of an I/O APIC, or an ISA
 * IRQ, which the firmware may have moved) or for a bare vector (to program into an MSI
 * capability), with a handler, a name for /proc/interrupts and a cookie. Handlers run with
 * interrupts off on the CPU that took the interrupt and must not sleep.
 */
typedef enum {
	IRQ_NONE,
	IRQ_HANDLED,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int vector, void *dev);

/*
 * request_irq flags, besides the trigger flags of <asm/io_apic.h>: IRQF_SHARED lets other
 * handlers that also pass it (with the same trigger) onto the line; each interrupt calls
 * them all, and each must tell from its device whether the interrupt was its own. A shared
 * handler needs a dev cookie: free_irq(gsi, dev) removes that one handler, and the line is
 * masked when the last one goes. -EBUSY for a line taken without sharing.
 */
#define IRQF_SHARED 0x80u

int request_irq(unsigned int gsi, irq_handler_t handler, unsigned int flags, const char *name,
		void *dev);
int request_isa_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev);
void free_irq(unsigned int gsi, void *dev);
/* A device vector for MSI/MSI-X: returns the vector or -ENOSPC. */
int alloc_irq_vector(irq_handler_t handler, const char *name, void *dev);
void free_irq_vector(int vector);
/* The local APIC's own vectors (timer, IPIs), set once at boot. */
void set_system_vector(int vector, irq_handler_t handler, const char *name);

/*
 * Around a handler (do_irq): counts the hardirq nesting in preempt_count, so that in_irq()
 * is true and lockdep keeps the handler's locks apart from the interrupted task's.
 */
void irq_enter(void);
void irq_exit(void);

/* Counts, for /proc/interrupts and tests. */
unsigned long irq_count(int cpu, int vector);
const char *irq_name(int vector);
int irq_vector_of_gsi(unsigned int gsi);

#endif /* _KERNEL_INTERRUPT_H */
