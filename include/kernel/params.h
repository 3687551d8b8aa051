/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_PARAMS_H
#define _KERNEL_PARAMS_H

#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/types.h>

/*
 * Kernel command-line parameters. Each subsystem declares its own next to the code that uses
 * it, like Linux's early_param() and __setup(); the declarations are collected in a linker
 * section. set() gets the text after '=' (NULL for a bare flag) and returns 0 or -errno.
 *
 * early_param: applied first, before the consoles print anything, for what decides how the
 *              kernel talks (loglevel=, console=).
 * kernel_param: applied once the core is up.
 * A name that no parameter claims is reported and, as on Linux, kept for init: "a=b" as an
 * environment variable, a bare word as an argument.
 */
struct kernel_param {
	const char *name;
	int (*set)(const char *val);
	bool early;
};

#define __kernel_param(str, fn, is_early)                                                \
	static const struct kernel_param __param_##fn __used __section(".kernel_params") \
		__aligned(8) = { .name = str, .set = fn, .early = is_early }

#define early_param(str, fn) __kernel_param(str, fn, true)
#define kernel_param(str, fn) __kernel_param(str, fn, false)

#define COMMAND_LINE_SIZE 2048
#define MAX_INIT_ARGS 32
#define MAX_INIT_ENVS 32

extern char boot_command_line[COMMAND_LINE_SIZE];
extern const char *argv_init[MAX_INIT_ARGS + 2];
extern const char *envp_init[MAX_INIT_ENVS + 2];

void setup_command_line(const char *cmdline);
void parse_early_params(void);
void parse_kernel_params(void);
const struct kernel_param *find_kernel_param(const char *name);

#endif /* _KERNEL_PARAMS_H */
