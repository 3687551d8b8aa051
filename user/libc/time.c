/*
 * time.h: calendar arithmetic (proleptic Gregorian, any year that fits), local time from a
 * TZif file (/etc/localtime, or $TZ), mktime, strftime in the "C" locale.
 * Local time after a zone's last listed transition uses that transition's offset: the rule
 * string of the TZif footer is not read yet.
 */
#include "libc.h"
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

char *tzname[2] = { "UTC", "UTC" };
long timezone;
int daylight;

time_t time(time_t *t)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

clock_t clock(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts))
		return -1;
	return ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

double difftime(time_t a, time_t b)
{
	return (double)(a - b);
}

/* Days since 1970-01-01 of a date, and back (Howard Hinnant's well-known civil algorithms). */
static long days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

struct tm *gmtime_r(const time_t *restrict tp, struct tm *restrict tm)
{
	time_t t = *tp;
	long days = t / 86400, secs = t % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	long y;
	int m, d;
	civil_from_days(days, &y, &m, &d);
	if (y - 1900 > INT_MAX || y - 1900 < INT_MIN) {
		errno = EOVERFLOW;
		return 0;
	}
	tm->tm_year = (int)(y - 1900);
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_wday = (int)(((days % 7) + 11) % 7); /* 1970-01-01 was a Thursday */
	tm->tm_yday = (int)(days - days_from_civil(y, 1, 1));
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = "UTC";
	return tm;
}

struct tm *gmtime(const time_t *t)
{
	static struct tm tm;
	return gmtime_r(t, &tm);
}

time_t timegm(struct tm *tm)
{
	long y = 1900L + tm->tm_year, mon = tm->tm_mon;
	y += mon / 12;
	mon %= 12;
	if (mon < 0) {
		mon += 12;
		y--;
	}
	long days = days_from_civil(y, mon + 1, 1) + tm->tm_mday - 1;
	time_t t = days * 86400 + tm->tm_hour * 3600L + tm->tm_min * 60L + tm->tm_sec;
	gmtime_r(&t, tm);
	return t;
}

/* The zone: transitions and their types from a TZif file (version 2+ 64-bit data if present). */
struct zone {
	int loaded, ntrans, ntypes;
	int64_t *trans;
	unsigned char *idx;
	struct {
		int32_t off;
		unsigned char dst, abbr;
	} * types;
	char *abbrs;
	int nabbr;
};
static struct zone zone;
static volatile int zone_lock;

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int load_tzif(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	unsigned char *buf = malloc(1 << 16);
	ssize_t n = buf ? read(fd, buf, 1 << 16) : -1;
	close(fd);
	if (n < 44 || memcmp(buf, "TZif", 4)) {
		free(buf);
		return -1;
	}
	const unsigned char *p = buf, *end = buf + n;
	int tsize = 4;
	for (int pass = 0; pass < 2; pass++) {
		if (end - p < 44)
			goto bad;
		uint32_t isut = be32(p + 20), isstd = be32(p + 24), leap = be32(p + 28),
			 timecnt = be32(p + 32), typecnt = be32(p + 36), charcnt = be32(p + 40);
		size_t body = timecnt * (size_t)tsize + timecnt + typecnt * 6 + charcnt +
			      leap * (size_t)(tsize + 4) + isstd + isut;
		if (body > (size_t)(end - p - 44) || !typecnt || typecnt > 256)
			goto bad;
		if (pass == 0 && p[4] >= '2') {
			p += 44 + body; /* skip the 32-bit data */
			tsize = 8;
			continue;
		}
		const unsigned char *q = p + 44;
		zone.trans = malloc(timecnt * sizeof(int64_t) + 1);
		zone.idx = malloc(timecnt + 1);
		zone.types = malloc(typecnt * sizeof(*zone.types));
		zone.abbrs = malloc(charcnt + 1);
		if (!zone.trans || !zone.idx || !zone.types || !zone.abbrs)
			goto bad;
		for (uint32_t i = 0; i < timecnt; i++, q += tsize)
			zone.trans[i] = tsize == 8
						? (int64_t)((uint64_t)be32(q) << 32 | be32(q + 4))
						: (int64_t)(int32_t)be32(q);
		for (uint32_t i = 0; i < timecnt; i++)
			zone.idx[i] = *q++ < typecnt ? q[-1] : 0;
		for (uint32_t i = 0; i < typecnt; i++, q += 6) {
			zone.types[i].off = (int32_t)be32(q);
			zone.types[i].dst = q[4];
			zone.types[i].abbr = q[5] < charcnt ? q[5] : 0;
		}
		memcpy(zone.abbrs, q, charcnt);
		zone.abbrs[charcnt] = 0;
		zone.nabbr = (int)charcnt;
		zone.ntrans = (int)timecnt;
		zone.ntypes = (int)typecnt;
		free(buf);
		return 0;
	}
bad:
	free(buf);
	return -1;
}

void tzset(void)
{
	static char last_tz[256];
	static int last_unset;
	const char *tz = getenv("TZ");
	__lock(&zone_lock);
	if (zone.loaded && (tz ? !last_unset && !strcmp(tz, last_tz) : last_unset)) {
		__unlock(&zone_lock);
		return;
	}
	/* first use, or $TZ changed: (re)load; the old zone's memory is kept (tzname may
	 * point into it) */
	last_unset = !tz;
	if (tz)
		strlcpy(last_tz, tz, sizeof(last_tz));
	zone.ntrans = zone.ntypes = 0;
	tzname[0] = tzname[1] = "UTC";
	timezone = 0;
	daylight = 0;
	char path[PATH_MAX];
	int ok = -1;
	if (!tz) {
		ok = load_tzif("/etc/localtime");
	} else if (*tz && strcmp(tz, "UTC") && strcmp(tz, "UTC0") && strcmp(tz, "GMT")) {
		if (*tz == ':')
			tz++;
		if (*tz == '/') {
			ok = load_tzif(tz);
		} else if (!strstr(tz, "..")) {
			snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", tz);
			ok = load_tzif(path);
		}
	}
	if (ok < 0)
		zone.ntypes = 0;
	if (zone.ntypes) {
		for (int i = 0; i < zone.ntypes; i++) {
			char *a = zone.abbrs + zone.types[i].abbr;
			tzname[zone.types[i].dst ? 1 : 0] = a;
			if (zone.types[i].dst)
				daylight = 1;
			else
				timezone = -zone.types[i].off;
		}
	}
	zone.loaded = 1;
	__unlock(&zone_lock);
}

/* The zone type in force at UTC time t (-1: UTC). */
static int zone_type(time_t t)
{
	tzset();
	if (!zone.ntypes)
		return -1;
	if (!zone.ntrans || t < zone.trans[0]) {
		for (int i = 0; i < zone.ntypes; i++)
			if (!zone.types[i].dst)
				return i;
		return 0;
	}
	int lo = 0, hi = zone.ntrans - 1;
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if (zone.trans[mid] <= t)
			lo = mid;
		else
			hi = mid - 1;
	}
	return zone.idx[lo];
}

struct tm *localtime_r(const time_t *restrict tp, struct tm *restrict tm)
{
	int ty = zone_type(*tp);
	if (ty < 0)
		return gmtime_r(tp, tm);
	time_t t = *tp + zone.types[ty].off;
	if (!gmtime_r(&t, tm))
		return 0;
	tm->tm_isdst = zone.types[ty].dst;
	tm->tm_gmtoff = zone.types[ty].off;
	tm->tm_zone = zone.abbrs + zone.types[ty].abbr;
	return tm;
}

struct tm *localtime(const time_t *t)
{
	static struct tm tm;
	return localtime_r(t, &tm);
}

time_t mktime(struct tm *tm)
{
	struct tm copy = *tm;
	time_t local = timegm(&copy);
	int ty = zone_type(local);
	if (ty < 0) {
		*tm = copy;
		return local;
	}
	/* the offset in force at the instant: guess with the local time, correct once */
	time_t t = local - zone.types[ty].off;
	int ty2 = zone_type(t);
	if (ty2 != ty)
		t = local - zone.types[ty2].off;
	if (tm->tm_isdst >= 0 && zone.types[zone_type(t)].dst != !!tm->tm_isdst) {
		/* the caller says which of an ambiguous pair: shift by the difference */
		for (int i = 0; i < zone.ntypes; i++)
			if (zone.types[i].dst == !!tm->tm_isdst) {
				time_t t2 = local - zone.types[i].off;
				if (zone.types[zone_type(t2)].dst == !!tm->tm_isdst)
					t = t2;
				break;
			}
	}
	localtime_r(&t, tm);
	return t;
}

static const char *const wdays[] = { "Sunday",	 "Monday", "Tuesday", "Wednesday",
				     "Thursday", "Friday", "Saturday" };
static const char *const months[] = { "January",   "February", "March",	   "April",
				      "May",	   "June",     "July",	   "August",
				      "September", "October",  "November", "December" };

/* ISO 8601 week number and its year. */
static int iso_week(const struct tm *tm, long *year)
{
	long y = 1900L + tm->tm_year;
	int wday = (tm->tm_wday + 6) % 7; /* Monday 0 */
	int week = (tm->tm_yday - wday + 10) / 7;
	if (week < 1) {
		y--;
		int pyd = tm->tm_yday + 365 + is_leap(y);
		week = (pyd - wday + 10) / 7;
	} else if (week == 53) {
		int days = 365 + is_leap(y);
		if (tm->tm_yday - wday + 3 >= days) { /* this week's Thursday is next year */
			week = 1;
			y++;
		}
	}
	*year = y;
	return week;
}

size_t strftime(char *restrict s, size_t n, const char *restrict fmt, const struct tm *restrict tm)
{
	size_t len = 0;
	char tmp[64];
	for (; *fmt; fmt++) {
		const char *add = tmp;
		size_t al;
		if (*fmt != '%') {
			tmp[0] = *fmt;
			al = 1;
			goto put;
		}
		fmt++;
		while (*fmt == 'E' || *fmt == 'O' || *fmt == '-' || *fmt == '_' || *fmt == '0')
			fmt++;
		long y;
		switch (*fmt) {
		case 'a':
			add = tm->tm_wday >= 0 && tm->tm_wday < 7 ? wdays[tm->tm_wday] : "?";
			al = 3;
			break;
		case 'A':
			add = tm->tm_wday >= 0 && tm->tm_wday < 7 ? wdays[tm->tm_wday] : "?";
			al = strlen(add);
			break;
		case 'b':
		case 'h':
			add = tm->tm_mon >= 0 && tm->tm_mon < 12 ? months[tm->tm_mon] : "?";
			al = 3;
			break;
		case 'B':
			add = tm->tm_mon >= 0 && tm->tm_mon < 12 ? months[tm->tm_mon] : "?";
			al = strlen(add);
			break;
		case 'c':
			al = strftime(tmp, sizeof(tmp), "%a %b %e %H:%M:%S %Y", tm);
			break;
		case 'C':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%02ld",
					      (1900L + tm->tm_year) / 100);
			break;
		case 'd':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%02d", tm->tm_mday);
			break;
		case 'D':
			al = strftime(tmp, sizeof(tmp), "%m/%d/%y", tm);
			break;
		case 'e':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%2d", tm->tm_mday);
			break;
		case 'F':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%ld-%02d-%02d",
					      1900L + tm->tm_year, tm->tm_mon + 1, tm->tm_mday);
			break;
		case 'g':
			iso_week(tm, &y);
			al = (size_t)snprintf(tmp, sizeof(tmp), "%02ld", ((y % 100) + 100) % 100);
			break;
		case 'G':
			iso_week(tm, &y);
			al = (size_t)snprintf(tmp, sizeof(tmp), "%ld", y);
			break;
		case 'H':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%02d", tm->tm_hour);
			break;
		case 'I':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%02d",
					      tm->tm_hour % 12 ? tm->tm_hour % 12 : 12);
			break;
		case 'j':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%03d", tm->tm_yday + 1);
			break;
		case 'k':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%2d", tm->tm_hour);
			break;
		case 'l':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%2d",
					      tm->tm_hour % 12 ? tm->tm_hour % 12 : 12);
			break;
		case 'm':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%02d", tm->tm_mon + 1);
			break;
		case 'M':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%02d", tm->tm_min);
			break;
		case 'n':
			add = "\n";
			al = 1;
			break;
		case 'p':
			add = tm->tm_hour < 12 ? "AM" : "PM";
			al = 2;
			break;
		case 'P':
			add = tm->tm_hour < 12 ? "am" : "pm";
			al = 2;
			break;
		case 'r':
			al = strftime(tmp, sizeof(tmp), "%I:%M:%S %p", tm);
			break;
		case 'R':
			al = strftime(tmp, sizeof(tmp), "%H:%M", tm);
			break;
		case 's': {
			struct tm c = *tm;
			al = (size_t)snprintf(tmp, sizeof(tmp), "%ld",
					      (long)(timegm(&c) - tm->tm_gmtoff));
			break;
		}
		case 'S':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%02d", tm->tm_sec);
			break;
		case 't':
			add = "\t";
			al = 1;
			break;
		case 'T':
			al = strftime(tmp, sizeof(tmp), "%H:%M:%S", tm);
			break;
		case 'u':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%d",
					      tm->tm_wday ? tm->tm_wday : 7);
			break;
		case 'U':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%02d",
					      (tm->tm_yday + 7 - tm->tm_wday) / 7);
			break;
		case 'V':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%02d", iso_week(tm, &y));
			break;
		case 'w':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%d", tm->tm_wday);
			break;
		case 'W':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%02d",
					      (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7);
			break;
		case 'x':
			al = strftime(tmp, sizeof(tmp), "%m/%d/%y", tm);
			break;
		case 'X':
			al = strftime(tmp, sizeof(tmp), "%H:%M:%S", tm);
			break;
		case 'y':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%02ld",
					      ((1900L + tm->tm_year) % 100 + 100) % 100);
			break;
		case 'Y':
			al = (size_t)snprintf(tmp, sizeof(tmp), "%ld", 1900L + tm->tm_year);
			break;
		case 'z': {
			long off = tm->tm_gmtoff;
			char sign = off < 0 ? '-' : '+';
			if (off < 0)
				off = -off;
			al = (size_t)snprintf(tmp, sizeof(tmp), "%c%02ld%02ld", sign, off / 3600,
					      off / 60 % 60);
			break;
		}
		case 'Z':
			add = tm->tm_zone ? tm->tm_zone : "UTC";
			al = strlen(add);
			break;
		case '%':
			add = "%";
			al = 1;
			break;
		case 0:
			fmt--;
			al = 0;
			break;
		default:
			tmp[0] = '%';
			tmp[1] = *fmt;
			al = 2;
			break;
		}
put:
		if (len + al >= n)
			return 0;
		memcpy(s + len, add, al);
		len += al;
	}
	if (len >= n)
		return 0;
	s[len] = 0;
	return len;
}

char *asctime_r(const struct tm *restrict tm, char *restrict buf)
{
	char tmp[64];
	strftime(tmp, sizeof(tmp), "%a %b %e %H:%M:%S %Y\n", tm);
	/* asctime pads the day with a space, as %e does */
	strcpy(buf, tmp);
	return buf;
}

char *asctime(const struct tm *tm)
{
	static char buf[64];
	return asctime_r(tm, buf);
}

char *ctime_r(const time_t *t, char *buf)
{
	struct tm tm;
	return localtime_r(t, &tm) ? asctime_r(&tm, buf) : 0;
}

char *ctime(const time_t *t)
{
	static char buf[64];
	return ctime_r(t, buf);
}

int utimes(const char *path, const struct timeval tv[2])
{
	struct timespec ts[2];
	if (tv) {
		for (int i = 0; i < 2; i++) {
			ts[i].tv_sec = tv[i].tv_sec;
			ts[i].tv_nsec = tv[i].tv_usec * 1000;
		}
	}
	return (int)__sysret(SYS_utimensat, -100, path, tv ? ts : 0, 0);
}
