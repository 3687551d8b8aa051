/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_TSC_H
#define _ASM_TSC_H

#include <kernel/types.h>

/* TSC frequency in kHz, 0 until tsc_calibrate() has measured it. */
extern unsigned long tsc_khz;

/* Measures the TSC against the PIT and starts the clock; returns the rate in kHz, 0 if none. */
unsigned long tsc_calibrate(void);
/* Measures it again, against the HPET (or the PIT, for longer), and rebases the clock. */
void tsc_refine_calibration(void);
/* Nanoseconds since the first calibration, from the TSC; 0 before it. Never goes back. */
u64 tsc_clock_ns(void);
/* Sets the rate, rebasing the clock so that it goes on from where it was. */
void tsc_set_khz(unsigned long khz);

/* One measurement of the TSC's rate over about ms, in kHz; 0 without that reference clock. */
unsigned long tsc_measure_pit_khz(unsigned int ms);
unsigned long tsc_measure_hpet_khz(unsigned int ms);

#endif /* _ASM_TSC_H */
