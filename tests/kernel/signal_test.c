// SPDX-License-Identifier: GPL-2.0
/*
 * Signals: the frame a handler finds is Linux's, byte for byte (offsets of rt_sigframe,
 * ucontext, sigcontext, siginfo and the FPU software bytes as Linux's uapi headers give
 * them: programs and debuggers read them by these offsets), and the queueing rules of
 * kernel/signal.c on a task that never runs: a standard signal pending once, a real-time
 * one queued each time, RLIMIT_SIGPENDING, ignored signals discarded at send time, the
 * SIGCONT/stop side effects, and the delivery order (faults first, then the lowest).
 */
#include <asm/sigframe.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>

#define OFF(type, field) __builtin_offsetof(type, field)

static void test_sigcontext_layout(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, sizeof(struct sigcontext_64), 256);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, r8), 0);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, r15), 56);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, di), 64);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, ax), 104);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, sp), 120);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, ip), 128);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, flags), 136);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, cs), 144);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, ss), 150);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, err), 152);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, trapno), 160);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, oldmask), 168);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, cr2), 176);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, fpstate), 184);
	KTEST_EXPECT_EQ(t, OFF(struct sigcontext_64, reserved1), 192);
}

static void test_ucontext_layout(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, OFF(struct ucontext, uc_flags), 0);
	KTEST_EXPECT_EQ(t, OFF(struct ucontext, uc_link), 8);
	KTEST_EXPECT_EQ(t, OFF(struct ucontext, uc_stack), 16);
	KTEST_EXPECT_EQ(t, OFF(struct ucontext, uc_mcontext), 40);
	/* glibc's REG_RIP: gregs[16] of mcontext, uc + 40 + 16 * 8 */
	KTEST_EXPECT_EQ(t, OFF(struct ucontext, uc_mcontext.ip), 168);
	KTEST_EXPECT_EQ(t, OFF(struct ucontext, uc_mcontext.fpstate), 224);
	KTEST_EXPECT_EQ(t, OFF(struct ucontext, uc_sigmask), 296);
	KTEST_EXPECT_EQ(t, sizeof(struct ucontext), 304);
	KTEST_EXPECT_EQ(t, OFF(stack_t, ss_sp), 0);
	KTEST_EXPECT_EQ(t, OFF(stack_t, ss_flags), 8);
	KTEST_EXPECT_EQ(t, OFF(stack_t, ss_size), 16);
}

static void test_rt_sigframe_layout(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, OFF(struct rt_sigframe, pretcode), 0);
	KTEST_EXPECT_EQ(t, OFF(struct rt_sigframe, uc), 8);
	KTEST_EXPECT_EQ(t, OFF(struct rt_sigframe, info), 312);
	KTEST_EXPECT_EQ(t, sizeof(struct rt_sigframe), 440);
	KTEST_EXPECT_EQ(t, sizeof(struct _fpx_sw_bytes), 48);
	KTEST_EXPECT_EQ(t, OFF(struct _fpx_sw_bytes, extended_size), 4);
	KTEST_EXPECT_EQ(t, OFF(struct _fpx_sw_bytes, xfeatures), 8);
	KTEST_EXPECT_EQ(t, OFF(struct _fpx_sw_bytes, xstate_size), 16);
	KTEST_EXPECT_EQ(t, FP_XSTATE_MAGIC1, 0x46505853);
	KTEST_EXPECT_EQ(t, FP_XSTATE_MAGIC2, 0x46505845);
}

static void test_siginfo_layout(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, sizeof(struct kernel_siginfo), 128);
	KTEST_EXPECT_EQ(t, OFF(struct kernel_siginfo, si_errno), 4);
	KTEST_EXPECT_EQ(t, OFF(struct kernel_siginfo, si_code), 8);
	KTEST_EXPECT_EQ(t, OFF(struct kernel_siginfo, kill.pid), 16);
	KTEST_EXPECT_EQ(t, OFF(struct kernel_siginfo, kill.uid), 20);
	KTEST_EXPECT_EQ(t, OFF(struct kernel_siginfo, kill.value), 24);
	KTEST_EXPECT_EQ(t, OFF(struct kernel_siginfo, sigchld.status), 24);
	KTEST_EXPECT_EQ(t, OFF(struct kernel_siginfo, sigchld.utime), 32);
	KTEST_EXPECT_EQ(t, OFF(struct kernel_siginfo, sigchld.stime), 40);
	KTEST_EXPECT_EQ(t, OFF(struct kernel_siginfo, sigfault.addr), 16);
	KTEST_EXPECT_EQ(t, OFF(struct k_sigaction, sa_flags), 8);
	KTEST_EXPECT_EQ(t, OFF(struct k_sigaction, sa_restorer), 16);
	KTEST_EXPECT_EQ(t, OFF(struct k_sigaction, sa_mask), 24);
}

/* ---- queueing, on a task that is created but never started ------------------------- */

#define FAKE_HANDLER ((void __user *)0x1000)
#define RT (SIGRTMIN + 2)

static int never_runs(void *unused)
{
	return 0;
}

static int queued(struct sigpending *p, int sig)
{
	struct sigqueue *q;
	int n = 0;

	list_for_each_entry(q, &p->list, list)
		n += q->info.si_signo == sig;
	return n;
}

static struct task_struct *target(struct ktest *t)
{
	struct task_struct *p = create_task(never_runs, NULL, "sigtarget");
	int sig;

	if (!p)
		return NULL;
	for (sig = 1; sig <= _NSIG; sig++)
		p->sighand->action[sig - 1].sa_handler = FAKE_HANDLER;
	return p;
}

static void rt_info(struct kernel_siginfo *info, int sig, int value)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = SI_QUEUE;
	info->kill.value = value;
}

static void test_standard_once_rt_each(struct ktest *t)
{
	struct task_struct *p = target(t);
	struct kernel_siginfo info;
	int i;

	KTEST_ASSERT_NOT_NULL(t, p);
	for (i = 0; i < 3; i++) {
		KTEST_EXPECT_EQ(t, send_sig_info(SIGUSR1, SEND_SIG_PRIV, p), 0);
		rt_info(&info, RT, i);
		KTEST_EXPECT_EQ(t, send_sig_info(RT, &info, p), 0);
	}
	KTEST_EXPECT_TRUE(t, sigismember(&p->pending.signal, SIGUSR1));
	KTEST_EXPECT_EQ(t, queued(&p->pending, SIGUSR1), 1);
	KTEST_EXPECT_EQ(t, queued(&p->pending, RT), 3);
	KTEST_EXPECT_TRUE(t, test_tsk_thread_flag(p, TIF_SIGPENDING));
	/* To the process: the shared queue. */
	KTEST_EXPECT_EQ(t, group_send_sig_info(SIGUSR2, SEND_SIG_PRIV, p), 0);
	KTEST_EXPECT_TRUE(t, sigismember(&p->signal->shared_pending.signal, SIGUSR2));
	KTEST_EXPECT_EQ(t, send_sig_info(_NSIG + 1, SEND_SIG_PRIV, p), -EINVAL);
	put_task_struct(p);
}

static void test_rlimit_sigpending(struct ktest *t)
{
	struct task_struct *p = target(t);
	struct kernel_siginfo info;

	KTEST_ASSERT_NOT_NULL(t, p);
	p->signal->rlim[RLIMIT_SIGPENDING].rlim_cur = 0;
	/* A real-time signal with data it cannot queue fails instead of being lost... */
	rt_info(&info, RT, 1);
	KTEST_EXPECT_EQ(t, send_sig_info(RT, &info, p), -EAGAIN);
	KTEST_EXPECT_FALSE(t, sigismember(&p->pending.signal, RT));
	/* ...the kernel's own and standard signals are not limited. */
	KTEST_EXPECT_EQ(t, send_sig_info(RT, SEND_SIG_PRIV, p), 0);
	KTEST_EXPECT_EQ(t, queued(&p->pending, RT), 1);
	KTEST_EXPECT_EQ(t, send_sig_info(SIGUSR1, SEND_SIG_NOINFO, p), 0);
	KTEST_EXPECT_TRUE(t, sigismember(&p->pending.signal, SIGUSR1));
	put_task_struct(p);
}

static void test_ignored_discarded(struct ktest *t)
{
	struct task_struct *p = target(t);

	KTEST_ASSERT_NOT_NULL(t, p);
	p->sighand->action[SIGUSR1 - 1].sa_handler = SIG_IGN;
	p->sighand->action[SIGCHLD - 1].sa_handler = SIG_DFL; /* default: ignore */
	p->sighand->action[SIGWINCH - 1].sa_handler = SIG_DFL;
	KTEST_EXPECT_EQ(t, send_sig_info(SIGUSR1, SEND_SIG_PRIV, p), 0);
	KTEST_EXPECT_EQ(t, send_sig_info(SIGCHLD, SEND_SIG_PRIV, p), 0);
	KTEST_EXPECT_EQ(t, p->pending.signal.sig[0], 0);
	KTEST_EXPECT_FALSE(t, test_tsk_thread_flag(p, TIF_SIGPENDING));
	/* Blocked, it is kept: the handler may change before it is unblocked. */
	sigaddset(&p->blocked, SIGWINCH);
	KTEST_EXPECT_EQ(t, send_sig_info(SIGWINCH, SEND_SIG_PRIV, p), 0);
	KTEST_EXPECT_TRUE(t, sigismember(&p->pending.signal, SIGWINCH));
	KTEST_EXPECT_FALSE(t, test_tsk_thread_flag(p, TIF_SIGPENDING));
	put_task_struct(p);
}

static void test_stop_and_continue_cancel(struct ktest *t)
{
	struct task_struct *p = target(t);

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_EQ(t, group_send_sig_info(SIGTSTP, SEND_SIG_PRIV, p), 0);
	KTEST_EXPECT_EQ(t, send_sig_info(SIGTTIN, SEND_SIG_PRIV, p), 0);
	KTEST_EXPECT_EQ(t, group_send_sig_info(SIGCONT, SEND_SIG_PRIV, p), 0);
	KTEST_EXPECT_FALSE(t, sigismember(&p->signal->shared_pending.signal, SIGTSTP));
	KTEST_EXPECT_FALSE(t, sigismember(&p->pending.signal, SIGTTIN));
	KTEST_EXPECT_EQ(t, queued(&p->pending, SIGTTIN), 0);
	KTEST_EXPECT_TRUE(t, sigismember(&p->signal->shared_pending.signal, SIGCONT));
	KTEST_EXPECT_EQ(t, group_send_sig_info(SIGSTOP, SEND_SIG_PRIV, p), 0);
	KTEST_EXPECT_FALSE(t, sigismember(&p->signal->shared_pending.signal, SIGCONT));
	KTEST_EXPECT_TRUE(t, sigismember(&p->signal->shared_pending.signal, SIGSTOP));
	put_task_struct(p);
}

/* Delivery order on the caller (a kernel thread, all blocked: nothing is acted on). */
static void test_dequeue_order(struct ktest *t)
{
	struct task_struct *cur = current;
	static struct k_sigaction saved[_NSIG]; /* too big for the stack; one runner at a time */
	struct kernel_siginfo info;
	sigset_t all, old = cur->blocked;
	unsigned long flags;
	int sig;

	memcpy(saved, cur->sighand->action, sizeof(saved));
	for (sig = 1; sig <= _NSIG; sig++)
		cur->sighand->action[sig - 1].sa_handler = FAKE_HANDLER;
	all.sig[0] = ~0UL;
	set_current_blocked(&all);
	send_sig_info(SIGUSR2, SEND_SIG_PRIV, cur);
	rt_info(&info, RT, 7);
	send_sig_info(RT, &info, cur);
	send_sig_info(SIGHUP, SEND_SIG_PRIV, cur);
	send_sig_info(SIGSEGV, SEND_SIG_PRIV, cur);
	KTEST_EXPECT_EQ(t, signalfd_dequeue(&all, &info), SIGSEGV); /* a fault first */
	KTEST_EXPECT_EQ(t, signalfd_dequeue(&all, &info), SIGHUP);
	KTEST_EXPECT_EQ(t, info.si_code, SI_KERNEL);
	KTEST_EXPECT_EQ(t, signalfd_dequeue(&all, &info), SIGUSR2);
	KTEST_EXPECT_EQ(t, signalfd_dequeue(&all, &info), RT);
	KTEST_EXPECT_EQ(t, info.si_code, SI_QUEUE);
	KTEST_EXPECT_EQ(t, info.kill.value, 7);
	KTEST_EXPECT_EQ(t, signalfd_dequeue(&all, &info), 0);
	spin_lock_irqsave(&cur->sighand->siglock, flags);
	memcpy(cur->sighand->action, saved, sizeof(saved));
	spin_unlock_irqrestore(&cur->sighand->siglock, flags);
	set_current_blocked(&old);
	KTEST_EXPECT_FALSE(t, signal_pending(cur));
}

static struct ktest_case signal_cases[] = {
	KTEST_CASE(test_sigcontext_layout),	KTEST_CASE(test_ucontext_layout),
	KTEST_CASE(test_rt_sigframe_layout),	KTEST_CASE(test_siginfo_layout),
	KTEST_CASE(test_standard_once_rt_each), KTEST_CASE(test_rlimit_sigpending),
	KTEST_CASE(test_ignored_discarded),	KTEST_CASE(test_stop_and_continue_cancel),
	KTEST_CASE(test_dequeue_order),		{},
};

static struct ktest_suite signal_suite = { .name = "signal", .cases = signal_cases };
ktest_register_suite(signal_suite);
