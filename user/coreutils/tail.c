// SPDX-License-Identifier: GPL-2.0
/*
 * tail: the last lines (-n, default 10) or bytes (-c) of a file; "+N" counts from the start
 * instead (line or byte N is the first printed). -f keeps reading a regular file as it grows.
 * Input is read whole into memory, which pipes need anyway.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"

static int from_start;

static long long parse_count(const char *s, const char *what)
{
	char *end;
	long long v;

	from_start = 0;
	if (*s == '+') {
		from_start = 1;
		s++;
	} else if (*s == '-') {
		s++;
	}
	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end || v < 0 || errno || (*s == '-' || *s == '+'))
		cu_die(1, "invalid number of %s: '%s'", what, s);
	return v;
}

static char *slurp(int fd, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);

	for (;;) {
		if (!buf)
			cu_die(1, "out of memory");
		ssize_t r = read(fd, buf + n, cap - n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		n += r;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	*len = n;
	return buf;
}

static size_t start_of(const char *buf, size_t len, long long count, int bytes)
{
	if (bytes) {
		if (from_start)
			return count <= 1 ? 0 : (size_t)count - 1 < len ? (size_t)count - 1 : len;
		return (size_t)count < len ? len - count : 0;
	}
	if (from_start) {
		size_t i = 0;

		for (long long line = 1; line < count && i < len; i++)
			if (buf[i] == '\n')
				line++;
		return i;
	}
	if (!count)
		return len;
	size_t i = len;

	/* A last line without its newline still counts as a line. */
	if (i && buf[i - 1] == '\n')
		i--;
	while (i > 0) {
		if (buf[i - 1] == '\n' && --count == 0)
			return i;
		i--;
	}
	return 0;
}

int main(int argc, char **argv)
{
	long long count = 10;
	int bytes = 0, follow = 0, opt, status = 0;

	cu_init(argc, argv,
		"[-f] [-c NUMBER | -n NUMBER] [FILE]\nPrint the last 10 lines of "
		"FILE.\n  -n [+]N  the last N lines (+N: from line N on)\n  -c [+]N  the last N "
		"bytes (+N: from byte N on)\n  -f       follow: keep printing what is appended\n");
	/* The historical "-N" (and for tail "+N") as the first argument means -n N. */
	char nbuf[32];

	if (argc > 1 && (argv[1][0] == '-' || argv[1][0] == '+') && argv[1][1] >= '0' &&
	    argv[1][1] <= '9' && strspn(argv[1] + 1, "0123456789") == strlen(argv[1] + 1) &&
	    strlen(argv[1]) < 20) {
		snprintf(nbuf, sizeof(nbuf), "-n%s%s", argv[1][0] == '+' ? "+" : "", argv[1] + 1);
		argv[1] = nbuf;
	}
	while ((opt = getopt(argc, argv, "n:c:f")) != -1) {
		switch (opt) {
		case 'n':
			count = parse_count(optarg, "lines");
			bytes = 0;
			break;
		case 'c':
			count = parse_count(optarg, "bytes");
			bytes = 1;
			break;
		case 'f':
			follow = 1;
			break;
		default:
			cu_usage(1);
		}
	}
	if (argc - optind > 1) {
		cu_warn("extra operand '%s'", argv[optind + 1]);
		cu_usage(1);
	}
	const char *file = optind < argc ? argv[optind] : "-";
	int fd = cu_open_in(file);
	size_t len;

	if (fd < 0) {
		cu_warn_errno(file);
		return 1;
	}
	char *buf = slurp(fd, &len);

	if (!buf) {
		cu_warn_errno(file);
		return 1;
	}
	size_t start = start_of(buf, len, count, bytes);

	if (cu_write_all(1, buf + start, len - start)) {
		cu_warn_errno("write error");
		return 1;
	}
	free(buf);
	/* -f on a pipe means nothing more will come once it ends, as POSIX allows. */
	while (follow && fd != 0) {
		if (cu_copy_fd(fd, 1) == -2)
			return 1;
		usleep(250000);
	}
	return status;
}
