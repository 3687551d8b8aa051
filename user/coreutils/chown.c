// SPDX-License-Identifier: GPL-2.0
/*
 * chown: changes the owner (and with OWNER:GROUP, or :GROUP, the group) of files; "OWNER:"
 * changes only the owner (GNU would also take the login group: POSIX does not say so).
 * -R walks directories, -h changes links themselves.
 */
#include <stdio.h>
#include <string.h>

#include "libcu.h"
#include "libowner.h"

int main(int argc, char **argv)
{
	int opt, recursive = 0, no_deref = 0, status = 0;

	cu_init(argc, argv,
		"[-hR] OWNER[:GROUP] FILE...\nChange the owner and group of the "
		"FILEs.\n  -R  recursively\n  -h  change symbolic links, not what they point to\n");
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
	char *spec = argv[optind++];
	char *colon = strchr(spec, ':');
	uid_t uid = (uid_t)-1;
	gid_t gid = (gid_t)-1;

	if (colon)
		*colon = 0;
	if (*spec && cu_parse_uid(spec, &uid))
		cu_die(1, "invalid user: '%s'", spec);
	if (colon && colon[1] && cu_parse_gid(colon + 1, &gid))
		cu_die(1, "invalid group: '%s'", colon + 1);
	for (int i = optind; i < argc; i++)
		status |= cu_chown_tree(argv[i], uid, gid, recursive, no_deref);
	return status;
}
