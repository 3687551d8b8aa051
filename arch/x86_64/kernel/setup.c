// SPDX-License-Identifier: GPL-2.0
/*
 * Architecture set-up after the consoles are up: what the CPU is and can do, and what the
 * boot loader handed over, printed in the shapes Linux uses so that logs read alike.
 */
#include <asm/syscall.h>
#include <asm/bootinfo.h>
#include <asm/cpufeature.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <asm/tsc.h>
#include <kernel/printk.h>

static const char *mem_type_name(u32 type)
{
	switch (type) {
	case BOOT_MEM_USABLE:
		return "usable";
	case BOOT_MEM_ACPI:
		return "ACPI data";
	case BOOT_MEM_NVS:
		return "ACPI NVS";
	case BOOT_MEM_BAD:
		return "unusable";
	default:
		return "reserved";
	}
}

static void print_cpu(const struct cpuinfo_x86 *c)
{
	pr_info("CPU: %s, %s, family 0x%x model 0x%x stepping 0x%x\n", c->vendor,
		c->model_name[0] ? c->model_name : "unknown model", c->family, c->model,
		c->stepping);
	pr_info("CPU: address sizes %u bits physical, %u bits virtual\n", c->phys_bits,
		c->virt_bits);
	pr_info("CPU: features:");
	for (int f = 0; f < NR_X86_FEATURES; f++)
		if (boot_cpu_has(f))
			pr_cont(" %s", x86_feature_name(f));
	pr_cont("\n");
	if (tsc_khz)
		pr_info("tsc: %lu.%03lu MHz TSC (measured against the PIT)\n", tsc_khz / 1000,
			tsc_khz % 1000);
	else
		pr_warn("tsc: could not measure the TSC rate; timestamps stay at 0\n");
}

void print_boot_info(void)
{
	const struct boot_info *bi = &boot_info;
	u64 usable = 0;

	pr_info("Boot loader: %s\n", bi->loader_name[0] ? bi->loader_name : "unknown");
	pr_info("BIOS-provided physical RAM map:\n");
	for (u32 i = 0; i < bi->nr_mmap; i++) {
		const struct boot_mmap_entry *e = &bi->mmap[i];

		pr_info("BIOS-e820: [mem 0x%016llx-0x%016llx] %s\n", (unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->len - 1), mem_type_name(e->type));
		if (e->type == BOOT_MEM_USABLE)
			usable += e->len;
	}
	pr_info("Memory: %llu KiB usable\n", (unsigned long long)(usable >> 10));
	for (u32 i = 0; i < bi->nr_modules; i++)
		pr_info("Module %u: [mem 0x%08llx-0x%08llx] %s\n", i,
			(unsigned long long)bi->modules[i].start,
			(unsigned long long)bi->modules[i].end, bi->modules[i].cmdline);
	if (bi->has_framebuffer)
		pr_info("Framebuffer: %ux%u, %u bpp, %s, at %#llx\n", bi->fb.width, bi->fb.height,
			bi->fb.bpp,
			bi->fb.type == BOOT_FB_EGA_TEXT ? "EGA text"
			: bi->fb.type == BOOT_FB_RGB	? "RGB"
							: "indexed",
			(unsigned long long)bi->fb.addr);
	if (bi->rsdp_len)
		pr_info("ACPI: RSDP revision %u, OEM '%.6s' (from the boot loader)\n", bi->rsdp[15],
			(const char *)bi->rsdp + 9);
	else
		pr_info("ACPI: the boot loader passed no RSDP\n");
}

void setup_arch(void)
{
	cpu_detect(&boot_cpu_data);
	traps_init();
	syscall_init();
	print_cpu(&boot_cpu_data);
}
