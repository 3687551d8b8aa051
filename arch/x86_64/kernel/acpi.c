// SPDX-License-Identifier: GPL-2.0
/*
 * What the x86 platform code takes from the ACPI tables: the CPUs to start, the I/O APICs
 * and the ISA interrupt overrides. Each function falls back to the PC defaults (in its
 * caller) when the firmware gave no MADT.
 */
#include <asm/hpet.h>
#include <asm/io_apic.h>
#include <asm/setup.h>
#include <kernel/acpi.h>
#include <kernel/printk.h>
#include <kernel/rtc.h>

int arch_possible_apic_ids(u32 *ids, int max)
{
	int n = 0;

	if (!acpi_info.has_madt)
		return 0;
	for (u32 i = 0; i < acpi_info.nr_cpus; i++) {
		if (!(acpi_info.cpus[i].flags & ACPI_CPU_ENABLED))
			continue;
		if (n == max) {
			pr_warn("smp: more CPUs than CONFIG_NR_CPUS (%d); the rest stay offline\n",
				max);
			break;
		}
		ids[n++] = acpi_info.cpus[i].apic_id;
	}
	return n;
}

/* MPS INTI flags to the I/O APIC's: "conforms" means what ISA does, edge and active high. */
static unsigned int override_flags(u16 mps)
{
	unsigned int flags = 0;

	if ((mps & ACPI_MPS_TRIGGER_MASK) == ACPI_MPS_TRIGGER_LEVEL)
		flags |= IRQ_TRIGGER_LEVEL;
	if ((mps & ACPI_MPS_POLARITY_MASK) == ACPI_MPS_POLARITY_LOW)
		flags |= IRQ_POLARITY_LOW;
	return flags;
}

bool arch_setup_io_apics(void)
{
	if (!acpi_info.has_madt || !acpi_info.nr_ioapics)
		return false;
	for (u32 i = 0; i < acpi_info.nr_ioapics; i++) {
		const struct acpi_ioapic *a = &acpi_info.ioapics[i];

		if (io_apic_add(a->id, a->address, a->gsi_base))
			pr_warn("ioapic: cannot use I/O APIC %u at %#x\n", a->id, a->address);
	}
	for (u32 i = 0; i < acpi_info.nr_overrides; i++) {
		const struct acpi_irq_override *o = &acpi_info.overrides[i];

		if (o->bus == 0)
			isa_irq_override(o->source_irq, o->gsi, override_flags(o->flags));
	}
	return true;
}

/* The HPET and the RTC's century register, where the firmware says they are. */
u64 arch_hpet_address(void)
{
	return acpi_info.has_hpet ? acpi_info.hpet.address : 0xfed00000ULL;
}

int arch_rtc_century_reg(void)
{
	return acpi_info.has_fadt ? acpi_info.fadt.century : 0;
}
