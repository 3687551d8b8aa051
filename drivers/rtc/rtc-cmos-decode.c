// SPDX-License-Identifier: GPL-2.0
/*
 * Turning the MC146818 time registers into a date: pure code, apart from the port accesses in
 * rtc-cmos.c, so that the host tests can feed it every format the chip has.
 */
#include <kernel/errno.h>
#include <kernel/rtc.h>

#include "rtc-cmos.h"

static bool bcd_valid(u8 v)
{
	return (v & 0x0f) <= 9 && (v >> 4) <= 9;
}

static unsigned int bcd_to_bin(u8 v)
{
	return (v >> 4) * 10 + (v & 0x0f);
}

/* Decodes one field; false for a BCD byte with a digit above 9. */
static bool field(u8 raw, bool bcd, int *out)
{
	if (bcd && !bcd_valid(raw))
		return false;
	*out = bcd ? bcd_to_bin(raw) : raw;
	return true;
}

int cmos_decode_time(const struct cmos_time_regs *regs, bool has_century, struct rtc_time *tm)
{
	bool bcd = !(regs->status_b & RTC_DM_BINARY);
	bool pm = false;
	u8 hour = regs->hour;
	int year, century = 20;

	if (!(regs->status_b & RTC_24H)) {
		pm = hour & RTC_HOURS_PM;
		hour &= ~RTC_HOURS_PM;
	}
	if (!field(regs->sec, bcd, &tm->tm_sec) || !field(regs->min, bcd, &tm->tm_min) ||
	    !field(hour, bcd, &tm->tm_hour) || !field(regs->mday, bcd, &tm->tm_mday) ||
	    !field(regs->mon, bcd, &tm->tm_mon) || !field(regs->year, bcd, &year))
		return -EINVAL;
	/* A century byte that cannot be one (firmware pointing at the wrong index) is ignored. */
	if (has_century && (!field(regs->century, bcd, &century) || century < 19))
		century = 20;
	if (!(regs->status_b & RTC_24H)) {
		/* 12 AM is midnight (0), 12 PM is noon (12). */
		if (tm->tm_hour < 1 || tm->tm_hour > 12)
			return -EINVAL;
		tm->tm_hour = tm->tm_hour % 12 + (pm ? 12 : 0);
	}
	if (year > 99 || century > 99)
		return -EINVAL;
	tm->tm_year = century * 100 + year - 1900;
	tm->tm_mon -= 1;
	tm->tm_isdst = 0;
	if (!rtc_valid_tm(tm))
		return -EINVAL;
	/* Fill in the weekday and the day of the year from the date. */
	rtc_time64_to_tm(rtc_tm_to_time64(tm), tm);
	return 0;
}
