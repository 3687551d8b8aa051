/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_TSC_H
#define _ASM_TSC_H

#include <kernel/types.h>

/* TSC frequency in kHz, 0 until tsc_calibrate() has measured it. */
extern unsigned long tsc_khz;

unsigned long tsc_calibrate(void);
/* Nanoseconds since calibration, from the TSC; 0 before it. */
u64 tsc_clock_ns(void);

#endif /* _ASM_TSC_H */
