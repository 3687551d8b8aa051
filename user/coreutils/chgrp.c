// SPDX-License-Identifier: GPL-2.0
/* chgrp: changes the group of files; -R walks directories, -h changes links themselves. */
#include <stdio.h>
#include <string.h>

#include "libcu.h"
#include "libowner.h"

int main(int argc, char **argv)
{
	int opt, recursive = 0, no_deref = 0, status = 0;

	cu_init(argc, argv,
		"[-hR] GROUP FILE...\nChange the group of the FILEs.\n"
		"  -R  recursively\n  -h  change symbolic links, not what they point to\n");
	while ((opt = getopt(argc, argv, "hRHLP")) != -1) {
		if (opt == 'R')
			recursive = 1;
		else if (opt == 'h')
			no_deref = 1;
		else if (!strchr("HLP", opt))
			cu_usage(1);
	}
	if (argc - optind < 2) {
		cu_warn("missing operand");
		cu_usage(1);
	}
	gid_t gid;

	if (cu_parse_gid(argv[optind], &gid))
		cu_die(1, "invalid group: '%s'", argv[optind]);
	for (int i = optind + 1; i < argc; i++)
		status |= cu_chown_tree(argv[i], (uid_t)-1, gid, recursive, no_deref);
	return status;
}
