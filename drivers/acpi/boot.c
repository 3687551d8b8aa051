// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's side of the ACPI tables: the RSDP the boot loader copied, tables mapped with
 * memremap, and the result kept in acpi_info for the interrupt, timer and PCI code.
 */
#define pr_fmt(fmt) "ACPI: " fmt

#include <asm/bootinfo.h>
#include <kernel/acpi.h>
#include <kernel/printk.h>
#include <kernel/vmalloc.h>

struct acpi_info acpi_info;

/*
 * Tables live in ranges the firmware's memory map describes ("ACPI data", "reserved", NVS).
 * A pointer into a hole is likely a device's registers, which must not be mapped cached and
 * read: refuse it, and the parser ignores the table.
 */
static bool in_memory_map(u64 phys, size_t len)
{
	u64 cur = phys, end = phys + len;

	for (u32 step = 0; step <= boot_info.nr_mmap && cur < end; step++) {
		bool found = false;

		for (u32 i = 0; i < boot_info.nr_mmap; i++) {
			const struct boot_mmap_entry *e = &boot_info.mmap[i];

			if (e->type != BOOT_MEM_BAD && cur >= e->addr && cur - e->addr < e->len) {
				cur = e->addr + e->len;
				found = true;
				break;
			}
		}
		if (!found)
			break;
	}
	return cur >= end;
}

static void *acpi_map(u64 phys, size_t len, void *ctx)
{
	if (!in_memory_map(phys, len)) {
		pr_warn("%#llx+%#zx is not in the memory map, not mapped\n",
			(unsigned long long)phys, len);
		return NULL;
	}
	return memremap(phys, len);
}

static void acpi_unmap(void *virt, size_t len, void *ctx)
{
	memunmap(virt);
}

const struct acpi_mapper acpi_memremap_mapper = {
	.map = acpi_map,
	.unmap = acpi_unmap,
};

int acpi_table_init(void)
{
	int err = acpi_parse_tables(boot_info.rsdp, boot_info.rsdp_len, &acpi_memremap_mapper,
				    &acpi_info);

	acpi_print_info(&acpi_info);
	return err;
}
