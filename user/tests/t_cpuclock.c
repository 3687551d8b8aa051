/*
 * The CPU-time clocks as sleeping clocks and by their encoded ids: clock_nanosleep on the
 * process's clock while another thread burns CPU (relative and absolute, checked against
 * clock_gettime on the same clock), a signal cutting it (EINTR, the time left), a stop and
 * continue (the sleep goes on), the caller's own thread clock (EINVAL), and the clock ids of
 * another process and of a thread (clock_getcpuclockid, pthread_getcpuclockid; ESRCH for a
 * process that is gone). Only CPU time is asserted; wall-time bounds are generous.
 */
#include "tap.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef TIMER_ABSTIME
#define TIMER_ABSTIME 1
#endif
#define NR_clock_gettime 228
#define NR_clock_getres 229
#define NR_clock_nanosleep 230
/* Linux's encoding (posix-cpu-timers): (~pid << 3) | perthread << 2 | which. */
#define MAKE_CLOCK(pid, thread, which) \
	((clockid_t)((~(unsigned int)(pid) << 3) | (thread) << 2 | (which)))

static volatile int stop_burn;
static volatile unsigned long sink;
static volatile sig_atomic_t got_alarm;

static double secs(clockid_t clk)
{
	struct timespec ts;

	if (clock_gettime(clk, &ts))
		return -1;
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct timespec ts_of(double s)
{
	struct timespec ts = { (time_t)s, (long)((s - (time_t)s) * 1e9) };

	return ts;
}

static void *burn(void *arg)
{
	(void)arg;
	while (!stop_burn)
		for (int i = 0; i < 10000; i++)
			sink++;
	return NULL;
}

static pthread_t start_burner(void)
{
	pthread_t t;

	stop_burn = 0;
	pthread_create(&t, NULL, burn, NULL);
	return t;
}

static void stop_burner(pthread_t t)
{
	stop_burn = 1;
	pthread_join(t, NULL);
}

static void on_alarm(int sig)
{
	(void)sig;
	got_alarm++;
}

static void set_alarm_handler(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = flags;
	sigaction(SIGALRM, &sa, NULL);
}

static void real_timer_ms(long ms)
{
	struct itimerval it = { { 0, 0 }, { ms / 1000, (ms % 1000) * 1000 } };

	setitimer(ITIMER_REAL, &it, NULL);
}

/* ---- sleeping on the process clock ---------------------------------------------------- */

static void test_relative_and_absolute(void)
{
	pthread_t t = start_burner();
	struct timespec req = ts_of(0.2), rem = { 7, 7 };
	double before, after, mine;
	clockid_t self;
	int ret;

	before = secs(CLOCK_PROCESS_CPUTIME_ID);
	mine = secs(CLOCK_THREAD_CPUTIME_ID);
	ret = clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0, &req, &rem);
	after = secs(CLOCK_PROCESS_CPUTIME_ID);
	mine = secs(CLOCK_THREAD_CPUTIME_ID) - mine;
	printf("# relative 0.2 s: the process clock went %.6f -> %.6f, the sleeper ran %.6f s\n",
	       before, after, mine);
	ok(ret == 0, "clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0.2 s) while a thread burns: 0");
	ok(after - before >= 0.2, "it returns once the process's CPU time grew by 0.2 s");
	ok(mine < 0.1, "the sleeper itself slept (its own CPU time barely grew)");

	req = ts_of(secs(CLOCK_PROCESS_CPUTIME_ID) + 0.2);
	ret = clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, TIMER_ABSTIME, &req, NULL);
	after = secs(CLOCK_PROCESS_CPUTIME_ID);
	printf("# absolute: the clock reads %.6f for a target of %.6f\n", after,
	       req.tv_sec + req.tv_nsec / 1e9);
	ok(ret == 0 && after >= req.tv_sec + req.tv_nsec / 1e9,
	   "TIMER_ABSTIME: it returns once the clock reads the target");

	req = ts_of(0.01);
	ok(clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, TIMER_ABSTIME, &req, NULL) == 0,
	   "TIMER_ABSTIME with a target already passed: 0 at once");

	ok(clock_getcpuclockid(0, &self) == 0, "clock_getcpuclockid(0)");
	before = secs(self);
	req = ts_of(0.1);
	ret = clock_nanosleep(self, 0, &req, NULL);
	after = secs(self);
	ok(ret == 0 && after - before >= 0.1, "a relative sleep on clock_getcpuclockid(0)'s clock");
	ok(clock_getcpuclockid(getpid(), &self) == 0, "clock_getcpuclockid(getpid())");
	req = ts_of(secs(self) + 0.1);
	ret = clock_nanosleep(self, TIMER_ABSTIME, &req, NULL);
	ok(ret == 0 && secs(CLOCK_PROCESS_CPUTIME_ID) >= req.tv_sec + req.tv_nsec / 1e9,
	   "an absolute sleep on clock_getcpuclockid(getpid())'s clock");
	stop_burner(t);
}

static void test_thread_clock(void)
{
	struct timespec req = ts_of(0.01);
	clockid_t mine;

	ok(clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL) == EINVAL,
	   "clock_nanosleep(CLOCK_THREAD_CPUTIME_ID): EINVAL");
	ok(pthread_getcpuclockid(pthread_self(), &mine) == 0, "pthread_getcpuclockid(self)");
	ok(clock_nanosleep(mine, 0, &req, NULL) == EINVAL,
	   "clock_nanosleep on the caller's own thread clock id: EINVAL");
	ok(syscall(NR_clock_nanosleep, MAKE_CLOCK(0, 1, 2), 0, &req, NULL) == -1 && errno == EINVAL,
	   "the raw call on thread clock pid 0: EINVAL");
	ok(syscall(NR_clock_nanosleep, MAKE_CLOCK(gettid(), 1, 2), 0, &req, NULL) == -1 &&
		   errno == EINVAL,
	   "the raw call on the caller's tid's thread clock: EINVAL");
	ok(syscall(NR_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL) == -1 &&
		   errno == EOPNOTSUPP,
	   "the raw call on CLOCK_THREAD_CPUTIME_ID: EOPNOTSUPP (the libc makes it EINVAL)");
	ok(syscall(NR_clock_nanosleep, MAKE_CLOCK(0, 0, 2), 0, NULL, NULL) == -1 && errno == EFAULT,
	   "a NULL request on the process clock: EFAULT");
	req.tv_nsec = 1000000000;
	ok(clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0, &req, NULL) == EINVAL,
	   "tv_nsec of 1e9 on the process clock: EINVAL");
}

/* No thread burns: the process clock stands, and only the signal ends the sleep. */
static void test_signal(void)
{
	struct timespec req = ts_of(10), rem = { 0, 0 };
	int ret;

	for (int restart = 0; restart <= 1; restart++) {
		set_alarm_handler(restart ? SA_RESTART : 0);
		got_alarm = 0;
		real_timer_ms(100);
		ret = clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0, &req, &rem);
		printf("# %s: returned %d, %ld.%09ld s left\n",
		       restart ? "SA_RESTART" : "no SA_RESTART", ret, (long)rem.tv_sec,
		       rem.tv_nsec);
		ok(ret == EINTR && got_alarm == 1,
		   "a handler (%s) ends a relative sleep on the process clock: EINTR",
		   restart ? "SA_RESTART" : "no SA_RESTART");
		ok(rem.tv_sec >= 9 && rem.tv_sec < 10, "the time left is near the 10 s asked");
	}
	set_alarm_handler(SA_RESTART);
	got_alarm = 0;
	real_timer_ms(100);
	req = ts_of(secs(CLOCK_PROCESS_CPUTIME_ID) + 10);
	ret = clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, TIMER_ABSTIME, &req, NULL);
	ok(ret == EINTR && got_alarm == 1, "a handler (SA_RESTART) ends an absolute sleep: EINTR");
	signal(SIGALRM, SIG_DFL);
}

/* A stop and a continue run no handler: the sleep goes on to its end (restart_syscall). */
static void test_stop_continue(void)
{
	int ready[2], status = -1;
	struct timespec nap = ts_of(0.05);
	pid_t pid;

	if (pipe(ready))
		return;
	pid = fork();
	if (pid == 0) {
		struct timespec req = ts_of(0.3), rem;
		pthread_t t = start_burner();
		double before = secs(CLOCK_PROCESS_CPUTIME_ID);
		int ret;

		close(ready[0]);
		write(ready[1], "x", 1);
		ret = clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0, &req, &rem);
		_exit(ret == 0 && secs(CLOCK_PROCESS_CPUTIME_ID) - before >= 0.3 ? 0 : 1);
		(void)t;
	}
	close(ready[1]);
	read(ready[0], &status, 1);
	close(ready[0]);
	nanosleep(&nap, NULL);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	ok(WIFSTOPPED(status), "the sleeping child stopped");
	nanosleep(&nap, NULL);
	kill(pid, SIGCONT);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "after SIGSTOP and SIGCONT its relative sleep went on to the full 0.3 s of CPU time");
}

/* ---- other processes' and threads' clocks -------------------------------------------- */

static void test_other_ids(void)
{
	struct timespec ts, req = ts_of(0.1);
	int go[2], status;
	clockid_t child, thr;
	double before, after;
	pthread_t t;
	pid_t pid;
	int ret;

	if (pipe(go))
		return;
	pid = fork();
	if (pid == 0) {
		char c;

		close(go[1]);
		start_burner();
		read(go[0], &c, 1);
		_exit(0);
	}
	close(go[0]);
	ok(clock_getcpuclockid(pid, &child) == 0 && child == MAKE_CLOCK(pid, 0, 2),
	   "clock_getcpuclockid(child): Linux's encoding");
	ok(clock_getres(child, &ts) == 0 && ts.tv_sec == 0 && ts.tv_nsec >= 1,
	   "clock_getres on the child's clock");
	before = secs(child);
	ok(clock_nanosleep(child, 0, &req, NULL) == 0, "a relative sleep on the child's clock");
	after = secs(child);
	printf("# the child's clock: %.6f -> %.6f\n", before, after);
	ok(before >= 0 && after - before >= 0.1, "returns once the child's CPU time grew 0.1 s");
	/* Linux samples these two at the tick: only their growth is asserted, not their sum. */
	ok(secs(MAKE_CLOCK(pid, 0, 1)) > 0.02 && secs(MAKE_CLOCK(pid, 0, 0)) > 0.02,
	   "the child's VIRT (user) and PROF (user and system) clocks grow as it burns");
	ok(syscall(NR_clock_gettime, MAKE_CLOCK(pid, 1, 2), &ts) == -1 && errno == EINVAL,
	   "the child's pid as a thread clock: EINVAL (not one of our threads)");
	ok(syscall(NR_clock_gettime, MAKE_CLOCK(pid, 0, 3), &ts) == -1 && errno == EINVAL,
	   "clock number 3 of a pid: EINVAL");
	ok(syscall(NR_clock_nanosleep, MAKE_CLOCK(pid, 0, 3), 0, &req, NULL) == -1 &&
		   errno == EOPNOTSUPP,
	   "clock_nanosleep on clock number 3 of a pid (an fd clock to Linux): EOPNOTSUPP");
	ok(syscall(NR_clock_nanosleep, MAKE_CLOCK(pid, 1, 3), 0, &req, NULL) == -1 &&
		   errno == EINVAL,
	   "clock_nanosleep on thread clock number 3: EINVAL");
	write(go[1], "x", 1);
	close(go[1]);
	waitpid(pid, &status, 0);
	/* Ours and glibc's ESRCH; musl 1.2.3 passes the kernel's EINVAL on (checked below). */
	ret = clock_getcpuclockid(pid, &child);
	ok(ret == ESRCH || ret == EINVAL, "clock_getcpuclockid(reaped child): ESRCH");
	ok(syscall(NR_clock_gettime, MAKE_CLOCK(pid, 0, 2), &ts) == -1 && errno == EINVAL,
	   "clock_gettime on the reaped child's clock: EINVAL");
	ok(syscall(NR_clock_getres, MAKE_CLOCK(pid, 0, 2), &ts) == -1 && errno == EINVAL,
	   "clock_getres on the reaped child's clock: EINVAL");
	ok(syscall(NR_clock_nanosleep, MAKE_CLOCK(pid, 0, 2), 0, &req, NULL) == -1 &&
		   errno == EINVAL,
	   "clock_nanosleep on the reaped child's clock: EINVAL");

	t = start_burner();
	ok(pthread_getcpuclockid(t, &thr) == 0, "pthread_getcpuclockid(another thread)");
	before = secs(thr);
	req = ts_of(0.1);
	clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0, &req, NULL);
	after = secs(thr);
	printf("# the burning thread's clock: %.6f -> %.6f\n", before, after);
	ok(before >= 0 && after - before >= 0.05 && after <= secs(CLOCK_PROCESS_CPUTIME_ID),
	   "clock_gettime on another thread's clock: its own time, grown while it burns");
	ok(clock_getres(thr, &ts) == 0, "clock_getres on another thread's clock");
	ok(syscall(NR_clock_gettime, MAKE_CLOCK(gettid(), 0, 2), &ts) == 0,
	   "the caller's tid as a process clock (clock_gettime)");
	stop_burner(t);
}

int main(void)
{
	tap_plan(41);
	setvbuf(stdout, NULL, _IONBF, 0);
	test_relative_and_absolute();
	test_thread_clock();
	test_signal();
	test_stop_continue();
	test_other_ids();
	return tap_done();
}
