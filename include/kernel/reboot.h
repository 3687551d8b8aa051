/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_REBOOT_H
#define _KERNEL_REBOOT_H

#include <kernel/compiler.h>

__noreturn void machine_restart(void);
/* Every CPU stopped, for good. */
__noreturn void machine_halt(void);
/* ACPI soft-off (S5); a halt where the firmware offers no way. */
__noreturn void machine_power_off(void);

/* From interrupt context: the keyboard's Ctrl-Alt-Del and ACPI's power button. */
void ctrl_alt_del(void);
void power_button_pressed(void);

#endif /* _KERNEL_REBOOT_H */
