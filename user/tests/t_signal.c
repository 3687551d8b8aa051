/*
 * Signals: handlers, SA_SIGINFO, masks, SA_RESTART, setjmp and sigsetjmp; the queueing rules,
 * SA_RESETHAND/SA_NODEFER, the alternate stack, the fault signals with their siginfo, waiting
 * (sigsuspend, sigtimedwait, alarm, setitimer), stop and continue as wait reports them,
 * SIGCHLD, SIGPIPE, signalfd and execve's reset of handlers.
 */
#include "tap.h"
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
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

/* ---- the cases beyond the basics -------------------------------------------------------- */

#define MORE_CASES 52

static volatile sig_atomic_t count, inner_blocked, on_alt;
static volatile int last_code, last_status;
static volatile void *last_addr;
static volatile int last_value[8];
static volatile pid_t last_pid;
static volatile uid_t last_uid;
static char *altstack;
/* An unmapped address the compiler cannot see through. */
static volatile int *volatile bad_ptr = (volatile int *)16;

static void count_handler(int sig)
{
	(void)sig;
	count++;
}

static void rt_handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	if (count < 8)
		last_value[count] = si->si_value.sival_int;
	count++;
}

static void mask_handler(int sig)
{
	sigset_t cur;
	sigprocmask(SIG_SETMASK, NULL, &cur);
	inner_blocked = sigismember(&cur, sig) + 2 * sigismember(&cur, SIGUSR2);
	count++;
}

static void fault_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got = sig;
	last_code = si->si_code;
	last_addr = si->si_addr;
	siglongjmp(sjb, 1);
}

static void trap_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got = sig;
	last_code = si->si_code;
}

static void alt_handler(int sig)
{
	char here;
	stack_t cur, try;
	(void)sig;
	on_alt = &here >= altstack && &here < altstack + SIGSTKSZ;
	sigaltstack(NULL, &cur);
	memset(&try, 0, sizeof(try));
	try.ss_sp = altstack;
	try.ss_size = SIGSTKSZ;
	errno = 0;
	inner_blocked = (cur.ss_flags & SS_ONSTACK) && sigaltstack(&try, NULL) == -1 && errno == EPERM;
}

static void chld_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got = sig;
	last_code = si->si_code;
	last_pid = si->si_pid;
	last_status = si->si_status;
}

static void kill_info_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got = sig;
	last_code = si->si_code;
	last_pid = si->si_pid;
	last_uid = si->si_uid;
}

static int recurse(int n)
{
	volatile char buf[4096];
	buf[0] = (char)n;
	return recurse(n + 1) + buf[0];
}

static void set_action(int sig, void (*h)(int), void (*sa)(int, siginfo_t *, void *), int flags)
{
	struct sigaction act;
	memset(&act, 0, sizeof(act));
	if (sa)
		act.sa_sigaction = sa;
	else
		act.sa_handler = h;
	act.sa_flags = flags | (sa ? SA_SIGINFO : 0);
	sigaction(sig, &act, NULL);
}

__attribute__((noinline)) static void do_ud2(void)
{
	__asm__ volatile(".globl t_signal_ud2\nt_signal_ud2: ud2");
}
extern char t_signal_ud2[];

static int exec_check(void)
{
	struct sigaction a, b;
	sigset_t m;
	sigaction(SIGUSR1, NULL, &a);
	sigaction(SIGUSR2, NULL, &b);
	sigprocmask(SIG_SETMASK, NULL, &m);
	return !(a.sa_handler == SIG_DFL && b.sa_handler == SIG_IGN && sigismember(&m, SIGWINCH));
}

static void block(int sig, sigset_t *old)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, sig);
	sigprocmask(SIG_BLOCK, &s, old);
}

static volatile int usr2_blocked_in_handler = -1;

static void mask_probe_handler(int sig)
{
	sigset_t now;

	(void)sig;
	sigprocmask(SIG_SETMASK, NULL, &now);
	usr2_blocked_in_handler = sigismember(&now, SIGUSR2);
}

/*
 * ppoll's mask holds while the handler of the signal that ended it runs, and the caller's
 * comes back only after (Linux's TIF_RESTORE_SIGMASK): with {USR1, USR2} blocked and an
 * empty mask for the wait, a pending SIGUSR1 runs its handler with SIGUSR2 unblocked.
 */
static void ppoll_mask_cases(void)
{
	struct sigaction sa, old_sa;
	sigset_t both, none, old, after;
	struct timespec ts = { 5, 0 };
	int ret;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = mask_probe_handler;
	sigaction(SIGUSR1, &sa, &old_sa);
	sigemptyset(&both);
	sigaddset(&both, SIGUSR1);
	sigaddset(&both, SIGUSR2);
	sigemptyset(&none);
	sigprocmask(SIG_BLOCK, &both, &old);
	raise(SIGUSR1);
	ret = ppoll(NULL, 0, &ts, &none);
	ok(ret == -1 && errno == EINTR && usr2_blocked_in_handler == 0,
	   "ppoll: the handler runs under ppoll's mask");
	sigprocmask(SIG_SETMASK, NULL, &after);
	ok(sigismember(&after, SIGUSR1) == 1 && sigismember(&after, SIGUSR2) == 1,
	   "ppoll: the caller's mask is back after the handler");
	sigprocmask(SIG_SETMASK, &old, NULL);
	sigaction(SIGUSR1, &old_sa, NULL);
}

static void more_cases(const char *self)
{
	sigset_t set, old, pend;
	int status;
	pid_t child;

	/* Queueing: a standard signal is pending once, a real-time one each time, in order. */
	set_action(SIGUSR1, count_handler, NULL, 0);
	block(SIGUSR1, &old);
	count = 0;
	raise(SIGUSR1);
	raise(SIGUSR1);
	raise(SIGUSR1);
	sigprocmask(SIG_SETMASK, &old, NULL);
	ok(count == 1, "a standard signal sent three times while blocked runs once");
	int rt = SIGRTMIN + 1;
	set_action(rt, NULL, rt_handler, 0);
	block(rt, &old);
	count = 0;
	for (int i = 0; i < 3; i++) {
		union sigval v = { .sival_int = 100 + i };
		sigqueue(getpid(), rt, v);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	ok(count == 3 && last_value[0] == 100 && last_value[1] == 101 && last_value[2] == 102,
	   "a real-time signal is queued each time, with its value, in order");

	/* SA_SIGINFO from another process: its pid, our uid, SI_USER. */
	set_action(SIGUSR2, NULL, kill_info_handler, 0);
	block(SIGUSR2, &old);
	child = fork();
	if (child == 0) {
		kill(getppid(), SIGUSR2);
		_exit(0);
	}
	waitpid(child, NULL, 0);
	got = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	ok(got == SIGUSR2 && last_pid == child && last_uid == getuid() && last_code == SI_USER,
	   "SA_SIGINFO: si_pid is the sender, si_uid its uid, si_code SI_USER");
	got = 0;
	raise(SIGUSR2);
	ok(got == SIGUSR2 && last_code == SI_TKILL && last_pid == getpid(),
	   "raise: si_code SI_TKILL, si_pid ours");

	/* sa_mask and the handler's own signal are blocked in the handler; SA_NODEFER not. */
	struct sigaction act;
	memset(&act, 0, sizeof(act));
	act.sa_handler = mask_handler;
	sigemptyset(&act.sa_mask);
	sigaddset(&act.sa_mask, SIGUSR2);
	sigaction(SIGUSR1, &act, NULL);
	inner_blocked = 0;
	raise(SIGUSR1);
	ok(inner_blocked == 3, "in a handler its signal and sa_mask are blocked");
	sigprocmask(SIG_SETMASK, NULL, &set);
	ok(!sigismember(&set, SIGUSR1) && !sigismember(&set, SIGUSR2),
	   "and unblocked again after it returns");
	act.sa_flags = SA_NODEFER;
	sigemptyset(&act.sa_mask);
	sigaction(SIGUSR1, &act, NULL);
	inner_blocked = 0;
	raise(SIGUSR1);
	ok(inner_blocked == 0, "SA_NODEFER: the signal is not blocked in its handler");

	/* SA_RESETHAND: once, then back to SIG_DFL. */
	set_action(SIGUSR1, count_handler, NULL, SA_RESETHAND);
	count = 0;
	raise(SIGUSR1);
	struct sigaction cur;
	sigaction(SIGUSR1, NULL, &cur);
	ok(count == 1 && cur.sa_handler == SIG_DFL, "SA_RESETHAND: the handler runs once, then SIG_DFL");

	/* Masks: SIGKILL and SIGSTOP cannot be blocked, nor caught. */
	sigfillset(&set);
	sigprocmask(SIG_SETMASK, &set, &old);
	sigprocmask(SIG_SETMASK, &old, &set);
	ok(!sigismember(&set, SIGKILL) && !sigismember(&set, SIGSTOP) && sigismember(&set, SIGTERM),
	   "SIGKILL and SIGSTOP cannot be blocked");
	memset(&act, 0, sizeof(act));
	act.sa_handler = count_handler;
	errno = 0;
	ok(sigaction(SIGKILL, &act, NULL) == -1 && errno == EINVAL, "sigaction(SIGKILL) is EINVAL");

	/* A pending signal whose action becomes SIG_IGN is discarded. */
	block(SIGUSR1, &old);
	raise(SIGUSR1);
	signal(SIGUSR1, SIG_IGN);
	sigpending(&pend);
	ok(!sigismember(&pend, SIGUSR1), "setting SIG_IGN discards the pending signal");
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGUSR1, SIG_DFL);

	/* sigaltstack */
	altstack = malloc(SIGSTKSZ);
	stack_t ss, oss;
	memset(&ss, 0, sizeof(ss));
	ss.ss_sp = altstack;
	ss.ss_size = 1024;
	errno = 0;
	ok(sigaltstack(&ss, NULL) == -1 && errno == ENOMEM, "sigaltstack below MINSIGSTKSZ: ENOMEM");
	ss.ss_size = SIGSTKSZ;
	ss.ss_flags = 99;
	errno = 0;
	ok(sigaltstack(&ss, NULL) == -1 && errno == EINVAL, "sigaltstack with bad flags: EINVAL");
	ss.ss_flags = 0;
	ok(sigaltstack(&ss, &oss) == 0 && (oss.ss_flags & SS_DISABLE), "sigaltstack installs one");
	set_action(SIGUSR1, alt_handler, NULL, SA_ONSTACK);
	on_alt = inner_blocked = 0;
	raise(SIGUSR1);
	ok(on_alt, "SA_ONSTACK: the handler runs on the alternate stack");
	ok(inner_blocked, "where sigaltstack says SS_ONSTACK and refuses a change (EPERM)");
	sigaltstack(NULL, &oss);
	ok(oss.ss_sp == altstack && oss.ss_size == SIGSTKSZ && oss.ss_flags == 0,
	   "and outside the handler it reads back, not in use");

	/* Stack overflow: SIGSEGV handled on the alternate stack, siglongjmp out (a child). */
	child = fork();
	if (child == 0) {
		set_action(SIGSEGV, NULL, fault_handler, SA_ONSTACK);
		if (!sigsetjmp(sjb, 1))
			recurse(0);
		_exit(got == SIGSEGV ? 0 : 1);
	}
	waitpid(child, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "a stack overflow's SIGSEGV is caught on the alternate stack");
	ss.ss_flags = SS_DISABLE;
	sigaltstack(&ss, NULL);
	signal(SIGUSR1, SIG_DFL);

	/* Fault signals with their siginfo. */
	set_action(SIGSEGV, NULL, fault_handler, 0);
	got = 0;
	if (!sigsetjmp(sjb, 1))
		*bad_ptr = 1;
	ok(got == SIGSEGV && last_code == SEGV_MAPERR && last_addr == (void *)16,
	   "SIGSEGV: si_addr is the address, SEGV_MAPERR where nothing is mapped");
	char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	got = 0;
	if (!sigsetjmp(sjb, 1))
		*(volatile char *)(ro + 8) = 1;
	ok(got == SIGSEGV && last_code == SEGV_ACCERR && last_addr == ro + 8,
	   "SIGSEGV: SEGV_ACCERR writing a read-only mapping");
	munmap(ro, 4096);
	sigprocmask(SIG_SETMASK, NULL, &set);
	ok(!sigismember(&set, SIGSEGV), "siglongjmp out of the fault handler restored the mask");
	signal(SIGSEGV, SIG_DFL);

	set_action(SIGFPE, NULL, fault_handler, 0);
	got = 0;
	volatile int zero = 0, r = 1;
	if (!sigsetjmp(sjb, 1))
		r = r / zero;
	ok(got == SIGFPE && last_code == FPE_INTDIV, "integer divide by zero: SIGFPE, FPE_INTDIV");
	signal(SIGFPE, SIG_DFL);

	set_action(SIGILL, NULL, fault_handler, 0);
	got = 0;
	if (!sigsetjmp(sjb, 1))
		do_ud2();
	ok(got == SIGILL && last_code == ILL_ILLOPN && last_addr == (void *)t_signal_ud2,
	   "ud2: SIGILL, ILL_ILLOPN, si_addr the instruction");
	signal(SIGILL, SIG_DFL);

	set_action(SIGTRAP, NULL, trap_handler, 0);
	got = 0;
	__asm__ volatile("int3");
	ok(got == SIGTRAP && last_code == SI_KERNEL, "int3: SIGTRAP, si_code SI_KERNEL, and it goes on");
	signal(SIGTRAP, SIG_DFL);

	/* A blocked fault signal cannot hold the fault back: the process dies of it. */
	child = fork();
	if (child == 0) {
		block(SIGSEGV, NULL);
		*bad_ptr = 1;
		_exit(0);
	}
	waitpid(child, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	   "a blocked SIGSEGV from a fault still kills: wait says SIGSEGV");

	/* sigsuspend: waits with the given mask, the old one back after. */
	set_action(SIGUSR1, count_handler, NULL, 0);
	block(SIGUSR1, &old);
	child = fork();
	if (child == 0) {
		usleep(20000);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	count = 0;
	sigemptyset(&set);
	errno = 0;
	int sr = sigsuspend(&set);
	ok(sr == -1 && errno == EINTR && count == 1, "sigsuspend returns EINTR after the handler");
	sigprocmask(SIG_SETMASK, NULL, &set);
	ok(sigismember(&set, SIGUSR1), "and the mask before it is back");
	waitpid(child, NULL, 0);

	/* sigtimedwait */
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	errno = 0;
	ok(sigtimedwait(&set, NULL, &ts) == -1 && errno == EAGAIN,
	   "sigtimedwait with nothing pending: EAGAIN after the timeout");
	siginfo_t si;
	raise(SIGUSR1);
	memset(&si, 0, sizeof(si));
	ok(sigtimedwait(&set, &si, &ts) == SIGUSR1 && si.si_signo == SIGUSR1 && si.si_pid == getpid(),
	   "sigtimedwait takes a pending signal with its siginfo");
	sigprocmask(SIG_SETMASK, &old, NULL);

	/* alarm and setitimer */
	set_action(SIGALRM, count_handler, NULL, 0);
	alarm(5);
	unsigned left = alarm(0);
	ok(left == 5 || left == 4, "alarm returns the seconds left of the previous one");
	count = 0;
	alarm(1);
	errno = 0;
	int pr = pause();
	ok(pr == -1 && errno == EINTR && count == 1, "alarm(1) ends pause with EINTR");
	struct itimerval it = { { 0, 10000 }, { 0, 10000 } }, got_it;
	count = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	while (count < 3)
		pause();
	getitimer(ITIMER_REAL, &got_it);
	ok(got_it.it_interval.tv_usec == 10000 && got_it.it_interval.tv_sec == 0,
	   "setitimer: a periodic timer fires again and again; getitimer reads the interval");
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, NULL);
	getitimer(ITIMER_REAL, &got_it);
	ok(got_it.it_value.tv_sec == 0 && got_it.it_value.tv_usec == 0, "and a zero value disarms it");

	/* nanosleep interrupted: EINTR and the time left. */
	struct itimerval once = { { 0, 0 }, { 0, 30000 } };
	setitimer(ITIMER_REAL, &once, NULL);
	struct timespec req = { 2, 0 }, rem = { 0, 0 };
	errno = 0;
	int nr = nanosleep(&req, &rem);
	ok(nr == -1 && errno == EINTR && rem.tv_sec >= 1 && rem.tv_sec <= 2,
	   "nanosleep interrupted by a handler: EINTR, rem holds the rest");
	signal(SIGALRM, SIG_DFL);

	/* Stop, continue and kill a child, as wait reports them. */
	child = fork();
	if (child == 0) {
		for (;;)
			pause();
	}
	kill(child, SIGSTOP);
	pid_t w = waitpid(child, &status, WUNTRACED);
	ok(w == child && WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP,
	   "WUNTRACED: the child stopped by SIGSTOP");
	kill(child, SIGCONT);
	w = waitpid(child, &status, WCONTINUED);
	ok(w == child && WIFCONTINUED(status), "WCONTINUED: and continued by SIGCONT");
	/* SIGSTOP, not SIGTSTP: Linux discards the tty stop signals in an orphaned process group,
	 * which a test runner's may be. */
	kill(child, SIGSTOP);
	memset(&si, 0, sizeof(si));
	int wr = waitid(P_PID, child, &si, WSTOPPED);
	ok(wr == 0 && si.si_pid == child && si.si_code == CLD_STOPPED && si.si_status == SIGSTOP &&
		   si.si_signo == SIGCHLD,
	   "waitid(WSTOPPED): CLD_STOPPED with the stop signal");
	kill(child, SIGKILL);
	w = waitpid(child, &status, 0);
	ok(w == child && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	   "a stopped child is killed by SIGKILL");

	/* A fatal signal's status, and waitid's view of exits. */
	child = fork();
	if (child == 0) {
		for (;;)
			pause();
	}
	kill(child, SIGTERM);
	memset(&si, 0, sizeof(si));
	wr = waitid(P_PID, child, &si, WEXITED | WNOWAIT);
	ok(wr == 0 && si.si_code == CLD_KILLED && si.si_status == SIGTERM,
	   "waitid(WNOWAIT): CLD_KILLED and the signal, the zombie left");
	w = waitpid(child, &status, 0);
	ok(w == child && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	   "then wait4 reaps it: WTERMSIG is SIGTERM");
	child = fork();
	if (child == 0)
		_exit(7);
	memset(&si, 0, sizeof(si));
	wr = waitid(P_ALL, 0, &si, WEXITED);
	ok(wr == 0 && si.si_pid == child && si.si_code == CLD_EXITED && si.si_status == 7,
	   "waitid(P_ALL, WEXITED): CLD_EXITED with the exit code");
	memset(&si, 0, sizeof(si));
	errno = 0;
	ok(waitid(P_ALL, 0, &si, WEXITED) == -1 && errno == ECHILD, "waitid without children: ECHILD");

	/* SIGCHLD at exit, with siginfo. */
	set_action(SIGCHLD, NULL, chld_handler, 0);
	block(SIGCHLD, &old);
	child = fork();
	if (child == 0)
		_exit(3);
	waitpid(child, &status, 0);
	got = 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	ok(got == SIGCHLD && last_code == CLD_EXITED && last_pid == child && last_status == 3,
	   "SIGCHLD: CLD_EXITED, the child's pid and exit code");
	signal(SIGCHLD, SIG_DFL);

	/* A parent that ignores SIGCHLD leaves no zombie: wait finds none. */
	signal(SIGCHLD, SIG_IGN);
	child = fork();
	if (child == 0)
		_exit(0);
	errno = 0;
	w = waitpid(child, &status, 0);
	ok(w == -1 && errno == ECHILD, "SIGCHLD ignored: the child is reaped at once (ECHILD)");
	signal(SIGCHLD, SIG_DFL);

	/* SIGPIPE */
	int p[2];
	pipe(p);
	close(p[0]);
	set_action(SIGPIPE, count_handler, NULL, 0);
	count = 0;
	errno = 0;
	ssize_t wn = write(p[1], "x", 1);
	ok(wn == -1 && errno == EPIPE && count == 1, "a write to a pipe without readers: SIGPIPE, EPIPE");
	close(p[1]);
	signal(SIGPIPE, SIG_DFL);

	/* signalfd */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	int sfd = signalfd(-1, &set, SFD_NONBLOCK);
	struct signalfd_siginfo fdsi;
	errno = 0;
	ok(sfd >= 0 && read(sfd, &fdsi, sizeof(fdsi)) == -1 && errno == EAGAIN,
	   "signalfd: nothing pending reads EAGAIN (SFD_NONBLOCK)");
	kill(getpid(), SIGUSR1);
	memset(&fdsi, 0, sizeof(fdsi));
	ok(read(sfd, &fdsi, sizeof(fdsi)) == sizeof(fdsi) && fdsi.ssi_signo == SIGUSR1 &&
		   fdsi.ssi_pid == (uint32_t)getpid() && fdsi.ssi_code == SI_USER,
	   "signalfd: a read returns the signal as struct signalfd_siginfo");
	sigpending(&pend);
	ok(!sigismember(&pend, SIGUSR1), "and takes it off the pending set");
	close(sfd);
	sigprocmask(SIG_SETMASK, &old, NULL);

	/* execve: handlers back to SIG_DFL, ignored stays ignored, the mask is kept. */
	set_action(SIGUSR1, count_handler, NULL, 0);
	signal(SIGUSR2, SIG_IGN);
	block(SIGWINCH, &old);
	child = fork();
	if (child == 0) {
		execl(self, self, "--exec-check", (char *)NULL);
		_exit(99);
	}
	waitpid(child, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "execve resets handlers, keeps SIG_IGN and the mask");
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);

	/* fork: the child starts with nothing pending, the mask and handlers inherited. */
	block(SIGUSR1, &old);
	raise(SIGUSR1);
	child = fork();
	if (child == 0) {
		sigset_t cp, cm;
		sigpending(&cp);
		sigprocmask(SIG_SETMASK, NULL, &cm);
		_exit(!sigismember(&cp, SIGUSR1) && sigismember(&cm, SIGUSR1) ? 0 : 1);
	}
	waitpid(child, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "fork: nothing pending in the child, the mask inherited");
	signal(SIGUSR1, SIG_IGN);
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGUSR1, SIG_DFL);
	(void)r;
}


int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--exec-check"))
		return exec_check();
	tap_plan(15 + MORE_CASES);
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
	signal(SIGUSR1, SIG_DFL);
	more_cases(argv[0]);
	ppoll_mask_cases();
	return tap_done();
}
