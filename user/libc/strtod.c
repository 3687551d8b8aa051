/*
 * strtod: correctly rounded (round half to even) for every decimal and hexadecimal input.
 * The decimal significand (up to 800 digits, the rest folded into a sticky digit) becomes a big
 * binary integer D; the value D * 10^k is D * 10^k exactly when k >= 0, and the 64-bit quotient
 * (D << s) / 10^-k with its remainder as a sticky bit when k < 0. The top bits are then
 * rounded once, in __make_double.
 */
#include "libc.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define BIG 260 /* 32-bit limbs: 10^1150 << 64 fits */
#define MAXDIG 800

struct big {
	int n;
	uint32_t w[BIG];
};

static void big_mul_small(struct big *b, uint32_t m, uint32_t add)
{
	uint64_t carry = add;
	for (int i = 0; i < b->n; i++) {
		uint64_t v = (uint64_t)b->w[i] * m + carry;
		b->w[i] = (uint32_t)v;
		carry = v >> 32;
	}
	if (carry)
		b->w[b->n++] = (uint32_t)carry;
}

static void big_pow10(struct big *b, int k)
{
	while (k >= 9) {
		big_mul_small(b, 1000000000, 0);
		k -= 9;
	}
	uint32_t m = 1;
	while (k--)
		m *= 10;
	big_mul_small(b, m, 0);
}

static int big_bits(const struct big *b)
{
	if (!b->n)
		return 0;
	return (b->n - 1) * 32 + 32 - __builtin_clz(b->w[b->n - 1]);
}

static void big_shl(struct big *b, int s)
{
	int words = s / 32, bits = s % 32;
	if (!b->n)
		return;
	b->w[b->n] = 0;
	if (bits) {
		for (int i = b->n; i > 0; i--)
			b->w[i] = (b->w[i] << bits) | (b->w[i - 1] >> (32 - bits));
		b->w[0] <<= bits;
		b->n++;
	}
	if (words) {
		memmove(b->w + words, b->w, b->n * 4);
		memset(b->w, 0, words * 4);
		b->n += words;
	}
	while (b->n && !b->w[b->n - 1])
		b->n--;
}

static void big_shr1(struct big *b)
{
	for (int i = 0; i < b->n; i++)
		b->w[i] = (b->w[i] >> 1) | (i + 1 < b->n ? b->w[i + 1] << 31 : 0);
	while (b->n && !b->w[b->n - 1])
		b->n--;
}

static int big_cmp(const struct big *a, const struct big *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

static void big_sub(struct big *a, const struct big *b)
{
	int64_t borrow = 0;
	for (int i = 0; i < a->n; i++) {
		int64_t v = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
		borrow = v < 0;
		a->w[i] = (uint32_t)v;
	}
	while (a->n && !a->w[a->n - 1])
		a->n--;
}

/* q * 2^e2 (+ a little more if sticky), rounded to a double; ERANGE on overflow/underflow. */
hidden double __make_double(uint64_t q, long e2, int sticky, int neg)
{
	double r;
	if (!q) {
		r = 0;
		return neg ? -r : r;
	}
	int L = 64 - __builtin_clzll(q);
	long top = L - 1 + e2; /* exponent of the leading bit */
	int keep = 53;
	if (top < -1022)
		keep = 53 - (int)(-1022 - top);
	uint64_t mant;
	long exp2;
	int inexact = sticky;
	if (keep <= 0) {
		/* below half the smallest subnormal, or just at/above it */
		if (keep == 0 && (q != (1ULL << (L - 1)) || sticky)) {
			mant = 1;
		} else {
			errno = ERANGE;
			r = 0;
			return neg ? -r : r;
		}
		exp2 = -1074;
	} else {
		int drop = L - keep;
		if (drop > 0) {
			uint64_t rem = drop >= 64 ? q : q & ((1ULL << drop) - 1);
			uint64_t half = 1ULL << (drop - 1);
			mant = drop >= 64 ? 0 : q >> drop;
			inexact |= rem != 0;
			if (rem > half || (rem == half && (sticky || (mant & 1))))
				mant++;
			exp2 = e2 + drop;
		} else {
			mant = q << -drop;
			exp2 = e2 + drop;
		}
		if (mant >> keep) { /* rounding carried out */
			if (keep == 53) {
				mant >>= 1;
				exp2++;
			} else {
				keep++;
			}
		}
	}
	/* mant * 2^exp2: mant has `keep` significant bits */
	uint64_t bits;
	long t = 63 - __builtin_clzll(mant) + exp2;
	if (t > 1023) {
		errno = ERANGE;
		bits = 0x7ffULL << 52;
	} else if (t < -1022) {
		bits = mant << (exp2 + 1074); /* subnormal: exp2 >= -1074 here */
		if (inexact)
			errno = ERANGE; /* underflow: tiny and inexact, as glibc reports it */
	} else {
		int sh = 52 - (63 - __builtin_clzll(mant));
		bits = ((uint64_t)(t + 1023) << 52) | ((mant << sh) & ((1ULL << 52) - 1));
	}
	if (neg)
		bits |= 1ULL << 63;
	memcpy(&r, &bits, 8);
	return r;
}

static double decimal(const char *dig, int nd, long k, int neg)
{
	/* value = dig (nd digits) * 10^k */
	if (!nd)
		return neg ? -0.0 : 0.0;
	if (nd + k > 310) {
		errno = ERANGE;
		return neg ? -__builtin_inf() : __builtin_inf();
	}
	if (nd + k < -330) {
		errno = ERANGE;
		return neg ? -0.0 : 0.0;
	}
	struct big D, T;
	D.n = 0;
	for (int i = 0; i < nd; i += 9) {
		uint32_t m = 1, add = 0;
		for (int j = i; j < nd && j < i + 9; j++) {
			m *= 10;
			add = add * 10 + (uint32_t)(dig[j] - '0');
		}
		if (!D.n) {
			if (add)
				D.w[D.n++] = add;
		} else {
			big_mul_small(&D, m, add);
		}
	}
	if (!D.n)
		return neg ? -0.0 : 0.0;
	if (k >= 0) {
		big_pow10(&D, (int)k);
		int L = big_bits(&D);
		uint64_t q = 0;
		int sticky = 0;
		/* top 64 bits */
		for (int b = L - 1, i = 0; i < 64 && b >= 0; b--, i++)
			q = (q << 1) | ((D.w[b / 32] >> (b % 32)) & 1);
		long e2 = L > 64 ? L - 64 : 0;
		for (int b = 0; b < L - 64 && !sticky; b++)
			sticky = (D.w[b / 32] >> (b % 32)) & 1;
		return __make_double(q, e2, sticky, neg);
	}
	T.n = 1;
	T.w[0] = 1;
	big_pow10(&T, (int)-k);
	int s = 63 + big_bits(&T) - big_bits(&D);
	if (s > 0)
		big_shl(&D, s);
	else if (s < 0)
		big_shl(&T, -s);
	/* q = D / T, in [2^62, 2^64) */
	big_shl(&T, 63);
	uint64_t q = 0;
	for (int bit = 63; bit >= 0; bit--) {
		if (big_cmp(&D, &T) >= 0) {
			big_sub(&D, &T);
			q |= 1ULL << bit;
		}
		big_shr1(&T);
	}
	return __make_double(q, -(long)s, D.n != 0, neg);
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 32;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

double strtod(const char *restrict s, char **restrict end)
{
	const char *p = s;
	int neg = 0;
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (!strncasecmp(p, "inf", 3)) {
		p += 3;
		if (!strncasecmp(p, "inity", 5))
			p += 5;
		if (end)
			*end = (char *)p;
		return neg ? -__builtin_inf() : __builtin_inf();
	}
	if (!strncasecmp(p, "nan", 3)) {
		p += 3;
		if (*p == '(') {
			const char *q = p + 1;
			while (isalnum((unsigned char)*q) || *q == '_')
				q++;
			if (*q == ')')
				p = q + 1;
		}
		if (end)
			*end = (char *)p;
		return neg ? -__builtin_nan("") : __builtin_nan("");
	}
	if (p[0] == '0' && (p[1] | 32) == 'x' &&
	    (hexval((unsigned char)p[2]) >= 0 ||
	     (p[2] == '.' && hexval((unsigned char)p[3]) >= 0))) {
		p += 2;
		uint64_t q = 0;
		long e2 = 0;
		int sticky = 0, seen_dot = 0;
		for (;; p++) {
			if (*p == '.' && !seen_dot) {
				seen_dot = 1;
				continue;
			}
			int h = hexval((unsigned char)*p);
			if (h < 0)
				break;
			if (q >> 60) {
				sticky |= h != 0;
				if (!seen_dot)
					e2 += 4;
			} else {
				q = q << 4 | (uint64_t)h;
				if (seen_dot)
					e2 -= 4;
			}
		}
		if ((*p | 32) == 'p') {
			const char *e = p + 1;
			int eneg = 0;
			if (*e == '-' || *e == '+')
				eneg = *e++ == '-';
			if (isdigit((unsigned char)*e)) {
				long x = 0;
				while (isdigit((unsigned char)*e)) {
					if (x < 100000)
						x = x * 10 + (*e - '0');
					e++;
				}
				e2 += eneg ? -x : x;
				p = e;
			}
		}
		if (end)
			*end = (char *)p;
		if (q && e2 > 2000) {
			errno = ERANGE;
			return neg ? -__builtin_inf() : __builtin_inf();
		}
		if (q && e2 < -2200) {
			errno = ERANGE;
			return neg ? -0.0 : 0.0;
		}
		/* q has up to 64 bits; keep a spare bit of sticky by shifting down */
		if (sticky && (q & 1) == 0)
			q |= 1; /* below the rounding bit: q carries 61+ bits, 53 are kept */
		return __make_double(q, e2, 0, neg);
	}
	char dig[MAXDIG + 1];
	int nd = 0, any = 0, seen_dot = 0, truncated = 0;
	long k = 0;
	for (;; p++) {
		if (*p == '.' && !seen_dot) {
			seen_dot = 1;
			continue;
		}
		if (!isdigit((unsigned char)*p))
			break;
		any = 1;
		if (*p == '0' && !nd) {
			if (seen_dot)
				k--;
			continue;
		}
		if (nd < MAXDIG) {
			dig[nd++] = *p;
			if (seen_dot)
				k--;
		} else {
			truncated |= *p != '0';
			if (!seen_dot)
				k++;
		}
	}
	if (!any) {
		if (end)
			*end = (char *)s;
		return 0;
	}
	if ((*p | 32) == 'e') {
		const char *e = p + 1;
		int eneg = 0;
		if (*e == '-' || *e == '+')
			eneg = *e++ == '-';
		if (isdigit((unsigned char)*e)) {
			long x = 0;
			while (isdigit((unsigned char)*e)) {
				if (x < 100000)
					x = x * 10 + (*e - '0');
				e++;
			}
			k += eneg ? -x : x;
			p = e;
		}
	}
	if (end)
		*end = (char *)p;
	if (truncated) { /* a nonzero digit past the 800th: a sticky 1 after them */
		dig[nd++] = '1';
		k--;
	}
	while (nd && dig[nd - 1] == '0') {
		nd--;
		k++;
	}
	return decimal(dig, nd, k, neg);
}

float strtof(const char *restrict s, char **restrict end)
{
	return (float)strtod(s, end);
}

long double strtold(const char *restrict s, char **restrict end)
{
	return strtod(s, end);
}

double atof(const char *s)
{
	return strtod(s, 0);
}
