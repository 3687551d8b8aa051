// SPDX-License-Identifier: GPL-2.0
/*
 * The PC's CMOS real-time clock (an MC146818 or a copy of it in the chipset), read once at
 * boot to start the wall clock. Only reading: the kernel never writes the RTC.
 *
 * The chip updates its time registers once a second, and for up to about 2 ms meanwhile they
 * may read half old, half new. Status A's UIP bit is set from 244 us before an update until
 * it ends, so a read started right after UIP was seen clear is safe; to be sure anyway
 * (an SMI, a slow emulator), the registers are read until two reads in a row agree.
 */
#define pr_fmt(fmt) "rtc_cmos: " fmt

#include <asm/io.h>
#include <kernel/compiler.h>
#include <kernel/delay.h>
#include <kernel/errno.h>
#include <kernel/lockdep.h>
#include <kernel/printk.h>
#include <kernel/rtc.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>

#include "rtc-cmos.h"

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define UIP_POLL_US 10
#define UIP_MAX_POLLS 1000 /* 10 ms: five times the longest update */
#define MAX_READS 10

/* The index/data pair is one shared resource: a register access is two port accesses. */
static DEFINE_SPINLOCK(cmos_lock);

int __weak arch_rtc_century_reg(void)
{
	return 0;
}

static u8 cmos_read(u8 reg)
{
	outb(reg, CMOS_INDEX);
	return inb(CMOS_DATA);
}

static bool cmos_wait_update_done(void)
{
	for (int i = 0; i < UIP_MAX_POLLS; i++) {
		if (!(cmos_read(RTC_REG_A) & RTC_UIP))
			return true;
		udelay(UIP_POLL_US);
	}
	return false;
}

static void cmos_read_regs_once(struct cmos_time_regs *r, int century_reg)
{
	r->sec = cmos_read(RTC_SECONDS);
	r->min = cmos_read(RTC_MINUTES);
	r->hour = cmos_read(RTC_HOURS);
	r->mday = cmos_read(RTC_DAY_OF_MONTH);
	r->mon = cmos_read(RTC_MONTH);
	r->year = cmos_read(RTC_YEAR);
	r->century = century_reg ? cmos_read(century_reg) : 0;
	r->status_b = cmos_read(RTC_REG_B);
}

/* Called with cmos_lock held. */
static int cmos_read_regs(struct cmos_time_regs *r, int century_reg)
{
	struct cmos_time_regs prev;

	lockdep_assert_held(&cmos_lock);
	for (int i = 0; i < MAX_READS; i++) {
		if (!cmos_wait_update_done())
			return -ETIMEDOUT;
		cmos_read_regs_once(r, century_reg);
		if (i && !memcmp(r, &prev, sizeof(*r)))
			return 0;
		prev = *r;
	}
	return -EIO;
}

static int cmos_century_reg(void)
{
	static bool warned;
	int reg = arch_rtc_century_reg();

	if (!reg)
		return 0;
	if (reg < RTC_FIRST_NVRAM || reg > RTC_LAST_NVRAM) {
		if (!warned)
			pr_warn("century register %#x is not in CMOS bank 0; assuming 20xx\n", reg);
		warned = true;
		return 0;
	}
	return reg;
}

static int cmos_read_time(struct rtc_time *tm)
{
	int century_reg = cmos_century_reg();
	struct cmos_time_regs r;
	unsigned long flags;
	int err;

	spin_lock_irqsave(&cmos_lock, flags);
	err = cmos_read_regs(&r, century_reg);
	spin_unlock_irqrestore(&cmos_lock, flags);
	if (err) {
		pr_err("the time registers never read the same twice (%d)\n", err);
		return err;
	}
	err = cmos_decode_time(&r, century_reg != 0, tm);
	if (err)
		pr_err("invalid time %02x%02x-%02x-%02x %02x:%02x:%02x (status B %#x)\n", r.century,
		       r.year, r.mon, r.mday, r.hour, r.min, r.sec, r.status_b);
	return err;
}

static const struct rtc_device_ops cmos_rtc_ops = {
	.name = "rtc_cmos",
	.read_time = cmos_read_time,
};

int rtc_cmos_init(void)
{
	unsigned long flags;
	u8 reg_b, reg_d;

	spin_lock_irqsave(&cmos_lock, flags);
	reg_b = cmos_read(RTC_REG_B);
	reg_d = cmos_read(RTC_REG_D);
	spin_unlock_irqrestore(&cmos_lock, flags);
	/* Nothing decodes the ports: the bus floats high. */
	if (reg_b == 0xff && reg_d == 0xff)
		return -ENODEV;
	if (!(reg_d & RTC_VRT))
		pr_warn("the RTC's battery was dead: its time is probably wrong\n");
	return rtc_register(&cmos_rtc_ops);
}
