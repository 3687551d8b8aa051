/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DRIVERS_RTC_CMOS_H
#define _DRIVERS_RTC_CMOS_H

#include <kernel/rtc.h>
#include <kernel/types.h>

/* MC146818 register indices (CMOS bank 0, through ports 0x70/0x71). */
#define RTC_SECONDS 0x00
#define RTC_MINUTES 0x02
#define RTC_HOURS 0x04
#define RTC_DAY_OF_MONTH 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_REG_A 0x0a
#define RTC_REG_B 0x0b
#define RTC_REG_D 0x0d
#define RTC_FIRST_NVRAM 0x0e /* the century byte, if any, lies in [0x0e, 0x7f] */
#define RTC_LAST_NVRAM 0x7f

#define RTC_UIP 0x80 /* A: an update is in progress (or starts within 244 us) */
#define RTC_24H 0x02 /* B: hours 0-23; else 1-12 with RTC_HOURS_PM */
#define RTC_DM_BINARY 0x04 /* B: binary fields; else BCD */
#define RTC_VRT 0x80 /* D: valid RAM and time (the battery is good) */
#define RTC_HOURS_PM 0x80

/* The time registers as read, before any decoding. */
struct cmos_time_regs {
	u8 sec, min, hour, mday, mon, year;
	u8 century; /* only meaningful with has_century */
	u8 status_b;
};

/*
 * Decodes the registers (BCD or binary, 12 or 24 hours, per status B) into tm. Without a
 * century register, or when it reads as malformed or below 19, the year is taken as 20xx. -EINVAL for a malformed BCD digit or a date
 * that does not exist. Pure code, host-tested.
 */
int cmos_decode_time(const struct cmos_time_regs *regs, bool has_century, struct rtc_time *tm);

#endif /* _DRIVERS_RTC_CMOS_H */
