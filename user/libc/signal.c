/* Signals: sigaction with our own restorer (rt_sigreturn), masks, raise, waiting, signalfd. */
#include "libc.h"
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

/* The kernel's struct sigaction on x86-64. */
struct k_sigaction {
	void *handler;
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

/* Where a handler returns to: straight into rt_sigreturn, with the frame the kernel built. */
__attribute__((naked)) static void restore_rt(void)
{
	__asm__ volatile("mov $15, %eax\n\tsyscall\n\thlt");
}

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old)
{
	struct k_sigaction ka, ko;
	if (act) {
		ka.handler = (void *)act->sa_handler;
		ka.flags = (unsigned long)(unsigned)act->sa_flags | SA_RESTORER;
		ka.restorer = restore_rt;
		ka.mask = act->sa_mask.__bits[0];
	}
	if (__sysret(SYS_rt_sigaction, sig, act ? &ka : 0, old ? &ko : 0, 8) < 0)
		return -1;
	if (old) {
		memset(old, 0, sizeof(*old));
		old->sa_handler = (void (*)(int))ko.handler;
		old->sa_flags = (int)ko.flags;
		old->sa_restorer = ko.restorer;
		old->sa_mask.__bits[0] = ko.mask;
	}
	return 0;
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction sa = { .sa_handler = handler, .sa_flags = SA_RESTART }, old;
	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old)
{
	return (int)__sysret(SYS_rt_sigprocmask, how, set, old, 8);
}

int sigpending(sigset_t *set)
{
	return (int)__sysret(SYS_rt_sigpending, set, 8);
}
int sigsuspend(const sigset_t *mask)
{
	return (int)__sysret(SYS_rt_sigsuspend, mask, 8);
}
int sigaltstack(const stack_t *restrict ss, stack_t *restrict old)
{
	return (int)__sysret(SYS_sigaltstack, ss, old);
}

int sigemptyset(sigset_t *set)
{
	set->__bits[0] = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	set->__bits[0] = ~0UL;
	return 0;
}

static int bad_sig(int sig)
{
	if (sig < 1 || sig >= NSIG) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (bad_sig(sig))
		return -1;
	set->__bits[0] |= 1UL << (sig - 1);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad_sig(sig))
		return -1;
	set->__bits[0] &= ~(1UL << (sig - 1));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (bad_sig(sig))
		return -1;
	return (int)(set->__bits[0] >> (sig - 1) & 1);
}

int raise(int sig)
{
	return (int)__sysret(SYS_tgkill, getpid(), __sys(SYS_gettid), sig);
}

int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info,
		 const struct timespec *restrict timeout)
{
	return (int)__sysret(SYS_rt_sigtimedwait, set, info, timeout, 8);
}

int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict info)
{
	return sigtimedwait(set, info, 0);
}

int sigwait(const sigset_t *restrict set, int *restrict sig)
{
	int r;
	do
		r = sigtimedwait(set, 0, 0);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return errno;
	*sig = r;
	return 0;
}

int sigqueue(pid_t pid, int sig, const union sigval value)
{
	siginfo_t si;
	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value = value;
	return (int)__sysret(SYS_rt_sigqueueinfo, pid, sig, &si);
}

int signalfd(int fd, const sigset_t *mask, int flags)
{
	return (int)__sysret(SYS_signalfd4, fd, mask, 8, flags);
}
