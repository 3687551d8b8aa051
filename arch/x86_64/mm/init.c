// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's real page tables, replacing the early ones from head.asm:
 *   - the direct map of all RAM (and the legacy first MiB) at PAGE_OFFSET, read-write and
 *     never executable, with 1 GiB pages where the CPU has them, else 2 MiB, 4 KiB at edges;
 *   - the kernel image at __START_KERNEL_map by section: text read-only and executable,
 *     rodata read-only, data and bss read-write, the last two never executable, and the page
 *     below the boot stack left unmapped as a guard;
 *   - the vmalloc area's top-level entry, made now so that every address space shares it.
 * The identity map of the first 4 GiB goes away. Then NX, WP, SMEP, SMAP and global pages
 * are switched on where the CPU has them.
 */
#include <asm/cpufeature.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/tlbflush.h>
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/memblock.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>

#define LEGACY_LOW_END 0x100000UL /* the first MiB: BIOS data, VGA text memory */

int map_large(pgd_t *pgd, unsigned long va, phys_addr_t pa, int level, pgprot_t prot);
extern u8 *const boot_stack_guard;

static void map_direct(phys_addr_t start, phys_addr_t end)
{
	bool gbpages = boot_cpu_has(X86_FEATURE_GBPAGES);
	phys_addr_t pa = ALIGN_DOWN(start, PAGE_SIZE);
	int err = 0;

	end = PAGE_ALIGN(end);
	while (pa < end && !err) {
		unsigned long va = (unsigned long)__va(pa);

		if (gbpages && IS_ALIGNED(pa, PUD_SIZE) && end - pa >= PUD_SIZE &&
		    !map_large(init_pgd, va, pa, 3, PAGE_KERNEL)) {
			pa += PUD_SIZE;
		} else if (IS_ALIGNED(pa, PMD_SIZE) && end - pa >= PMD_SIZE &&
			   !map_large(init_pgd, va, pa, 2, PAGE_KERNEL)) {
			pa += PMD_SIZE;
		} else {
			/* Two regions may share a page: an existing mapping is fine. */
			err = map_page(init_pgd, va, pa, PAGE_KERNEL);
			if (err == -EEXIST)
				err = 0;
			pa += PAGE_SIZE;
		}
	}
	if (err)
		panic("paging: cannot build the direct map (error %d)", err);
}

static pgprot_t kernel_image_prot(unsigned long va)
{
	if (va < (unsigned long)__start_rodata)
		return PAGE_KERNEL_RX;
	if (va < (unsigned long)_sdata)
		return PAGE_KERNEL_RO;
	return PAGE_KERNEL;
}

static void map_kernel_image(void)
{
	for (unsigned long va = (unsigned long)_stext; va < (unsigned long)_end; va += PAGE_SIZE) {
		if (va == (unsigned long)boot_stack_guard)
			continue;
		if (map_page(init_pgd, va, __pa((void *)va), kernel_image_prot(va)))
			panic("paging: cannot map the kernel image");
	}
}

static void set_supported_pte_mask(void)
{
	if (!boot_cpu_has(X86_FEATURE_NX))
		__supported_pte_mask &= ~_PAGE_NX;
	if (!boot_cpu_has(X86_FEATURE_PGE))
		__supported_pte_mask &= ~_PAGE_GLOBAL;
}

static void enable_protections(void)
{
	unsigned long cr4 = read_cr4();

	if (boot_cpu_has(X86_FEATURE_PGE))
		cr4 |= X86_CR4_PGE;
	if (boot_cpu_has(X86_FEATURE_SMEP))
		cr4 |= X86_CR4_SMEP;
	if (boot_cpu_has(X86_FEATURE_SMAP)) {
		cr4 |= X86_CR4_SMAP;
		uaccess_enable_smap();
	}
	write_cr4(cr4);
	write_cr0(read_cr0() | X86_CR0_WP);
	pr_info("paging: NX %s, WP on, SMEP %s, SMAP %s, global pages %s, %s direct map\n",
		rdmsr(MSR_EFER) & EFER_NX ? "on" : "off (CPU lacks it)",
		cr4 & X86_CR4_SMEP ? "on" : "off (CPU lacks it)",
		cr4 & X86_CR4_SMAP ? "on" : "off (CPU lacks it)", cr4 & X86_CR4_PGE ? "on" : "off",
		boot_cpu_has(X86_FEATURE_GBPAGES) ? "1 GiB-page" : "2 MiB-page");
}

void paging_init(void)
{
	phys_addr_t root;

	set_supported_pte_mask();
	root = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);
	if (!root)
		panic("paging: no memory for the page tables");
	init_pgd = __va(root);

	map_direct(0, LEGACY_LOW_END);
	for (unsigned int i = 0; i < memblock_memory.cnt; i++) {
		const struct memblock_region *r = &memblock_memory.regions[i];

		map_direct(r->base, r->base + r->size);
	}
	map_kernel_image();
	/* The vmalloc area's PDPT, so that its top-level entry exists in every address space. */
	if (!pte_walk(init_pgd, VMALLOC_START, true))
		panic("paging: no memory for the vmalloc area's tables");

	load_cr3(init_pgd);
	enable_protections();
	pcid_init_this_cpu();
	flush_tlb_all();
	memblock_set_limit(memblock_end_of_ram());
}
