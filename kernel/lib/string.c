// SPDX-License-Identifier: GPL-2.0
/*
 * Memory and string routines, and whole-string integer parsing.
 *
 * memcpy and memset move eight bytes per iteration ("rep movsq"/"rep stosq", then the tail
 * with "rep movsb"/"rep stosb"): correct for every length and alignment, fast on CPUs with and
 * without ERMSB, and an eighth of the iterations that a byte-wise REP costs where each
 * iteration counts (under QEMU's icount, which the benchmarks use: clearing a page is 512
 * of them, not 4096, as with Linux's clear_page on the same CPU model). Writing them as C
 * loops would also invite the compiler to turn the loop back into a call to the very function
 * being defined.
 *
 * memchr, strlen, strnlen and memcmp look at a word (eight bytes) per step: every path name
 * goes through them (a stat's name is copied, measured and compared a component at a time),
 * and a byte loop cost about three instructions a byte. The scans read whole aligned words,
 * which may hold bytes before the start or past the end of the string, never past the page
 * the string's own bytes are on; those reads are outside what AddressSanitizer allows (the
 * host tests build this file with it), hence no_sanitize_address on them. The other routines
 * are plain byte loops: they are not hot enough yet to be worth anything cleverer.
 *
 * The backwards memmove sets the direction flag and clears it again; the ABI requires it clear
 * everywhere else, so interrupt and exception entry code must clear it too (cld).
 */
#include <kernel/string.h>
#include <kernel/errno.h>
#include <kernel/compiler.h>

#define STRSCPY_MAX ((size_t)__INT_MAX__)

void *memcpy(void *dst, const void *src, size_t n)
{
#ifdef __x86_64__
	void *d = dst;
	size_t words = n >> 3;

	__asm__ __volatile__("rep movsq\n\t"
			     "mov %[tail], %%rcx\n\t"
			     "rep movsb"
			     : "+D"(d), "+S"(src), "+c"(words)
			     : [tail] "r"(n & 7)
			     : "memory");
#else
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
#endif
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	/* A forward copy is safe unless dst starts inside [src, src + n). */
	if ((uintptr_t)dst <= (uintptr_t)src || (uintptr_t)dst - (uintptr_t)src >= n)
		return memcpy(dst, src, n);

#ifdef __x86_64__
	{
		/* n > 0 here, so the last-byte pointers are inside both buffers. */
		unsigned char *d = (unsigned char *)dst + n - 1;
		const unsigned char *s = (const unsigned char *)src + n - 1;

		__asm__ __volatile__("std\n\t"
				     "rep movsb\n\t"
				     "cld"
				     : "+D"(d), "+S"(s), "+c"(n)
				     :
				     : "memory");
	}
#else
	{
		unsigned char *d = (unsigned char *)dst + n;
		const unsigned char *s = (const unsigned char *)src + n;

		while (n--)
			*--d = *--s;
	}
#endif
	return dst;
}

void *memset(void *s, int c, size_t n)
{
#ifdef __x86_64__
	void *d = s;
	size_t words = n >> 3;

	__asm__ __volatile__("rep stosq\n\t"
			     "mov %[tail], %%rcx\n\t"
			     "rep stosb"
			     : "+D"(d), "+c"(words)
			     : "a"(0x0101010101010101ULL * (unsigned char)c), [tail] "r"(n & 7)
			     : "memory");
#else
	unsigned char *d = s;

	while (n--)
		*d++ = (unsigned char)c;
#endif
	return s;
}

/* Word-at-a-time helpers: a u64 that may alias any bytes. */
typedef u64 __attribute__((may_alias)) word_t;

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
#define NO_ASAN __attribute__((no_sanitize_address))

/*
 * A bit set at the top of each zero byte of v; above the lowest zero byte there can be false
 * ones (a borrow), so only the lowest set bit is to be trusted, which is the one we use.
 */
static __always_inline u64 zero_bytes(u64 v)
{
	return (v - ONES) & ~v & HIGHS;
}

/* The index (0-7) of the lowest byte flagged by zero_bytes. */
static __always_inline size_t first_flagged(u64 z)
{
	return (size_t)__builtin_ctzll(z) >> 3;
}

static __always_inline u64 load_word(const void *p)
{
	u64 v;

	__builtin_memcpy(&v, p, sizeof(v)); /* an unaligned load: x86-64 has them */
	return v;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n >= 8; n -= 8, p += 8, q += 8) {
		u64 x = load_word(p), y = load_word(q);

		if (x != y) {
			/* The first differing byte decides: compare in big-endian order. */
			x = __builtin_bswap64(x);
			y = __builtin_bswap64(y);
			return x < y ? -1 : 1;
		}
	}
	for (; n; n--, p++, q++) {
		if (*p != *q)
			return *p < *q ? -1 : 1;
	}
	return 0;
}

/*
 * The first byte equal to c (as unsigned char) in s[0..n), or NULL. Reads the aligned words
 * that hold s[0..n); the bytes of the first word before s are masked off.
 */
NO_ASAN void *memchr(const void *s, int c, size_t n)
{
	unsigned long addr = (unsigned long)s, head = addr & 7;
	const word_t *w = (const word_t *)(addr - head);
	u64 pattern = (u64)(unsigned char)c * ONES, z;
	size_t idx;

	if (!n)
		return NULL;
	/* Bytes before s: made unequal to c (x ^ pattern nonzero) by setting them to ~c. */
	z = zero_bytes((*w ^ pattern) | ((1ULL << (head * 8)) - 1));
	for (size_t seen = 8 - head;; seen += 8) {
		if (z) {
			idx = (size_t)((const unsigned char *)w - (const unsigned char *)s) +
			      first_flagged(z);
			return idx < n ? (void *)((const unsigned char *)s + idx) : NULL;
		}
		if (seen >= n)
			return NULL;
		z = zero_bytes(*++w ^ pattern);
	}
}

NO_ASAN size_t strlen(const char *s)
{
	unsigned long addr = (unsigned long)s, head = addr & 7;
	const word_t *w = (const word_t *)(addr - head);
	u64 z = zero_bytes(*w | ((1ULL << (head * 8)) - 1));

	while (!z)
		z = zero_bytes(*++w);
	return (size_t)((const char *)w - s) + first_flagged(z);
}

NO_ASAN size_t strnlen(const char *s, size_t maxlen)
{
	unsigned long addr = (unsigned long)s, head = addr & 7;
	const word_t *w = (const word_t *)(addr - head);
	size_t seen = 8 - head, len;
	u64 z;

	if (!maxlen)
		return 0;
	z = zero_bytes(*w | ((1ULL << (head * 8)) - 1));
	while (!z && seen < maxlen) {
		z = zero_bytes(*++w);
		seen += 8;
	}
	if (!z)
		return maxlen;
	len = (size_t)((const char *)w - s) + first_flagged(z);
	return len < maxlen ? len : maxlen;
}

int strcmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

	while (*p && *p == *q) {
		p++;
		q++;
	}
	if (*p == *q)
		return 0;
	return *p < *q ? -1 : 1;
}

int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return *p < *q ? -1 : 1;
		if (!*p)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

char *strstr(const char *haystack, const char *needle)
{
	size_t nlen = strlen(needle);

	if (!nlen)
		return (char *)haystack;
	for (; *haystack; haystack++) {
		if (*haystack == *needle && !strncmp(haystack, needle, nlen))
			return (char *)haystack;
	}
	return NULL;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

char *strsep(char **stringp, const char *delim)
{
	char *start = *stringp;
	char *end;

	if (!start)
		return NULL;
	end = start + strcspn(start, delim);
	if (*end) {
		*end = '\0';
		*stringp = end + 1;
	} else {
		*stringp = NULL;
	}
	return start;
}

ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t i;

	if (size == 0 || size > STRSCPY_MAX)
		return -E2BIG;
	for (i = 0; i < size; i++) {
		dst[i] = src[i];
		if (!src[i])
			return i;
	}
	dst[size - 1] = '\0';
	return -E2BIG;
}

/* Value of a digit in bases up to 16, or 16 for anything that is not a digit. */
static unsigned int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20; /* ASCII lower case; leaves digits and most punctuation non-letters */
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return 16;
}

static bool has_hex_prefix(const char *s)
{
	return s[0] == '0' && (s[1] | 0x20) == 'x';
}

/* The unsigned parser behind every kstrto*(): no sign accepted here. */
static int parse_ull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long val = 0;
	bool overflow = false;
	const char *p;
	unsigned int d;

	if (base == 0) {
		if (has_hex_prefix(s) && digit_value(s[2]) < 16)
			base = 16;
		else if (s[0] == '0')
			base = 8;
		else
			base = 10;
	}
	if (base < 2 || base > 16)
		return -EINVAL;
	if (base == 16 && has_hex_prefix(s))
		s += 2;

	for (p = s; (d = digit_value(*p)) < base; p++) {
		/* val * base + d must not exceed the maximum; keep going to find the end. */
		if (val > (~0ULL - d) / base)
			overflow = true;
		val = val * base + d;
	}
	if (p == s)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	if (*p == '\n')
		p++;
	if (*p)
		return -EINVAL;
	*res = val;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return parse_ull(s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long tmp;
	int ret;

	if (s[0] == '-') {
		ret = parse_ull(s + 1, base, &tmp);
		if (ret)
			return ret;
		/* The magnitude of the most negative value is one more than the maximum. */
		if (tmp > (~0ULL >> 1) + 1)
			return -ERANGE;
		*res = (long long)(0ULL - tmp);
		return 0;
	}
	ret = kstrtoull(s, base, &tmp);
	if (ret)
		return ret;
	if (tmp > (~0ULL >> 1))
		return -ERANGE;
	*res = (long long)tmp;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long tmp;
	int ret;

	BUILD_BUG_ON(sizeof(unsigned long) != sizeof(unsigned long long));
	ret = kstrtoull(s, base, &tmp);
	if (ret)
		return ret;
	*res = tmp;
	return 0;
}

int kstrtol(const char *s, unsigned int base, long *res)
{
	long long tmp;
	int ret;

	BUILD_BUG_ON(sizeof(long) != sizeof(long long));
	ret = kstrtoll(s, base, &tmp);
	if (ret)
		return ret;
	*res = tmp;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long tmp;
	int ret;

	ret = kstrtoull(s, base, &tmp);
	if (ret)
		return ret;
	if (tmp > (unsigned int)~0U)
		return -ERANGE;
	*res = tmp;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long tmp;
	int ret;

	ret = kstrtoll(s, base, &tmp);
	if (ret)
		return ret;
	if (tmp > __INT_MAX__ || tmp < -__INT_MAX__ - 1)
		return -ERANGE;
	*res = tmp;
	return 0;
}

int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;

	switch (s[0]) {
	case 'y':
	case 'Y':
	case '1':
		*res = true;
		return 0;
	case 'n':
	case 'N':
	case '0':
		*res = false;
		return 0;
	case 'o':
	case 'O':
		switch (s[1]) {
		case 'n':
		case 'N':
			*res = true;
			return 0;
		case 'f':
		case 'F':
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}
