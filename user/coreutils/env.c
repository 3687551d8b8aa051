// SPDX-License-Identifier: GPL-2.0
/*
 * env: runs a command in a modified environment, or prints the environment. -i starts from
 * an empty one, -u NAME removes a variable, NAME=VALUE operands set them. Status 127 when the
 * command is not found, 126 when it cannot be run, as POSIX says.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"

extern char **environ;

int main(int argc, char **argv)
{
	int opt;

	cu_init(argc, argv,
		"[-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]\nRun COMMAND in "
		"a modified environment, or print the environment.\n  -i       start with an "
		"empty environment\n  -u NAME  remove NAME\n");
	/* '+': options end at the first operand, so the command's own options are its own. */
	while ((opt = getopt(argc, argv, "+iu:")) != -1) {
		switch (opt) {
		case 'i':
			clearenv();
			break;
		case 'u':
			unsetenv(optarg);
			break;
		default:
			cu_usage(125);
		}
	}
	/* A lone "-" as the first operand is the old spelling of -i. */
	if (optind < argc && !strcmp(argv[optind], "-")) {
		clearenv();
		optind++;
	}
	for (; optind < argc && strchr(argv[optind], '='); optind++) {
		if (putenv(argv[optind]))
			cu_die(125, "cannot set '%s'", argv[optind]);
	}
	if (optind >= argc) {
		for (char **e = environ; e && *e; e++)
			puts(*e);
		return fflush(stdout) ? 1 : 0;
	}
	execvp(argv[optind], argv + optind);
	int e = errno;

	cu_warn_errno(argv[optind]);
	return e == ENOENT ? 127 : 126;
}
