/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_MAIN_H
#define _KERNEL_MAIN_H

#include <kernel/compiler.h>

/* The generic kernel's entry, called by the architecture once it can print. */
__noreturn void start_kernel(void);

/* pid 1 has exited: a panic, or under vmrun the end of the run (status as wait reports it). */
__noreturn void init_exited(int status);

extern const char linux_banner[];
extern const char kernel_release[];

#endif /* _KERNEL_MAIN_H */
