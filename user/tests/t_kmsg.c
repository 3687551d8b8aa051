/* The kernel log from user space: syslog(2) (klogctl) and /dev/kmsg, in Linux's formats and
 * with Linux's errors. On the host, only what neither floods nor changes the host's log runs
 * (devkmsg writes are rate-limited there, ten in five seconds); the rest runs on Mica. */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define SYSLOG_ACTION_READ 2
#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_READ_CLEAR 4
#define SYSLOG_ACTION_CLEAR 5
#define SYSLOG_ACTION_CONSOLE_OFF 6
#define SYSLOG_ACTION_CONSOLE_ON 7
#define SYSLOG_ACTION_CONSOLE_LEVEL 8
#define SYSLOG_ACTION_SIZE_UNREAD 9
#define SYSLOG_ACTION_SIZE_BUFFER 10
#ifndef SEEK_DATA
#define SEEK_DATA 3
#endif

static int on_mica(void)
{
	struct utsname u;

	return uname(&u) == 0 && strstr(u.version, "Mica") != NULL;
}

static int dmesg_restricted(void)
{
	char c = '0';
	int fd = open("/proc/sys/kernel/dmesg_restrict", O_RDONLY);

	if (fd < 0)
		return 0;
	if (read(fd, &c, 1) != 1)
		c = '0';
	close(fd);
	return c == '1';
}

static ssize_t write_str(int fd, const char *s)
{
	return write(fd, s, strlen(s));
}

/* Reads records from fd until one holds marker; copies it to out. 1 if found. */
static int find_record(int fd, const char *marker, char *out, size_t size)
{
	char rec[8192];
	ssize_t n;

	for (;;) {
		n = read(fd, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EPIPE)
			continue;
		if (n <= 0)
			return 0;
		rec[n] = '\0';
		if (strstr(rec, marker)) {
			snprintf(out, size, "%s", rec);
			return 1;
		}
	}
}

static char *read_all(int *len)
{
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	char *buf;

	if (size <= 0)
		return NULL;
	size *= 2; /* the text form adds a prefix to each record */
	buf = calloc(1, (size_t)size + 1);
	*len = klogctl(SYSLOG_ACTION_READ_ALL, buf, size);
	if (*len < 0) {
		free(buf);
		return NULL;
	}
	buf[*len] = '\0';
	return buf;
}

/* The text after "<pri>[    s.usec] " on the line of buf that holds marker, checked. */
static int syslog_line_ok(const char *buf, const char *marker, unsigned int pri, const char *want)
{
	const char *m = strstr(buf, marker), *line;
	char prefix[16];
	unsigned long sec, usec;
	int n = 0;

	if (!m)
		return 0;
	for (line = m; line > buf && line[-1] != '\n'; line--)
		;
	snprintf(prefix, sizeof(prefix), "<%u>[", pri);
	if (strncmp(line, prefix, strlen(prefix)))
		return 0;
	if (sscanf(line + strlen(prefix), "%lu.%6lu] %n", &sec, &usec, &n) != 2 || !n)
		return 0;
	return !strncmp(line + strlen(prefix) + n, want, strlen(want));
}

static void test_syslog_args(void)
{
	char buf[64];
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);

	ok(size >= 4096 && (size & (size - 1)) == 0, "SIZE_BUFFER is a power of two");
	errno = 0;
	ok(klogctl(11, buf, sizeof(buf)) == -1 && errno == EINVAL, "unknown action: EINVAL");
	errno = 0;
	ok(klogctl(-1, buf, sizeof(buf)) == -1 && errno == EINVAL, "negative action: EINVAL");
	errno = 0;
	ok(klogctl(SYSLOG_ACTION_READ_ALL, NULL, 10) == -1 && errno == EINVAL,
	   "READ_ALL into NULL: EINVAL");
	errno = 0;
	ok(klogctl(SYSLOG_ACTION_READ_ALL, buf, -1) == -1 && errno == EINVAL,
	   "READ_ALL of a negative length: EINVAL");
	ok(klogctl(SYSLOG_ACTION_READ_ALL, buf, 0) == 0, "READ_ALL of 0 bytes: 0");
	errno = 0;
	ok(klogctl(SYSLOG_ACTION_READ_ALL, (char *)8, size) == -1 && errno == EFAULT,
	   "READ_ALL to a bad address: EFAULT");
	errno = 0;
	ok(klogctl(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 0) == -1 && errno == EINVAL,
	   "CONSOLE_LEVEL 0: EINVAL");
	errno = 0;
	ok(klogctl(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 9) == -1 && errno == EINVAL,
	   "CONSOLE_LEVEL 9: EINVAL");
}

/* Three writes (the host allows ten in five seconds): their records in both forms. */
static void test_kmsg_records(void)
{
	char marker[64], rec[8192], want[128], *all;
	unsigned int pri;
	unsigned long long seq, usec;
	char flag;
	int rfd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK), wfd = open("/dev/kmsg", O_WRONLY);
	int len, n = 0;

	ok(rfd >= 0 && wfd >= 0, "/dev/kmsg opens for reading and writing");
	ok(lseek(rfd, 0, SEEK_END) == 0, "lseek(0, SEEK_END) returns 0");
	snprintf(marker, sizeof(marker), "t_kmsg %d", (int)getpid());

	snprintf(want, sizeof(want), "<5>%s a\\b\nc\n", marker);
	ok(write_str(wfd, want) == (ssize_t)strlen(want), "a write returns its length");
	ok(find_record(rfd, marker, rec, sizeof(rec)), "the record reads back");
	ok(sscanf(rec, "%u,%llu,%llu,%c;%n", &pri, &seq, &usec, &flag, &n) == 4 && n > 0,
	   "PRI,SEQ,USEC,FLAGS; header");
	ok(pri == 13 && flag == '-', "<5> from user space: facility LOG_USER, level 5 (13)");
	snprintf(want, sizeof(want), "%s a\\x5cb\\x0ac\n", marker);
	tap_streq(rec + n, want, "backslash and newline escaped as \\xNN; one newline ends it");

	snprintf(want, sizeof(want), "%s plain\n", marker);
	write_str(wfd, want);
	ok(find_record(rfd, want, rec, sizeof(rec)) && !strncmp(rec, "12,", 3),
	   "no prefix: LOG_USER at the default level 4 (12)");
	/* A record without its newline stays open on Linux 6 (a continuation may come). */
	snprintf(want, sizeof(want), "<30>%s daemon\n", marker);
	write_str(wfd, want);
	ok(find_record(rfd, want + 4, rec, sizeof(rec)) && !strncmp(rec, "30,", 3),
	   "<30>: facility 3, level 6 kept");

	all = read_all(&len);
	ok(all && len > 0 && all[len - 1] == '\n', "READ_ALL ends with a whole line");
	snprintf(want, sizeof(want), "%s a\\b", marker);
	ok(all && syslog_line_ok(all, want, 13, want), "READ_ALL: <13>[    s.usec] text");
	{
		const char *m = all ? strstr(all, want) : NULL, *next = m ? strchr(m, '\n') : NULL;

		ok(next && syslog_line_ok(next + 1, "c\n", 13, "c\n") &&
			   strstr(next + 1, "c\n") == strchr(next + 1, '\n') - 1,
		   "READ_ALL: each line of a record gets the prefix");
	}
	free(all);

	/* A record the buffer cannot hold is EINVAL. */
	lseek(rfd, 0, SEEK_SET);
	errno = 0;
	ok(read(rfd, rec, 8) == -1 && errno == EINVAL, "a read too small for the record: EINVAL");
	/* Not a record to wait for: poll says there is one. */
	{
		struct pollfd p = { rfd, POLLIN, 0 };

		lseek(rfd, 0, SEEK_SET);
		ok(poll(&p, 1, 0) == 1 && (p.revents & POLLIN),
		   "poll: POLLIN with records to read");
	}
	errno = 0;
	ok(lseek(rfd, 1, SEEK_SET) == -1 && errno == ESPIPE, "lseek to a non-zero offset: ESPIPE");
	errno = 0;
	ok(lseek(rfd, 0, SEEK_CUR) == -1 && errno == EINVAL, "lseek SEEK_CUR: EINVAL");
	ok(lseek(rfd, 0, SEEK_DATA) == 0, "lseek SEEK_DATA: 0");
	ok(lseek(wfd, 0, SEEK_SET) == 0, "lseek on a write-only open: 0, nothing to move");
	errno = 0;
	ok(read(wfd, rec, sizeof(rec)) == -1 && errno == EBADF, "read on a write-only open: EBADF");
	memset(rec, 'x', 1100);
	errno = 0;
	ok(write(wfd, rec, 1100) == -1 && errno == EINVAL, "a write over 1024 bytes: EINVAL");
	close(rfd);
	close(wfd);
}

/* With dmesg_restrict 0, as Mica is: READ_ALL and SIZE_BUFFER for all, the rest root's. */
static void test_permissions(void)
{
	pid_t pid;
	int st = -1;

	if (getuid() != 0 || dmesg_restricted()) {
		tap_skip("an ordinary user may READ_ALL and SIZE_BUFFER, nothing else",
			 "not root, or dmesg_restrict is 1 here");
		return;
	}
	pid = fork();
	if (pid == 0) {
		char buf[256];
		int bad = 0;

		if (setuid(12345))
			_exit(2);
		bad |= klogctl(SYSLOG_ACTION_READ_ALL, buf, sizeof(buf)) < 0;
		bad |= klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0) <= 0;
		bad |= !(klogctl(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0) == -1 && errno == EPERM);
		bad |= !(klogctl(SYSLOG_ACTION_CLEAR, NULL, 0) == -1 && errno == EPERM);
		bad |= !(klogctl(SYSLOG_ACTION_READ, buf, sizeof(buf)) == -1 && errno == EPERM);
		bad |= !(klogctl(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 7) == -1 && errno == EPERM);
		_exit(bad);
	}
	waitpid(pid, &st, 0);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	   "an ordinary user may READ_ALL and SIZE_BUFFER, nothing else");
}

/* Mica only: these consume, clear or flood the log, or change the console. */
static void test_mica_only(void)
{
	static const char *names[] = {
		"READ consumes: SIZE_UNREAD drops by what it returned",
		"CLEAR: READ_ALL then starts after it",
		"READ_CLEAR returns what is new, and clears it",
		"CONSOLE_OFF then CONSOLE_ON: 0",
		"poll: nothing to read at the end",
		"a reader overtaken by the ring gets EPIPE once, then the oldest record",
		"poll: POLLERR|POLLPRI for an overtaken reader",
	};
	char buf[512], rec[2048], *all;
	int wfd, rfd, len, before, got, after, i, size;

	if (!on_mica()) {
		for (i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++)
			tap_skip(names[i], "changes or floods the host's log: Mica only");
		return;
	}
	wfd = open("/dev/kmsg", O_WRONLY);
	write_str(wfd, "<6>t_kmsg unread\n");
	before = klogctl(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0);
	got = klogctl(SYSLOG_ACTION_READ, buf, 40);
	after = klogctl(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0);
	ok(before > 0 && got == 40 && after == before - 40, names[0]);

	klogctl(SYSLOG_ACTION_CLEAR, NULL, 0);
	write_str(wfd, "<6>t_kmsg after clear\n");
	all = read_all(&len);
	ok(all && !strncmp(all, "<14>[", 5) && strstr(all, "] t_kmsg after clear\n") &&
		   (int)strlen(strchr(all, '\n')) == 1,
	   names[1]);
	free(all);
	write_str(wfd, "<6>t_kmsg read clear\n");
	len = klogctl(SYSLOG_ACTION_READ_CLEAR, rec, sizeof(rec));
	got = klogctl(SYSLOG_ACTION_READ_ALL, buf, sizeof(buf));
	ok(len > 0 && strstr(rec, "t_kmsg read clear") && got == 0, names[2]);
	ok(klogctl(SYSLOG_ACTION_CONSOLE_OFF, NULL, 0) == 0 &&
		   klogctl(SYSLOG_ACTION_CONSOLE_ON, NULL, 0) == 0,
	   names[3]);

	rfd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	lseek(rfd, 0, SEEK_END);
	{
		struct pollfd p = { rfd, POLLIN, 0 };

		ok(poll(&p, 1, 0) == 0, names[4]);
	}
	/* Overwrite the whole ring with records of about 900 bytes. */
	lseek(rfd, 0, SEEK_SET);
	size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	memset(buf, 'f', sizeof(buf));
	memcpy(buf, "<7>t_kmsg flood ", 16);
	for (i = 0; i < 2 * size / 500 + 4; i++)
		write(wfd, buf, sizeof(buf));
	{
		struct pollfd p = { rfd, POLLIN | POLLPRI, 0 };

		poll(&p, 1, 0);
		errno = 0;
		got = read(rfd, rec, sizeof(rec));
		int e = errno;
		len = read(rfd, rec, sizeof(rec));
		ok(got == -1 && e == EPIPE && len > 0 && strstr(rec, "t_kmsg flood "), names[5]);
		ok((p.revents & (POLLERR | POLLPRI)) == (POLLERR | POLLPRI), names[6]);
	}
	close(rfd);
	close(wfd);
}

int main(void)
{
	if (klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0) < 0 || access("/dev/kmsg", R_OK | W_OK)) {
		tap_plan(1);
		tap_skip("the kernel log", "syslog(2) or /dev/kmsg refused here");
		return tap_done();
	}
	tap_plan(37);
	test_syslog_args();
	test_kmsg_records();
	test_permissions();
	test_mica_only();
	return tap_done();
}
