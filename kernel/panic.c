// SPDX-License-Identifier: GPL-2.0
/*
 * The end of the line. panic() reports why, shows how we got here, and then, as panic=N
 * says (Linux's meaning): 0 halts for good (the default), N > 0 restarts after N seconds,
 * N < 0 restarts at once. Test runs use panic=-1 with QEMU's -no-reboot to end the VM.
 * The other CPUs are halted first (smp_send_stop).
 */
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <kernel/delay.h>
#include <kernel/panic.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/smp.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

static int panic_timeout;
static int panic_in_progress;

static int set_panic_timeout(const char *val)
{
	return val ? kstrtoint(val, 0, &panic_timeout) : -EINVAL;
}
early_param("panic", set_panic_timeout);

void panic(const char *fmt, ...)
{
	static char buf[256];
	int not_stopped;
	bool from_oops;
	va_list ap;

	local_irq_disable();
	if (__atomic_fetch_add(&panic_in_progress, 1, __ATOMIC_SEQ_CST))
		halt_forever(); /* a panic while panicking: the first report is the one to read */
	/* An oops has already shown the registers and the trace. */
	from_oops = oops_in_progress;
	oops_in_progress = 1;
	/*
	 * Stop the other CPUs first: they would go on changing what the report is about, and
	 * scribble over it on the console.
	 */
	not_stopped = smp_send_stop();

	va_start(ap, fmt);
	vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	if (not_stopped)
		pr_emerg("panic: %d other CPU(s) did not stop (interrupts off?)\n", not_stopped);
	if (!from_oops)
		dump_stack();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);

	if (panic_timeout > 0) {
		pr_emerg("Rebooting in %d seconds..\n", panic_timeout);
		mdelay(panic_timeout * 1000UL);
	}
	if (panic_timeout)
		machine_restart();
	halt_forever();
}

void __warn(const char *file, int line, const char *func, const char *cond)
{
	pr_warn("WARNING: %s at %s:%d %s()\n", cond, file, line, func);
	dump_stack();
}
