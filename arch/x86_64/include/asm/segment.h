/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

/*
 * GDT layout, the same as Linux's so that selector values seen by user programs (and by
 * debuggers) match: SYSRET needs user DS right after user CS32 and user CS right after DS.
 */
#define GDT_ENTRY_KERNEL32_CS 1
#define GDT_ENTRY_KERNEL_CS 2
#define GDT_ENTRY_KERNEL_DS 3
#define GDT_ENTRY_DEFAULT_USER32_CS 4
#define GDT_ENTRY_DEFAULT_USER_DS 5
#define GDT_ENTRY_DEFAULT_USER_CS 6
#define GDT_ENTRY_TSS 8
/* A user data segment whose limit is node << 12 | cpu, for the vDSO's getcpu (LSL). */
#define GDT_ENTRY_CPUNODE 15
#define GDT_ENTRIES 16

#define __KERNEL32_CS (GDT_ENTRY_KERNEL32_CS * 8)
#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)
#define __USER32_CS (GDT_ENTRY_DEFAULT_USER32_CS * 8 + 3)
#define __USER_DS (GDT_ENTRY_DEFAULT_USER_DS * 8 + 3)
#define __USER_CS (GDT_ENTRY_DEFAULT_USER_CS * 8 + 3)
#define __TSS_SEL (GDT_ENTRY_TSS * 8)
#define __CPUNODE_SEG (GDT_ENTRY_CPUNODE * 8 + 3)

#endif /* _ASM_SEGMENT_H */
