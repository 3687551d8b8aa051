/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_IO_APIC_H
#define _ASM_IO_APIC_H

#include <kernel/types.h>

#define MAX_IO_APICS 8

/* Polarity and trigger as the MADT's interrupt source override flags encode them. */
#define IRQ_TRIGGER_LEVEL 0x1u
#define IRQ_POLARITY_LOW 0x2u

int io_apic_add(u32 id, u64 mmio_phys, u32 gsi_base);
/* Routes gsi to vector on the CPU with this APIC ID, unmasked; -EINVAL if no I/O APIC has it. */
int io_apic_route(u32 gsi, u8 vector, u32 apic_id, unsigned int flags);
void io_apic_mask(u32 gsi);
/* The GSI and flags of ISA interrupt irq, after the firmware's overrides. */
u32 isa_irq_to_gsi(unsigned int irq, unsigned int *flags);
void isa_irq_override(unsigned int irq, u32 gsi, unsigned int flags);

#endif /* _ASM_IO_APIC_H */
