// SPDX-License-Identifier: GPL-2.0
/*
 * date: prints the time (now, -d DATE's, or -r FILE's mtime) as +FORMAT says, strftime's
 * conversions plus GNU's %N (nanoseconds) and the flags -, _, 0 and ^ after the %; the default
 * is "%a %b %e %H:%M:%S %Z %Y". -u uses UTC; -I[date|hours|minutes|seconds] and -R give ISO
 * 8601 and RFC 5322 forms. Setting the clock is left for when the kernel has clock_settime.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "libcu.h"

/* One conversion with GNU's padding flags applied. */
static void convert(char flag, int width, char conv, const struct tm *tm, long nsec)
{
	char fmt[4] = { '%', conv, 0 }, out[256];

	if (conv == 'N') {
		snprintf(out, sizeof(out), "%09ld", nsec);
		if (width > 0 && width < 9)
			out[width] = 0;
	} else if (!strftime(out, sizeof(out), fmt, tm)) {
		out[0] = 0;
	}
	char *s = out;

	if (flag == '-' || flag == '_' || flag == '0') {
		/* numbers only: the padding (zeros or blanks) goes, or changes */
		size_t lead = 0;

		while ((s[lead] == '0' || s[lead] == ' ') && isdigit((unsigned char)s[lead + 1]))
			lead++;
		if (lead || flag != '0') {
			char digits[256];

			snprintf(digits, sizeof(digits), "%s", s + lead);
			if (flag == '-')
				snprintf(out, sizeof(out), "%s", digits);
			else
				snprintf(out, sizeof(out), "%*s", (int)(strlen(s)), digits);
			if (flag == '_')
				;
			else if (flag == '0')
				for (char *p = out; *p == ' '; p++)
					*p = '0';
			s = out;
		}
	} else if (flag == '^') {
		for (char *p = s; *p; p++)
			*p = toupper((unsigned char)*p);
	}
	if (width > 0 && conv != 'N' && (int)strlen(s) < width) {
		/* numbers pad with zeros (unless _), words with blanks (unless 0) */
		int numeric = isdigit((unsigned char)s[strspn(s, " ")]);
		char pad = flag == '_' ? ' ' : flag == '0' || numeric ? '0' : ' ';

		s += strspn(s, numeric ? " 0" : " ");
		if (numeric && !*s)
			s--;
		for (int i = strlen(s); i < width; i++)
			putchar(pad);
	}
	fputs(s, stdout);
}

static void print_format(const char *fmt, const struct tm *tm, long nsec)
{
	for (const char *p = fmt; *p; p++) {
		if (*p != '%' || !p[1]) {
			putchar(*p);
			continue;
		}
		p++;
		char flag = 0;
		int width = 0;

		if (strchr("-_0^#", *p))
			flag = *p++;
		while (isdigit((unsigned char)*p))
			width = width * 10 + (*p++ - '0');
		if (!*p)
			break;
		if (*p == 'E' || *p == 'O') /* alternative forms: none in the C locale */
			p++;
		convert(flag, width, *p, tm, nsec);
	}
	putchar('\n');
}

int main(int argc, char **argv)
{
	int opt;
	const char *date_str = NULL, *ref = NULL, *iso = NULL, *fmt = NULL;
	int rfc = 0;
	struct timespec ts;

	cu_init(argc, argv,
		"[-u] [-d DATE | -r FILE] [-I[TIMESPEC] | -R] [+FORMAT]\n"
		"Print the date and time.\n  -d DATE  "
		"YYYY-MM-DD[ HH:MM[:SS]], HH:MM[:SS] or @SECONDS instead of now\n  -r FILE  FILE's "
		"modification time\n  -u       UTC\n  -I       ISO 8601 (date, hours, minutes, "
		"seconds)\n  -R       RFC 5322\n");
	clock_gettime(CLOCK_REALTIME, &ts);
	while ((opt = getopt(argc, argv, "ud:r:I::R")) != -1) {
		switch (opt) {
		case 'u':
			setenv("TZ", "UTC0", 1);
			tzset();
			break;
		case 'd':
			date_str = optarg;
			break;
		case 'r':
			ref = optarg;
			break;
		case 'I':
			iso = optarg ? optarg : "date";
			break;
		case 'R':
			rfc = 1;
			break;
		default:
			cu_usage(1);
		}
	}
	if (date_str && strcmp(date_str, "now") && cu_parse_date(date_str, &ts))
		cu_die(1, "invalid date '%s'", date_str);
	if (ref) {
		struct stat st;

		if (stat(ref, &st)) {
			cu_warn_errno(ref);
			return 1;
		}
		ts = st.st_mtim;
	}
	for (; optind < argc; optind++) {
		if (argv[optind][0] == '+') {
			if (fmt)
				cu_die(1, "multiple output formats specified");
			fmt = argv[optind] + 1;
			continue;
		}
		/* Setting the clock needs clock_settime, which neither our libc nor the kernel
		 * has yet: say so rather than pretend. */
		cu_warn("invalid date '%s' (setting the clock is not supported yet)", argv[optind]);
		cu_usage(1);
	}
	if (iso) {
		if (!strcmp(iso, "date"))
			fmt = "%Y-%m-%d";
		else if (!strcmp(iso, "hours"))
			fmt = "%Y-%m-%dT%H%:z";
		else if (!strcmp(iso, "minutes"))
			fmt = "%Y-%m-%dT%H:%M%:z";
		else if (!strcmp(iso, "seconds"))
			fmt = "%Y-%m-%dT%H:%M:%S%:z";
		else if (!strcmp(iso, "ns"))
			fmt = "%Y-%m-%dT%H:%M:%S,%N%:z";
		else
			cu_die(1, "invalid argument '%s' for '--iso-8601'", iso);
	}
	if (rfc)
		fmt = "%a, %d %b %Y %H:%M:%S %z";
	if (!fmt)
		fmt = "%a %b %e %H:%M:%S %Z %Y";
	struct tm tm;

	localtime_r(&ts.tv_sec, &tm);
	/* %:z is GNU's +hh:mm: done here, as strftime has only %z */
	char *expanded = malloc(strlen(fmt) * 2 + 16), *o = expanded;

	for (const char *p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == ':' && p[2] == 'z') {
			char z[16];

			strftime(z, sizeof(z), "%z", &tm);
			o += sprintf(o, "%.3s:%s", z, z + 3);
			p += 2;
		} else if (p[0] == '%' && p[1] == '%') {
			*o++ = '%';
			*o++ = '%';
			p++;
		} else {
			*o++ = *p;
		}
	}
	*o = 0;
	print_format(expanded, &tm, ts.tv_nsec);
	free(expanded);
	return fflush(stdout) ? 1 : 0;
}
