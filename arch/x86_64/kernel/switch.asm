; SPDX-License-Identifier: GPL-2.0
;
; The context switch: save the callee-saved registers and RFLAGS on prev's kernel stack, keep
; prev's stack pointer in prev->thread.sp, load next's, restore its registers and flags, and
; finish in C (__switch_to, process.c) on next's stack. RFLAGS is per task so that AC, set
; inside a user copy that is preempted, never reaches the next task (where it would turn
; SMAP off). Returns prev in RAX (__switch_to's result), so the code that resumes on next's
; stack knows which task it came from.

%include "generated/asm-offsets.inc"

extern schedule_tail
extern __switch_to
extern kthread_exit

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
	pushfq
	mov [rdi + TASK_THREAD_SP], rsp
	; fall through

; The second half alone serves a prev whose frames are left behind (switch_to_abandon,
; process.c): nothing of prev's to save.
global switch_to_frames
; void switch_to_frames(struct task_struct *prev, struct task_struct *next)
switch_to_frames:
	mov rsp, [rsi + TASK_THREAD_SP]
	popfq
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbx
	pop rbp
	jmp __switch_to

; A new kernel thread's first return lands here (see copy_thread): finish the switch, then
; run fn(arg), kept in RBX and R12, and exit with its result.
global ret_from_kthread
ret_from_kthread:
	mov rdi, rax
	call schedule_tail
	mov rdi, r12
	call rbx
	mov edi, eax
	call kthread_exit
	ud2
