/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_KALLSYMS_H
#define _KERNEL_KALLSYMS_H

#include <kernel/types.h>

/*
 * Describe the kernel address @addr in @buf, a buffer of @size bytes: "name+0xoff/0xsize" when
 * @with_offset is true (what %pS prints), else just "name" (%ps). When no symbol covers @addr it
 * writes "0x" and the address in hex instead. The result is NUL-terminated (truncated to fit
 * when needed); returns the number of chars written into @buf, not counting the NUL.
 */
int sprint_symbol(char *buf, size_t size, unsigned long addr, bool with_offset);

#endif /* _KERNEL_KALLSYMS_H */
