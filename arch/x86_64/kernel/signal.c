// SPDX-License-Identifier: GPL-2.0
/*
 * Signal delivery on x86-64, as Linux's arch code does it: on the way back to user mode
 * (exit_to_user_mode_loop), a signal with a handler gets an rt_sigframe on the user stack
 * (or the alternate stack) in Linux's layout, so that programs and debuggers that read the
 * ucontext find every field where Linux puts it; the handler returns through its
 * SA_RESTORER into rt_sigreturn, which puts the registers, the FPU state and the mask back.
 * A system call a signal interrupted is restarted or fails with EINTR by the same rules.
 */
#include <asm/fpu.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/sigframe.h>
#include <asm/syscall.h>
#include <asm/traps.h>
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/signal.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

#define __NR_restart_syscall 219

#define X86_EFLAGS_CF (1UL << 0)
#define X86_EFLAGS_PF (1UL << 2)
#define X86_EFLAGS_AF (1UL << 4)
#define X86_EFLAGS_ZF (1UL << 6)
#define X86_EFLAGS_SF (1UL << 7)
#define X86_EFLAGS_TF (1UL << 8)
#define X86_EFLAGS_DF (1UL << 10)
#define X86_EFLAGS_OF (1UL << 11)
#define X86_EFLAGS_RF (1UL << 16)
/* The flags sigreturn takes from the frame; the rest stay the kernel's choice. */
#define FIX_EFLAGS                                                                       \
	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | X86_EFLAGS_SF | \
	 X86_EFLAGS_ZF | X86_EFLAGS_AF | X86_EFLAGS_PF | X86_EFLAGS_CF | X86_EFLAGS_RF)

#define FXSAVE_SIZE 512
#define XSAVE_HDR_OFFSET 512
#define MXCSR_OFFSET 24
#define SW_BYTES_OFFSET 464

/* A system call's frame: vector -1 (entry_64.asm), and its number not yet forgotten. */
static bool in_syscall(const struct pt_regs *regs)
{
	return regs->vector == (unsigned long)-1 && (long)regs->orig_rax >= 0;
}

/* ---- the FPU part ------------------------------------------------------------------- */

static unsigned int user_fpstate_size(void)
{
	return fpu_uses_xsave() ? fpu_state_size() + FP_XSTATE_MAGIC2_SIZE : FXSAVE_SIZE;
}

/* The task's state (saved, not live) to buf, with the software bytes Linux writes. */
static int save_fpstate(void __user *buf)
{
	struct task_struct *t = current;
	struct _fpx_sw_bytes sw;
	unsigned int size = fpu_uses_xsave() ? fpu_state_size() : FXSAVE_SIZE;
	u32 magic2 = FP_XSTATE_MAGIC2;

	if (copy_to_user(buf, t->thread.fpu.state, size))
		return -EFAULT;
	memset(&sw, 0, sizeof(sw));
	sw.magic1 = FP_XSTATE_MAGIC1;
	sw.extended_size = fpu_state_size() + FP_XSTATE_MAGIC2_SIZE;
	sw.xfeatures = fpu_xfeatures();
	sw.xstate_size = fpu_state_size();
	if (copy_to_user((u8 __user *)buf + SW_BYTES_OFFSET, &sw, sizeof(sw)))
		return -EFAULT;
	if (fpu_uses_xsave() && copy_to_user((u8 __user *)buf + size, &magic2, sizeof(magic2)))
		return -EFAULT;
	return 0;
}

/*
 * The frame's state back into the task's area, made safe to load: MXCSR's reserved bits
 * cleared, and for XSAVE a header naming only enabled components in the standard format.
 * A frame without valid XSAVE magic gives x87 and SSE only, as Linux restores it.
 */
static int restore_fpstate(const void __user *buf)
{
	struct task_struct *t = current;
	u8 *state = t->thread.fpu.state;
	struct _fpx_sw_bytes sw;
	bool full = false;
	u32 magic2 = 0;

	if (!buf) {
		fpu_reset_state(t);
		return 0;
	}
	fpu_sync_state(t);
	if (fpu_uses_xsave()) {
		if (copy_from_user(&sw, (const u8 __user *)buf + SW_BYTES_OFFSET, sizeof(sw)))
			return -EFAULT;
		if (sw.magic1 == FP_XSTATE_MAGIC1 && sw.xstate_size == fpu_state_size() &&
		    sw.extended_size == fpu_state_size() + FP_XSTATE_MAGIC2_SIZE &&
		    !copy_from_user(&magic2, (const u8 __user *)buf + sw.xstate_size,
				    sizeof(magic2)) &&
		    magic2 == FP_XSTATE_MAGIC2)
			full = true;
	}
	if (copy_from_user(state, buf, full ? fpu_state_size() : FXSAVE_SIZE)) {
		fpu_reset_state(t);
		return -EFAULT;
	}
	*(u32 *)(state + MXCSR_OFFSET) &= fpu_mxcsr_mask();
	if (fpu_uses_xsave()) {
		u64 *hdr = (u64 *)(state + XSAVE_HDR_OFFSET);

		hdr[0] = full ? hdr[0] & fpu_xfeatures() : 0x3;
		memset(&hdr[1], 0, 64 - 8); /* xcomp_bv and the reserved bytes */
	}
	return 0;
}

/* ---- the frame ---------------------------------------------------------------------- */

/*
 * Where the frame goes: below the red zone of the interrupted code, or at the top of the
 * alternate stack (SA_ONSTACK, not on it already); the FPU state 64-byte aligned above the
 * frame, and the frame placed so that the handler starts with (rsp + 8) 16-byte aligned,
 * as after a call. NULL if the alternate stack would overflow.
 */
static void __user *get_sigframe(struct ksignal *ksig, struct pt_regs *regs, size_t frame_size,
				 void __user **fpstate)
{
	unsigned long sp = regs->rsp - 128;
	bool onsigstack = on_sig_stack(sp);
	struct task_struct *t = current;

	if ((ksig->ka.sa_flags & SA_ONSTACK) && !onsigstack && sas_ss_flags(sp) == 0) {
		sp = t->sas_ss_sp + t->sas_ss_size;
		onsigstack = true;
	}
	sp = (sp - user_fpstate_size()) & ~63UL;
	*fpstate = (void __user *)sp;
	sp = ((sp - frame_size) & ~15UL) - 8;
	/*
	 * Running off the end of the alternate stack: Linux gives SIGSEGV, not corruption. The
	 * raw range check: with SS_AUTODISARM, on_sig_stack says no even on the stack.
	 */
	if (onsigstack && !__on_sig_stack(sp))
		return NULL;
	return (void __user *)sp;
}

static void fill_sigcontext(struct sigcontext_64 *sc, struct pt_regs *regs, void __user *fp,
			    unsigned long mask, const struct kernel_siginfo *info)
{
	memset(sc, 0, sizeof(*sc));
	sc->r8 = regs->r8;
	sc->r9 = regs->r9;
	sc->r10 = regs->r10;
	sc->r11 = regs->r11;
	sc->r12 = regs->r12;
	sc->r13 = regs->r13;
	sc->r14 = regs->r14;
	sc->r15 = regs->r15;
	sc->di = regs->rdi;
	sc->si = regs->rsi;
	sc->bp = regs->rbp;
	sc->bx = regs->rbx;
	sc->dx = regs->rdx;
	sc->ax = regs->rax;
	sc->cx = regs->rcx;
	sc->sp = regs->rsp;
	sc->ip = regs->rip;
	sc->flags = regs->rflags;
	sc->cs = regs->cs;
	sc->ss = regs->ss;
	if (regs->vector < 32) { /* delivered straight after the exception that raised it */
		sc->trapno = regs->vector;
		sc->err = regs->orig_rax;
		if (regs->vector == X86_TRAP_PF)
			sc->cr2 = (unsigned long)info->sigfault.addr;
	}
	sc->oldmask = mask;
	sc->fpstate = (unsigned long)fp;
}

static int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	struct task_struct *t = current;
	struct rt_sigframe frame;
	struct rt_sigframe __user *uf;
	void __user *fp;
	unsigned long mask = sigmask_to_save()->sig[0];

	/* x86-64 has no default restorer: Linux refuses a handler without one. */
	if (!(ksig->ka.sa_flags & SA_RESTORER))
		return -EFAULT;
	uf = get_sigframe(ksig, regs, sizeof(frame), &fp);
	if (!uf)
		return -EFAULT;
	fpu_sync_state(t);
	if (save_fpstate(fp))
		return -EFAULT;
	memset(&frame, 0, sizeof(frame));
	frame.pretcode = (unsigned long)ksig->ka.sa_restorer;
	frame.uc.uc_flags =
		UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS | (fpu_uses_xsave() ? UC_FP_XSTATE : 0);
	frame.uc.uc_link = 0;
	frame.uc.uc_stack.ss_sp = (void __user *)t->sas_ss_sp;
	/* The flags as set, as Linux's __save_altstack: what rt_sigreturn puts back. */
	frame.uc.uc_stack.ss_flags = t->sas_ss_flags;
	frame.uc.uc_stack.ss_size = t->sas_ss_size;
	fill_sigcontext(&frame.uc.uc_mcontext, regs, fp, mask, &ksig->info);
	frame.uc.uc_sigmask = mask;
	if (ksig->ka.sa_flags & SA_SIGINFO)
		frame.info = ksig->info;
	if (copy_to_user(uf, &frame, sizeof(frame)))
		return -EFAULT;

	/* The handler's registers: (sig, &info, &uc), a clean FPU, flags without TF/DF/RF. */
	regs->rdi = ksig->sig;
	regs->rsi = (unsigned long)&uf->info;
	regs->rdx = (unsigned long)&uf->uc;
	regs->rax = 0;
	regs->rsp = (unsigned long)uf;
	regs->rip = (unsigned long)ksig->ka.sa_handler;
	regs->rflags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	fpu_reset_state(t);
	/* No TIF_FORCE_IRET: this runs only on returns that end in IRETQ already. */
	return 0;
}

static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	int failed;

	if (in_syscall(regs)) {
		switch ((long)regs->rax) {
		case -ERESTART_RESTARTBLOCK:
		case -ERESTARTNOHAND:
			regs->rax = -EINTR;
			break;
		case -ERESTARTSYS:
			if (!(ksig->ka.sa_flags & SA_RESTART)) {
				regs->rax = -EINTR;
				break;
			}
			__attribute__((fallthrough));
		case -ERESTARTNOINTR:
			regs->rax = regs->orig_rax;
			regs->rip -= 2;
			break;
		}
		regs->orig_rax = -1; /* done with: a second signal must not restart it again */
	}
	failed = setup_rt_frame(ksig, regs);
	signal_setup_done(failed, ksig, false);
}

/*
 * From exit_to_user_mode_loop, interrupts on: TIF_SIGPENDING was set. Every way there
 * (syscall_exit_work, irqentry_exit, ret_to_user_mode) returns by IRETQ, so a rewritten
 * frame needs no TIF_FORCE_IRET here.
 */
void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	if (in_syscall(regs)) {
		switch ((long)regs->rax) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			regs->rax = regs->orig_rax;
			regs->rip -= 2;
			break;
		case -ERESTART_RESTARTBLOCK:
			regs->rax = __NR_restart_syscall;
			regs->rip -= 2;
			break;
		}
		regs->orig_rax = -1;
	}
	restore_saved_sigmask();
}

/* ---- rt_sigreturn ------------------------------------------------------------------- */

static bool restore_sigcontext(struct pt_regs *regs, const struct sigcontext_64 *sc)
{
	regs->r8 = sc->r8;
	regs->r9 = sc->r9;
	regs->r10 = sc->r10;
	regs->r11 = sc->r11;
	regs->r12 = sc->r12;
	regs->r13 = sc->r13;
	regs->r14 = sc->r14;
	regs->r15 = sc->r15;
	regs->rdi = sc->di;
	regs->rsi = sc->si;
	regs->rbp = sc->bp;
	regs->rbx = sc->bx;
	regs->rdx = sc->dx;
	regs->rax = sc->ax;
	regs->rcx = sc->cx;
	regs->rsp = sc->sp;
	regs->rip = sc->ip;
	/* Only 64-bit user segments: a frame cannot make the IRETQ fault in the kernel. */
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->rflags = (regs->rflags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	regs->orig_rax = -1; /* not a system call any more: no restart of what rax holds */
	return regs->rip < TASK_SIZE_MAX;
}

long sys_rt_sigreturn(void)
{
	struct pt_regs *regs = current_pt_regs();
	struct rt_sigframe __user *uf = (struct rt_sigframe __user *)(regs->rsp - 8);
	struct rt_sigframe frame;
	sigset_t set;

	if (copy_from_user(&frame, uf, sizeof(frame)))
		goto badframe;
	set.sig[0] = frame.uc.uc_sigmask;
	set_current_blocked(&set);
	if (!restore_sigcontext(regs, &frame.uc.uc_mcontext))
		goto badframe;
	if (restore_fpstate((const void __user *)frame.uc.uc_mcontext.fpstate))
		goto badframe;
	if (restore_altstack(&uf->uc.uc_stack))
		goto badframe;
	set_tsk_thread_flag(current, TIF_FORCE_IRET);
	return regs->rax;

badframe:
	pr_info("%s[%d] bad frame in rt_sigreturn frame:%px ip:%lx sp:%lx\n", current->comm,
		current->pid, uf, regs->rip, regs->rsp);
	force_sig(SIGSEGV);
	set_tsk_thread_flag(current, TIF_FORCE_IRET);
	return regs->rax;
}
