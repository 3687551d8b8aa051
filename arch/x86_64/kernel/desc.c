// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptor tables: each CPU's GDT and TSS (with the IST stacks that double fault, NMI,
 * machine check and debug switch to, so they work even on a broken kernel stack), and the one IDT.
 */
#include <asm/desc.h>
#include <asm/traps.h>
#include <kernel/string.h>

#define IDT_ENTRIES 256
#define GATE_INTERRUPT 0x8e /* present, DPL 0, 64-bit interrupt gate */
#define GATE_USER_INT 0xee /* the same with DPL 3: int3 from user mode */

struct desc_ptr {
	u16 limit;
	u64 base;
} __packed;

static struct idt_gate idt[IDT_ENTRIES] __aligned(16);
extern const unsigned long vector_stubs[IDT_ENTRIES];

/* Flat segments: base 0, limit 4 GiB; only the access byte and the L/D bits differ. */
static u64 segment(u8 access, u8 flags)
{
	return 0xffffULL | ((u64)access << 40) | ((u64)flags << 52) | (0xfULL << 48);
}

static void set_tss_desc(u64 *gdt, struct tss *tss)
{
	u64 base = (u64)tss;
	u64 limit = sizeof(*tss) - 1;

	gdt[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89ULL << 40) |
		 ((limit >> 16 & 0xf) << 48) | ((base >> 24 & 0xff) << 56);
	gdt[1] = base >> 32;
}

void cpu_tables_init(struct cpu_tables *t, unsigned long kernel_gs_base)
{
	memset(t, 0, sizeof(*t));
	t->gdt[GDT_ENTRY_KERNEL32_CS] = segment(0x9a, 0xc);
	t->gdt[GDT_ENTRY_KERNEL_CS] = segment(0x9a, 0xa);
	t->gdt[GDT_ENTRY_KERNEL_DS] = segment(0x92, 0xc);
	t->gdt[GDT_ENTRY_DEFAULT_USER32_CS] = segment(0xfa, 0xc);
	t->gdt[GDT_ENTRY_DEFAULT_USER_DS] = segment(0xf2, 0xc);
	t->gdt[GDT_ENTRY_DEFAULT_USER_CS] = segment(0xfa, 0xa);
	set_tss_desc(&t->gdt[GDT_ENTRY_TSS], &t->tss);

	/*
	 * Each IST stack starts 16 bytes below its top; the word above the hardware frame holds
	 * this CPU's kernel GS base, which paranoid_entry loads without trusting MSR_GS_BASE
	 * (user code with FSGSBASE can put any value there, a kernel-looking one included).
	 */
	for (int i = 0; i < N_IST_STACKS; i++) {
		u64 *top = (u64 *)&t->ist_stacks[i][IST_STACK_SIZE];

		top[-1] = kernel_gs_base;
		t->tss.ist[i] = (u64)(top - 2);
	}
	/* No I/O permission bitmap: user mode gets no port access. */
	t->tss.io_bitmap_base = sizeof(t->tss);
}

void cpu_tables_load(struct cpu_tables *t)
{
	struct desc_ptr gdtr = { sizeof(t->gdt) - 1, (u64)t->gdt };

	__asm__ volatile("lgdt %0" : : "m"(gdtr));
	/* Reload CS with a far return, then the data segments, then the task register. */
	__asm__ volatile("pushq %[cs]\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "lretq\n"
			 "1:\n\t"
			 "movl %[ds], %%eax\n\t"
			 "movl %%eax, %%ds\n\t"
			 "movl %%eax, %%es\n\t"
			 "movl %%eax, %%ss\n\t"
			 "xorl %%eax, %%eax\n\t"
			 "movl %%eax, %%fs\n\t"
			 "movl %%eax, %%gs\n\t"
			 :
			 : [cs] "i"(__KERNEL_CS), [ds] "i"(__KERNEL_DS)
			 : "rax", "memory");
	__asm__ volatile("ltr %w0" : : "r"(__TSS_SEL));
}

static void set_gate(int vec, unsigned long handler, u8 type_attr, u8 ist)
{
	struct idt_gate *g = &idt[vec];

	g->offset_low = handler & 0xffff;
	g->selector = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = type_attr;
	g->offset_mid = (handler >> 16) & 0xffff;
	g->offset_high = handler >> 32;
	g->reserved = 0;
}

void idt_init(void)
{
	for (int v = 0; v < IDT_ENTRIES; v++)
		set_gate(v, vector_stubs[v], GATE_INTERRUPT, 0);
	set_gate(X86_TRAP_BP, vector_stubs[X86_TRAP_BP], GATE_USER_INT, 0);
	set_gate(X86_TRAP_DF, vector_stubs[X86_TRAP_DF], GATE_INTERRUPT, IST_DOUBLE_FAULT);
	set_gate(X86_TRAP_NMI, vector_stubs[X86_TRAP_NMI], GATE_INTERRUPT, IST_NMI);
	set_gate(X86_TRAP_MC, vector_stubs[X86_TRAP_MC], GATE_INTERRUPT, IST_MACHINE_CHECK);
	set_gate(X86_TRAP_DB, vector_stubs[X86_TRAP_DB], GATE_INTERRUPT, IST_DEBUG);
}

void idt_load(void)
{
	struct desc_ptr idtr = { sizeof(idt) - 1, (u64)idt };

	__asm__ volatile("lidt %0" : : "m"(idtr));
}
