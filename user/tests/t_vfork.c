/*
 * A vfork parent waits killably, as on Linux: while its child neither execs nor exits, the
 * parent shows 'D' in /proc/PID/stat, sleeps through a caught signal (its handler runs once
 * the child has gone), and SIGKILL ends it at once while the child goes on.
 */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void nap_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* The state letter of /proc/PID/stat, or '?'. */
static char proc_state(pid_t pid)
{
	char path[64], buf[512], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return '?';
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return '?';
	buf[n] = 0;
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : '?';
}

/* Waits (at most 5 s) until pid shows state c. */
static int wait_state(pid_t pid, char c)
{
	for (int i = 0; i < 500; i++) {
		if (proc_state(pid) == c)
			return 1;
		nap_ms(10);
	}
	return 0;
}

/* waitpid with a deadline: 0 if pid did not end within ms. */
static int wait_ms(pid_t pid, int *st, int ms)
{
	for (int i = 0; i < ms / 10; i++) {
		if (waitpid(pid, st, WNOHANG) == pid)
			return 1;
		nap_ms(10);
	}
	return 0;
}

static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
	(void)sig;
	caught = 1;
}

/* The vfork child: tells its pid, then waits for a byte on go (or for ever) and exits. */
static void __attribute__((noreturn)) vfork_child(int tell, int go)
{
	pid_t me = getpid();
	char c;

	write(tell, &me, sizeof(me));
	if (go >= 0)
		read(go, &c, 1);
	else
		for (;;)
			pause();
	_exit(0);
}

static void killed_parent(void)
{
	int tell[2], st = 0;
	pid_t parent, child = -1;

	pipe(tell);
	parent = fork();
	if (parent == 0) {
		if (vfork() == 0)
			vfork_child(tell[1], -1);
		_exit(0); /* only after the child has gone */
	}
	ok(read(tell[0], &child, sizeof(child)) == sizeof(child), "the vfork child runs");
	ok(wait_state(parent, 'D'), "the parent waits for it in state D");
	kill(parent, SIGKILL);
	int ended = wait_ms(parent, &st, 5000);

	ok(ended && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
	   "SIGKILL ends the parent while its child neither execs nor exits (status %#x)", st);
	ok(kill(child, 0) == 0, "the child goes on");
	kill(child, SIGKILL);
	if (!ended) /* the child's end releases the parent, which then dies of its SIGKILL */
		waitpid(parent, &st, 0);
	close(tell[0]);
	close(tell[1]);
}

static void caught_signal_waits(void)
{
	int tell[2], go[2], st = 0;
	pid_t parent, child = -1;

	pipe(tell);
	pipe(go);
	parent = fork();
	if (parent == 0) {
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_usr1;
		sigaction(SIGUSR1, &sa, NULL);
		if (vfork() == 0)
			vfork_child(tell[1], go[0]);
		_exit(caught ? 5 : 6);
	}
	read(tell[0], &child, sizeof(child));
	ok(wait_state(parent, 'D'), "a second vfork parent waits in state D");
	kill(parent, SIGUSR1);
	nap_ms(200);
	ok(proc_state(parent) == 'D', "a caught signal does not end the wait");
	write(go[1], "x", 1);
	int ended = wait_ms(parent, &st, 5000);

	ok(ended && WIFEXITED(st) && WEXITSTATUS(st) == 5,
	   "once the child has gone the parent goes on and its handler runs (status %#x)", st);
	close(tell[0]);
	close(tell[1]);
	close(go[0]);
	close(go[1]);
}

int main(void)
{
	tap_plan(7);
	killed_parent();
	caught_signal_waits();
	return tap_done();
}
