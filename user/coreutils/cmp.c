// SPDX-License-Identifier: GPL-2.0
/*
 * cmp: compares two files byte by byte. The first difference is reported as POSIX says,
 * "FILE1 FILE2 differ: char N, line L"; -l lists
 * every differing byte (position and both values in octal), -s says nothing. A shorter file
 * is reported on standard error as "cmp: EOF on NAME after byte N, line L", as GNU does. Status 0 same, 1 different, 2 trouble.
 */
#include <stdio.h>
#include <string.h>

#include "libcu.h"

int main(int argc, char **argv)
{
	int opt, list = 0, silent = 0, status = 0;

	cu_init(argc, argv,
		"[-l|-s] FILE1 [FILE2]\nCompare two files byte by byte.\n"
		"  -l  list every difference\n  -s  silent: only the exit status\n");
	while ((opt = getopt(argc, argv, "ls")) != -1) {
		if (opt == 'l')
			list = 1;
		else if (opt == 's')
			silent = 1;
		else
			cu_usage(2);
	}
	if (argc - optind < 1 || argc - optind > 2) {
		cu_warn(argc - optind < 1 ? "missing operand" : "extra operand '%s'",
			argv[argc - 1]);
		cu_usage(2);
	}
	const char *n1 = argv[optind], *n2 = argc - optind > 1 ? argv[optind + 1] : "-";
	FILE *f1 = strcmp(n1, "-") ? fopen(n1, "r") : stdin;

	if (!f1) {
		if (!silent)
			cu_warn_errno(n1);
		return 2;
	}
	FILE *f2 = strcmp(n2, "-") ? fopen(n2, "r") : stdin;

	if (!f2) {
		if (!silent)
			cu_warn_errno(n2);
		return 2;
	}
	unsigned long long pos = 0, line = 1;
	int last = -1;

	for (;;) {
		int a = getc(f1), b = getc(f2);

		pos++;
		if (a == EOF || b == EOF) {
			if (a == b)
				break;
			if (!silent) {
				const char *shorter = a == EOF ? n1 : n2;

				fflush(stdout);
				if (pos == 1)
					fprintf(stderr, "%s: EOF on %s which is empty\n", prog_name,
						shorter);
				else if (list)
					fprintf(stderr, "%s: EOF on %s after byte %llu\n",
						prog_name, shorter, pos - 1);
				else
					fprintf(stderr,
						"%s: EOF on %s after byte %llu, line %llu\n",
						prog_name, shorter, pos - 1, line - (last == '\n'));
			}
			status = 1;
			break;
		}
		if (a != b) {
			status = 1;
			if (silent)
				break;
			if (!list) {
				printf("%s %s differ: char %llu, line %llu\n", n1, n2, pos, line);
				break;
			}
			printf("%llu %o %o\n", pos, a, b);
		}
		if (a == '\n')
			line++;
		last = a;
	}
	if (ferror(f1) || ferror(f2)) {
		cu_warn_errno(ferror(f1) ? n1 : n2);
		return 2;
	}
	return fflush(stdout) ? 2 : status;
}
