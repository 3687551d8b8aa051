/* vfork: the child borrows our stack until it execs or exits, so the return address is
 * popped into a register before the call (the child's return would otherwise pop what the
 * parent needs) and pushed back by each side. */
	.text
	.globl vfork
	.type vfork, @function
vfork:
	pop %rdx
	mov $58, %eax		/* vfork */
	syscall
	push %rdx
	cmp $-4095, %rax
	jae 1f
	ret
1:	neg %eax
	mov %eax, %edi
	jmp __vfork_error
	.size vfork, . - vfork
	.section .note.GNU-stack, "", @progbits
