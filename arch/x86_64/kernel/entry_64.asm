; SPDX-License-Identifier: GPL-2.0
;
; The system-call entry: SYSCALL from 64-bit user mode lands at entry_SYSCALL_64 with the
; user RIP in RCX, the user RFLAGS in R11, and RFLAGS masked by MSR_FMASK (IF, DF, TF, AC,
; NT and IOPL cleared: interrupts stay off until the user stack is left behind, and AC clear
; is the CLAC every entry owes SMAP). Nothing else changed: RSP is still the user's, GS too.
;
; The common path is one straight line: SWAPGS, the task's kernel stack from this CPU's
; data, a full struct pt_regs (the same frame an interrupt from user mode leaves, so that
; signals, ptrace and execve see one layout), interrupts on, the table call with the
; arguments still in their registers (the fourth moves from R10 to RCX, the C ABI's), then
; one look at the task's flags and this CPU's need_resched, and SYSRETQ. The callee-saved
; registers are not reloaded there: C code preserved them, so they still hold the user's;
; all but R12, which carries the sixth word of an IPC message (include/uapi/ipc.h).
;
; Everything rare leaves the line: a number beyond the table, and any work before the
; return (a reschedule, a signal, task work, tracing, a frame that execve or a signal
; rewrote: _TIF_SYSCALL_EXIT_WORK). That path calls syscall_exit_work (syscall_64.c) and
; returns with IRETQ, which is safe with any frame. SYSRET itself would be unsafe with a
; non-canonical RCX (Intel CPUs fault in ring 0 on the user stack): on the fast path RCX is
; the address after a SYSCALL instruction, and the last page below the canonical hole is
; never mapped (TASK_SIZE_MAX), so it is canonical; any frame the kernel changed goes the
; slow way.

%include "generated/asm-offsets.inc"
%include "asm/calling.inc"

extern sys_call_table
extern syscall_exit_work
extern syscall_unknown
extern syscall_trace_enter
extern syscall_trace_exit
extern schedule_tail
extern sched_switch_tail

section .text

align 16
global entry_SYSCALL_64
entry_SYSCALL_64:
	swapgs
	mov [gs:CPU_SCRATCH], rsp
	mov rsp, [gs:CPU_TOP_OF_STACK]
	; What an interrupt would have pushed, then orig_rax (the number) and the vector slot.
	push __USER_DS
	push qword [gs:CPU_SCRATCH]
	push r11
	push __USER_CS
	push rcx
	push rax
	push -1				; vector: none, this is a system call
	PUSH_REGS
	sti
.dispatch:
	cmp rax, NR_syscalls
	jae .unknown
	mov rcx, r10
	call [sys_call_table + rax * 8]
.done:
	cli
	mov rcx, [gs:CPU_CURRENT]
	test qword [rcx + TASK_THREAD_FLAGS], _TIF_SYSCALL_EXIT_WORK
	jnz .work
	cmp byte [gs:CPU_NEED_RESCHED], 0
	jne .work
	; Callee-saved, still the user's (C code preserved them), but r12: an IPC receive
	; (kernel/ipc.c) delivers a message word in it, through the frame.
	mov r12, [rsp + PT_REGS_R12]
	add rsp, 6 * 8			; r15 .. rbx
	pop r11				; user RFLAGS, for SYSRET
	pop r10
	pop r9
	pop r8
	add rsp, 8			; the saved RAX: the result is in RAX
	pop rcx				; user RIP, for SYSRET
	pop rdx
	pop rsi
	pop rdi
	mov rsp, [rsp + PT_REGS_RSP - PT_REGS_VECTOR]
	swapgs
	o64 sysret

.unknown:
	mov rdi, rax
	call syscall_unknown
	jmp .done

.work:
	mov [rsp + PT_REGS_RAX], rax
	test qword [rcx + TASK_THREAD_FLAGS], _TIF_SYSCALL_TRACE
	jz .exit_work
	mov rdi, rsp
	call syscall_trace_exit		; strace's line; returns with interrupts off
.exit_work:
	mov rdi, rsp
	call syscall_exit_work		; returns with interrupts off
	jmp restore_regs_and_iret

; The entry while a traced task runs (LSTAR, switched by syscall_switch_entry): the same
; frame, then strace's entry hook, then the same dispatch with the arguments reloaded from
; the frame. Its return is the slow one, which TIF_SYSCALL_TRACE selects.
align 16
global entry_SYSCALL_64_trace
entry_SYSCALL_64_trace:
	swapgs
	mov [gs:CPU_SCRATCH], rsp
	mov rsp, [gs:CPU_TOP_OF_STACK]
	push __USER_DS
	push qword [gs:CPU_SCRATCH]
	push r11
	push __USER_CS
	push rcx
	push rax
	push -1
	PUSH_REGS
	sti
	mov rdi, rsp
	call syscall_trace_enter
	mov rax, [rsp + PT_REGS_ORIG_RAX]
	mov rdi, [rsp + PT_REGS_RDI]
	mov rsi, [rsp + PT_REGS_RSI]
	mov rdx, [rsp + PT_REGS_RDX]
	mov r10, [rsp + PT_REGS_R10]
	mov r8, [rsp + PT_REGS_R8]
	mov r9, [rsp + PT_REGS_R9]
	jmp entry_SYSCALL_64.dispatch

; A task whose kernel frames were left behind in a system call (switch_to_abandon,
; process.c) comes back here when switched to the ordinary way, on an empty stack below its
; user frame, with RBX the function that ends its call: finish the switch (schedule_tail
; turns interrupts on), call it, and return its result as the system call's. The
; callee-saved registers are the user's again from the frame: nothing preserved them.
align 16
global ret_from_abandoned
ret_from_abandoned:
	mov rdi, rax
	call schedule_tail
	call rbx
	jmp ret_to_user_switched.restore_callee_saved

; The same task returned to user mode directly by another's system call, which wrote its
; result into the frame at RDI (the top of its stack) and switched to it (switch_to_abandon
; with direct): the switch is finished here, interrupts still off.
global ret_to_user_switched
ret_to_user_switched:
	mov rsp, rdi
	mov rdi, rsi
	call sched_switch_tail
	mov rax, [rsp + PT_REGS_RAX]
.restore_callee_saved:
	mov rbx, [rsp + PT_REGS_RBX]
	mov rbp, [rsp + PT_REGS_RBP]
	mov r13, [rsp + PT_REGS_R13]
	mov r14, [rsp + PT_REGS_R14]
	mov r15, [rsp + PT_REGS_R15]
	jmp entry_SYSCALL_64.done

; Enters user mode with the frame at RDI, which must sit at the top of the current task's
; kernel stack (task_pt_regs): for a task's first return to user mode after execve. Pending
; work is done first, as on every return.
align 16
global ret_to_user_mode
ret_to_user_mode:
	cli
	mov rsp, rdi
	call syscall_exit_work
	; fall through

restore_regs_and_iret:
	POP_REGS
	add rsp, 16			; vector and orig_rax
	swapgs
	iretq
