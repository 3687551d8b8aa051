// SPDX-License-Identifier: GPL-2.0
/* The state the boot path promises: long mode, our GDT, TSS and IDT loaded, NX and WP on. */
#include <asm/cpufeature.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <kernel/ktest.h>

struct table_ptr {
	u16 limit;
	u64 base;
} __packed;

#define EFER_LMA (1UL << 10)
#define DESC_DPL(d) (((d) >> 45) & 3)
#define DESC_LONG(d) (((d) >> 53) & 1)
#define DESC_PRESENT(d) (((d) >> 47) & 1)

static void test_selectors(struct ktest *t)
{
	u16 cs, ss, tr;

	__asm__ volatile("mov %%cs, %0; mov %%ss, %1; str %2" : "=r"(cs), "=r"(ss), "=r"(tr));
	KTEST_EXPECT_EQ(t, cs, __KERNEL_CS);
	KTEST_EXPECT_EQ(t, ss, __KERNEL_DS);
	KTEST_EXPECT_EQ(t, tr, __TSS_SEL);
}

static void test_gdt_user_segments(struct ktest *t)
{
	struct table_ptr gdtr;
	const u64 *gdt;

	__asm__ volatile("sgdt %0" : "=m"(gdtr));
	gdt = (const u64 *)gdtr.base;
	KTEST_EXPECT_EQ(t, gdtr.limit, GDT_ENTRIES * 8 - 1);
	KTEST_EXPECT_EQ(t, DESC_DPL(gdt[GDT_ENTRY_DEFAULT_USER_CS]), 3);
	KTEST_EXPECT_EQ(t, DESC_LONG(gdt[GDT_ENTRY_DEFAULT_USER_CS]), 1);
	KTEST_EXPECT_EQ(t, DESC_DPL(gdt[GDT_ENTRY_DEFAULT_USER_DS]), 3);
	KTEST_EXPECT_EQ(t, DESC_LONG(gdt[GDT_ENTRY_DEFAULT_USER32_CS]), 0);
	KTEST_EXPECT_EQ(t, DESC_DPL(gdt[GDT_ENTRY_KERNEL_CS]), 0);
	KTEST_EXPECT_EQ(t, DESC_PRESENT(gdt[GDT_ENTRY_TSS]), 1);
}

static void test_idt_covers_all_vectors(struct ktest *t)
{
	struct table_ptr idtr;
	const struct idt_gate *idt;

	__asm__ volatile("sidt %0" : "=m"(idtr));
	idt = (const struct idt_gate *)idtr.base;
	KTEST_EXPECT_EQ(t, idtr.limit, 256 * 16 - 1);
	KTEST_EXPECT_EQ(t, idt[8].ist, IST_DOUBLE_FAULT);
	KTEST_EXPECT_EQ(t, idt[2].ist, IST_NMI);
	KTEST_EXPECT_EQ(t, idt[18].ist, IST_MACHINE_CHECK);
	KTEST_EXPECT_EQ(t, idt[14].ist, 0);
	KTEST_EXPECT_EQ(t, idt[3].type_attr >> 5 & 3, 3); /* int3 allowed from user mode */
	KTEST_EXPECT_EQ(t, idt[14].type_attr >> 5 & 3, 0);
}

static void test_paging_mode(struct ktest *t)
{
	u64 efer = rdmsr(MSR_EFER);

	KTEST_EXPECT_TRUE(t, efer & EFER_LMA);
	KTEST_EXPECT_TRUE(t, read_cr0() & X86_CR0_WP);
	KTEST_EXPECT_TRUE(t, read_cr4() & X86_CR4_PAE);
	KTEST_EXPECT_EQ(t, !!(efer & EFER_NX), boot_cpu_has(X86_FEATURE_NX));
	/* Linked in the higher half, running there. */
	KTEST_EXPECT_GE(t, (unsigned long)test_paging_mode, 0xffffffff80000000UL);
	KTEST_EXPECT_TRUE(t, is_kernel_text((unsigned long)test_paging_mode));
}

static void test_features_consistent(struct ktest *t)
{
	KTEST_EXPECT_TRUE(t, boot_cpu_has(X86_FEATURE_LM));
	KTEST_EXPECT_TRUE(t, boot_cpu_has(X86_FEATURE_TSC));
	KTEST_EXPECT_TRUE(t, boot_cpu_has(X86_FEATURE_PAE));
	KTEST_EXPECT_NE(t, boot_cpu_data.vendor[0], 0);
	KTEST_EXPECT_GE(t, boot_cpu_data.virt_bits, 48);
}

static struct ktest_case cpu_cases[] = {
	KTEST_CASE(test_selectors),
	KTEST_CASE(test_gdt_user_segments),
	KTEST_CASE(test_idt_covers_all_vectors),
	KTEST_CASE(test_paging_mode),
	KTEST_CASE(test_features_consistent),
	{},
};

static struct ktest_suite cpu_suite = { .name = "cpu", .cases = cpu_cases };
ktest_register_suite(cpu_suite);
