/* stdout's buffering: full into a pipe, by lines on a terminal (a pty, when the host has one). */
#include "tap.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define TIOCGPTN_ 0x80045430UL
#define TIOCSPTLCK_ 0x40045431UL

static char *self;

/* The child, a fresh exec of this program, prints a line through stdio, then writes straight
 * to fd 1, then exits: the order the two arrive in tells whether the line was flushed at its
 * newline. (A fresh program, since a stream decides its buffering at first use.) */
static void child(int fd)
{
	dup2(fd, 1);
	char *args[] = { self, "--child", NULL };
	execv(self, args);
	_exit(99);
}

static void collect(int fd, char *buf, size_t n)
{
	size_t got = 0;
	ssize_t k;
	while (got + 1 < n && (k = read(fd, buf + got, n - 1 - got)) > 0)
		got += (size_t)k;
	buf[got] = 0;
}

int main(int argc, char **argv)
{
	char buf[256];
	if (argc == 2 && !strcmp(argv[1], "--child")) {
		/* the first line may be flushed while a library finds out what fd 1 is (musl does
		 * that); the second shows the mode it settled on */
		printf("line1\n");
		printf("line2\n");
		write(1, "RAW\n", 4);
		return 0;
	}
	self = argv[0];
	tap_plan(3);
	int p[2];
	pipe(p);
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		child(p[1]);
	}
	close(p[1]);
	collect(p[0], buf, sizeof(buf));
	close(p[0]);
	waitpid(pid, NULL, 0);
	char *raw = strstr(buf, "RAW"), *l2 = strstr(buf, "line2");
	ok(raw && l2 && raw < l2, "stdout into a pipe is fully buffered (flushed at exit)");

	pipe(p);
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		dup2(p[1], 1);
		setvbuf(stdout, NULL, _IOLBF, 0);
		printf("line\n");
		write(1, "RAW\n", 4);
		exit(0);
	}
	close(p[1]);
	collect(p[0], buf, sizeof(buf));
	close(p[0]);
	waitpid(pid, NULL, 0);
	tap_streq(buf, "line\nRAW\n", "setvbuf(_IOLBF) flushes at each newline");

	int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	unsigned n = 0, unlock = 0;
	char name[32];
	int s = -1;
	if (m >= 0 && ioctl(m, TIOCSPTLCK_, &unlock) == 0 && ioctl(m, TIOCGPTN_, &n) == 0) {
		snprintf(name, sizeof(name), "/dev/pts/%u", n);
		s = open(name, O_RDWR | O_NOCTTY);
	}
	if (s < 0) {
		printf("ok 3 # SKIP no pseudo-terminals here\n");
		return 0;
	}
	pid = fork();
	if (pid == 0) {
		close(m);
		child(s);
	}
	close(s);
	waitpid(pid, NULL, 0);
	size_t got = 0;
	ssize_t k;
	/* the child has exited; read what the pty holds (EIO once it is drained and closed) */
	while (got + 1 < sizeof(buf) && (k = read(m, buf + got, sizeof(buf) - 1 - got)) > 0)
		got += (size_t)k;
	buf[got] = 0;
	close(m);
	raw = strstr(buf, "RAW");
	l2 = strstr(buf, "line2");
	ok(raw && l2 && l2 < raw, "stdout on a terminal is line-buffered");
	return tap_done();
}
