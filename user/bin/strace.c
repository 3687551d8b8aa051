// SPDX-License-Identifier: GPL-2.0
/*
 * strace PROG ARGS...: runs PROG with every system call it (and each child it forks) makes
 * logged by the kernel, one line per call as strace(1) prints it, on the console and in the
 * kernel log. It only asks: it turns its own /proc/self/strace knob on, which execve keeps,
 * and becomes PROG. Linux has no such knob, so there it says it needs our kernel.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int fd;

	if (argc < 2) {
		fprintf(stderr, "usage: strace PROG [ARGS...]\n");
		return 1;
	}
	fd = open("/proc/self/strace", O_WRONLY);
	if (fd < 0) {
		fprintf(stderr,
			"strace: /proc/self/strace: %s: this strace needs the Mica kernel, which "
			"logs the calls itself\n",
			strerror(errno));
		return 1;
	}
	if (write(fd, "1", 1) != 1) {
		fprintf(stderr, "strace: cannot turn tracing on: %s\n", strerror(errno));
		close(fd);
		return 1;
	}
	close(fd);
	execvp(argv[1], argv + 1);
	fprintf(stderr, "strace: %s: %s\n", argv[1], strerror(errno));
	return 1;
}
