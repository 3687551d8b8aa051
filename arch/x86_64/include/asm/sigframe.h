/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SIGFRAME_H
#define _ASM_SIGFRAME_H

/*
 * The x86-64 signal frame, exactly as Linux lays it out (uapi asm/sigcontext.h, asm/ucontext.h
 * and asm/sigframe.h): what a handler finds on its stack, and what rt_sigreturn reads back.
 * tests/kernel/signal_test.c checks the offsets against Linux's.
 */
#include <kernel/signal.h>
#include <kernel/types.h>

#define FP_XSTATE_MAGIC1 0x46505853U
#define FP_XSTATE_MAGIC2 0x46505845U
#define FP_XSTATE_MAGIC2_SIZE 4

/* The 48 bytes at offset 464 of the FXSAVE area that the CPU leaves to software. */
struct _fpx_sw_bytes {
	u32 magic1; /* FP_XSTATE_MAGIC1: the state is XSAVE format, extended_size long */
	u32 extended_size; /* the state plus FP_XSTATE_MAGIC2 after it */
	u64 xfeatures;
	u32 xstate_size; /* the state without the MAGIC2 word */
	u32 padding[7];
};

struct sigcontext_64 {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip;
	u64 flags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate; /* user address of the FPU state (NULL: none) */
	u64 reserved1[8];
};

/* uc_flags */
#define UC_FP_XSTATE 0x1
#define UC_SIGCONTEXT_SS 0x2
#define UC_STRICT_RESTORE_SS 0x4

struct ucontext {
	unsigned long uc_flags;
	unsigned long uc_link; /* struct ucontext __user * */
	stack_t uc_stack;
	struct sigcontext_64 uc_mcontext;
	unsigned long uc_sigmask; /* the kernel's sigset_t */
};

struct rt_sigframe {
	unsigned long pretcode; /* the SA_RESTORER the handler returns to */
	struct ucontext uc;
	struct kernel_siginfo info;
	/* the FPU state follows, 64-byte aligned, above the frame */
};

_Static_assert(sizeof(struct _fpx_sw_bytes) == 48, "_fpx_sw_bytes");
_Static_assert(sizeof(struct sigcontext_64) == 256, "sigcontext");
_Static_assert(sizeof(stack_t) == 24, "stack_t");
_Static_assert(__builtin_offsetof(struct ucontext, uc_mcontext) == 40, "uc_mcontext");
_Static_assert(__builtin_offsetof(struct ucontext, uc_sigmask) == 296, "uc_sigmask");
_Static_assert(sizeof(struct rt_sigframe) == 440, "rt_sigframe");

#endif /* _ASM_SIGFRAME_H */
