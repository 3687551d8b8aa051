; SPDX-License-Identifier: GPL-2.0
;
; Where a secondary CPU starts: the STARTUP IPI makes it begin in real mode at the start of
; this page (TRAMPOLINE_PHYS). It climbs to long mode with the page tables, stack and entry
; point the boot CPU wrote into the parameter block, then jumps to start_secondary in the
; higher half. Assembled as a flat binary (nasm -f bin) and copied below 1 MiB at boot.

TRAMPOLINE_PHYS	equ 0x8000

CR0_PE		equ 1 << 0
CR0_WP		equ 1 << 16
CR0_PG		equ 1 << 31
CR4_PAE		equ 1 << 5
MSR_EFER	equ 0xc0000080

bits 16
org TRAMPOLINE_PHYS

trampoline_start:
	jmp short real_mode_entry
	align 8
; The parameter block: struct trampoline_params in smpboot.c, at offset 8.
params:
p_cr3:		dq 0	; page tables: the kernel half plus an identity map of this page
p_stack:	dq 0	; the CPU's idle stack top
p_entry:	dq 0	; start_secondary
p_cpu:		dq 0	; the CPU number to pass
p_efer:		dq 0	; EFER as the boot CPU has it (LME, NXE)
p_cr4:		dq 0	; CR4 to run with once in long mode

real_mode_entry:
	cli
	cld
	xor ax, ax
	mov ds, ax
	mov es, ax
	mov ss, ax
	lgdt [gdt_desc]
	mov eax, cr0
	or eax, CR0_PE
	mov cr0, eax
	jmp dword 0x08:protected_mode_entry

bits 32
protected_mode_entry:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov eax, cr4
	or eax, CR4_PAE
	mov cr4, eax
	mov eax, [p_cr3]
	mov cr3, eax
	mov ecx, MSR_EFER
	mov eax, [p_efer]
	mov edx, [p_efer + 4]
	wrmsr
	mov eax, cr0
	or eax, CR0_PG | CR0_WP | CR0_PE
	mov cr0, eax
	jmp 0x18:long_mode_entry

bits 64
long_mode_entry:
	xor eax, eax
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov rax, [p_cr4]
	mov cr4, rax
	mov rsp, [p_stack]
	mov rdi, [p_cpu]
	xor ebp, ebp
	mov rax, [p_entry]
	jmp rax

align 16
gdt:
	dq 0
	dq 0x00cf9a000000ffff	; 0x08: 32-bit code
	dq 0x00cf92000000ffff	; 0x10: data
	dq 0x00af9a000000ffff	; 0x18: 64-bit code
gdt_desc:
	dw gdt_desc - gdt - 1
	dd gdt
trampoline_end:
