#ifndef _SETJMP_H
#define _SETJMP_H
#include <bits/types.h>
/* rbx, rbp, r12-r15, rsp, rip; then whether the mask was saved, and the mask. */
typedef struct __jmp_buf_tag {
	unsigned long __regs[8];
	int __mask_saved;
	unsigned long __mask;
} jmp_buf[1], sigjmp_buf[1];
int setjmp(jmp_buf env) __attribute__((returns_twice));
int _setjmp(jmp_buf env) __attribute__((returns_twice));
__noreturn void longjmp(jmp_buf env, int val);
__noreturn void _longjmp(jmp_buf env, int val);
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
__noreturn void siglongjmp(sigjmp_buf env, int val);
#endif
