// SPDX-License-Identifier: GPL-2.0
/*
 * uptime: the time, how long the system has been up, the users and the load averages, in
 * procps's line; -p the time up in words, -s the moment it came up. No utmp is kept, so the
 * count of users is always 0 ("0 users").
 */
#include <getopt.h>
#include <stdio.h>
#include <time.h>

#include "libcu.h"
#include "libproc.h"

int main(int argc, char **argv)
{
	static const struct option longs[] = {
		{ "pretty", no_argument, NULL, 'p' },
		{ "since", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	int opt, pretty = 0, since = 0;
	char line[256];

	cu_init(argc, argv,
		"[-p] [-s]\n"
		"Show the time, how long the system has been up, the number of users and the\n"
		"load averages of the last 1, 5 and 15 minutes. -p says the time up in words,\n"
		"-s the date and time the system came up.\n");
	while ((opt = getopt_long(argc, argv, "ps", longs, NULL)) != -1) {
		switch (opt) {
		case 'p':
			pretty = 1;
			break;
		case 's':
			since = 1;
			break;
		default:
			cu_usage(1);
		}
	}
	if (optind < argc) {
		cu_warn("extra operand '%s'", argv[optind]);
		cu_usage(1);
	}
	if (since) {
		double up = cu_uptime();
		/* whole seconds, as procps counts them */
		time_t boot = time(NULL) - (time_t)up;
		struct tm tm;

		if (up < 0)
			goto fail;
		localtime_r(&boot, &tm);
		strftime(line, sizeof(line), "%Y-%m-%d %H:%M:%S", &tm);
	} else if (pretty ? cu_uptime_pretty(line, sizeof(line))
			  : cu_uptime_line(line, sizeof(line), " ")) {
		goto fail;
	}
	puts(line);
	return fflush(stdout) ? 1 : 0;
fail:
	cu_warn_errno("/proc/uptime");
	return 1;
}
