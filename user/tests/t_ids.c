/*
 * Process groups, sessions and credentials: setpgid/setsid/getsid with Linux's rules, the
 * set*id family as root and then as an unprivileged user (in a child), wait4 by process
 * group, and orphans: re-parented to a subreaper, or to init.
 */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NR_setfsuid 122
#define NR_getresuid 118
#define NR_setresuid 117
#define NR_setresgid 119
#define NR_getresgid 120
#define NR_setgroups 116
#define NR_getgroups 115
#define NR_prctl 157
#define NR_setreuid 113
#define NR_waitid 247
#define PR_SET_CHILD_SUBREAPER 36
#define PR_GET_CHILD_SUBREAPER 37

static const char *self_path;

static int status_of(pid_t pid)
{
	int st = -1;

	return waitpid(pid, &st, 0) == pid ? st : -1;
}

/* The child's exit code: 0 when every check in it held, else the number of the first that failed. */
static int run_child(int (*fn)(void))
{
	pid_t pid = fork();
	int st;

	if (pid == 0)
		_exit(fn());
	st = status_of(pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 100 + (st & 0x7f);
}

static int child_setsid(void)
{
	pid_t me = getpid();

	if (setsid() != me)
		return 1;
	if (getsid(0) != me || getpgrp() != me || getpgid(0) != me)
		return 2;
	if (setsid() != -1 || errno != EPERM)
		return 3; /* already a group leader */
	if (setpgid(0, 0) != -1 || errno != EPERM)
		return 4; /* a session leader cannot move */
	return 0;
}

static void test_groups_sessions(void)
{
	int fds[2];
	pid_t pid, a, b;
	char c;
	int st;

	ok(getpgrp() == getpgid(0) && getpgid(getpid()) == getpgrp(), "getpgrp is getpgid(0)");
	/* 0 is a valid answer: a session led from outside our pid namespace (a container). */
	ok(getsid(0) == getsid(getpid()) && getsid(0) >= 0, "getsid(0) is the caller's session");
	ok(getpgid(0x3ffffff0) == -1 && errno == ESRCH, "getpgid of no process is ESRCH");
	ok(getsid(0x3ffffff0) == -1 && errno == ESRCH, "getsid of no process is ESRCH");
	ok(setpgid(0x3ffffff0, 0) == -1 && errno == ESRCH, "setpgid of no process is ESRCH");
	ok(setpgid(0, -1) == -1 && errno == EINVAL, "setpgid to a negative group is EINVAL");
	ok(run_child(child_setsid) == 0,
	   "setsid: a new session and group; EPERM again; the leader cannot move");

	/* a child moved into a group of its own by the parent, then the group joined */
	pipe(fds);
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(getpgrp() == getpid() ? 0 : 1);
	}
	close(fds[0]);
	ok(setpgid(pid, pid) == 0 && getpgid(pid) == pid, "setpgid(child, child) by the parent");
	write(fds[1], "x", 1);
	close(fds[1]);
	st = status_of(pid);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the child sees its new group");

	/* EACCES once the child has exec'd: the close-on-exec pipe's EOF says it has */
	pipe(fds);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "t_ids", "--sleep", 0 };

		close(fds[0]);
		execv(self_path, argv);
		_exit(127);
	}
	close(fds[1]);
	while (read(fds[0], &c, 1) > 0)
		;
	close(fds[0]);
	ok(setpgid(pid, pid) == -1 && errno == EACCES,
	   "setpgid of a child that has exec'd is EACCES");
	status_of(pid);

	/* a child in another session: EPERM */
	{
		int back[2];

		pipe(fds);
		pipe(back);
		pid = fork();
		if (pid == 0) {
			close(fds[0]);
			close(back[1]);
			setsid();
			write(fds[1], "x", 1);
			read(back[0], &c, 1); /* until the parent has tried */
			_exit(0);
		}
		close(fds[1]);
		close(back[0]);
		read(fds[0], &c, 1);
		close(fds[0]);
		ok(setpgid(pid, pid) == -1 && errno == EPERM,
		   "setpgid of a child in another session is EPERM");
		close(back[1]);
		status_of(pid);
	}

	/* wait4 by group: b (our group) ends first, a (its own group) later */
	a = fork();
	if (a == 0) {
		usleep(50000);
		_exit(11);
	}
	setpgid(a, a);
	b = fork();
	if (b == 0)
		_exit(12);
	usleep(20000);
	ok(waitpid(-a, &st, 0) == a && WEXITSTATUS(st) == 11,
	   "waitpid(-pgid) waits for that group only");
	ok(waitpid(0, &st, 0) == b && WEXITSTATUS(st) == 12,
	   "waitpid(0) waits for the caller's group");
	ok(waitpid(-a, &st, WNOHANG) == -1 && errno == ECHILD,
	   "no child left in that group: ECHILD");
}

/* The fields of siginfo_t that waitid fills, at Linux's offsets. */
struct wait_info {
	int signo, err, code, pad;
	int pid;
	unsigned uid;
	int status;
	char rest[128 - 28];
};

static void test_waitid(void)
{
	struct wait_info wi;
	pid_t a, b;

	a = fork();
	if (a == 0)
		_exit(21);
	memset(&wi, 0xff, sizeof(wi));
	ok(syscall(NR_waitid, 1, a, &wi, 4 | 0x01000000, 0) == 0 && wi.signo == 17 &&
		   wi.code == 1 && wi.pid == a && wi.status == 21 && wi.uid == getuid(),
	   "waitid(P_PID, WEXITED|WNOWAIT): SIGCHLD, CLD_EXITED, pid, uid, status");
	memset(&wi, 0, sizeof(wi));
	ok(syscall(NR_waitid, 0, 0, &wi, 4, 0) == 0 && wi.pid == a && wi.status == 21,
	   "the child is still there after WNOWAIT; waitid(P_ALL) reaps it");
	ok(waitpid(a, 0, WNOHANG) == -1 && errno == ECHILD, "and it is gone");

	b = fork();
	if (b == 0) {
		usleep(100000);
		_exit(0);
	}
	memset(&wi, 0xff, sizeof(wi));
	ok(syscall(NR_waitid, 2, 0, &wi, 4 | 1, 0) == 0 && wi.pid == 0 && wi.signo == 0,
	   "waitid(P_PGID 0, WNOHANG) with the child running: 0, siginfo zeroed");
	ok(syscall(NR_waitid, 1, b, &wi, 1, 0) == -1 && errno == EINVAL,
	   "waitid without WEXITED/WSTOPPED/WCONTINUED is EINVAL");
	ok(syscall(NR_waitid, 2, getpgrp(), &wi, 4, 0) == 0 && wi.pid == b && wi.code == 1,
	   "waitid(P_PGID, our group) waits for it");
	ok(syscall(NR_waitid, 9, 0, &wi, 4, 0) == -1 && errno == EINVAL,
	   "waitid with an unknown idtype is EINVAL");
}

static int child_ids(void)
{
	unsigned r, e, s, g[4];

	/* as root: anything */
	g[0] = 300;
	g[1] = 100;
	if (syscall(NR_setgroups, 2, g) != 0)
		return 1;
	if (syscall(NR_getgroups, 0, 0) != 2 || syscall(NR_getgroups, 4, g) != 2 || g[0] != 100 ||
	    g[1] != 300)
		return 2;
	if (syscall(NR_setresgid, 1000, 1001, 1002) != 0)
		return 3;
	syscall(NR_getresgid, &r, &e, &s);
	if (r != 1000 || e != 1001 || s != 1002 || getgid() != 1000 || getegid() != 1001)
		return 4;
	if (syscall(NR_setresuid, 1000, 1001, 1002) != 0)
		return 5;
	syscall(NR_getresuid, &r, &e, &s);
	if (r != 1000 || e != 1001 || s != 1002 || getuid() != 1000 || geteuid() != 1001)
		return 6;
	/* now unprivileged (euid 1001) */
	if (setuid(1002) != 0)
		return 7; /* the saved id */
	syscall(NR_getresuid, &r, &e, &s);
	if (r != 1000 || e != 1002 || s != 1002)
		return 8; /* only the effective id moves */
	if (setuid(5) != -1 || errno != EPERM)
		return 9;
	if (syscall(NR_setreuid, -1, 1000) != 0)
		return 10; /* to the real id: allowed */
	syscall(NR_getresuid, &r, &e, &s);
	if (r != 1000 || e != 1000 || s != 1002)
		return 11; /* euid == ruid: the saved id stays */
	if (syscall(NR_setreuid, 1002, -1) != -1 || errno != EPERM)
		return 12; /* the real id only to the real or effective one */
	if (syscall(NR_setresuid, -1, 7, -1) != -1 || errno != EPERM)
		return 13;
	if (syscall(NR_setfsuid, 7) != 1000 || syscall(NR_setfsuid, -1) != 1000)
		return 14; /* refused: the old fsuid, unchanged */
	if (syscall(NR_setgroups, 0, 0) != -1 || errno != EPERM)
		return 15;
	if (setgid(0) != -1 || errno != EPERM)
		return 16;
	if (setuid(0) != -1 || errno != EPERM)
		return 17;
	return 0;
}

static void test_creds(void)
{
	int r;

	if (geteuid() != 0) {
		ok(1, "set*id as root, then unprivileged # SKIP not root");
		ok(1, "setuid(-1) # SKIP not root");
		return;
	}
	r = run_child(child_ids);
	ok(r == 0, "set*id as root, then the unprivileged rules (failed at check %d)", r);
	ok(setuid(-1) == -1 && errno == EINVAL, "setuid(-1) is EINVAL");
}

/* A grandchild whose parent ends: it reports its new getppid through a pipe. */
static pid_t orphan_ppid(int *out_grandchild)
{
	int fds[2];
	pid_t a, ppid = -1;

	pipe(fds);
	a = fork();
	if (a == 0) {
		pid_t parent = getpid(), b = fork();

		if (b == 0) {
			pid_t now;
			struct timespec ts = { 0, 1000000 };

			for (int i = 0; i < 2000 && (now = getppid()) == parent; i++)
				nanosleep(&ts, 0);
			write(fds[1], &now, sizeof(now));
			_exit(0);
		}
		write(fds[1], &b, sizeof(b));
		_exit(0);
	}
	close(fds[1]);
	read(fds[0], out_grandchild, sizeof(*out_grandchild));
	status_of(a);
	read(fds[0], &ppid, sizeof(ppid));
	close(fds[0]);
	return ppid;
}

static void test_orphans(void)
{
	int b, st, flag = -1;
	pid_t ppid;

	ok(syscall(NR_prctl, PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0 &&
		   syscall(NR_prctl, PR_GET_CHILD_SUBREAPER, &flag, 0, 0, 0) == 0 && flag == 1,
	   "PR_SET_CHILD_SUBREAPER");
	ppid = orphan_ppid(&b);
	if (!ok(ppid == getpid(), "an orphan goes to the subreaper"))
		printf("# its ppid: %d, ours: %d\n", (int)ppid, (int)getpid());
	ok(waitpid(b, &st, 0) == b && WIFEXITED(st), "the subreaper reaps it");
	syscall(NR_prctl, PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
	ppid = orphan_ppid(&b);
	if (ppid != 1)
		ok(1, "an orphan goes to init # SKIP a subreaper above us");
	else
		ok(ppid == 1, "an orphan goes to init: getppid is 1");
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--sleep")) {
		usleep(200000);
		return 0;
	}
	self_path = argv[0];
	tap_plan(27);
	test_groups_sessions();
	test_creds();
	test_waitid();
	test_orphans();
	return tap_done();
}
