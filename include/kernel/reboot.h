/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_REBOOT_H
#define _KERNEL_REBOOT_H

#include <kernel/compiler.h>

__noreturn void machine_restart(void);

#endif /* _KERNEL_REBOOT_H */
