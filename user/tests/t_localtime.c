/* Local time from TZif files (Europe/Berlin, America/New_York), when the host has them. */
#include "tap.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *show(time_t t)
{
	static char buf[128];
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %Z %z", &tm);
	snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), " dst=%d", tm.tm_isdst);
	return buf;
}

int main(void)
{
	tap_plan(16);
	if (access("/usr/share/zoneinfo/Europe/Berlin", R_OK) != 0) {
		for (int i = 1; i <= 16; i++)
			printf("ok %d # SKIP no /usr/share/zoneinfo on this host\n", i);
		return 0;
	}
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	tap_streq(show(1700000000), "2023-11-14 23:13:20 CET +0100 dst=0", "Berlin in winter");
	tap_streq(show(1690000000), "2023-07-22 06:26:40 CEST +0200 dst=1", "Berlin in summer");
	tap_streq(show(1679792399), "2023-03-26 01:59:59 CET +0100 dst=0",
		  "Berlin just before the spring change");
	tap_streq(show(1679792400), "2023-03-26 03:00:00 CEST +0200 dst=1",
		  "Berlin at the spring change");
	tap_streq(show(0), "1970-01-01 01:00:00 CET +0100 dst=0", "Berlin at the epoch");
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 123;
	tm.tm_mon = 6;
	tm.tm_mday = 22;
	tm.tm_hour = 6;
	tm.tm_min = 26;
	tm.tm_sec = 40;
	tm.tm_isdst = -1;
	ok(mktime(&tm) == 1690000000 && tm.tm_isdst == 1, "mktime of a summer time in Berlin");
	tm.tm_mon = 10;
	tm.tm_mday = 14;
	tm.tm_hour = 23;
	tm.tm_min = 13;
	tm.tm_sec = 20;
	tm.tm_isdst = -1;
	ok(mktime(&tm) == 1700000000 && tm.tm_isdst == 0, "mktime of a winter time in Berlin");
	setenv("TZ", "America/New_York", 1);
	tzset();
	tap_streq(show(1700000000), "2023-11-14 17:13:20 EST -0500 dst=0",
		  "a new $TZ is read again (New York)");
	/* far ahead: past the table, the TZif footer's rule decides */
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	tap_streq(show(2224990000), "2040-07-04 06:46:40 CEST +0200 dst=1",
		  "Berlin in 2040, summer");
	tap_streq(show(2240000000), "2040-12-24 23:13:20 CET +0100 dst=0",
		  "Berlin in 2040, winter");
	setenv("TZ", "Australia/Sydney", 1);
	tzset();
	tap_streq(show(4102444800), "2100-01-01 11:00:00 AEDT +1100 dst=1",
		  "Sydney in 2100 (southern summer)");
	/* $TZ as a POSIX rule, no file */
	setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);
	tzset();
	tap_streq(show(1690000000), "2023-07-22 00:26:40 EDT -0400 dst=1",
		  "TZ=EST5EDT,M3.2.0,M11.1.0 in July");
	tap_streq(show(1700000000), "2023-11-14 17:13:20 EST -0500 dst=0",
		  "TZ=EST5EDT,M3.2.0,M11.1.0 in November");
	setenv("TZ", "<+03>-3", 1);
	tzset();
	tap_streq(show(1700000000), "2023-11-15 01:13:20 +03 +0300 dst=0", "TZ=<+03>-3");
	setenv("TZ", "AEST-10AEDT,M10.1.0,M4.1.0/3", 1);
	tzset();
	tap_streq(show(1705000000), "2024-01-12 06:06:40 AEDT +1100 dst=1",
		  "a southern rule in January");
	tap_streq(show(1690000000), "2023-07-22 14:26:40 AEST +1000 dst=0",
		  "a southern rule in July");
	return tap_done();
}
