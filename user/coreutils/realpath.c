// SPDX-License-Identifier: GPL-2.0
/*
 * realpath: the canonical absolute path of each file. By default all but the last component
 * must exist; -e: all must; -m: none need; -s normalizes without resolving links; -q hides
 * the errors. Status 1 if any file could not be resolved.
 */
#include <stdio.h>
#include <stdlib.h>

#include "libcu.h"
#include "libpath.h"

int main(int argc, char **argv)
{
	int opt, mode = CANON_LAST_MAY_MISS, no_links = 0, quiet = 0, status = 0;

	cu_init(argc, argv,
		"[-e|-m] [-qs] FILE...\nPrint the canonical absolute path of each "
		"FILE.\n  -e  all components must exist\n  -m  no component need exist\n"
		"  -s  do not resolve symbolic links\n  -q  no error messages\n");
	while ((opt = getopt(argc, argv, "emqs")) != -1) {
		switch (opt) {
		case 'e':
			mode = CANON_ALL_EXIST;
			break;
		case 'm':
			mode = CANON_MISSING_OK;
			break;
		case 'q':
			quiet = 1;
			break;
		case 's':
			no_links = 1;
			break;
		default:
			cu_usage(1);
		}
	}
	if (optind >= argc) {
		cu_warn("missing operand");
		cu_usage(1);
	}
	for (int i = optind; i < argc; i++) {
		char *r = no_links ? cu_normalize(argv[i]) : cu_canonicalize(argv[i], mode);

		if (!r) {
			if (!quiet)
				cu_warn_errno(argv[i]);
			status = 1;
			continue;
		}
		puts(r);
		free(r);
	}
	return fflush(stdout) ? 1 : status;
}
