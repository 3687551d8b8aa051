/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_RTC_H
#define _KERNEL_RTC_H

#include <kernel/types.h>

/*
 * Battery-backed real-time clocks: the wall-clock time while the machine is off. One RTC
 * driver registers with the time core (kernel/time/rtc.c), which reads it once at boot to
 * start the wall clock.
 *
 * struct rtc_time has the layout and meaning of Linux's (the RTC_RD_TIME ioctl's): tm_mon
 * counts from 0, tm_year from 1900; always UTC here.
 */
struct rtc_time {
	int tm_sec;
	int tm_min;
	int tm_hour;
	int tm_mday;
	int tm_mon;
	int tm_year;
	int tm_wday;
	int tm_yday;
	int tm_isdst;
};

struct rtc_device_ops {
	const char *name; /* prefixes the boot message: "rtc_cmos: setting system clock..." */
	int (*read_time)(struct rtc_time *tm);
};

/* There is one RTC: a second registration is -EBUSY. */
int rtc_register(const struct rtc_device_ops *ops);
/* Reads the registered RTC: -ENODEV without one, or the driver's error. */
int rtc_read_time(struct rtc_time *tm);
const char *rtc_name(void);

/* Pure conversions (kernel/time/time.c). */
bool rtc_valid_tm(const struct rtc_time *tm);
u64 rtc_tm_to_time64(const struct rtc_time *tm);
void rtc_time64_to_tm(u64 time, struct rtc_time *tm);

/* drivers/rtc/rtc-cmos.c: the PC's MC146818-compatible CMOS clock. */
int rtc_cmos_init(void);
/*
 * The CMOS index of the century byte, from the ACPI FADT; 0 when there is none (the years
 * are then taken as 20xx). Weak: ACPI provides the real one.
 */
int arch_rtc_century_reg(void);

#endif /* _KERNEL_RTC_H */
