// SPDX-License-Identifier: GPL-2.0
/*
 * mv: moves (renames) files: "mv SOURCE TARGET" or "mv SOURCE... DIRECTORY". Across file
 * systems it copies (as cp -a) and removes the source. -i asks before overwriting, -f never
 * asks, -n never overwrites.
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libcopy.h"
#include "libcu.h"

static int interactive, force, no_clobber, verbose;

static int remove_tree(const char *path, const struct stat *st, int pre, int depth, void *arg)
{
	if (pre && S_ISDIR(st->st_mode))
		return 0;
	if (S_ISDIR(st->st_mode) ? rmdir(path) : unlink(path)) {
		cu_warn_errno(path);
		return 1;
	}
	return 0;
}

static int move(const char *src, const char *dst)
{
	struct stat s, d;

	if (lstat(src, &s)) {
		cu_warn_errno(src);
		return 1;
	}
	if (!lstat(dst, &d)) {
		if (s.st_dev == d.st_dev && s.st_ino == d.st_ino) {
			cu_warn("'%s' and '%s' are the same file", src, dst);
			return 1;
		}
		if (no_clobber)
			return 0;
		/* POSIX: ask when -i, or when the target is not writable and input a terminal */
		if ((interactive || (!force && access(dst, W_OK) && isatty(0))) &&
		    !cu_ask_overwrite(dst))
			return 0;
		if (S_ISDIR(d.st_mode) && !S_ISDIR(s.st_mode)) {
			cu_warn("cannot overwrite directory '%s' with non-directory", dst);
			return 1;
		}
		if (!S_ISDIR(d.st_mode) && S_ISDIR(s.st_mode)) {
			cu_warn("cannot overwrite non-directory '%s' with directory '%s'", dst,
				src);
			return 1;
		}
	}
	if (verbose)
		printf("renamed '%s' -> '%s'\n", src, dst);
	if (!rename(src, dst))
		return 0;
	if (errno != EXDEV) {
		if (errno == EINVAL)
			cu_warn("cannot move '%s' to a subdirectory of itself, '%s'", src, dst);
		else
			cu_warn_errno(src);
		return 1;
	}
	struct copy_opts o = { .recursive = 1, .preserve = 1, .no_deref = 1, .force = 1 };

	if (!lstat(dst, &d) && S_ISDIR(d.st_mode) && rmdir(dst)) {
		cu_warn_errno(dst);
		return 1;
	}
	if (cu_copy(src, dst, &o))
		return 1;
	return cu_walk(src, remove_tree, NULL);
}

int main(int argc, char **argv)
{
	int opt, status = 0;

	cu_init(argc, argv,
		"[-fin] SOURCE TARGET\n   or: mv [-fin] SOURCE... DIRECTORY\nMove "
		"(rename) files.\n  -i  ask before overwriting\n  -f  never ask\n  -n  never "
		"overwrite\n  -v  say what is moved\n");
	while ((opt = getopt(argc, argv, "finv")) != -1) {
		switch (opt) {
		case 'f':
			force = 1;
			interactive = no_clobber = 0;
			break;
		case 'i':
			interactive = 1;
			force = no_clobber = 0;
			break;
		case 'n':
			no_clobber = 1;
			force = interactive = 0;
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			cu_usage(1);
		}
	}
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
		return move(argv[optind], target);
	if (!target_is_dir) {
		cu_warn("target '%s' is not a directory", target);
		return 1;
	}
	for (int i = optind; i < argc - 1; i++) {
		char *copy = strdup(argv[i]);
		char *dst = cu_join(target, basename(copy));

		status |= move(argv[i], dst);
		free(dst);
		free(copy);
	}
	return fflush(stdout) ? 1 : status;
}
