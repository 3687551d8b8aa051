// SPDX-License-Identifier: GPL-2.0
/* The x86 half of time_init: find the HPET, then measure the TSC against it. */
#include <asm/hpet.h>
#include <asm/tsc.h>
#include <kernel/time.h>

void arch_time_init(void)
{
	u64 phys = arch_hpet_address();

	if (phys)
		hpet_init(phys);
	tsc_refine_calibration();
}
