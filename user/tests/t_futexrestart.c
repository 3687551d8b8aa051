/*
 * A futex wait cut by a signal, as Linux answers it: a timed wait (FUTEX_WAIT's relative
 * timeout, FUTEX_WAIT_BITSET's absolute one) is EINTR after any handler, SA_RESTART or not,
 * but a stop and continue (no handler) resume it to its first deadline (restart_syscall);
 * an untimed wait is restarted after an SA_RESTART handler and EINTR after another.
 * Wall-time bounds are only lower bounds (a timeout is never early).
 */
#include "tap.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NR_futex 202
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_WAIT_BITSET 9
#define FUTEX_PRIVATE_FLAG 128

static volatile sig_atomic_t got_alarm;
static int word;

static double mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long futex(int *uaddr, int op, int val, const struct timespec *ts, int val3)
{
	return syscall(NR_futex, uaddr, op | FUTEX_PRIVATE_FLAG, val, ts, NULL, val3);
}

/* A timed wait on word (0) for 1 s: FUTEX_WAIT relative, or FUTEX_WAIT_BITSET absolute. */
static long timed_wait(int bitset)
{
	struct timespec ts = { 1, 0 };

	if (bitset) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_sec += 1;
		return futex(&word, FUTEX_WAIT_BITSET, 0, &ts, -1);
	}
	return futex(&word, FUTEX_WAIT, 0, &ts, 0);
}

static void on_alarm(int sig)
{
	(void)sig;
	got_alarm++;
}

static void alarm_in(long ms, int flags)
{
	struct itimerval it = { { 0, 0 }, { ms / 1000, (ms % 1000) * 1000 } };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = flags;
	sigaction(SIGALRM, &sa, NULL);
	got_alarm = 0;
	setitimer(ITIMER_REAL, &it, NULL);
}

/* A child waits 1 s, stopped and continued meanwhile: it must time out, not stop early. */
static void test_stop_continue(int bitset)
{
	struct timespec nap = { 0, 100000000 };
	int ready[2], status = -1;
	char c;
	pid_t pid;

	if (pipe(ready))
		return;
	pid = fork();
	if (pid == 0) {
		double start = mono();
		long ret;

		close(ready[0]);
		write(ready[1], "x", 1);
		ret = timed_wait(bitset);
		if (ret == -1 && errno == ETIMEDOUT && mono() - start >= 1.0)
			_exit(0);
		_exit(ret == -1 && errno == EINTR ? 2 : 1);
	}
	close(ready[1]);
	read(ready[0], &c, 1);
	close(ready[0]);
	nanosleep(&nap, NULL);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	nanosleep(&nap, NULL);
	kill(pid, SIGCONT);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "%s with a timeout, stopped and continued: waits on to ETIMEDOUT (status %d)",
	   bitset ? "FUTEX_WAIT_BITSET" : "FUTEX_WAIT",
	   WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

static void test_handler_timed(int bitset, int flags)
{
	long ret;

	alarm_in(100, flags);
	ret = timed_wait(bitset);
	ok(ret == -1 && errno == EINTR && got_alarm == 1,
	   "%s with a timeout, a handler (%s): EINTR", bitset ? "FUTEX_WAIT_BITSET" : "FUTEX_WAIT",
	   flags ? "SA_RESTART" : "no SA_RESTART");
}

static void *waker(void *arg)
{
	struct timespec nap = { 0, 100000000 };
	sigset_t set;

	(void)arg;
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, NULL); /* this thread only, on Linux */
	while (!got_alarm)
		nanosleep(&nap, NULL);
	nanosleep(&nap, NULL);
	__atomic_store_n(&word, 1, __ATOMIC_SEQ_CST);
	futex(&word, FUTEX_WAKE, 1, NULL, 0);
	return NULL;
}

static void test_untimed(int bitset)
{
	pthread_t t;
	long ret;

	word = 0;
	alarm_in(100, SA_RESTART);
	pthread_create(&t, NULL, waker, NULL);
	ret = bitset ? futex(&word, FUTEX_WAIT_BITSET, 0, NULL, -1)
		     : futex(&word, FUTEX_WAIT, 0, NULL, 0);
	pthread_join(t, NULL);
	ok(ret == 0 && got_alarm == 1,
	   "%s untimed, an SA_RESTART handler: restarted, then woken (%ld, %d)",
	   bitset ? "FUTEX_WAIT_BITSET" : "FUTEX_WAIT", ret, (int)got_alarm);
	word = 0;
	alarm_in(100, 0);
	ret = bitset ? futex(&word, FUTEX_WAIT_BITSET, 0, NULL, -1)
		     : futex(&word, FUTEX_WAIT, 0, NULL, 0);
	ok(ret == -1 && errno == EINTR && got_alarm == 1,
	   "%s untimed, a handler without SA_RESTART: EINTR",
	   bitset ? "FUTEX_WAIT_BITSET" : "FUTEX_WAIT");
}

int main(void)
{
	tap_plan(10);
	setvbuf(stdout, NULL, _IONBF, 0);
	for (int bitset = 0; bitset <= 1; bitset++) {
		test_stop_continue(bitset);
		test_handler_timed(bitset, 0);
		test_handler_timed(bitset, SA_RESTART);
		test_untimed(bitset);
	}
	return tap_done();
}
