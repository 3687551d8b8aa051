/*
 * poll and select on several files, where the one that becomes ready is not the first:
 * the wait must be registered on every file's queue, not only the first one's (a relay
 * polls a pty master and its terminal; the terminal's keys must wake it).
 */
#include "tap.h"
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* A child writes a byte to fd 50 ms from now; returns its pid. */
static pid_t write_later(int fd)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct timespec ts = { 0, 50000000 };

		nanosleep(&ts, NULL);
		_exit(write(fd, "x", 1) == 1 ? 0 : 1);
	}
	return pid;
}

static int reaped_ok(pid_t pid)
{
	int st;

	return waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

int main(void)
{
	int a[2], b[2], c[2], master;
	struct timespec t0;
	pid_t pid;
	char ch;

	tap_plan(5);
	if (pipe(a) || pipe(b) || pipe(c))
		return 1;

	/* The second of two pipes. */
	struct pollfd two[2] = { { a[0], POLLIN, 0 }, { b[0], POLLIN, 0 } };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = write_later(b[1]);
	ok(poll(two, 2, 3000) == 1 && two[0].revents == 0 && two[1].revents == POLLIN &&
		   ms_since(&t0) < 2500 && reaped_ok(pid),
	   "poll wakes when the second of two pipes is written");
	read(b[0], &ch, 1);

	/* The last of three, the first one a write end that is never ready to read. */
	struct pollfd three[3] = { { a[0], POLLIN, 0 }, { b[0], POLLIN, 0 }, { c[0], POLLIN, 0 } };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = write_later(c[1]);
	ok(poll(three, 3, 3000) == 1 && three[2].revents == POLLIN && ms_since(&t0) < 2500 &&
		   reaped_ok(pid),
	   "poll wakes when the third of three pipes is written");
	read(c[0], &ch, 1);

	/* select: the same with the bits of two pipes. */
	fd_set rs;
	struct timeval tv = { 3, 0 };
	FD_ZERO(&rs);
	FD_SET(a[0], &rs);
	FD_SET(b[0], &rs);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = write_later(b[1]);
	ok(select((a[0] > b[0] ? a[0] : b[0]) + 1, &rs, NULL, NULL, &tv) == 1 &&
		   FD_ISSET(b[0], &rs) && !FD_ISSET(a[0], &rs) && ms_since(&t0) < 2500 &&
		   reaped_ok(pid),
	   "select wakes when the later of two pipes is written");
	read(b[0], &ch, 1);

	/* A pty master first, a pipe second: what ptyrelay waits on. */
	master = posix_openpt(O_RDWR | O_NOCTTY);
	ok(master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0, "a pty master");
	struct pollfd relay[2] = { { master, POLLIN, 0 }, { a[0], POLLIN, 0 } };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = write_later(a[1]);
	ok(poll(relay, 2, 3000) == 1 && relay[1].revents == POLLIN && ms_since(&t0) < 2500 &&
		   reaped_ok(pid),
	   "poll on a pty master and a pipe wakes when the pipe is written");
	return tap_done();
}
