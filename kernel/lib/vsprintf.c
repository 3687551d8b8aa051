// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf() and friends. See include/kernel/sprintf.h for what is supported.
 *
 * The output goes through struct out, which counts every char but stores only those that fit,
 * keeping the last byte of the buffer for the NUL. No floating point: the kernel is built
 * without SSE registers.
 */
#include <kernel/sprintf.h>
#include <kernel/kallsyms.h>
#include <kernel/string.h>
#include <kernel/compiler.h>

#define WIDTH_MAX __INT_MAX__
#define SYMBOL_BUF_LEN 128

struct out {
	char *buf;
	size_t size;
	size_t len; /* chars produced so far, stored or not */
};

enum fmt_flags {
	F_LEFT = 1 << 0, /* '-': pad on the right */
	F_ZERO = 1 << 1, /* '0': pad numbers with zeros */
	F_PLUS = 1 << 2, /* '+': sign even for non-negative numbers */
	F_SPACE = 1 << 3, /* ' ': space for the sign of non-negative numbers */
	F_ALT = 1 << 4, /* '#': 0x prefix for hex, leading 0 for octal */
	F_UPPER = 1 << 5, /* upper-case hex digits and prefix */
	F_SIGNED = 1 << 6, /* signed conversion: honours '+' and ' ' */
	F_PREFIX = 1 << 7, /* always print the 0x prefix, even for 0 (%p) */
};

enum length_mod {
	LEN_NONE,
	LEN_HH,
	LEN_H,
	LEN_L,
	LEN_LL,
	LEN_Z,
	LEN_T,
	LEN_J,
};

struct fmt_spec {
	unsigned int flags;
	int width; /* 0 when not given */
	int precision; /* -1 when not given */
	unsigned int base;
};

static void out_char(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void out_repeat(struct out *o, char c, long count)
{
	for (; count > 0; count--)
		out_char(o, c);
}

static void out_mem(struct out *o, const char *s, size_t n)
{
	while (n--)
		out_char(o, *s++);
}

static void out_number(struct out *o, unsigned long long val, bool negative,
		       const struct fmt_spec *spec)
{
	const char *digits = (spec->flags & F_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24]; /* 22 octal digits cover 64 bits */
	const char *prefix = "";
	char sign = 0;
	int ndigits = 0;
	int precision = spec->precision;
	bool is_zero = val == 0;
	long zeros, total;

	/* Digits, least significant first. Value 0 with precision 0 prints no digit at all. */
	if (val || precision != 0) {
		do {
			tmp[ndigits++] = digits[val % spec->base];
			val /= spec->base;
		} while (val);
	}

	if (negative)
		sign = '-';
	else if ((spec->flags & F_SIGNED) && (spec->flags & F_PLUS))
		sign = '+';
	else if ((spec->flags & F_SIGNED) && (spec->flags & F_SPACE))
		sign = ' ';

	/* '#' with hex: the 0x prefix, but only for a non-zero value. */
	if (spec->base == 16 && ((spec->flags & F_PREFIX) || ((spec->flags & F_ALT) && !is_zero)))
		prefix = (spec->flags & F_UPPER) ? "0X" : "0x";

	/* '#' with octal: make sure the first digit printed is a 0. */
	if (spec->base == 8 && (spec->flags & F_ALT) && (ndigits == 0 || tmp[ndigits - 1] != '0') &&
	    precision <= ndigits)
		precision = ndigits + 1;

	zeros = precision > ndigits ? precision - ndigits : 0;
	if ((spec->flags & F_ZERO) && !(spec->flags & F_LEFT) && spec->precision < 0) {
		long fill = (long)spec->width - (sign ? 1 : 0) - (long)strlen(prefix) - ndigits;

		if (fill > zeros)
			zeros = fill;
	}
	total = (sign ? 1 : 0) + (long)strlen(prefix) + zeros + ndigits;

	if (!(spec->flags & F_LEFT))
		out_repeat(o, ' ', spec->width - total);
	if (sign)
		out_char(o, sign);
	out_mem(o, prefix, strlen(prefix));
	out_repeat(o, '0', zeros);
	while (ndigits)
		out_char(o, tmp[--ndigits]);
	if (spec->flags & F_LEFT)
		out_repeat(o, ' ', spec->width - total);
}

static void out_string(struct out *o, const char *s, const struct fmt_spec *spec)
{
	size_t len;

	if (!s)
		s = "(null)";
	len = strnlen(s, spec->precision < 0 ? (size_t)-1 : (size_t)spec->precision);

	if (!(spec->flags & F_LEFT))
		out_repeat(o, ' ', (long)spec->width - (long)len);
	out_mem(o, s, len);
	if (spec->flags & F_LEFT)
		out_repeat(o, ' ', (long)spec->width - (long)len);
}

/* %p and its extensions; *fmtp points at the 'p' and is moved past a recognised extension. */
static void out_pointer(struct out *o, const char **fmtp, const void *ptr, struct fmt_spec *spec)
{
	char ext = (*fmtp)[1];

	if (ext == 'S' || ext == 's') {
		char sym[SYMBOL_BUF_LEN];

		(*fmtp)++;
		sprint_symbol(sym, sizeof(sym), (unsigned long)ptr, ext == 'S');
		out_string(o, sym, spec);
		return;
	}
	if (ext == 'x')
		(*fmtp)++;

	spec->base = 16;
	spec->precision = 2 * sizeof(void *);
	spec->flags = (spec->flags & F_LEFT) | F_PREFIX;
	out_number(o, (unsigned long)ptr, false, spec);
}

/* Parse a decimal width or precision, saturating instead of overflowing. */
static int parse_decimal(const char **fmtp)
{
	const char *p = *fmtp;
	int val = 0;

	for (; *p >= '0' && *p <= '9'; p++) {
		int d = *p - '0';

		val = val > (WIDTH_MAX - d) / 10 ? WIDTH_MAX : val * 10 + d;
	}
	*fmtp = p;
	return val;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };

	for (; *fmt; fmt++) {
		const char *start = fmt;
		struct fmt_spec spec = { .flags = 0, .width = 0, .precision = -1, .base = 10 };
		enum length_mod len = LEN_NONE;
		unsigned long long uval;
		long long sval;
		bool negative = false;

		if (*fmt != '%') {
			out_char(&o, *fmt);
			continue;
		}
		fmt++;

		for (;; fmt++) {
			if (*fmt == '-')
				spec.flags |= F_LEFT;
			else if (*fmt == '0')
				spec.flags |= F_ZERO;
			else if (*fmt == '+')
				spec.flags |= F_PLUS;
			else if (*fmt == ' ')
				spec.flags |= F_SPACE;
			else if (*fmt == '#')
				spec.flags |= F_ALT;
			else
				break;
		}

		if (*fmt == '*') {
			int w = va_arg(ap, int);

			fmt++;
			if (w < 0) {
				spec.flags |= F_LEFT;
				w = w < -WIDTH_MAX ? WIDTH_MAX : -w;
			}
			spec.width = w;
		} else {
			spec.width = parse_decimal(&fmt);
		}

		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				int p = va_arg(ap, int);

				fmt++;
				spec.precision = p < 0 ? -1 : p;
			} else {
				spec.precision = parse_decimal(&fmt);
			}
		}

		switch (*fmt) {
		case 'h':
			len = LEN_H;
			if (fmt[1] == 'h') {
				len = LEN_HH;
				fmt++;
			}
			fmt++;
			break;
		case 'l':
			len = LEN_L;
			if (fmt[1] == 'l') {
				len = LEN_LL;
				fmt++;
			}
			fmt++;
			break;
		case 'z':
			len = LEN_Z;
			fmt++;
			break;
		case 't':
			len = LEN_T;
			fmt++;
			break;
		case 'j':
			len = LEN_J;
			fmt++;
			break;
		}

		switch (*fmt) {
		case '%':
			out_char(&o, '%');
			continue;
		case 'c':
			if (!(spec.flags & F_LEFT))
				out_repeat(&o, ' ', (long)spec.width - 1);
			out_char(&o, (char)va_arg(ap, int));
			if (spec.flags & F_LEFT)
				out_repeat(&o, ' ', (long)spec.width - 1);
			continue;
		case 's':
			out_string(&o, va_arg(ap, const char *), &spec);
			continue;
		case 'p':
			out_pointer(&o, &fmt, va_arg(ap, const void *), &spec);
			continue;
		case 'd':
		case 'i':
			switch (len) {
			case LEN_HH:
				sval = (signed char)va_arg(ap, int);
				break;
			case LEN_H:
				sval = (short)va_arg(ap, int);
				break;
			case LEN_L:
				sval = va_arg(ap, long);
				break;
			case LEN_LL:
				sval = va_arg(ap, long long);
				break;
			case LEN_Z:
				sval = va_arg(ap, ssize_t);
				break;
			case LEN_T:
				sval = va_arg(ap, ptrdiff_t);
				break;
			case LEN_J:
				sval = va_arg(ap, intmax_t);
				break;
			default:
				sval = va_arg(ap, int);
				break;
			}
			negative = sval < 0;
			/* Negate in unsigned arithmetic: LLONG_MIN has no positive counterpart. */
			uval = negative ? 0ULL - (unsigned long long)sval
					: (unsigned long long)sval;
			spec.flags |= F_SIGNED;
			out_number(&o, uval, negative, &spec);
			continue;
		case 'o':
			spec.base = 8;
			break;
		case 'u':
			break;
		case 'X':
			spec.flags |= F_UPPER;
			/* fall through */
		case 'x':
			spec.base = 16;
			break;
		default:
			/* Unknown conversion, or '%' at the very end: copy it as written. */
			if (!*fmt) {
				out_mem(&o, start, fmt - start);
				goto done;
			}
			out_mem(&o, start, fmt - start + 1);
			continue;
		}

		/* The unsigned conversions: o u x X. */
		switch (len) {
		case LEN_HH:
			uval = (unsigned char)va_arg(ap, unsigned int);
			break;
		case LEN_H:
			uval = (unsigned short)va_arg(ap, unsigned int);
			break;
		case LEN_L:
			uval = va_arg(ap, unsigned long);
			break;
		case LEN_LL:
			uval = va_arg(ap, unsigned long long);
			break;
		case LEN_Z:
			uval = va_arg(ap, size_t);
			break;
		case LEN_T:
			uval = (unsigned long long)va_arg(ap, ptrdiff_t);
			break;
		case LEN_J:
			uval = va_arg(ap, uintmax_t);
			break;
		default:
			uval = va_arg(ap, unsigned int);
			break;
		}
		out_number(&o, uval, false, &spec);
	}
done:
	if (size) {
		size_t end = o.len < size - 1 ? o.len : size - 1;

		buf[end] = '\0';
	}
	return o.len > (size_t)__INT_MAX__ ? __INT_MAX__ : (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	int ret = vsnprintf(buf, size, fmt, ap);

	if ((size_t)ret < size)
		return ret;
	return size ? (int)(size - 1) : 0;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}
