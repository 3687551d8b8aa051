; SPDX-License-Identifier: GPL-2.0
;
; Interrupt and exception entry: one stub per vector pushes what the CPU did not (a zero
; error code where the CPU pushes none, then the vector number) and jumps to the one common
; path, which saves the full register frame (struct pt_regs), calls C, and restores it.
; The same path will serve IRQs and, with its own entry, system calls.

%include "generated/asm-offsets.inc"

extern do_interrupt

section .text

; Exceptions for which the CPU pushes an error code.
%define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

%assign v 0
%rep 256
align 16
vector_stub_ %+ v:
%if HAS_ERROR_CODE(v) == 0
	push 0
%endif
	push v
	jmp common_interrupt
%assign v v + 1
%endrep

align 16
common_interrupt:
	; Coming from user mode, GS must become the kernel's per-CPU base.
	test qword [rsp + PT_REGS_CS - PT_REGS_VECTOR], 3
	jz .from_kernel
	swapgs
.from_kernel:
	push rdi
	push rsi
	push rdx
	push rcx
	push rax
	push r8
	push r9
	push r10
	push r11
	push rbx
	push rbp
	push r12
	push r13
	push r14
	push r15
	cld
	mov rdi, rsp
	call do_interrupt

	pop r15
	pop r14
	pop r13
	pop r12
	pop rbp
	pop rbx
	pop r11
	pop r10
	pop r9
	pop r8
	pop rax
	pop rcx
	pop rdx
	pop rsi
	pop rdi
	test qword [rsp + PT_REGS_CS - PT_REGS_VECTOR], 3
	jz .to_kernel
	swapgs
.to_kernel:
	add rsp, 16			; vector and error code
	iretq

section .rodata
align 8
global vector_stubs
vector_stubs:
%assign v 0
%rep 256
	dq vector_stub_ %+ v
%assign v v + 1
%endrep
