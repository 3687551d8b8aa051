/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include <kernel/types.h>

/*
 * The register frame saved by every kernel entry (exceptions now, IRQs and system calls
 * later), in Linux's order so that the layout is familiar. The entry code pushes the
 * general registers below what the CPU pushed; vector and orig_rax (the error code, or
 * later the system call number) sit between them.
 */
struct pt_regs {
	unsigned long r15;
	unsigned long r14;
	unsigned long r13;
	unsigned long r12;
	unsigned long rbp;
	unsigned long rbx;
	unsigned long r11;
	unsigned long r10;
	unsigned long r9;
	unsigned long r8;
	unsigned long rax;
	unsigned long rcx;
	unsigned long rdx;
	unsigned long rsi;
	unsigned long rdi;
	unsigned long vector;
	unsigned long orig_rax;
	/* Pushed by the CPU. */
	unsigned long rip;
	unsigned long cs;
	unsigned long rflags;
	unsigned long rsp;
	unsigned long ss;
};

static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif /* _ASM_PTRACE_H */
