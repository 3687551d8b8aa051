/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_ACPI_H
#define _KERNEL_ACPI_H

#include <kernel/types.h>

/*
 * ACPI static tables: what the firmware's RSDP, RSDT/XSDT, MADT, HPET, FADT and MCFG say
 * about the machine, copied into struct acpi_info at boot (see docs/acpi.md). No AML: the
 * DSDT is only located and checksummed here.
 *
 * The parser (drivers/acpi/tables.c) is pure code, host-tested: it reaches the tables only
 * through a struct acpi_mapper, and treats every byte it reads as hostile. A table with a bad
 * checksum, length or signature is reported and ignored, never half-used.
 */

#define ACPI_MAX_TABLES 64
#define ACPI_MAX_CPUS 64
#define ACPI_MAX_IOAPICS 8
#define ACPI_MAX_OVERRIDES 32
#define ACPI_MAX_NMI_SOURCES 8
#define ACPI_MAX_LAPIC_NMIS 16
#define ACPI_MAX_MCFG 16
/* No sane table is this long; a longer length field is corruption, not a table. */
#define ACPI_TABLE_MAX_LEN (1U << 20)

/* Generic Address Structure: where a register lives. */
#define ACPI_SPACE_MEM 0
#define ACPI_SPACE_IO 1
#define ACPI_SPACE_PCI_CONFIG 2

struct acpi_gas {
	u8 space_id; /* ACPI_SPACE_* */
	u8 bit_width;
	u8 bit_offset;
	u8 access_size; /* 0 undefined, 1 byte, 2 word, 3 dword, 4 qword */
	u64 address; /* 0: not present */
};

/* A table that passed its checks, so later code (a DSDT parser) can map it again. */
struct acpi_table_desc {
	char signature[5]; /* NUL-terminated */
	char oem_id[7]; /* printable, NUL-terminated */
	char oem_table_id[9];
	u8 revision;
	u32 length;
	u64 phys;
};

/* MADT processor flags (type 0 and 9 entries). */
#define ACPI_CPU_ENABLED (1U << 0)
#define ACPI_CPU_ONLINE_CAPABLE (1U << 1)

struct acpi_cpu {
	u32 apic_id; /* xAPIC IDs fit in 8 bits, x2APIC IDs need 32 */
	u32 acpi_uid; /* the processor's _UID / Processor ID */
	u32 flags; /* ACPI_CPU_* */
	bool x2apic; /* came from an x2APIC (type 9) entry */
};

struct acpi_ioapic {
	u8 id;
	u32 address;
	u32 gsi_base;
};

/* MPS INTI flags of overrides and NMI entries: polarity and trigger mode. */
#define ACPI_MPS_POLARITY_MASK 0x3
#define ACPI_MPS_POLARITY_CONFORMS 0x0 /* as the bus says: ISA is active high */
#define ACPI_MPS_POLARITY_HIGH 0x1
#define ACPI_MPS_POLARITY_LOW 0x3
#define ACPI_MPS_TRIGGER_MASK 0xc
#define ACPI_MPS_TRIGGER_CONFORMS 0x0 /* as the bus says: ISA is edge */
#define ACPI_MPS_TRIGGER_EDGE 0x4
#define ACPI_MPS_TRIGGER_LEVEL 0xc

/* An ISA IRQ wired to another GSI or with other polarity/trigger than ISA's default. */
struct acpi_irq_override {
	u8 bus; /* 0: ISA */
	u8 source_irq;
	u32 gsi;
	u16 flags; /* ACPI_MPS_* */
};

/* A GSI that is wired to NMI rather than used as an interrupt (MADT type 3). */
struct acpi_nmi_source {
	u32 gsi;
	u16 flags;
};

#define ACPI_UID_ALL_CPUS 0xffffffffU

/* A local APIC LINT pin wired to NMI (MADT type 4, or 10 for x2APIC). */
struct acpi_lapic_nmi {
	u32 acpi_uid; /* ACPI_UID_ALL_CPUS for every processor */
	u16 flags;
	u8 lint; /* 0 or 1 */
};

struct acpi_mcfg_entry {
	u64 base; /* ECAM of bus 0 of the segment, even when start_bus > 0 */
	u16 segment;
	u8 start_bus;
	u8 end_bus;
};

/* MADT flags */
#define ACPI_MADT_PCAT_COMPAT (1U << 0) /* legacy 8259 PICs present */

/* FADT flags (only those the kernel uses) */
#define ACPI_FADT_RESET_REG_SUP (1U << 10)
#define ACPI_FADT_HW_REDUCED (1U << 20)

/* FADT IA-PC boot architecture flags */
#define ACPI_BOOT_LEGACY_DEVICES (1U << 0)
#define ACPI_BOOT_8042 (1U << 1)
#define ACPI_BOOT_NO_VGA (1U << 2)
#define ACPI_BOOT_NO_MSI (1U << 3)
#define ACPI_BOOT_NO_ASPM (1U << 4)
#define ACPI_BOOT_NO_CMOS_RTC (1U << 5)

struct acpi_fadt_info {
	u8 revision; /* of the table: 1 is ACPI 1.0, 3 is ACPI 2.0, 5 and up later */
	u32 flags; /* ACPI_FADT_* */
	u64 dsdt; /* X_DSDT if given, else DSDT; 0 if the DSDT failed its checks */
	u64 facs; /* X_FIRMWARE_CTRL if given, else FIRMWARE_CTRL; not checked */
	u16 sci_irq;
	u32 smi_cmd; /* I/O port to write acpi_enable/acpi_disable to; 0: none */
	u8 acpi_enable;
	u8 acpi_disable;
	/* X_ blocks where given, else the 32-bit I/O ports, as GAS; address 0: absent */
	struct acpi_gas pm1a_evt, pm1b_evt, pm1a_cnt, pm1b_cnt, pm_tmr;
	bool has_reset_reg; /* RESET_REG_SUP set and the fields lie within the table */
	struct acpi_gas reset_reg;
	u8 reset_value;
	u8 century; /* RTC CMOS index of the century, 0: none */
	bool has_boot_arch; /* revision 2 and up: boot_arch is meaningful */
	u16 boot_arch; /* ACPI_BOOT_* */
};

struct acpi_hpet_info {
	u64 address; /* system memory */
	u32 block_id; /* event timer block ID: vendor, comparators, ... */
	u8 number;
	u16 min_tick;
};

struct acpi_info {
	/* RSDP */
	u8 rsdp_revision;
	char rsdp_oem_id[7];
	bool root_is_xsdt;
	struct acpi_table_desc root; /* the RSDT or XSDT */

	/* Every other table that passed its checks (including the DSDT), in the root's order. */
	struct acpi_table_desc tables[ACPI_MAX_TABLES];
	u32 nr_tables;
	u32 nr_tables_dropped; /* valid, but no room to list them */

	bool has_madt, has_hpet, has_fadt, has_mcfg;

	/* MADT */
	u64 lapic_address; /* the 64-bit override (type 5) if present */
	u32 madt_flags; /* ACPI_MADT_* */
	struct acpi_cpu cpus[ACPI_MAX_CPUS]; /* usable ones: enabled or online-capable */
	u32 nr_cpus;
	u32 nr_cpus_enabled;
	u32 nr_cpus_dropped; /* usable, but beyond ACPI_MAX_CPUS */
	struct acpi_ioapic ioapics[ACPI_MAX_IOAPICS];
	u32 nr_ioapics;
	struct acpi_irq_override overrides[ACPI_MAX_OVERRIDES];
	u32 nr_overrides;
	struct acpi_nmi_source nmi_sources[ACPI_MAX_NMI_SOURCES];
	u32 nr_nmi_sources;
	struct acpi_lapic_nmi lapic_nmis[ACPI_MAX_LAPIC_NMIS];
	u32 nr_lapic_nmis;
	u32 nr_madt_dropped; /* I/O APICs, overrides and NMI entries with no room left */

	struct acpi_hpet_info hpet;
	struct acpi_fadt_info fadt;

	struct acpi_mcfg_entry mcfg[ACPI_MAX_MCFG];
	u32 nr_mcfg;
};

/*
 * How the parser reaches physical memory: map returns a readable view of [phys, phys + len)
 * or NULL, unmap gives it back (with the same len). The kernel uses memremap; the host tests
 * hand out exact-size heap copies.
 */
struct acpi_mapper {
	void *(*map)(u64 phys, size_t len, void *ctx);
	void (*unmap)(void *virt, size_t len, void *ctx);
	void *ctx;
};

/*
 * Fills info (cleared first) from the RSDP copy rsdp/rsdp_len and the tables it leads to.
 * Returns 0 when a valid MADT was found, -ENOENT when there is no RSDP (rsdp_len 0) or no
 * MADT, -EINVAL when the RSDP or the root table is malformed. Whatever was found is kept in
 * info even on error. Warnings go to printk; the summary is acpi_print_info's.
 */
int acpi_parse_tables(const void *rsdp, size_t rsdp_len, const struct acpi_mapper *mapper,
		      struct acpi_info *info);
/* The boot summary: the RSDP, one line per table, then the counts (KERN_INFO). */
void acpi_print_info(const struct acpi_info *info);

/*
 * The kernel's tables, filled by acpi_table_init from boot_info.rsdp (after mm_init: it maps
 * tables with memremap). On an error the caller must assume one CPU (the boot CPU) and the
 * legacy 8259 PICs, with no I/O APIC, HPET or ECAM.
 */
extern struct acpi_info acpi_info;
int acpi_table_init(void);
/* Maps tables with memremap, refusing ranges outside the firmware's memory map. */
extern const struct acpi_mapper acpi_memremap_mapper;

/*
 * The power button (drivers/acpi/button.c): ACPI mode on, PWRBTN_EN set, the SCI taken;
 * each press calls power_button_pressed(). 0 or -errno (no FADT, no PM1 block, no SCI).
 */
int acpi_button_init(void);
/* Presses seen since boot. */
unsigned long acpi_power_button_count(void);

#endif /* _KERNEL_ACPI_H */
