/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SECTIONS_H
#define _ASM_SECTIONS_H

#include <kernel/types.h>

/* Boundaries of the kernel image, from the linker script. */
extern char _boot_start[], _boot_data_end[], _boot_end[];
extern char _text[], _stext[], _etext[];
extern char __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[], __bss_start[], __bss_stop[], _end[];

static inline bool is_kernel_text(unsigned long addr)
{
	return addr >= (unsigned long)_stext && addr < (unsigned long)_etext;
}

#endif /* _ASM_SECTIONS_H */
