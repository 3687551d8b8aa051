// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel command line tokenizer; see include/kernel/cmdline.h.
 */
#include <kernel/cmdline.h>
#include <kernel/string.h>

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static char *skip_spaces(char *s)
{
	while (is_space(*s))
		s++;
	return s;
}

char *next_arg(char *args, char **param, char **val)
{
	char *start = skip_spaces(args);
	char *rd = start, *wr = start; /* read and write cursors: quotes are squeezed out */
	char *equals = NULL;
	bool in_quote = false;
	char *rest;

	while (*rd && (in_quote || !is_space(*rd))) {
		if (*rd == '"') {
			in_quote = !in_quote;
			rd++;
			continue;
		}
		if (*rd == '=' && !equals)
			equals = wr;
		*wr++ = *rd++;
	}

	/* Decide where the rest starts before the terminator below may overwrite *rd. */
	rest = *rd ? rd + 1 : rd;
	*wr = '\0';

	*param = start;
	if (equals) {
		*equals = '\0';
		*val = equals + 1;
	} else {
		*val = NULL;
	}
	return skip_spaces(rest);
}

int parse_args(char *args, int (*handle)(char *param, char *val, void *arg), void *arg)
{
	char *param, *val;
	int ret;

	args = skip_spaces(args);
	while (*args) {
		args = next_arg(args, &param, &val);
		if (!val && !strcmp(param, "--"))
			return 0;
		ret = handle(param, val, arg);
		if (ret < 0)
			return ret;
	}
	return 0;
}
