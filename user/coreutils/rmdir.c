// SPDX-License-Identifier: GPL-2.0
/* rmdir: removes empty directories; -p also removes each parent named in the path. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"

int main(int argc, char **argv)
{
	int opt, parents = 0, status = 0;

	cu_init(argc, argv,
		"[-p] DIR...\nRemove the empty DIRs.\n  -p  remove each DIR and "
		"then its parents in the path\n");
	while ((opt = getopt(argc, argv, "p")) != -1) {
		if (opt == 'p')
			parents = 1;
		else
			cu_usage(1);
	}
	if (optind >= argc) {
		cu_warn("missing operand");
		cu_usage(1);
	}
	for (int i = optind; i < argc; i++) {
		char *path = argv[i];

		if (rmdir(path)) {
			cu_warn_errno(path);
			status = 1;
			continue;
		}
		while (parents) {
			size_t len = strlen(path);

			while (len > 1 && path[len - 1] == '/')
				len--;
			while (len && path[len - 1] != '/')
				len--;
			while (len > 1 && path[len - 1] == '/')
				len--;
			if (!len || (len == 1 && path[0] == '/'))
				break;
			path[len] = 0;
			if (rmdir(path)) {
				cu_warn_errno(path);
				status = 1;
				break;
			}
		}
	}
	return status;
}
