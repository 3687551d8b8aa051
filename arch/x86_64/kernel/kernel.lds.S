/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel image: a low part that runs before paging (multiboot2 header, 32-bit entry,
 * early page tables), then everything else linked at __START_KERNEL_map + physical address.
 * Each part starts on a page so that it can be mapped with its own permissions.
 */
#include <asm/page.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(startup_32)

PHDRS
{
	boot PT_LOAD FLAGS(7);
	text PT_LOAD FLAGS(5);
	rodata PT_LOAD FLAGS(4);
	data PT_LOAD FLAGS(6);
}

SECTIONS
{
	. = CONFIG_PHYSICAL_START;
	_boot_start = .;
	.boot : {
		KEEP(*(.multiboot2))
		*(.boot.text)
		*(.boot.data)
		. = ALIGN(4096);
		*(.boot.bss)
		_boot_data_end = .; /* GRUB may put things right after this */
	} :boot
	. = ALIGN(4096);
	_boot_end = .;

	. += __START_KERNEL_map;

	.text : AT(ADDR(.text) - __START_KERNEL_map) {
		_text = .;
		_stext = .;
		*(.text.entry)
		*(.text .text.*)
		_etext = .;
	} :text

	. = ALIGN(4096);
	.rodata : AT(ADDR(.rodata) - __START_KERNEL_map) {
		__start_rodata = .;
		*(.rodata .rodata.*)
		. = ALIGN(8);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;
		. = ALIGN(8);
		__start_kernel_params = .;
		KEEP(*(.kernel_params))
		__stop_kernel_params = .;
		. = ALIGN(8);
		__start_ktest_suites = .;
		KEEP(*(.ktest_suites))
		__stop_ktest_suites = .;
		/* Last, so that adding the symbol table moves no code or rodata before it. */
		. = ALIGN(8);
		*(.rodata.kallsyms)
		__end_rodata = .;
	} :rodata

	. = ALIGN(4096);
	.data : AT(ADDR(.data) - __START_KERNEL_map) {
		_sdata = .;
		*(.data .data.*)
		_edata = .;
	} :data

	. = ALIGN(4096);
	.bss : AT(ADDR(.bss) - __START_KERNEL_map) {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(8);
		__bss_stop = .;
	} :data
	. = ALIGN(4096);
	_end = .;

	/DISCARD/ : {
		*(.note*)
		*(.comment)
		*(.eh_frame)
	}
}
