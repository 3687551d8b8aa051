// SPDX-License-Identifier: GPL-2.0
/*
 * cut: selected bytes (-b), characters (-c, which are bytes here: the C locale) or fields
 * (-f, split by -d, default tab) of each line. A list is "N", "N-M", "N-" or "-M", separated
 * by commas or blanks. -s drops lines without a delimiter; -n is accepted and changes nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcu.h"

struct range {
	long lo, hi;
};

static struct range *ranges;
static int nranges;
static long max_hi;

static int selected(long pos)
{
	for (int i = 0; i < nranges; i++)
		if (pos >= ranges[i].lo && pos <= ranges[i].hi)
			return 1;
	return 0;
}

static void parse_list(const char *s)
{
	char *copy = strdup(s), *save, *tok;

	for (tok = strtok_r(copy, ", \t", &save); tok; tok = strtok_r(NULL, ", \t", &save)) {
		struct range r;
		char *end, *dash = strchr(tok, '-');

		if (dash == tok) {
			r.lo = 1;
			r.hi = strtol(tok + 1, &end, 10);
			if (end == tok + 1 || *end)
				goto bad;
		} else {
			r.lo = strtol(tok, &end, 10);
			if (end == tok)
				goto bad;
			if (*end == '-') {
				char *e2;

				r.hi = end[1] ? strtol(end + 1, &e2, 10) : __LONG_MAX__;
				if (end[1] && (*e2 || e2 == end + 1))
					goto bad;
			} else if (*end) {
				goto bad;
			} else {
				r.hi = r.lo;
			}
		}
		if (r.lo < 1)
			cu_die(1, "byte/character positions and fields are numbered from 1");
		if (r.hi < r.lo)
			cu_die(1, "invalid decreasing range");
		ranges = realloc(ranges, (nranges + 1) * sizeof(*ranges));
		ranges[nranges++] = r;
		if (r.hi > max_hi)
			max_hi = r.hi;
	}
	free(copy);
	if (!nranges)
		goto bad;
	return;
bad:
	cu_die(1, "invalid byte, character or field list '%s'", s);
}

int main(int argc, char **argv)
{
	static char *dash[] = { "-", NULL };
	int opt, mode = 0, only_delimited = 0, status = 0;
	char delim = '\t';
	const char *list = NULL;

	cu_init(argc, argv,
		"-b LIST [-n] [FILE]...\n   or: cut -c LIST [FILE]...\n   or: cut -f "
		"LIST [-d DELIM] [-s] [FILE]...\nPrint selected parts of each line.\n  -b LIST  "
		"bytes\n  -c LIST  characters\n  -f LIST  fields\n  -d DELIM field delimiter (tab)\n"
		"  -s       only lines that contain the delimiter\n");
	while ((opt = getopt(argc, argv, "b:c:f:d:sn")) != -1) {
		switch (opt) {
		case 'b':
		case 'c':
		case 'f':
			if (mode)
				cu_die(1, "only one type of list may be specified");
			mode = opt;
			list = optarg;
			break;
		case 'd':
			if (strlen(optarg) > 1)
				cu_die(1, "the delimiter must be a single character");
			delim = *optarg;
			break;
		case 's':
			only_delimited = 1;
			break;
		case 'n':
			break;
		default:
			cu_usage(1);
		}
	}
	if (!mode) {
		cu_warn("you must specify a list of bytes, characters, or fields");
		cu_usage(1);
	}
	parse_list(list);
	char **files = optind < argc ? argv + optind : dash;
	char *line = NULL;
	size_t cap = 0;

	for (; *files; files++) {
		FILE *f = strcmp(*files, "-") ? fopen(*files, "r") : stdin;
		ssize_t len;

		if (!f) {
			cu_warn_errno(*files);
			status = 1;
			continue;
		}
		while ((len = getline(&line, &cap, f)) > 0) {
			int nl = line[len - 1] == '\n';

			if (nl)
				line[--len] = 0;
			if (mode != 'f') {
				for (ssize_t i = 0; i < len; i++)
					if (selected(i + 1))
						putchar(line[i]);
				putchar('\n');
				continue;
			}
			if (!memchr(line, delim, len)) {
				if (!only_delimited)
					printf("%s\n", line);
				continue;
			}
			long field = 1;
			int printed = 0;
			char *start = line;

			for (;;) {
				char *end = memchr(start, delim, line + len - start);
				size_t flen = end ? (size_t)(end - start) : strlen(start);

				if (selected(field)) {
					if (printed++)
						putchar(delim);
					fwrite(start, 1, flen, stdout);
				}
				if (!end)
					break;
				start = end + 1;
				field++;
			}
			putchar('\n');
		}
		if (ferror(f)) {
			cu_warn_errno(*files);
			status = 1;
		}
		if (f != stdin)
			fclose(f);
	}
	return fflush(stdout) ? 1 : status;
}
