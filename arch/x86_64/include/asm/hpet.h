/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_HPET_H
#define _ASM_HPET_H

#include <kernel/types.h>

/*
 * The HPET's main counter, as a reference clock for calibrating the TSC (no HPET interrupts
 * are used). arch/x86_64/kernel/hpet.c; docs/time.md.
 */
#define HPET_DEFAULT_ADDRESS 0xfed00000UL /* where PC chipsets put the first HPET block */

/*
 * Maps the block at phys, checks that it really is an HPET (a plausible capabilities
 * register and a counter that advances), and starts the main counter with legacy routing off
 * and every comparator's interrupt disabled. -ENODEV when nothing usable is there, -EBUSY
 * when an HPET is already set up, -ENOMEM when the mapping fails.
 */
int hpet_init(u64 phys);
/* The main counter; wraps at hpet_counter_mask() (a 32-bit counter wraps every few minutes). */
u64 hpet_read_counter(void);
u64 hpet_counter_mask(void);
/* Femtoseconds per counter tick; 0 when there is no HPET. */
u64 hpet_period_fs(void);
unsigned int hpet_num_comparators(void);

/* Where the HPET is: the PC default here, the ACPI HPET table once ACPI provides it. */
u64 arch_hpet_address(void);

#endif /* _ASM_HPET_H */
