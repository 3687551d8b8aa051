// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel: the generic boot sequence, once the architecture has a stack, descriptor
 * tables, a serial console and the boot information. Each step below needs the ones before.
 */
#include <asm/bootinfo.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/fpu.h>
#include <asm/setup.h>
#include <asm/tsc.h>
#include <kernel/acpi.h>
#include <kernel/console.h>
#include <kernel/devfs.h>
#include <kernel/fs.h>
#include <kernel/initramfs.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/lockdep.h>
#include <kernel/main.h>
#include <kernel/mm.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/smp.h>
#include <kernel/time.h>
#include <kernel/timer.h>

#define KERNEL_NAME "Mica"

const char kernel_release[] = KERNEL_VERSION CONFIG_LOCALVERSION;
/* Linux's /proc/version shape, which tools parse. */
const char linux_banner[] = KERNEL_NAME " version " KERNEL_VERSION CONFIG_LOCALVERSION
					" (" KBUILD_COMPILER ") #1 SMP\n";

void chr_dev_init(void);
void tty_dev_init(void);

static int kernel_init(void *unused)
{
	populate_rootfs();
	chr_dev_init();
	if (IS_ENABLED(CONFIG_SERIAL_8250))
		tty_dev_init();
	devfs_mount();
	if (do_mount("proc", "/proc", "proc", 0, NULL))
		pr_warn("cannot mount /proc\n");
	if (IS_ENABLED(CONFIG_KTEST))
		ktest_run_requested();
	pr_notice("Nothing to run yet: user space comes in a later step. Idling.\n");
	return 0;
}

void start_kernel(void)
{
	struct task_struct *init;
	int err;

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
	/* Without the MADT, interrupt setup assumes one CPU and the PC's default I/O APIC. */
	err = acpi_table_init();
	if (err)
		pr_warn("ACPI: no usable tables (%d): one CPU and the default I/O APIC assumed\n",
			err);
	init_IRQ();
	time_init();
	parse_kernel_params();

	sched_init();
	lockdep_init(); /* current is valid from here on */
	vfs_caches_init();
	fpu_init_bsp();
	smp_ipi_init();
	timer_init();
	local_irq_enable();
	smp_init();

	/* The rest runs in a thread; this context becomes the boot CPU's idle task. */
	init = kthread_run(kernel_init, NULL, "kernel_init");
	if (!init)
		panic("cannot start kernel_init");
	put_task_struct(init); /* nobody stops it */
	cpu_idle_loop();
}
