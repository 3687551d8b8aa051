/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_FPU_H
#define _ASM_FPU_H

#include <kernel/types.h>

struct task_struct;
struct pt_regs;

/*
 * x87/SSE/AVX state, switched lazily: a task's registers are loaded on its first FPU
 * instruction after it is switched in (the #NM that CR0.TS raises), and saved when it is
 * switched out only if that happened. Kernel threads that never touch the FPU (the kernel
 * is built without SSE) cost nothing at a switch. A task that used the FPU in each of its
 * last turns is loaded as it is switched in instead (as Linux did before it went eager,
 * with its fpu_counter): the trap would come anyway, and costs more than the load.
 *
 * The save area is in Linux's XSAVE layout: the 512-byte legacy (FXSAVE) area, the 64-byte
 * XSAVE header, then the components, so a signal frame can carry it as it is; with only
 * FXSAVE (qemu64) the header is there and stays zero.
 */
void fpu_init_bsp(void);
void fpu_init_this_cpu(void);
/* A fresh state area (the initial state: empty registers, default control words). */
void *fpu_state_alloc(void);
void fpu_state_free(void *state);
unsigned int fpu_state_size(void);
/* dst gets a copy of src's state (the running task's registers saved first): fork. */
void fpu_clone(struct task_struct *dst, struct task_struct *src);
/*
 * __switch_to, for a prev whose registers are live (saved) or a next to preload (loaded);
 * registers that hold nobody's state then are cleared and CR0.TS set.
 */
void fpu_switch(struct task_struct *prev, struct task_struct *next);
/* #NM: load the running task's state. False if it has none (a bug: the caller oopses). */
bool fpu_handle_nm(struct pt_regs *regs);
/* Which instruction saves: "xsaveopt", "xsave" or "fxsave". */
const char *fpu_save_method(void);

/*
 * Signal frames: after fpu_sync_state(current) the registers are saved in the task's area
 * and not live, so the area may be read and rewritten (the next FPU instruction loads it).
 */
bool fpu_uses_xsave(void);
u64 fpu_xfeatures(void);
void fpu_sync_state(struct task_struct *p);
/* The initial state, for a handler (Linux clears the FPU for it). */
void fpu_reset_state(struct task_struct *p);
u32 fpu_mxcsr_mask(void);

/* FS/GS bases: CR4.FSGSBASE on this CPU where it exists (process.c). */
void x86_bases_init_this_cpu(void);

#endif /* _ASM_FPU_H */
