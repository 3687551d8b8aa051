; SPDX-License-Identifier: GPL-2.0
; The vDSO's stripped image (vdso.so, built by vdso.mk), carried in the kernel for vma.c to
; copy into the pages every process maps.
section .rodata
global vdso_image_start, vdso_image_end
align 4096
vdso_image_start:
	incbin "vdso.so"
vdso_image_end:
