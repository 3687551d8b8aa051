; SPDX-License-Identifier: GPL-2.0
; The flat trampoline binary, carried in the kernel image for smpboot.c to copy.
section .rodata
global trampoline_blob, trampoline_blob_end
align 16
trampoline_blob:
	incbin "trampoline.bin"
trampoline_blob_end:
