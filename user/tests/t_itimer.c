/*
 * The CPU-time interval timers (ITIMER_VIRTUAL: the process's user time, SIGVTALRM;
 * ITIMER_PROF: its user and system time, SIGPROF), the retargeting of a process-wide signal
 * when the thread it was meant for blocks it, and the alternate stack's SS_AUTODISARM.
 * Every bound on time is generous: the VM is an emulator on a busy host.
 */
#include "tap.h"
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NR_tgkill 234

static volatile sig_atomic_t vt_count, prof_count;
static volatile unsigned long sink;

static void vt_handler(int sig)
{
	(void)sig;
	vt_count++;
}

static void prof_handler(int sig)
{
	(void)sig;
	prof_count++;
}

static double now(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double tv_secs(const struct timeval *tv)
{
	return tv->tv_sec + tv->tv_usec / 1e6;
}

static void on(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigaction(sig, &sa, NULL);
}

/* Spins in user mode until *flag reaches want or secs of wall time pass; true if it did. */
static int spin_until(volatile sig_atomic_t *flag, int want, double secs)
{
	double end = now(CLOCK_MONOTONIC) + secs;

	while (*flag < want) {
		for (int i = 0; i < 100000; i++)
			sink++;
		if (now(CLOCK_MONOTONIC) > end)
			return 0;
	}
	return 1;
}

/* Spins in user mode for secs of this thread's CPU time. */
static void spin_cpu(double secs)
{
	double end = now(CLOCK_THREAD_CPUTIME_ID) + secs;

	while (now(CLOCK_THREAD_CPUTIME_ID) < end)
		for (int i = 0; i < 100000; i++)
			sink++;
}

static int set(int which, long value_us, long interval_us, struct itimerval *old)
{
	struct itimerval it = { { interval_us / 1000000, interval_us % 1000000 },
				{ value_us / 1000000, value_us % 1000000 } };

	return setitimer(which, &it, old);
}

static int disarmed(int which)
{
	struct itimerval v;

	return getitimer(which, &v) == 0 && !v.it_value.tv_sec && !v.it_value.tv_usec;
}

/* ---- ITIMER_VIRTUAL and ITIMER_PROF --------------------------------------------------- */

static void test_virtual_busy_and_asleep(void)
{
	struct timespec nap = { 0, 300000000 };
	struct itimerval v;
	int ret;

	on(SIGVTALRM, vt_handler);
	vt_count = 0;
	ok(set(ITIMER_VIRTUAL, 50000, 0, NULL) == 0, "setitimer(ITIMER_VIRTUAL, 50 ms)");
	nanosleep(&nap, NULL);
	ret = getitimer(ITIMER_VIRTUAL, &v);
	printf("# after the sleep: %d signals, %.6f s left\n", (int)vt_count, tv_secs(&v.it_value));
	ok(vt_count == 0 && ret == 0 && tv_secs(&v.it_value) > 0.02,
	   "ITIMER_VIRTUAL does not run while the process sleeps");
	ok(spin_until(&vt_count, 1, 30) && vt_count == 1,
	   "ITIMER_VIRTUAL sends SIGVTALRM once to a busy loop in user mode");
	ok(disarmed(ITIMER_VIRTUAL), "a one-shot ITIMER_VIRTUAL is disarmed once it fired");
}

static void test_prof_syscalls(void)
{
	double end = now(CLOCK_MONOTONIC) + 30;
	struct itimerval v;
	int calls = 0;

	on(SIGPROF, prof_handler);
	prof_count = 0;
	ok(set(ITIMER_PROF, 50000, 0, NULL) == 0, "setitimer(ITIMER_PROF, 50 ms)");
	while (!prof_count && now(CLOCK_MONOTONIC) < end) {
		for (int i = 0; i < 1000; i++)
			syscall(SYS_getppid);
		calls += 1000;
	}
	printf("# SIGPROF after %d system calls\n", calls);
	ok(prof_count == 1, "ITIMER_PROF sends SIGPROF to a loop of system calls");
	ok(getitimer(ITIMER_PROF, &v) == 0 && !v.it_value.tv_sec && !v.it_value.tv_usec &&
		   !v.it_interval.tv_sec && !v.it_interval.tv_usec,
	   "getitimer(ITIMER_PROF) after it fired: 0");
}

static void test_reload(void)
{
	struct itimerval v;
	int reloaded;

	vt_count = prof_count = 0;
	set(ITIMER_VIRTUAL, 20000, 20000, NULL);
	set(ITIMER_PROF, 20000, 20000, NULL);
	reloaded = spin_until(&vt_count, 5, 60) && spin_until(&prof_count, 5, 60);
	printf("# %d SIGVTALRM, %d SIGPROF\n", (int)vt_count, (int)prof_count);
	ok(reloaded, "a 20 ms interval reloads: 5 SIGVTALRM and 5 SIGPROF");
	ok(getitimer(ITIMER_VIRTUAL, &v) == 0 && v.it_interval.tv_sec == 0 &&
		   v.it_interval.tv_usec == 20000 && (v.it_value.tv_sec || v.it_value.tv_usec),
	   "getitimer of a periodic timer: its interval, and a value still running");
	set(ITIMER_VIRTUAL, 0, 0, NULL);
	set(ITIMER_PROF, 0, 0, NULL);
}

static void test_getitimer_decreases(void)
{
	struct itimerval a, b, c;
	int never_zero = 1;

	ok(set(ITIMER_VIRTUAL, 10000000, 0, NULL) == 0, "ITIMER_VIRTUAL armed for 10 s");
	getitimer(ITIMER_VIRTUAL, &a);
	spin_cpu(0.05);
	getitimer(ITIMER_VIRTUAL, &b);
	spin_cpu(0.05);
	getitimer(ITIMER_VIRTUAL, &c);
	printf("# left: %.6f, %.6f, %.6f s\n", tv_secs(&a.it_value), tv_secs(&b.it_value),
	       tv_secs(&c.it_value));
	ok(tv_secs(&a.it_value) > tv_secs(&b.it_value) &&
		   tv_secs(&b.it_value) > tv_secs(&c.it_value),
	   "getitimer's remaining value goes down as the process runs");
	ok(tv_secs(&a.it_value) <= 10.1 && tv_secs(&c.it_value) > 9, "and stays near what was set");
	/* A value of 1 us: due at once, never read as 0 (disarmed) before its signal. */
	vt_count = 0;
	set(ITIMER_VIRTUAL, 1, 0, NULL);
	for (int i = 0; i < 200 && !vt_count; i++) {
		struct itimerval v;

		getitimer(ITIMER_VIRTUAL, &v);
		if (!vt_count && !v.it_value.tv_sec && !v.it_value.tv_usec)
			never_zero = 0;
	}
	ok(never_zero, "an armed ITIMER_VIRTUAL never reads as 0 before it fired");
	spin_until(&vt_count, 1, 30);
	ok(vt_count == 1, "and then fires");
}

static void test_old_value_and_null(void)
{
	struct itimerval old;
	int ret;

	set(ITIMER_PROF, 10000000, 1500000, NULL);
	memset(&old, 0xff, sizeof(old));
	ret = set(ITIMER_PROF, 20000000, 0, &old);
	printf("# old: %ld.%06ld, interval %ld.%06ld\n", (long)old.it_value.tv_sec,
	       (long)old.it_value.tv_usec, (long)old.it_interval.tv_sec,
	       (long)old.it_interval.tv_usec);
	ok(ret == 0 && old.it_interval.tv_sec == 1 && old.it_interval.tv_usec == 500000 &&
		   tv_secs(&old.it_value) > 5 && tv_secs(&old.it_value) <= 10.1,
	   "setitimer returns the old value and interval");
	memset(&old, 0, sizeof(old));
	ok(setitimer(ITIMER_PROF, NULL, &old) == 0 && tv_secs(&old.it_value) > 15 &&
		   disarmed(ITIMER_PROF),
	   "setitimer with a NULL value disarms (Linux), returning the old one");
	/* Linux keeps the interval of a disarmed timer: getitimer reports it. */
	set(ITIMER_VIRTUAL, 0, 250000, NULL);
	ok(getitimer(ITIMER_VIRTUAL, &old) == 0 && !old.it_value.tv_sec && !old.it_value.tv_usec &&
		   old.it_interval.tv_usec == 250000,
	   "a value of 0 disarms; the interval is kept");
	set(ITIMER_VIRTUAL, 0, 0, NULL);
	struct itimerval bad = { { 0, 0 }, { 0, 1000000 } };
	errno = 0;
	ok(setitimer(ITIMER_VIRTUAL, &bad, NULL) == -1 && errno == EINVAL &&
		   disarmed(ITIMER_VIRTUAL),
	   "ITIMER_VIRTUAL with tv_usec 1000000: EINVAL, as ITIMER_REAL");
	bad.it_value.tv_usec = -1;
	errno = 0;
	ok(setitimer(ITIMER_PROF, &bad, NULL) == -1 && errno == EINVAL,
	   "ITIMER_PROF with a negative tv_usec: EINVAL");
	errno = 0;
	ok(getitimer(3, &old) == -1 && errno == EINVAL, "getitimer(3): EINVAL");
}

static void test_fork_and_exec(const char *self)
{
	int status = -1;
	pid_t pid;

	set(ITIMER_VIRTUAL, 10000000, 0, NULL);
	set(ITIMER_PROF, 10000000, 1000000, NULL);
	pid = fork();
	if (pid == 0)
		_exit(disarmed(ITIMER_VIRTUAL) && disarmed(ITIMER_PROF) ? 0 : 1);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "fork's child has no CPU itimers");
	pid = fork();
	if (pid == 0) {
		set(ITIMER_VIRTUAL, 10000000, 0, NULL);
		set(ITIMER_PROF, 10000000, 1000000, NULL);
		execl(self, self, "--exec-check", (char *)NULL);
		_exit(2);
	}
	waitpid(pid, &status, 0);
	printf("# the exec'd program's status: %d\n", status);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "execve keeps them");
	set(ITIMER_VIRTUAL, 0, 0, NULL);
	set(ITIMER_PROF, 0, 0, NULL);
}

/* The program execve'd by test_fork_and_exec: are the timers its parent set still there? */
static int exec_check(void)
{
	struct itimerval v, p;

	if (getitimer(ITIMER_VIRTUAL, &v) || getitimer(ITIMER_PROF, &p))
		return 1;
	return tv_secs(&v.it_value) > 5 && tv_secs(&p.it_value) > 5 && p.it_interval.tv_sec == 1
		       ? 0
		       : 1;
}

static volatile int helper_stop;

static void *helper_spin(void *arg)
{
	(void)arg;
	while (!helper_stop)
		sink++;
	return NULL;
}

/* Wall time until a VIRTUAL of value_us fires, with one helper thread spinning or none. */
static double virtual_wall(long value_us, int helper, double *thread_cpu, double *process_cpu)
{
	pthread_t t;
	double t0, wall, c0 = now(CLOCK_THREAD_CPUTIME_ID), p0 = now(CLOCK_PROCESS_CPUTIME_ID);

	helper_stop = 0;
	if (helper)
		pthread_create(&t, NULL, helper_spin, NULL);
	vt_count = 0;
	t0 = now(CLOCK_MONOTONIC);
	set(ITIMER_VIRTUAL, value_us, 0, NULL);
	if (!spin_until(&vt_count, 1, 60))
		wall = -1;
	else
		wall = now(CLOCK_MONOTONIC) - t0;
	*thread_cpu = now(CLOCK_THREAD_CPUTIME_ID) - c0;
	*process_cpu = now(CLOCK_PROCESS_CPUTIME_ID) - p0;
	helper_stop = 1;
	if (helper)
		pthread_join(t, NULL);
	set(ITIMER_VIRTUAL, 0, 0, NULL);
	return wall;
}

static void test_two_threads(void)
{
	double v = 0.4, w1, w2, c1, c2, p1, p2;

	w1 = virtual_wall(400000, 0, &c1, &p1);
	w2 = virtual_wall(400000, 1, &c2, &p2);
	printf("# one thread: %.3f s wall, %.3f s CPU; two: %.3f s wall, this thread %.3f s, "
	       "the process %.3f s CPU\n",
	       w1, c1, w2, c2, p2);
	ok(w1 > 0 && w2 > 0, "ITIMER_VIRTUAL fires with one thread busy and with two");
	/*
	 * Its clock is the process's: it fires when both threads together have run the value
	 * (counting this thread alone would wait for the value here, the helper's time on top).
	 */
	ok(p2 >= 0.8 * v && p2 <= 1.3 * v && p2 - c2 > 0.05 * v,
	   "with two threads busy it counts both threads' time");
	/* In wall time: as fast as the threads really ran side by side (a busy host may not). */
	ok(w2 < 0.8 * w1 || p2 / w2 < 1.4,
	   "two threads on two CPUs make ITIMER_VIRTUAL fire about twice as fast in wall time");
}

/* ---- retargeting a process-wide signal ------------------------------------------------ */

static volatile sig_atomic_t a_got;
static volatile int b_got, b_tid, b_quit;

static void usr1_handler(int sig)
{
	(void)sig;
	a_got++;
}

/* Takes SIGUSR1 with sigwait (blocked, as sigwait wants) until told to stop. */
static void *b_waiter(void *arg)
{
	sigset_t set;
	int sig;

	(void)arg;
	b_tid = (int)syscall(SYS_gettid);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	while (!b_quit) {
		if (sigwait(&set, &sig) == 0 && sig == SIGUSR1 && !b_quit)
			__atomic_fetch_add(&b_got, 1, __ATOMIC_SEQ_CST);
	}
	return NULL;
}

static int wait_for(volatile int *counter, int want, double secs)
{
	double end = now(CLOCK_MONOTONIC) + secs;
	struct timespec nap = { 0, 1000000 };

	while (__atomic_load_n(counter, __ATOMIC_SEQ_CST) < want) {
		if (now(CLOCK_MONOTONIC) > end)
			return 0;
		nanosleep(&nap, NULL);
	}
	return 1;
}

static void stop_b(pthread_t b)
{
	b_quit = 1;
	syscall(NR_tgkill, getpid(), b_tid, SIGUSR1);
	pthread_join(b, NULL);
}

static volatile int phase, consumed_round, sender_quit;
static volatile unsigned int delay_bits;

/* Sends SIGUSR1 to the process each time the leader announces a round. */
static void *sender(void *arg)
{
	int round = 0;

	(void)arg;
	for (;;) {
		while (__atomic_load_n(&phase, __ATOMIC_SEQ_CST) <= round && !sender_quit)
			;
		if (sender_quit)
			return NULL;
		round++;
		kill(getpid(), SIGUSR1);
	}
}

static void test_retarget(void)
{
	sigset_t usr1, none;
	pthread_t b, c;
	int rounds = 300, stuck = 0, i;
	double end;

	on(SIGUSR1, usr1_handler);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigemptyset(&none);
	a_got = b_got = b_quit = 0;
	pthread_create(&b, NULL, b_waiter, NULL);
	while (!__atomic_load_n(&b_tid, __ATOMIC_SEQ_CST))
		sched_yield();
	/* This thread (the leader, whom kill() names) blocks it; B waits for it. */
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	kill(getpid(), SIGUSR1);
	ok(wait_for(&b_got, 1, 10),
	   "a thread that blocks SIGUSR1 leaves kill()'s to the one in sigwait");

	/*
	 * Many rounds: the signal is sent just as this thread, which takes it with a handler,
	 * blocks it again. When it was chosen and blocks it before taking it, it must go to B.
	 */
	phase = sender_quit = 0;
	pthread_create(&c, NULL, sender, NULL);
	for (i = 0; i < rounds && !stuck; i++) {
		int before = a_got + b_got;
		unsigned int spins = (unsigned int)rand() % (1u << (i % 14));

		sigprocmask(SIG_UNBLOCK, &usr1, NULL);
		__atomic_store_n(&phase, i + 1, __ATOMIC_SEQ_CST);
		for (unsigned int k = 0; k < spins; k++)
			sink++;
		sigprocmask(SIG_BLOCK, &usr1, NULL);
		end = now(CLOCK_MONOTONIC) + 10;
		while (a_got + __atomic_load_n(&b_got, __ATOMIC_SEQ_CST) == before) {
			struct timespec nap = { 0, 100000 };

			if (now(CLOCK_MONOTONIC) > end) {
				stuck = 1;
				break;
			}
			nanosleep(&nap, NULL);
		}
	}
	sender_quit = 1;
	pthread_join(c, NULL);
	printf("# %d rounds: %d taken by the blocking thread's handler, %d by sigwait\n", i,
	       (int)a_got, b_got - 1);
	ok(!stuck, "SIGUSR1 chosen for a thread that then blocks it goes to the one in sigwait");
	stop_b(b);
	sigprocmask(SIG_SETMASK, &none, NULL);
	on(SIGUSR1, SIG_DFL);
}

/* ---- SS_AUTODISARM ------------------------------------------------------------------- */

#define ALT_SIZE (64 * 1024)

static char *alt;
static volatile int alt_depth;
static volatile uintptr_t frame_addr[2];
static volatile int disabled_inside[2], saved_flags;

struct uc_head { /* the start of Linux's ucontext: uc_flags, uc_link, uc_stack */
	unsigned long uc_flags;
	void *uc_link;
	stack_t uc_stack;
};

static void alt_handler(int sig, siginfo_t *si, void *ucp)
{
	char here;
	stack_t cur;
	int d = alt_depth++;

	(void)si;
	frame_addr[d] = (uintptr_t)&here;
	disabled_inside[d] =
		sigaltstack(NULL, &cur) == 0 && cur.ss_flags == SS_DISABLE && cur.ss_size == 0;
	if (d == 0) {
		saved_flags = ((struct uc_head *)ucp)->uc_stack.ss_flags;
		raise(SIGUSR2);
	}
	(void)sig;
}

static int in_alt(uintptr_t p)
{
	return p >= (uintptr_t)alt && p < (uintptr_t)alt + ALT_SIZE;
}

/* In a child: without the fix the first delivery on the stack kills it. */
static void autodisarm_child(int fd)
{
	struct sigaction sa;
	stack_t ss, cur;
	char r[8];

	memset(r, '0', sizeof(r));
	alt = malloc(ALT_SIZE);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = alt_handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	ss.ss_sp = alt;
	ss.ss_size = ALT_SIZE;
	ss.ss_flags = SS_AUTODISARM;
	r[0] = sigaltstack(&ss, NULL) == 0 ? '1' : '0';
	raise(SIGUSR1);
	r[1] = alt_depth == 2 && in_alt(frame_addr[0]) ? '1' : '0';
	r[2] = disabled_inside[0] && disabled_inside[1] ? '1' : '0';
	/* Nested: below the first frame, not at the top of the stack again. */
	r[3] = in_alt(frame_addr[1]) && frame_addr[1] < frame_addr[0] - 64 ? '1' : '0';
	r[4] = (unsigned int)saved_flags == SS_AUTODISARM ? '1' : '0';
	r[5] = sigaltstack(NULL, &cur) == 0 && cur.ss_sp == alt && cur.ss_size == ALT_SIZE &&
			       (unsigned int)cur.ss_flags == SS_AUTODISARM
		       ? '1'
		       : '0';
	alt_depth = 0;
	frame_addr[0] = 0;
	raise(SIGUSR1);
	r[6] = alt_depth == 2 && in_alt(frame_addr[0]) ? '1' : '0';
	r[7] = '\n';
	if (write(fd, r, sizeof(r)) != sizeof(r))
		_exit(3);
	_exit(0);
}

static void test_autodisarm(void)
{
	static const char *const names[] = {
		"sigaltstack accepts SS_AUTODISARM",
		"an SA_ONSTACK handler runs on an SS_AUTODISARM stack",
		"inside it (and in a nested one) sigaltstack says SS_DISABLE",
		"a nested signal's frame does not reuse the stack: it goes below the first",
		"the frame's uc_stack keeps the flags as set (SS_AUTODISARM)",
		"after the handler returns the stack is back, with SS_AUTODISARM",
		"and the next signal runs on it again",
	};
	char r[8] = { 0 };
	int fds[2], status = -1;
	pid_t pid;

	if (pipe(fds))
		return;
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		autodisarm_child(fds[1]);
	}
	close(fds[1]);
	if (read(fds[0], r, sizeof(r)) != sizeof(r))
		memset(r, '0', sizeof(r));
	close(fds[0]);
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("# the child was killed by signal %d\n", WTERMSIG(status));
	for (int i = 0; i < 7; i++)
		ok(r[i] == '1', "%s", names[i]);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--exec-check"))
		return exec_check();
	tap_plan(34);
	setvbuf(stdout, NULL, _IONBF, 0);
	test_virtual_busy_and_asleep();
	test_prof_syscalls();
	test_reload();
	test_getitimer_decreases();
	test_old_value_and_null();
	test_fork_and_exec(argv[0]);
	test_two_threads();
	test_retarget();
	test_autodisarm();
	return tap_done();
}
