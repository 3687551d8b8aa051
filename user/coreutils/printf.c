// SPDX-License-Identifier: GPL-2.0
/*
 * printf: the format with its arguments, reused until the arguments run out (POSIX). %b
 * prints an argument with backslash escapes; numeric arguments may be C constants (0x1f,
 * 017) or 'c for a character's value. A bad number is a diagnostic and exit status 1 after
 * printing what could be printed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcu.h"

static int status;
static int stop; /* \c seen: no more output */

static const char *escape(const char *s, int in_b, int *c)
{
	int v = 0, i;

	switch (*s) {
	case 'a':
		*c = '\a';
		return s + 1;
	case 'b':
		*c = '\b';
		return s + 1;
	case 'f':
		*c = '\f';
		return s + 1;
	case 'n':
		*c = '\n';
		return s + 1;
	case 'r':
		*c = '\r';
		return s + 1;
	case 't':
		*c = '\t';
		return s + 1;
	case 'v':
		*c = '\v';
		return s + 1;
	case '\\':
		*c = '\\';
		return s + 1;
	case 'e':
		*c = 033;
		return s + 1;
	case '"':
		*c = '"';
		return s + 1;
	case '\'':
		*c = '\'';
		return s + 1;
	case 'x':
		for (i = 0, s++; i < 2 && *s && strchr("0123456789abcdefABCDEF", *s); i++, s++)
			v = v * 16 + (*s <= '9' ? *s - '0' : (*s | 040) - 'a' + 10);
		*c = v;
		return s;
	}
	if (*s >= '0' && *s <= '7') {
		/* in %b, \0NNN; in the format, \NNN */
		if (in_b && *s == '0')
			s++;
		for (i = 0; i < 3 && *s >= '0' && *s <= '7'; i++, s++)
			v = v * 8 + (*s - '0');
		*c = v & 0xff;
		return s;
	}
	*c = -1;
	return s;
}

static void put_b(const char *s)
{
	while (*s && !stop) {
		if (*s == '\\' && s[1]) {
			int c;

			if (s[1] == 'c') {
				stop = 1;
				return;
			}
			const char *next = escape(s + 1, 1, &c);

			if (c < 0) {
				putchar('\\');
				s++;
				continue;
			}
			putchar(c);
			s = next;
			continue;
		}
		putchar(*s++);
	}
}

static int check_end(const char *arg, const char *end)
{
	if (end == arg) {
		cu_warn("%s: expected a numeric value", arg);
		status = 1;
		return 0;
	}
	if (*end) {
		cu_warn("%s: value not completely converted", arg);
		status = 1;
	}
	if (errno == ERANGE) {
		cu_warn("%s: %s", arg, strerror(ERANGE));
		status = 1;
	}
	return 0;
}

static long long to_signed(const char *arg)
{
	char *end;
	long long v;

	if (!arg)
		return 0;
	if ((*arg == '\'' || *arg == '"') && arg[1])
		return (unsigned char)arg[1];
	errno = 0;
	v = strtoll(arg, &end, 0);
	check_end(arg, end);
	return v;
}

static unsigned long long to_unsigned(const char *arg)
{
	char *end;
	unsigned long long v;

	if (!arg)
		return 0;
	if ((*arg == '\'' || *arg == '"') && arg[1])
		return (unsigned char)arg[1];
	errno = 0;
	v = strtoull(arg, &end, 0);
	check_end(arg, end);
	return v;
}

static double to_double(const char *arg)
{
	char *end;
	double v;

	if (!arg)
		return 0;
	if ((*arg == '\'' || *arg == '"') && arg[1])
		return (unsigned char)arg[1];
	errno = 0;
	v = strtod(arg, &end);
	check_end(arg, end);
	return v;
}

/* One pass over the format; returns how many arguments it used. */
static int format_once(const char *fmt, char **args, int nargs)
{
	int used = 0;

	for (const char *p = fmt; *p && !stop;) {
		if (*p == '\\') {
			int c;

			if (p[1] == 'c') {
				stop = 1;
				break;
			}
			const char *next = escape(p + 1, 0, &c);

			if (c < 0) {
				putchar('\\');
				if (p[1])
					putchar(p[1]);
				p += p[1] ? 2 : 1;
				continue;
			}
			putchar(c);
			p = next;
			continue;
		}
		if (*p != '%') {
			putchar(*p++);
			continue;
		}
		if (p[1] == '%') {
			putchar('%');
			p += 2;
			continue;
		}
		/* %[flags][width][.precision]conv, with * taking an argument */
		char spec[64];
		size_t k = 0;
		int width = 0, prec = 0, has_width = 0, has_prec = 0;

		spec[k++] = *p++;
		while (*p && strchr("-+ #0", *p) && k < 40)
			spec[k++] = *p++;
		if (*p == '*') {
			width = (int)to_signed(used < nargs ? args[used] : NULL);
			used += used < nargs;
			has_width = 1;
			p++;
		} else {
			while (*p >= '0' && *p <= '9' && k < 50)
				spec[k++] = *p++;
		}
		if (*p == '.') {
			spec[k++] = *p++;
			if (*p == '*') {
				prec = (int)to_signed(used < nargs ? args[used] : NULL);
				used += used < nargs;
				has_prec = 1;
				p++;
			} else {
				while (*p >= '0' && *p <= '9' && k < 60)
					spec[k++] = *p++;
			}
		}
		char conv = *p;

		if (!conv || !strchr("diouxXcsbeEfFgGaA", conv)) {
			spec[k] = 0;
			cu_die(1, "%s%c: invalid conversion specification", spec, conv);
		}
		p++;
		const char *arg = used < nargs ? args[used] : NULL;

		used += used < nargs;
		/* the width and precision go through as '*' arguments */
		if (has_width) {
			memmove(spec + 2, spec + 1, k - 1);
			spec[1] = '*';
			k++;
		}
		if (has_prec) {
			spec[k++] = '*';
		}
		spec[k] = 0;
		char full[72];

#define EMIT(type, value)                                         \
	do {                                                      \
		if (has_width && has_prec)                        \
			printf(full, width, prec, (type)(value)); \
		else if (has_width)                               \
			printf(full, width, (type)(value));       \
		else if (has_prec)                                \
			printf(full, prec, (type)(value));        \
		else                                              \
			printf(full, (type)(value));              \
	} while (0)
		switch (conv) {
		case 'd':
		case 'i':
			snprintf(full, sizeof(full), "%sll%c", spec, conv);
			EMIT(long long, to_signed(arg));
			break;
		case 'o':
		case 'u':
		case 'x':
		case 'X':
			snprintf(full, sizeof(full), "%sll%c", spec, conv);
			EMIT(unsigned long long, to_unsigned(arg));
			break;
		case 'c':
			snprintf(full, sizeof(full), "%sc", spec);
			EMIT(int, arg ? (unsigned char)arg[0] : 0);
			break;
		case 's':
			snprintf(full, sizeof(full), "%ss", spec);
			EMIT(const char *, arg ? arg : "");
			break;
		case 'b': {
			/* width and precision are rare with %b: the escaped text goes out whole */
			put_b(arg ? arg : "");
			break;
		}
		default:
			snprintf(full, sizeof(full), "%s%c", spec, conv);
			EMIT(double, to_double(arg));
		}
	}
	return used;
}

int main(int argc, char **argv)
{
	cu_init(argc, argv,
		"FORMAT [ARGUMENT]...\nPrint the ARGUMENTs as FORMAT says (printf(3)'s "
		"conversions, and %b for escapes).\n");
	int i = argc > 1 && !strcmp(argv[1], "--") ? 2 : 1;

	if (i >= argc) {
		cu_warn("missing operand");
		cu_usage(1);
	}
	const char *fmt = argv[i];
	char **args = argv + i + 1;
	int nargs = argc - i - 1;

	do {
		int used = format_once(fmt, args, nargs);

		if (!used)
			break;
		args += used;
		nargs -= used;
	} while (nargs > 0 && !stop);
	if (fflush(stdout))
		return 1;
	return status;
}
