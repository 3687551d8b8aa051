/* Mica libc start-up: the kernel leaves argc, argv[], NULL, envp[], NULL, auxv[] at %rsp
 * (the SysV x86-64 start-up stack). Hand that pointer to C with the stack 16-byte aligned. */
	.text
	.globl _start
	.type _start, @function
_start:
	xor %ebp, %ebp
	mov %rsp, %rdi
	and $-16, %rsp
	call __libc_start
	hlt
	.size _start, . - _start
	.section .note.GNU-stack, "", @progbits
