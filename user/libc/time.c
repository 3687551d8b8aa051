/*
 * time.h: calendar arithmetic (proleptic Gregorian, any year that fits), local time from a
 * TZif file (/etc/localtime, or $TZ), mktime, strftime in the "C" locale.
 * After a zone's last listed transition, the POSIX TZ rule of the TZif footer decides; a $TZ
 * that names no file is read as such a rule itself.
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
	/* the POSIX TZ rule (a TZif footer, or $TZ itself) for times after the last transition */
	int has_rule, rule_std, rule_dst; /* rule_dst < 0: no daylight saving time */
	struct rule_date {
		char kind; /* 'J' (1..365, no Feb 29), 'N' (0..365), 'M' (month.week.day) */
		int n, m, w, d;
		long secs; /* local time of day of the change */
	} start, end;
};
static struct zone zone;
static volatile int zone_lock;

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* POSIX TZ strings, e.g. "CET-1CEST,M3.5.0,M10.5.0/3" or "<+03>-3". */
static const char *tz_name(const char *p, char *out, size_t n)
{
	size_t k = 0;
	if (*p == '<') {
		for (p++; *p && *p != '>'; p++)
			if (k + 1 < n)
				out[k++] = *p;
		if (*p != '>')
			return 0;
		p++;
	} else {
		for (; (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'); p++)
			if (k + 1 < n)
				out[k++] = *p;
	}
	out[k] = 0;
	return k >= 3 ? p : 0;
}

/* [+-]hh[:mm[:ss]] in seconds */
static const char *tz_hms(const char *p, long *out)
{
	int neg = 0;
	long v = 0, part;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (*p < '0' || *p > '9')
		return 0;
	for (int i = 0; i < 3; i++) {
		for (part = 0; *p >= '0' && *p <= '9'; p++)
			part = part * 10 + (*p - '0');
		v += part * (i == 0 ? 3600 : i == 1 ? 60 : 1);
		if (*p != ':' || i == 2)
			break;
		p++;
	}
	*out = neg ? -v : v;
	return p;
}

static const char *tz_date(const char *p, struct rule_date *r)
{
	long v[3] = { 0, 0, 0 };
	r->kind = *p == 'J' || *p == 'M' ? *p++ : 'N';
	for (int i = 0; i < (r->kind == 'M' ? 3 : 1); i++) {
		if (i && *p++ != '.')
			return 0;
		if (*p < '0' || *p > '9')
			return 0;
		for (; *p >= '0' && *p <= '9'; p++)
			v[i] = v[i] * 10 + (*p - '0');
	}
	r->n = (int)v[0];
	r->m = (int)v[0];
	r->w = (int)v[1];
	r->d = (int)v[2];
	if (r->kind == 'M' && (r->m < 1 || r->m > 12 || r->w < 1 || r->w > 5 || r->d > 6))
		return 0;
	r->secs = 7200;
	if (*p == '/' && !(p = tz_hms(p + 1, &r->secs)))
		return 0;
	return p;
}

/* Parse a rule into two new zone types (std, dst) appended to the zone's tables. */
static int tz_rule(const char *p)
{
	char std[32], dst[32] = "";
	long stdoff, dstoff;
	if (!(p = tz_name(p, std, sizeof(std))) || !(p = tz_hms(p, &stdoff)))
		return -1;
	stdoff = -stdoff; /* POSIX counts west of Greenwich as positive */
	int has_dst = *p && *p != ',';
	if (has_dst) {
		if (!(p = tz_name(p, dst, sizeof(dst))))
			return -1;
		dstoff = stdoff + 3600;
		if (*p && *p != ',') {
			if (!(p = tz_hms(p, &dstoff)))
				return -1;
			dstoff = -dstoff;
		}
		if (*p == ',') {
			if (!(p = tz_date(p + 1, &zone.start)) || *p++ != ',' ||
			    !(p = tz_date(p, &zone.end)))
				return -1;
		} else { /* no rule given: the US rule, as other C libraries assume */
			zone.start = (struct rule_date){ 'M', 0, 3, 2, 0, 7200 };
			zone.end = (struct rule_date){ 'M', 0, 11, 1, 0, 7200 };
		}
	}
	if (*p)
		return -1;
	/* room for two more types and their names */
	int nt = zone.ntypes;
	void *types = realloc(zone.types, (size_t)(nt + 2) * sizeof(*zone.types));
	char *abbrs = realloc(zone.abbrs, (size_t)zone.nabbr + 66);
	if (!types || !abbrs)
		return -1;
	zone.types = types;
	zone.abbrs = abbrs;
	zone.types[nt].off = (int32_t)stdoff;
	zone.types[nt].dst = 0;
	zone.types[nt].abbr = (unsigned char)(zone.nabbr < 255 ? zone.nabbr : 0);
	strcpy(zone.abbrs + zone.nabbr, std);
	zone.nabbr += (int)strlen(std) + 1;
	zone.rule_std = nt;
	zone.rule_dst = -1;
	if (has_dst) {
		zone.types[nt + 1].off = (int32_t)dstoff;
		zone.types[nt + 1].dst = 1;
		zone.types[nt + 1].abbr = (unsigned char)(zone.nabbr < 255 ? zone.nabbr : 0);
		strcpy(zone.abbrs + zone.nabbr, dst);
		zone.nabbr += (int)strlen(dst) + 1;
		zone.rule_dst = nt + 1;
	}
	zone.ntypes = nt + 1 + has_dst;
	zone.has_rule = 1;
	return 0;
}

/* Local seconds since the epoch at which a rule date falls in year y. */
static long rule_local(const struct rule_date *r, long y)
{
	long jan1 = days_from_civil(y, 1, 1), day;
	if (r->kind == 'J')
		day = jan1 + r->n - 1 + (is_leap(y) && r->n >= 60);
	else if (r->kind == 'N')
		day = jan1 + r->n;
	else {
		long first = days_from_civil(y, r->m, 1);
		int wday1 = (int)(((first % 7) + 11) % 7);
		int mday = 1 + (r->d - wday1 + 7) % 7 + (r->w - 1) * 7;
		static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
		int dim = mdays[r->m - 1] + (r->m == 2 && is_leap(y));
		while (mday > dim)
			mday -= 7;
		day = first + mday - 1;
	}
	return day * 86400 + r->secs;
}

static int rule_type(time_t t)
{
	if (zone.rule_dst < 0)
		return zone.rule_std;
	long stdoff = zone.types[zone.rule_std].off, dstoff = zone.types[zone.rule_dst].off;
	long y;
	int m, d;
	civil_from_days(
		(long)((t + stdoff) >= 0 ? (t + stdoff) / 86400 : ((t + stdoff) - 86399) / 86400),
		&y, &m, &d);
	time_t s = rule_local(&zone.start, y) - stdoff; /* the change is given in standard time */
	time_t e = rule_local(&zone.end, y) - dstoff; /* and back in daylight time */
	int in = s < e ? (t >= s && t < e) : !(t >= e && t < s);
	return in ? zone.rule_dst : zone.rule_std;
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
		/* version 2+: a footer "\n<POSIX TZ string>\n" rules the times after the table */
		const unsigned char *f = p + 44 + body;
		if (tsize == 8 && f < end && *f == '\n') {
			const unsigned char *nl = memchr(f + 1, '\n', (size_t)(end - f - 1));
			char rule[128];
			if (nl && nl - f - 1 > 0 && nl - f - 1 < (long)sizeof(rule)) {
				memcpy(rule, f + 1, (size_t)(nl - f - 1));
				rule[nl - f - 1] = 0;
				tz_rule(rule); /* a footer we cannot read leaves the table alone */
			}
		}
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
	zone.ntrans = zone.ntypes = zone.nabbr = zone.has_rule = 0;
	zone.types = 0; /* the old tables are left: tzname may still point into them */
	zone.abbrs = 0;
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
		if (ok < 0) { /* not a zone file: a POSIX rule such as EST5EDT */
			zone.ntrans = zone.ntypes = zone.nabbr = zone.has_rule = 0;
			zone.types = 0;
			zone.abbrs = 0;
			ok = tz_rule(tz);
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
	if (zone.has_rule && (!zone.ntrans || t >= zone.trans[zone.ntrans - 1]))
		return rule_type(t);
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
