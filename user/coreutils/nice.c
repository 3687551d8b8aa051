// SPDX-License-Identifier: GPL-2.0
/*
 * nice: runs a command with its nice value raised by N (10 by default), or prints the
 * current nice value when given no command. As GNU's: a refused lowering is a warning and
 * the command runs anyway; 125 when nice itself fails, 126 when the command cannot run, 127
 * when it is not found.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "libcu.h"

static int parse_adjustment(const char *s, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end || errno)
		return -1;
	*out = v < -100 ? -100 : v > 100 ? 100 : (int)v; /* beyond 39 either way is the limit */
	return 0;
}

int main(int argc, char **argv)
{
	int adj = 10, opt, have_adj = 0, cur;

	cu_init(argc, argv,
		"[-n N] [COMMAND [ARG]...]\n"
		"Run COMMAND with its nice value raised by N (10 by default); with no COMMAND,\n"
		"print the current nice value.\n");
	/* The old form, "nice -N COMMAND" (and "nice --N" for a negative N). */
	if (argc > 1 && argv[1][0] == '-' && (argv[1][1] == '-' ? argv[1][2] : argv[1][1]) >= '0' &&
	    (argv[1][1] == '-' ? argv[1][2] : argv[1][1]) <= '9') {
		if (parse_adjustment(argv[1] + 1, &adj))
			cu_die(125, "invalid adjustment '%s'", argv[1] + 1);
		have_adj = 1;
		optind = 2;
	} else {
		while ((opt = getopt(argc, argv, "+n:")) != -1) {
			if (opt != 'n')
				cu_usage(125);
			if (parse_adjustment(optarg, &adj))
				cu_die(125, "invalid adjustment '%s'", optarg);
			have_adj = 1;
		}
	}
	if (optind >= argc) {
		if (have_adj) {
			cu_warn("a command must be given with an adjustment");
			cu_usage(125);
		}
		errno = 0;
		cur = getpriority(PRIO_PROCESS, 0);
		if (cur == -1 && errno)
			cu_die(125, "cannot get niceness: %s", strerror(errno));
		printf("%d\n", cur);
		return fflush(stdout) ? 125 : 0;
	}
	errno = 0;
	cur = getpriority(PRIO_PROCESS, 0);
	if (cur == -1 && errno)
		cu_die(125, "cannot get niceness: %s", strerror(errno));
	if (setpriority(PRIO_PROCESS, 0, cur + adj) < 0) {
		/* As GNU's: only a refused change goes on; anything else ends here. */
		if (errno != EACCES && errno != EPERM)
			cu_die(125, "cannot set niceness: %s", strerror(errno));
		cu_warn("cannot set niceness: %s", strerror(errno));
	}
	execvp(argv[optind], argv + optind);
	cu_warn("%s: %s", argv[optind], strerror(errno));
	return errno == ENOENT ? 127 : 126;
}
