/* setjmp/longjmp: rbx, rbp, r12-r15, the caller's rsp and the return address.
 * sigsetjmp also keeps the signal mask (the C half lives in sigsetjmp.c). */
	.text
	.globl setjmp, _setjmp, __setjmp_regs
	.type setjmp, @function
	.type _setjmp, @function
setjmp:
_setjmp:
	movl $0, 64(%rdi)	/* no mask saved */
__setjmp_regs:
	mov %rbx, (%rdi)
	mov %rbp, 8(%rdi)
	mov %r12, 16(%rdi)
	mov %r13, 24(%rdi)
	mov %r14, 32(%rdi)
	mov %r15, 40(%rdi)
	lea 8(%rsp), %rdx	/* rsp as it will be after our return */
	mov %rdx, 48(%rdi)
	mov (%rsp), %rdx	/* the return address */
	mov %rdx, 56(%rdi)
	xor %eax, %eax
	ret
	.size setjmp, . - setjmp

	.globl longjmp, _longjmp, __longjmp_regs
	.type longjmp, @function
	.type _longjmp, @function
longjmp:
_longjmp:
__longjmp_regs:
	mov %esi, %eax
	test %eax, %eax
	jnz 1f
	inc %eax		/* longjmp(env, 0) returns 1 */
1:	mov (%rdi), %rbx
	mov 8(%rdi), %rbp
	mov 16(%rdi), %r12
	mov 24(%rdi), %r13
	mov 32(%rdi), %r14
	mov 40(%rdi), %r15
	mov 48(%rdi), %rsp
	jmp *56(%rdi)
	.size longjmp, . - longjmp

/* sigsetjmp(env, savemask): save the mask first (a call that keeps our frame intact), then
 * the registers exactly as setjmp does. */
	.globl sigsetjmp
	.type sigsetjmp, @function
sigsetjmp:
	movl %esi, 64(%rdi)
	test %esi, %esi
	jz __setjmp_regs
	push %rdi
	lea 72(%rdi), %rdx	/* old mask into env->__mask */
	xor %esi, %esi
	mov $1, %edi		/* SIG_BLOCK with no set: only reads the mask */
	mov $8, %r10
	mov $14, %eax		/* rt_sigprocmask */
	syscall
	pop %rdi
	jmp __setjmp_regs
	.size sigsetjmp, . - sigsetjmp

/* siglongjmp: restore the mask if it was saved, then jump. */
	.globl siglongjmp
	.type siglongjmp, @function
siglongjmp:
	cmpl $0, 64(%rdi)
	je __longjmp_regs
	push %rdi
	push %rsi
	lea 72(%rdi), %rsi
	xor %edx, %edx
	mov $2, %edi		/* SIG_SETMASK */
	mov $8, %r10
	mov $14, %eax
	syscall
	pop %rsi
	pop %rdi
	jmp __longjmp_regs
	.size siglongjmp, . - siglongjmp
	.section .note.GNU-stack, "", @progbits
