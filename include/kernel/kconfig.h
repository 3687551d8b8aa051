/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_KCONFIG_H
#define _KERNEL_KCONFIG_H

/*
 * IS_ENABLED(CONFIG_FOO) is 1 when the option is set (defined to 1 by autoconf.h) and 0
 * when it is not defined at all, so it works in ordinary if () statements and the compiler
 * still type-checks the disabled branch.
 */
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(ignored, val, ...) val
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
#define __is_defined(x) ___is_defined(x)
#define IS_ENABLED(option) __is_defined(option)

#endif /* _KERNEL_KCONFIG_H */
