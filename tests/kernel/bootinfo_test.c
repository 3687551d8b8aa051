// SPDX-License-Identifier: GPL-2.0
/* What GRUB handed over, as the kernel kept it. */
#include <asm/bootinfo.h>
#include <asm/page.h>
#include <asm/sections.h>
#include <kernel/ktest.h>
#include <kernel/params.h>
#include <kernel/string.h>

static bool in_usable_ram(u64 start, u64 end)
{
	for (u32 i = 0; i < boot_info.nr_mmap; i++) {
		const struct boot_mmap_entry *e = &boot_info.mmap[i];

		if (e->type == BOOT_MEM_USABLE && start >= e->addr && end <= e->addr + e->len)
			return true;
	}
	return false;
}

static void test_memory_map(struct ktest *t)
{
	u64 usable = 0;

	KTEST_ASSERT_NE(t, boot_info.nr_mmap, 0);
	for (u32 i = 0; i < boot_info.nr_mmap; i++) {
		KTEST_EXPECT_NE(t, boot_info.mmap[i].len, 0);
		if (boot_info.mmap[i].type == BOOT_MEM_USABLE)
			usable += boot_info.mmap[i].len;
	}
	KTEST_EXPECT_GE(t, usable, 16UL << 20);
}

static void test_kernel_lies_in_usable_ram(struct ktest *t)
{
	/* The boot part runs where it was loaded: its addresses are physical. */
	KTEST_EXPECT_EQ(t, (unsigned long)_boot_start, CONFIG_PHYSICAL_START);
	KTEST_EXPECT_EQ(t, __pa(_stext), (unsigned long)_boot_end);
	KTEST_EXPECT_TRUE(t, in_usable_ram((unsigned long)_boot_start, __pa(_end)));
}

static bool overlaps(u64 a, u64 a_end, u64 b, u64 b_end)
{
	return a < b_end && b < a_end;
}

/* The loader may use the gaps between the kernel's segments, but never a segment. */
static void test_info_outside_kernel(struct ktest *t)
{
	u64 s = boot_info.mbi_start, e = boot_info.mbi_end;

	KTEST_EXPECT_LT(t, s, e);
	KTEST_EXPECT_FALSE(
		t, overlaps(s, e, (unsigned long)_boot_start, (unsigned long)_boot_data_end));
	KTEST_EXPECT_FALSE(t, overlaps(s, e, __pa(_stext), __pa(_end)));
	for (u32 i = 0; i < boot_info.nr_modules; i++)
		KTEST_EXPECT_FALSE(
			t, overlaps(s, e, boot_info.modules[i].start, boot_info.modules[i].end));
}

static void test_loader_and_cmdline(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, strncmp(boot_info.loader_name, "GRUB", 4), 0);
	KTEST_EXPECT_STREQ(t, boot_info.cmdline, boot_command_line);
}

static void test_acpi_rsdp(struct ktest *t)
{
	KTEST_ASSERT_NE(t, boot_info.rsdp_len, 0);
	KTEST_EXPECT_EQ(t, memcmp(boot_info.rsdp, "RSD PTR ", 8), 0);
}

static struct ktest_case bootinfo_cases[] = {
	KTEST_CASE(test_memory_map),	      KTEST_CASE(test_kernel_lies_in_usable_ram),
	KTEST_CASE(test_info_outside_kernel), KTEST_CASE(test_loader_and_cmdline),
	KTEST_CASE(test_acpi_rsdp),	      {},
};

static struct ktest_suite bootinfo_suite = { .name = "bootinfo", .cases = bootinfo_cases };
ktest_register_suite(bootinfo_suite);
