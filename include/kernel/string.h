/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_STRING_H
#define _KERNEL_STRING_H

#include <kernel/types.h>

/*
 * Memory and string routines (kernel/lib/string.c). They behave like their C library namesakes
 * unless a comment says otherwise. memcpy, memmove, memset and memcmp must stay real functions:
 * the compiler emits calls to them even in freestanding code.
 */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strsep(char **stringp, const char *delim);

/*
 * Copy the string @src into @dst, a buffer of @size bytes, always NUL-terminating it when @size
 * is not 0. Returns the length copied (without the NUL), or -E2BIG if @src did not fit (then
 * @dst holds the truncated copy) or @size is 0 or above INT_MAX.
 */
ssize_t strscpy(char *dst, const char *src, size_t size);

/*
 * Parse a whole string as an integer. @base is 2..16, or 0 to pick it from the prefix: "0x" or
 * "0X" for 16, "0" for 8, else 10. With base 16 a "0x" prefix is allowed. The unsigned ones take
 * an optional '+', the signed ones '+' or '-'. One trailing newline is allowed; anything else
 * (including leading spaces or an empty string) gives -EINVAL. A value that does not fit the
 * result type gives -ERANGE. *@res is written only on success.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);

/*
 * Parse a boolean: "y", "Y", "1", "on" give true; "n", "N", "0", "off" give false. Only the
 * first character (the first two for "on"/"off") is looked at, so "yes" and "no" work too.
 * Returns 0, or -EINVAL with *@res untouched.
 */
int kstrtobool(const char *s, bool *res);

#endif /* _KERNEL_STRING_H */
