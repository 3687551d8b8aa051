/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_CPUFEATURE_H
#define _ASM_CPUFEATURE_H

#include <kernel/types.h>

/* The CPU features the kernel acts on, with the names /proc/cpuinfo will use. */
enum x86_feature {
	X86_FEATURE_FPU,
	X86_FEATURE_TSC,
	X86_FEATURE_PAE,
	X86_FEATURE_APIC,
	X86_FEATURE_PGE,
	X86_FEATURE_FXSR,
	X86_FEATURE_SSE2,
	X86_FEATURE_XSAVE,
	X86_FEATURE_X2APIC,
	X86_FEATURE_TSC_DEADLINE,
	X86_FEATURE_PCID,
	X86_FEATURE_RDRAND,
	X86_FEATURE_HYPERVISOR,
	X86_FEATURE_FSGSBASE,
	X86_FEATURE_SMEP,
	X86_FEATURE_SMAP,
	X86_FEATURE_INVPCID,
	X86_FEATURE_RDSEED,
	X86_FEATURE_UMIP,
	X86_FEATURE_NX,
	X86_FEATURE_GBPAGES,
	X86_FEATURE_RDTSCP,
	X86_FEATURE_LM,
	X86_FEATURE_SYSCALL,
	X86_FEATURE_INVARIANT_TSC,
	NR_X86_FEATURES,
};

struct cpuinfo_x86 {
	char vendor[13];
	char model_name[49];
	u32 family, model, stepping;
	u32 max_leaf, max_ext_leaf;
	u8 phys_bits, virt_bits;
	u64 features; /* bit n set: enum x86_feature n present */
};

extern struct cpuinfo_x86 boot_cpu_data;

void cpu_detect(struct cpuinfo_x86 *c);
const char *x86_feature_name(enum x86_feature f);

static inline bool boot_cpu_has(enum x86_feature f)
{
	return boot_cpu_data.features & (1ULL << f);
}

#endif /* _ASM_CPUFEATURE_H */
