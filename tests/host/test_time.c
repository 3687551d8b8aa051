// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for the calendar and timespec arithmetic (kernel/time/time.c) and the CMOS RTC's
 * register decoding (drivers/rtc/rtc-cmos-decode.c). Expected Unix times were worked out
 * independently of the code under test (with Python's calendar.timegm).
 */
#include "ktest_host.h"

#include "host_rename.h"

#include <kernel/errno.h>
#include <kernel/rtc.h>
#include <kernel/time.h>

#include "../../drivers/rtc/rtc-cmos.h"

struct known_date {
	unsigned int year, mon, day, hour, min, sec;
	unsigned long long unix_time;
	int wday; /* 0 = Sunday */
};

static const struct known_date known[] = {
	{ 1970, 1, 1, 0, 0, 0, 0ULL, 4 },
	{ 1970, 1, 1, 0, 0, 1, 1ULL, 4 },
	{ 1970, 12, 31, 23, 59, 59, 31535999ULL, 4 },
	{ 1972, 2, 29, 12, 0, 0, 68212800ULL, 2 },
	{ 1972, 3, 1, 0, 0, 0, 68256000ULL, 3 },
	{ 1999, 12, 31, 23, 59, 59, 946684799ULL, 5 },
	{ 2000, 1, 1, 0, 0, 0, 946684800ULL, 6 },
	{ 2000, 2, 29, 0, 0, 0, 951782400ULL, 2 },
	{ 2000, 3, 1, 0, 0, 0, 951868800ULL, 3 },
	{ 2024, 2, 29, 23, 59, 59, 1709251199ULL, 4 },
	{ 2026, 11, 23, 1, 2, 3, 1795395723ULL, 1 },
	{ 2038, 1, 19, 3, 14, 7, 2147483647ULL, 2 },
	{ 2038, 1, 19, 3, 14, 8, 2147483648ULL, 2 },
	{ 2100, 2, 28, 23, 59, 59, 4107542399ULL, 0 },
	{ 2100, 3, 1, 0, 0, 0, 4107542400ULL, 1 },
	{ 2106, 2, 7, 6, 28, 16, 4294967296ULL, 0 },
	{ 2400, 2, 29, 0, 0, 0, 13574563200ULL, 2 },
	{ 9999, 12, 31, 23, 59, 59, 253402300799ULL, 5 },
};

KTEST(mktime64_known_dates)
{
	for (size_t i = 0; i < KTEST_ARRAY_SIZE(known); i++) {
		const struct known_date *d = &known[i];

		EXPECT_EQ(mktime64(d->year, d->mon, d->day, d->hour, d->min, d->sec), d->unix_time);
	}
}

KTEST(time64_to_tm_known_dates)
{
	for (size_t i = 0; i < KTEST_ARRAY_SIZE(known); i++) {
		const struct known_date *d = &known[i];
		struct rtc_time tm;

		rtc_time64_to_tm(d->unix_time, &tm);
		EXPECT_EQ(tm.tm_year + 1900, (int)d->year);
		EXPECT_EQ(tm.tm_mon + 1, (int)d->mon);
		EXPECT_EQ(tm.tm_mday, (int)d->day);
		EXPECT_EQ(tm.tm_hour, (int)d->hour);
		EXPECT_EQ(tm.tm_min, (int)d->min);
		EXPECT_EQ(tm.tm_sec, (int)d->sec);
		EXPECT_EQ(tm.tm_wday, d->wday);
		EXPECT_TRUE(rtc_valid_tm(&tm));
	}
}

KTEST(leap_years)
{
	EXPECT_FALSE(is_leap_year(1900));
	EXPECT_FALSE(is_leap_year(1970));
	EXPECT_TRUE(is_leap_year(1972));
	EXPECT_TRUE(is_leap_year(2000));
	EXPECT_FALSE(is_leap_year(2023));
	EXPECT_TRUE(is_leap_year(2024));
	EXPECT_FALSE(is_leap_year(2100));
	EXPECT_FALSE(is_leap_year(2200));
	EXPECT_TRUE(is_leap_year(2400));
	EXPECT_EQ(days_in_month(2000, 2), 29u);
	EXPECT_EQ(days_in_month(2100, 2), 28u);
	EXPECT_EQ(days_in_month(2024, 2), 29u);
	EXPECT_EQ(days_in_month(2023, 2), 28u);
	EXPECT_EQ(days_in_month(2023, 4), 30u);
	EXPECT_EQ(days_in_month(2023, 12), 31u);
	EXPECT_EQ(days_in_month(2023, 0), 0u);
	EXPECT_EQ(days_in_month(2023, 13), 0u);
	/* A whole leap year is a day longer, across the century rules. */
	EXPECT_EQ(mktime64(2001, 1, 1, 0, 0, 0) - mktime64(2000, 1, 1, 0, 0, 0), 366ULL * 86400);
	EXPECT_EQ(mktime64(2101, 1, 1, 0, 0, 0) - mktime64(2100, 1, 1, 0, 0, 0), 365ULL * 86400);
	EXPECT_EQ(mktime64(2401, 1, 1, 0, 0, 0) - mktime64(2400, 1, 1, 0, 0, 0), 366ULL * 86400);
}

KTEST(mktime64_out_of_range_fields)
{
	/* Day 32 of January is the 1st of February; second 60 is the next minute's first. */
	EXPECT_EQ(mktime64(2000, 1, 32, 0, 0, 0), mktime64(2000, 2, 1, 0, 0, 0));
	EXPECT_EQ(mktime64(1999, 12, 31, 23, 59, 60), 946684800ULL);
	EXPECT_EQ(mktime64(2000, 3, 0, 0, 0, 0), mktime64(2000, 2, 29, 0, 0, 0));
	/* Before 1970 cannot be represented: 0. */
	EXPECT_EQ(mktime64(1969, 12, 31, 23, 59, 59), 0ULL);
	EXPECT_EQ(mktime64(1970, 1, 0, 0, 0, 0), 0ULL);
}

/*
 * Every day from 1970 to 2200, at a different time of day each: the date rtc_time64_to_tm
 * gives must follow the previous day's by the calendar's rules, and mktime64 must give the
 * time back. The two share only the month lengths (checked by the known dates above): one
 * counts leap years by formula, the other walks year by year.
 */
KTEST(every_day_round_trip)
{
	struct rtc_time prev = { 0 }, tm;
	unsigned long long days_total = mktime64(2200, 1, 1, 0, 0, 0) / 86400;

	for (unsigned long long day = 0; day < days_total; day++) {
		unsigned long long t = day * 86400 + (day * 7919) % 86400;

		rtc_time64_to_tm(t, &tm);
		if (!KTEST_INT(KTEST_EQ, rtc_tm_to_time64(&tm), t, "rtc_tm_to_time64(&tm)", "t"))
			return;
		ASSERT_TRUE(rtc_valid_tm(&tm));
		if (day == 0) {
			ASSERT_EQ(tm.tm_year, 70);
			ASSERT_EQ(tm.tm_yday, 0);
		} else if (tm.tm_mday != 1) {
			ASSERT_EQ(tm.tm_mday, prev.tm_mday + 1);
			ASSERT_EQ(tm.tm_mon, prev.tm_mon);
			ASSERT_EQ(tm.tm_yday, prev.tm_yday + 1);
		} else {
			ASSERT_EQ((unsigned int)prev.tm_mday,
				  days_in_month(prev.tm_year + 1900, prev.tm_mon + 1));
			if (tm.tm_mon == 0) {
				ASSERT_EQ(prev.tm_mon, 11);
				ASSERT_EQ(tm.tm_year, prev.tm_year + 1);
				ASSERT_EQ(tm.tm_yday, 0);
			} else {
				ASSERT_EQ(tm.tm_mon, prev.tm_mon + 1);
				ASSERT_EQ(tm.tm_year, prev.tm_year);
			}
		}
		if (day)
			ASSERT_EQ(tm.tm_wday, (prev.tm_wday + 1) % 7);
		prev = tm;
	}
}

KTEST(rtc_valid_tm_rejects)
{
	struct rtc_time tm;

	rtc_time64_to_tm(951782400ULL, &tm); /* 2000-02-29 */
	EXPECT_TRUE(rtc_valid_tm(&tm));
	tm.tm_mday = 30;
	EXPECT_FALSE(rtc_valid_tm(&tm));
	rtc_time64_to_tm(4107542399ULL, &tm); /* 2100-02-28 */
	tm.tm_mday = 29;
	EXPECT_FALSE(rtc_valid_tm(&tm));
	tm.tm_mday = 1;
	tm.tm_mon = 12;
	EXPECT_FALSE(rtc_valid_tm(&tm));
	tm.tm_mon = 0;
	tm.tm_hour = 24;
	EXPECT_FALSE(rtc_valid_tm(&tm));
	tm.tm_hour = 0;
	tm.tm_sec = 60;
	EXPECT_FALSE(rtc_valid_tm(&tm));
	tm.tm_sec = 0;
	tm.tm_year = 69;
	EXPECT_FALSE(rtc_valid_tm(&tm));
}

#define EXPECT_TS(ts, sec, nsec)                      \
	do {                                          \
		struct timespec64 _ts = (ts);         \
		EXPECT_EQ(_ts.tv_sec, (s64)(sec));    \
		EXPECT_EQ(_ts.tv_nsec, (long)(nsec)); \
	} while (0)

KTEST(ns_to_timespec64_normalises)
{
	EXPECT_TS(ns_to_timespec64(0), 0, 0);
	EXPECT_TS(ns_to_timespec64(1), 0, 1);
	EXPECT_TS(ns_to_timespec64(1500000000), 1, 500000000);
	EXPECT_TS(ns_to_timespec64(-1), -1, 999999999);
	EXPECT_TS(ns_to_timespec64(-1000000000), -1, 0);
	EXPECT_TS(ns_to_timespec64(-1000000001), -2, 999999999);
	EXPECT_TS(ns_to_timespec64(KTIME_MAX), 9223372036, 854775807);
	EXPECT_TS(ns_to_timespec64(-KTIME_MAX - 1), -9223372037, 145224192);
}

KTEST(set_normalized_timespec64_carries)
{
	struct timespec64 ts;

	set_normalized_timespec64(&ts, 5, -1);
	EXPECT_TS(ts, 4, 999999999);
	set_normalized_timespec64(&ts, 5, -2000000003);
	EXPECT_TS(ts, 2, 999999997);
	set_normalized_timespec64(&ts, 0, 3000000007);
	EXPECT_TS(ts, 3, 7);
	set_normalized_timespec64(&ts, -1, 1000000000);
	EXPECT_TS(ts, 0, 0);
	set_normalized_timespec64(&ts, 0, -1);
	EXPECT_TS(ts, -1, 999999999);
	set_normalized_timespec64(&ts, 7, 999999999);
	EXPECT_TS(ts, 7, 999999999);
}

KTEST(timespec64_to_ns_converts_and_saturates)
{
	struct timespec64 ts;

	ts = (struct timespec64){ 1, 500 };
	EXPECT_EQ(timespec64_to_ns(&ts), 1000000500LL);
	ts = (struct timespec64){ -1, 999999999 };
	EXPECT_EQ(timespec64_to_ns(&ts), -1LL);
	/* Not normalised on the way in: still the right sum. */
	ts = (struct timespec64){ 0, -1 };
	EXPECT_EQ(timespec64_to_ns(&ts), -1LL);
	ts = (struct timespec64){ 2, 1500000000 };
	EXPECT_EQ(timespec64_to_ns(&ts), 3500000000LL);
	ts = (struct timespec64){ KTIME_SEC_MAX, 0 };
	EXPECT_EQ(timespec64_to_ns(&ts), KTIME_MAX);
	ts = (struct timespec64){ KTIME_SEC_MAX + 1000, 0 };
	EXPECT_EQ(timespec64_to_ns(&ts), KTIME_MAX);
	ts = (struct timespec64){ -KTIME_SEC_MAX, 0 };
	EXPECT_EQ(timespec64_to_ns(&ts), -KTIME_MAX);
	ts = (struct timespec64){ KTIME_SEC_MAX - 1, 999999999 };
	EXPECT_EQ(timespec64_to_ns(&ts), (KTIME_SEC_MAX - 1) * NSEC_PER_SEC + 999999999);

	/* Round trips. */
	static const s64 values[] = {
		0, 1, -1, 999999999, 1000000000, -1000000000, 1795395723000000123LL, -123456789012LL
	};
	for (size_t i = 0; i < KTEST_ARRAY_SIZE(values); i++) {
		ts = ns_to_timespec64(values[i]);
		EXPECT_EQ(timespec64_to_ns(&ts), values[i]);
	}
}

KTEST(timespec64_add_sub_compare)
{
	struct timespec64 a = { 1, 600000000 }, b = { 2, 500000000 }, z = { 0, 0 }, one = { 0, 1 };

	EXPECT_TS(timespec64_add(a, b), 4, 100000000);
	EXPECT_TS(timespec64_sub(b, a), 0, 900000000);
	EXPECT_TS(timespec64_sub(a, b), -1, 100000000);
	EXPECT_TS(timespec64_sub(z, one), -1, 999999999);
	EXPECT_TS(timespec64_sub((struct timespec64){ 1, 0 }, one), 0, 999999999);
	EXPECT_TS(timespec64_add(timespec64_sub(a, b), b), 1, 600000000);
	EXPECT_LT(timespec64_compare(&a, &b), 0);
	EXPECT_GT(timespec64_compare(&b, &a), 0);
	EXPECT_EQ(timespec64_compare(&a, &a), 0);
	EXPECT_LT(timespec64_compare(&z, &one), 0);
}

KTEST(timespec64_valid_checks)
{
	struct timespec64 ts = { 0, 999999999 };

	EXPECT_TRUE(timespec64_valid(&ts));
	ts.tv_nsec = 1000000000;
	EXPECT_FALSE(timespec64_valid(&ts));
	ts.tv_nsec = -1;
	EXPECT_FALSE(timespec64_valid(&ts));
	ts = (struct timespec64){ -1, 0 };
	EXPECT_FALSE(timespec64_valid(&ts));
}

/* The CMOS registers for 2026-11-23 01:02:03, in the format status B gives. */
static struct cmos_time_regs cmos_regs(u8 status_b)
{
	bool bcd = !(status_b & RTC_DM_BINARY);

	return (struct cmos_time_regs){
		.sec = bcd ? 0x03 : 3,
		.min = bcd ? 0x02 : 2,
		.hour = bcd ? 0x01 : 1,
		.mday = bcd ? 0x23 : 23,
		.mon = bcd ? 0x11 : 11,
		.year = bcd ? 0x26 : 26,
		.status_b = status_b,
	};
}

static void expect_date(struct ktest *test, const struct rtc_time *tm, int year, int mon, int day,
			int hour, int min, int sec)
{
	EXPECT_EQ(tm->tm_year + 1900, year);
	EXPECT_EQ(tm->tm_mon + 1, mon);
	EXPECT_EQ(tm->tm_mday, day);
	EXPECT_EQ(tm->tm_hour, hour);
	EXPECT_EQ(tm->tm_min, min);
	EXPECT_EQ(tm->tm_sec, sec);
}

KTEST(cmos_bcd_and_binary_24h)
{
	struct cmos_time_regs r;
	struct rtc_time tm;

	r = cmos_regs(RTC_24H);
	ASSERT_EQ(cmos_decode_time(&r, false, &tm), 0);
	expect_date(test, &tm, 2026, 11, 23, 1, 2, 3);
	EXPECT_EQ(tm.tm_wday, 1);
	EXPECT_EQ(tm.tm_yday, 326);
	EXPECT_EQ(rtc_tm_to_time64(&tm), 1795395723ULL);

	r = cmos_regs(RTC_24H | RTC_DM_BINARY);
	ASSERT_EQ(cmos_decode_time(&r, false, &tm), 0);
	expect_date(test, &tm, 2026, 11, 23, 1, 2, 3);

	r.hour = 23;
	ASSERT_EQ(cmos_decode_time(&r, false, &tm), 0);
	EXPECT_EQ(tm.tm_hour, 23);
	r.hour = 24;
	EXPECT_EQ(cmos_decode_time(&r, false, &tm), -EINVAL);
}

KTEST(cmos_12h_hours)
{
	/*
	 * { BCD, binary, hour 0-23 }, the PM flag in bit 7: 12 AM is midnight, 12 PM is noon.
	 */
	static const struct {
		u8 bcd, bin;
		int hour;
	} hours[] = {
		{ 0x12, 12, 0 },	 { 0x01, 1, 1 },	 { 0x11, 11, 11 },
		{ 0x92, 0x80 | 12, 12 }, { 0x81, 0x80 | 1, 13 }, { 0x91, 0x80 | 11, 23 },
	};
	struct cmos_time_regs r;
	struct rtc_time tm;

	for (size_t i = 0; i < KTEST_ARRAY_SIZE(hours); i++) {
		r = cmos_regs(0);
		r.hour = hours[i].bcd;
		ASSERT_EQ(cmos_decode_time(&r, false, &tm), 0);
		EXPECT_EQ(tm.tm_hour, hours[i].hour);
		EXPECT_EQ(tm.tm_min, 2);

		r = cmos_regs(RTC_DM_BINARY);
		r.hour = hours[i].bin;
		ASSERT_EQ(cmos_decode_time(&r, false, &tm), 0);
		EXPECT_EQ(tm.tm_hour, hours[i].hour);
	}
	/* There is no hour 0 or 13 on a 12-hour clock. */
	r = cmos_regs(0);
	r.hour = 0x00;
	EXPECT_EQ(cmos_decode_time(&r, false, &tm), -EINVAL);
	r.hour = 0x13;
	EXPECT_EQ(cmos_decode_time(&r, false, &tm), -EINVAL);
	r.hour = 0x80;
	EXPECT_EQ(cmos_decode_time(&r, false, &tm), -EINVAL);
}

KTEST(cmos_century)
{
	struct cmos_time_regs r;
	struct rtc_time tm;

	r = cmos_regs(RTC_24H);
	r.year = 0x99;
	r.mon = 0x12;
	r.mday = 0x31;
	r.century = 0x19;
	ASSERT_EQ(cmos_decode_time(&r, true, &tm), 0);
	expect_date(test, &tm, 1999, 12, 31, 1, 2, 3);
	/* Without a century register: 20xx. */
	ASSERT_EQ(cmos_decode_time(&r, false, &tm), 0);
	EXPECT_EQ(tm.tm_year + 1900, 2099);

	r.century = 0x21;
	r.year = 0x00;
	r.mon = 0x03;
	r.mday = 0x01;
	ASSERT_EQ(cmos_decode_time(&r, true, &tm), 0);
	expect_date(test, &tm, 2100, 3, 1, 1, 2, 3);
	EXPECT_EQ(rtc_tm_to_time64(&tm), 4107542400ULL + 3723);
	/* 2100 is not a leap year; 2000 is. */
	r.mon = 0x02;
	r.mday = 0x29;
	EXPECT_EQ(cmos_decode_time(&r, true, &tm), -EINVAL);
	r.century = 0x20;
	ASSERT_EQ(cmos_decode_time(&r, true, &tm), 0);
	expect_date(test, &tm, 2000, 2, 29, 1, 2, 3);

	/* Binary century. */
	r = cmos_regs(RTC_24H | RTC_DM_BINARY);
	r.century = 21;
	r.year = 5;
	ASSERT_EQ(cmos_decode_time(&r, true, &tm), 0);
	EXPECT_EQ(tm.tm_year + 1900, 2105);

	/* A century byte that is not one is ignored: 20xx. */
	r = cmos_regs(RTC_24H);
	r.century = 0x00;
	ASSERT_EQ(cmos_decode_time(&r, true, &tm), 0);
	EXPECT_EQ(tm.tm_year + 1900, 2026);
	r.century = 0x2a;
	ASSERT_EQ(cmos_decode_time(&r, true, &tm), 0);
	EXPECT_EQ(tm.tm_year + 1900, 2026);
}

KTEST(cmos_rejects_garbage)
{
	struct cmos_time_regs r;
	struct rtc_time tm;

	r = cmos_regs(RTC_24H);
	r.sec = 0x5a; /* not a BCD digit */
	EXPECT_EQ(cmos_decode_time(&r, false, &tm), -EINVAL);
	r = cmos_regs(RTC_24H);
	r.sec = 0x60;
	EXPECT_EQ(cmos_decode_time(&r, false, &tm), -EINVAL);
	r = cmos_regs(RTC_24H);
	r.mon = 0x00;
	EXPECT_EQ(cmos_decode_time(&r, false, &tm), -EINVAL);
	r.mon = 0x13;
	EXPECT_EQ(cmos_decode_time(&r, false, &tm), -EINVAL);
	r = cmos_regs(RTC_24H);
	r.mday = 0x31; /* November has 30 days */
	EXPECT_EQ(cmos_decode_time(&r, false, &tm), -EINVAL);
	r = cmos_regs(RTC_24H | RTC_DM_BINARY);
	r.year = 100;
	EXPECT_EQ(cmos_decode_time(&r, false, &tm), -EINVAL);
	/* Floating bus: all ones. */
	r = (struct cmos_time_regs){ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	EXPECT_EQ(cmos_decode_time(&r, true, &tm), -EINVAL);
}

/*
 * The timer's ns -> TSC-cycle conversion (bug 5): a timer 1.7 hours ahead on a 3 GHz TSC
 * multiplied past 2^64 and was armed for the near past. Expected values are worked out with
 * 128-bit arithmetic here, independently of the split the code uses.
 */
static unsigned long long ref_mul_div(unsigned long long a, unsigned int mul, unsigned int div)
{
	unsigned __int128 r = (unsigned __int128)a * mul / div;

	return r > ~0ULL ? ~0ULL : (unsigned long long)r;
}

KTEST(mul_u64_u32_div_exact_and_saturating)
{
	const unsigned int khz = 3000000; /* 3 GHz */
	const unsigned long long hour_ns = 3600ULL * 1000000000ULL;
	const unsigned long long as[] = { 0,
					  1,
					  999999,
					  1000000,
					  123456789,
					  hour_ns,
					  2 * hour_ns, /* past the old overflow at 1.7 h */
					  (~0ULL / khz) + 1,
					  100 * hour_ns,
					  ~0ULL / 2,
					  ~0ULL };
	const unsigned int muls[] = { 0, 1, 1000, khz, 4000000000U, ~0U };

	/* The case the bug was about: 2 hours is 2.16e13 cycles, not a wrapped small number. */
	EXPECT_EQ(mul_u64_u32_div(2 * hour_ns, khz, 1000000), 21600000000000ULL);
	EXPECT_EQ(mul_u64_u32_div((~0ULL / khz) + 1, khz, 1000000),
		  ref_mul_div((~0ULL / khz) + 1, khz, 1000000));
	/* Saturates instead of wrapping. */
	EXPECT_EQ(mul_u64_u32_div(~0ULL, khz, 1000000), ~0ULL);
	EXPECT_EQ(mul_u64_u32_div(~0ULL, 2, 1), ~0ULL);
	for (size_t i = 0; i < KTEST_ARRAY_SIZE(as); i++)
		for (size_t j = 0; j < KTEST_ARRAY_SIZE(muls); j++) {
			EXPECT_EQ(mul_u64_u32_div(as[i], muls[j], 1000000),
				  ref_mul_div(as[i], muls[j], 1000000));
			EXPECT_EQ(mul_u64_u32_div(as[i], muls[j], 3),
				  ref_mul_div(as[i], muls[j], 3));
			EXPECT_EQ(mul_u64_u32_div(as[i], muls[j], ~0U),
				  ref_mul_div(as[i], muls[j], ~0U));
		}
}

static const struct ktest_case cases[] = {
	KTEST_CASE(mktime64_known_dates),
	KTEST_CASE(time64_to_tm_known_dates),
	KTEST_CASE(leap_years),
	KTEST_CASE(mktime64_out_of_range_fields),
	KTEST_CASE(every_day_round_trip),
	KTEST_CASE(rtc_valid_tm_rejects),
	KTEST_CASE(ns_to_timespec64_normalises),
	KTEST_CASE(set_normalized_timespec64_carries),
	KTEST_CASE(timespec64_to_ns_converts_and_saturates),
	KTEST_CASE(timespec64_add_sub_compare),
	KTEST_CASE(timespec64_valid_checks),
	KTEST_CASE(cmos_bcd_and_binary_24h),
	KTEST_CASE(cmos_12h_hours),
	KTEST_CASE(cmos_century),
	KTEST_CASE(cmos_rejects_garbage),
	KTEST_CASE(mul_u64_u32_div_exact_and_saturating),
};
KTEST_SUITE(time, cases);
