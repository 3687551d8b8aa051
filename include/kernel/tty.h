/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_TTY_H
#define _KERNEL_TTY_H

#include <kernel/types.h>

/*
 * The terminal's input side (drivers/tty/tty_dev.c): the UART's receive interrupt hands each
 * burst of received bytes to tty_receive_buf, which keeps them for readers of /dev/ttyS0 and
 * /dev/console and wakes them. Safe from interrupt handlers; bytes beyond the buffer's room
 * are dropped and counted, as a full line discipline would.
 */
#define TTY_INPUT_SIZE 1024

void tty_receive_buf(const char *buf, size_t n);
/* Bytes waiting to be read, and bytes dropped for want of room since boot (for tests). */
size_t tty_input_pending(void);
unsigned long tty_input_dropped(void);

/* The UART's side: its receive interrupt is wired up (after the I/O APIC is). */
int serial8250_rx_init(void);

#endif /* _KERNEL_TTY_H */
