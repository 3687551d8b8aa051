; SPDX-License-Identifier: GPL-2.0
;
; Interrupt and exception entry. One stub per vector pushes what the CPU did not (a zero
; error code where the CPU pushes none, then the vector number) and jumps to one of two
; paths, which save the full register frame (struct pt_regs), call C, and restore it:
;
;  - common_interrupt, for everything that arrives where the kernel can trust its state:
;    SWAPGS decided by the interrupted CS, hardware interrupts run on this CPU's IRQ stack,
;    and every return goes through irqentry_exit (traps.c), the one place that looks at
;    the work to do before going back (rescheduling; signals once user space exists).
;
;  - paranoid_entry, for NMI, #MC, #DB and #DF, which arrive on their own IST stacks and at
;    any instruction, also between SYSCALL and its SWAPGS where CS says user but GS is
;    still the user's (or the reverse on the way out). Neither CS nor MSR_GS_BASE's value
;    tells whose GS is loaded (with FSGSBASE user code can write any base), so it saves
;    MSR_GS_BASE, loads the CPU's kernel base from the word its IST stack keeps above the
;    frame (desc.c), and writes the saved value back on the way out, as Linux does with
;    FSGSBASE. It does no work on the way out: it may have interrupted anything.
;
; Both clear EFLAGS.AC first (CLAC), where the CPU has SMAP: the interrupted code may have
; been inside a user copy (STAC), and neither the handler nor anything it switches to may
; run with SMAP lifted. The interrupted AC comes back with IRETQ.

%include "generated/asm-offsets.inc"
%include "asm/calling.inc"

extern do_exception
extern do_irq
extern do_paranoid
extern irqentry_exit
extern x86_entry_clac

%define MSR_GS_BASE 0xc0000101
%define FIRST_EXTERNAL_VECTOR 32

section .text

; Exceptions for which the CPU pushes an error code.
%define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)
; Vectors on IST stacks that can arrive anywhere: #DB, NMI, #DF, #MC.
%define IS_PARANOID(v) ((v) == 1 || (v) == 2 || (v) == 8 || (v) == 18)

%macro SMAP_CLAC 0
	test byte [rel x86_entry_clac], 1
	jz %%no_smap
	clac
%%no_smap:
%endmacro

%assign v 0
%rep 256
align 16
vector_stub_ %+ v:
%if HAS_ERROR_CODE(v) == 0
	push 0
%endif
	push v
%if IS_PARANOID(v)
	jmp paranoid_entry
%else
	jmp common_interrupt
%endif
%assign v v + 1
%endrep

align 16
common_interrupt:
	; Coming from user mode, GS must become the kernel's per-CPU base.
	test qword [rsp + PT_REGS_CS - PT_REGS_VECTOR], 3
	jz .from_kernel
	swapgs
.from_kernel:
	SMAP_CLAC
	PUSH_REGS
	cld
	mov rdi, rsp
	cmp qword [rsp + PT_REGS_VECTOR], FIRST_EXTERNAL_VECTOR
	jb .exception

	; A hardware interrupt: on the IRQ stack, unless already there (an exception in a
	; handler, or a handler that re-enabled interrupts). The task's stack keeps only the
	; frame, and irqentry_exit runs back on it, where a switch to another task is allowed.
	cmp byte [gs:CPU_IRQ_STACK_INUSE], 0
	jne .irq_here
	mov byte [gs:CPU_IRQ_STACK_INUSE], 1
	mov rsp, [gs:CPU_IRQ_STACK_TOP]
	push rdi			; the frame on the task stack, to come back to
	push rdi			; (and 16-byte alignment for the call)
	call do_irq
	pop rsp
	mov byte [gs:CPU_IRQ_STACK_INUSE], 0
	jmp .exit
.irq_here:
	call do_irq
	jmp .exit
.exception:
	call do_exception
.exit:
	mov rdi, rsp
	call irqentry_exit
	POP_REGS
	test qword [rsp + PT_REGS_CS - PT_REGS_VECTOR], 3
	jz .to_kernel
	swapgs
.to_kernel:
	add rsp, 16			; vector and error code
	iretq

; RBX, callee-saved, remembers across the C call whether this entry did SWAPGS.
align 16
paranoid_entry:
	PUSH_REGS
	SMAP_CLAC
	cld
	mov ecx, MSR_GS_BASE
	rdmsr
	shl rdx, 32
	or rax, rdx
	mov rbx, rax			; the interrupted GS base, for the way out
	mov rax, [rsp + PT_REGS_SIZE + 8]	; this CPU's kernel GS base (above the frame)
	cmp rax, rbx
	je .kernel_gs
	mov rdx, rax
	shr rdx, 32
	wrmsr
.kernel_gs:
	mov rdi, rsp
	call do_paranoid
	cmp rbx, [rsp + PT_REGS_SIZE + 8]
	je .keep_gs
	mov ecx, MSR_GS_BASE
	mov rax, rbx
	mov rdx, rbx
	shr rdx, 32
	wrmsr
.keep_gs:
	POP_REGS
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
