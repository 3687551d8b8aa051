// SPDX-License-Identifier: GPL-2.0
/*
 * Calendar and timespec arithmetic: pure code, no hardware and no state, so that the host
 * tests (tests/host/test_time.c) run it unchanged.
 *
 * The calendar is the proleptic Gregorian one: a year is a leap year when it divides by 4,
 * except the years that divide by 100 and not by 400 (2000 is a leap year, 2100 is not).
 * Unix time counts every day as 86400 seconds; a leap second (sec 60) reads as the first
 * second of the next minute.
 */
#include <kernel/compiler.h>
#include <kernel/rtc.h>
#include <kernel/time.h>

#define SECS_PER_DAY 86400L
#define EPOCH_YEAR 1970
#define EPOCH_WDAY 4 /* 1970-01-01 was a Thursday */

static const unsigned char month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

bool is_leap_year(unsigned int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned int days_in_month(unsigned int year, unsigned int mon)
{
	if (mon < 1 || mon > 12)
		return 0;
	return month_days[mon - 1] + (mon == 2 && is_leap_year(year));
}

/* How many leap years lie in [1, year), counting the Gregorian rules back to year 1. */
static s64 leap_years_before(unsigned int year)
{
	s64 y = (s64)year - 1;

	return y / 4 - y / 100 + y / 400;
}

u64 mktime64(unsigned int year, unsigned int mon, unsigned int day, unsigned int hour,
	     unsigned int min, unsigned int sec)
{
	s64 days, secs;

	if (year < EPOCH_YEAR)
		return 0;
	mon = min(max(mon, 1u), 12u);
	days = (s64)(year - EPOCH_YEAR) * 365 + leap_years_before(year) -
	       leap_years_before(EPOCH_YEAR);
	for (unsigned int m = 1; m < mon; m++)
		days += days_in_month(year, m);
	days += (s64)day - 1;
	secs = days * SECS_PER_DAY + (s64)hour * 3600 + (s64)min * 60 + sec;
	return secs < 0 ? 0 : (u64)secs;
}

/*
 * The inverse, worked out year by year and month by month rather than by formula, so that
 * the host tests can check one against the other.
 */
void rtc_time64_to_tm(u64 time, struct rtc_time *tm)
{
	u64 days = time / SECS_PER_DAY;
	unsigned int secs = time % SECS_PER_DAY;
	unsigned int year = EPOCH_YEAR, mon = 1;

	tm->tm_wday = (days + EPOCH_WDAY) % 7;
	while (days >= 365u + is_leap_year(year)) {
		days -= 365u + is_leap_year(year);
		year++;
	}
	tm->tm_yday = days;
	while (days >= days_in_month(year, mon)) {
		days -= days_in_month(year, mon);
		mon++;
	}
	tm->tm_year = year - 1900;
	tm->tm_mon = mon - 1;
	tm->tm_mday = days + 1;
	tm->tm_hour = secs / 3600;
	tm->tm_min = secs / 60 % 60;
	tm->tm_sec = secs % 60;
	tm->tm_isdst = 0;
}

u64 rtc_tm_to_time64(const struct rtc_time *tm)
{
	return mktime64(tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min,
			tm->tm_sec);
}

bool rtc_valid_tm(const struct rtc_time *tm)
{
	unsigned int year = tm->tm_year + 1900;

	if (tm->tm_year < EPOCH_YEAR - 1900 || tm->tm_mon < 0 || tm->tm_mon > 11)
		return false;
	if (tm->tm_mday < 1 || (unsigned int)tm->tm_mday > days_in_month(year, tm->tm_mon + 1))
		return false;
	return tm->tm_hour >= 0 && tm->tm_hour < 24 && tm->tm_min >= 0 && tm->tm_min < 60 &&
	       tm->tm_sec >= 0 && tm->tm_sec < 60;
}

void set_normalized_timespec64(struct timespec64 *ts, s64 sec, s64 nsec)
{
	sec += nsec / NSEC_PER_SEC;
	nsec %= NSEC_PER_SEC;
	if (nsec < 0) {
		nsec += NSEC_PER_SEC;
		sec--;
	}
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
}

struct timespec64 ns_to_timespec64(s64 nsec)
{
	struct timespec64 ts;

	set_normalized_timespec64(&ts, 0, nsec);
	return ts;
}

s64 timespec64_to_ns(const struct timespec64 *ts)
{
	struct timespec64 n;

	set_normalized_timespec64(&n, ts->tv_sec, ts->tv_nsec);
	if (n.tv_sec >= KTIME_SEC_MAX)
		return KTIME_MAX;
	if (n.tv_sec <= -KTIME_SEC_MAX)
		return -KTIME_MAX;
	return n.tv_sec * NSEC_PER_SEC + n.tv_nsec;
}

struct timespec64 timespec64_add(struct timespec64 a, struct timespec64 b)
{
	struct timespec64 r;

	set_normalized_timespec64(&r, a.tv_sec + b.tv_sec, (s64)a.tv_nsec + b.tv_nsec);
	return r;
}

struct timespec64 timespec64_sub(struct timespec64 a, struct timespec64 b)
{
	struct timespec64 r;

	set_normalized_timespec64(&r, a.tv_sec - b.tv_sec, (s64)a.tv_nsec - b.tv_nsec);
	return r;
}

int timespec64_compare(const struct timespec64 *a, const struct timespec64 *b)
{
	if (a->tv_sec != b->tv_sec)
		return a->tv_sec < b->tv_sec ? -1 : 1;
	if (a->tv_nsec != b->tv_nsec)
		return a->tv_nsec < b->tv_nsec ? -1 : 1;
	return 0;
}

u64 mul_u64_u32_div(u64 a, u32 mul, u32 divisor)
{
	u64 q = a / divisor, r = a % divisor;
	/* r < divisor, so r * mul fits; only the quotient's part can overflow. */
	u64 low = r * mul / divisor;

	if (mul && q > (~0ULL - low) / mul)
		return ~0ULL;
	return q * mul + low;
}
