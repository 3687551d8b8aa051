// SPDX-License-Identifier: GPL-2.0
/*
 * head: the first lines (-n, default 10) or bytes (-c) of each file. Several files get
 * "==> name <==" headers as POSIX says; -q and -v drop or force them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"

static long long parse_count(const char *s, const char *what)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end || v < 0 || errno)
		cu_die(1, "invalid number of %s: '%s'", what, s);
	return v;
}

static int head_fd(int fd, long long count, int bytes)
{
	static char buf[65536];
	ssize_t n;

	while (count > 0 && (n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		ssize_t take = 0;

		if (bytes) {
			take = n < count ? n : count;
			count -= take;
		} else {
			while (take < n && count > 0)
				if (buf[take++] == '\n')
					count--;
		}
		if (cu_write_all(1, buf, take))
			return -2;
		/* A seekable input is left just after what we printed, for the next reader. */
		if (take < n)
			lseek(fd, take - n, SEEK_CUR);
	}
	return 0;
}

int main(int argc, char **argv)
{
	static char *dash[] = { "-", NULL };
	long long count = 10;
	int bytes = 0, opt, status = 0, headers = -1;

	cu_init(argc, argv,
		"[-n NUMBER | -c NUMBER] [-qv] [FILE]...\nPrint the first 10 lines "
		"of each FILE.\n  -n N  the first N lines\n  -c N  the first N bytes\n"
		"  -q    never print headers\n  -v    always print headers\n");
	/* The historical "-N" (and for tail "+N") as the first argument means -n N. */
	char nbuf[32];

	if (argc > 1 && (argv[1][0] == '-') && argv[1][1] >= '0' && argv[1][1] <= '9' &&
	    strspn(argv[1] + 1, "0123456789") == strlen(argv[1] + 1) && strlen(argv[1]) < 20) {
		snprintf(nbuf, sizeof(nbuf), "-n%s%s", argv[1][0] == '+' ? "+" : "", argv[1] + 1);
		argv[1] = nbuf;
	}
	while ((opt = getopt(argc, argv, "n:c:qv")) != -1) {
		switch (opt) {
		case 'n':
			count = parse_count(optarg, "lines");
			bytes = 0;
			break;
		case 'c':
			count = parse_count(optarg, "bytes");
			bytes = 1;
			break;
		case 'q':
			headers = 0;
			break;
		case 'v':
			headers = 1;
			break;
		default:
			cu_usage(1);
		}
	}
	char **files = optind < argc ? argv + optind : dash;

	if (headers < 0)
		headers = argc - optind > 1;
	for (int first = 1; *files; files++) {
		int fd = cu_open_in(*files);

		if (fd < 0) {
			cu_warn_errno(*files);
			status = 1;
			continue;
		}
		if (headers) {
			char hdr[4200];
			int len = snprintf(hdr, sizeof(hdr), "%s==> %s <==\n", first ? "" : "\n",
					   strcmp(*files, "-") ? *files : "standard input");

			cu_write_all(1, hdr, len);
		}
		first = 0;
		int r = head_fd(fd, count, bytes);

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
	return status;
}
