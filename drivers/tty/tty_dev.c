// SPDX-License-Identifier: GPL-2.0
/*
 * The terminal device nodes, with Linux's numbers: /dev/ttyS0 (4:64) is the first UART,
 * /dev/console (5:1) every console printk writes to, /dev/tty (5:0) the same for now. Reads
 * take what the UART's receive interrupt delivered (tty_receive_buf) and sleep, interruptibly,
 * while there is nothing; the TTY layer with line discipline, job control and echo comes with
 * the shell.
 *
 * Locking: tty_in.lock (taken in the UART's interrupt handler, so elsewhere with interrupts
 * off) covers the input ring.
 */
#include <asm/uaccess.h>
#include <kernel/console.h>
#include <kernel/devfs.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/tty.h>
#include <kernel/wait.h>
#include <uapi/poll.h>

#define TTY_MAJOR 4
#define TTYAUX_MAJOR 5

static struct {
	spinlock_t lock;
	struct wait_queue_head wait;
	char buf[TTY_INPUT_SIZE];
	size_t head, len; /* ring: bytes at [head, head+len) mod TTY_INPUT_SIZE */
	unsigned long dropped;
} tty_in = {
	.lock = __SPIN_LOCK_UNLOCKED(tty_in.lock),
	.wait = __WAIT_QUEUE_HEAD_INITIALIZER(tty_in.wait),
};

void tty_receive_buf(const char *buf, size_t n)
{
	unsigned long flags;
	size_t i;

	spin_lock_irqsave(&tty_in.lock, flags);
	for (i = 0; i < n && tty_in.len < TTY_INPUT_SIZE; i++) {
		tty_in.buf[(tty_in.head + tty_in.len) % TTY_INPUT_SIZE] = buf[i];
		tty_in.len++;
	}
	tty_in.dropped += n - i;
	spin_unlock_irqrestore(&tty_in.lock, flags);
	if (i)
		wake_up(&tty_in.wait);
}

size_t tty_input_pending(void)
{
	return READ_ONCE(tty_in.len);
}

unsigned long tty_input_dropped(void)
{
	return READ_ONCE(tty_in.dropped);
}

/* Called with tty_in.lock held: takes up to size bytes out of the ring. */
static size_t tty_take(char *dst, size_t size)
{
	size_t n = min(size, tty_in.len);

	lockdep_assert_held(&tty_in.lock);
	for (size_t i = 0; i < n; i++)
		dst[i] = tty_in.buf[(tty_in.head + i) % TTY_INPUT_SIZE];
	tty_in.head = (tty_in.head + n) % TTY_INPUT_SIZE;
	tty_in.len -= n;
	return n;
}

static ssize_t uart_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	char chunk[128];
	size_t n, copied;
	int err = 0;

	spin_lock_irq(&tty_in.lock);
	if (!tty_in.len && (file->f_flags & O_NONBLOCK))
		err = -EAGAIN;
	else
		err = wait_event_interruptible_lock_irq(tty_in.wait, tty_in.len, tty_in.lock);
	n = err ? 0 : tty_take(chunk, min(to->count, sizeof(chunk)));
	spin_unlock_irq(&tty_in.lock);
	if (err)
		return err;
	/* Copied outside the lock: a user buffer may fault. What does not fit is lost. */
	copied = copy_to_iter(chunk, n, to);
	return copied ? (ssize_t)copied : -EFAULT;
}

/* Readable while input waits; output never blocks (it goes straight to the UART). */
static unsigned int tty_poll(struct file *file, poll_table *pt)
{
	poll_wait(file, &tty_in.wait, pt);
	return POLLOUT | POLLWRNORM | (READ_ONCE(tty_in.len) ? POLLIN | POLLRDNORM : 0);
}

/* Copies what the writer gave, a chunk at a time, to sink. */
static ssize_t write_through(struct iov_iter *from, void (*sink)(const char *s, size_t len))
{
	char chunk[128];
	ssize_t done = 0;

	while (from->count) {
		size_t n = copy_from_iter(chunk, min(from->count, sizeof(chunk)), from);

		if (!n)
			return done ? done : -EFAULT;
		sink(chunk, n);
		done += n;
	}
	return done;
}

static ssize_t uart_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	return write_through(from, serial8250_write);
}

static ssize_t console_dev_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	return write_through(from, console_write_all);
}

/* Linux's struct termios as TCGETS hands it out (asm-generic/termbits.h). */
struct termios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[19];
};

#define TCGETS 0x5401
#define TCSETS 0x5402
#define TCSETSW 0x5403
#define TCSETSF 0x5404
#define TIOCGWINSZ 0x5413
#define FIONREAD 0x541B /* TIOCINQ */

/*
 * Enough of a terminal for isatty() and a program's start-up: TCGETS reports the settings
 * of a cooked 115200-baud line (ICRNL, OPOST|ONLCR, ICANON|ECHO|ISIG...), which is what the
 * console does today; TCSETS* are accepted and change nothing until the line discipline of
 * the TTY step exists; the window is 80x24.
 */
static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	static const struct termios cooked = {
		.c_iflag = 0x500, /* ICRNL | IXON */
		.c_oflag = 0x5, /* OPOST | ONLCR */
		.c_cflag = 0x14b2, /* B115200 | CS8 | CREAD | HUPCL */
		.c_lflag =
			0x8a3b, /* ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN */
		.c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22 },
	};
	struct termios t;
	unsigned short ws[4] = { 24, 80, 0, 0 };

	switch (cmd) {
	case TCGETS:
		return copy_to_user((void __user *)arg, &cooked, sizeof(cooked)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return copy_from_user(&t, (const void __user *)arg, sizeof(t)) ? -EFAULT : 0;
	case TIOCGWINSZ:
		return copy_to_user((void __user *)arg, ws, sizeof(ws)) ? -EFAULT : 0;
	case FIONREAD:
		return put_user((int)tty_input_pending(), (int __user *)arg) ? -EFAULT : 0;
	}
	return -ENOTTY;
}

static const struct file_operations ttyS_fops = {
	.read = uart_read,
	.write = uart_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
};

static const struct file_operations console_fops = {
	.read = uart_read,
	.write = console_dev_write,
	.poll = tty_poll,
	.unlocked_ioctl = tty_ioctl,
};

void tty_dev_init(void);
void tty_dev_init(void)
{
	if (register_chrdev(TTY_MAJOR, "ttyS", &ttyS_fops) ||
	    register_chrdev(TTYAUX_MAJOR, "console", &console_fops))
		pr_err("tty: device majors taken\n");
	devfs_register("ttyS0", S_IFCHR | 0620, MKDEV(TTY_MAJOR, 64));
	devfs_register("console", S_IFCHR | 0600, MKDEV(TTYAUX_MAJOR, 1));
	devfs_register("tty", S_IFCHR | 0666, MKDEV(TTYAUX_MAJOR, 0));
	if (serial8250_rx_init())
		pr_warn("tty: no receive interrupt for ttyS0: input is not read\n");
}
