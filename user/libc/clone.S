/* __clone_thread(flags, stack, ptid, ctid, tls, fn, arg): clone(2) for a new thread, which
 * calls fn(arg) on its own stack and ends with exit(2) (this thread only) if fn returns. */
	.text
	.globl __clone_thread
	.hidden __clone_thread
	.type __clone_thread, @function
__clone_thread:
	mov 8(%rsp), %rax	/* arg, the 7th argument */
	and $-16, %rsi
	sub $16, %rsi
	mov %r9, (%rsi)		/* fn and arg wait on the child's stack */
	mov %rax, 8(%rsi)
	mov %rcx, %r10		/* ctid: the kernel's 4th argument */
	mov $56, %eax		/* clone */
	syscall
	test %rax, %rax
	jnz 1f
	xor %ebp, %ebp		/* the child: a fresh stack with no frames above */
	pop %rax
	pop %rdi
	call *%rax
	mov %eax, %edi
	mov $60, %eax		/* exit: this thread only */
	syscall
	hlt
1:	ret
	.size __clone_thread, . - __clone_thread
	.section .note.GNU-stack, "", @progbits
