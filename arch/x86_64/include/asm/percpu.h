/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#include <asm/desc.h>
#include <asm/tlb_asid.h>
#include <kernel/compiler.h>
#include <kernel/types.h>

#define NR_CPUS CONFIG_NR_CPUS
#define NR_VECTORS 256
#define IRQ_STACK_SIZE (16 * 1024)

struct task_struct;
struct mm_struct;

/*
 * What each CPU owns, reached through the GS base (MSR_GS_BASE points at the CPU's own
 * struct): "this CPU" is one GS-relative load, with no global that assumes one CPU. The
 * first fields are read from assembly and by fixed offset: keep them where they are.
 */
struct cpu_data {
	struct cpu_data *self; /* 0: this struct's address, for this_cpu() */
	struct task_struct *current_task; /* 8: the task running here */
	unsigned long top_of_stack; /* 16: current's kernel stack top (syscall entry) */
	unsigned long scratch; /* 24: for entry code */
	int cpu; /* 32: 0 .. nr_cpu_ids-1 */
	int preempt_count; /* 36: > 0: no preemption here */
	u32 apic_id;
	bool online;
	struct mm_struct *active_mm; /* the address space loaded in CR3 (NULL: the kernel's) */
	bool need_resched;
	struct cpu_tables tables;
	unsigned long irq_count[NR_VECTORS]; /* interrupts taken, per vector */
	unsigned long spurious_count;
	/* Hardware interrupts run here (entry.asm), unless already on it. */
	unsigned long irq_stack_top;
	bool irq_stack_inuse;
	unsigned long nmi_count; /* NMIs taken (no lock: they arrive anywhere) */
	unsigned long nmi_reported; /* how many of them have been reported (printk) */
	unsigned long debug_count; /* #DB taken */
	/* PCIDs (arch/x86_64/mm/tlb.c), used only where the CPU has them. */
	struct tlb_asids tlb_asids;
	u64 loaded_cr3; /* what __switch_mm wrote last, CR3_NOFLUSH included */
	bool syscall_traced; /* LSTAR is entry_SYSCALL_64_trace (asm/syscall.h) */
} __aligned(64);

extern struct cpu_data cpu_data[NR_CPUS];
extern unsigned int nr_cpu_ids; /* CPUs brought up (or being brought up) */

#define __this_cpu_field(type, field)                                                \
	({                                                                           \
		type __v;                                                            \
		__asm__ volatile("mov %%gs:%c1, %0"                                  \
				 : "=r"(__v)                                         \
				 : "i"(__builtin_offsetof(struct cpu_data, field))); \
		__v;                                                                 \
	})

/*
 * The same read for a field that never changes under the code reading it, as Linux's
 * this_cpu_read_stable: not volatile, so that the compiler may reuse an earlier read.
 * For current alone: a task's own code always sees itself there (a switch changes it only
 * between one task's code and another's).
 */
#define __this_cpu_field_stable(type, field)                                \
	({                                                                  \
		type __v;                                                   \
		__asm__("mov %%gs:%c1, %0"                                  \
			: "=r"(__v)                                         \
			: "i"(__builtin_offsetof(struct cpu_data, field))); \
		__v;                                                        \
	})

static __always_inline struct cpu_data *this_cpu(void)
{
	return __this_cpu_field(struct cpu_data *, self);
}

static __always_inline int smp_processor_id(void)
{
	return __this_cpu_field(int, cpu);
}

static inline struct cpu_data *cpu_data_of(int cpu)
{
	return &cpu_data[cpu];
}

/* Points GS at cpu's data; the boot CPU does this first thing, the others on arrival. */
void percpu_setup(int cpu);

#define for_each_online_cpu(c)                      \
	for ((c) = 0; (c) < (int)nr_cpu_ids; (c)++) \
		if (!cpu_data[c].online) {          \
		} else

#endif /* _ASM_PERCPU_H */
