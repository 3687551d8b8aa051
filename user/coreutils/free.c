// SPDX-License-Identifier: GPL-2.0
/*
 * free: the memory and swap in use and free, from /proc/meminfo, in procps-ng's layout and
 * arithmetic: buff/cache is Buffers + Cached + SReclaimable, used is total - available.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"
#include "libproc.h"

/* The unit: a power of 'base' (0 bytes, 1 kilo ...), or human-readable. */
static int exponent = 1, human, si, wide, total_line;

/* A value given in kB, as procps's scale_size prints it. */
static const char *scale(unsigned long long kb, char *buf, size_t len)
{
	static const char up[] = "BKMGTPE";
	double base = si ? 1000.0 : 1024.0;
	unsigned long long bytes = kb * 1024;

	if (!human) {
		double v = (double)bytes;

		for (int i = 0; i < exponent; i++)
			v /= base;
		/* whole units, cut as procps cuts them; -k and -b stay exact */
		if (exponent == 1 && !si)
			snprintf(buf, len, "%llu", kb);
		else if (exponent == 0)
			snprintf(buf, len, "%llu", bytes);
		else
			snprintf(buf, len, "%llu", (unsigned long long)v);
		return buf;
	}
	if (snprintf(buf, len, "%lluB", bytes) <= 4)
		return buf;
	for (int i = 1; up[i]; i++) {
		double v = (double)bytes;

		for (int k = 0; k < i; k++)
			v /= base;
		/* the shortest that fits: 4 characters with --si, 5 with the 'i' */
		if (snprintf(buf, len, si ? "%.1f%c" : "%.1f%ci", v, up[i]) <= (si ? 4 : 5))
			return buf;
		if (snprintf(buf, len, si ? "%llu%c" : "%llu%ci", (unsigned long long)v, up[i]) <=
		    (si ? 4 : 5))
			return buf;
	}
	return buf;
}

static void row(const char *label, const unsigned long long *v, int n)
{
	char buf[64];

	printf("%-8s", label);
	for (int i = 0; i < n; i++)
		printf(" %11s", scale(v[i], buf, sizeof(buf)));
	putchar('\n');
}

static int report(void)
{
	struct cu_meminfo m;

	if (cu_meminfo(&m)) {
		cu_warn_errno("/proc/meminfo");
		return 1;
	}
	if (wide) {
		unsigned long long v[] = { m.total,  m.used,	m.free,
					   m.shared, m.buffers, m.cached + m.sreclaimable,
					   m.avail };

		printf("               total        used        free      shared     buffers"
		       "       cache   available\n");
		row("Mem:", v, 7);
	} else {
		unsigned long long v[] = {
			m.total, m.used, m.free, m.shared, m.buff_cache, m.avail
		};

		printf("               total        used        free      shared  buff/cache"
		       "   available\n");
		row("Mem:", v, 6);
	}
	{
		unsigned long long v[] = { m.swap_total, m.swap_total - m.swap_free, m.swap_free };

		row("Swap:", v, 3);
	}
	if (total_line) {
		unsigned long long v[] = { m.total + m.swap_total,
					   m.used + m.swap_total - m.swap_free,
					   m.free + m.swap_free };

		row("Total:", v, 3);
	}
	return 0;
}

int main(int argc, char **argv)
{
	enum {
		KILO = 256,
		MEGA,
		GIGA,
		TERA,
		PETA,
		TEBI,
		PEBI,
		SI,
		HELP
	};
	static const struct option longs[] = {
		{ "bytes", no_argument, NULL, 'b' },
		{ "kilo", no_argument, NULL, KILO },
		{ "mega", no_argument, NULL, MEGA },
		{ "giga", no_argument, NULL, GIGA },
		{ "tera", no_argument, NULL, TERA },
		{ "peta", no_argument, NULL, PETA },
		{ "kibi", no_argument, NULL, 'k' },
		{ "mebi", no_argument, NULL, 'm' },
		{ "gibi", no_argument, NULL, 'g' },
		{ "tebi", no_argument, NULL, TEBI },
		{ "pebi", no_argument, NULL, PEBI },
		{ "human", no_argument, NULL, 'h' },
		{ "si", no_argument, NULL, SI },
		{ "total", no_argument, NULL, 't' },
		{ "wide", no_argument, NULL, 'w' },
		{ "seconds", required_argument, NULL, 's' },
		{ "count", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	double delay = 0;
	long count = -1;
	int opt, status;
	char *end;

	cu_init(argc, argv,
		"[-b|-k|-m|-g|-h] [--si] [-t] [-w] [-s SECS] [-c COUNT]\n"
		"Show the memory and swap used and free, from /proc/meminfo (kibibytes unless\n"
		"told: -b bytes, -m mebibytes, -g gibibytes, -h the shortest unit; --si powers\n"
		"of 1000; --kilo --mega --giga --tera --peta --tebi --pebi). -t adds a total,\n"
		"-w splits buffers from cache, -s repeats every SECS seconds, -c COUNT times.\n");
	while ((opt = getopt_long(argc, argv, "bkmghtws:c:", longs, NULL)) != -1) {
		switch (opt) {
		case 'b':
			exponent = 0;
			break;
		case 'k':
			exponent = 1;
			break;
		case 'm':
			exponent = 2;
			break;
		case 'g':
			exponent = 3;
			break;
		case TEBI:
			exponent = 4;
			break;
		case PEBI:
			exponent = 5;
			break;
		case KILO:
		case MEGA:
		case GIGA:
		case TERA:
		case PETA:
			exponent = opt - KILO + 1;
			si = 1;
			break;
		case 'h':
			human = 1;
			break;
		case SI:
			si = 1;
			break;
		case 't':
			total_line = 1;
			break;
		case 'w':
			wide = 1;
			break;
		case 's':
			delay = strtod(optarg, &end);
			if (*end || end == optarg || delay < 0) {
				cu_warn("seconds argument '%s' failed", optarg);
				cu_usage(1);
			}
			break;
		case 'c':
			count = strtol(optarg, &end, 10);
			if (*end || end == optarg || count < 1) {
				cu_warn("failed to parse count argument: '%s'", optarg);
				cu_usage(1);
			}
			break;
		default:
			cu_usage(1);
		}
	}
	if (optind < argc) {
		cu_warn("extra operand '%s'", argv[optind]);
		cu_usage(1);
	}
	if (count > 0 && delay == 0)
		delay = 1;
	if (count < 0)
		count = delay > 0 ? -1 : 1;
	for (long i = 0; count < 0 || i < count; i++) {
		if (i) {
			putchar('\n');
			fflush(stdout);
			usleep((useconds_t)(delay * 1e6));
		}
		status = report();
		if (status)
			return status;
	}
	return fflush(stdout) ? 1 : 0;
}
