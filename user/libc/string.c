/* string.h and strings.h. Word-at-a-time where it pays, bytes elsewhere. */
#include "libc.h"
#include <string.h>
#include <stdlib.h>
#include <ctype.h>

void *memcpy(void *restrict d, const void *restrict s, size_t n)
{
	void *ret = d;
	__asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
	return ret;
}

void *memmove(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;
	if (dp == sp || !n)
		return d;
	if (dp < sp || dp >= sp + n)
		return memcpy(d, s, n);
	while (n--)
		dp[n] = sp[n];
	return d;
}

void *memset(void *d, int c, size_t n)
{
	void *ret = d;
	__asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return ret;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return 0;
}

void *memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	while (n--)
		if (p[n] == (unsigned char)c)
			return (void *)(p + n);
	return 0;
}

void *memmem(const void *h, size_t hn, const void *n, size_t nn)
{
	const unsigned char *hp = h;
	if (!nn)
		return (void *)h;
	for (; hn >= nn; hn--, hp++)
		if (*hp == *(const unsigned char *)n && !memcmp(hp, n, nn))
			return (void *)hp;
	return 0;
}

void *mempcpy(void *restrict d, const void *restrict s, size_t n)
{
	return (char *)memcpy(d, s, n) + n;
}

void *memccpy(void *restrict d, const void *restrict s, int c, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;
	for (; n; n--) {
		if ((*dp++ = *sp++) == (unsigned char)c)
			return dp;
	}
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;
	while ((unsigned long)p & 7) {
		if (!*p)
			return p - s;
		p++;
	}
	const unsigned long *w = (const unsigned long *)p;
	for (;;) {
		unsigned long v;
		/* an aligned word never crosses a page: reading it is safe */
		__asm__("mov %1, %0" : "=r"(v) : "m"(*w));
		if ((v - 0x0101010101010101UL) & ~v & 0x8080808080808080UL)
			break;
		w++;
	}
	p = (const char *)w;
	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t n)
{
	const char *e = memchr(s, 0, n);
	return e ? (size_t)(e - s) : n;
}

char *stpcpy(char *restrict d, const char *restrict s)
{
	while ((*d = *s++))
		d++;
	return d;
}

char *strcpy(char *restrict d, const char *restrict s)
{
	stpcpy(d, s);
	return d;
}

char *stpncpy(char *restrict d, const char *restrict s, size_t n)
{
	size_t l = strnlen(s, n);
	memcpy(d, s, l);
	memset(d + l, 0, n - l);
	return d + l;
}

char *strncpy(char *restrict d, const char *restrict s, size_t n)
{
	stpncpy(d, s, n);
	return d;
}

char *strcat(char *restrict d, const char *restrict s)
{
	strcpy(d + strlen(d), s);
	return d;
}

char *strncat(char *restrict d, const char *restrict s, size_t n)
{
	char *e = d + strlen(d);
	size_t l = strnlen(s, n);
	memcpy(e, s, l);
	e[l] = 0;
	return d;
}

size_t strlcpy(char *d, const char *s, size_t n)
{
	size_t l = strlen(s);
	if (n) {
		size_t c = l < n - 1 ? l : n - 1;
		memcpy(d, s, c);
		d[c] = 0;
	}
	return l;
}

size_t strlcat(char *d, const char *s, size_t n)
{
	size_t l = strnlen(d, n);
	if (l == n)
		return l + strlen(s);
	return l + strlcpy(d + l, s, n - l);
}

int strcmp(const char *a, const char *b)
{
	for (; *a && *a == *b; a++, b++)
		;
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return *(const unsigned char *)a - *(const unsigned char *)b;
		if (!*a)
			return 0;
	}
	return 0;
}

int strcoll(const char *a, const char *b)
{
	return strcmp(a, b);
}

size_t strxfrm(char *restrict d, const char *restrict s, size_t n)
{
	size_t l = strlen(s);
	if (l < n)
		memcpy(d, s, l + 1);
	return l;
}

int strcasecmp(const char *a, const char *b)
{
	for (; *a && tolower((unsigned char)*a) == tolower((unsigned char)*b); a++, b++)
		;
	return tolower((unsigned char)*a) - tolower((unsigned char)*b);
}

int strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int x = tolower((unsigned char)*a), y = tolower((unsigned char)*b);
		if (x != y)
			return x - y;
		if (!x)
			return 0;
	}
	return 0;
}

char *strchrnul(const char *s, int c)
{
	for (; *s && *s != (char)c; s++)
		;
	return (char *)s;
}

char *strchr(const char *s, int c)
{
	char *p = strchrnul(s, c);
	return *p == (char)c ? p : 0;
}

char *strrchr(const char *s, int c)
{
	return memrchr(s, c, strlen(s) + 1);
}

char *strstr(const char *h, const char *n)
{
	size_t nl = strlen(n);
	if (!nl)
		return (char *)h;
	for (; (h = strchr(h, *n)); h++)
		if (!strncmp(h, n, nl))
			return (char *)h;
	return 0;
}

char *strcasestr(const char *h, const char *n)
{
	size_t nl = strlen(n);
	for (; *h; h++)
		if (!strncasecmp(h, n, nl))
			return (char *)h;
	return nl ? 0 : (char *)h;
}

static void byteset(unsigned long set[4], const char *s)
{
	set[0] = set[1] = set[2] = set[3] = 0;
	for (; *s; s++)
		set[(unsigned char)*s / 64] |= 1UL << ((unsigned char)*s % 64);
}
#define INSET(set, c) ((set)[(unsigned char)(c) / 64] >> ((unsigned char)(c) % 64) & 1)

size_t strspn(const char *s, const char *accept)
{
	unsigned long set[4];
	const char *p = s;
	byteset(set, accept);
	while (*p && INSET(set, *p))
		p++;
	return p - s;
}

size_t strcspn(const char *s, const char *reject)
{
	unsigned long set[4];
	const char *p = s;
	byteset(set, reject);
	while (*p && !INSET(set, *p))
		p++;
	return p - s;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : 0;
}

char *strtok_r(char *restrict s, const char *restrict delim, char **restrict save)
{
	if (!s)
		s = *save;
	if (!s)
		return 0;
	s += strspn(s, delim);
	if (!*s) {
		*save = 0;
		return 0;
	}
	char *e = s + strcspn(s, delim);
	if (*e)
		*e++ = 0;
	else
		e = 0;
	*save = e;
	return s;
}

char *strtok(char *restrict s, const char *restrict delim)
{
	static char *save;
	return strtok_r(s, delim, &save);
}

char *strsep(char **sp, const char *delim)
{
	char *s = *sp, *e;
	if (!s)
		return 0;
	e = s + strcspn(s, delim);
	if (*e)
		*e++ = 0;
	else
		e = 0;
	*sp = e;
	return s;
}

char *strdup(const char *s)
{
	size_t l = strlen(s) + 1;
	char *d = malloc(l);
	return d ? memcpy(d, s, l) : 0;
}

char *strndup(const char *s, size_t n)
{
	size_t l = strnlen(s, n);
	char *d = malloc(l + 1);
	if (!d)
		return 0;
	memcpy(d, s, l);
	d[l] = 0;
	return d;
}

int ffs(int i)
{
	return __builtin_ffs(i);
}

int ffsl(long i)
{
	return __builtin_ffsl(i);
}

void bzero(void *s, size_t n)
{
	memset(s, 0, n);
}

int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}
int isalpha(int c)
{
	return (unsigned)((c | 32) - 'a') < 26;
}
int isascii(int c)
{
	return !(c & ~0x7f);
}
int isblank(int c)
{
	return c == ' ' || c == '\t';
}
int iscntrl(int c)
{
	return (unsigned)c < 32 || c == 127;
}
int isdigit(int c)
{
	return (unsigned)(c - '0') < 10;
}
int isgraph(int c)
{
	return (unsigned)(c - 33) < 94;
}
int islower(int c)
{
	return (unsigned)(c - 'a') < 26;
}
int isprint(int c)
{
	return (unsigned)(c - 32) < 95;
}
int ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}
int isspace(int c)
{
	return c == ' ' || (unsigned)(c - '\t') < 5;
}
int isupper(int c)
{
	return (unsigned)(c - 'A') < 26;
}
int isxdigit(int c)
{
	return isdigit(c) || (unsigned)((c | 32) - 'a') < 6;
}
int tolower(int c)
{
	return isupper(c) ? c | 32 : c;
}
int toupper(int c)
{
	return islower(c) ? c & 0x5f : c;
}
int toascii(int c)
{
	return c & 0x7f;
}
