// SPDX-License-Identifier: GPL-2.0
/*
 * console=NAME[,OPTIONS], as on Linux: console=ttyS0,115200 and console=tty0 pick the
 * consoles printk writes to. Without any console= every registered console is used.
 */
#include <kernel/console.h>
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

/* Splits "ttyS0,115200" into name "ttyS", index 0 and options "115200". */
static int set_console(const char *val)
{
	struct console_cmdline *c;
	const char *comma, *digits;
	size_t name_len;

	if (!val || !*val)
		return -EINVAL;
	if (nr_console_cmdline == MAX_CMDLINE_CONSOLES)
		return -ENOSPC;
	c = &console_cmdline[nr_console_cmdline];
	comma = strchr(val, ',');
	name_len = comma ? (size_t)(comma - val) : strlen(val);
	for (digits = val + name_len; digits > val && digits[-1] >= '0' && digits[-1] <= '9';)
		digits--;
	if (digits == val + name_len || digits == val || (size_t)(digits - val) >= sizeof(c->name))
		return -EINVAL;
	memcpy(c->name, val, digits - val);
	c->name[digits - val] = '\0';
	c->index = 0;
	for (const char *p = digits; p < val + name_len; p++)
		c->index = c->index * 10 + (*p - '0');
	if (strscpy(c->options, comma ? comma + 1 : "", sizeof(c->options)) < 0)
		return -EINVAL;
	nr_console_cmdline++;
	return 0;
}
early_param("console", set_console);

static const struct console_cmdline *find_cmdline(const struct console *con)
{
	for (int i = 0; i < nr_console_cmdline; i++)
		if (!strcmp(console_cmdline[i].name, con->name) &&
		    console_cmdline[i].index == con->index)
			return &console_cmdline[i];
	return NULL;
}

void console_apply_cmdline(void)
{
	struct console *con;

	if (!nr_console_cmdline)
		return;
	for (con = console_list_head(); con; con = con->next) {
		const struct console_cmdline *c = find_cmdline(con);

		if (!c) {
			con->flags &= ~CON_ENABLED;
			continue;
		}
		con->flags |= CON_ENABLED;
		if (con->setup && c->options[0] && con->setup(con, c->options))
			pr_warn("console %s%d: bad options \"%s\"\n", con->name, con->index,
				c->options);
	}
}
