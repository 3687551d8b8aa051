// SPDX-License-Identifier: GPL-2.0
/*
 * printf (XCU printf) and echo (the XSI one, as dash's: -n, and backslash escapes always).
 * The conversions are handed to the C library's snprintf one at a time, with the flags,
 * width and precision as given.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct pf {
	char **args;
	int nargs, pos;
	int status;
	int stop; /* \c seen */
	struct str out;
};

static const char *next_arg(struct pf *p)
{
	return p->pos < p->nargs ? p->args[p->pos++] : NULL;
}

/* One backslash escape at *s (after the backslash); octal: up to 3 digits (%b: \0 + 3) */
static void escape(struct pf *p, const char **sp, int in_b)
{
	const char *s = *sp;
	int c = *s++;

	switch (c) {
	case 'a':
		str_addc(&p->out, '\a');
		break;
	case 'b':
		str_addc(&p->out, '\b');
		break;
	case 'f':
		str_addc(&p->out, '\f');
		break;
	case 'n':
		str_addc(&p->out, '\n');
		break;
	case 'r':
		str_addc(&p->out, '\r');
		break;
	case 't':
		str_addc(&p->out, '\t');
		break;
	case 'v':
		str_addc(&p->out, '\v');
		break;
	case '\\':
		str_addc(&p->out, '\\');
		break;
	case 'c':
		if (in_b) {
			p->stop = 1;
			break;
		}
		str_addc(&p->out, '\\');
		str_addc(&p->out, 'c');
		break;
	case '0':
	case '1':
	case '2':
	case '3':
	case '4':
	case '5':
	case '6':
	case '7': {
		int v = 0, n = 0, max = 3;

		s--;
		if (in_b && *s == '0') {
			s++;
		}
		while (n < max && *s >= '0' && *s <= '7') {
			v = v * 8 + (*s++ - '0');
			n++;
		}
		str_addc(&p->out, (char)v);
		break;
	}
	case 0:
		str_addc(&p->out, '\\');
		s--;
		break;
	default:
		str_addc(&p->out, '\\');
		str_addc(&p->out, c);
	}
	*sp = s;
}

static intmax_t num_arg(struct pf *p, const char *a, int is_unsigned)
{
	char *e;
	intmax_t v;

	if (!a)
		return 0;
	if (a[0] == '\'' || a[0] == '"')
		return (unsigned char)a[1];
	errno = 0;
	v = is_unsigned && a[0] != '-' ? (intmax_t)strtoumax(a, &e, 0) : strtoimax(a, &e, 0);
	if (e == a || *e) {
		sh_warn("printf: %s: %s", a,
			e == a ? "expected numeric value" : "not completely converted");
		p->status = 1;
	} else if (errno) {
		sh_warn("printf: %s: %s", a, strerror(errno));
		p->status = 1;
	}
	return v;
}

static void add_fmt(struct pf *p, const char *spec, ...)
{
	va_list ap;
	char buf[256];
	int n;

	va_start(ap, spec);
	n = vsnprintf(buf, sizeof(buf), spec, ap);
	va_end(ap);
	if (n < (int)sizeof(buf)) {
		str_addn(&p->out, buf, n);
	} else {
		char *big = xmalloc(n + 1);

		va_start(ap, spec);
		vsnprintf(big, n + 1, spec, ap);
		va_end(ap);
		str_addn(&p->out, big, n);
		free(big);
	}
}

/* One pass over the format; returns 0 when the format took no argument. */
static int one_pass(struct pf *p, const char *f)
{
	int took = 0;

	while (*f && !p->stop) {
		char spec[64];
		size_t sl = 0;
		int width = 0, prec = -1, has_w = 0, has_p = 0;
		char conv;

		if (*f == '\\') {
			f++;
			escape(p, &f, 0);
			continue;
		}
		if (*f != '%') {
			str_addc(&p->out, *f++);
			continue;
		}
		f++;
		if (*f == '%') {
			str_addc(&p->out, '%');
			f++;
			continue;
		}
		spec[sl++] = '%';
		while (*f && strchr("-+ #0", *f) && sl < 10)
			spec[sl++] = *f++;
		if (*f == '*') {
			f++;
			has_w = 1;
			width = (int)num_arg(p, next_arg(p), 0);
			took = 1;
			spec[sl++] = '*';
		} else {
			while (*f >= '0' && *f <= '9' && sl < 30)
				spec[sl++] = *f++;
		}
		if (*f == '.') {
			spec[sl++] = *f++;
			if (*f == '*') {
				f++;
				has_p = 1;
				prec = (int)num_arg(p, next_arg(p), 0);
				took = 1;
				spec[sl++] = '*';
			} else {
				while (*f >= '0' && *f <= '9' && sl < 50)
					spec[sl++] = *f++;
			}
		}
		/* length modifiers are accepted and dropped */
		while (*f && strchr("hlLqjzt", *f))
			f++;
		conv = *f;
		if (!conv) {
			sh_warn("printf: %%%s: invalid directive", spec + 1);
			p->status = 1;
			break;
		}
		f++;
		if (!strchr("diouxXcsbeEfFgGaA", conv)) {
			sh_warn("printf: %%%c: invalid directive", conv);
			p->status = 1;
			p->stop = 1;
			break;
		}
		took = 1;
		if (conv == 'd' || conv == 'i') {
			intmax_t v = num_arg(p, next_arg(p), 0);

			spec[sl++] = 'j';
			spec[sl++] = 'd';
			spec[sl] = 0;
			if (has_w && has_p)
				add_fmt(p, spec, width, prec, v);
			else if (has_w)
				add_fmt(p, spec, width, v);
			else if (has_p)
				add_fmt(p, spec, prec, v);
			else
				add_fmt(p, spec, v);
		} else if (strchr("ouxX", conv)) {
			uintmax_t v = (uintmax_t)num_arg(p, next_arg(p), 1);

			spec[sl++] = 'j';
			spec[sl++] = conv;
			spec[sl] = 0;
			if (has_w && has_p)
				add_fmt(p, spec, width, prec, v);
			else if (has_w)
				add_fmt(p, spec, width, v);
			else if (has_p)
				add_fmt(p, spec, prec, v);
			else
				add_fmt(p, spec, v);
		} else if (strchr("eEfFgGaA", conv)) {
			const char *a = next_arg(p);
			double v = 0;

			if (a) {
				char *e;

				v = strtod(a, &e);
				if (a[0] == '\'' || a[0] == '"')
					v = (unsigned char)a[1];
				else if (e == a || *e) {
					sh_warn("printf: %s: %s", a,
						e == a ? "expected numeric value"
						       : "not completely converted");
					p->status = 1;
				}
			}
			spec[sl++] = conv;
			spec[sl] = 0;
			if (has_w && has_p)
				add_fmt(p, spec, width, prec, v);
			else if (has_w)
				add_fmt(p, spec, width, v);
			else if (has_p)
				add_fmt(p, spec, prec, v);
			else
				add_fmt(p, spec, v);
		} else {
			const char *a = next_arg(p);
			char *s;

			if (!a)
				a = "";
			if (conv == 'c') {
				s = xstrndup(a, *a ? 1 : 0);
			} else if (conv == 'b') {
				struct str save = p->out;
				const char *q = a;

				memset(&p->out, 0, sizeof(p->out));
				while (*q && !p->stop) {
					if (*q == '\\') {
						q++;
						escape(p, &q, 1);
					} else {
						str_addc(&p->out, *q++);
					}
				}
				s = str_done(&p->out);
				p->out = save;
			} else {
				s = xstrdup(a);
			}
			spec[sl++] = 's';
			spec[sl] = 0;
			if (conv == 'c' && !*s) {
				/* %c of an empty string prints nothing but the padding */
			}
			if (has_w && has_p)
				add_fmt(p, spec, width, prec, s);
			else if (has_w)
				add_fmt(p, spec, width, s);
			else if (has_p)
				add_fmt(p, spec, prec, s);
			else
				add_fmt(p, spec, s);
			free(s);
		}
	}
	return took;
}

int bltin_printf(int argc, char **argv)
{
	struct pf p = { 0 };
	int i = 1;

	if (argc > 1 && !strcmp(argv[1], "--"))
		i++;
	if (i >= argc) {
		sh_warn("printf: usage: printf format [arg ...]");
		return 2;
	}
	p.args = argv + i + 1;
	p.nargs = argc - i - 1;
	do {
		if (!one_pass(&p, argv[i]))
			break;
	} while (p.pos < p.nargs && !p.stop);
	if (p.out.s && write(1, p.out.s, p.out.len) < 0)
		p.status = 1;
	free(p.out.s);
	return p.status;
}

int bltin_echo(int argc, char **argv)
{
	struct pf p = { 0 };
	int i = 1, nl = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		nl = 0;
		i++;
	}
	for (; i < argc && !p.stop; i++) {
		const char *s = argv[i];

		if (s != argv[nl ? 1 : 2])
			str_addc(&p.out, ' ');
		while (*s && !p.stop) {
			if (*s == '\\') {
				s++;
				escape(&p, &s, 1);
			} else {
				str_addc(&p.out, *s++);
			}
		}
	}
	if (nl && !p.stop)
		str_addc(&p.out, '\n');
	if (p.out.s && write(1, p.out.s, p.out.len) < 0) {
		free(p.out.s);
		return 1;
	}
	free(p.out.s);
	return 0;
}
