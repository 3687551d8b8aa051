// SPDX-License-Identifier: GPL-2.0
/*
 * readlink: what symbolic links point to. -f canonicalizes instead (every component but the
 * last must exist), -e requires all to exist, -m none; -n leaves out the newline.
 * Status 1 when a file is not a link (without -f) or cannot be resolved.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcu.h"
#include "libpath.h"

int main(int argc, char **argv)
{
	int opt, canon = 0, no_newline = 0, quiet = 1, status = 0;

	cu_init(argc, argv,
		"[-f|-e|-m] [-nqsv] FILE...\nPrint what symbolic links point to.\n"
		"  -f  canonicalize: all but the last component must exist\n  -e  canonicalize: all "
		"must exist\n  -m  canonicalize: none need exist\n  -n  no newline\n"
		"  -v  report errors\n");
	while ((opt = getopt(argc, argv, "femnqsv")) != -1) {
		switch (opt) {
		case 'f':
			canon = CANON_LAST_MAY_MISS;
			break;
		case 'e':
			canon = CANON_ALL_EXIST;
			break;
		case 'm':
			canon = CANON_MISSING_OK;
			break;
		case 'n':
			no_newline = 1;
			break;
		case 'q':
		case 's':
			quiet = 1;
			break;
		case 'v':
			quiet = 0;
			break;
		default:
			cu_usage(1);
		}
	}
	if (optind >= argc) {
		cu_warn("missing operand");
		cu_usage(1);
	}
	/* with several operands the newline stays, or they would run together */
	if (argc - optind > 1)
		no_newline = 0;
	for (int i = optind; i < argc; i++) {
		char buf[PATH_MAX + 1];

		if (canon) {
			char *r = cu_canonicalize(argv[i], canon);

			if (!r) {
				if (!quiet)
					cu_warn_errno(argv[i]);
				status = 1;
				continue;
			}
			printf("%s%s", r, no_newline ? "" : "\n");
			free(r);
			continue;
		}
		ssize_t n = readlink(argv[i], buf, PATH_MAX);

		if (n < 0) {
			if (!quiet)
				cu_warn_errno(argv[i]);
			status = 1;
			continue;
		}
		buf[n] = 0;
		printf("%s%s", buf, no_newline ? "" : "\n");
	}
	return fflush(stdout) ? 1 : status;
}
