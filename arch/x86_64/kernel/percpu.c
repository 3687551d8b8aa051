// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU data: one struct cpu_data per possible CPU, its address in MSR_GS_BASE while the
 * kernel runs on that CPU (user GS lives in MSR_KERNEL_GS_BASE and SWAPGS exchanges them on
 * entry and exit). Each CPU also loads its own GDT and TSS from here.
 */
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/vdso.h>
#include <kernel/string.h>

struct cpu_data cpu_data[NR_CPUS];
/*
 * Each CPU's hardware-interrupt stack: handlers no longer add their frames to whatever task
 * stack they interrupted, so a task stack need only hold the task's own depth plus one
 * register frame.
 */
static u8 irq_stacks[NR_CPUS][IRQ_STACK_SIZE] __aligned(PAGE_SIZE);
unsigned int nr_cpu_ids = 1;

void percpu_setup(int cpu)
{
	struct cpu_data *c = &cpu_data[cpu];

	c->self = c;
	c->cpu = cpu;
	c->irq_stack_top = (unsigned long)&irq_stacks[cpu][IRQ_STACK_SIZE];
	cpu_tables_init(&c->tables, (unsigned long)c);
	cpu_tables_load(&c->tables);
	wrmsr(MSR_GS_BASE, (u64)c);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	setup_getcpu(cpu);
}
