/* The scanf family: one engine over a source that can give a byte and take one back. */
#include "libc.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct src {
	int (*get)(struct src *);
	void (*unget)(struct src *, int);
	FILE *f;
	const char *s;
	long count; /* bytes consumed, for %n */
};

static int get(struct src *in)
{
	int c = in->get(in);
	if (c != EOF)
		in->count++;
	return c;
}

static void unget(struct src *in, int c)
{
	if (c != EOF) {
		in->unget(in, c);
		in->count--;
	}
}

static int str_get(struct src *in)
{
	return *in->s ? (unsigned char)*in->s++ : EOF;
}
static void str_unget(struct src *in, int c)
{
	(void)c;
	in->s--;
}
static int file_get(struct src *in)
{
	return fgetc(in->f);
}
static void file_unget(struct src *in, int c)
{
	ungetc(c, in->f);
}

static void store_int(void *p, int lm, unsigned long long v)
{
	switch (lm) {
	case 'H':
		*(char *)p = (char)v;
		break;
	case 'h':
		*(short *)p = (short)v;
		break;
	case 'l':
	case 'q':
		*(long *)p = (long)v;
		break;
	default:
		*(int *)p = (int)v;
		break;
	}
}

/* Collect the longest prefix of a float into buf. */
static int scan_float(struct src *in, char *buf, int width)
{
	int n = 0, c = get(in);
#define TAKE()                      \
	do {                        \
		buf[n++] = (char)c; \
		c = get(in);        \
	} while (0)
#define ROOM (n < width && n < 510)
	if ((c == '+' || c == '-') && ROOM)
		TAKE();
	if ((c | 32) == 'i' || (c | 32) == 'n') {
		const char *word = (c | 32) == 'i' ? "infinity" : "nan";
		int k = 0;
		while (word[k] && ROOM && (c | 32) == word[k]) {
			TAKE();
			k++;
		}
		if ((word[0] == 'i' && k != 3 && k != 8) || (word[0] == 'n' && k != 3)) {
			unget(in, c);
			return 0;
		}
		unget(in, c);
		buf[n] = 0;
		return n;
	}
	int hex = 0, digits = 0;
	if (c == '0' && ROOM) {
		TAKE();
		digits = 1;
		if ((c | 32) == 'x' && ROOM) {
			TAKE();
			hex = 1;
			digits = 0;
		}
	}
	int dot = 0;
	for (;;) {
		if (ROOM && (hex ? isxdigit(c) : isdigit(c))) {
			digits = 1;
			TAKE();
		} else if (ROOM && c == '.' && !dot) {
			dot = 1;
			TAKE();
		} else {
			break;
		}
	}
	if (digits && ROOM && (c | 32) == (hex ? 'p' : 'e')) {
		TAKE();
		if ((c == '+' || c == '-') && ROOM)
			TAKE();
		while (ROOM && isdigit(c))
			TAKE();
	}
	unget(in, c);
	buf[n] = 0;
	return digits ? n : 0;
#undef TAKE
#undef ROOM
}

static int vscan(struct src *in, const char *fmt, va_list ap)
{
	int assigned = 0, matched_any = 0;
	for (; *fmt; fmt++) {
		if (isspace((unsigned char)*fmt)) {
			int c;
			while (isspace(c = get(in)))
				;
			unget(in, c);
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {
			int c;
			if (*fmt == '%') {
				fmt++;
				while (isspace(c = get(in)))
					;
			} else {
				c = get(in);
			}
			if (c != (unsigned char)*fmt) {
				unget(in, c);
				return c == EOF && !matched_any ? EOF : assigned;
			}
			continue;
		}
		fmt++;
		int suppress = 0, width = 0, lm = 0;
		if (*fmt == '*') {
			suppress = 1;
			fmt++;
		}
		while (isdigit((unsigned char)*fmt))
			width = width * 10 + (*fmt++ - '0');
		lm = __fmt_length(&fmt);
		char conv = *fmt;
		if (!conv)
			break;
		void *dst = (suppress || conv == '%') ? 0 : (conv == 'n' ? 0 : va_arg(ap, void *));
		if (conv == 'n') {
			if (!suppress)
				store_int(va_arg(ap, void *), lm, (unsigned long long)in->count);
			continue;
		}
		if (conv != 'c' && conv != '[') {
			int c;
			while (isspace(c = get(in)))
				;
			if (c == EOF)
				return matched_any ? assigned : EOF;
			unget(in, c);
		}
		char buf[512];
		int n = 0, c;
		switch (conv) {
		case 'd':
		case 'i':
		case 'u':
		case 'o':
		case 'x':
		case 'X':
		case 'p': {
			int base = conv == 'd' || conv == 'u' ? 10
				   : conv == 'o'	      ? 8
				   : conv == 'i'	      ? 0
							      : 16;
			int lim = width ? width : 510;
			if (lim > 510)
				lim = 510;
			c = get(in);
			if ((c == '+' || c == '-') && n < lim) {
				buf[n++] = (char)c;
				c = get(in);
			}
			if (c == '0' && n < lim && (base == 0 || base == 16)) {
				buf[n++] = (char)c;
				c = get(in);
				if ((c | 32) == 'x' && n < lim) {
					buf[n++] = (char)c;
					c = get(in);
					base = 16;
				} else if (base == 0) {
					base = 8;
				}
			}
			if (!base)
				base = 10;
			while (n < lim && c != EOF &&
			       (base == 16  ? isxdigit(c)
				: base == 8 ? (c >= '0' && c <= '7')
					    : isdigit(c))) {
				buf[n++] = (char)c;
				c = get(in);
			}
			unget(in, c);
			buf[n] = 0;
			char *end;
			unsigned long long v =
				(conv == 'd' || conv == 'i')
					? (unsigned long long)strtoll(buf, &end, base)
					: strtoull(buf, &end, base);
			if (end == buf) {
				/* "0x" with no digits is the number 0 followed by x, as glibc reads it */
				if (n >= 2 && buf[n - 1] == '0')
					v = 0;
				else
					return assigned;
			}
			if (dst) {
				if (conv == 'p')
					*(void **)dst = (void *)(uintptr_t)v;
				else
					store_int(dst, lm, v);
				assigned++;
			}
			break;
		}
		case 'f':
		case 'F':
		case 'e':
		case 'E':
		case 'g':
		case 'G':
		case 'a':
		case 'A': {
			n = scan_float(in, buf, width ? width : 510);
			if (!n)
				return assigned;
			double v = strtod(buf, 0);
			if (dst) {
				if (lm == 'l')
					*(double *)dst = v;
				else if (lm == 'L')
					*(long double *)dst = v;
				else
					*(float *)dst = (float)v;
				assigned++;
			}
			break;
		}
		case 's': {
			char *d = dst;
			int lim = width ? width : -1;
			while (lim && (c = get(in)) != EOF && !isspace(c)) {
				if (d)
					*d++ = (char)c;
				n++;
				if (lim > 0)
					lim--;
			}
			if (lim)
				unget(in, c);
			if (d)
				*d = 0;
			if (!n)
				return assigned;
			if (dst)
				assigned++;
			break;
		}
		case 'c': {
			char *d = dst;
			int lim = width ? width : 1;
			while (n < lim && (c = get(in)) != EOF) {
				if (d)
					*d++ = (char)c;
				n++;
			}
			if (n < lim && !n)
				return matched_any ? assigned : EOF;
			if (dst)
				assigned++;
			break;
		}
		case '[': {
			unsigned char set[256] = { 0 };
			int invert = 0;
			fmt++;
			if (*fmt == '^') {
				invert = 1;
				fmt++;
			}
			if (*fmt == ']')
				set[(unsigned char)*fmt++] = 1;
			for (; *fmt && *fmt != ']'; fmt++) {
				if (fmt[1] == '-' && fmt[2] && fmt[2] != ']') {
					for (int ch = (unsigned char)fmt[0];
					     ch <= (unsigned char)fmt[2]; ch++)
						set[ch] = 1;
					fmt += 2;
				} else {
					set[(unsigned char)*fmt] = 1;
				}
			}
			if (!*fmt)
				return assigned;
			char *d = dst;
			int lim = width ? width : -1;
			while (lim && (c = get(in)) != EOF && (set[c] ^ invert)) {
				if (d)
					*d++ = (char)c;
				n++;
				if (lim > 0)
					lim--;
			}
			if (lim)
				unget(in, c);
			if (d)
				*d = 0;
			if (!n)
				return assigned;
			if (dst)
				assigned++;
			break;
		}
		default:
			return assigned;
		}
		matched_any = 1;
	}
	return assigned;
}

int vsscanf(const char *restrict s, const char *restrict fmt, va_list ap)
{
	struct src in = { .get = str_get, .unget = str_unget, .s = s };
	return vscan(&in, fmt, ap);
}

int vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct src in = { .get = file_get, .unget = file_unget, .f = f };
	return vscan(&in, fmt, ap);
}

int vscanf(const char *restrict fmt, va_list ap)
{
	return vfscanf(stdin, fmt, ap);
}

int sscanf(const char *restrict s, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsscanf(s, fmt, ap);
	va_end(ap);
	return r;
}

int fscanf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfscanf(f, fmt, ap);
	va_end(ap);
	return r;
}

int scanf(const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return r;
}
