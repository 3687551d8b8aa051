// SPDX-License-Identifier: GPL-2.0
/*
 * mkdir: creates directories. -p creates missing parents (u+wx added to the umask's mode, as
 * POSIX says) and accepts existing directories; -m sets the mode of the last component.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "libcu.h"

static int make_parents(char *path, mode_t parent_mode)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/' || p[-1] == '/')
			continue;
		*p = 0;
		struct stat st;

		if (mkdir(path, parent_mode) && errno != EEXIST) {
			cu_warn_errno(path);
			*p = '/';
			return -1;
		}
		if (!stat(path, &st) && !S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			cu_warn_errno(path);
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

int main(int argc, char **argv)
{
	int opt, parents = 0, status = 0;
	const char *mode_str = NULL;

	cu_init(argc, argv,
		"[-p] [-m MODE] DIR...\nCreate the DIRs.\n  -p       create parents "
		"as needed; no error if a DIR exists\n  -m MODE  the DIRs' mode (as chmod's)\n");
	while ((opt = getopt(argc, argv, "pm:")) != -1) {
		if (opt == 'p')
			parents = 1;
		else if (opt == 'm')
			mode_str = optarg;
		else
			cu_usage(1);
	}
	if (optind >= argc) {
		cu_warn("missing operand");
		cu_usage(1);
	}
	mode_t mask = umask(0);

	umask(mask);
	mode_t mode = 0777 & ~mask;

	if (mode_str && cu_parse_mode(mode_str, 0777, 1, 0, &mode))
		cu_die(1, "invalid mode '%s'", mode_str);
	for (int i = optind; i < argc; i++) {
		char *path = argv[i];
		struct stat st;

		if (parents && make_parents(path, (0777 & ~mask) | 0300)) {
			status = 1;
			continue;
		}
		if (mkdir(path, mode)) {
			if (parents && errno == EEXIST && !stat(path, &st) && S_ISDIR(st.st_mode))
				continue;
			cu_warn_errno(path);
			status = 1;
			continue;
		}
		/* mkdir(2) applies the umask; -m's mode must hold exactly, set-id bits included. */
		if (mode_str && chmod(path, mode)) {
			cu_warn_errno(path);
			status = 1;
		}
	}
	return status;
}
