// SPDX-License-Identifier: GPL-2.0
/*
 * The boot CPU's first C code: real descriptor tables (so that an exception from here on is
 * reported, not a triple fault), the serial console (so that it can be reported), then the
 * boot information, and on to the generic start_kernel().
 */
#include <asm/bootinfo.h>
#include <asm/desc.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/setup.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/main.h>
#include <kernel/panic.h>
#include <kernel/printk.h>

#define MB2_BOOTLOADER_MAGIC 0x36d76289
/* Far more than any loader passes; a larger total_size means the structure is garbage. */
#define MB2_INFO_MAX (1UL << 20)

struct boot_info boot_info;
/*
 * The boot CPU's stack, with a page below it that paging_init leaves unmapped, so that an
 * overflow faults instead of overwriting whatever the linker put there.
 */
static struct {
	u8 guard[PAGE_SIZE];
	u8 stack[CONFIG_BOOT_STACK_SIZE];
} boot_stack_area __aligned(PAGE_SIZE);
u8 *const boot_stack_guard = boot_stack_area.guard;
u8 *const boot_stack_top_ptr = boot_stack_area.stack + CONFIG_BOOT_STACK_SIZE;

static void parse_boot_info(u32 mbi_phys)
{
	const void *mbi = __va(mbi_phys);
	u32 total = *(const u32 *)mbi;
	int err;

	if (total > MB2_INFO_MAX)
		panic("multiboot2: boot information claims %u bytes; refusing to read it", total);
	err = multiboot2_parse(mbi, total, &boot_info);
	if (err == -ENOENT)
		panic("multiboot2: the boot loader passed no memory map; cannot manage memory");
	if (err)
		panic("multiboot2: malformed boot information at %#x (error %d)", mbi_phys, err);
	boot_info.mbi_start = mbi_phys;
	boot_info.mbi_end = mbi_phys + total;
}

void x86_64_start_kernel(u32 magic, u32 mbi_phys)
{
	percpu_setup(0);
	idt_init();
	idt_load();
	legacy_pic_disable();
	if (IS_ENABLED(CONFIG_SERIAL_8250))
		serial8250_console_init();

	if (magic != MB2_BOOTLOADER_MAGIC)
		panic("not booted by a multiboot2 loader (magic %#x)", magic);
	parse_boot_info(mbi_phys);
	start_kernel();
}
