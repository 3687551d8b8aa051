// SPDX-License-Identifier: GPL-2.0
/*
 * echo: its operands separated by spaces and a newline. As on Linux, -n (first) leaves the
 * newline out, -e interprets backslash escapes and -E (the default) does not; anything else
 * that starts with '-' is an operand.
 */
#include <stdio.h>
#include <string.h>

#include "libcu.h"

/* Prints s with escapes interpreted; returns 1 when \c says stop all output. */
static int put_escaped(const char *s)
{
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			putchar(*s);
			continue;
		}
		s++;
		switch (*s) {
		case 'a':
			putchar('\a');
			break;
		case 'b':
			putchar('\b');
			break;
		case 'c':
			return 1;
		case 'e':
			putchar(033);
			break;
		case 'f':
			putchar('\f');
			break;
		case 'n':
			putchar('\n');
			break;
		case 'r':
			putchar('\r');
			break;
		case 't':
			putchar('\t');
			break;
		case 'v':
			putchar('\v');
			break;
		case '\\':
			putchar('\\');
			break;
		case '0': {
			int v = 0, i;

			for (i = 0; i < 3 && s[1] >= '0' && s[1] <= '7'; i++)
				v = v * 8 + (*++s - '0');
			putchar(v);
			break;
		}
		case 'x': {
			int v = 0, i;

			for (i = 0; i < 2 && strchr("0123456789abcdefABCDEF", s[1]) && s[1]; i++) {
				char c = *++s;

				v = v * 16 + (c <= '9' ? c - '0' : (c | 040) - 'a' + 10);
			}
			if (!i) {
				putchar('\\');
				putchar('x');
			} else {
				putchar(v);
			}
			break;
		}
		default:
			putchar('\\');
			putchar(*s);
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	int newline = 1, escapes = 0, i = 1;

	cu_init(argc, argv,
		"[-neE] [STRING]...\nWrite the STRINGs, separated by spaces, and a "
		"newline.\n  -n  no newline\n  -e  interpret backslash escapes\n  -E  do not (default)\n");
	/* Options only while every letter of the word is one of n, e, E. */
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *p = argv[i] + 1;

		if (strspn(p, "neE") != strlen(p))
			break;
		for (; *p; p++) {
			if (*p == 'n')
				newline = 0;
			else
				escapes = *p == 'e';
		}
	}
	for (int first = 1; i < argc; i++, first = 0) {
		if (!first)
			putchar(' ');
		if (escapes && put_escaped(argv[i]))
			return fflush(stdout) ? 1 : 0;
		if (!escapes)
			fputs(argv[i], stdout);
	}
	if (newline)
		putchar('\n');
	return fflush(stdout) || ferror(stdout) ? 1 : 0;
}
