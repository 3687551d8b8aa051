/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_MAIN_H
#define _KERNEL_MAIN_H

#include <kernel/compiler.h>

/* The generic kernel's entry, called by the architecture once it can print. */
__noreturn void start_kernel(void);

extern const char linux_banner[];
extern const char kernel_release[];

#endif /* _KERNEL_MAIN_H */
