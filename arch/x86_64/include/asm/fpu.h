/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_FPU_H
#define _ASM_FPU_H

#include <kernel/types.h>

/*
 * x87/SSE/AVX state, saved and restored on every context switch (eagerly: user programs
 * use SSE everywhere). XSAVE where the CPU has it, else FXSAVE. The kernel itself is built
 * without SSE, so the registers always hold the state of the task that runs.
 */
void fpu_init_bsp(void);
void fpu_init_this_cpu(void);
/* A fresh state area (the initial state: empty registers, default control words). */
void *fpu_state_alloc(void);
void fpu_state_free(void *state);
void fpu_save(void *state);
void fpu_restore(const void *state);
unsigned int fpu_state_size(void);

#endif /* _ASM_FPU_H */
