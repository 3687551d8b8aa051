// SPDX-License-Identifier: GPL-2.0
/*
 * cat: files (or standard input, "-") to standard output. -u (unbuffered) is what we always
 * do; -n numbers every output line as "%6d\t".
 */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "libcu.h"

static int number;
static long line_no;
static int at_line_start = 1;

static int cat_numbered(int fd)
{
	static char in[65536];
	ssize_t n;

	while ((n = read(fd, in, sizeof(in))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (ssize_t i = 0; i < n; i++) {
			if (at_line_start)
				printf("%6ld\t", ++line_no);
			putchar(in[i]);
			at_line_start = in[i] == '\n';
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	static char *dash[] = { "-", NULL };
	int opt, status = 0;

	cu_init(argc, argv,
		"[-nu] [FILE]...\nConcatenate FILEs (or standard input) to standard "
		"output.\n  -n  number all output lines\n  -u  unbuffered (always)\n");
	while ((opt = getopt(argc, argv, "nu")) != -1) {
		if (opt == 'n')
			number = 1;
		else if (opt != 'u')
			cu_usage(1);
	}
	char **files = optind < argc ? argv + optind : dash;

	for (; *files; files++) {
		int fd = cu_open_in(*files);

		if (fd < 0) {
			cu_warn_errno(*files);
			status = 1;
			continue;
		}
		int r = number ? cat_numbered(fd) : (fflush(stdout), cu_copy_fd(fd, 1));

		if (r == -1) {
			cu_warn_errno(*files);
			status = 1;
		} else if (r == -2) {
			cu_warn_errno("write error");
			return 1;
		}
		if (fd)
			close(fd);
	}
	if (fflush(stdout)) {
		cu_warn_errno("write error");
		return 1;
	}
	return status;
}
