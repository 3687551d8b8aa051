// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg: prints the kernel log as util-linux's dmesg does, "[    1.234567] text" a record,
 * the lines after the first of a record indented under the text. It reads /dev/kmsg (one
 * record a read), or the syslog(2) text when /dev/kmsg cannot be read (or with -S).
 * -r prints the priority as syslog does, "<PRI>[    1.234567] text" (PRI = facility * 8 +
 * level); -t leaves the time out; -c clears the log after printing it, -C clears it only;
 * -n LEVEL sets the console's log level (a number, or a level's name: "-n err" lets
 * emergencies to errors through, as a number one more than err's would).
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <unistd.h>

#include "libcu.h"

#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_READ_CLEAR 4
#define SYSLOG_ACTION_CLEAR 5
#define SYSLOG_ACTION_CONSOLE_LEVEL 8
#define SYSLOG_ACTION_SIZE_BUFFER 10

static const char *const level_names[] = { "emerg", "alert",  "crit", "err",
					   "warn",  "notice", "info", "debug" };

static int opt_raw, opt_notime;

/* One record: its priority, time, and text (possibly several lines). */
static void print_record(unsigned int pri, unsigned long sec, unsigned long usec, const char *text,
			 size_t len)
{
	char prefix[64];
	int plen = 0;
	const char *p = text, *end = text + len;

	if (opt_raw)
		plen += snprintf(prefix + plen, sizeof(prefix) - plen, "<%u>", pri);
	if (!opt_notime)
		plen += snprintf(prefix + plen, sizeof(prefix) - plen, "[%5lu.%06lu] ", sec, usec);
	fwrite(prefix, 1, plen, stdout);
	for (;;) {
		const char *nl = memchr(p, '\n', end - p);
		size_t l = (nl ? nl : end) - p;

		fwrite(p, 1, l, stdout);
		putchar('\n');
		if (!nl || nl + 1 >= end)
			break;
		p = nl + 1;
		printf("%*s", opt_notime ? 0 : plen, "");
	}
}

/* /dev/kmsg's text with each \xNN turned back into its byte; returns the new length. */
static size_t unescape(char *s, size_t len)
{
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '\\' && i + 3 < len && s[i + 1] == 'x' &&
		    isxdigit((unsigned char)s[i + 2]) && isxdigit((unsigned char)s[i + 3])) {
			char hex[3] = { s[i + 2], s[i + 3], 0 };

			s[o++] = (char)strtoul(hex, NULL, 16);
			i += 3;
		} else {
			s[o++] = s[i];
		}
	}
	return o;
}

/* Every record /dev/kmsg has now: 0, or -1 if it cannot be read (errno set). */
static int print_kmsg(void)
{
	static char rec[8192];
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);

	if (fd < 0)
		return -1;
	for (;;) {
		unsigned int pri;
		unsigned long long seq, usec;
		char *text, *nl;
		ssize_t n = read(fd, rec, sizeof(rec) - 1);

		if (n < 0 && errno == EPIPE)
			continue; /* overwritten while we read: go on with the oldest */
		if (n < 0 && errno == EAGAIN)
			break;
		if (n < 0) {
			int e = errno;

			close(fd);
			errno = e;
			return -1;
		}
		if (n == 0)
			break;
		rec[n] = '\0';
		text = strchr(rec, ';');
		if (!text || sscanf(rec, "%u,%llu,%llu", &pri, &seq, &usec) != 3)
			continue;
		text++;
		/* Lines after the first that start with a space are the record's dictionary. */
		nl = strchr(text, '\n');
		if (nl)
			*nl = '\0';
		print_record(pri, (unsigned long)(usec / 1000000), (unsigned long)(usec % 1000000),
			     text, unescape(text, strlen(text)));
	}
	close(fd);
	return 0;
}

/* The syslog(2) text, "<PRI>[s.usec] text" lines: 0, or -1 (errno set). */
static int print_syslog(int action)
{
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0), n;
	char *buf, *line, *next;

	if (size < 0)
		return -1;
	/* As util-linux: a buffer the ring's size, so the newest records that fit. */
	size = size < 16384 ? 16384 : size;
	buf = malloc((size_t)size + 1);
	if (!buf)
		return -1;
	n = klogctl(action, buf, size);
	if (n < 0) {
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	for (line = buf; *line; line = next) {
		unsigned int pri = 0;
		unsigned long sec = 0, usec = 0;
		int off = 0;

		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		if (sscanf(line, "<%u>[%lu.%lu] %n", &pri, &sec, &usec, &off) < 3 || !off)
			continue;
		print_record(pri, sec, usec, line + off, next - line - off - (next[-1] == '\n'));
	}
	free(buf);
	return 0;
}

static int parse_level(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s && !*end)
		return (int)v;
	for (int i = 0; i < 8; i++)
		if (!strcasecmp(s, level_names[i]))
			return i + 1;
	return -1;
}

int main(int argc, char **argv)
{
	int opt, clear = 0, clear_only = 0, use_syslog = 0, level = -1;

	cu_init(argc, argv,
		"[-c|-C] [-r] [-t] [-S] [-n LEVEL]\n"
		"Print the kernel's log.\n"
		"  -c  clear the log after printing it\n"
		"  -C  clear the log\n"
		"  -n  set the console's log level (a number, or emerg alert crit err warn notice\n"
		"      info debug)\n"
		"  -r  print each record's priority, <PRI>, as syslog does\n"
		"  -S  read with syslog(2), not /dev/kmsg\n"
		"  -t  leave out the timestamps\n");
	while ((opt = getopt(argc, argv, "cCn:rSt")) != -1) {
		switch (opt) {
		case 'c':
			clear = 1;
			break;
		case 'C':
			clear_only = 1;
			break;
		case 'n':
			level = parse_level(optarg);
			if (level < 0)
				cu_die(1, "unknown level '%s'", optarg);
			break;
		case 'r':
			opt_raw = 1;
			break;
		case 'S':
			use_syslog = 1;
			break;
		case 't':
			opt_notime = 1;
			break;
		default:
			cu_usage(1);
		}
	}
	if (opt_raw && opt_notime)
		cu_die(1, "mutually exclusive arguments: -r -t");
	if (optind < argc) {
		cu_warn("bad usage");
		cu_usage(1);
	}
	if (level >= 0) {
		if (klogctl(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, level) < 0)
			cu_die(1, "klogctl failed: %s", strerror(errno));
		return 0;
	}
	if (clear_only) {
		if (klogctl(SYSLOG_ACTION_CLEAR, NULL, 0) < 0)
			cu_die(1, "klogctl failed: %s", strerror(errno));
		return 0;
	}
	if (clear) {
		/* READ_CLEAR prints and clears in one step: nothing is lost in between. */
		if (print_syslog(SYSLOG_ACTION_READ_CLEAR) < 0)
			cu_die(1, "klogctl failed: %s", strerror(errno));
	} else if (use_syslog || print_kmsg() < 0) {
		if (print_syslog(SYSLOG_ACTION_READ_ALL) < 0)
			cu_die(1, "read kernel buffer failed: %s", strerror(errno));
	}
	return fflush(stdout) ? 1 : 0;
}
