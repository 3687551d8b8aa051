// SPDX-License-Identifier: GPL-2.0
/*
 * ln: makes links: "ln SOURCE TARGET", or "ln SOURCE... DIR" for DIR/basename(SOURCE). -s
 * makes symbolic links (the SOURCE text as given), -f replaces existing targets, -n treats a
 * symbolic link to a directory as a file, -L/-P follow a SOURCE link or not (hard links).
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "libcu.h"

static int symbolic, force, no_deref, follow_src;

static int is_dir(const char *path)
{
	struct stat st;

	if (no_deref ? lstat(path, &st) : stat(path, &st))
		return 0;
	return S_ISDIR(st.st_mode);
}

static int make_link(const char *src, const char *dst)
{
	if (force) {
		struct stat a, b;

		/* Replacing a file by a hard link to itself would lose it. */
		if (!symbolic && !stat(src, &a) && !lstat(dst, &b) && a.st_ino == b.st_ino &&
		    a.st_dev == b.st_dev) {
			cu_warn("'%s' and '%s' are the same file", src, dst);
			return 1;
		}
		if (unlink(dst) && errno != ENOENT) {
			cu_warn_errno(dst);
			return 1;
		}
	}
	int r = symbolic ? symlink(src, dst)
			 : linkat(AT_FDCWD, src, AT_FDCWD, dst, follow_src ? AT_SYMLINK_FOLLOW : 0);

	if (r) {
		cu_warn_errno(errno == ENOENT && !symbolic && access(src, F_OK) ? src : dst);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int opt, status = 0;

	cu_init(argc, argv,
		"[-fnsLP] SOURCE TARGET\n   or: ln [-fnsLP] SOURCE... DIRECTORY\n"
		"Make links.\n  -s  symbolic links\n  -f  remove existing targets\n  -n  a link "
		"to a directory as TARGET is a file\n  -L  hard-link what a SOURCE link points to\n"
		"  -P  hard-link a SOURCE link itself (default)\n");
	while ((opt = getopt(argc, argv, "fnsLP")) != -1) {
		switch (opt) {
		case 's':
			symbolic = 1;
			break;
		case 'f':
			force = 1;
			break;
		case 'n':
			no_deref = 1;
			break;
		case 'L':
			follow_src = 1;
			break;
		case 'P':
			follow_src = 0;
			break;
		default:
			cu_usage(1);
		}
	}
	int n = argc - optind;

	if (n < 1) {
		cu_warn("missing file operand");
		cu_usage(1);
	}
	if (n == 1) {
		/* GNU's extension: one operand links it into the current directory. */
		char *copy = strdup(argv[optind]);

		return make_link(argv[optind], basename(copy));
	}
	const char *last = argv[argc - 1];

	if (n == 2 && !is_dir(last))
		return make_link(argv[optind], last);
	if (!is_dir(last)) {
		errno = ENOTDIR;
		cu_warn_errno(last);
		return 1;
	}
	for (int i = optind; i < argc - 1; i++) {
		char *copy = strdup(argv[i]);
		char *dst = cu_join(last, basename(copy));

		status |= make_link(argv[i], dst);
		free(dst);
		free(copy);
	}
	return status;
}
