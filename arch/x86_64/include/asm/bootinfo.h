/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_BOOTINFO_H
#define _ASM_BOOTINFO_H

#include <kernel/types.h>

/*
 * What the boot loader told us, copied out of the multiboot2 information into kernel memory
 * so that later code (the frame allocator, ACPI, the console, initramfs) reads it from one
 * place and the loader's memory can be reused.
 */
#define BOOT_MMAP_MAX 128
#define BOOT_MODULES_MAX 16
#define BOOT_CMDLINE_MAX 2048
#define BOOT_STRING_MAX 128

/* Memory map entry types, as multiboot2 (and the BIOS's E820) number them. */
#define BOOT_MEM_USABLE 1
#define BOOT_MEM_RESERVED 2
#define BOOT_MEM_ACPI 3
#define BOOT_MEM_NVS 4
#define BOOT_MEM_BAD 5

struct boot_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
};

struct boot_module {
	u64 start;
	u64 end; /* exclusive */
	char cmdline[BOOT_STRING_MAX];
};

#define BOOT_FB_INDEXED 0
#define BOOT_FB_RGB 1
#define BOOT_FB_EGA_TEXT 2

struct boot_framebuffer {
	u64 addr;
	u32 pitch;
	u32 width;
	u32 height;
	u8 bpp;
	u8 type;
	u8 red_pos, red_size, green_pos, green_size, blue_pos, blue_size;
};

struct boot_info {
	char cmdline[BOOT_CMDLINE_MAX];
	char loader_name[BOOT_STRING_MAX];
	struct boot_mmap_entry mmap[BOOT_MMAP_MAX];
	u32 nr_mmap;
	struct boot_module modules[BOOT_MODULES_MAX];
	u32 nr_modules;
	bool has_framebuffer;
	struct boot_framebuffer fb;
	/* The RSDP as found (20 bytes for ACPI 1.0, up to 36 for 2.0+); 0 length if none. */
	u8 rsdp[36];
	u32 rsdp_len;
	u64 mem_lower_kb, mem_upper_kb; /* basic meminfo tag, if given */
	/* Where the information itself lay, so the frame allocator can keep it reserved. */
	u64 mbi_start, mbi_end;
};

extern struct boot_info boot_info;

/*
 * Parses the multiboot2 information at mbi (which is mbi_len bytes long as far as the caller
 * can tell; the structure's own total_size must fit in it). Returns 0 or -EINVAL for a
 * malformed structure and -ENOENT when there is no memory map. Pure code: host-tested.
 */
int multiboot2_parse(const void *mbi, size_t mbi_len, struct boot_info *info);

#endif /* _ASM_BOOTINFO_H */
