// SPDX-License-Identifier: GPL-2.0
/*
 * clear: clears the terminal, writing what ncurses's clear writes for TERM (or -T TYPE):
 * home and erase ("clear" capability), then the erase of the scrollback (E3) where the
 * terminal has it, unless -x. There is no terminfo database here, so the common types are
 * built in; "dumb" cannot clear (status 1), an unknown type is an error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"

struct term {
	const char *name; /* a trailing '*' matches any suffix */
	const char *clear, *e3;
};

static const struct term terms[] = {
	{ "xterm-color", "\033[H\033[2J", NULL },
	{ "xterm*", "\033[H\033[2J", "\033[3J" },
	{ "rxvt*", "\033[H\033[2J", NULL },
	{ "linux", "\033[H\033[J", "\033[3J" },
	{ "tmux*", "\033[H\033[J", "\033[3J" },
	{ "screen*", "\033[H\033[J", NULL },
	{ "vt100*", "\033[H\033[J", NULL },
	{ "vt102*", "\033[H\033[J", NULL },
	{ "vt220*", "\033[H\033[J", NULL },
	{ "ansi", "\033[H\033[J", NULL },
	{ "cons25", "\033[H\033[J", NULL },
	{ "sun", "\f", NULL },
	{ "dumb", NULL, NULL },
};

static const struct term *lookup(const char *name)
{
	for (size_t i = 0; i < sizeof(terms) / sizeof(terms[0]); i++) {
		const char *t = terms[i].name;
		size_t l = strlen(t);

		if (t[l - 1] == '*' ? !strncmp(name, t, l - 1) : !strcmp(name, t))
			return &terms[i];
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int opt, scrollback = 1;
	const char *type = getenv("TERM");

	cu_init(argc, argv,
		"[-x] [-T TYPE]\nClear the terminal screen.\n"
		"  -T TYPE  the terminal type (instead of $TERM)\n"
		"  -x  do not clear the scrollback too\n");
	while ((opt = getopt(argc, argv, "T:x")) != -1) {
		switch (opt) {
		case 'T':
			type = optarg;
			break;
		case 'x':
			scrollback = 0;
			break;
		default:
			cu_usage(1);
		}
	}
	if (optind < argc) {
		cu_warn("extra operand '%s'", argv[optind]);
		cu_usage(1);
	}
	if (!type || !*type)
		cu_die(1, "TERM: not set");
	const struct term *t = lookup(type);

	if (!t)
		cu_die(1, "%s: unknown terminal type", type);
	if (!t->clear)
		return 1; /* it cannot clear, as ncurses says for "dumb" */
	fputs(t->clear, stdout);
	if (scrollback && t->e3)
		fputs(t->e3, stdout);
	return fflush(stdout) ? 1 : 0;
}
