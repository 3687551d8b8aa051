// SPDX-License-Identifier: GPL-2.0
/*
 * touch: sets files' access and modification times (to now, to -d DATE, to -t STAMP, or to
 * -r FILE's), creating missing files unless -c. -a or -m alone changes only that time; -h
 * changes a symbolic link's own times (and never creates: a link is not made here).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "libcu.h"

/* -t [[CC]YY]MMDDhhmm[.SS] */
static int parse_stamp(const char *s, struct timespec *ts)
{
	const char *dot = strchr(s, '.');
	size_t len = dot ? (size_t)(dot - s) : strlen(s);
	struct tm tm = { 0 };
	int v[6], n = 0;
	time_t now = time(NULL);

	if ((len != 8 && len != 10 && len != 12) || strspn(s, "0123456789") != len)
		return -1;
	if (dot && (strlen(dot + 1) != 2 || strspn(dot + 1, "0123456789") != 2))
		return -1;
	for (size_t i = 0; i < len; i += 2)
		v[n++] = (s[i] - '0') * 10 + (s[i + 1] - '0');
	int k = 0;

	if (n == 6) {
		tm.tm_year = v[0] * 100 + v[1] - 1900;
		k = 2;
	} else if (n == 5) {
		/* POSIX: 69-99 are 19YY, 00-68 are 20YY */
		tm.tm_year = v[0] < 69 ? v[0] + 100 : v[0];
		k = 1;
	} else {
		tm.tm_year = localtime(&now)->tm_year;
	}
	tm.tm_mon = v[k] - 1;
	tm.tm_mday = v[k + 1];
	tm.tm_hour = v[k + 2];
	tm.tm_min = v[k + 3];
	tm.tm_sec = dot ? atoi(dot + 1) : 0;
	if (tm.tm_mon > 11 || tm.tm_mon < 0 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
	    tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
		return -1;
	tm.tm_isdst = -1;
	ts->tv_sec = mktime(&tm);
	ts->tv_nsec = 0;
	return 0;
}

int main(int argc, char **argv)
{
	int opt, only_a = 0, only_m = 0, no_create = 0, status = 0, given = 0, at_flags = 0;
	const char *ref = NULL;
	struct timespec times[2];

	cu_init(argc, argv,
		"[-achm] [-d DATE | -r FILE | -t STAMP] FILE...\nSet the FILEs' times "
		"(creating them).\n  -a        access time only\n  -m        modification time "
		"only\n  -c        do not create files\n  -h        a symbolic link's own times "
		"(-r too)\n  -d DATE   YYYY-MM-DD[ HH:MM[:SS]] or "
		"@SECONDS\n  -r FILE   FILE's times\n  -t STAMP  [[CC]YY]MMDDhhmm[.SS]\n");
	while ((opt = getopt(argc, argv, "achmd:r:t:f")) != -1) {
		switch (opt) {
		case 'a':
			only_a = 1;
			break;
		case 'm':
			only_m = 1;
			break;
		case 'c':
			no_create = 1;
			break;
		case 'f':
			break;
		case 'h':
			at_flags = AT_SYMLINK_NOFOLLOW;
			break;
		case 'd':
			if (cu_parse_date(optarg, &times[0]))
				cu_die(1, "invalid date format '%s'", optarg);
			times[1] = times[0];
			given = 1;
			break;
		case 't':
			if (parse_stamp(optarg, &times[0]))
				cu_die(1, "invalid date format '%s'", optarg);
			times[1] = times[0];
			given = 1;
			break;
		case 'r':
			ref = optarg; /* read once -h is known: GNU takes the link's own times */
			break;
		default:
			cu_usage(1);
		}
	}
	if (optind >= argc) {
		cu_warn("missing file operand");
		cu_usage(1);
	}
	if (ref) {
		struct stat st;

		if (at_flags ? lstat(ref, &st) : stat(ref, &st)) {
			cu_warn_errno(ref);
			return 1;
		}
		times[0] = st.st_atim;
		times[1] = st.st_mtim;
		given = 1;
	}
	if (!given) {
		times[0].tv_nsec = times[1].tv_nsec = UTIME_NOW;
	}
	if (only_a && !only_m)
		times[1].tv_nsec = UTIME_OMIT;
	if (only_m && !only_a)
		times[0].tv_nsec = UTIME_OMIT;
	for (int i = optind; i < argc; i++) {
		const char *path = argv[i];

		if (utimensat(AT_FDCWD, path, times, at_flags) == 0)
			continue;
		if (errno != ENOENT || (at_flags && !no_create)) {
			cu_warn_errno(path);
			status = 1;
			continue;
		}
		if (no_create)
			continue;
		int fd = open(path, O_WRONLY | O_CREAT, 0666);

		if (fd < 0 || futimens(fd, times)) {
			cu_warn_errno(path);
			status = 1;
		}
		if (fd >= 0)
			close(fd);
	}
	return status;
}
