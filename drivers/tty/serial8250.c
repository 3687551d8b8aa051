// SPDX-License-Identifier: GPL-2.0
/*
 * The 16550 UART as a console (COM1 by default) and as the tty driver of /dev/ttyS0 (4:64):
 * polled output, and input by the receive interrupt (once the I/O APIC is up). The
 * interrupt only drains the FIFO into a ring (rx.lock, taken with interrupts off); a
 * thread, "ttyS0-rx", hands the ring to the line discipline in process context, where it
 * may echo, sleep on locks and signal the foreground group (Linux's flip buffers and
 * flush_to_ldisc). The line is programmed from scratch rather than trusting what the boot
 * loader left, so that console=ttyS0,<baud> takes effect.
 */
#include <kernel/console.h>
#include <kernel/devfs.h>
#include <kernel/fs.h>
#include <kernel/errno.h>
#include <kernel/interrupt.h>
#include <kernel/kthread.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/tty.h>
#include <kernel/string.h>
#include <kernel/wait.h>
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

#define RX_RING_SIZE 1024

/* Bytes the interrupt took from the FIFO, for the rx thread. */
static struct {
	spinlock_t lock;
	struct wait_queue_head wait;
	char buf[RX_RING_SIZE];
	size_t head, len; /* ring: bytes at [head, head+len) mod RX_RING_SIZE */
	unsigned long dropped;
} rx = {
	.lock = __SPIN_LOCK_UNLOCKED(rx.lock),
	.wait = __WAIT_QUEUE_HEAD_INITIALIZER(rx.wait),
};

void serial8250_rx_push(const char *buf, size_t n)
{
	unsigned long flags;
	size_t i;

	spin_lock_irqsave(&rx.lock, flags);
	for (i = 0; i < n && rx.len < RX_RING_SIZE; i++) {
		rx.buf[(rx.head + rx.len) % RX_RING_SIZE] = buf[i];
		rx.len++;
	}
	rx.dropped += n - i;
	spin_unlock_irqrestore(&rx.lock, flags);
	if (i)
		wake_up(&rx.wait);
}

size_t serial8250_rx_pending(void)
{
	return READ_ONCE(rx.len);
}

unsigned long serial8250_rx_dropped(void)
{
	return READ_ONCE(rx.dropped);
}

/* Drains the receive FIFO (reading it clears the interrupt) into the ring. */
static irqreturn_t serial8250_interrupt(int vector, void *dev)
{
	char buf[16];
	size_t n = 0;
	int c, spins = 256;

	while (spins-- && (c = serial8250_getc()) >= 0) {
		buf[n++] = c;
		if (n == sizeof(buf)) {
			serial8250_rx_push(buf, n);
			n = 0;
		}
	}
	if (n)
		serial8250_rx_push(buf, n);
	return IRQ_HANDLED;
}

static struct tty_struct serial_tty;

/*
 * Feeds the ring to the line discipline. What it cannot take (a full buffer nobody reads)
 * is dropped and counted, as the ring's own overflow is. The wait is interruptible only so
 * that the idle thread does not count in the load average: kernel threads take no signals.
 */
static int serial8250_rx_thread(void *unused)
{
	for (;;) {
		unsigned char chunk[64];
		size_t n, taken;

		(void)wait_event_interruptible(rx.wait, READ_ONCE(rx.len));
		spin_lock_irq(&rx.lock);
		n = min(rx.len, sizeof(chunk));
		for (size_t i = 0; i < n; i++)
			chunk[i] = rx.buf[(rx.head + i) % RX_RING_SIZE];
		rx.head = (rx.head + n) % RX_RING_SIZE;
		rx.len -= n;
		spin_unlock_irq(&rx.lock);
		taken = n_tty_receive_buf(&serial_tty, chunk, n);
		if (taken < n) {
			spin_lock_irq(&rx.lock);
			rx.dropped += n - taken;
			spin_unlock_irq(&rx.lock);
		}
		n_tty_flush_echoes(&serial_tty);
	}
	return 0;
}

int serial8250_rx_init(void)
{
	int err = request_isa_irq(UART_ISA_IRQ, serial8250_interrupt, "ttyS0", NULL);
	unsigned long flags;

	if (err)
		return err;
	if (!kthread_run(serial8250_rx_thread, NULL, "ttyS0-rx"))
		return -ENOMEM;
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

/* The tty's output: OPOST has done the line discipline's work, bytes go out as they are. */
static ssize_t serial_tty_write(struct tty_struct *tty, const unsigned char *buf, size_t count)
{
	for (size_t i = 0; i < count; i++)
		uart_putc(buf[i]);
	return count;
}

static size_t serial_tty_write_room(struct tty_struct *tty)
{
	return 4096; /* polled output never queues */
}

static struct tty_struct *serial_tty_lookup(struct tty_driver *driver, struct file *file, int index)
{
	if (index != 0)
		return ERR_PTR(-ENXIO); /* one UART */
	tty_kref_get(&serial_tty);
	return &serial_tty;
}

static const struct tty_operations serial_tty_ops = {
	.lookup = serial_tty_lookup,
	.write = serial_tty_write,
	.write_room = serial_tty_write_room,
};

/* Linux's serial line: cooked, with the speed the UART runs at. */
static struct tty_driver serial_driver = {
	.name = "ttyS",
	.major = 4,
	.minor_start = 64,
	.num = 1,
	.type = TTY_DRIVER_TYPE_SERIAL,
	.init_termios = { .c_iflag = ICRNL | IXON,
			  .c_oflag = OPOST | ONLCR,
			  .c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL,
			  .c_lflag =
				  ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
			  .c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22 } },
	.ops = &serial_tty_ops,
};

struct tty_struct *serial8250_tty(void)
{
	return &serial_tty;
}

static struct tty_struct *serial_console_device(struct console *con)
{
	return &serial_tty;
}

static struct console serial_console = {
	.name = "ttyS",
	.index = 0,
	.write = serial_console_write,
	.setup = serial_console_setup,
	.device = serial_console_device,
	.flags = CON_ENABLED,
};

void serial8250_console_init(void)
{
	uart_program(CONFIG_SERIAL_8250_BAUD);
	register_console(&serial_console);
}

/* /dev/ttyS0 and its receive path; the tty itself lives for the kernel's life. */
void serial8250_tty_init(void);
void serial8250_tty_init(void)
{
	tty_init_struct(&serial_tty, &serial_driver, 0);
	if (tty_register_driver(&serial_driver))
		pr_err("tty: cannot register ttyS\n");
	devfs_register("ttyS0", S_IFCHR | 0620, MKDEV(4, 64));
	if (serial8250_rx_init())
		pr_warn("tty: no receive interrupt for ttyS0: input is not read\n");
}
