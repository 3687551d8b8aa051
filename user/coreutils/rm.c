// SPDX-License-Identifier: GPL-2.0
/*
 * rm: removes files; -r (-R) directories and their contents, depth first. -f: no messages
 * about missing files and no questions; -i asks before each removal (the last of -f/-i wins).
 * Without -f, a file we may not write is asked about when standard input is a terminal.
 * "." and ".." and "/" are refused, as POSIX requires.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libcu.h"

static int force, interactive, recursive;

static int ask(const char *fmt, const char *what, const char *path)
{
	char line[64];

	fprintf(stderr, "%s: ", prog_name);
	fprintf(stderr, fmt, what, path);
	if (!fgets(line, sizeof(line), stdin))
		return 0;
	return line[0] == 'y' || line[0] == 'Y';
}

static const char *kind(const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return "directory";
	if (S_ISLNK(st->st_mode))
		return "symbolic link";
	if (S_ISREG(st->st_mode))
		return st->st_size ? "regular file" : "regular empty file";
	return "file";
}

static int should_remove(const char *path, const struct stat *st)
{
	if (interactive)
		return ask("remove %s '%s'? ", kind(st), path);
	if (!force && !S_ISLNK(st->st_mode) && access(path, W_OK) && isatty(0))
		return ask("remove write-protected %s '%s'? ", kind(st), path);
	return 1;
}

static int remove_one(const char *path, const struct stat *st, int pre, int depth, void *arg)
{
	if (pre && S_ISDIR(st->st_mode)) {
		if (interactive && !ask("descend into %s '%s'? ", "directory", path))
			return 1;
		return 0;
	}
	if (!should_remove(path, st))
		return 0;
	if ((S_ISDIR(st->st_mode) ? rmdir(path) : unlink(path)) == 0)
		return 0;
	cu_warn_errno(path);
	return 1;
}

static int is_dot_or_dotdot(const char *path)
{
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		len--;
	size_t start = len;

	while (start && path[start - 1] != '/')
		start--;
	return (len - start == 1 && path[start] == '.') ||
	       (len - start == 2 && path[start] == '.' && path[start + 1] == '.');
}

int main(int argc, char **argv)
{
	int opt, status = 0;

	cu_init(argc, argv,
		"[-fiRr] FILE...\nRemove the FILEs.\n  -f  ignore missing files, "
		"never ask\n  -i  ask before every removal\n  -r  remove directories and their "
		"contents (also -R)\n");
	while ((opt = getopt(argc, argv, "fiRr")) != -1) {
		switch (opt) {
		case 'f':
			force = 1;
			interactive = 0;
			break;
		case 'i':
			interactive = 1;
			force = 0;
			break;
		case 'r':
		case 'R':
			recursive = 1;
			break;
		default:
			cu_usage(1);
		}
	}
	if (optind >= argc && !force) {
		cu_warn("missing operand");
		cu_usage(1);
	}
	for (int i = optind; i < argc; i++) {
		const char *path = argv[i];
		struct stat st;

		if (lstat(path, &st)) {
			if (!force || errno != ENOENT) {
				cu_warn_errno(path);
				status = 1;
			}
			continue;
		}
		if (is_dot_or_dotdot(path)) {
			cu_warn("refusing to remove '.' or '..' directory: skipping '%s'", path);
			status = 1;
			continue;
		}
		if (S_ISDIR(st.st_mode) && !recursive) {
			cu_warn("cannot remove '%s': Is a directory", path);
			status = 1;
			continue;
		}
		if (S_ISDIR(st.st_mode) && !strcmp(path + strspn(path, "/"), "")) {
			cu_warn("it is dangerous to operate recursively on '/'");
			status = 1;
			continue;
		}
		if (S_ISDIR(st.st_mode))
			status |= cu_walk(path, remove_one, NULL);
		else
			status |= remove_one(path, &st, 0, 0, NULL);
	}
	return status;
}
