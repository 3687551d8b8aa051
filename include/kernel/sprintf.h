/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SPRINTF_H
#define _KERNEL_SPRINTF_H

#include <kernel/types.h>
#include <kernel/compiler.h>

/*
 * Formatted output into a buffer (kernel/lib/vsprintf.c), with the C library's conversions and
 * results for %d %i %u %x %X %o %c %s %%, the flags "-0+ #", width and precision (also as '*'),
 * and the length modifiers hh h l ll z t j. There is no floating point, and %n is not supported.
 *
 * Differences from the C library:
 *  - %s of NULL prints "(null)" whatever the precision (cut to it like any string).
 *  - %p prints "0x" and 16 hex digits, also for NULL; %px is the same.
 *  - %pS prints the kernel symbol as "name+0xoff/0xsize", %ps as "name" (see sprint_symbol()).
 *  - An unknown conversion is copied to the output as written, and uses no argument.
 *
 * The buffer is always NUL-terminated when @size is not 0, the output cut to fit.
 */

/* Returns the length the whole output would have had (without the NUL), even if it was cut. */
__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);

/* Return the number of chars actually written into @buf (without the NUL): 0 if @size is 0. */
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);

#endif /* _KERNEL_SPRINTF_H */
