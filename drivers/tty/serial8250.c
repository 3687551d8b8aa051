// SPDX-License-Identifier: GPL-2.0
/*
 * The 16550 UART as a console (COM1 by default): polled output, and input by the receive
 * interrupt (once the I/O APIC is up), handed to the terminal layer. The line is programmed
 * from scratch rather than trusting what the boot loader left, so that console=ttyS0,<baud>
 * takes effect.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/interrupt.h>
#include <kernel/spinlock.h>
#include <kernel/tty.h>
#include <kernel/string.h>
#include <asm/io.h>

#define UART_CLOCK_BAUD 115200

#define UART_THR 0 /* transmit holding (write) */
#define UART_IER 1 /* interrupt enable */
#define UART_DLL 0 /* divisor low, with DLAB */
#define UART_DLM 1 /* divisor high, with DLAB */
#define UART_FCR 2 /* FIFO control */
#define UART_LCR 3 /* line control */
#define UART_MCR 4 /* modem control */
#define UART_LSR 5 /* line status */

#define UART_LCR_8N1 0x03
#define UART_LCR_DLAB 0x80
#define UART_FCR_ENABLE_CLEAR 0x07
#define UART_MCR_DTR_RTS_OUT2 0x0b
#define UART_LSR_THRE 0x20

/* Enough for a few characters at 9600 baud; a missing UART must not hang the kernel. */
#define UART_TX_SPINS 100000

static u16 uart_base = CONFIG_SERIAL_8250_PORT;

static void uart_program(unsigned int baud)
{
	unsigned int divisor = baud ? UART_CLOCK_BAUD / baud : 1;

	if (!divisor)
		divisor = 1;
	outb(0, uart_base + UART_IER);
	outb(UART_LCR_DLAB, uart_base + UART_LCR);
	outb(divisor & 0xff, uart_base + UART_DLL);
	outb(divisor >> 8, uart_base + UART_DLM);
	outb(UART_LCR_8N1, uart_base + UART_LCR);
	outb(UART_FCR_ENABLE_CLEAR, uart_base + UART_FCR);
	outb(UART_MCR_DTR_RTS_OUT2, uart_base + UART_MCR);
}

static void uart_putc(char c)
{
	int spins = UART_TX_SPINS;

	while (!(inb(uart_base + UART_LSR) & UART_LSR_THRE) && --spins)
		;
	outb(c, uart_base + UART_THR);
}

#define UART_RBR 0 /* receive buffer (read) */
#define UART_LSR_DR 0x01
#define UART_IER_RDI 0x01 /* interrupt when received data is available */
#define UART_ISA_IRQ 4 /* COM1 */

/* A received byte, or -1 if none is waiting (polled: for early code without interrupts). */
int serial8250_getc(void)
{
	if (!(inb(uart_base + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(uart_base + UART_RBR);
}

/* Drains the receive FIFO (reading it clears the interrupt) into the terminal's buffer. */
static irqreturn_t serial8250_interrupt(int vector, void *dev)
{
	char buf[16];
	size_t n = 0;
	int c, spins = 256;

	while (spins-- && (c = serial8250_getc()) >= 0) {
		buf[n++] = c;
		if (n == sizeof(buf)) {
			tty_receive_buf(buf, n);
			n = 0;
		}
	}
	if (n)
		tty_receive_buf(buf, n);
	return IRQ_HANDLED;
}

int serial8250_rx_init(void)
{
	int err = request_isa_irq(UART_ISA_IRQ, serial8250_interrupt, "ttyS0", NULL);
	unsigned long flags;

	if (err)
		return err;
	outb(UART_IER_RDI, uart_base + UART_IER);
	/* Bytes that came before the interrupt was on would raise none: take them now. */
	local_irq_save(flags);
	serial8250_interrupt(0, NULL);
	local_irq_restore(flags);
	return 0;
}

void serial8250_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			uart_putc('\r');
		uart_putc(s[i]);
	}
}

static void serial_console_write(struct console *con, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			uart_putc('\r');
		uart_putc(s[i]);
	}
}

static int serial_console_setup(struct console *con, const char *options)
{
	unsigned int baud;

	if (!options || !*options)
		return 0;
	/* "115200" or "115200n8": only the speed is honoured; 8N1 is the only framing. */
	baud = 0;
	while (*options >= '0' && *options <= '9')
		baud = baud * 10 + (*options++ - '0');
	if (!baud || baud > UART_CLOCK_BAUD || UART_CLOCK_BAUD % baud)
		return -EINVAL;
	uart_program(baud);
	return 0;
}

static struct console serial_console = {
	.name = "ttyS",
	.index = 0,
	.write = serial_console_write,
	.setup = serial_console_setup,
	.flags = CON_ENABLED,
};

void serial8250_console_init(void)
{
	uart_program(CONFIG_SERIAL_8250_BAUD);
	register_console(&serial_console);
}
