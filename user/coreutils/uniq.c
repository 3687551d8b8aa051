// SPDX-License-Identifier: GPL-2.0
/*
 * uniq: writes one copy of each run of equal adjacent lines. -c prefixes counts ("%7d "),
 * -d prints only repeated lines, -u only unrepeated ones; -f N skips N fields and -s N then
 * skips N characters before comparing; -i ignores case. INPUT and OUTPUT are optional.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "libcu.h"

static long skip_fields, skip_chars;
static int ignore_case;

static const char *key(const char *s)
{
	for (long f = 0; f < skip_fields; f++) {
		while (*s && isblank((unsigned char)*s))
			s++;
		while (*s && !isblank((unsigned char)*s))
			s++;
	}
	for (long c = 0; c < skip_chars && *s; c++)
		s++;
	return s;
}

static int same(const char *a, const char *b)
{
	a = key(a);
	b = key(b);
	return ignore_case ? !strcasecmp(a, b) : !strcmp(a, b);
}

static long number(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v < 0)
		cu_die(1, "invalid number: '%s'", s);
	return v;
}

int main(int argc, char **argv)
{
	int opt, count = 0, only_dup = 0, only_uniq = 0;

	cu_init(argc, argv,
		"[-c|-d|-u] [-i] [-f FIELDS] [-s CHARS] [INPUT [OUTPUT]]\nFilter out "
		"repeated adjacent lines.\n  -c  prefix lines with their counts\n  -d  only "
		"repeated lines\n  -u  only lines that are not repeated\n  -f N  skip N fields\n"
		"  -s N  skip N characters\n  -i  ignore case\n");
	while ((opt = getopt(argc, argv, "cduif:s:")) != -1) {
		switch (opt) {
		case 'c':
			count = 1;
			break;
		case 'd':
			only_dup = 1;
			break;
		case 'u':
			only_uniq = 1;
			break;
		case 'i':
			ignore_case = 1;
			break;
		case 'f':
			skip_fields = number(optarg);
			break;
		case 's':
			skip_chars = number(optarg);
			break;
		default:
			cu_usage(1);
		}
	}
	if (argc - optind > 2) {
		cu_warn("extra operand '%s'", argv[optind + 2]);
		cu_usage(1);
	}
	FILE *in = stdin, *out = stdout;

	if (optind < argc && strcmp(argv[optind], "-") && !(in = fopen(argv[optind], "r"))) {
		cu_warn_errno(argv[optind]);
		return 1;
	}
	if (optind + 1 < argc && strcmp(argv[optind + 1], "-") &&
	    !(out = fopen(argv[optind + 1], "w"))) {
		cu_warn_errno(argv[optind + 1]);
		return 1;
	}
	char *prev = NULL, *line = NULL;
	size_t prev_cap = 0, cap = 0;
	long n = 0;
	ssize_t len;

	for (;;) {
		len = getline(&line, &cap, in);
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = 0;
		if (len >= 0 && n && same(prev, line)) {
			n++;
			continue;
		}
		if (n && !(only_dup && n == 1) && !(only_uniq && n > 1)) {
			if (count)
				fprintf(out, "%7ld %s\n", n, prev);
			else
				fprintf(out, "%s\n", prev);
		}
		if (len < 0)
			break;
		if ((size_t)len + 1 > prev_cap) {
			prev_cap = len + 1;
			prev = realloc(prev, prev_cap);
		}
		memcpy(prev, line, len + 1);
		n = 1;
	}
	if (ferror(in)) {
		cu_warn_errno(optind < argc ? argv[optind] : "standard input");
		return 1;
	}
	return fflush(out) || ferror(out) ? 1 : 0;
}
