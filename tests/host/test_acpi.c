// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for drivers/acpi/tables.c. The tables are built byte by byte in a fake physical
 * memory, the way firmware lays them out, and served through the mapper callback as heap
 * copies of exactly the size asked for, so that AddressSanitizer catches any read past what
 * the parser mapped. Well-formed sets must parse to the right values; broken and hostile
 * ones must be reported and ignored without a crash, an overread or a leaked mapping.
 */
#include "ktest_host.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>

/* ---- Fake physical memory and the mapper ------------------------------------------------ */

#define PHYS_BASE 0x7fe0000ULL
#define PHYS_SIZE 0x40000

static uint8_t phys_mem[PHYS_SIZE] __attribute__((aligned(16)));
static uint64_t phys_next; /* bump allocator for placing tables */

struct mapping {
	void *virt;
	size_t len;
};

#define MAX_LIVE 16

static struct mapping live[MAX_LIVE];
static int nr_live, nr_maps, bad_unmaps;
static size_t biggest_map;

static void *fake_map(uint64_t phys, size_t len, void *ctx)
{
	void *p;
	int i;

	(void)ctx;
	nr_maps++;
	if (len > biggest_map)
		biggest_map = len;
	if (phys < PHYS_BASE || phys - PHYS_BASE > PHYS_SIZE ||
	    len > PHYS_SIZE - (phys - PHYS_BASE))
		return NULL;
	for (i = 0; i < MAX_LIVE && live[i].virt; i++)
		;
	if (i == MAX_LIVE)
		return NULL;
	p = malloc(len);
	memcpy(p, phys_mem + (phys - PHYS_BASE), len);
	live[i] = (struct mapping){ p, len };
	nr_live++;
	return p;
}

static void fake_unmap(void *virt, size_t len, void *ctx)
{
	(void)ctx;
	for (int i = 0; i < MAX_LIVE; i++) {
		if (live[i].virt == virt) {
			if (live[i].len != len)
				bad_unmaps++;
			live[i].virt = NULL;
			nr_live--;
			free(virt);
			return;
		}
	}
	bad_unmaps++;
}

/* ---- printk, captured ------------------------------------------------------------------ */

static char log_buf[1 << 16];
static size_t log_len;
static int nr_warnings;

int printk(const char *fmt, ...);
int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	if (fmt[0] == '\001' && fmt[1]) {
		if (fmt[1] <= '4')
			nr_warnings++;
		fmt += 2;
	}
	va_start(ap, fmt);
	n = vsnprintf(log_buf + log_len, sizeof(log_buf) - log_len, fmt, ap);
	va_end(ap);
	if (n > 0)
		log_len = strlen(log_buf);
	return n;
}

static bool logged(const char *s)
{
	return strstr(log_buf, s) != NULL;
}

static void reset_world(void)
{
	memset(phys_mem, 0, sizeof(phys_mem));
	phys_next = PHYS_BASE;
	memset(live, 0, sizeof(live));
	nr_live = nr_maps = bad_unmaps = 0;
	biggest_map = 0;
	log_buf[0] = '\0';
	log_len = 0;
	nr_warnings = 0;
}

/* ---- Table builders ---------------------------------------------------------------------- */

static void put16(uint8_t *p, uint16_t v)
{
	memcpy(p, &v, 2);
}

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static void put64(uint8_t *p, uint64_t v)
{
	memcpy(p, &v, 8);
}

static uint8_t sum8(const uint8_t *p, size_t len)
{
	uint8_t s = 0;

	while (len--)
		s += *p++;
	return s;
}

/* Makes the bytes of an SDT (length from its header) sum to zero. */
static void fix_checksum(uint8_t *t)
{
	uint32_t len;

	memcpy(&len, t + 4, 4);
	t[9] = 0;
	t[9] = (uint8_t)-sum8(t, len);
}

/* A table under construction: header first, body appended, then placed in memory. */
struct table {
	uint8_t buf[8192];
	size_t len;
};

static void tb_start(struct table *t, const char *sig, uint8_t rev)
{
	memset(t, 0, sizeof(*t));
	memcpy(t->buf, sig, 4);
	t->buf[8] = rev;
	memcpy(t->buf + 10, "MICA  ", 6);
	memcpy(t->buf + 16, "TESTTBL ", 8);
	put32(t->buf + 24, 1);
	memcpy(t->buf + 28, "HOST", 4);
	put32(t->buf + 32, 1);
	t->len = 36;
}

static uint8_t *tb_grow(struct table *t, size_t n)
{
	uint8_t *p = t->buf + t->len;

	t->len += n;
	return p;
}

/* Sets the length, fixes the checksum, and copies the table to fake physical memory. */
static uint64_t tb_place_at(struct table *t, uint64_t phys)
{
	put32(t->buf + 4, (uint32_t)t->len);
	fix_checksum(t->buf);
	memcpy(phys_mem + (phys - PHYS_BASE), t->buf, t->len);
	return phys;
}

static uint64_t tb_place(struct table *t)
{
	uint64_t phys = phys_next;

	phys_next += (t->len + 15) & ~(size_t)15;
	return tb_place_at(t, phys);
}

static uint8_t *phys_ptr(uint64_t phys)
{
	return phys_mem + (phys - PHYS_BASE);
}

/* MADT entries */
static void madt_start(struct table *t, uint8_t rev, uint32_t lapic, uint32_t flags)
{
	tb_start(t, "APIC", rev);
	put32(tb_grow(t, 4), lapic);
	put32(tb_grow(t, 4), flags);
}

static void madt_lapic(struct table *t, uint8_t uid, uint8_t id, uint32_t flags)
{
	uint8_t *e = tb_grow(t, 8);

	e[0] = 0, e[1] = 8, e[2] = uid, e[3] = id;
	put32(e + 4, flags);
}

static void madt_ioapic(struct table *t, uint8_t id, uint32_t addr, uint32_t gsi_base)
{
	uint8_t *e = tb_grow(t, 12);

	e[0] = 1, e[1] = 12, e[2] = id;
	put32(e + 4, addr);
	put32(e + 8, gsi_base);
}

static void madt_override(struct table *t, uint8_t bus, uint8_t irq, uint32_t gsi, uint16_t flags)
{
	uint8_t *e = tb_grow(t, 10);

	e[0] = 2, e[1] = 10, e[2] = bus, e[3] = irq;
	put32(e + 4, gsi);
	put16(e + 8, flags);
}

static void madt_nmi_source(struct table *t, uint16_t flags, uint32_t gsi)
{
	uint8_t *e = tb_grow(t, 8);

	e[0] = 3, e[1] = 8;
	put16(e + 2, flags);
	put32(e + 4, gsi);
}

static void madt_lapic_nmi(struct table *t, uint8_t uid, uint16_t flags, uint8_t lint)
{
	uint8_t *e = tb_grow(t, 6);

	e[0] = 4, e[1] = 6, e[2] = uid;
	put16(e + 3, flags);
	e[5] = lint;
}

static void madt_lapic_address(struct table *t, uint64_t addr)
{
	uint8_t *e = tb_grow(t, 12);

	e[0] = 5, e[1] = 12;
	put64(e + 4, addr);
}

static void madt_x2apic(struct table *t, uint32_t id, uint32_t flags, uint32_t uid)
{
	uint8_t *e = tb_grow(t, 16);

	e[0] = 9, e[1] = 16;
	put32(e + 4, id);
	put32(e + 8, flags);
	put32(e + 12, uid);
}

static void madt_x2apic_nmi(struct table *t, uint16_t flags, uint32_t uid, uint8_t lint)
{
	uint8_t *e = tb_grow(t, 12);

	e[0] = 10, e[1] = 12;
	put16(e + 2, flags);
	put32(e + 4, uid);
	e[8] = lint;
}

/* A Generic Address Structure */
static void put_gas(uint8_t *p, uint8_t space, uint8_t width, uint64_t addr)
{
	p[0] = space, p[1] = width, p[2] = 0, p[3] = 0;
	put64(p + 4, addr);
}

static void hpet_build(struct table *t, uint8_t space, uint64_t addr)
{
	uint8_t *b;

	tb_start(t, "HPET", 1);
	b = tb_grow(t, 20);
	put32(b, 0x8086a201);
	put_gas(b + 4, space, 64, addr);
	b[16] = 0; /* HPET number */
	put16(b + 17, 0x80); /* minimum tick */
}

/* FADT field offsets */
#define FADT_DSDT 40
#define FADT_SCI 46
#define FADT_SMI_CMD 48
#define FADT_PM1A_EVT 56
#define FADT_PM1A_CNT 64
#define FADT_PM_TMR 76
#define FADT_PM1_EVT_LEN 88
#define FADT_PM1_CNT_LEN 89
#define FADT_PM_TMR_LEN 91
#define FADT_CENTURY 108
#define FADT_BOOT_ARCH 109
#define FADT_FLAGS 112
#define FADT_RESET_REG 116
#define FADT_RESET_VALUE 128
#define FADT_X_DSDT 140
#define FADT_X_PM1A_CNT 172

/*
 * A FADT of the given revision and length: the 32-bit fields, and the later ones where the
 * length has room for them.
 */
static void fadt_build(struct table *t, uint8_t rev, size_t len, uint32_t dsdt, uint64_t x_dsdt)
{
	uint8_t *b;

	tb_start(t, "FACP", rev);
	b = t->buf;
	tb_grow(t, len - 36);
	put32(b + FADT_DSDT, dsdt);
	put16(b + FADT_SCI, 9);
	put32(b + FADT_SMI_CMD, 0xb2);
	put32(b + FADT_PM1A_EVT, 0x600);
	put32(b + FADT_PM1A_CNT, 0x604);
	put32(b + FADT_PM_TMR, 0x608);
	b[FADT_PM1_EVT_LEN] = 4;
	b[FADT_PM1_CNT_LEN] = 2;
	b[FADT_PM_TMR_LEN] = 4;
	b[FADT_CENTURY] = 0x32;
	put16(b + FADT_BOOT_ARCH, 0x2); /* 8042 */
	put32(b + FADT_FLAGS, 1u << 10); /* RESET_REG_SUP */
	if (len >= FADT_RESET_VALUE + 1) {
		put_gas(b + FADT_RESET_REG, 1, 8, 0xcf9);
		b[FADT_RESET_VALUE] = 0x6;
	}
	if (len >= FADT_X_DSDT + 8)
		put64(b + FADT_X_DSDT, x_dsdt);
	if (len >= FADT_X_PM1A_CNT + 12)
		put_gas(b + FADT_X_PM1A_CNT, 1, 16, 0x604);
}

static uint64_t dsdt_place(void)
{
	struct table t;

	tb_start(&t, "DSDT", 2);
	memset(tb_grow(&t, 64), 0x10, 64); /* some AML-looking bytes */
	return tb_place(&t);
}

static void mcfg_start(struct table *t)
{
	tb_start(t, "MCFG", 1);
	tb_grow(t, 8);
}

static void mcfg_entry(struct table *t, uint64_t base, uint16_t seg, uint8_t start, uint8_t end)
{
	uint8_t *e = tb_grow(t, 16);

	put64(e, base);
	put16(e + 8, seg);
	e[10] = start;
	e[11] = end;
}

static uint64_t root_place(const char *sig, const uint64_t *entries, int n, int entry_size)
{
	struct table t;

	tb_start(&t, sig, 1);
	for (int i = 0; i < n; i++)
		memcpy(tb_grow(&t, entry_size), &entries[i], entry_size);
	return tb_place(&t);
}

static void rsdp_build(uint8_t rsdp[36], uint8_t rev, uint32_t rsdt, uint64_t xsdt)
{
	memset(rsdp, 0, 36);
	memcpy(rsdp, "RSD PTR ", 8);
	memcpy(rsdp + 9, "MICA  ", 6);
	rsdp[15] = rev;
	put32(rsdp + 16, rsdt);
	rsdp[8] = (uint8_t)-sum8(rsdp, 20);
	if (rev >= 2) {
		put32(rsdp + 20, 36);
		put64(rsdp + 24, xsdt);
		rsdp[32] = (uint8_t)-sum8(rsdp, 36);
	}
}

/* The standard machine: what a small PC's firmware provides. */
struct good_set {
	uint64_t madt, hpet, fadt, dsdt, mcfg;
	uint64_t entries[4];
	uint64_t xsdt, rsdt;
	uint8_t rsdp[36];
};

static void good_madt(struct table *t)
{
	madt_start(t, 3, 0xfee00000, 1);
	madt_lapic(t, 0, 0, 1);
	madt_lapic(t, 1, 2, 1);
	madt_ioapic(t, 4, 0xfec00000, 0);
	madt_override(t, 0, 0, 2, 0);
	madt_override(t, 0, 9, 9, 0xd); /* active high, level */
	madt_lapic_nmi(t, 0xff, 0, 1);
}

static void good_set_build(struct good_set *g)
{
	struct table t;

	reset_world();
	good_madt(&t);
	g->madt = tb_place(&t);
	hpet_build(&t, 0, 0xfed00000);
	g->hpet = tb_place(&t);
	g->dsdt = dsdt_place();
	fadt_build(&t, 6, 276, (uint32_t)g->dsdt, g->dsdt);
	g->fadt = tb_place(&t);
	mcfg_start(&t);
	mcfg_entry(&t, 0xb0000000, 0, 0, 255);
	g->mcfg = tb_place(&t);
	g->entries[0] = g->fadt;
	g->entries[1] = g->madt;
	g->entries[2] = g->hpet;
	g->entries[3] = g->mcfg;
	g->xsdt = root_place("XSDT", g->entries, 4, 8);
	g->rsdt = root_place("RSDT", g->entries, 4, 4);
	rsdp_build(g->rsdp, 2, (uint32_t)g->rsdt, g->xsdt);
}

/* Rebuilds the roots after entries changed. */
static void good_set_reroot(struct good_set *g, int n)
{
	g->xsdt = root_place("XSDT", g->entries, n, 8);
	g->rsdt = root_place("RSDT", g->entries, n, 4);
	rsdp_build(g->rsdp, 2, (uint32_t)g->rsdt, g->xsdt);
}

#include "host_rename.h"

#include <kernel/acpi.h>
#include <kernel/errno.h>
#include <kernel/string.h>

static struct acpi_info info;
static const struct acpi_mapper mapper = { .map = fake_map, .unmap = fake_unmap };

/* Parses; every mapping must have been given back, with the length it was made with. */
static int parse_rsdp(struct ktest *test, const uint8_t *rsdp, size_t len)
{
	uint8_t *copy = malloc(len ? len : 1);
	int err;

	memcpy(copy, rsdp, len);
	err = acpi_parse_tables(copy, len, &mapper, &info);
	free(copy);
	EXPECT_EQ(nr_live, 0);
	EXPECT_EQ(bad_unmaps, 0);
	return err;
}

static int parse(struct ktest *test, const struct good_set *g)
{
	return parse_rsdp(test, g->rsdp, 36);
}

static const struct acpi_irq_override *find_override(uint8_t irq)
{
	for (u32 i = 0; i < info.nr_overrides; i++)
		if (info.overrides[i].source_irq == irq)
			return &info.overrides[i];
	return NULL;
}

static bool table_listed(const char *sig)
{
	for (u32 i = 0; i < info.nr_tables; i++)
		if (!strcmp(info.tables[i].signature, sig))
			return true;
	return false;
}

KTEST(good_v2_set_parses)
{
	struct good_set g;

	good_set_build(&g);
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_EQ(nr_warnings, 0);
	EXPECT_EQ(info.rsdp_revision, 2);
	EXPECT_STREQ(info.rsdp_oem_id, "MICA");
	EXPECT_TRUE(info.root_is_xsdt);
	EXPECT_EQ(info.root.phys, g.xsdt);
	EXPECT_STREQ(info.root.signature, "XSDT");

	/* The root's order, with the DSDT right after the FADT that points to it. */
	ASSERT_EQ(info.nr_tables, 5);
	EXPECT_STREQ(info.tables[0].signature, "FACP");
	EXPECT_STREQ(info.tables[1].signature, "DSDT");
	EXPECT_EQ(info.tables[1].phys, g.dsdt);
	EXPECT_STREQ(info.tables[2].signature, "APIC");
	EXPECT_EQ(info.tables[2].phys, g.madt);
	EXPECT_EQ(info.tables[2].revision, 3);
	EXPECT_STREQ(info.tables[2].oem_id, "MICA");
	EXPECT_STREQ(info.tables[2].oem_table_id, "TESTTBL");
	EXPECT_STREQ(info.tables[3].signature, "HPET");
	EXPECT_STREQ(info.tables[4].signature, "MCFG");

	EXPECT_TRUE(info.has_madt);
	EXPECT_EQ(info.lapic_address, 0xfee00000);
	EXPECT_EQ(info.madt_flags, ACPI_MADT_PCAT_COMPAT);
	ASSERT_EQ(info.nr_cpus, 2);
	EXPECT_EQ(info.nr_cpus_enabled, 2);
	EXPECT_EQ(info.cpus[1].apic_id, 2);
	EXPECT_EQ(info.cpus[1].acpi_uid, 1);
	EXPECT_FALSE(info.cpus[1].x2apic);
	ASSERT_EQ(info.nr_ioapics, 1);
	EXPECT_EQ(info.ioapics[0].id, 4);
	EXPECT_EQ(info.ioapics[0].address, 0xfec00000);
	EXPECT_EQ(info.ioapics[0].gsi_base, 0);
	EXPECT_EQ(info.nr_overrides, 2);
	ASSERT_EQ(info.nr_lapic_nmis, 1);
	EXPECT_EQ(info.lapic_nmis[0].acpi_uid, ACPI_UID_ALL_CPUS);
	EXPECT_EQ(info.lapic_nmis[0].lint, 1);

	EXPECT_TRUE(info.has_hpet);
	EXPECT_EQ(info.hpet.address, 0xfed00000);
	EXPECT_EQ(info.hpet.min_tick, 0x80);
	EXPECT_EQ(info.hpet.block_id, 0x8086a201);

	EXPECT_TRUE(info.has_fadt);
	EXPECT_EQ(info.fadt.revision, 6);
	EXPECT_EQ(info.fadt.dsdt, g.dsdt);
	EXPECT_EQ(info.fadt.sci_irq, 9);
	EXPECT_EQ(info.fadt.smi_cmd, 0xb2);
	EXPECT_EQ(info.fadt.century, 0x32);
	EXPECT_TRUE(info.fadt.has_boot_arch);
	EXPECT_EQ(info.fadt.boot_arch, ACPI_BOOT_8042);
	EXPECT_TRUE(info.fadt.has_reset_reg);
	EXPECT_EQ(info.fadt.reset_reg.space_id, ACPI_SPACE_IO);
	EXPECT_EQ(info.fadt.reset_reg.address, 0xcf9);
	EXPECT_EQ(info.fadt.reset_value, 6);
	EXPECT_EQ(info.fadt.pm1a_cnt.space_id, ACPI_SPACE_IO);
	EXPECT_EQ(info.fadt.pm1a_cnt.address, 0x604);
	EXPECT_EQ(info.fadt.pm1a_cnt.bit_width, 16);
	EXPECT_EQ(info.fadt.pm1a_evt.address, 0x600);
	EXPECT_EQ(info.fadt.pm1a_evt.bit_width, 32);
	EXPECT_EQ(info.fadt.pm1b_cnt.address, 0);

	EXPECT_TRUE(info.has_mcfg);
	ASSERT_EQ(info.nr_mcfg, 1);
	EXPECT_EQ(info.mcfg[0].base, 0xb0000000);
	EXPECT_EQ(info.mcfg[0].end_bus, 255);
}

KTEST(summary_is_printed)
{
	struct good_set g;

	good_set_build(&g);
	ASSERT_EQ(parse(test, &g), 0);
	acpi_print_info(&info);
	EXPECT_TRUE(logged("RSDP v2 MICA"));
	EXPECT_TRUE(logged("APIC 0x0000000007fe0000 000062 (v03 MICA   TESTTBL )"));
	EXPECT_TRUE(logged("2 CPUs, 1 I/O APICs, 2 overrides, HPET at 0xfed00000, MCFG 1 entries"));
}

KTEST(rsdp_v1_uses_rsdt)
{
	struct good_set g;

	good_set_build(&g);
	rsdp_build(g.rsdp, 0, (uint32_t)g.rsdt, 0);
	ASSERT_EQ(parse_rsdp(test, g.rsdp, 20), 0);
	EXPECT_FALSE(info.root_is_xsdt);
	EXPECT_EQ(info.root.phys, g.rsdt);
	EXPECT_STREQ(info.root.signature, "RSDT");
	EXPECT_EQ(info.nr_tables, 5);
	EXPECT_EQ(info.nr_cpus, 2);
	EXPECT_TRUE(info.has_hpet && info.has_fadt && info.has_mcfg);
	EXPECT_EQ(nr_warnings, 0);
}

/* GRUB handed over only the 20-byte part of a v2 RSDP: the XSDT cannot be trusted. */
KTEST(rsdp_v2_without_extended_part_uses_rsdt)
{
	struct good_set g;

	good_set_build(&g);
	ASSERT_EQ(parse_rsdp(test, g.rsdp, 20), 0);
	EXPECT_FALSE(info.root_is_xsdt);
	EXPECT_EQ(info.root.phys, g.rsdt);
}

KTEST(bad_rsdp_is_refused)
{
	struct good_set g;
	uint8_t rsdp[36];

	good_set_build(&g);
	memcpy(rsdp, g.rsdp, 36);
	rsdp[8]++; /* v1 checksum */
	rsdp[32]--; /* keep the extended sum right: only the first 20 bytes are wrong */
	EXPECT_EQ(parse_rsdp(test, rsdp, 36), -EINVAL);
	EXPECT_FALSE(info.has_madt);
	EXPECT_EQ(nr_maps, 0); /* nothing it points to was touched */
	EXPECT_TRUE(logged("RSDP: bad checksum"));

	memcpy(rsdp, g.rsdp, 36);
	rsdp[32]++; /* extended checksum */
	EXPECT_EQ(parse_rsdp(test, rsdp, 36), -EINVAL);
	EXPECT_TRUE(logged("bad extended checksum"));

	memcpy(rsdp, g.rsdp, 36);
	rsdp[0] = 'X';
	EXPECT_EQ(parse_rsdp(test, rsdp, 36), -EINVAL);
	EXPECT_EQ(parse_rsdp(test, g.rsdp, 19), -EINVAL);
	EXPECT_EQ(parse_rsdp(test, g.rsdp, 0), -ENOENT);
	EXPECT_EQ(nr_maps, 0);
}

KTEST(bad_sdt_checksum_drops_only_that_table)
{
	struct good_set g;

	good_set_build(&g);
	phys_ptr(g.hpet)[40]++; /* the HPET's event timer block ID */
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_FALSE(info.has_hpet);
	EXPECT_FALSE(table_listed("HPET"));
	EXPECT_TRUE(logged("HPET at 0x"));
	EXPECT_TRUE(logged("bad checksum"));
	EXPECT_TRUE(info.has_madt && info.has_fadt && info.has_mcfg);
	EXPECT_EQ(info.nr_tables, 4);
}

/* The last table claims more bytes than there are to map: refused, not read past. */
KTEST(sdt_longer_than_mappable_is_refused)
{
	struct good_set g;
	struct table t;

	good_set_build(&g);
	hpet_build(&t, 0, 0xfed00000);
	g.entries[2] = tb_place_at(&t, PHYS_BASE + PHYS_SIZE - t.len);
	put32(phys_ptr(g.entries[2]) + 4, (uint32_t)t.len + 64);
	good_set_reroot(&g, 4);
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_FALSE(info.has_hpet);
	EXPECT_TRUE(logged("HPET at 0x"));
	EXPECT_TRUE(logged("cannot map"));
	EXPECT_TRUE(info.has_fadt && info.has_mcfg);
}

KTEST(sdt_with_absurd_length_is_refused_unmapped)
{
	struct good_set g;

	good_set_build(&g);
	put32(phys_ptr(g.mcfg) + 4, 0x40000000); /* 1 GiB */
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_FALSE(info.has_mcfg);
	EXPECT_TRUE(logged("MCFG at 0x"));
	EXPECT_TRUE(logged("bad length 1073741824"));
	EXPECT_LE(biggest_map, 4096); /* never asked to map it */

	good_set_build(&g);
	put32(phys_ptr(g.mcfg) + 4, 20); /* shorter than a header */
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_FALSE(info.has_mcfg);
	EXPECT_TRUE(logged("bad length 20"));
}

KTEST(root_with_bad_entries)
{
	struct good_set g;

	good_set_build(&g);
	g.entries[0] = 0; /* null */
	g.entries[2] = 0xfed00000; /* outside memory */
	good_set_reroot(&g, 4);
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_FALSE(info.has_fadt);
	EXPECT_FALSE(info.has_hpet);
	EXPECT_TRUE(info.has_madt && info.has_mcfg);
	EXPECT_EQ(info.nr_tables, 2);
	EXPECT_EQ(nr_warnings, 2);
}

KTEST(bad_xsdt_falls_back_to_rsdt)
{
	struct good_set g;

	good_set_build(&g);
	phys_ptr(g.xsdt)[40]++;
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_TRUE(logged("XSDT at 0x"));
	EXPECT_TRUE(logged("falling back to the RSDT"));
	EXPECT_FALSE(info.root_is_xsdt);
	EXPECT_EQ(info.nr_cpus, 2);

	/* Both broken: nothing to go on. */
	phys_ptr(g.rsdt)[40]++;
	EXPECT_EQ(parse(test, &g), -EINVAL);
	EXPECT_FALSE(info.has_madt);
}

KTEST(wrong_root_signature_is_refused)
{
	struct good_set g;

	good_set_build(&g);
	rsdp_build(g.rsdp, 0, (uint32_t)g.madt, 0); /* the "RSDT" is an MADT */
	EXPECT_EQ(parse_rsdp(test, g.rsdp, 20), -EINVAL);
	EXPECT_TRUE(logged("APIC at 0x7fe0000: expected RSDT"));
}

KTEST(no_madt_is_enoent)
{
	struct good_set g;

	good_set_build(&g);
	g.entries[1] = g.hpet;
	good_set_reroot(&g, 2);
	EXPECT_EQ(parse(test, &g), -ENOENT);
	EXPECT_TRUE(logged("no valid MADT"));
	EXPECT_TRUE(info.has_fadt); /* what was found is kept */
}

/* Places an MADT in place of the good one and parses. */
static int parse_with_madt(struct ktest *test, struct table *t)
{
	struct good_set g;

	good_set_build(&g);
	g.entries[1] = tb_place(t);
	good_set_reroot(&g, 4);
	return parse(test, &g);
}

KTEST(madt_entry_past_end_stops_walk)
{
	struct table t;

	madt_start(&t, 3, 0xfee00000, 1);
	madt_lapic(&t, 0, 0, 1);
	madt_ioapic(&t, 0, 0xfec00000, 0);
	t.buf[t.len - 12 + 1] = 40; /* the I/O APIC entry claims 40 bytes: 28 past the end */
	ASSERT_EQ(parse_with_madt(test, &t), 0);
	EXPECT_EQ(info.nr_cpus, 1);
	EXPECT_EQ(info.nr_ioapics, 0);
	EXPECT_TRUE(logged("runs past the table end"));

	/* One stray byte after the last entry. */
	madt_start(&t, 3, 0xfee00000, 1);
	madt_lapic(&t, 0, 0, 1);
	*tb_grow(&t, 1) = 0;
	ASSERT_EQ(parse_with_madt(test, &t), 0);
	EXPECT_EQ(info.nr_cpus, 1);
	EXPECT_TRUE(logged("stray byte"));
}

KTEST(madt_zero_length_entry_ends_walk)
{
	struct table t;
	uint8_t *e;

	madt_start(&t, 3, 0xfee00000, 1);
	madt_lapic(&t, 0, 0, 1);
	e = tb_grow(&t, 8);
	e[0] = 0, e[1] = 0; /* a zero-length entry would never advance */
	madt_lapic(&t, 1, 1, 1);
	ASSERT_EQ(parse_with_madt(test, &t), 0);
	EXPECT_EQ(info.nr_cpus, 1);
	EXPECT_TRUE(logged("entry of length 0"));

	madt_start(&t, 3, 0xfee00000, 1);
	e = tb_grow(&t, 2);
	e[0] = 1, e[1] = 1; /* shorter than an entry header */
	ASSERT_EQ(parse_with_madt(test, &t), 0);
	EXPECT_TRUE(logged("entry of length 1"));
}

KTEST(madt_short_entry_is_skipped)
{
	struct table t;
	uint8_t *e;

	madt_start(&t, 3, 0xfee00000, 1);
	e = tb_grow(&t, 8);
	e[0] = 1, e[1] = 8; /* an I/O APIC entry needs 12 bytes */
	put32(e + 4, 0xfec00000);
	madt_lapic(&t, 0, 0, 1);
	ASSERT_EQ(parse_with_madt(test, &t), 0);
	EXPECT_EQ(info.nr_ioapics, 0);
	EXPECT_EQ(info.nr_cpus, 1); /* the walk went on after it */
	EXPECT_TRUE(logged("type 1 entry of only 8 bytes"));
}

KTEST(madt_cpus_beyond_array_are_counted)
{
	struct table t;

	madt_start(&t, 3, 0xfee00000, 1);
	for (int i = 0; i < ACPI_MAX_CPUS + 6; i++)
		madt_lapic(&t, i, i, 1);
	ASSERT_EQ(parse_with_madt(test, &t), 0);
	EXPECT_EQ(info.nr_cpus, ACPI_MAX_CPUS);
	EXPECT_EQ(info.nr_cpus_enabled, ACPI_MAX_CPUS);
	EXPECT_EQ(info.nr_cpus_dropped, 6);
	EXPECT_EQ(info.cpus[ACPI_MAX_CPUS - 1].apic_id, ACPI_MAX_CPUS - 1);
	EXPECT_TRUE(logged("6 CPUs beyond the first 64 ignored"));
}

KTEST(madt_cpu_flags)
{
	struct table t;

	/* Revision 5 (ACPI 6.3): online-capable counts, neither bit means unusable. */
	madt_start(&t, 5, 0xfee00000, 0);
	madt_lapic(&t, 0, 0, 1);
	madt_lapic(&t, 1, 1, 2);
	madt_lapic(&t, 2, 2, 0);
	madt_lapic(&t, 3, 0, 1); /* APIC ID 0 again */
	ASSERT_EQ(parse_with_madt(test, &t), 0);
	ASSERT_EQ(info.nr_cpus, 2);
	EXPECT_EQ(info.nr_cpus_enabled, 1);
	EXPECT_EQ(info.cpus[1].flags, ACPI_CPU_ONLINE_CAPABLE);
	EXPECT_TRUE(logged("APIC ID 0 listed twice"));
	EXPECT_EQ(info.madt_flags, 0);

	/* Before revision 5 the online-capable bit is reserved and means nothing. */
	madt_start(&t, 4, 0xfee00000, 0);
	madt_lapic(&t, 0, 0, 1);
	madt_lapic(&t, 1, 1, 2);
	ASSERT_EQ(parse_with_madt(test, &t), 0);
	EXPECT_EQ(info.nr_cpus, 1);
}

KTEST(madt_x2apic_entries)
{
	struct table t;

	madt_start(&t, 4, 0xfee00000, 1);
	madt_lapic(&t, 0, 0, 1);
	madt_x2apic(&t, 300, 1, 7);
	madt_x2apic(&t, 0x10000, 1, 8);
	madt_x2apic(&t, 0, 1, 9); /* the same CPU as the xAPIC entry */
	madt_x2apic_nmi(&t, 0, 0xffffffff, 1);
	ASSERT_EQ(parse_with_madt(test, &t), 0);
	ASSERT_EQ(info.nr_cpus, 3);
	EXPECT_EQ(info.cpus[1].apic_id, 300);
	EXPECT_EQ(info.cpus[1].acpi_uid, 7);
	EXPECT_TRUE(info.cpus[1].x2apic);
	EXPECT_EQ(info.cpus[2].apic_id, 0x10000);
	EXPECT_EQ(info.nr_cpus_enabled, 3);
	ASSERT_EQ(info.nr_lapic_nmis, 1);
	EXPECT_EQ(info.lapic_nmis[0].acpi_uid, ACPI_UID_ALL_CPUS);
}

KTEST(madt_overrides_and_flags)
{
	const struct acpi_irq_override *o;
	struct table t;

	madt_start(&t, 3, 0xfee00000, 1);
	madt_lapic(&t, 0, 0, 1);
	madt_override(&t, 0, 0, 2, 0);
	madt_override(&t, 0, 9, 20, ACPI_MPS_POLARITY_LOW | ACPI_MPS_TRIGGER_LEVEL);
	madt_override(&t, 0, 4, 4, ACPI_MPS_POLARITY_HIGH | ACPI_MPS_TRIGGER_EDGE);
	madt_override(&t, 0, 5, 5, 0x2); /* reserved polarity */
	madt_override(&t, 0, 6, 6, 0x8); /* reserved trigger mode */
	madt_override(&t, 1, 7, 7, 0); /* not ISA */
	madt_override(&t, 0, 9, 21, 0); /* IRQ 9 again */
	ASSERT_EQ(parse_with_madt(test, &t), 0);
	EXPECT_EQ(info.nr_overrides, 3);
	o = find_override(0);
	ASSERT_NOT_NULL(o);
	EXPECT_EQ(o->gsi, 2);
	EXPECT_EQ(o->flags, 0);
	o = find_override(9);
	ASSERT_NOT_NULL(o);
	EXPECT_EQ(o->gsi, 20);
	EXPECT_EQ(o->flags & ACPI_MPS_POLARITY_MASK, ACPI_MPS_POLARITY_LOW);
	EXPECT_EQ(o->flags & ACPI_MPS_TRIGGER_MASK, ACPI_MPS_TRIGGER_LEVEL);
	o = find_override(4);
	ASSERT_NOT_NULL(o);
	EXPECT_EQ(o->flags & ACPI_MPS_POLARITY_MASK, ACPI_MPS_POLARITY_HIGH);
	EXPECT_EQ(o->flags & ACPI_MPS_TRIGGER_MASK, ACPI_MPS_TRIGGER_EDGE);
	EXPECT_NULL(find_override(5));
	EXPECT_NULL(find_override(6));
	EXPECT_NULL(find_override(7));
	EXPECT_TRUE(logged("IRQ 9 overridden twice"));
}

KTEST(madt_nmi_entries)
{
	struct table t;

	madt_start(&t, 3, 0xfee00000, 1);
	madt_lapic(&t, 0, 0, 1);
	madt_nmi_source(&t, ACPI_MPS_POLARITY_HIGH | ACPI_MPS_TRIGGER_LEVEL, 23);
	madt_lapic_nmi(&t, 0, ACPI_MPS_POLARITY_HIGH, 1);
	madt_lapic_nmi(&t, 0xff, 0, 0);
	madt_lapic_nmi(&t, 1, 0, 2); /* there is no LINT2 */
	ASSERT_EQ(parse_with_madt(test, &t), 0);
	ASSERT_EQ(info.nr_nmi_sources, 1);
	EXPECT_EQ(info.nmi_sources[0].gsi, 23);
	EXPECT_EQ(info.nmi_sources[0].flags, 0xd);
	ASSERT_EQ(info.nr_lapic_nmis, 2);
	EXPECT_EQ(info.lapic_nmis[0].acpi_uid, 0);
	EXPECT_EQ(info.lapic_nmis[0].lint, 1);
	EXPECT_EQ(info.lapic_nmis[1].acpi_uid, ACPI_UID_ALL_CPUS);
	EXPECT_TRUE(logged("LINT2"));
}

KTEST(madt_64bit_lapic_address_override)
{
	struct table t;

	madt_start(&t, 3, 0xfee00000, 1);
	madt_lapic(&t, 0, 0, 1);
	madt_lapic_address(&t, 0x10fee00000ULL);
	ASSERT_EQ(parse_with_madt(test, &t), 0);
	EXPECT_EQ(info.lapic_address, 0x10fee00000ULL);
}

KTEST(madt_ioapics_beyond_array_are_counted)
{
	struct table t;

	madt_start(&t, 3, 0xfee00000, 1);
	madt_lapic(&t, 0, 0, 1);
	for (int i = 0; i < ACPI_MAX_IOAPICS + 2; i++)
		madt_ioapic(&t, i, 0xfec00000 + i * 0x1000, i * 24);
	ASSERT_EQ(parse_with_madt(test, &t), 0);
	EXPECT_EQ(info.nr_ioapics, ACPI_MAX_IOAPICS);
	EXPECT_EQ(info.nr_madt_dropped, 2);
	EXPECT_EQ(info.ioapics[7].gsi_base, 7 * 24);
}

KTEST(madt_too_short_is_ignored)
{
	struct table t;

	tb_start(&t, "APIC", 3);
	put32(tb_grow(&t, 4), 0xfee00000); /* no flags field */
	EXPECT_EQ(parse_with_madt(test, &t), -ENOENT);
	EXPECT_FALSE(info.has_madt);
	EXPECT_TRUE(logged("APIC: table of 40 bytes is too short"));
}

KTEST(second_madt_is_ignored)
{
	struct good_set g;
	struct table t;

	good_set_build(&g);
	madt_start(&t, 3, 0xfee00000, 1);
	madt_lapic(&t, 0, 0, 1);
	g.entries[2] = tb_place(&t);
	good_set_reroot(&g, 3);
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_EQ(info.nr_cpus, 2); /* from the first */
	EXPECT_TRUE(logged("a second one, ignored"));
	EXPECT_EQ(info.nr_tables, 4); /* both listed */
}

/* Places a FADT in place of the good one and parses. */
static int parse_with_fadt(struct ktest *test, struct table *t)
{
	struct good_set g;

	good_set_build(&g);
	/* At the very end of memory, so that any read past it is outside the fake RAM too. */
	g.entries[0] = tb_place_at(t, PHYS_BASE + PHYS_SIZE - t->len);
	good_set_reroot(&g, 4);
	return parse(test, &g);
}

KTEST(fadt_old_revision_reads_no_x_fields)
{
	struct table t;

	fadt_build(&t, 1, 116, 0, 0);
	ASSERT_EQ(parse_with_fadt(test, &t), 0);
	EXPECT_TRUE(info.has_fadt);
	EXPECT_EQ(info.fadt.revision, 1);
	EXPECT_EQ(info.fadt.dsdt, 0);
	EXPECT_TRUE(logged("FACP: no DSDT"));
	EXPECT_FALSE(
		info.fadt.has_reset_reg); /* RESET_REG_SUP is set, but the field is not there */
	EXPECT_FALSE(info.fadt.has_boot_arch);
	EXPECT_EQ(info.fadt.pm1a_cnt.space_id, ACPI_SPACE_IO);
	EXPECT_EQ(info.fadt.pm1a_cnt.address, 0x604);
	EXPECT_EQ(info.fadt.pm1a_cnt.bit_width, 16);
	EXPECT_EQ(info.fadt.pm_tmr.address, 0x608);
	EXPECT_EQ(info.fadt.sci_irq, 9);
	EXPECT_EQ(info.fadt.century, 0x32);
}

/* A revision-1 table that is long anyway: what lies past ACPI 1.0's fields is not believed. */
KTEST(fadt_old_revision_ignores_long_tail)
{
	struct good_set g;
	struct table t;

	good_set_build(&g);
	fadt_build(&t, 1, 244, (uint32_t)g.dsdt, 0x12345678);
	g.entries[0] = tb_place(&t);
	good_set_reroot(&g, 4);
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_EQ(info.fadt.dsdt, g.dsdt);
	EXPECT_FALSE(info.fadt.has_reset_reg);
}

KTEST(fadt_x_fields_preferred)
{
	struct good_set g;
	struct table t;
	uint64_t other_dsdt;

	good_set_build(&g);
	other_dsdt = dsdt_place();
	fadt_build(&t, 5, 268, (uint32_t)g.dsdt, other_dsdt);
	put_gas(t.buf + FADT_X_PM1A_CNT, ACPI_SPACE_MEM, 16, 0xfe000404);
	g.entries[0] = tb_place(&t);
	good_set_reroot(&g, 4);
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_EQ(info.fadt.dsdt, other_dsdt);
	EXPECT_EQ(info.fadt.pm1a_cnt.space_id, ACPI_SPACE_MEM);
	EXPECT_EQ(info.fadt.pm1a_cnt.address, 0xfe000404);
	/* X_PM1a_EVT_BLK is zero: the 32-bit port stands. */
	EXPECT_EQ(info.fadt.pm1a_evt.address, 0x600);
	EXPECT_EQ(info.fadt.pm1a_evt.space_id, ACPI_SPACE_IO);
}

/* Revision 3, but cut off inside X_DSDT: the field is not read. */
KTEST(fadt_cut_off_inside_a_field)
{
	struct table t;

	fadt_build(&t, 3, 144, 0x7fe0000, 0);
	put32(t.buf + FADT_X_DSDT, 0xdeadbeef);
	ASSERT_EQ(parse_with_fadt(test, &t), 0);
	EXPECT_TRUE(info.has_fadt);
	EXPECT_TRUE(info.fadt.has_reset_reg);
	EXPECT_EQ(info.fadt.reset_reg.address, 0xcf9);
	/* DSDT 0x7fe0000 is where the good set's MADT lies: its signature is wrong. */
	EXPECT_EQ(info.fadt.dsdt, 0);
	EXPECT_TRUE(logged("APIC at 0x7fe0000: expected DSDT"));
}

KTEST(fadt_bad_dsdt_is_dropped)
{
	struct good_set g;

	good_set_build(&g);
	phys_ptr(g.dsdt)[50]++;
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_TRUE(info.has_fadt);
	EXPECT_EQ(info.fadt.dsdt, 0);
	EXPECT_FALSE(table_listed("DSDT"));
	EXPECT_TRUE(logged("DSDT at 0x"));
}

KTEST(fadt_too_short_is_ignored)
{
	struct table t;

	fadt_build(&t, 1, 100, 0, 0);
	ASSERT_EQ(parse_with_fadt(test, &t), 0);
	EXPECT_FALSE(info.has_fadt);
	EXPECT_TRUE(logged("FACP: table of 100 bytes is too short"));
}

KTEST(mcfg_entries)
{
	struct good_set g;
	struct table t;

	good_set_build(&g);
	mcfg_start(&t);
	mcfg_entry(&t, 0xb0000000, 0, 0, 255);
	mcfg_entry(&t, 0xe0000000, 1, 0, 63);
	mcfg_entry(&t, 0xc0000000, 2, 10, 5); /* buses backwards */
	mcfg_entry(&t, 0, 3, 0, 255); /* no base */
	mcfg_entry(&t, 0x100000000ULL, 4, 128, 255);
	memset(tb_grow(&t, 7), 0xff, 7); /* part of an entry */
	g.entries[3] = tb_place(&t);
	good_set_reroot(&g, 4);
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_TRUE(info.has_mcfg);
	ASSERT_EQ(info.nr_mcfg, 3);
	EXPECT_EQ(info.mcfg[1].base, 0xe0000000);
	EXPECT_EQ(info.mcfg[1].segment, 1);
	EXPECT_EQ(info.mcfg[1].end_bus, 63);
	EXPECT_EQ(info.mcfg[2].base, 0x100000000ULL);
	EXPECT_EQ(info.mcfg[2].start_bus, 128);
	EXPECT_TRUE(logged("7 bytes of a partial entry"));
	EXPECT_TRUE(logged("buses 10-5"));
}

KTEST(hpet_in_io_space_is_rejected)
{
	struct good_set g;
	struct table t;

	good_set_build(&g);
	hpet_build(&t, ACPI_SPACE_IO, 0xfed00000);
	g.entries[2] = tb_place(&t);
	good_set_reroot(&g, 4);
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_FALSE(info.has_hpet);
	EXPECT_TRUE(logged("HPET: base 0xfed00000 in address space 1"));

	hpet_build(&t, ACPI_SPACE_MEM, 0xfed00000);
	t.len -= 3; /* no minimum tick */
	g.entries[2] = tb_place(&t);
	good_set_reroot(&g, 4);
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_FALSE(info.has_hpet);
}

KTEST(too_many_tables_are_counted)
{
	struct good_set g;
	uint64_t entries[ACPI_MAX_TABLES + 4];
	struct table t;

	good_set_build(&g);
	entries[0] = g.madt;
	for (int i = 1; i < ACPI_MAX_TABLES + 4; i++) {
		tb_start(&t, "SSDT", 2);
		entries[i] = tb_place(&t);
	}
	g.xsdt = root_place("XSDT", entries, ACPI_MAX_TABLES + 4, 8);
	rsdp_build(g.rsdp, 2, (uint32_t)g.rsdt, g.xsdt);
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_EQ(info.nr_tables, ACPI_MAX_TABLES);
	EXPECT_EQ(info.nr_tables_dropped, 4);
}

KTEST(odd_firmware_strings_are_made_printable)
{
	struct good_set g;
	uint8_t *m;

	good_set_build(&g);
	m = phys_ptr(g.madt);
	memcpy(m, "APIC", 4);
	memcpy(m + 10, "A\nB\0ZZ", 6);
	memcpy(m + 16,
	       "\xff\x01"
	       "ABCDEF",
	       8);
	fix_checksum(m);
	ASSERT_EQ(parse(test, &g), 0);
	EXPECT_STREQ(info.tables[2].oem_id, "A?B");
	EXPECT_STREQ(info.tables[2].oem_table_id, "??ABCDEF");

	/* A signature with a NUL in it is shown whole, and is not taken for the real one. */
	memcpy(m, "AP\0C", 4);
	fix_checksum(m);
	ASSERT_EQ(parse(test, &g), -ENOENT);
	EXPECT_STREQ(info.tables[2].signature, "AP?C");
}

static const struct ktest_case cases[] = {
	KTEST_CASE(good_v2_set_parses),
	KTEST_CASE(summary_is_printed),
	KTEST_CASE(rsdp_v1_uses_rsdt),
	KTEST_CASE(rsdp_v2_without_extended_part_uses_rsdt),
	KTEST_CASE(bad_rsdp_is_refused),
	KTEST_CASE(bad_sdt_checksum_drops_only_that_table),
	KTEST_CASE(sdt_longer_than_mappable_is_refused),
	KTEST_CASE(sdt_with_absurd_length_is_refused_unmapped),
	KTEST_CASE(root_with_bad_entries),
	KTEST_CASE(bad_xsdt_falls_back_to_rsdt),
	KTEST_CASE(wrong_root_signature_is_refused),
	KTEST_CASE(no_madt_is_enoent),
	KTEST_CASE(madt_entry_past_end_stops_walk),
	KTEST_CASE(madt_zero_length_entry_ends_walk),
	KTEST_CASE(madt_short_entry_is_skipped),
	KTEST_CASE(madt_cpus_beyond_array_are_counted),
	KTEST_CASE(madt_cpu_flags),
	KTEST_CASE(madt_x2apic_entries),
	KTEST_CASE(madt_overrides_and_flags),
	KTEST_CASE(madt_nmi_entries),
	KTEST_CASE(madt_64bit_lapic_address_override),
	KTEST_CASE(madt_ioapics_beyond_array_are_counted),
	KTEST_CASE(madt_too_short_is_ignored),
	KTEST_CASE(second_madt_is_ignored),
	KTEST_CASE(fadt_old_revision_reads_no_x_fields),
	KTEST_CASE(fadt_old_revision_ignores_long_tail),
	KTEST_CASE(fadt_x_fields_preferred),
	KTEST_CASE(fadt_cut_off_inside_a_field),
	KTEST_CASE(fadt_bad_dsdt_is_dropped),
	KTEST_CASE(fadt_too_short_is_ignored),
	KTEST_CASE(mcfg_entries),
	KTEST_CASE(hpet_in_io_space_is_rejected),
	KTEST_CASE(too_many_tables_are_counted),
	KTEST_CASE(odd_firmware_strings_are_made_printable),
};

KTEST_SUITE(acpi, cases);
