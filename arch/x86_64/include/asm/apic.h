/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <kernel/types.h>

/*
 * The local APIC, in x2APIC mode (MSRs) where the CPU has it, else xAPIC (MMIO). Register
 * numbers are the xAPIC MMIO offsets; the x2APIC MSR is 0x800 + offset / 16.
 */
#define APIC_ID 0x20
#define APIC_LVR 0x30
#define APIC_TPR 0x80
#define APIC_EOI 0xb0
#define APIC_SPIV 0xf0
#define APIC_ESR 0x280
#define APIC_ICR 0x300
#define APIC_ICR2 0x310
#define APIC_LVTT 0x320
#define APIC_LVT0 0x350
#define APIC_LVT1 0x360
#define APIC_LVTERR 0x370
#define APIC_TMICT 0x380
#define APIC_TMCCT 0x390
#define APIC_TDCR 0x3e0

#define APIC_SPIV_ENABLE (1u << 8)
#define APIC_LVT_MASKED (1u << 16)
#define APIC_LVT_TIMER_ONESHOT (0u << 17)
#define APIC_LVT_TIMER_TSCDEADLINE (2u << 17)
#define APIC_DM_NMI (4u << 8)
#define APIC_DM_EXTINT (7u << 8)
#define APIC_ICR_INIT (5u << 8)
#define APIC_ICR_STARTUP (6u << 8)
#define APIC_ICR_LEVEL_ASSERT (1u << 14)
#define APIC_ICR_LEVEL_TRIGGER (1u << 15)
#define APIC_ICR_BUSY (1u << 12)
#define APIC_TDCR_DIV_16 0x3

#define MSR_IA32_APICBASE 0x1b
#define MSR_IA32_APICBASE_BSP (1ULL << 8)
#define MSR_IA32_APICBASE_X2APIC (1ULL << 10)
#define MSR_IA32_APICBASE_ENABLE (1ULL << 11)
#define MSR_IA32_TSC_DEADLINE 0x6e0

u32 apic_read(u32 reg);
void apic_write(u32 reg, u32 v);
u32 apic_read_id(void);
void apic_eoi(void);
bool apic_x2apic_mode(void);

/* The boot CPU's set-up (mode, MMIO mapping) and every CPU's own enabling. */
void apic_init_bsp(u64 mmio_phys);
/* Count the one-shot timer's rate against the TSC between the two (time_init's HPET wait). */
void apic_timer_calibrate_begin(void);
void apic_timer_calibrate_end(void);
void apic_setup_this_cpu(void);

void apic_send_ipi(u32 apic_id, u8 vector);
void apic_send_ipi_all_but_self(u8 vector);
/* An NMI to one CPU (the entry's paranoid path counts it): for tests and, later, backtraces. */
void apic_send_nmi(u32 apic_id);
void apic_send_init(u32 apic_id);
void apic_send_startup(u32 apic_id, u8 page);

/* The local timer: fire once at an absolute TSC value (emulated with the count-down mode
 * where TSC-deadline is missing); 0 disarms. */
void apic_timer_setup_this_cpu(void);
void apic_timer_arm(u64 tsc_deadline);
bool apic_timer_has_tsc_deadline(void);

#endif /* _ASM_APIC_H */
