// SPDX-License-Identifier: GPL-2.0
/*
 * The ACPI tables QEMU's q35 machine provides, as acpi_table_init read them at boot, and
 * memremap, which it maps them with. Holds for any -smp and CPU model make test uses.
 */
#include <asm/bootinfo.h>
#include <asm/pgtable.h>
#include <asm/apic.h>
#include <kernel/acpi.h>
#include <kernel/smp.h>
#include <kernel/ktest.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/vmalloc.h>

static void test_madt_found(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, acpi_info.has_madt);
	KTEST_EXPECT_GE(t, acpi_info.nr_cpus_enabled, 1);
	KTEST_EXPECT_LE(t, acpi_info.nr_cpus_enabled, acpi_info.nr_cpus);
	KTEST_EXPECT_EQ(t, acpi_info.nr_cpus_dropped, 0);
	KTEST_EXPECT_EQ(t, acpi_info.lapic_address, 0xfee00000);
	/* QEMU's PC machines keep the 8259s. */
	KTEST_EXPECT_TRUE(t, acpi_info.madt_flags & ACPI_MADT_PCAT_COMPAT);
}

static void test_apic_ids_unique(struct ktest *t)
{
	for (u32 i = 0; i < acpi_info.nr_cpus; i++)
		for (u32 j = i + 1; j < acpi_info.nr_cpus; j++)
			KTEST_EXPECT_NE(t, acpi_info.cpus[i].apic_id, acpi_info.cpus[j].apic_id);
}

static void test_one_ioapic(struct ktest *t)
{
	KTEST_ASSERT_EQ(t, acpi_info.nr_ioapics, 1);
	KTEST_EXPECT_EQ(t, acpi_info.ioapics[0].address, 0xfec00000);
	KTEST_EXPECT_EQ(t, acpi_info.ioapics[0].gsi_base, 0);
}

static void test_timer_override(struct ktest *t)
{
	const struct acpi_irq_override *irq0 = NULL;

	for (u32 i = 0; i < acpi_info.nr_overrides; i++)
		if (acpi_info.overrides[i].source_irq == 0)
			irq0 = &acpi_info.overrides[i];
	KTEST_ASSERT_NOT_NULL(t, irq0);
	KTEST_EXPECT_EQ(t, irq0->bus, 0);
	KTEST_EXPECT_EQ(t, irq0->gsi, 2);
}

static void test_hpet(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, acpi_info.has_hpet);
	KTEST_EXPECT_EQ(t, acpi_info.hpet.address, 0xfed00000);
}

static void test_fadt_and_dsdt(struct ktest *t)
{
	bool listed = false;

	KTEST_ASSERT_TRUE(t, acpi_info.has_fadt);
	KTEST_ASSERT_NE(t, acpi_info.fadt.dsdt, 0);
	KTEST_EXPECT_NE(t, acpi_info.fadt.sci_irq, 0);
	KTEST_EXPECT_NE(t, acpi_info.fadt.pm1a_cnt.address, 0);
	for (u32 i = 0; i < acpi_info.nr_tables; i++)
		if (!strcmp(acpi_info.tables[i].signature, "DSDT") &&
		    acpi_info.tables[i].phys == acpi_info.fadt.dsdt)
			listed = true;
	KTEST_EXPECT_TRUE(t, listed);
}

static void test_mcfg(struct ktest *t)
{
	KTEST_ASSERT_TRUE(t, acpi_info.has_mcfg);
	KTEST_ASSERT_GE(t, acpi_info.nr_mcfg, 1);
	KTEST_EXPECT_EQ(t, acpi_info.mcfg[0].base, 0xb0000000);
	KTEST_EXPECT_EQ(t, acpi_info.mcfg[0].segment, 0);
	KTEST_EXPECT_EQ(t, acpi_info.mcfg[0].start_bus, 0);
	KTEST_EXPECT_GE(t, acpi_info.mcfg[0].end_bus, acpi_info.mcfg[0].start_bus);
}

static u8 sum_bytes(const u8 *p, u32 len)
{
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

/* The list is for mapping tables again later: every entry must still map and check out. */
static void test_listed_tables_map_again(struct ktest *t)
{
	KTEST_ASSERT_GE(t, acpi_info.nr_tables, 4);
	for (u32 i = 0; i < acpi_info.nr_tables; i++) {
		const struct acpi_table_desc *d = &acpi_info.tables[i];
		const u8 *p = memremap(d->phys, d->length);

		KTEST_ASSERT_NOT_NULL(t, p);
		KTEST_EXPECT_EQ(t, memcmp(p, d->signature, 4), 0);
		KTEST_EXPECT_EQ(t, sum_bytes(p, d->length), 0);
		memunmap((void *)p);
	}
}

static void test_memremap_root(struct ktest *t)
{
	unsigned long areas = vmalloc_nr_areas();
	const struct acpi_table_desc *root = &acpi_info.root;
	u8 *p;
	pte_t *pte;
	int level;

	KTEST_ASSERT_NE(t, root->length, 0);
	p = memremap(root->phys, root->length);
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_GE(t, (unsigned long)p, VMALLOC_START);
	KTEST_EXPECT_LT(t, (unsigned long)p, VMALLOC_END);
	/* The offset within the page is kept. */
	KTEST_EXPECT_EQ(t, (unsigned long)p & ~PAGE_MASK, root->phys & ~PAGE_MASK);
	KTEST_EXPECT_EQ(t, memcmp(p, root->signature, 4), 0);
	pte = lookup_address(init_pgd, (unsigned long)p, &level);
	KTEST_ASSERT_NOT_NULL(t, pte);
	KTEST_EXPECT_EQ(t, level, 1);
	KTEST_EXPECT_FALSE(t, pte->pte & (_PAGE_PCD | _PAGE_PWT)); /* write-back */
	KTEST_EXPECT_EQ(t, vmalloc_nr_areas(), areas + 1);
	memunmap(p);
	KTEST_EXPECT_EQ(t, vmalloc_nr_areas(), areas);
	KTEST_EXPECT_NULL(t, lookup_address(init_pgd, (unsigned long)p, &level));
}

static void test_memremap_bad_sizes(struct ktest *t)
{
	KTEST_EXPECT_NULL(t, memremap(acpi_info.root.phys, 0));
	KTEST_EXPECT_NULL(t, memremap(0x1000, VMALLOC_END - VMALLOC_START + 1));
	KTEST_EXPECT_NULL(t, memremap(0xfffffffffffff000ULL, 0x2000)); /* wraps around */
	KTEST_EXPECT_NULL(t, memremap(0x1000, ~0UL)); /* would wrap when rounded up */
	KTEST_EXPECT_NULL(t, ioremap(0x1000, ~0UL));
	KTEST_EXPECT_NULL(t, memremap(1ULL << 52, 0x1000)); /* more than a PTE can address */
}

/* A pointer into a hole of the memory map (here the local APIC) is refused, not mapped. */
static void test_mapper_refuses_holes(struct ktest *t)
{
	KTEST_EXPECT_NULL(t, acpi_memremap_mapper.map(0xfee00000, 36, NULL));
}

/* Parsing again gives the same result and gives back every mapping. */
static void test_parse_again(struct ktest *t)
{
	struct acpi_info *again = kzalloc(sizeof(*again), GFP_KERNEL);
	unsigned long areas = vmalloc_nr_areas();

	KTEST_ASSERT_NOT_NULL(t, again);
	KTEST_EXPECT_EQ(
		t,
		acpi_parse_tables(boot_info.rsdp, boot_info.rsdp_len, &acpi_memremap_mapper, again),
		0);
	/* Field by field: struct padding is not guaranteed to match. */
	KTEST_EXPECT_EQ(t, again->root.phys, acpi_info.root.phys);
	KTEST_ASSERT_EQ(t, again->nr_tables, acpi_info.nr_tables);
	for (u32 i = 0; i < again->nr_tables; i++) {
		KTEST_EXPECT_EQ(t, again->tables[i].phys, acpi_info.tables[i].phys);
		KTEST_EXPECT_EQ(t, again->tables[i].length, acpi_info.tables[i].length);
	}
	KTEST_ASSERT_EQ(t, again->nr_cpus, acpi_info.nr_cpus);
	for (u32 i = 0; i < again->nr_cpus; i++)
		KTEST_EXPECT_EQ(t, again->cpus[i].apic_id, acpi_info.cpus[i].apic_id);
	KTEST_EXPECT_EQ(t, again->nr_overrides, acpi_info.nr_overrides);
	KTEST_EXPECT_EQ(t, again->hpet.address, acpi_info.hpet.address);
	KTEST_EXPECT_EQ(t, again->fadt.dsdt, acpi_info.fadt.dsdt);
	KTEST_EXPECT_EQ(t, again->nr_mcfg, acpi_info.nr_mcfg);
	KTEST_EXPECT_EQ(t, vmalloc_nr_areas(), areas);
	kfree(again);
}

/*
 * Checked against the hardware, not against the parser's own output: every CPU that came up
 * reads its APIC ID from its local APIC, and that ID must be one the MADT listed; and as many
 * CPUs came up as the MADT listed enabled (QEMU starts each one it lists).
 */
static void test_madt_matches_running_cpus(struct ktest *t)
{
	u32 here = apic_read_id();
	bool found = false;

	KTEST_EXPECT_EQ(t, acpi_info.nr_cpus_enabled, num_online_cpus());
	for (u32 i = 0; i < acpi_info.nr_cpus; i++)
		found |= acpi_info.cpus[i].apic_id == here;
	KTEST_EXPECT_TRUE(t, found);
}

static struct ktest_case acpi_cases[] = {
	KTEST_CASE(test_madt_matches_running_cpus),
	KTEST_CASE(test_madt_found),
	KTEST_CASE(test_apic_ids_unique),
	KTEST_CASE(test_one_ioapic),
	KTEST_CASE(test_timer_override),
	KTEST_CASE(test_hpet),
	KTEST_CASE(test_fadt_and_dsdt),
	KTEST_CASE(test_mcfg),
	KTEST_CASE(test_listed_tables_map_again),
	KTEST_CASE(test_memremap_root),
	KTEST_CASE(test_memremap_bad_sizes),
	KTEST_CASE(test_mapper_refuses_holes),
	KTEST_CASE(test_parse_again),
	{},
};

static struct ktest_suite acpi_suite = { .name = "acpi", .cases = acpi_cases };
ktest_register_suite(acpi_suite);
