/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#include <kernel/compiler.h>
#include <kernel/types.h>
#include <asm/segment.h>

/* Interrupt stack table slots (1-based, as the IDT gate encodes them). */
#define IST_DOUBLE_FAULT 1
#define IST_NMI 2
#define IST_MACHINE_CHECK 3
#define IST_DEBUG 4
#define N_IST_STACKS 4
#define IST_STACK_SIZE 8192

struct tss {
	u32 reserved0;
	u64 rsp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 io_bitmap_base;
} __packed;

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type_attr;
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __packed;

/*
 * What each CPU owns for the CPU's own bookkeeping: its GDT (the TSS descriptor points at its
 * own TSS) and its IST stacks. The IDT is shared.
 */
struct cpu_tables {
	u64 gdt[GDT_ENTRIES] __aligned(16);
	struct tss tss __aligned(16);
	u8 ist_stacks[N_IST_STACKS][IST_STACK_SIZE] __aligned(16);
};

void cpu_tables_init(struct cpu_tables *t, unsigned long kernel_gs_base);
void cpu_tables_load(struct cpu_tables *t);
void idt_init(void);
void idt_load(void);

#endif /* _ASM_DESC_H */
