/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_IRQ_VECTORS_H
#define _ASM_IRQ_VECTORS_H

/*
 * The IDT's 256 vectors: 0-31 CPU exceptions, 0x20-0x2f where the (masked) legacy PICs were
 * moved, 0x30-0xdf for devices (I/O APIC pins and MSI, allocated on request), and the top
 * for the local APIC's own interrupts and IPIs. A higher vector is a higher priority class.
 */
#define FIRST_EXTERNAL_VECTOR 0x20
#define FIRST_DEVICE_VECTOR 0x30
#define LAST_DEVICE_VECTOR 0xdf
#define LOCAL_TIMER_VECTOR 0xec
#define REBOOT_VECTOR 0xf8 /* stop this CPU for good: panic */
#define CALL_FUNCTION_VECTOR 0xfb
#define RESCHEDULE_VECTOR 0xfc
#define ERROR_APIC_VECTOR 0xfe
#define SPURIOUS_APIC_VECTOR 0xff

#endif /* _ASM_IRQ_VECTORS_H */
