/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_DELAY_H
#define _KERNEL_DELAY_H

/* Busy-waits, for the few places that cannot sleep (boot, panic, device resets). */
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

#endif /* _KERNEL_DELAY_H */
