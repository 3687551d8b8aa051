// SPDX-License-Identifier: GPL-2.0
/* The x86 half of time_init: find the HPET, then measure the TSC and the APIC timer. */
#include <asm/apic.h>
#include <asm/hpet.h>
#include <asm/tsc.h>
#include <kernel/time.h>

void arch_time_init(void)
{
	u64 phys = arch_hpet_address();

	if (phys)
		hpet_init(phys);
	/* The local APIC timer is counted over the wait of the TSC's refinement. */
	apic_timer_calibrate_begin();
	tsc_refine_calibration();
	apic_timer_calibrate_end();
}
