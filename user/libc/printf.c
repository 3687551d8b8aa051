/*
 * The printf engine. Floating point is printed from the exact decimal expansion of the double
 * (a big integer in base 10^9: m * 2^e or m * 5^-e), then rounded half-to-even at the digit
 * the conversion asks for, so every output is the correctly rounded one (as glibc prints).
 * long double arguments are converted to double first.
 */
#include "libc.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define LIMBS 128
#define DIGITS_MAX 1200

hidden int __dtoa_exact(double x, char *digits, int *dexp)
{
	uint64_t bits;
	memcpy(&bits, &x, 8);
	uint64_t m = bits & ((1ULL << 52) - 1);
	int be = (int)(bits >> 52) & 0x7ff, e2;
	if (be) {
		m |= 1ULL << 52;
		e2 = be - 1075;
	} else {
		e2 = -1074;
	}
	if (!m) {
		*dexp = 0;
		return 0;
	}
	uint32_t L[LIMBS];
	int n = 0;
	while (m) {
		L[n++] = (uint32_t)(m % 1000000000);
		m /= 1000000000;
	}
	int k10 = 0, left = e2 < 0 ? -e2 : e2;
	while (left > 0) {
		uint64_t mul;
		int step;
		if (e2 >= 0) {
			step = left < 29 ? left : 29;
			mul = 1ULL << step;
		} else {
			step = left < 13 ? left : 13;
			mul = 1;
			for (int i = 0; i < step; i++)
				mul *= 5;
		}
		uint64_t carry = 0;
		for (int i = 0; i < n; i++) {
			uint64_t v = (uint64_t)L[i] * mul + carry;
			L[i] = (uint32_t)(v % 1000000000);
			carry = v / 1000000000;
		}
		while (carry) {
			L[n++] = (uint32_t)(carry % 1000000000);
			carry /= 1000000000;
		}
		left -= step;
	}
	if (e2 < 0)
		k10 = -e2;
	/* to decimal: the top limb without leading zeros, then 9 digits a limb */
	int len = 0;
	char tmp[10];
	int t = 0;
	for (uint32_t v = L[n - 1]; v; v /= 10)
		tmp[t++] = (char)('0' + v % 10);
	while (t)
		digits[len++] = tmp[--t];
	for (int i = n - 2; i >= 0; i--) {
		uint32_t v = L[i];
		for (int j = 8; j >= 0; j--) {
			digits[len + j] = (char)('0' + v % 10);
			v /= 10;
		}
		len += 9;
	}
	*dexp = len - k10;
	while (len && digits[len - 1] == '0')
		len--;
	return len;
}

/* Keep the first `keep` digits, rounding half to even on what is dropped. */
static void round_digits(char *d, int *len, int *dexp, int keep)
{
	if (keep >= *len)
		return;
	if (keep < 0) {
		*len = 0;
		return;
	}
	int up;
	if (d[keep] > '5')
		up = 1;
	else if (d[keep] < '5')
		up = 0;
	else if (keep + 1 < *len)
		up = 1;
	else
		up = keep > 0 && ((d[keep - 1] - '0') & 1);
	*len = keep;
	if (up) {
		int i = keep - 1;
		while (i >= 0 && d[i] == '9')
			d[i--] = '0';
		if (i >= 0) {
			d[i]++;
		} else {
			d[0] = '1';
			*len = 1;
			(*dexp)++;
		}
	}
	while (*len && d[*len - 1] == '0')
		(*len)--;
}

struct spec {
	int left, plus, space, alt, zero;
	int width, prec;
	char conv;
};

static void out(struct __out *o, const char *s, size_t n)
{
	if (n) {
		o->put(o, s, n);
		o->total += n;
	}
}

static void pad(struct __out *o, char c, long n)
{
	char b[64];
	memset(b, c, sizeof(b));
	while (n > 0) {
		long k = n < 64 ? n : 64;
		out(o, b, k);
		n -= k;
	}
}

/* Emit prefix (sign, 0x) + zeros + body with the width, flags of sp. */
static void emit(struct __out *o, const struct spec *sp, const char *prefix, long zeros,
		 const char *body, long blen)
{
	long plen = (long)strlen(prefix);
	long total = plen + zeros + blen;
	if (sp->zero && !sp->left && sp->width > total) {
		zeros += sp->width - total;
		total = sp->width;
	}
	if (!sp->left)
		pad(o, ' ', sp->width - total);
	out(o, prefix, plen);
	pad(o, '0', zeros);
	out(o, body, blen);
	if (sp->left)
		pad(o, ' ', sp->width - total);
}

static void fmt_int(struct __out *o, struct spec *sp, uintmax_t v, int neg)
{
	char buf[72], *e = buf + sizeof(buf), *p = e;
	const char *digs = sp->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned base = 10;
	if (sp->conv == 'o')
		base = 8;
	else if (sp->conv == 'x' || sp->conv == 'X' || sp->conv == 'p')
		base = 16;
	uintmax_t u = v;
	while (u) {
		*--p = digs[u % base];
		u /= base;
	}
	long len = e - p;
	long zeros = 0;
	if (sp->prec >= 0) {
		sp->zero = 0;
		if (sp->prec > len)
			zeros = sp->prec - len;
	} else if (!len) {
		zeros = 1;
	}
	const char *prefix = "";
	if (sp->conv == 'd' || sp->conv == 'i')
		prefix = neg ? "-" : sp->plus ? "+" : sp->space ? " " : "";
	else if (sp->conv == 'o' && sp->alt && !zeros && (!len || *p != '0'))
		zeros = 1;
	else if ((sp->conv == 'x' || sp->conv == 'X') && sp->alt && v)
		prefix = sp->conv == 'x' ? "0x" : "0X";
	else if (sp->conv == 'p')
		prefix = "0x";
	emit(o, sp, prefix, zeros, p, len);
}

/* Floating point: into buf (big enough for any precision asked), returns the length. */
static long fmt_fixed(char *buf, const char *d, int len, int dexp, int prec, int alt)
{
	long n = 0;
	if (dexp <= 0) {
		buf[n++] = '0';
	} else {
		for (int i = 0; i < dexp; i++)
			buf[n++] = i < len ? d[i] : '0';
	}
	if (prec > 0 || alt)
		buf[n++] = '.';
	for (int i = 0; i < prec; i++) {
		int k = dexp + i;
		buf[n++] = (k >= 0 && k < len) ? d[k] : '0';
	}
	return n;
}

static long fmt_exp(char *buf, const char *d, int len, int dexp, int prec, int alt, char e)
{
	long n = 0;
	int x = len ? dexp - 1 : 0;
	buf[n++] = len ? d[0] : '0';
	if (prec > 0 || alt)
		buf[n++] = '.';
	for (int i = 1; i <= prec; i++)
		buf[n++] = i < len ? d[i] : '0';
	buf[n++] = e;
	buf[n++] = x < 0 ? '-' : '+';
	if (x < 0)
		x = -x;
	char t[8];
	int k = 0;
	do {
		t[k++] = (char)('0' + x % 10);
		x /= 10;
	} while (x);
	if (k < 2)
		t[k++] = '0';
	while (k)
		buf[n++] = t[--k];
	return n;
}

static long fmt_hex(char *buf, double x, int prec, int upper)
{
	const char *digs = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	uint64_t bits;
	memcpy(&bits, &x, 8);
	uint64_t m = bits & ((1ULL << 52) - 1);
	int be = (int)(bits >> 52) & 0x7ff;
	int lead = be ? 1 : 0, e = be ? be - 1023 : (m ? -1022 : 0);
	if (prec >= 0 && prec < 13) {
		int drop = (13 - prec) * 4;
		uint64_t rem = m & ((1ULL << drop) - 1), half = 1ULL << (drop - 1);
		m >>= drop;
		if (rem > half || (rem == half && (m & 1)))
			m++;
		if (m >> (prec * 4)) { /* carried into the leading digit */
			lead++;
			m &= (1ULL << (prec * 4)) - 1;
		}
		m <<= drop;
	}
	long n = 0;
	buf[n++] = '0';
	buf[n++] = upper ? 'X' : 'x';
	buf[n++] = digs[lead];
	int nd = 13;
	if (prec < 0)
		while (nd && !((m >> ((13 - nd) * 4)) & 15))
			nd--;
	else
		nd = prec;
	if (nd)
		buf[n++] = '.';
	for (int i = 0; i < nd; i++)
		buf[n++] = i < 13 ? digs[(m >> ((12 - i) * 4)) & 15] : '0';
	buf[n++] = upper ? 'P' : 'p';
	n += 0;
	char t[8];
	int k = 0, ae = e < 0 ? -e : e;
	buf[n++] = e < 0 ? '-' : '+';
	do {
		t[k++] = (char)('0' + ae % 10);
		ae /= 10;
	} while (ae);
	while (k)
		buf[n++] = t[--k];
	return n;
}

static void fmt_float(struct __out *o, struct spec *sp, double x)
{
	uint64_t bits;
	memcpy(&bits, &x, 8);
	int neg = (int)(bits >> 63);
	const char *prefix = neg ? "-" : sp->plus ? "+" : sp->space ? " " : "";
	char c = sp->conv;
	int upper = c == 'F' || c == 'E' || c == 'G' || c == 'A';
	if (neg)
		x = -x;
	if (__builtin_isinf(x) || __builtin_isnan(x)) {
		sp->zero = 0;
		emit(o, sp, prefix, 0,
		     __builtin_isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3);
		return;
	}
	int prec = sp->prec;
	char sbuf[1600], *buf = sbuf;
	size_t need = (size_t)(prec > 0 ? prec : 0) + 400;
	if (need > sizeof(sbuf)) {
		buf = malloc(need);
		if (!buf)
			return;
	}
	long n;
	if (c == 'a' || c == 'A') {
		n = fmt_hex(buf, x, prec, upper);
		const char *pre = neg ? "-" : sp->plus ? "+" : sp->space ? " " : "";
		/* the 0x goes before the zero padding */
		char p2[4];
		strcpy(p2, pre);
		strcat(p2, upper ? "0X" : "0x");
		emit(o, sp, p2, 0, buf + 2, n - 2);
		if (buf != sbuf)
			free(buf);
		return;
	}
	if (prec < 0)
		prec = 6;
	char d[DIGITS_MAX];
	int dexp, len = __dtoa_exact(x, d, &dexp);
	if (c == 'f' || c == 'F') {
		round_digits(d, &len, &dexp, dexp + prec);
		n = fmt_fixed(buf, d, len, dexp, prec, sp->alt);
	} else if (c == 'e' || c == 'E') {
		round_digits(d, &len, &dexp, prec + 1);
		n = fmt_exp(buf, d, len, dexp, prec, sp->alt, upper ? 'E' : 'e');
	} else {
		int P = prec ? prec : 1;
		round_digits(d, &len, &dexp, P);
		int X = len ? dexp - 1 : 0;
		if (P > X && X >= -4)
			n = fmt_fixed(buf, d, len, dexp, P - 1 - X, sp->alt);
		else
			n = fmt_exp(buf, d, len, dexp, P - 1, sp->alt, upper ? 'E' : 'e');
		if (!sp->alt && memchr(buf, '.', n)) {
			char *ep = memchr(buf, upper ? 'E' : 'e', n);
			long mant = ep ? ep - buf : n, cut = mant;
			while (buf[cut - 1] == '0')
				cut--;
			if (buf[cut - 1] == '.')
				cut--;
			memmove(buf + cut, buf + mant, n - mant);
			n -= mant - cut;
		}
	}
	emit(o, sp, prefix, 0, buf, n);
	if (buf != sbuf)
		free(buf);
}

hidden int __vformat(struct __out *o, const char *fmt, va_list ap)
{
	va_list a;
	va_copy(a, ap);
	while (*fmt) {
		const char *pct = strchrnul(fmt, '%');
		out(o, fmt, pct - fmt);
		fmt = pct;
		if (!*fmt)
			break;
		fmt++;
		struct spec sp = { .prec = -1 };
		for (;; fmt++) {
			if (*fmt == '-')
				sp.left = 1;
			else if (*fmt == '+')
				sp.plus = 1;
			else if (*fmt == ' ')
				sp.space = 1;
			else if (*fmt == '#')
				sp.alt = 1;
			else if (*fmt == '0')
				sp.zero = 1;
			else if (*fmt == '\'')
				;
			else
				break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(a, int);
			if (sp.width < 0) {
				sp.left = 1;
				sp.width = -sp.width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				sp.width = sp.width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			sp.prec = 0;
			if (*fmt == '*') {
				sp.prec = va_arg(a, int);
				if (sp.prec < 0)
					sp.prec = -1;
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					sp.prec = sp.prec * 10 + (*fmt++ - '0');
			}
		}
		if (sp.left)
			sp.zero = 0;
		int lm = __fmt_length(&fmt);
		sp.conv = *fmt++;
		switch (sp.conv) {
		case 'd':
		case 'i': {
			intmax_t v;
			if (lm == 'l' || lm == 'q')
				v = va_arg(a, long);
			else
				v = va_arg(a, int);
			if (lm == 'h')
				v = (short)v;
			else if (lm == 'H')
				v = (signed char)v;
			fmt_int(o, &sp, v < 0 ? -(uintmax_t)v : (uintmax_t)v, v < 0);
			break;
		}
		case 'u':
		case 'o':
		case 'x':
		case 'X': {
			uintmax_t v;
			if (lm == 'l' || lm == 'q')
				v = va_arg(a, unsigned long);
			else
				v = va_arg(a, unsigned int);
			if (lm == 'h')
				v = (unsigned short)v;
			else if (lm == 'H')
				v = (unsigned char)v;
			fmt_int(o, &sp, v, 0);
			break;
		}
		case 'p': {
			void *p = va_arg(a, void *);
			if (!p) {
				sp.prec = -1;
				sp.zero = 0;
				emit(o, &sp, "", 0, "(nil)", 5);
			} else {
				fmt_int(o, &sp, (uintptr_t)p, 0);
			}
			break;
		}
		case 'c': {
			char ch = (char)va_arg(a, int);
			sp.zero = 0;
			emit(o, &sp, "", 0, &ch, 1);
			break;
		}
		case 's':
		case 'm': {
			const char *s = sp.conv == 'm' ? strerror(errno) : va_arg(a, const char *);
			if (!s)
				s = "(null)";
			long l = sp.prec >= 0 ? (long)strnlen(s, sp.prec) : (long)strlen(s);
			sp.zero = 0;
			emit(o, &sp, "", 0, s, l);
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
			double v = lm == 'L' ? (double)va_arg(a, long double) : va_arg(a, double);
			fmt_float(o, &sp, v);
			break;
		}
		case 'n': {
			void *p = va_arg(a, void *);
			if (lm == 'l' || lm == 'q')
				*(long *)p = (long)o->total;
			else if (lm == 'h')
				*(short *)p = (short)o->total;
			else if (lm == 'H')
				*(signed char *)p = (signed char)o->total;
			else
				*(int *)p = (int)o->total;
			break;
		}
		case '%':
			out(o, "%", 1);
			break;
		default: /* an unknown conversion: print it as it was written */
			out(o, "%", 1);
			if (sp.conv)
				out(o, fmt - 1, 1);
			else
				fmt--;
			break;
		}
	}
	va_end(a);
	return o->total > 0x7fffffff ? -1 : (int)o->total;
}

/* Buffers: snprintf, sprintf, asprintf. */
static void put_buf(struct __out *o, const char *s, size_t n)
{
	if (o->len + 1 < o->cap) {
		size_t k = o->cap - 1 - o->len;
		if (k > n)
			k = n;
		memcpy(o->buf + o->len, s, k);
	}
	o->len += n;
}

int vsnprintf(char *restrict s, size_t n, const char *restrict fmt, va_list ap)
{
	struct __out o = { .put = put_buf, .buf = s, .cap = n };
	int r = __vformat(&o, fmt, ap);
	if (n)
		s[o.len < n ? o.len : n - 1] = 0;
	if (r < 0)
		errno = EOVERFLOW;
	return r;
}

int snprintf(char *restrict s, size_t n, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsnprintf(s, n, fmt, ap);
	va_end(ap);
	return r;
}

int vsprintf(char *restrict s, const char *restrict fmt, va_list ap)
{
	return vsnprintf(s, (size_t)-1 / 2, fmt, ap);
}

int sprintf(char *restrict s, const char *restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsprintf(s, fmt, ap);
	va_end(ap);
	return r;
}

static void put_grow(struct __out *o, const char *s, size_t n)
{
	if (!o->buf)
		return;
	if (o->len + n + 1 > o->cap) {
		size_t c = (o->len + n + 1) * 2;
		char *b = realloc(o->buf, c);
		if (!b) {
			free(o->buf);
			o->buf = 0;
			return;
		}
		o->buf = b;
		o->cap = c;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

int vasprintf(char **s, const char *fmt, va_list ap)
{
	struct __out o = { .put = put_grow, .buf = malloc(64), .cap = 64 };
	int r = __vformat(&o, fmt, ap);
	if (!o.buf || r < 0) {
		free(o.buf);
		return -1;
	}
	o.buf[o.len] = 0;
	*s = o.buf;
	return r;
}

int asprintf(char **s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vasprintf(s, fmt, ap);
	va_end(ap);
	return r;
}
