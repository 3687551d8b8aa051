// SPDX-License-Identifier: GPL-2.0
/*
 * chmod: changes file modes, octal or symbolic ("u+x,go-w", "a=rX", "g=u"); -R through
 * directories (symbolic links met on the way are neither followed nor changed).
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "libcu.h"

static const char *mode_arg;
static mode_t cur_umask;
static int status;

static int change(const char *path, const struct stat *st, int pre, int depth, void *arg)
{
	mode_t m;

	if (!pre || S_ISLNK(st->st_mode))
		return 0;
	if (cu_parse_mode(mode_arg, st->st_mode, S_ISDIR(st->st_mode), cur_umask, &m))
		cu_die(1, "invalid mode: '%s'", mode_arg);
	if (chmod(path, m)) {
		cu_warn_errno(path);
		status = 1;
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int recursive = 0, i;

	cu_init(argc, argv,
		"[-R] MODE FILE...\nChange the FILEs' modes: octal (755) or symbolic "
		"([ugoa]*[-+=][rwxXst]*|[ugo], comma-separated).\n  -R  recursively\n");
	/* Not getopt: "-w" or "-x" is a mode, not an option. */
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (!strcmp(argv[i], "-R"))
			recursive = 1;
		else if (strspn(argv[i] + 1, "rwxXst") == strlen(argv[i] + 1))
			break;
		else {
			cu_warn("invalid option -- '%s'", argv[i] + 1);
			cu_usage(1);
		}
	}
	if (argc - i < 2) {
		cu_warn(argc - i ? "missing operand after '%s'" : "missing operand",
			argv[argc - 1]);
		cu_usage(1);
	}
	mode_arg = argv[i++];
	cur_umask = umask(0);
	umask(cur_umask);
	mode_t dummy;

	if (cu_parse_mode(mode_arg, 0, 0, cur_umask, &dummy))
		cu_die(1, "invalid mode: '%s'", mode_arg);
	for (; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st)) {
			cu_warn_errno(argv[i]);
			status = 1;
			continue;
		}
		if (recursive && S_ISDIR(st.st_mode)) {
			status |= cu_walk(argv[i], change, NULL);
			continue;
		}
		change(argv[i], &st, 1, 0, NULL);
	}
	return status;
}
