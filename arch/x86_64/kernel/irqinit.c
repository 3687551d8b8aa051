// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt controllers at boot: the boot CPU's local APIC, then the I/O APICs and the ISA
 * overrides, from the firmware's tables when there are any, else the PC defaults.
 */
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <kernel/panic.h>
#include <kernel/printk.h>

#define DEFAULT_IO_APIC_PHYS 0xfec00000ULL
#define APIC_BASE_ADDR_MASK 0x000ffffffffff000ULL

void init_IRQ(void)
{
	u64 lapic_phys = rdmsr(MSR_IA32_APICBASE) & APIC_BASE_ADDR_MASK;

	apic_init_bsp(lapic_phys);
	cpu_data[0].apic_id = apic_read_id();
	cpu_data[0].online = true;
	if (arch_setup_io_apics())
		return;
	/* No firmware tables: one I/O APIC where PCs put it, and the timer on pin 2. */
	if (io_apic_add(0, DEFAULT_IO_APIC_PHYS, 0))
		panic("ioapic: cannot map the I/O APIC");
	isa_irq_override(0, 2, 0);
}

/* Until the ACPI tables are read, there are no firmware tables to take the layout from. */
__weak bool arch_setup_io_apics(void)
{
	return false;
}
