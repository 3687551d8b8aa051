/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_QEMU_H
#define _ASM_QEMU_H

#include <asm/io.h>

/*
 * QEMU's isa-debug-exit device (-device isa-debug-exit,iobase=0xf4,iosize=0x04): a write of
 * V ends QEMU with exit status (V << 1) | 1. scripts/vmrun maps these back. On a machine
 * without the device the write goes nowhere and the caller carries on.
 */
#define QEMU_DEBUG_EXIT_PORT 0xf4
#define QEMU_EXIT_SUCCESS 0x10 /* QEMU exits with 33 */
#define QEMU_EXIT_FAILURE 0x11 /* QEMU exits with 35 */
/* vmrun's commands ran; their status is in the log ("vmrun: ... exit status N") */
#define QEMU_EXIT_PROGRAM 0x12 /* QEMU exits with 37 */

/*
 * QEMU's isa-debugcon (-device isa-debugcon,iobase=0xe9,...): bytes written to the port go
 * to a file of the host's choosing. scripts/vmrun reads a command's status from it.
 */
#define QEMU_DEBUGCON_PORT 0xe9

static inline void qemu_debugcon_write(const char *s)
{
	while (*s)
		outb(*s++, QEMU_DEBUGCON_PORT);
}

static inline void qemu_exit(u8 code)
{
	outl(code, QEMU_DEBUG_EXIT_PORT);
}

#endif /* _ASM_QEMU_H */
