// SPDX-License-Identifier: GPL-2.0
/* tee: standard input to standard output and to each file (-a appends; -i ignores SIGINT). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "libcu.h"

int main(int argc, char **argv)
{
	int opt, append = 0, status = 0;
	static char buf[65536];

	cu_init(argc, argv,
		"[-ai] [FILE]...\nCopy standard input to standard output and to each "
		"FILE.\n  -a  append to the FILEs\n  -i  ignore interrupts\n");
	while ((opt = getopt(argc, argv, "ai")) != -1) {
		if (opt == 'a')
			append = 1;
		else if (opt == 'i')
			signal(SIGINT, SIG_IGN);
		else
			cu_usage(1);
	}
	int n = argc - optind;
	int *fds = malloc((n + 1) * sizeof(int));

	if (!fds)
		cu_die(1, "out of memory");
	fds[0] = 1;
	for (int i = 0; i < n; i++) {
		fds[i + 1] = open(argv[optind + i],
				  O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0666);
		if (fds[i + 1] < 0) {
			cu_warn_errno(argv[optind + i]);
			status = 1;
		}
	}
	for (;;) {
		ssize_t r = read(0, buf, sizeof(buf));

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			cu_warn_errno("standard input");
			return 1;
		}
		if (r == 0)
			break;
		for (int i = 0; i <= n; i++) {
			if (fds[i] >= 0 && cu_write_all(fds[i], buf, r)) {
				cu_warn_errno(i ? argv[optind + i - 1] : "standard output");
				fds[i] = -1;
				status = 1;
			}
		}
	}
	return status;
}
