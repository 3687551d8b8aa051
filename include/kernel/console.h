/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_CONSOLE_H
#define _KERNEL_CONSOLE_H

#include <kernel/types.h>

struct tty_struct;

/*
 * A console is anywhere printk's output can go: the UART, the screen. Drivers fill one of
 * these and register it; printk calls write() with interrupts off and its lock held, so
 * write() must not sleep and must not call printk.
 */
struct console {
	char name[16]; /* "ttyS", "tty" */
	int index; /* 0 for ttyS0 */
	void (*write)(struct console *con, const char *s, size_t len);
	/* Applies "console=name,options" options (e.g. the baud rate); may be NULL. */
	int (*setup)(struct console *con, const char *options);
	unsigned int flags;
	/* The tty that /dev/console opens when this console is the chosen one, or NULL. */
	struct tty_struct *(*device)(struct console *con);
	struct console *next;
};

#define CON_ENABLED (1U << 0)
#define CON_CONSDEV (1U << 1) /* /dev/console: named last by console= */

void register_console(struct console *con);
void console_write_all(const char *s, size_t len);
struct console *console_list_head(void);

/*
 * Splits console=NAME<N>[,OPTIONS] ("ttyS0,115200"): NAME into name (NUL-terminated, at most
 * name_size - 1 characters), N into index, and options to what follows the comma ("" for
 * none). -EINVAL for no digits, no name, a name too long, or an N past INT_MAX. Pure code.
 */
int console_parse_cmdline(const char *val, char *name, size_t name_size, int *index,
			  const char **options);

/* Applies console=NAME[,OPTIONS] from the command line to the registered consoles. */
void console_apply_cmdline(void);

void serial8250_console_init(void);
int serial8250_getc(void);
void serial8250_write(const char *s, size_t len);
void video_console_init(void);

#endif /* _KERNEL_CONSOLE_H */
