// SPDX-License-Identifier: GPL-2.0
/*
 * umount: detaches the file systems mounted on the operands with umount2(2); -l detaches
 * lazily (MNT_DETACH), -f forces (MNT_FORCE).
 */
#include <getopt.h>
#include <stdio.h>
#include <sys/mount.h>

#include "libcu.h"

int main(int argc, char **argv)
{
	static const struct option longs[] = {
		{ "lazy", no_argument, NULL, 'l' },
		{ "force", no_argument, NULL, 'f' },
		{ "verbose", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	int opt, flags = 0, status = 0, verbose = 0;

	cu_init(argc, argv,
		"[-l] [-f] [-v] DIR...\n"
		"Detach the file systems mounted on each DIR; -l lazily (once no longer busy),\n"
		"-f by force.\n");
	while ((opt = getopt_long(argc, argv, "lfvn", longs, NULL)) != -1) {
		switch (opt) {
		case 'l':
			flags |= MNT_DETACH;
			break;
		case 'f':
			flags |= MNT_FORCE;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'n':
			break; /* no mtab is kept */
		default:
			cu_usage(1);
		}
	}
	if (optind >= argc) {
		cu_warn("missing operand");
		cu_usage(1);
	}
	for (int i = optind; i < argc; i++) {
		if (umount2(argv[i], flags)) {
			cu_warn_errno(argv[i]);
			status = 32;
		} else if (verbose) {
			printf("%s: %s unmounted\n", prog_name, argv[i]);
		}
	}
	return fflush(stdout) ? 1 : status;
}
