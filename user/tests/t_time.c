/* time.h: gmtime of fixed instants, timegm/mktime, strftime, local time from TZif files. */
#include "tap.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static const char *fmt_tm(const struct tm *tm)
{
	static char buf[128];
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d %02d:%02d:%02d wday %d yday %d",
		 tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min,
		 tm->tm_sec, tm->tm_wday, tm->tm_yday);
	return buf;
}

int main(void)
{
	static const struct {
		time_t t;
		const char *want;
	} cases[] = {
		{ 0, "1970-01-01 00:00:00 wday 4 yday 0" },
		{ -1, "1969-12-31 23:59:59 wday 3 yday 364" },
		{ 951782400, "2000-02-29 00:00:00 wday 2 yday 59" },
		{ 1700000000, "2023-11-14 22:13:20 wday 2 yday 317" },
		{ 2147483647, "2038-01-19 03:14:07 wday 2 yday 18" },
		{ 4102444800, "2100-01-01 00:00:00 wday 5 yday 0" },
		{ -2208988800, "1900-01-01 00:00:00 wday 1 yday 0" },
		{ 253402300799, "9999-12-31 23:59:59 wday 5 yday 364" },
		{ 1709164800, "2024-02-29 00:00:00 wday 4 yday 59" },
		{ 1735689599, "2024-12-31 23:59:59 wday 2 yday 365" },
	};
	int n = (int)(sizeof(cases) / sizeof(cases[0]));
	tap_plan(2 * n + 12);
	struct tm tm;
	for (int i = 0; i < n; i++) {
		gmtime_r(&cases[i].t, &tm);
		tap_streq(fmt_tm(&tm), cases[i].want, "gmtime_r(%lld)", (long long)cases[i].t);
		ok(timegm(&tm) == cases[i].t, "timegm inverts gmtime for %lld",
		   (long long)cases[i].t);
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 124;
	tm.tm_mon = 12; /* month 13: January of the next year */
	tm.tm_mday = 32;
	tm.tm_hour = -1;
	time_t t = timegm(&tm);
	tap_streq(fmt_tm(&tm), "2025-01-31 23:00:00 wday 5 yday 30",
		  "timegm normalises out-of-range fields");
	ok(t == 1738364400, "and returns the instant");

	char buf[256];
	time_t t0 = 1700000000;
	gmtime_r(&t0, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a %A %b %B %j %e %y %C %p %I %u %w %%", &tm);
	tap_streq(buf, "2023-11-14 22:13:20 Tue Tuesday Nov November 318 14 23 20 PM 10 2 2 %",
		  "strftime, the common conversions");
	strftime(buf, sizeof(buf), "%D %T %R %F %G-W%V-%u %U %W %s", &tm);
	tap_streq(buf, "11/14/23 22:13:20 22:13 2023-11-14 2023-W46-2 46 46 1700000000",
		  "strftime, composites and weeks");
	time_t t1 = 1104537600; /* 2005-01-01, a Saturday: ISO week 53 of 2004 */
	gmtime_r(&t1, &tm);
	strftime(buf, sizeof(buf), "%G %V %g", &tm);
	tap_streq(buf, "2004 53 04", "strftime ISO week at a year boundary");
	ok(strftime(buf, 5, "%Y-%m-%d", &tm) == 0, "strftime that does not fit returns 0");

	setenv("TZ", "UTC", 1);
	tzset();
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 100;
	tm.tm_mday = 1;
	tm.tm_isdst = -1;
	ok(mktime(&tm) == 946684800, "mktime in UTC");

	struct timespec ts;
	ok(clock_gettime(CLOCK_REALTIME, &ts) == 0 && ts.tv_sec > 1700000000,
	   "clock_gettime(CLOCK_REALTIME)");
	time_t now = time(NULL);
	ok(now >= ts.tv_sec && now - ts.tv_sec < 5, "time agrees with clock_gettime");
	struct timeval tv;
	ok(gettimeofday(&tv, NULL) == 0 && tv.tv_sec >= ts.tv_sec, "gettimeofday");
	struct timespec a, b, req = { 0, 20000000 };
	clock_gettime(CLOCK_MONOTONIC, &a);
	nanosleep(&req, NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	long ns = (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
	ok(ns >= 20000000, "nanosleep(20 ms) sleeps at least that long");
	ok(usleep(1000) == 0 && sleep(0) == 0, "usleep and sleep");

	return tap_done();
}
