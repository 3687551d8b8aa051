// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel: the generic boot sequence, once the architecture has a stack, descriptor
 * tables, a serial console and the boot information. Each step below needs the ones before.
 */
#include <asm/bootinfo.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/tsc.h>
#include <kernel/console.h>
#include <kernel/ktest.h>
#include <kernel/main.h>
#include <kernel/mm.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/time.h>

#define KERNEL_NAME "Mica"

const char kernel_release[] = KERNEL_VERSION CONFIG_LOCALVERSION;
/* Linux's /proc/version shape, which tools parse. */
const char linux_banner[] = KERNEL_NAME " version " KERNEL_VERSION CONFIG_LOCALVERSION
					" (" KBUILD_COMPILER ") #1 SMP\n";

static __noreturn void cpu_idle(void)
{
	pr_notice("Nothing to run yet: user space comes in a later step. Idling.\n");
	for (;;) {
		local_irq_enable();
		halt();
	}
}

void start_kernel(void)
{
	setup_command_line(boot_info.cmdline);
	parse_early_params();
	if (IS_ENABLED(CONFIG_VIDEO_CONSOLE))
		video_console_init();
	console_apply_cmdline();
	/* A first clock for printk's timestamps; time_init refines it once ioremap works. */
	if (tsc_calibrate())
		printk_set_clock(tsc_clock_ns);

	printk(KERN_NOTICE "%s", linux_banner);
	pr_notice("Command line: %s\n", boot_command_line);
	setup_arch();
	print_boot_info();
	mm_init();
	time_init();
	parse_kernel_params();

	if (IS_ENABLED(CONFIG_KTEST))
		ktest_run_requested();
	cpu_idle();
}
