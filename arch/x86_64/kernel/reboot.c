// SPDX-License-Identifier: GPL-2.0
/*
 * Restarting the machine, trying the ways a PC offers in order of politeness: the reset
 * control register at 0xcf9, the keyboard controller's reset line, and finally a triple
 * fault (an exception with no IDT), which every x86 turns into a reset.
 */
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <kernel/reboot.h>

#define RESET_CONTROL_PORT 0xcf9
#define RESET_CONTROL_SYS_RST 0x02
#define RESET_CONTROL_RST_CPU 0x04
#define KBD_STATUS_PORT 0x64
#define KBD_STATUS_INPUT_FULL 0x02
#define KBD_CMD_PULSE_RESET 0xfe

void machine_restart(void)
{
	struct {
		u16 limit;
		u64 base;
	} __packed no_idt = { 0, 0 };

	local_irq_disable();
	outb(RESET_CONTROL_SYS_RST, RESET_CONTROL_PORT);
	outb(RESET_CONTROL_SYS_RST | RESET_CONTROL_RST_CPU, RESET_CONTROL_PORT);
	for (int i = 0; i < 100000; i++)
		cpu_relax();

	for (int i = 0; i < 100000 && (inb(KBD_STATUS_PORT) & KBD_STATUS_INPUT_FULL); i++)
		cpu_relax();
	outb(KBD_CMD_PULSE_RESET, KBD_STATUS_PORT);
	for (int i = 0; i < 100000; i++)
		cpu_relax();

	__asm__ volatile("lidt %0; int3" : : "m"(no_idt));
	halt_forever();
}
