/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <kernel/types.h>

/* The boot CPU's first C function, called by startup_64 on the boot stack. */
void x86_64_start_kernel(u32 magic, u32 mbi_phys);

/* Architecture set-up that needs the command line and the consoles (the CPU's features). */
void setup_arch(void);
void legacy_pic_disable(void);
/* The interrupt controllers; interrupts stay off until the caller enables them. */
void init_IRQ(void);
/* I/O APICs and ISA overrides from the firmware's tables: false if there are none. */
bool arch_setup_io_apics(void);

/* The APIC IDs of the CPUs to start (the boot CPU's included); returns how many. */
int arch_possible_apic_ids(u32 *ids, int max);

/* Says what the boot loader passed: memory map, modules, framebuffer, ACPI. */
void print_boot_info(void);

#endif /* _ASM_SETUP_H */
