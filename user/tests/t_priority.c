/* Nice values: getpriority and setpriority (Linux's raw 20 - nice, PRIO_PROCESS, PRIO_PGRP
 * and PRIO_USER, EACCES and EPERM as Linux gives them), nice(), what fork inherits, and the
 * priority and nice fields of /proc/PID/stat. Each case runs in a child of its own, so that
 * the test's own nice value never changes. */
#include "tap.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define TEST_UID 23456
#define NOBODY_UID 23457

/* Runs fn in a child; the case passes when fn returns 0 (its exit status). */
static void in_child(int (*fn)(void), const char *name)
{
	pid_t pid = fork();
	int st = -1;

	if (pid == 0)
		_exit(fn());
	waitpid(pid, &st, 0);
	if (!ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s", name))
		printf("# failed at check %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

#define CHECK(n, cond)            \
	do {                      \
		if (!(cond))      \
			return n; \
	} while (0)

/* Fields 18 and 19 of /proc/PID/stat: priority (20 + nice) and nice. */
static int stat_prio(pid_t pid, long *prio, long *nice)
{
	char path[64], buf[1024], *p;
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (!fgets(buf, sizeof(buf), f)) {
		fclose(f);
		return -1;
	}
	fclose(f);
	p = strrchr(buf, ')');
	if (!p)
		return -1;
	p += 2; /* field 3, the state */
	for (i = 3; i < 18; i++) {
		p = strchr(p, ' ');
		if (!p)
			return -1;
		p++;
	}
	return sscanf(p, "%ld %ld", prio, nice) == 2 ? 0 : -1;
}

static int set_and_read(void)
{
	long prio, nice;

	CHECK(1, setpriority(PRIO_PROCESS, 0, 5) == 0);
	errno = 0;
	CHECK(2, getpriority(PRIO_PROCESS, 0) == 5 && errno == 0);
	CHECK(3, syscall(SYS_getpriority, PRIO_PROCESS, 0) == 15);
	CHECK(4, getpriority(PRIO_PROCESS, getpid()) == 5);
	CHECK(5, stat_prio(getpid(), &prio, &nice) == 0 && prio == 25 && nice == 5);
	CHECK(6, setpriority(PRIO_PROCESS, 0, 100) == 0 && getpriority(PRIO_PROCESS, 0) == 19);
	CHECK(7, syscall(SYS_getpriority, PRIO_PROCESS, 0) == 1);
	return 0;
}

static int nice_steps(void)
{
	setpriority(PRIO_PROCESS, 0, 0);
	errno = 0;
	CHECK(1, nice(3) == 3 && errno == 0);
	CHECK(2, nice(2) == 5 && getpriority(PRIO_PROCESS, 0) == 5);
	CHECK(3, nice(100) == 19);
	CHECK(4, nice(0) == 19);
	return 0;
}

static int fork_inherits(void)
{
	pid_t pid;
	int st;

	CHECK(1, setpriority(PRIO_PROCESS, 0, 7) == 0);
	pid = fork();
	if (pid == 0)
		_exit(getpriority(PRIO_PROCESS, 0) == 7 ? 0 : 1);
	CHECK(2, waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}

/* Root may lower a nice value below the limit; an ordinary user only down to RLIMIT_NICE. */
static int lowering(void)
{
	struct rlimit rl = { 30, 30 }; /* 20 - nice <= 30: down to -10 */
	int has_rlim;

	if (getuid() != 0)
		return 0;
	CHECK(1, setpriority(PRIO_PROCESS, 0, -5) == 0 && getpriority(PRIO_PROCESS, 0) == -5);
	CHECK(2, setpriority(PRIO_PROCESS, 0, 5) == 0);
	/* A container's root may lack CAP_SYS_RESOURCE and so the higher limit. */
	has_rlim = setrlimit(RLIMIT_NICE, &rl) == 0;
	CHECK(3, has_rlim || errno == EPERM);
	CHECK(4, setuid(TEST_UID) == 0);
	if (has_rlim) {
		CHECK(5, setpriority(PRIO_PROCESS, 0, -10) == 0 &&
				 getpriority(PRIO_PROCESS, 0) == -10);
		errno = 0;
		CHECK(6, setpriority(PRIO_PROCESS, 0, -11) == -1 && errno == EACCES);
	}
	rl.rlim_cur = rl.rlim_max = 0;
	CHECK(7, setrlimit(RLIMIT_NICE, &rl) == 0);
	CHECK(8, setpriority(PRIO_PROCESS, 0, 6) == 0); /* raising is always allowed */
	errno = 0;
	CHECK(9, setpriority(PRIO_PROCESS, 0, 5) == -1 && errno == EACCES);
	errno = 0;
	CHECK(10, nice(-1) == -1 && errno == EPERM); /* nice() says EPERM */
	errno = 0;
	CHECK(11, setpriority(PRIO_PROCESS, getppid(), 19) == -1 && errno == EPERM);
	return 0;
}

static int bad_args(void)
{
	errno = 0;
	CHECK(1, getpriority(3, 0) == -1 && errno == EINVAL);
	errno = 0;
	CHECK(2, setpriority(-1, 0, 0) == -1 && errno == EINVAL);
	errno = 0;
	CHECK(3, getpriority(PRIO_PROCESS, 0x3ffffff0) == -1 && errno == ESRCH);
	errno = 0;
	CHECK(4, setpriority(PRIO_PROCESS, 0x3ffffff0, 1) == -1 && errno == ESRCH);
	errno = 0;
	CHECK(5, getpriority(PRIO_PGRP, 0x3ffffff0) == -1 && errno == ESRCH);
	errno = 0;
	CHECK(6, getpriority(PRIO_USER, NOBODY_UID) == -1 && errno == ESRCH);
	errno = 0;
	CHECK(7, setpriority(PRIO_USER, NOBODY_UID, 1) == -1 && errno == ESRCH);
	return 0;
}

/* A group of two: PRIO_PGRP sets both; getpriority gives the lowest nice value among them. */
static int process_group(void)
{
	int fds[2], st;
	pid_t pid;
	char c;

	CHECK(1, setpgid(0, 0) == 0 && pipe(fds) == 0);
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		read(fds[0], &c, 1); /* until the parent is done */
		_exit(0);
	}
	CHECK(2, setpriority(PRIO_PGRP, 0, 7) == 0);
	CHECK(3, getpriority(PRIO_PROCESS, pid) == 7 && getpriority(PRIO_PROCESS, 0) == 7);
	CHECK(4, setpriority(PRIO_PROCESS, pid, 12) == 0);
	CHECK(5, getpriority(PRIO_PGRP, getpgrp()) == 7 && getpriority(PRIO_PGRP, 0) == 7);
	CHECK(6, setpriority(PRIO_PROCESS, 0, 15) == 0 && getpriority(PRIO_PGRP, 0) == 12);
	close(fds[1]);
	CHECK(7, waitpid(pid, &st, 0) == pid);
	return 0;
}

/* PRIO_USER: an ordinary user's processes; who 0 is the caller's own uid. */
static int user_prio(void)
{
	if (getuid() != 0)
		return 0;
	CHECK(1, setuid(TEST_UID) == 0);
	CHECK(2, setpriority(PRIO_USER, 0, 9) == 0 && getpriority(PRIO_PROCESS, 0) == 9);
	CHECK(3, getpriority(PRIO_USER, TEST_UID) == 9 && getpriority(PRIO_USER, 0) == 9);
	return 0;
}

int main(void)
{
	tap_plan(9);
	errno = 0;
	int cur = getpriority(PRIO_PROCESS, 0);

	ok(cur >= -20 && cur <= 19 && errno == 0, "getpriority(PRIO_PROCESS, 0)");
	ok(syscall(SYS_getpriority, PRIO_PROCESS, 0) == 20 - cur, "the raw call returns 20 - nice");
	in_child(set_and_read, "setpriority, getpriority, /proc/PID/stat's priority and nice");
	in_child(nice_steps, "nice() adds and returns the new value, at most 19");
	in_child(fork_inherits, "a forked child keeps its parent's nice value");
	in_child(bad_args, "EINVAL for an unknown which, ESRCH when nothing matches");
	in_child(process_group, "PRIO_PGRP sets a group; its priority is its members' highest");
	if (getuid() != 0) {
		tap_skip(
			"lowering: root always, others down to RLIMIT_NICE (EACCES), not others' (EPERM)",
			"not root");
		tap_skip("PRIO_USER sets and reads a user's processes", "not root");
	} else {
		in_child(
			lowering,
			"lowering: root always, others down to RLIMIT_NICE (EACCES), not others' (EPERM)");
		in_child(user_prio, "PRIO_USER sets and reads a user's processes");
	}
	return tap_done();
}
