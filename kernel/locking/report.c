// SPDX-License-Identifier: GPL-2.0
/* Reports of sleeping-lock misuse that need no lockdep (include/kernel/lockdep.h). */
#include <kernel/atomic.h>
#include <kernel/lockdep.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>

static atomic_long_t nr_misuse;

void lock_report_misuse(unsigned long ip, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	atomic_long_inc(&nr_misuse);
	pr_err("BUG: bad unlock: %s, at %pS\n", msg, (void *)ip);
	dump_stack();
}

unsigned long lock_misuse_reports(void)
{
	return atomic_long_read(&nr_misuse);
}
