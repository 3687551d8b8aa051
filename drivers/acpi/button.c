// SPDX-License-Identifier: GPL-2.0
/*
 * The ACPI power button, the one fixed event we handle: the chipset raises the SCI (the
 * FADT's SCI_INT) with PWRBTN_STS set in the PM1 status register when the button is pressed
 * (QEMU's "system_powerdown"). Setup: ACPI mode on (the SMI command port's acpi_enable, if
 * the firmware left SCI_EN clear), PWRBTN_STS cleared (write 1), PWRBTN_EN set, and the SCI
 * taken as an ISA interrupt that is level-triggered and active low, unless the MADT says
 * otherwise (as Linux's acpi_sci_ioapic_setup). The handler acknowledges the status bit and
 * calls power_button_pressed(), which tells init. The other fixed events stay disabled and
 * general-purpose events are left to the firmware's defaults (off): no AML runs here.
 */
#define pr_fmt(fmt) "ACPI: " fmt

#include <asm/io.h>
#include <asm/io_apic.h>
#include <kernel/acpi.h>
#include <kernel/delay.h>
#include <kernel/errno.h>
#include <kernel/interrupt.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/spinlock.h>

#define ACPI_PM1_SCI_EN 0x0001 /* PM1 control: SCI instead of SMI for ACPI events */
#define ACPI_BITMASK_POWER_BUTTON 0x0100 /* PWRBTN_STS and PWRBTN_EN: bit 8 */

/* The PM1a/b status and enable registers: ports, 0 when absent; set once at boot. */
struct pm1_block {
	u16 status, enable;
};

static struct pm1_block pm1[2];
/* Serialises the read-modify-write of the enable registers against the handler. */
static DEFINE_SPINLOCK(acpi_event_lock);
static unsigned long power_button_count;

static inline u16 pm_inw(u16 port)
{
	u16 v;

	__asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* The halves of an event block in I/O space: status first, then enable (ACPI 4.8.3.1). */
static bool pm1_from_gas(const struct acpi_gas *gas, struct pm1_block *b)
{
	unsigned int half = gas->bit_width / 16;

	if (!gas->address || gas->space_id != ACPI_SPACE_IO || gas->address + 2 * half > 0x10000 ||
	    half < 2)
		return false;
	b->status = gas->address;
	b->enable = gas->address + half;
	return true;
}

static irqreturn_t acpi_sci_interrupt(int vector, void *dev)
{
	bool pressed = false;

	spin_lock(&acpi_event_lock);
	for (int i = 0; i < 2; i++) {
		if (!pm1[i].status)
			continue;
		if (pm_inw(pm1[i].status) & ACPI_BITMASK_POWER_BUTTON) {
			outw(ACPI_BITMASK_POWER_BUTTON, pm1[i].status); /* write 1 to clear */
			pressed = true;
		}
	}
	if (pressed)
		power_button_count++;
	spin_unlock(&acpi_event_lock);
	if (!pressed)
		return IRQ_NONE;
	pr_info("Power Button pressed\n");
	power_button_pressed();
	return IRQ_HANDLED;
}

/* ACPI mode: the firmware hands the events over once acpi_enable reaches SMI_CMD. */
static int acpi_enable_mode(const struct acpi_fadt_info *fadt)
{
	u16 cnt = fadt->pm1a_cnt.space_id == ACPI_SPACE_IO ? fadt->pm1a_cnt.address : 0;

	if (!cnt)
		return -ENODEV;
	if (pm_inw(cnt) & ACPI_PM1_SCI_EN)
		return 0;
	if (!fadt->smi_cmd || !fadt->acpi_enable)
		return -ENODEV; /* hardware-reduced or already in ACPI mode by other means */
	outb(fadt->acpi_enable, fadt->smi_cmd);
	for (int i = 0; i < 300; i++) {
		if (pm_inw(cnt) & ACPI_PM1_SCI_EN)
			return 0;
		mdelay(10);
	}
	return -ETIMEDOUT;
}

/* The SCI's trigger: level and active low unless an override says (MADT, type 2). */
static unsigned int sci_trigger(unsigned int irq)
{
	unsigned int flags = IRQ_TRIGGER_LEVEL | IRQ_POLARITY_LOW;

	for (u32 i = 0; i < acpi_info.nr_overrides; i++) {
		const struct acpi_irq_override *o = &acpi_info.overrides[i];
		u16 pol = o->flags & ACPI_MPS_POLARITY_MASK,
		    trig = o->flags & ACPI_MPS_TRIGGER_MASK;

		if (o->bus || o->source_irq != irq)
			continue;
		if (pol == ACPI_MPS_POLARITY_HIGH)
			flags &= ~IRQ_POLARITY_LOW;
		if (trig == ACPI_MPS_TRIGGER_EDGE)
			flags &= ~IRQ_TRIGGER_LEVEL;
	}
	return flags;
}

int acpi_button_init(void)
{
	const struct acpi_fadt_info *fadt = &acpi_info.fadt;
	unsigned int irq = fadt->sci_irq, flags;
	unsigned long irqflags;
	int err;

	if (!acpi_info.has_fadt || (fadt->flags & ACPI_FADT_HW_REDUCED) ||
	    !pm1_from_gas(&fadt->pm1a_evt, &pm1[0]))
		return -ENODEV;
	pm1_from_gas(&fadt->pm1b_evt, &pm1[1]);
	err = acpi_enable_mode(fadt);
	if (err) {
		pr_warn("cannot enter ACPI mode (%d): no power button\n", err);
		return err;
	}
	spin_lock_irqsave(&acpi_event_lock, irqflags);
	for (int i = 0; i < 2; i++) {
		if (!pm1[i].status)
			continue;
		outw(ACPI_BITMASK_POWER_BUTTON, pm1[i].status);
		outw(pm_inw(pm1[i].enable) | ACPI_BITMASK_POWER_BUTTON, pm1[i].enable);
	}
	spin_unlock_irqrestore(&acpi_event_lock, irqflags);

	/* An ISA IRQ, as the FADT numbers it; an override moves it to another GSI. */
	flags = sci_trigger(irq);
	for (u32 i = 0; i < acpi_info.nr_overrides; i++)
		if (!acpi_info.overrides[i].bus && acpi_info.overrides[i].source_irq == irq)
			irq = acpi_info.overrides[i].gsi;
	err = request_irq(irq, acpi_sci_interrupt, flags | IRQF_SHARED, "acpi", pm1);
	if (err) {
		pr_warn("SCI on GSI %u: %d: no power button\n", irq, err);
		return err;
	}
	pr_info("power button on SCI, GSI %u (%s, active %s)\n", irq,
		flags & IRQ_TRIGGER_LEVEL ? "level" : "edge",
		flags & IRQ_POLARITY_LOW ? "low" : "high");
	return 0;
}

unsigned long acpi_power_button_count(void)
{
	return READ_ONCE(power_button_count);
}
