// SPDX-License-Identifier: GPL-2.0
/*
 * The terminal device nodes, with Linux's numbers: /dev/ttyS0 (4:64) is the first UART,
 * /dev/console (5:1) every console printk writes to, /dev/tty (5:0) the same for now. Reads
 * take what the UART has received, polling it; the TTY layer with line discipline, job
 * control and echo comes with the shell.
 */
#include <kernel/console.h>
#include <kernel/devfs.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/timer.h>

#define TTY_MAJOR 4
#define TTYAUX_MAJOR 5

static ssize_t uart_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	ssize_t done = 0;
	int c;

	for (;;) {
		while (to->count && (c = serial8250_getc()) >= 0) {
			char ch = c;

			if (!copy_to_iter(&ch, 1, to))
				return done ? done : -EFAULT;
			done++;
		}
		if (done)
			return done;
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		msleep(10);
	}
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

static const struct file_operations ttyS_fops = {
	.read = uart_read,
	.write = uart_write,
};

static const struct file_operations console_fops = {
	.read = uart_read,
	.write = console_dev_write,
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
}
