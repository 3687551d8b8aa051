// SPDX-License-Identifier: GPL-2.0
/*
 * cp: copies files: "cp SOURCE TARGET" or "cp SOURCE... DIRECTORY". -R/-r copies directory
 * trees (links inside them as links), -p keeps mode, owner and times, -a is -R -P -p, -i asks
 * before overwriting, -f replaces a destination that cannot be opened, -n never overwrites,
 * -P/-L/-H choose whether symbolic links are copied or followed.
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "libcopy.h"
#include "libcu.h"

int main(int argc, char **argv)
{
	struct copy_opts o = { 0 };
	int opt, status = 0, link_opt = 0;

	cu_init(argc, argv,
		"[-RrpaifnvPLH] SOURCE TARGET\n   or: cp [OPTION]... SOURCE... "
		"DIRECTORY\nCopy files.\n  -R, -r  copy directories recursively\n  -p  keep "
		"mode, owner and times\n  -a  -R -P -p\n  -i  ask before overwriting\n  -f  remove "
		"a destination that cannot be opened\n  -n  never overwrite\n  -v  say what is "
		"copied\n  -P  copy symbolic links as links\n  -L  follow symbolic links\n"
		"  -H  follow links named on the command line\n");
	while ((opt = getopt(argc, argv, "RrpaifnvPLHd")) != -1) {
		switch (opt) {
		case 'R':
		case 'r':
			o.recursive = 1;
			break;
		case 'p':
			o.preserve = 1;
			break;
		case 'a':
			o.recursive = o.preserve = 1;
			link_opt = 'P';
			break;
		case 'd':
			link_opt = 'P';
			break;
		case 'i':
			o.interactive = 1;
			o.no_clobber = 0;
			break;
		case 'f':
			o.force = 1;
			o.interactive = 0;
			break;
		case 'n':
			o.no_clobber = 1;
			o.interactive = 0;
			break;
		case 'v':
			o.verbose = 1;
			break;
		case 'P':
		case 'L':
		case 'H':
			link_opt = opt;
			break;
		default:
			cu_usage(1);
		}
	}
	/* -R without -L or -H copies links as links; a plain cp follows them */
	o.no_deref = link_opt == 'P' || link_opt == 'H' || (o.recursive && !link_opt);
	o.deref_args = link_opt == 'H';
	int n = argc - optind;

	if (n < 2) {
		cu_warn(n ? "missing destination file operand after '%s'" : "missing file operand",
			argv[argc - 1]);
		cu_usage(1);
	}
	const char *target = argv[argc - 1];
	struct stat st;
	int target_is_dir = !stat(target, &st) && S_ISDIR(st.st_mode);

	if (n == 2 && !target_is_dir)
		return cu_copy(argv[optind], target, &o);
	if (!target_is_dir) {
		cu_warn("target '%s' is not a directory", target);
		return 1;
	}
	for (int i = optind; i < argc - 1; i++) {
		char *copy = strdup(argv[i]);
		char *dst = cu_join(target, basename(copy));

		status |= cu_copy(argv[i], dst, &o);
		free(dst);
		free(copy);
	}
	return fflush(stdout) ? 1 : status;
}
