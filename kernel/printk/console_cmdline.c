// SPDX-License-Identifier: GPL-2.0
/*
 * console=NAME[,OPTIONS], as on Linux: console=ttyS0,115200 and console=tty0 pick the
 * consoles printk writes to. Without any console= every registered console is used.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define MAX_CMDLINE_CONSOLES 8

struct console_cmdline {
	char name[16];
	int index;
	char options[32];
};

static struct console_cmdline console_cmdline[MAX_CMDLINE_CONSOLES];
static int nr_console_cmdline;

int console_parse_cmdline(const char *val, char *name, size_t name_size, int *index,
			  const char **options)
{
	const char *comma, *digits, *end;
	int idx = 0;

	if (!val || !*val)
		return -EINVAL;
	comma = strchr(val, ',');
	end = comma ? comma : val + strlen(val);
	for (digits = end; digits > val && digits[-1] >= '0' && digits[-1] <= '9';)
		digits--;
	if (digits == end || digits == val || (size_t)(digits - val) >= name_size)
		return -EINVAL;
	/* ttyS99999999999 must not wrap around into some small index. */
	for (const char *p = digits; p < end; p++) {
		if (idx > (__INT_MAX__ - (*p - '0')) / 10)
			return -EINVAL;
		idx = idx * 10 + (*p - '0');
	}
	memcpy(name, val, digits - val);
	name[digits - val] = '\0';
	*index = idx;
	*options = comma ? comma + 1 : "";
	return 0;
}

static int set_console(const char *val)
{
	struct console_cmdline *c;
	const char *options;
	int err;

	if (nr_console_cmdline == MAX_CMDLINE_CONSOLES)
		return -ENOSPC;
	c = &console_cmdline[nr_console_cmdline];
	err = console_parse_cmdline(val, c->name, sizeof(c->name), &c->index, &options);
	if (err)
		return err;
	if (strscpy(c->options, options, sizeof(c->options)) < 0)
		return -EINVAL;
	nr_console_cmdline++;
	return 0;
}
early_param("console", set_console);

/* A console of index -1 answers to any index of its name (the screen's: tty0, tty1). */
static const struct console_cmdline *find_cmdline(const struct console *con)
{
	for (int i = 0; i < nr_console_cmdline; i++)
		if (!strcmp(console_cmdline[i].name, con->name) &&
		    (console_cmdline[i].index == con->index || con->index < 0))
			return &console_cmdline[i];
	return NULL;
}

/* The last console= entry that names con, or -1. */
static int last_cmdline(const struct console *con)
{
	for (int i = nr_console_cmdline - 1; i >= 0; i--)
		if (!strcmp(console_cmdline[i].name, con->name) &&
		    (console_cmdline[i].index == con->index || con->index < 0))
			return i;
	return -1;
}

/*
 * As on Linux, the console named last (among those with a tty) is /dev/console:
 * "console=tty0 console=ttyS0" shows messages on both and puts /dev/console on the UART.
 */
void console_apply_cmdline(void)
{
	struct console *con, *preferred = NULL;
	int preferred_at = -1;

	if (!nr_console_cmdline)
		return;
	for (con = console_list_head(); con; con = con->next) {
		const struct console_cmdline *c = find_cmdline(con);
		int last = last_cmdline(con);

		con->flags &= ~CON_CONSDEV;
		if (!c) {
			con->flags &= ~CON_ENABLED;
			continue;
		}
		con->flags |= CON_ENABLED;
		if (con->device && last > preferred_at) {
			preferred = con;
			preferred_at = last;
		}
		if (con->setup && c->options[0] && con->setup(con, c->options))
			pr_warn("console %s%d: bad options \"%s\"\n", con->name, con->index,
				c->options);
	}
	if (preferred)
		preferred->flags |= CON_CONSDEV;
}
