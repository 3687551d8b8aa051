/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SMP_H
#define _KERNEL_SMP_H

#include <kernel/types.h>

/*
 * Cross-CPU calls (kernel/smp.c). smp_call_function_single runs fn(info) on another CPU from
 * its IPI handler (interrupts off there) and, with wait, returns when it has run; without,
 * it returns once the call is queued (info must then outlive the call), after waiting only
 * for this CPU's previous unwaited call to that CPU to be done. A caller that waits must have
 * interrupts on, or two CPUs calling each other would wait forever. A call to the caller's
 * own CPU runs at once, with interrupts off.
 */
void smp_send_reschedule(int cpu);
int smp_call_function_single(int cpu, void (*fn)(void *info), void *info, bool wait);
/* Runs fn on every other online CPU, then (if wait) returns when all have run it. */
void smp_call_function(void (*fn)(void *info), void *info, bool wait);
void on_each_cpu(void (*fn)(void *info), void *info, bool wait);

/* Brings up the CPUs the firmware lists (arch/x86_64/kernel/smpboot.c). */
void smp_init(void);
/*
 * A starting CPU takes its index with this; false when the boot CPU no longer waits for
 * that index (it timed out), and the CPU must stop.
 */
bool smpboot_claim_index(int cpu);
unsigned int num_online_cpus(void);
void smp_ipi_init(void);
/* Halts every other CPU (panic); returns how many did not stop within a second. */
int smp_send_stop(void);
unsigned long ipi_call_count(int cpu);

#endif /* _KERNEL_SMP_H */
