// SPDX-License-Identifier: GPL-2.0
/*
 * renice: sets the nice value of processes (-p, the default), process groups (-g) or users'
 * processes (-u, by name or number), as util-linux's renice: "renice [-n] N [-p|-g|-u] ID..."
 * with "ID (process ID) old priority X, new priority Y" for each, on stdout.
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "libcu.h"

static const char *const kind_names[] = { "process ID", "process group ID", "user ID" };

int main(int argc, char **argv)
{
	int which = PRIO_PROCESS, status = 0, i = 1;
	long prio;
	char *end;

	cu_init(argc, argv,
		"[-n] PRIORITY [-p|-g|-u] ID...\n"
		"Set the nice value of processes (-p), process groups (-g) or users (-u).\n");
	if (i < argc && !strcmp(argv[i], "-n"))
		i++;
	if (i >= argc) {
		cu_warn("missing priority");
		cu_usage(1);
	}
	errno = 0;
	prio = strtol(argv[i], &end, 10);
	if (end == argv[i] || *end || errno)
		cu_die(1, "invalid priority '%s'", argv[i]);
	if (++i >= argc) {
		cu_warn("missing ID");
		cu_usage(1);
	}
	for (; i < argc; i++) {
		const char *arg = argv[i];
		int who, old;

		if (!strcmp(arg, "-p") || !strcmp(arg, "-g") || !strcmp(arg, "-u")) {
			which = arg[1] == 'p'	? PRIO_PROCESS
				: arg[1] == 'g' ? PRIO_PGRP
						: PRIO_USER;
			continue;
		}
		who = (int)strtol(arg, &end, 10);
		if (end == arg || *end) {
			struct passwd *pw = which == PRIO_USER ? getpwnam(arg) : NULL;

			if (!pw) {
				cu_warn("unknown %s '%s'", which == PRIO_USER ? "user" : "ID", arg);
				status = 1;
				continue;
			}
			who = (int)pw->pw_uid;
		}
		errno = 0;
		old = getpriority(which, who);
		if (old == -1 && errno) {
			cu_warn("failed to get priority for %d (%s): %s", who, kind_names[which],
				strerror(errno));
			status = 1;
			continue;
		}
		if (setpriority(which, who, (int)prio) < 0) {
			cu_warn("failed to set priority for %d (%s): %s", who, kind_names[which],
				strerror(errno));
			status = 1;
			continue;
		}
		printf("%d (%s) old priority %d, new priority %d\n", who, kind_names[which], old,
		       getpriority(which, who));
	}
	return fflush(stdout) ? 1 : status;
}
