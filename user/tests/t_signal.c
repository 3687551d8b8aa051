/* Signals: handlers, SA_SIGINFO, masks, SA_RESTART, setjmp and sigsetjmp. */
#include "tap.h"
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#pragma GCC diagnostic ignored "-Winfinite-recursion"

static volatile sig_atomic_t got, got_code;
static volatile pid_t got_pid;
static sigjmp_buf sjb;
static jmp_buf jb;

static void handler(int sig)
{
	got = sig;
}

static volatile pid_t wake_pid;
static void alarm_handler(int sig)
{
	got = sig;
	if (wake_pid)
		kill(wake_pid, SIGUSR2);
}

static void info_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got = sig;
	got_pid = si->si_pid;
	got_code = si->si_code;
}

static void jump_handler(int sig)
{
	siglongjmp(sjb, sig);
}

static int depth(int n)
{
	if (n == 0)
		longjmp(jb, 17);
	return depth(n - 1) + 1;
}

int main(void)
{
	tap_plan(15);
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	ok(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction installs a handler");
	raise(SIGUSR1);
	ok(got == SIGUSR1, "raise runs the handler, which returns through our restorer");

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = info_handler;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, NULL);
	got = 0;
	kill(getpid(), SIGUSR2);
	ok(got == SIGUSR2 && got_pid == getpid() && got_code == 0,
	   "SA_SIGINFO: si_pid and si_code (SI_USER)");

	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	got = 0;
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGUSR1);
	ok(got == 0, "a blocked signal waits");
	sigset_t pend;
	sigemptyset(&pend);
	ok(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR1) == 1, "sigpending shows it");
	sigprocmask(SIG_SETMASK, &old, NULL);
	ok(got == SIGUSR1, "unblocking delivers it");

	struct sigaction cur;
	sigaction(SIGUSR1, NULL, &cur);
	ok(cur.sa_handler == handler, "sigaction reads back the handler");
	ok(signal(SIGUSR1, SIG_IGN) == handler, "signal returns the old handler");
	got = 0;
	raise(SIGUSR1);
	ok(got == 0, "an ignored signal does nothing");

	/* SA_RESTART: a read interrupted by a handled SIGALRM goes on. The writer waits for the
	 * alarm's handler to wake it, so the read is surely interrupted first, however slow the
	 * machine. */
	int p[2];
	pipe(p);
	sigset_t usr2, before;
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2, &before);
	pid_t child = fork();
	if (child == 0) {
		struct sigaction wake;
		memset(&wake, 0, sizeof(wake));
		wake.sa_handler = handler;
		sigaction(SIGUSR2, &wake, NULL);
		sigset_t none;
		sigemptyset(&none);
		sigsuspend(&none); /* until the parent's alarm handler sends SIGUSR2 */
		write(p[1], "x", 1);
		_exit(0);
	}
	sigprocmask(SIG_SETMASK, &before, NULL);
	wake_pid = child;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = alarm_handler;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGALRM, &sa, NULL);
	struct itimerval it = { { 0, 0 }, { 0, 100000 } };
	got = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	char c = 0;
	ssize_t n = read(p[0], &c, 1);
	ok(got == SIGALRM && n == 1 && c == 'x', "SA_RESTART: the read resumes after the handler");
	waitpid(child, NULL, 0);
	wake_pid = 0;

	sa.sa_flags = 0;
	sigaction(SIGALRM, &sa, NULL);
	got = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	errno = 0;
	n = read(p[0], &c, 1);
	ok(got == SIGALRM && n == -1 && errno == EINTR,
	   "without SA_RESTART the read fails with EINTR");
	close(p[0]);
	close(p[1]);

	volatile int r = setjmp(jb);
	if (!r)
		depth(10);
	ok(r == 17, "longjmp out of a deep call returns its value from setjmp");
	r = setjmp(jb);
	if (!r)
		longjmp(jb, 0);
	ok(r == 1, "longjmp(env, 0) makes setjmp return 1");

	/* siglongjmp out of a handler restores the mask saved by sigsetjmp */
	signal(SIGUSR1, jump_handler);
	sigprocmask(SIG_SETMASK, NULL, &old);
	r = sigsetjmp(sjb, 1);
	if (!r)
		raise(SIGUSR1);
	sigset_t now;
	sigprocmask(SIG_SETMASK, NULL, &now);
	ok(r == SIGUSR1, "siglongjmp out of a signal handler");
	ok(sigismember(&now, SIGUSR1) == 0,
	   "sigsetjmp(env, 1) restored the mask (SIGUSR1 unblocked)");
	return tap_done();
}
