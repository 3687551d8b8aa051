; SPDX-License-Identifier: GPL-2.0
;
; The context switch: save the callee-saved registers on prev's kernel stack, keep prev's
; stack pointer in prev->thread.sp, load next's, restore its registers and return on its
; stack. Everything else a task owns (FPU state, address space, per-CPU current) is switched
; in C around this. Returns prev in RAX, so the code that resumes on next's stack knows
; which task it came from.

%include "generated/asm-offsets.inc"

extern schedule_tail

section .text

global __switch_to_asm
; struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next)
__switch_to_asm:
	push rbp
	push rbx
	push r12
	push r13
	push r14
	push r15
	mov [rdi + TASK_THREAD_SP], rsp
	mov rsp, [rsi + TASK_THREAD_SP]
	mov rax, rdi
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbx
	pop rbp
	ret

; A new kernel thread's first return lands here (see copy_thread): finish the switch, then
; run fn(arg), kept in RBX and R12, and exit with its result.
global ret_from_kthread
ret_from_kthread:
	mov rdi, rax
	call schedule_tail
	mov rdi, r12
	call rbx
	mov edi, eax
	extern kthread_exit
	call kthread_exit
	ud2
