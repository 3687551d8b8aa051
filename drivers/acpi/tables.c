// SPDX-License-Identifier: GPL-2.0
/*
 * The ACPI static tables, read from the RSDP down: RSDT or XSDT, then the MADT, HPET, FADT
 * (and the DSDT it points to) and MCFG, as laid out by the ACPI specification (6.5, with the
 * older revisions it keeps compatible).
 *
 * Firmware is trusted to describe the machine, not to be right. Every table is mapped header
 * first; its length is checked (at least a header, at most ACPI_TABLE_MAX_LEN) before the
 * whole table is mapped, its checksum over that length before anything in it is used, and
 * every field and entry is read only when it lies inside the length read the first time (a
 * table cannot grow between the two mappings). A table that fails is reported with its
 * signature and ignored whole.
 *
 * Pure code: the tables come through a struct acpi_mapper, so the host tests can serve them
 * from heap buffers of exactly the mapped size.
 */
#define pr_fmt(fmt) "ACPI: " fmt

#include <kernel/acpi.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define offsetofend(type, member) (offsetof(type, member) + sizeof(((type *)0)->member))

struct acpi_rsdp {
	char signature[8]; /* "RSD PTR " */
	u8 checksum; /* over the first 20 bytes */
	char oem_id[6];
	u8 revision; /* 0: ACPI 1.0, 2: 2.0 and later */
	u32 rsdt_address;
	/* revision 2 and later */
	u32 length;
	u64 xsdt_address;
	u8 ext_checksum; /* over length bytes */
	u8 reserved[3];
} __packed;

#define RSDP_V1_LEN 20

struct acpi_sdt_header {
	char signature[4];
	u32 length; /* of the whole table, header included */
	u8 revision;
	u8 checksum; /* all length bytes sum to 0 */
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	u32 creator_id;
	u32 creator_revision;
} __packed;

struct acpi_raw_gas {
	u8 space_id;
	u8 bit_width;
	u8 bit_offset;
	u8 access_size;
	u64 address;
} __packed;

struct acpi_madt {
	struct acpi_sdt_header hdr;
	u32 lapic_address;
	u32 flags;
	/* then variable-length entries, each starting with struct madt_entry */
} __packed;

struct madt_entry {
	u8 type;
	u8 length;
} __packed;

#define MADT_LAPIC 0
#define MADT_IOAPIC 1
#define MADT_OVERRIDE 2
#define MADT_NMI_SOURCE 3
#define MADT_LAPIC_NMI 4
#define MADT_LAPIC_ADDRESS 5
#define MADT_X2APIC 9
#define MADT_X2APIC_NMI 10

/* The first MADT revision (ACPI 6.3) that defines the online-capable bit. */
#define MADT_REV_ONLINE_CAPABLE 5

struct madt_lapic {
	struct madt_entry e;
	u8 acpi_uid;
	u8 apic_id;
	u32 flags;
} __packed;

struct madt_ioapic {
	struct madt_entry e;
	u8 id;
	u8 reserved;
	u32 address;
	u32 gsi_base;
} __packed;

struct madt_override {
	struct madt_entry e;
	u8 bus;
	u8 source_irq;
	u32 gsi;
	u16 flags;
} __packed;

struct madt_nmi_source {
	struct madt_entry e;
	u16 flags;
	u32 gsi;
} __packed;

struct madt_lapic_nmi {
	struct madt_entry e;
	u8 acpi_uid; /* 0xff: all processors */
	u16 flags;
	u8 lint;
} __packed;

struct madt_lapic_address {
	struct madt_entry e;
	u16 reserved;
	u64 address;
} __packed;

struct madt_x2apic {
	struct madt_entry e;
	u16 reserved;
	u32 x2apic_id;
	u32 flags;
	u32 acpi_uid;
} __packed;

struct madt_x2apic_nmi {
	struct madt_entry e;
	u16 flags;
	u32 acpi_uid; /* 0xffffffff: all processors */
	u8 lint;
	u8 reserved[3];
} __packed;

struct acpi_hpet_table {
	struct acpi_sdt_header hdr;
	u32 block_id;
	struct acpi_raw_gas base;
	u8 number;
	u16 min_tick;
	u8 page_protection;
} __packed;

struct acpi_fadt {
	struct acpi_sdt_header hdr;
	u32 firmware_ctrl;
	u32 dsdt;
	u8 reserved1; /* INT_MODEL in ACPI 1.0 */
	u8 preferred_pm_profile;
	u16 sci_int;
	u32 smi_cmd;
	u8 acpi_enable;
	u8 acpi_disable;
	u8 s4bios_req;
	u8 pstate_cnt;
	u32 pm1a_evt_blk;
	u32 pm1b_evt_blk;
	u32 pm1a_cnt_blk;
	u32 pm1b_cnt_blk;
	u32 pm2_cnt_blk;
	u32 pm_tmr_blk;
	u32 gpe0_blk;
	u32 gpe1_blk;
	u8 pm1_evt_len;
	u8 pm1_cnt_len;
	u8 pm2_cnt_len;
	u8 pm_tmr_len;
	u8 gpe0_blk_len;
	u8 gpe1_blk_len;
	u8 gpe1_base;
	u8 cst_cnt;
	u16 p_lvl2_lat;
	u16 p_lvl3_lat;
	u16 flush_size;
	u16 flush_stride;
	u8 duty_offset;
	u8 duty_width;
	u8 day_alrm;
	u8 mon_alrm;
	u8 century;
	u16 iapc_boot_arch; /* reserved in ACPI 1.0 */
	u8 reserved2;
	u32 flags;
	/* The ACPI 1.0 table ends here (116 bytes); the rest came with revision 2 and later. */
	struct acpi_raw_gas reset_reg;
	u8 reset_value;
	u16 arm_boot_arch;
	u8 minor_version;
	u64 x_firmware_ctrl;
	u64 x_dsdt;
	struct acpi_raw_gas x_pm1a_evt_blk;
	struct acpi_raw_gas x_pm1b_evt_blk;
	struct acpi_raw_gas x_pm1a_cnt_blk;
	struct acpi_raw_gas x_pm1b_cnt_blk;
	struct acpi_raw_gas x_pm2_cnt_blk;
	struct acpi_raw_gas x_pm_tmr_blk;
	struct acpi_raw_gas x_gpe0_blk;
	struct acpi_raw_gas x_gpe1_blk;
	struct acpi_raw_gas sleep_control_reg;
	struct acpi_raw_gas sleep_status_reg;
	u64 hypervisor_vendor_id;
} __packed;

#define FADT_V1_LEN offsetofend(struct acpi_fadt, flags)

struct acpi_mcfg {
	struct acpi_sdt_header hdr;
	u8 reserved[8];
	/* then struct mcfg_alloc entries to the end of the table */
} __packed;

struct mcfg_alloc {
	u64 base;
	u16 segment;
	u8 start_bus;
	u8 end_bus;
	u32 reserved;
} __packed;

/* Layouts as the specification gives them. */
BUILD_BUG_ON(sizeof(struct acpi_rsdp) != 36);
BUILD_BUG_ON(sizeof(struct acpi_sdt_header) != 36);
BUILD_BUG_ON(sizeof(struct acpi_raw_gas) != 12);
BUILD_BUG_ON(sizeof(struct acpi_madt) != 44);
BUILD_BUG_ON(sizeof(struct madt_lapic) != 8);
BUILD_BUG_ON(sizeof(struct madt_ioapic) != 12);
BUILD_BUG_ON(sizeof(struct madt_override) != 10);
BUILD_BUG_ON(sizeof(struct madt_nmi_source) != 8);
BUILD_BUG_ON(sizeof(struct madt_lapic_nmi) != 6);
BUILD_BUG_ON(sizeof(struct madt_lapic_address) != 12);
BUILD_BUG_ON(sizeof(struct madt_x2apic) != 16);
BUILD_BUG_ON(sizeof(struct madt_x2apic_nmi) != 12);
BUILD_BUG_ON(sizeof(struct acpi_hpet_table) != 56);
BUILD_BUG_ON(FADT_V1_LEN != 116);
BUILD_BUG_ON(offsetof(struct acpi_fadt, x_dsdt) != 140);
BUILD_BUG_ON(offsetof(struct acpi_fadt, x_pm1a_cnt_blk) != 172);
BUILD_BUG_ON(sizeof(struct acpi_fadt) != 276);
BUILD_BUG_ON(sizeof(struct acpi_mcfg) != 44);
BUILD_BUG_ON(sizeof(struct mcfg_alloc) != 16);

struct parser {
	const struct acpi_mapper *mapper;
	struct acpi_info *info;
};

/* A table mapped whole and checked. */
struct sdt {
	const u8 *virt;
	u32 len; /* as read from the first mapping: never re-read */
	struct acpi_table_desc desc;
};

static u8 checksum(const void *p, size_t len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum;
}

/* A firmware string made printable: stops at a NUL, '?' for other odd bytes, no trailing blanks. */
static void copy_id(char *dst, const char *src, size_t n)
{
	size_t i;

	for (i = 0; i < n && src[i]; i++)
		dst[i] = (u8)src[i] >= 0x20 && (u8)src[i] < 0x7f ? src[i] : '?';
	while (i && dst[i - 1] == ' ')
		i--;
	dst[i] = '\0';
}

/* A signature keeps all four characters, so that "APIC" and "AP\0C" never look alike. */
static void copy_signature(char dst[5], const char *src)
{
	for (int i = 0; i < 4; i++)
		dst[i] = (u8)src[i] >= 0x20 && (u8)src[i] < 0x7f ? src[i] : '?';
	dst[4] = '\0';
}

static void *map(struct parser *p, u64 phys, size_t len)
{
	if (!phys || phys + len - 1 < phys)
		return NULL;
	return p->mapper->map(phys, len, p->mapper->ctx);
}

static void unmap(struct parser *p, const void *virt, size_t len)
{
	p->mapper->unmap((void *)virt, len, p->mapper->ctx);
}

static void unmap_sdt(struct parser *p, struct sdt *t)
{
	unmap(p, t->virt, t->len);
	t->virt = NULL;
}

/*
 * Maps the table at phys and checks it: header, length, checksum and, when want is not NULL,
 * the signature. 0 with t mapped, or -EINVAL after a warning naming the table.
 */
static int map_sdt(struct parser *p, u64 phys, const char *want, struct sdt *t)
{
	struct acpi_sdt_header hdr;
	const void *virt;
	char sig[5];

	if (!phys) {
		pr_warn("null %s pointer, ignored\n", want ? want : "table");
		return -EINVAL;
	}
	virt = map(p, phys, sizeof(hdr));
	if (!virt) {
		pr_warn("cannot map the %s header at %#llx, ignored\n", want ? want : "table",
			(unsigned long long)phys);
		return -EINVAL;
	}
	memcpy(&hdr, virt, sizeof(hdr));
	unmap(p, virt, sizeof(hdr));

	copy_signature(sig, hdr.signature);
	if (want && memcmp(hdr.signature, want, 4)) {
		pr_warn("%s at %#llx: expected %s, ignored\n", sig, (unsigned long long)phys, want);
		return -EINVAL;
	}
	if (hdr.length < sizeof(hdr) || hdr.length > ACPI_TABLE_MAX_LEN) {
		pr_warn("%s at %#llx: bad length %u, ignored\n", sig, (unsigned long long)phys,
			hdr.length);
		return -EINVAL;
	}
	t->len = hdr.length;
	t->virt = map(p, phys, t->len);
	if (!t->virt) {
		pr_warn("%s at %#llx: cannot map its %u bytes, ignored\n", sig,
			(unsigned long long)phys, t->len);
		return -EINVAL;
	}
	/* The header again, from the mapping the rest is read from: it must not have changed. */
	if (memcmp(t->virt, &hdr, sizeof(hdr))) {
		pr_warn("%s at %#llx: header changed while mapping, ignored\n", sig,
			(unsigned long long)phys);
		goto out_unmap;
	}
	if (checksum(t->virt, t->len)) {
		pr_warn("%s at %#llx: bad checksum, ignored\n", sig, (unsigned long long)phys);
		goto out_unmap;
	}

	memcpy(t->desc.signature, sig, sizeof(sig));
	copy_id(t->desc.oem_id, hdr.oem_id, sizeof(hdr.oem_id));
	copy_id(t->desc.oem_table_id, hdr.oem_table_id, sizeof(hdr.oem_table_id));
	t->desc.revision = hdr.revision;
	t->desc.length = t->len;
	t->desc.phys = phys;
	return 0;

out_unmap:
	unmap_sdt(p, t);
	return -EINVAL;
}

static void record_table(struct acpi_info *info, const struct acpi_table_desc *desc)
{
	if (info->nr_tables == ACPI_MAX_TABLES) {
		info->nr_tables_dropped++;
		return;
	}
	info->tables[info->nr_tables++] = *desc;
}

static struct acpi_gas gas_from_raw(const struct acpi_raw_gas *raw)
{
	return (struct acpi_gas){
		.space_id = raw->space_id,
		.bit_width = raw->bit_width,
		.bit_offset = raw->bit_offset,
		.access_size = raw->access_size,
		.address = raw->address,
	};
}

/* ---- MADT ---------------------------------------------------------------------------- */

static void add_cpu(struct acpi_info *info, u32 apic_id, u32 acpi_uid, u32 flags, bool x2apic)
{
	if (!(flags & (ACPI_CPU_ENABLED | ACPI_CPU_ONLINE_CAPABLE)))
		return; /* neither running nor able to be brought up: not usable */
	for (u32 i = 0; i < info->nr_cpus; i++) {
		if (info->cpus[i].apic_id == apic_id) {
			pr_warn("APIC: APIC ID %u listed twice, second ignored\n", apic_id);
			return;
		}
	}
	if (info->nr_cpus == ACPI_MAX_CPUS) {
		info->nr_cpus_dropped++;
		return;
	}
	info->cpus[info->nr_cpus++] = (struct acpi_cpu){
		.apic_id = apic_id,
		.acpi_uid = acpi_uid,
		.flags = flags,
		.x2apic = x2apic,
	};
	if (flags & ACPI_CPU_ENABLED)
		info->nr_cpus_enabled++;
}

static bool mps_flags_valid(u16 flags)
{
	/* 2 is reserved for both polarity and trigger mode. */
	return (flags & ACPI_MPS_POLARITY_MASK) != 0x2 && (flags & ACPI_MPS_TRIGGER_MASK) != 0x8;
}

static void add_override(struct acpi_info *info, const struct madt_override *o)
{
	if (o->bus != 0 || o->source_irq >= 16 || !mps_flags_valid(o->flags)) {
		pr_warn("APIC: bad override (bus %u irq %u flags %#x), ignored\n", o->bus,
			o->source_irq, o->flags);
		return;
	}
	for (u32 i = 0; i < info->nr_overrides; i++) {
		if (info->overrides[i].source_irq == o->source_irq) {
			pr_warn("APIC: IRQ %u overridden twice, second ignored\n", o->source_irq);
			return;
		}
	}
	if (info->nr_overrides == ACPI_MAX_OVERRIDES) {
		info->nr_madt_dropped++;
		return;
	}
	info->overrides[info->nr_overrides++] = (struct acpi_irq_override){
		.bus = o->bus,
		.source_irq = o->source_irq,
		.gsi = o->gsi,
		.flags = o->flags,
	};
}

static void add_lapic_nmi(struct acpi_info *info, u32 acpi_uid, u16 flags, u8 lint)
{
	if (lint > 1 || !mps_flags_valid(flags)) {
		pr_warn("APIC: bad local APIC NMI (LINT%u flags %#x), ignored\n", lint, flags);
		return;
	}
	if (info->nr_lapic_nmis == ACPI_MAX_LAPIC_NMIS) {
		info->nr_madt_dropped++;
		return;
	}
	info->lapic_nmis[info->nr_lapic_nmis++] = (struct acpi_lapic_nmi){
		.acpi_uid = acpi_uid,
		.flags = flags,
		.lint = lint,
	};
}

/* The smallest length each entry type we read must have. */
static size_t madt_entry_min_len(u8 type)
{
	switch (type) {
	case MADT_LAPIC:
		return sizeof(struct madt_lapic);
	case MADT_IOAPIC:
		return sizeof(struct madt_ioapic);
	case MADT_OVERRIDE:
		return sizeof(struct madt_override);
	case MADT_NMI_SOURCE:
		return sizeof(struct madt_nmi_source);
	case MADT_LAPIC_NMI:
		return sizeof(struct madt_lapic_nmi);
	case MADT_LAPIC_ADDRESS:
		return sizeof(struct madt_lapic_address);
	case MADT_X2APIC:
		return sizeof(struct madt_x2apic);
	case MADT_X2APIC_NMI:
		return sizeof(struct madt_x2apic_nmi);
	default:
		return sizeof(struct madt_entry);
	}
}

static void parse_madt_entry(struct acpi_info *info, const struct madt_entry *e, u32 cpu_flags)
{
	switch (e->type) {
	case MADT_LAPIC: {
		const struct madt_lapic *l = (const void *)e;

		add_cpu(info, l->apic_id, l->acpi_uid, l->flags & cpu_flags, false);
		break;
	}
	case MADT_X2APIC: {
		const struct madt_x2apic *x = (const void *)e;

		add_cpu(info, x->x2apic_id, x->acpi_uid, x->flags & cpu_flags, true);
		break;
	}
	case MADT_IOAPIC: {
		const struct madt_ioapic *io = (const void *)e;

		if (info->nr_ioapics == ACPI_MAX_IOAPICS) {
			info->nr_madt_dropped++;
			break;
		}
		info->ioapics[info->nr_ioapics++] = (struct acpi_ioapic){
			.id = io->id,
			.address = io->address,
			.gsi_base = io->gsi_base,
		};
		break;
	}
	case MADT_OVERRIDE:
		add_override(info, (const void *)e);
		break;
	case MADT_NMI_SOURCE: {
		const struct madt_nmi_source *n = (const void *)e;

		if (info->nr_nmi_sources == ACPI_MAX_NMI_SOURCES) {
			info->nr_madt_dropped++;
			break;
		}
		info->nmi_sources[info->nr_nmi_sources++] = (struct acpi_nmi_source){
			.gsi = n->gsi,
			.flags = n->flags,
		};
		break;
	}
	case MADT_LAPIC_NMI: {
		const struct madt_lapic_nmi *n = (const void *)e;

		add_lapic_nmi(info, n->acpi_uid == 0xff ? ACPI_UID_ALL_CPUS : n->acpi_uid, n->flags,
			      n->lint);
		break;
	}
	case MADT_X2APIC_NMI: {
		const struct madt_x2apic_nmi *n = (const void *)e;

		add_lapic_nmi(info, n->acpi_uid, n->flags, n->lint);
		break;
	}
	case MADT_LAPIC_ADDRESS: {
		const struct madt_lapic_address *a = (const void *)e;

		if (a->address)
			info->lapic_address = a->address;
		break;
	}
	default:
		break; /* types for other architectures or not needed yet */
	}
}

static void parse_madt(struct acpi_info *info, const struct sdt *t)
{
	const struct acpi_madt *madt = (const void *)t->virt;
	u32 cpu_flags = ACPI_CPU_ENABLED | ACPI_CPU_ONLINE_CAPABLE;
	u32 off;

	if (t->len < sizeof(*madt)) {
		pr_warn("APIC: table of %u bytes is too short, ignored\n", t->len);
		return;
	}
	info->has_madt = true;
	info->lapic_address = madt->lapic_address;
	info->madt_flags = madt->flags;
	/* Before ACPI 6.3 the online-capable bit was reserved: it means nothing there. */
	if (madt->hdr.revision < MADT_REV_ONLINE_CAPABLE)
		cpu_flags = ACPI_CPU_ENABLED;

	for (off = sizeof(*madt); off < t->len;) {
		const struct madt_entry *e = (const void *)(t->virt + off);

		if (t->len - off < sizeof(*e)) {
			pr_warn("APIC: stray byte at the end of the table\n");
			break;
		}
		if (e->length < sizeof(*e)) {
			pr_warn("APIC: entry of length %u at offset %u, rest ignored\n", e->length,
				off);
			break;
		}
		if (e->length > t->len - off) {
			pr_warn("APIC: entry at offset %u runs past the table end, rest ignored\n",
				off);
			break;
		}
		if (e->length < madt_entry_min_len(e->type))
			pr_warn("APIC: type %u entry of only %u bytes, ignored\n", e->type,
				e->length);
		else
			parse_madt_entry(info, e, cpu_flags);
		off += e->length;
	}
	if (info->nr_cpus_dropped)
		pr_warn("APIC: %u CPUs beyond the first %u ignored\n", info->nr_cpus_dropped,
			ACPI_MAX_CPUS);
	if (info->nr_madt_dropped)
		pr_warn("APIC: %u entries ignored for lack of room\n", info->nr_madt_dropped);
}

/* ---- HPET ---------------------------------------------------------------------------- */

static void parse_hpet(struct acpi_info *info, const struct sdt *t)
{
	const struct acpi_hpet_table *h = (const void *)t->virt;

	if (t->len < sizeof(*h)) {
		pr_warn("HPET: table of %u bytes is too short, ignored\n", t->len);
		return;
	}
	if (h->base.space_id != ACPI_SPACE_MEM || !h->base.address) {
		pr_warn("HPET: base %#llx in address space %u, not memory: ignored\n",
			(unsigned long long)h->base.address, h->base.space_id);
		return;
	}
	info->has_hpet = true;
	info->hpet = (struct acpi_hpet_info){
		.address = h->base.address,
		.block_id = h->block_id,
		.number = h->number,
		.min_tick = h->min_tick,
	};
}

/* ---- FADT ---------------------------------------------------------------------------- */

/* Does the field lie inside the table, and does its revision define it? */
#define FADT_HAS(t, field)                                   \
	(offsetofend(struct acpi_fadt, field) <= (t)->len && \
	 (offsetof(struct acpi_fadt, field) < FADT_V1_LEN || (t)->desc.revision >= 2))

/* The X_ block if the table has it and it is set, else the old 32-bit I/O port. */
static struct acpi_gas fadt_block(const struct acpi_raw_gas *x, bool has_x, u32 port, u8 len)
{
	if (has_x && x->address)
		return gas_from_raw(x);
	if (!port)
		return (struct acpi_gas){ 0 };
	return (struct acpi_gas){
		.space_id = ACPI_SPACE_IO,
		.bit_width = len * 8,
		.address = port,
	};
}

static void check_dsdt(struct parser *p, struct acpi_fadt_info *fadt)
{
	struct sdt dsdt;

	if (!fadt->dsdt) {
		pr_warn("FACP: no DSDT\n");
		return;
	}
	if (map_sdt(p, fadt->dsdt, "DSDT", &dsdt)) {
		fadt->dsdt = 0;
		return;
	}
	record_table(p->info, &dsdt.desc);
	unmap_sdt(p, &dsdt);
}

static void parse_fadt(struct parser *p, const struct sdt *t)
{
	const struct acpi_fadt *f = (const void *)t->virt;
	struct acpi_fadt_info *fadt = &p->info->fadt;

	if (t->len < FADT_V1_LEN) {
		pr_warn("FACP: table of %u bytes is too short, ignored\n", t->len);
		return;
	}
	p->info->has_fadt = true;
	*fadt = (struct acpi_fadt_info){
		.revision = t->desc.revision,
		.flags = f->flags,
		.dsdt = f->dsdt,
		.facs = f->firmware_ctrl,
		.sci_irq = f->sci_int,
		.smi_cmd = f->smi_cmd,
		.acpi_enable = f->acpi_enable,
		.acpi_disable = f->acpi_disable,
		.century = f->century,
	};
	if (FADT_HAS(t, x_dsdt) && f->x_dsdt)
		fadt->dsdt = f->x_dsdt;
	if (FADT_HAS(t, x_firmware_ctrl) && f->x_firmware_ctrl)
		fadt->facs = f->x_firmware_ctrl;
	fadt->pm1a_evt = fadt_block(&f->x_pm1a_evt_blk, FADT_HAS(t, x_pm1a_evt_blk),
				    f->pm1a_evt_blk, f->pm1_evt_len);
	fadt->pm1b_evt = fadt_block(&f->x_pm1b_evt_blk, FADT_HAS(t, x_pm1b_evt_blk),
				    f->pm1b_evt_blk, f->pm1_evt_len);
	fadt->pm1a_cnt = fadt_block(&f->x_pm1a_cnt_blk, FADT_HAS(t, x_pm1a_cnt_blk),
				    f->pm1a_cnt_blk, f->pm1_cnt_len);
	fadt->pm1b_cnt = fadt_block(&f->x_pm1b_cnt_blk, FADT_HAS(t, x_pm1b_cnt_blk),
				    f->pm1b_cnt_blk, f->pm1_cnt_len);
	fadt->pm_tmr = fadt_block(&f->x_pm_tmr_blk, FADT_HAS(t, x_pm_tmr_blk), f->pm_tmr_blk,
				  f->pm_tmr_len);
	if (t->desc.revision >= 2) {
		fadt->has_boot_arch = true;
		fadt->boot_arch = f->iapc_boot_arch;
	}
	if ((f->flags & ACPI_FADT_RESET_REG_SUP) && FADT_HAS(t, reset_value)) {
		fadt->has_reset_reg = true;
		fadt->reset_reg = gas_from_raw(&f->reset_reg);
		fadt->reset_value = f->reset_value;
	}
	check_dsdt(p, fadt);
}

/* ---- MCFG ---------------------------------------------------------------------------- */

static void parse_mcfg(struct acpi_info *info, const struct sdt *t)
{
	u32 n;

	if (t->len < sizeof(struct acpi_mcfg)) {
		pr_warn("MCFG: table of %u bytes is too short, ignored\n", t->len);
		return;
	}
	if ((t->len - sizeof(struct acpi_mcfg)) % sizeof(struct mcfg_alloc))
		pr_warn("MCFG: %u bytes of a partial entry at the end ignored\n",
			(t->len - (u32)sizeof(struct acpi_mcfg)) % (u32)sizeof(struct mcfg_alloc));
	info->has_mcfg = true;
	n = (t->len - sizeof(struct acpi_mcfg)) / sizeof(struct mcfg_alloc);
	for (u32 i = 0; i < n; i++) {
		const struct mcfg_alloc *a = (const void *)(t->virt + sizeof(struct acpi_mcfg) +
							    i * sizeof(struct mcfg_alloc));

		if (!a->base || a->start_bus > a->end_bus || (a->base & 0xfffff)) {
			pr_warn("MCFG: bad entry (base %#llx, buses %u-%u), ignored\n",
				(unsigned long long)a->base, a->start_bus, a->end_bus);
			continue;
		}
		if (info->nr_mcfg == ACPI_MAX_MCFG) {
			pr_warn("MCFG: more than %u entries, rest ignored\n", ACPI_MAX_MCFG);
			break;
		}
		info->mcfg[info->nr_mcfg++] = (struct acpi_mcfg_entry){
			.base = a->base,
			.segment = a->segment,
			.start_bus = a->start_bus,
			.end_bus = a->end_bus,
		};
	}
}

/* ---- The root -------------------------------------------------------------------------- */

/* Parses a checked table the root lists, if it is one we read and the first of its kind. */
static void parse_sdt(struct parser *p, const struct sdt *t)
{
	struct acpi_info *info = p->info;
	const char *sig = t->desc.signature;
	bool *seen = NULL;

	if (!memcmp(sig, "APIC", 4))
		seen = &info->has_madt;
	else if (!memcmp(sig, "HPET", 4))
		seen = &info->has_hpet;
	else if (!memcmp(sig, "FACP", 4))
		seen = &info->has_fadt;
	else if (!memcmp(sig, "MCFG", 4))
		seen = &info->has_mcfg;
	if (!seen)
		return;
	if (*seen) {
		pr_warn("%s at %#llx: a second one, ignored\n", sig,
			(unsigned long long)t->desc.phys);
		return;
	}

	if (seen == &info->has_madt)
		parse_madt(info, t);
	else if (seen == &info->has_hpet)
		parse_hpet(info, t);
	else if (seen == &info->has_fadt)
		parse_fadt(p, t);
	else
		parse_mcfg(info, t);
}

static void walk_root(struct parser *p, const struct sdt *root, size_t entry_size)
{
	size_t n = (root->len - sizeof(struct acpi_sdt_header)) / entry_size;

	if ((root->len - sizeof(struct acpi_sdt_header)) % entry_size)
		pr_warn("%s: length %u is not a whole number of entries\n", root->desc.signature,
			root->len);
	for (size_t i = 0; i < n; i++) {
		const u8 *entry = root->virt + sizeof(struct acpi_sdt_header) + i * entry_size;
		u64 phys = 0;
		struct sdt t;

		memcpy(&phys, entry, entry_size); /* little-endian, 4 or 8 bytes */
		if (map_sdt(p, phys, NULL, &t))
			continue;
		record_table(p->info, &t.desc);
		parse_sdt(p, &t);
		unmap_sdt(p, &t);
	}
	if (p->info->nr_tables_dropped)
		pr_warn("%u tables beyond the first %u not listed\n", p->info->nr_tables_dropped,
			ACPI_MAX_TABLES);
}

/*
 * Checks the RSDP copy and picks the root table: the XSDT for revision 2 and later, when the
 * extended part can be checked; else the RSDT. 0, or -EINVAL for a malformed RSDP.
 */
static int check_rsdp(const u8 *buf, size_t len, struct acpi_rsdp *rsdp, bool *use_xsdt)
{
	*use_xsdt = false;
	memset(rsdp, 0, sizeof(*rsdp));
	if (len < RSDP_V1_LEN) {
		pr_warn("RSDP: only %zu bytes, ignored\n", len);
		return -EINVAL;
	}
	memcpy(rsdp, buf, min(len, sizeof(*rsdp)));
	if (memcmp(rsdp->signature, "RSD PTR ", sizeof(rsdp->signature))) {
		pr_warn("RSDP: bad signature, ignored\n");
		return -EINVAL;
	}
	if (checksum(buf, RSDP_V1_LEN)) {
		pr_warn("RSDP: bad checksum, ignored\n");
		return -EINVAL;
	}
	if (rsdp->revision < 2)
		return 0;
	if (len < sizeof(*rsdp)) {
		pr_warn("RSDP: revision %u, but only the ACPI 1.0 part was given: using the RSDT\n",
			rsdp->revision);
		return 0;
	}
	if (rsdp->length < sizeof(*rsdp)) {
		pr_warn("RSDP: revision %u with length %u, ignored\n", rsdp->revision,
			rsdp->length);
		return -EINVAL;
	}
	if (rsdp->length > len) {
		pr_warn("RSDP: length %u, more than the %zu bytes given: using the RSDT\n",
			rsdp->length, len);
		return 0;
	}
	if (checksum(buf, rsdp->length)) {
		pr_warn("RSDP: bad extended checksum, ignored\n");
		return -EINVAL;
	}
	*use_xsdt = rsdp->xsdt_address != 0;
	return 0;
}

int acpi_parse_tables(const void *rsdp_buf, size_t rsdp_len, const struct acpi_mapper *mapper,
		      struct acpi_info *info)
{
	struct parser p = { .mapper = mapper, .info = info };
	struct acpi_rsdp rsdp;
	struct sdt root;
	bool use_xsdt;
	int err;

	memset(info, 0, sizeof(*info));
	if (!rsdp_len) {
		pr_warn("no RSDP from the boot loader\n");
		return -ENOENT;
	}
	err = check_rsdp(rsdp_buf, rsdp_len, &rsdp, &use_xsdt);
	if (err)
		return err;
	info->rsdp_revision = rsdp.revision;
	copy_id(info->rsdp_oem_id, rsdp.oem_id, sizeof(rsdp.oem_id));

	err = -EINVAL;
	if (use_xsdt) {
		err = map_sdt(&p, rsdp.xsdt_address, "XSDT", &root);
		if (err && rsdp.rsdt_address)
			pr_warn("falling back to the RSDT\n");
	}
	if (err) {
		err = map_sdt(&p, rsdp.rsdt_address, "RSDT", &root);
		if (err)
			return err;
	} else {
		info->root_is_xsdt = true;
	}
	info->root = root.desc;
	walk_root(&p, &root, info->root_is_xsdt ? sizeof(u64) : sizeof(u32));
	unmap_sdt(&p, &root);

	if (!info->has_madt) {
		pr_warn("no valid MADT\n");
		return -ENOENT;
	}
	return 0;
}

static void print_table(const struct acpi_table_desc *d)
{
	pr_info("%-4s 0x%016llx %06x (v%02u %-6s %-8s)\n", d->signature,
		(unsigned long long)d->phys, d->length, d->revision, d->oem_id, d->oem_table_id);
}

void acpi_print_info(const struct acpi_info *info)
{
	if (!info->root.length)
		return;
	pr_info("RSDP v%u %s (from the boot loader)\n", info->rsdp_revision, info->rsdp_oem_id);
	print_table(&info->root);
	for (u32 i = 0; i < info->nr_tables; i++)
		print_table(&info->tables[i]);
	for (u32 i = 0; i < info->nr_cpus; i++)
		pr_debug("%s APIC ID %u UID %u %s\n", info->cpus[i].x2apic ? "X2APIC" : "LAPIC",
			 info->cpus[i].apic_id, info->cpus[i].acpi_uid,
			 info->cpus[i].flags & ACPI_CPU_ENABLED ? "enabled" : "online-capable");
	for (u32 i = 0; i < info->nr_ioapics; i++)
		pr_debug("IOAPIC id %u at %#x GSI base %u\n", info->ioapics[i].id,
			 info->ioapics[i].address, info->ioapics[i].gsi_base);
	for (u32 i = 0; i < info->nr_overrides; i++)
		pr_debug("INT_SRC_OVR bus %u irq %u -> GSI %u flags %#x\n", info->overrides[i].bus,
			 info->overrides[i].source_irq, info->overrides[i].gsi,
			 info->overrides[i].flags);
	for (u32 i = 0; i < info->nr_lapic_nmis; i++)
		pr_debug("LAPIC_NMI UID %#x LINT%u flags %#x\n", info->lapic_nmis[i].acpi_uid,
			 info->lapic_nmis[i].lint, info->lapic_nmis[i].flags);
	for (u32 i = 0; i < info->nr_nmi_sources; i++)
		pr_debug("NMI_SRC GSI %u flags %#x\n", info->nmi_sources[i].gsi,
			 info->nmi_sources[i].flags);
	for (u32 i = 0; i < info->nr_mcfg; i++)
		pr_debug("MCFG segment %u buses %u-%u at %#llx\n", info->mcfg[i].segment,
			 info->mcfg[i].start_bus, info->mcfg[i].end_bus,
			 (unsigned long long)info->mcfg[i].base);
	if (info->has_fadt)
		pr_debug("FADT v%u SCI %u PM1a_CNT %u:%#llx boot_arch %#x century %u\n",
			 info->fadt.revision, info->fadt.sci_irq, info->fadt.pm1a_cnt.space_id,
			 (unsigned long long)info->fadt.pm1a_cnt.address, info->fadt.boot_arch,
			 info->fadt.century);
	if (info->fadt.has_reset_reg)
		pr_debug("FADT reset register %u:%#llx value %#x\n", info->fadt.reset_reg.space_id,
			 (unsigned long long)info->fadt.reset_reg.address, info->fadt.reset_value);
	if (info->has_hpet)
		pr_info("%u CPUs, %u I/O APICs, %u overrides, HPET at %#llx, MCFG %u entries\n",
			info->nr_cpus_enabled, info->nr_ioapics, info->nr_overrides,
			(unsigned long long)info->hpet.address, info->nr_mcfg);
	else
		pr_info("%u CPUs, %u I/O APICs, %u overrides, no HPET, MCFG %u entries\n",
			info->nr_cpus_enabled, info->nr_ioapics, info->nr_overrides, info->nr_mcfg);
}
