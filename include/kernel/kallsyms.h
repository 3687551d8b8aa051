/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_KALLSYMS_H
#define _KERNEL_KALLSYMS_H

#include <kernel/types.h>

/*
 * The kernel's own symbol table (code symbols only), generated at link time by
 * scripts/kallsyms.py and linked into the image.
 *
 * kallsyms_lookup: finds the function containing addr. Returns its name and sets *offset
 * (addr - start) and *size (distance to the next symbol), or returns NULL.
 * kallsyms_lookup_name: the address of a function by name, or 0.
 * sprint_symbol: writes "name+0xoff/0xsize" (with_offset) or "name" into buf, falling back to
 * "0x<hex>" when addr is in no known function; returns the number of characters written
 * (buf is always NUL-terminated when size > 0). printk's %pS and %ps use it.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size, unsigned long *offset);
unsigned long kallsyms_lookup_name(const char *name);
int sprint_symbol(char *buf, size_t size, unsigned long addr, bool with_offset);
/*
 * The same for a return address: the symbol is looked up at addr - 1, since a call to a
 * function that never returns may be the last instruction of its caller (Linux's %pB).
 */
int sprint_backtrace(char *buf, size_t size, unsigned long addr);

#define KSYM_NAME_LEN 128

#endif /* _KERNEL_KALLSYMS_H */
