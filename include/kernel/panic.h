/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_PANIC_H
#define _KERNEL_PANIC_H

#include <kernel/compiler.h>

__printf(1, 2) __noreturn __cold void panic(const char *fmt, ...);
void dump_stack(void);

#define BUG() panic("kernel BUG at %s:%d in %s()", __FILE__, __LINE__, __func__)

#define BUG_ON(cond)                \
	do {                        \
		if (unlikely(cond)) \
			BUG();      \
	} while (0)

void __warn(const char *file, int line, const char *func, const char *cond);

/* Reports a condition that should not happen but leaves the kernel running. */
#define WARN_ON(cond)                                                \
	({                                                           \
		bool __c = !!(cond);                                 \
		if (unlikely(__c))                                   \
			__warn(__FILE__, __LINE__, __func__, #cond); \
		unlikely(__c);                                       \
	})

#endif /* _KERNEL_PANIC_H */
