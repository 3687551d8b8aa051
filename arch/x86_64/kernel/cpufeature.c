// SPDX-License-Identifier: GPL-2.0
/*
 * What the CPU can do, read once from CPUID. Each feature is a (leaf, register, bit) triple;
 * the table below is the only place that knows the encoding.
 */
#include <asm/cpufeature.h>
#include <asm/processor.h>
#include <kernel/string.h>

enum cpuid_reg {
	EAX,
	EBX,
	ECX,
	EDX
};

struct feature_bit {
	u32 leaf;
	u32 subleaf;
	u8 reg;
	u8 bit;
	const char *name;
};

static const struct feature_bit feature_bits[NR_X86_FEATURES] = {
	[X86_FEATURE_FPU] = { 1, 0, EDX, 0, "fpu" },
	[X86_FEATURE_TSC] = { 1, 0, EDX, 4, "tsc" },
	[X86_FEATURE_PAE] = { 1, 0, EDX, 6, "pae" },
	[X86_FEATURE_APIC] = { 1, 0, EDX, 9, "apic" },
	[X86_FEATURE_PGE] = { 1, 0, EDX, 13, "pge" },
	[X86_FEATURE_FXSR] = { 1, 0, EDX, 24, "fxsr" },
	[X86_FEATURE_SSE2] = { 1, 0, EDX, 26, "sse2" },
	[X86_FEATURE_PCID] = { 1, 0, ECX, 17, "pcid" },
	[X86_FEATURE_X2APIC] = { 1, 0, ECX, 21, "x2apic" },
	[X86_FEATURE_TSC_DEADLINE] = { 1, 0, ECX, 24, "tsc_deadline_timer" },
	[X86_FEATURE_XSAVE] = { 1, 0, ECX, 26, "xsave" },
	[X86_FEATURE_RDRAND] = { 1, 0, ECX, 30, "rdrand" },
	[X86_FEATURE_HYPERVISOR] = { 1, 0, ECX, 31, "hypervisor" },
	[X86_FEATURE_FSGSBASE] = { 7, 0, EBX, 0, "fsgsbase" },
	[X86_FEATURE_SMEP] = { 7, 0, EBX, 7, "smep" },
	[X86_FEATURE_INVPCID] = { 7, 0, EBX, 10, "invpcid" },
	[X86_FEATURE_RDSEED] = { 7, 0, EBX, 18, "rdseed" },
	[X86_FEATURE_SMAP] = { 7, 0, EBX, 20, "smap" },
	[X86_FEATURE_UMIP] = { 7, 0, ECX, 2, "umip" },
	[X86_FEATURE_SYSCALL] = { 0x80000001, 0, EDX, 11, "syscall" },
	[X86_FEATURE_NX] = { 0x80000001, 0, EDX, 20, "nx" },
	[X86_FEATURE_GBPAGES] = { 0x80000001, 0, EDX, 26, "pdpe1gb" },
	[X86_FEATURE_RDTSCP] = { 0x80000001, 0, EDX, 27, "rdtscp" },
	[X86_FEATURE_LM] = { 0x80000001, 0, EDX, 29, "lm" },
	[X86_FEATURE_INVARIANT_TSC] = { 0x80000007, 0, EDX, 8, "constant_tsc" },
};

struct cpuinfo_x86 boot_cpu_data;

const char *x86_feature_name(enum x86_feature f)
{
	return f < NR_X86_FEATURES ? feature_bits[f].name : "?";
}

static bool leaf_exists(const struct cpuinfo_x86 *c, u32 leaf)
{
	return leaf >= 0x80000000 ? leaf <= c->max_ext_leaf : leaf <= c->max_leaf;
}

void cpu_detect(struct cpuinfo_x86 *c)
{
	u32 r[4], sig;

	memset(c, 0, sizeof(*c));
	cpuid(0, &c->max_leaf, &r[EBX], &r[ECX], &r[EDX]);
	memcpy(c->vendor, &r[EBX], 4);
	memcpy(c->vendor + 4, &r[EDX], 4);
	memcpy(c->vendor + 8, &r[ECX], 4);
	cpuid(0x80000000, &c->max_ext_leaf, &r[1], &r[2], &r[3]);

	cpuid(1, &sig, &r[1], &r[2], &r[3]);
	c->family = (sig >> 8) & 0xf;
	c->model = (sig >> 4) & 0xf;
	c->stepping = sig & 0xf;
	if (c->family == 0xf)
		c->family += (sig >> 20) & 0xff;
	if (c->family >= 6)
		c->model += ((sig >> 16) & 0xf) << 4;

	if (c->max_ext_leaf >= 0x80000004) {
		for (u32 i = 0; i < 3; i++) {
			cpuid(0x80000002 + i, &r[0], &r[1], &r[2], &r[3]);
			memcpy(c->model_name + 16 * i, r, 16);
		}
	}
	if (c->max_ext_leaf >= 0x80000008) {
		cpuid(0x80000008, &r[0], &r[1], &r[2], &r[3]);
		c->phys_bits = r[0] & 0xff;
		c->virt_bits = (r[0] >> 8) & 0xff;
	} else {
		c->phys_bits = 36;
		c->virt_bits = 48;
	}

	for (int f = 0; f < NR_X86_FEATURES; f++) {
		const struct feature_bit *fb = &feature_bits[f];

		if (!fb->name || !leaf_exists(c, fb->leaf))
			continue;
		cpuid_count(fb->leaf, fb->subleaf, &r[0], &r[1], &r[2], &r[3]);
		if (r[fb->reg] & (1U << fb->bit))
			c->features |= 1ULL << f;
	}
}
