/*
 * math.h basics. Exact operations (floor, ceil, fmod, sqrt, frexp, ldexp, ...) are exact;
 * transcendental ones go through the x87 unit's 64-bit-mantissa instructions and are rounded
 * once to double, which is accurate to within an ulp, not always correctly rounded.
 */
#include "libc.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

static uint64_t bits_of(double x)
{
	uint64_t b;
	memcpy(&b, &x, 8);
	return b;
}

static double from_bits(uint64_t b)
{
	double x;
	memcpy(&x, &b, 8);
	return x;
}

double fabs(double x)
{
	return from_bits(bits_of(x) & ~(1ULL << 63));
}
float fabsf(float x)
{
	return (float)fabs(x);
}
double copysign(double x, double y)
{
	return from_bits((bits_of(x) & ~(1ULL << 63)) | (bits_of(y) & (1ULL << 63)));
}

double trunc(double x)
{
	uint64_t b = bits_of(x);
	int e = (int)((b >> 52) & 0x7ff) - 1023;
	if (e >= 52)
		return x; /* integral already, or inf/nan */
	if (e < 0)
		return from_bits(b & (1ULL << 63));
	return from_bits(b & ~((1ULL << (52 - e)) - 1));
}

double floor(double x)
{
	double t = trunc(x);
	return (t > x) ? t - 1.0 : t;
}

double ceil(double x)
{
	double t = trunc(x);
	if (t < x)
		return t + 1.0;
	return t == 0 ? copysign(0.0, x) : t;
}

double round(double x)
{
	double t = trunc(x);
	if (fabs(x - t) >= 0.5)
		t += copysign(1.0, x);
	return t;
}

long lround(double x)
{
	return (long)round(x);
}

double rint(double x)
{
	double r;
	__asm__("frndint" : "=t"(r) : "0"((long double)x));
	return r;
}

double sqrt(double x)
{
	__asm__("sqrtsd %1, %0" : "=x"(x) : "x"(x));
	return x;
}

float sqrtf(float x)
{
	__asm__("sqrtss %1, %0" : "=x"(x) : "x"(x));
	return x;
}

double fmod(double x, double y)
{
	long double a = x, b = y;
	unsigned short sw;
	do
		__asm__("fprem; fnstsw %%ax" : "+t"(a), "=a"(sw) : "u"(b));
	while (sw & 0x400);
	return (double)a;
}

double frexp(double x, int *e)
{
	uint64_t b = bits_of(x);
	int be = (int)((b >> 52) & 0x7ff);
	if (!be) {
		if (x == 0) {
			*e = 0;
			return x;
		}
		x = frexp(x * 0x1p64, e);
		*e -= 64;
		return x;
	}
	if (be == 0x7ff) {
		*e = 0;
		return x;
	}
	*e = be - 1022;
	return from_bits((b & ~(0x7ffULL << 52)) | (1022ULL << 52));
}

double scalbn(double x, int n)
{
	/* in steps that stay inside the normal range, rounding only at the last */
	while (n > 1023) {
		x *= 0x1p1023;
		n -= 1023;
		if (n > 1023 && __builtin_isinf(x))
			return x;
	}
	while (n < -1022) {
		if (n >= -1022 - 53) {
			x *= from_bits((uint64_t)(n + 53 + 1023) << 52);
			return x * 0x1p-53;
		}
		x *= 0x1p-1022;
		n += 1022;
	}
	return x * from_bits((uint64_t)(n + 1023) << 52);
}

double ldexp(double x, int e)
{
	return scalbn(x, e);
}

double modf(double x, double *ip)
{
	double t = trunc(x);
	*ip = t;
	if (__builtin_isinf(x))
		return copysign(0.0, x);
	return copysign(x - t, x);
}

double fmin(double a, double b)
{
	return __builtin_isnan(a) ? b : __builtin_isnan(b) ? a : a < b ? a : b;
}
double fmax(double a, double b)
{
	return __builtin_isnan(a) ? b : __builtin_isnan(b) ? a : a > b ? a : b;
}

static long double l2(long double x) /* log2(x) */
{
	long double r;
	__asm__("fld1; fxch; fyl2x" : "=t"(r) : "0"(x));
	return r;
}

static long double ex2(long double x) /* 2^x */
{
	long double i, f, r;
	__asm__("frndint" : "=t"(i) : "0"(x));
	f = x - i;
	__asm__("f2xm1" : "=t"(r) : "0"(f));
	r += 1.0L;
	__asm__("fscale" : "=t"(r) : "0"(r), "u"(i));
	return r;
}

double log(double x)
{
	if (x < 0 || __builtin_isnan(x))
		return __builtin_nan("");
	if (x == 0)
		return -__builtin_inf();
	return (double)(l2(x) * 0.693147180559945309417232121458176568L);
}

double log2(double x)
{
	if (x < 0 || __builtin_isnan(x))
		return __builtin_nan("");
	if (x == 0)
		return -__builtin_inf();
	return (double)l2(x);
}

double log10(double x)
{
	if (x < 0 || __builtin_isnan(x))
		return __builtin_nan("");
	if (x == 0)
		return -__builtin_inf();
	return (double)(l2(x) * 0.301029995663981195213738894724493027L);
}

double exp2(double x)
{
	if (__builtin_isnan(x))
		return x;
	if (x > 1024)
		return __builtin_inf();
	if (x < -1100)
		return 0;
	return (double)ex2(x);
}

double exp(double x)
{
	if (__builtin_isnan(x))
		return x;
	if (x > 710)
		return __builtin_inf();
	if (x < -750)
		return 0;
	return (double)ex2(x * 1.44269504088896340735992468100189214L);
}

double pow(double x, double y)
{
	if (y == 0 || x == 1)
		return 1;
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return __builtin_nan("");
	int yint = trunc(y) == y;
	int yodd = yint && fabs(y) < 0x1p53 && fmod(y, 2.0) != 0;
	if (yint && fabs(y) <= 64) {
		/* exact by squaring where it fits: long double keeps 64 bits of mantissa */
		long double r = 1, b = x;
		long n = (long)fabs(y);
		while (n) {
			if (n & 1)
				r *= b;
			b *= b;
			n >>= 1;
		}
		return (double)(y < 0 ? 1 / r : r);
	}
	if (x == 0)
		return y < 0 ? (yodd ? copysign(__builtin_inf(), x) : __builtin_inf())
			     : (yodd ? x : 0.0);
	if (__builtin_isinf(y))
		return (fabs(x) == 1) ? 1 : ((fabs(x) > 1) == (y > 0) ? __builtin_inf() : 0.0);
	if (x < 0 && !yint)
		return __builtin_nan("");
	long double l = l2(fabs(x)) * y;
	double r;
	if (l > 1024)
		r = __builtin_inf();
	else if (l < -1100)
		r = 0;
	else
		r = (double)ex2(l);
	return (x < 0 && yodd) ? -r : r;
}

double hypot(double x, double y)
{
	long double a = x, b = y;
	if (__builtin_isinf(x) || __builtin_isinf(y))
		return __builtin_inf();
	long double s = a * a + b * b, r;
	__asm__("fsqrt" : "=t"(r) : "0"(s));
	return (double)r;
}

double sin(double x)
{
	long double r;
	__asm__("fsin" : "=t"(r) : "0"((long double)x));
	return (double)r;
}

double cos(double x)
{
	long double r;
	__asm__("fcos" : "=t"(r) : "0"((long double)x));
	return (double)r;
}

double tan(double x)
{
	long double r, one;
	__asm__("fptan" : "=t"(one), "=u"(r) : "0"((long double)x));
	(void)one;
	return (double)r;
}

double atan2(double y, double x)
{
	long double r;
	__asm__("fpatan" : "=t"(r) : "0"((long double)x), "u"((long double)y) : "st(1)");
	return (double)r;
}

double atan(double x)
{
	return atan2(x, 1.0);
}
