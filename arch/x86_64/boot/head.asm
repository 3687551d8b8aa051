; SPDX-License-Identifier: GPL-2.0
;
; From GRUB to the first C function. GRUB enters startup_32 in 32-bit protected mode with
; paging off, EAX = multiboot2 magic and EBX = physical address of the boot information.
; This file runs at its load (physical) address: it checks the CPU, builds the early page
; tables, enters long mode and jumps to startup_64, which is linked in the higher half.
;
; Early page tables (2 MiB pages, all in .boot.bss):
;   PML4[0]   -> early_pdpt_low: identity map of 0-4 GiB (dropped once mm builds its own)
;   PML4[273] -> early_pdpt_low: the direct map at PAGE_OFFSET, same 4 GiB
;   PML4[511] -> early_pdpt_high: [510] 0-1 GiB and [511] 1-2 GiB at __START_KERNEL_map

%include "generated/asm-offsets.inc"

MB2_HEADER_MAGIC	equ 0xe85250d6
MB2_BOOTLOADER_MAGIC	equ 0x36d76289
MB2_ARCH_I386		equ 0
MB2_HEADER_TAG_FRAMEBUFFER equ 5
MB2_HEADER_TAG_OPTIONAL	equ 1
FB_WIDTH		equ 1024
FB_HEIGHT		equ 768
FB_DEPTH		equ 32

PTE_PRESENT		equ 1 << 0
PTE_RW			equ 1 << 1
PTE_PSE			equ 1 << 7

CR0_PE			equ 1 << 0
CR0_WP			equ 1 << 16
CR0_PG			equ 1 << 31
CR4_PAE			equ 1 << 5
MSR_EFER		equ 0xc0000080
EFER_LME		equ 1 << 8
EFER_NXE		equ 1 << 11
CPUID_EXT_LM		equ 1 << 29
CPUID_EXT_NX		equ 1 << 20

COM1			equ 0x3f8

section .multiboot2 progbits alloc noexec nowrite align=8
mb2_header:
	dd MB2_HEADER_MAGIC
	dd MB2_ARCH_I386
	dd mb2_header_end - mb2_header
	dd 0x100000000 - (MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
	; The framebuffer tag asks for a linear framebuffer of this size (optional: without a
	; graphics mode, GRUB leaves text mode and the console draws there). A modest mode,
	; since every pixel is drawn by the CPU: 128x48 characters.
	align 8
	dw MB2_HEADER_TAG_FRAMEBUFFER, MB2_HEADER_TAG_OPTIONAL
	dd 20
	dd FB_WIDTH, FB_HEIGHT, FB_DEPTH
	; End tag.
	align 8
	dw 0, 0
	dd 8
mb2_header_end:

section .boot.text progbits alloc exec nowrite align=16
bits 32
global startup_32
startup_32:
	cli
	cld
	mov esp, boot_stack32_top
	mov [boot_mb2_magic], eax
	mov [boot_mb2_info], ebx

	cmp eax, MB2_BOOTLOADER_MAGIC
	jne .no_multiboot

	; Is CPUID there at all (can EFLAGS.ID be toggled)?
	pushfd
	pop eax
	mov ecx, eax
	xor eax, 1 << 21
	push eax
	popfd
	pushfd
	pop eax
	push ecx
	popfd
	xor eax, ecx
	jz .no_long_mode

	mov eax, 0x80000000
	cpuid
	cmp eax, 0x80000001
	jb .no_long_mode
	mov eax, 0x80000001
	cpuid
	test edx, CPUID_EXT_LM
	jz .no_long_mode
	mov ebp, edx			; keep the NX bit for EFER below

	call build_early_page_tables

	mov eax, cr4
	or eax, CR4_PAE
	mov cr4, eax
	mov eax, early_pml4
	mov cr3, eax

	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_LME
	test ebp, CPUID_EXT_NX
	jz .no_nx
	or eax, EFER_NXE
.no_nx:
	wrmsr

	mov eax, cr0
	or eax, CR0_PG | CR0_WP | CR0_PE
	mov cr0, eax

	lgdt [boot_gdt_desc]
	jmp __KERNEL_CS:startup_64_low

.no_multiboot:
	mov esi, msg_no_multiboot
	jmp early_fatal
.no_long_mode:
	mov esi, msg_no_long_mode
	jmp early_fatal

; Fill the early page tables; clobbers eax, ecx, edx, edi.
build_early_page_tables:
	mov edi, early_pml4
	mov ecx, (early_tables_end - early_pml4) / 4
	xor eax, eax
	rep stosd

	; Four page directories, 2048 entries of 2 MiB: 0-4 GiB.
	xor ecx, ecx
.fill_pd:
	mov eax, ecx
	shl eax, 21
	or eax, PTE_PRESENT | PTE_RW | PTE_PSE
	mov [early_pd + ecx * 8], eax
	inc ecx
	cmp ecx, 2048
	jb .fill_pd

	xor ecx, ecx
.fill_pdpt:
	mov eax, ecx
	shl eax, 12
	add eax, early_pd + (PTE_PRESENT | PTE_RW)
	mov [early_pdpt_low + ecx * 8], eax
	inc ecx
	cmp ecx, 4
	jb .fill_pdpt

	mov dword [early_pdpt_high + 510 * 8], early_pd + (PTE_PRESENT | PTE_RW)
	mov dword [early_pdpt_high + 511 * 8], early_pd + 4096 + (PTE_PRESENT | PTE_RW)

	mov eax, early_pdpt_low + (PTE_PRESENT | PTE_RW)
	mov [early_pml4], eax
	mov [early_pml4 + DIRECT_MAP_PML4_INDEX * 8], eax
	mov dword [early_pml4 + KERNEL_MAP_PML4_INDEX * 8], early_pdpt_high + (PTE_PRESENT | PTE_RW)
	ret

; Print the NUL-terminated string at esi on COM1 and the VGA text screen, then halt for good.
; GRUB has already programmed the UART, so polling the transmit bit is enough.
early_fatal:
	mov edi, 0xb8000
.next:
	lodsb
	test al, al
	jz .halt
	mov ah, 0x4f			; white on red
	mov [edi], ax
	add edi, 2
	mov bl, al
	mov dx, COM1 + 5
.wait:
	in al, dx
	test al, 0x20
	jz .wait
	mov dx, COM1
	mov al, bl
	out dx, al
	jmp .next
.halt:
	cli
	hlt
	jmp .halt

bits 64
startup_64_low:
	mov eax, __KERNEL_DS
	mov ds, eax
	mov es, eax
	mov ss, eax
	xor eax, eax
	mov fs, eax
	mov gs, eax
	mov rax, startup_64
	jmp rax

section .boot.data progbits alloc noexec write align=16
msg_no_multiboot:
	db "Fatal: not started by a multiboot2 boot loader; use GRUB's multiboot2 command.", 13, 10, 0
msg_no_long_mode:
	db "Fatal: this CPU has no long mode (x86-64); this kernel needs a 64-bit CPU.", 13, 10, 0

; Only the 64-bit kernel code and data segments are needed to reach startup_64; the real
; GDT (with user segments and the TSS) is loaded from C.
align 16
boot_gdt:
	dq 0
	dq 0x00cf9a000000ffff		; __KERNEL32_CS
	dq 0x00af9a000000ffff		; __KERNEL_CS: 64-bit, present, ring 0
	dq 0x00cf92000000ffff		; __KERNEL_DS
boot_gdt_end:
boot_gdt_desc:
	dw boot_gdt_end - boot_gdt - 1
	dd boot_gdt

global boot_mb2_magic, boot_mb2_info
boot_mb2_magic:	dd 0
boot_mb2_info:	dd 0

section .boot.bss nobits alloc noexec write align=4096
global early_pml4
early_pml4:		resb 4096
early_pdpt_low:		resb 4096
early_pdpt_high:	resb 4096
early_pd:		resb 4 * 4096
early_tables_end:
boot_stack32:		resb 1024
boot_stack32_top:

section .text.entry progbits alloc exec nowrite align=16
extern __bss_start, __bss_stop, x86_64_start_kernel, boot_stack_top_ptr
global startup_64
startup_64:
	mov rdi, __bss_start
	mov rcx, __bss_stop
	sub rcx, rdi
	shr rcx, 3
	xor eax, eax
	rep stosq

	mov rax, boot_stack_top_ptr
	mov rsp, [rax]
	xor ebp, ebp			; ends the frame-pointer chain for backtraces
	mov edi, [boot_mb2_magic]
	mov esi, [boot_mb2_info]
	call x86_64_start_kernel
.hang:
	cli
	hlt
	jmp .hang
