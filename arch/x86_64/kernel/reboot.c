// SPDX-License-Identifier: GPL-2.0
/*
 * Restarting the machine, trying the ways a PC offers in order of politeness: the reset
 * control register at 0xcf9, the keyboard controller's reset line, and finally a triple
 * fault (an exception with no IDT), which every x86 turns into a reset.
 *
 * Powering off: ACPI's soft-off, sleep state S5, entered by writing its SLP_TYP value with
 * SLP_EN to the PM1 control registers the FADT names. SLP_TYP comes from the DSDT's \_S5
 * package; with no AML interpreter, the package is found by its encoding (a NameOp, the name,
 * a PackageOp), which is how every firmware writes it. Where that fails, the machine halts.
 */
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <kernel/acpi.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/vmalloc.h>

#define RESET_CONTROL_PORT 0xcf9
#define RESET_CONTROL_SYS_RST 0x02
#define RESET_CONTROL_RST_CPU 0x04
#define KBD_STATUS_PORT 0x64
#define KBD_STATUS_INPUT_FULL 0x02
#define KBD_CMD_PULSE_RESET 0xfe

void machine_restart(void)
{
	struct {
		u16 limit;
		u64 base;
	} __packed no_idt = { 0, 0 };

	local_irq_disable();
	outb(RESET_CONTROL_SYS_RST, RESET_CONTROL_PORT);
	outb(RESET_CONTROL_SYS_RST | RESET_CONTROL_RST_CPU, RESET_CONTROL_PORT);
	for (int i = 0; i < 100000; i++)
		cpu_relax();

	for (int i = 0; i < 100000 && (inb(KBD_STATUS_PORT) & KBD_STATUS_INPUT_FULL); i++)
		cpu_relax();
	outb(KBD_CMD_PULSE_RESET, KBD_STATUS_PORT);
	for (int i = 0; i < 100000; i++)
		cpu_relax();

	__asm__ volatile("lidt %0; int3" : : "m"(no_idt));
	halt_forever();
}

/* Stops the other CPUs and this one; nothing runs after this. */
void machine_halt(void)
{
	local_irq_disable();
	smp_send_stop();
	halt_forever();
}

#define AML_NAME_OP 0x08
#define AML_PACKAGE_OP 0x12
#define AML_ZERO_OP 0x00
#define AML_ONE_OP 0x01
#define AML_BYTE_PREFIX 0x0a

/* One integer element of a package: a small constant (Zero, One, or a byte). */
static int aml_small_int(const u8 *p, const u8 *end, u8 *val)
{
	if (p >= end)
		return -1;
	if (*p == AML_ZERO_OP || *p == AML_ONE_OP) {
		*val = *p;
		return 1;
	}
	if (*p == AML_BYTE_PREFIX && p + 1 < end) {
		*val = p[1];
		return 2;
	}
	return -1;
}

/* SLP_TYPa and SLP_TYPb of \_S5 in the DSDT at aml (len bytes); 0 or -1. */
static int find_s5(const u8 *aml, u32 len, u8 *typa, u8 *typb)
{
	const u8 *end = aml + len;

	for (const u8 *p = aml + 36; p + 8 < end; p++) {
		const u8 *q;
		int n;

		if (memcmp(p, "_S5_", 4) || p[4] != AML_PACKAGE_OP)
			continue;
		if (p[-1] != AML_NAME_OP && !(p[-1] == '\\' && p[-2] == AML_NAME_OP))
			continue;
		q = p + 5;
		/* PkgLength: its top two bits count the bytes after the first. */
		q += 1 + (*q >> 6);
		q++; /* NumElements */
		n = aml_small_int(q, end, typa);
		if (n < 0)
			return -1;
		q += n;
		if (aml_small_int(q, end, typb) < 0)
			*typb = *typa;
		return 0;
	}
	return -1;
}

static int acpi_s5_sleep_type(u8 *typa, u8 *typb)
{
	const struct acpi_table_desc *dsdt = NULL;
	void *aml;
	int ret;

	for (u32 i = 0; i < acpi_info.nr_tables; i++)
		if (!strcmp(acpi_info.tables[i].signature, "DSDT"))
			dsdt = &acpi_info.tables[i];
	if (!dsdt)
		return -1;
	aml = memremap(dsdt->phys, dsdt->length);
	if (!aml)
		return -1;
	ret = find_s5(aml, dsdt->length, typa, typb);
	memunmap(aml);
	return ret;
}

#define ACPI_SLP_TYP_SHIFT 10
#define ACPI_SLP_EN (1U << 13)

static void pm1_cnt_write(const struct acpi_gas *gas, u16 val)
{
	if (gas->address && gas->space_id == ACPI_SPACE_IO && gas->address < 0x10000)
		outw(val, (u16)gas->address);
}

void machine_power_off(void)
{
	const struct acpi_fadt_info *fadt = &acpi_info.fadt;
	u8 typa, typb;

	if (acpi_info.has_fadt && fadt->pm1a_cnt.address && !acpi_s5_sleep_type(&typa, &typb)) {
		local_irq_disable();
		smp_send_stop();
		pm1_cnt_write(&fadt->pm1a_cnt, (typa << ACPI_SLP_TYP_SHIFT) | ACPI_SLP_EN);
		pm1_cnt_write(&fadt->pm1b_cnt, (typb << ACPI_SLP_TYP_SHIFT) | ACPI_SLP_EN);
		for (int i = 0; i < 1000000; i++)
			cpu_relax();
	}
	pr_emerg("reboot: ACPI power-off failed; System halted\n");
	machine_halt();
}
