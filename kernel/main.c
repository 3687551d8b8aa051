// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel: the generic boot sequence, once the architecture has a stack, descriptor
 * tables, a serial console and the boot information. Each step below needs the ones before.
 */
#include <asm/bootinfo.h>
#include <asm/qemu.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/fpu.h>
#include <asm/setup.h>
#include <asm/tsc.h>
#include <asm/vdso.h>
#include <kernel/acpi.h>
#include <kernel/console.h>
#include <kernel/binfmts.h>
#include <kernel/devfs.h>
#include <kernel/fdtable.h>
#include <kernel/fs_struct.h>
#include <kernel/fs.h>
#include <kernel/initramfs.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/lockdep.h>
#include <kernel/main.h>
#include <kernel/mm.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/smp.h>
#include <kernel/time.h>
#include <kernel/pci.h>
#include <kernel/timer.h>
#include <kernel/tty.h>
#include <kernel/vt.h>
#include <uapi/fcntl.h>

#define KERNEL_NAME "Mica"

const char kernel_release[] = KERNEL_VERSION CONFIG_LOCALVERSION;
/* Linux's /proc/version shape, which tools parse. */
const char linux_banner[] = KERNEL_NAME " version " KERNEL_VERSION CONFIG_LOCALVERSION
					" (" KBUILD_COMPILER ") #1 SMP\n";

void chr_dev_init(void);
void tty_init(void);
void pty_init(void);
void serial8250_tty_init(void);

/* ---- the first user program ------------------------------------------------------- */

static const char *execute_command; /* init= */
static bool vmrun_mode; /* vmrun: init runs the commands after "--"; its exit ends QEMU */

static int set_init(const char *val)
{
	if (!val || !*val)
		return -EINVAL;
	execute_command = val;
	return 0;
}
kernel_param("init", set_init);

static int set_vmrun(const char *val)
{
	vmrun_mode = true;
	return 0;
}
kernel_param("vmrun", set_vmrun);

/*
 * A process's start: its own root, working directory and umask (kernel threads share
 * init_fs; a chdir in one program must not move the next), and descriptors 0, 1 and 2 on
 * /dev/console, as every program expects to find them.
 */
static void open_console_fds(void)
{
	struct file *file;

	if (unshare_fs_struct())
		panic("no memory for a process's fs_struct");

	current->files = files_alloc();
	if (!current->files)
		panic("no memory for init's file table");
	file = filp_open("/dev/console", O_RDWR, 0);
	if (IS_ERR(file)) {
		pr_err("Warning: unable to open an initial console (%ld).\n", PTR_ERR(file));
		return;
	}
	if (fd_install_from(current->files, file, 0, false) != 0 ||
	    dup_fd_in(current->files, 0, 1, false) != 1 ||
	    dup_fd_in(current->files, 0, 2, false) != 2)
		pr_err("Warning: initial descriptors not 0, 1 and 2\n");
}

/*
 * init's arguments are the command line's (the words after "--", as on Linux); under
 * vmrun, "vmrun" comes first, which tells init to run them as commands (user/bin/init.c).
 */
static int run_init_process(const char *filename)
{
	const char *argv[MAX_INIT_ARGS + 3];
	int n = 0;

	argv[n++] = filename;
	if (vmrun_mode)
		argv[n++] = "vmrun";
	for (const char *const *a = argv_init + 1; *a; a++)
		argv[n++] = *a;
	argv[n] = NULL;
	pr_info("Run %s as init process\n", filename);
	return kernel_execve(filename, argv, envp_init);
}

/* kernel_init becomes /sbin/init (or init=): pid 1's user program. Returns only to panic. */
static __noreturn void start_init(void)
{
	static const char *const defaults[] = { "/sbin/init", "/etc/init", "/bin/init", "/bin/sh" };
	int err;

	open_console_fds();
	if (execute_command) {
		err = run_init_process(execute_command);
		panic("Requested init %s failed (error %d).", execute_command, err);
	}
	for (size_t i = 0; i < ARRAY_SIZE(defaults); i++) {
		err = run_init_process(defaults[i]);
		if (err != -ENOENT)
			pr_err("Starting init: %s exists but could not run (error %d)\n",
			       defaults[i], err);
	}
	panic("No working init found. Try passing init= option to kernel.");
}

/* ---- vmrun: init runs the commands; its exit status ends QEMU ----------------------- */

/* A shell's $? for a wait status: the exit code, or 128 + the signal that killed it. */
static int shell_status(int status)
{
	return (status & 0x7f) ? 128 + (status & 0x7f) : (status >> 8) & 0xff;
}

/*
 * pid 1 has exited (status as wait reports it). Normally fatal, as on Linux; under vmrun
 * it is how the run ends: init ran the commands and exits with the last one's status,
 * which goes to QEMU's debugcon for scripts/vmrun, and QEMU ends.
 */
__noreturn void init_exited(int status)
{
	char line[32];

	if (!vmrun_mode)
		panic("Attempted to kill init! exitcode=0x%08x", status);
	snprintf(line, sizeof(line), "status %d\n", shell_status(status));
	qemu_debugcon_write(line);
	qemu_exit(QEMU_EXIT_PROGRAM);
	panic("vmrun: no isa-debug-exit device to end QEMU (status %d)", shell_status(status));
}

static int kernel_init(void *unused)
{
	populate_rootfs();
	pci_subsys_init();
	acpi_button_init();
	chr_dev_init();
	tty_init();
	pty_init();
	if (IS_ENABLED(CONFIG_SERIAL_8250))
		serial8250_tty_init();
	if (IS_ENABLED(CONFIG_VIDEO_CONSOLE))
		vt_tty_init();
	devfs_mount();
	devpts_mount_boot();
	if (do_mount("proc", "/proc", "proc", 0, NULL))
		pr_warn("cannot mount /proc\n");
	if (IS_ENABLED(CONFIG_KTEST))
		ktest_run_requested();
	start_init();
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
	if (IS_ENABLED(CONFIG_VIDEO_CONSOLE))
		fbcon_late_init(); /* mm_init took away the boot map it drew through */
	/* Without the MADT, interrupt setup assumes one CPU and the PC's default I/O APIC. */
	err = acpi_table_init();
	if (err)
		pr_warn("ACPI: no usable tables (%d): one CPU and the default I/O APIC assumed\n",
			err);
	init_IRQ();
	time_init();
	vdso_init(); /* after time_init, which may move the clock again */
	parse_kernel_params();

	sched_init();
	lockdep_init(); /* current is valid from here on */
	vfs_caches_init();
	fpu_init_bsp();
	smp_ipi_init();
	timer_init();
	loadavg_init(); /* its timer needs the timer bases */
	local_irq_enable();
	smp_init();

	/* The rest runs in a thread; this context becomes the boot CPU's idle task. */
	init = kthread_create(kernel_init, NULL, "kernel_init");
	if (!init)
		panic("cannot start kernel_init");
	init->pid = init->tgid =
		1; /* it becomes init, whose pid is 1 (alloc_pid starts above it) */
	init->signal->pgrp = init->signal->session = 1; /* and leads the first session */
	wake_up_process(init);
	put_task_struct(init); /* nobody stops it */
	cpu_idle_loop();
}
