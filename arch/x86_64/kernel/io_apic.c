// SPDX-License-Identifier: GPL-2.0
/*
 * I/O APICs: each routes its input pins (global system interrupts GSI base .. base+pins-1)
 * to a vector on a CPU. Two registers are mapped: an index and a data window; each pin has a
 * 64-bit redirection entry at index 0x10 + 2 * pin. All pins start masked.
 */
#include <asm/io_apic.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/vmalloc.h>

#define IOAPIC_REGSEL 0
#define IOAPIC_WINDOW 4 /* in u32 units: offset 0x10 */
#define IOAPIC_REG_VER 0x01
#define IOAPIC_REDTBL(pin) (0x10 + 2 * (pin))
#define IOAPIC_RTE_MASKED (1u << 16)
#define IOAPIC_RTE_LEVEL (1u << 15)
#define IOAPIC_RTE_ACTIVE_LOW (1u << 13)
#define NR_ISA_IRQS 16

struct io_apic {
	volatile u32 *mmio;
	u32 id;
	u32 gsi_base;
	u32 nr_pins;
};

static struct io_apic io_apics[MAX_IO_APICS];
static int nr_io_apics;
static DEFINE_SPINLOCK(io_apic_lock);

/* ISA IRQ n is GSI n, edge-triggered, active high, unless the firmware says otherwise. */
static struct {
	u32 gsi;
	unsigned int flags;
	bool overridden;
} isa_irqs[NR_ISA_IRQS];

static u32 io_apic_read(struct io_apic *a, u32 reg)
{
	a->mmio[IOAPIC_REGSEL] = reg;
	return a->mmio[IOAPIC_WINDOW];
}

static void io_apic_write(struct io_apic *a, u32 reg, u32 v)
{
	a->mmio[IOAPIC_REGSEL] = reg;
	a->mmio[IOAPIC_WINDOW] = v;
}

int io_apic_add(u32 id, u64 mmio_phys, u32 gsi_base)
{
	struct io_apic *a;

	if (nr_io_apics == MAX_IO_APICS)
		return -ENOSPC;
	a = &io_apics[nr_io_apics];
	a->mmio = ioremap(mmio_phys, 0x20);
	if (!a->mmio)
		return -ENOMEM;
	a->id = id;
	a->gsi_base = gsi_base;
	a->nr_pins = ((io_apic_read(a, IOAPIC_REG_VER) >> 16) & 0xff) + 1;
	for (u32 pin = 0; pin < a->nr_pins; pin++) {
		io_apic_write(a, IOAPIC_REDTBL(pin) + 1, 0);
		io_apic_write(a, IOAPIC_REDTBL(pin), IOAPIC_RTE_MASKED);
	}
	nr_io_apics++;
	pr_info("ioapic: I/O APIC %u at %#llx, GSI %u-%u\n", id, (unsigned long long)mmio_phys,
		gsi_base, gsi_base + a->nr_pins - 1);
	return 0;
}

static struct io_apic *io_apic_of(u32 gsi, u32 *pin)
{
	for (int i = 0; i < nr_io_apics; i++) {
		struct io_apic *a = &io_apics[i];

		if (gsi >= a->gsi_base && gsi < a->gsi_base + a->nr_pins) {
			*pin = gsi - a->gsi_base;
			return a;
		}
	}
	return NULL;
}

int io_apic_route(u32 gsi, u8 vector, u32 apic_id, unsigned int flags)
{
	u32 pin, low = vector;
	struct io_apic *a = io_apic_of(gsi, &pin);
	unsigned long irqflags;

	if (!a)
		return -EINVAL;
	if (flags & IRQ_TRIGGER_LEVEL)
		low |= IOAPIC_RTE_LEVEL;
	if (flags & IRQ_POLARITY_LOW)
		low |= IOAPIC_RTE_ACTIVE_LOW;
	spin_lock_irqsave(&io_apic_lock, irqflags);
	io_apic_write(a, IOAPIC_REDTBL(pin) + 1, apic_id << 24);
	io_apic_write(a, IOAPIC_REDTBL(pin), low);
	spin_unlock_irqrestore(&io_apic_lock, irqflags);
	return 0;
}

void io_apic_mask(u32 gsi)
{
	u32 pin;
	struct io_apic *a = io_apic_of(gsi, &pin);
	unsigned long irqflags;

	if (!a)
		return;
	spin_lock_irqsave(&io_apic_lock, irqflags);
	io_apic_write(a, IOAPIC_REDTBL(pin),
		      io_apic_read(a, IOAPIC_REDTBL(pin)) | IOAPIC_RTE_MASKED);
	spin_unlock_irqrestore(&io_apic_lock, irqflags);
}

void isa_irq_override(unsigned int irq, u32 gsi, unsigned int flags)
{
	if (irq >= NR_ISA_IRQS)
		return;
	isa_irqs[irq].gsi = gsi;
	isa_irqs[irq].flags = flags;
	isa_irqs[irq].overridden = true;
}

u32 isa_irq_to_gsi(unsigned int irq, unsigned int *flags)
{
	if (irq < NR_ISA_IRQS && isa_irqs[irq].overridden) {
		*flags = isa_irqs[irq].flags;
		return isa_irqs[irq].gsi;
	}
	*flags = 0; /* ISA: edge, active high */
	return irq;
}
