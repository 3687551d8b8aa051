// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for kernel/lib/string.c. Reference results come from plain byte loops written
 * here, not from the C library, so the kernel code is checked against its specification.
 */
#include <limits.h>

#include "ktest_host.h"
#include "host_rename.h"

#include <kernel/string.h>
#include <kernel/errno.h>

#define BUF 96

static void fill_pattern(unsigned char *p, size_t n, unsigned char seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 7);
}

/* Every small length at every alignment within a word; bytes around dst stay untouched. */
KTEST(memcpy_lengths_and_alignments)
{
	unsigned char src[BUF], dst[BUF], want[BUF];

	for (size_t so = 0; so < 8; so++) {
		for (size_t d = 0; d < 8; d++) {
			for (size_t n = 0; n <= 64; n++) {
				fill_pattern(src, BUF, 1);
				fill_pattern(dst, BUF, 100);
				fill_pattern(want, BUF, 100);
				for (size_t i = 0; i < n; i++)
					want[d + i] = src[so + i];
				EXPECT_PTR_EQ(memcpy(dst + d, src + so, n), dst + d);
				EXPECT_MEMEQ(dst, want, BUF);
			}
		}
	}
}

/* Overlapping moves in both directions must behave as if copied through a temporary. */
KTEST(memmove_overlap_both_directions)
{
	unsigned char buf[BUF], want[BUF], tmp[BUF];

	for (size_t from = 0; from < 40; from++) {
		for (size_t to = 0; to < 40; to++) {
			for (size_t n = 0; n <= 48; n += 3) {
				fill_pattern(buf, BUF, 5);
				fill_pattern(want, BUF, 5);
				for (size_t i = 0; i < n; i++)
					tmp[i] = want[from + i];
				for (size_t i = 0; i < n; i++)
					want[to + i] = tmp[i];
				EXPECT_PTR_EQ(memmove(buf + to, buf + from, n), buf + to);
				EXPECT_MEMEQ(buf, want, BUF);
			}
		}
	}
}

KTEST(memset_bounds_and_value)
{
	unsigned char buf[BUF], want[BUF];

	for (size_t off = 0; off < 8; off++) {
		for (size_t n = 0; n <= 70; n++) {
			fill_pattern(buf, BUF, 9);
			fill_pattern(want, BUF, 9);
			for (size_t i = 0; i < n; i++)
				want[off + i] = 0xab;
			/* Only the low byte of c counts. */
			EXPECT_PTR_EQ(memset(buf + off, 0x12ab, n), buf + off);
			EXPECT_MEMEQ(buf, want, BUF);
		}
	}
}

KTEST(memcmp_sign_and_length)
{
	unsigned char a[4] = { 1, 2, 3, 4 }, b[4] = { 1, 2, 9, 0 };
	unsigned char hi[1] = { 0x80 }, lo[1] = { 0x01 };

	EXPECT_EQ(memcmp(a, b, 0), 0);
	EXPECT_EQ(memcmp(a, b, 2), 0);
	EXPECT_LT(memcmp(a, b, 3), 0);
	EXPECT_GT(memcmp(b, a, 4), 0);
	/* Bytes compare as unsigned char. */
	EXPECT_GT(memcmp(hi, lo, 1), 0);
	EXPECT_LT(memcmp(lo, hi, 1), 0);
}

KTEST(memchr_finds_within_length_only)
{
	const char s[] = "abcdefabc";

	EXPECT_PTR_EQ(memchr(s, 'c', sizeof(s)), s + 2);
	EXPECT_PTR_EQ(memchr(s, 'f', 5), NULL);
	EXPECT_PTR_EQ(memchr(s, 'f', 6), s + 5);
	EXPECT_PTR_EQ(memchr(s, 'a', 0), NULL);
	EXPECT_PTR_EQ(memchr(s, '\0', sizeof(s)), s + 9);
	/* c is converted to unsigned char. */
	EXPECT_PTR_EQ(memchr(s, 0x100 + 'd', sizeof(s)), s + 3);
}

/*
 * The word-at-a-time memchr against a byte loop: every start alignment, length and position of
 * the byte sought, with copies of it before the start and past the end that must not count.
 */
KTEST(memchr_every_alignment_length_and_position)
{
	unsigned char buf[BUF];

	for (size_t off = 0; off < 8; off++) {
		for (size_t n = 0; n <= 40; n++) {
			for (size_t at = 0; at <= n + 1; at++) {
				const unsigned char *want = NULL;

				memset(buf, 'x', sizeof(buf));
				buf[off > 0 ? off - 1 : 0] = off > 0 ? 'c' : 'x';
				buf[off + n + 2] = 'c';
				if (at < n + 1)
					buf[off + at] = 'c';
				for (size_t i = 0; i < n && !want; i++)
					if (buf[off + i] == 'c')
						want = buf + off + i;
				EXPECT_PTR_EQ(memchr(buf + off, 'c', n), want);
			}
		}
	}
	/* Bytes with the top bit set, and zero sought among 0x80s and 0x01s. */
	memset(buf, 0x80, sizeof(buf));
	buf[13] = 0;
	EXPECT_PTR_EQ(memchr(buf + 1, 0, 40), buf + 13);
	EXPECT_PTR_EQ(memchr(buf + 1, 0x80, 40), buf + 1);
	memset(buf, 0x01, sizeof(buf));
	buf[21] = 0xff;
	EXPECT_PTR_EQ(memchr(buf + 3, 0xff, 30), buf + 21);
	EXPECT_PTR_EQ(memchr(buf + 3, 0, 30), NULL);
}

/* The word-at-a-time memcmp: the sign from the first differing byte, at every position. */
KTEST(memcmp_every_length_and_difference)
{
	unsigned char a[BUF], b[BUF];

	for (size_t off = 0; off < 8; off++) {
		for (size_t n = 0; n <= 40; n++) {
			fill_pattern(a, BUF, 3);
			fill_pattern(b, BUF, 3);
			EXPECT_EQ(memcmp(a + off, b + off + 0, n), 0);
			for (size_t d = 0; d < n; d++) {
				fill_pattern(b, BUF, 3);
				b[off + d] = (unsigned char)(a[off + d] + 1);
				/* A later byte that differs the other way must not decide. */
				if (d + 1 < n)
					b[off + d + 1] = (unsigned char)(a[off + d + 1] - 1);
				if (a[off + d] == 0xff) {
					EXPECT_GT(memcmp(a + off, b + off, n), 0);
					EXPECT_LT(memcmp(b + off, a + off, n), 0);
				} else {
					EXPECT_LT(memcmp(a + off, b + off, n), 0);
					EXPECT_GT(memcmp(b + off, a + off, n), 0);
				}
			}
		}
	}
}

KTEST(strlen_strnlen)
{
	char buf[80];

	/* Every length, at every alignment: a faster strlen must still pass this. */
	for (size_t off = 0; off < 8; off++) {
		for (size_t n = 0; n < 64; n++) {
			for (size_t i = 0; i < n; i++)
				buf[off + i] = (char)('a' + i % 26);
			buf[off + n] = '\0';
			EXPECT_EQ(strlen(buf + off), n);
			EXPECT_EQ(strnlen(buf + off, n), n);
			EXPECT_EQ(strnlen(buf + off, n + 1), n);
			EXPECT_EQ(strnlen(buf + off, n / 2), n / 2);
		}
	}
	EXPECT_EQ(strlen(""), 0);
	EXPECT_EQ(strlen("a"), 1);
	EXPECT_EQ(strlen("hello, world"), 12);
	EXPECT_EQ(strnlen("hello", 0), 0);
	EXPECT_EQ(strnlen("hello", 3), 3);
	EXPECT_EQ(strnlen("hello", 5), 5);
	EXPECT_EQ(strnlen("hello", 100), 5);
	EXPECT_EQ(strnlen("", 100), 0);
}

KTEST(strcmp_strncmp)
{
	EXPECT_EQ(strcmp("", ""), 0);
	EXPECT_EQ(strcmp("abc", "abc"), 0);
	EXPECT_LT(strcmp("abc", "abd"), 0);
	EXPECT_GT(strcmp("abd", "abc"), 0);
	EXPECT_LT(strcmp("ab", "abc"), 0);
	EXPECT_GT(strcmp("abc", "ab"), 0);
	EXPECT_GT(strcmp("\x80", "\x01"), 0);
	EXPECT_EQ(strncmp("abcX", "abcY", 3), 0);
	EXPECT_LT(strncmp("abcX", "abcY", 4), 0);
	EXPECT_EQ(strncmp("abc", "xyz", 0), 0);
	EXPECT_EQ(strncmp("ab", "ab", 10), 0);
	EXPECT_LT(strncmp("ab", "abc", 10), 0);
}

KTEST(strchr_strrchr)
{
	const char *s = "hello";

	EXPECT_PTR_EQ(strchr(s, 'l'), s + 2);
	EXPECT_PTR_EQ(strrchr(s, 'l'), s + 3);
	EXPECT_PTR_EQ(strchr(s, 'z'), NULL);
	EXPECT_PTR_EQ(strrchr(s, 'z'), NULL);
	/* The terminator is part of the string. */
	EXPECT_PTR_EQ(strchr(s, '\0'), s + 5);
	EXPECT_PTR_EQ(strrchr(s, '\0'), s + 5);
	EXPECT_PTR_EQ(strchr("", 'a'), NULL);
	EXPECT_PTR_EQ(strrchr(s, 'h'), s);
}

KTEST(strstr_cases)
{
	const char *s = "aaab needle in haystack";

	EXPECT_PTR_EQ(strstr(s, ""), s);
	EXPECT_PTR_EQ(strstr(s, "aab"), s + 1);
	EXPECT_PTR_EQ(strstr(s, "needle"), s + 5);
	EXPECT_PTR_EQ(strstr(s, "stack"), s + 18);
	EXPECT_PTR_EQ(strstr(s, "stacks"), NULL);
	EXPECT_PTR_EQ(strstr("", "a"), NULL);
	EXPECT_PTR_EQ(strstr(s + 23, ""), s + 23);
}

KTEST(strspn_strcspn)
{
	EXPECT_EQ(strspn("   x", " "), 3);
	EXPECT_EQ(strspn("abcabcd", "abc"), 6);
	EXPECT_EQ(strspn("", "abc"), 0);
	EXPECT_EQ(strspn("abc", ""), 0);
	EXPECT_EQ(strcspn("key=val", "="), 3);
	EXPECT_EQ(strcspn("keyval", "="), 6);
	EXPECT_EQ(strcspn("a,b;c", ";,"), 1);
	EXPECT_EQ(strcspn("", ","), 0);
}

KTEST(strsep_empty_fields_and_end)
{
	char buf[] = "a,b,,c";
	char *p = buf;
	char *none = NULL;

	EXPECT_STREQ(strsep(&p, ","), "a");
	EXPECT_STREQ(strsep(&p, ","), "b");
	EXPECT_STREQ(strsep(&p, ","), "");
	EXPECT_STREQ(strsep(&p, ","), "c");
	EXPECT_NULL(p);
	EXPECT_NULL(strsep(&p, ","));
	EXPECT_NULL(strsep(&none, ","));
}

KTEST(strscpy_fits)
{
	char dst[8];

	memset(dst, 'x', sizeof(dst));
	EXPECT_EQ(strscpy(dst, "abc", sizeof(dst)), 3);
	EXPECT_STREQ(dst, "abc");
	EXPECT_EQ(strscpy(dst, "", sizeof(dst)), 0);
	EXPECT_STREQ(dst, "");
	/* Exactly fills the buffer with the NUL. */
	EXPECT_EQ(strscpy(dst, "1234567", sizeof(dst)), 7);
	EXPECT_STREQ(dst, "1234567");
}

KTEST(strscpy_truncates)
{
	char dst[8];

	memset(dst, 'x', sizeof(dst));
	EXPECT_EQ(strscpy(dst, "12345678", sizeof(dst)), -E2BIG);
	EXPECT_STREQ(dst, "1234567");
	EXPECT_EQ(strscpy(dst, "abcdef", 4), -E2BIG);
	EXPECT_STREQ(dst, "abc");
	EXPECT_EQ(dst[4], '5'); /* nothing written past size */
	EXPECT_EQ(strscpy(dst, "abc", 1), -E2BIG);
	EXPECT_EQ(dst[0], '\0');
	EXPECT_EQ(strscpy(dst, "", 1), 0);
	/* Size 0 writes nothing. */
	dst[0] = 'q';
	EXPECT_EQ(strscpy(dst, "abc", 0), -E2BIG);
	EXPECT_EQ(dst[0], 'q');
}

KTEST(kstrtoull_bases_and_prefixes)
{
	unsigned long long v;

	EXPECT_EQ(kstrtoull("0", 10, &v), 0);
	EXPECT_EQ(v, 0);
	EXPECT_EQ(kstrtoull("12345", 10, &v), 0);
	EXPECT_EQ(v, 12345);
	EXPECT_EQ(kstrtoull("+7", 10, &v), 0);
	EXPECT_EQ(v, 7);
	EXPECT_EQ(kstrtoull("ff", 16, &v), 0);
	EXPECT_EQ(v, 0xff);
	EXPECT_EQ(kstrtoull("0xFf", 16, &v), 0);
	EXPECT_EQ(v, 0xff);
	EXPECT_EQ(kstrtoull("0x1A", 0, &v), 0);
	EXPECT_EQ(v, 0x1a);
	EXPECT_EQ(kstrtoull("0X10", 0, &v), 0);
	EXPECT_EQ(v, 16);
	EXPECT_EQ(kstrtoull("0755", 0, &v), 0);
	EXPECT_EQ(v, 0755);
	EXPECT_EQ(kstrtoull("0", 0, &v), 0);
	EXPECT_EQ(v, 0);
	EXPECT_EQ(kstrtoull("755", 8, &v), 0);
	EXPECT_EQ(v, 0755);
	EXPECT_EQ(kstrtoull("101", 2, &v), 0);
	EXPECT_EQ(v, 5);
	EXPECT_EQ(kstrtoull("99", 0, &v), 0);
	EXPECT_EQ(v, 99);
	/* One trailing newline is allowed. */
	EXPECT_EQ(kstrtoull("42\n", 10, &v), 0);
	EXPECT_EQ(v, 42);
}

KTEST(kstrtoull_rejects_junk)
{
	unsigned long long v = 1234;

	EXPECT_EQ(kstrtoull("", 10, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("\n", 10, &v), -EINVAL);
	EXPECT_EQ(kstrtoull(" 1", 10, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("1 ", 10, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("1\n\n", 10, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("12a", 10, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("-1", 10, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("++1", 10, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("0x", 16, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("0x", 0, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("0xg", 0, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("08", 0, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("2", 2, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("0x10", 10, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("1", 1, &v), -EINVAL);
	EXPECT_EQ(kstrtoull("1", 17, &v), -EINVAL);
	/* The result is written only on success. */
	EXPECT_EQ(v, 1234);
}

KTEST(kstrtoull_overflow)
{
	unsigned long long v = 7;

	EXPECT_EQ(kstrtoull("18446744073709551615", 10, &v), 0);
	EXPECT_EQ(v, ULLONG_MAX);
	EXPECT_EQ(kstrtoull("0xffffffffffffffff", 0, &v), 0);
	EXPECT_EQ(v, ULLONG_MAX);
	v = 7;
	EXPECT_EQ(kstrtoull("18446744073709551616", 10, &v), -ERANGE);
	EXPECT_EQ(kstrtoull("0x10000000000000000", 0, &v), -ERANGE);
	EXPECT_EQ(kstrtoull("99999999999999999999999999", 10, &v), -ERANGE);
	EXPECT_EQ(kstrtoull("2000000000000000000000", 8, &v), -ERANGE);
	EXPECT_EQ(v, 7);

	unsigned long ul = 3;

	EXPECT_EQ(kstrtoul("18446744073709551615", 10, &ul), 0);
	EXPECT_EQ(ul, ULONG_MAX);
	EXPECT_EQ(kstrtoul("18446744073709551616", 10, &ul), -ERANGE);
	EXPECT_EQ(kstrtoul("4096\n", 0, &ul), 0);
	EXPECT_EQ(ul, 4096);
}

KTEST(kstrtoll_signed_range)
{
	long long v = 5;
	long l;

	EXPECT_EQ(kstrtoll("-9223372036854775808", 10, &v), 0);
	EXPECT_EQ(v, LLONG_MIN);
	EXPECT_EQ(kstrtoll("9223372036854775807", 10, &v), 0);
	EXPECT_EQ(v, LLONG_MAX);
	EXPECT_EQ(kstrtoll("-0", 10, &v), 0);
	EXPECT_EQ(v, 0);
	EXPECT_EQ(kstrtoll("+12", 10, &v), 0);
	EXPECT_EQ(v, 12);
	EXPECT_EQ(kstrtoll("-0x10", 0, &v), 0);
	EXPECT_EQ(v, -16);
	v = 5;
	EXPECT_EQ(kstrtoll("-9223372036854775809", 10, &v), -ERANGE);
	EXPECT_EQ(kstrtoll("9223372036854775808", 10, &v), -ERANGE);
	EXPECT_EQ(kstrtoll("--1", 10, &v), -EINVAL);
	EXPECT_EQ(kstrtoll("-+1", 10, &v), -EINVAL);
	EXPECT_EQ(kstrtoll("+-1", 10, &v), -EINVAL);
	EXPECT_EQ(kstrtoll("-", 10, &v), -EINVAL);
	EXPECT_EQ(v, 5);

	EXPECT_EQ(kstrtol("-42\n", 10, &l), 0);
	EXPECT_EQ(l, -42L);
	EXPECT_EQ(kstrtol("9223372036854775808", 10, &l), -ERANGE);
}

KTEST(kstrtoint_kstrtouint_range)
{
	unsigned int u = 9;
	int i = 9;

	EXPECT_EQ(kstrtouint("4294967295", 10, &u), 0);
	EXPECT_EQ(u, UINT_MAX);
	EXPECT_EQ(kstrtouint("4294967296", 10, &u), -ERANGE);
	EXPECT_EQ(kstrtouint("-1", 10, &u), -EINVAL);
	EXPECT_EQ(u, UINT_MAX);

	EXPECT_EQ(kstrtoint("2147483647", 10, &i), 0);
	EXPECT_EQ(i, INT_MAX);
	EXPECT_EQ(kstrtoint("-2147483648", 10, &i), 0);
	EXPECT_EQ(i, INT_MIN);
	EXPECT_EQ(kstrtoint("2147483648", 10, &i), -ERANGE);
	EXPECT_EQ(kstrtoint("-2147483649", 10, &i), -ERANGE);
	EXPECT_EQ(kstrtoint("0x7fffffff", 0, &i), 0);
	EXPECT_EQ(i, INT_MAX);
}

KTEST(kstrtobool_words)
{
	static const char *const yes[] = { "y", "Y", "1", "on", "ON", "oN", "yes", "1\n" };
	static const char *const no[] = { "n", "N", "0", "off", "OFF", "of", "no", "0\n" };
	static const char *const bad[] = { "", "o", "ox", "2", "t", "true", " y", "-1" };
	bool b;

	for (size_t i = 0; i < KTEST_ARRAY_SIZE(yes); i++) {
		b = false;
		EXPECT_EQ(kstrtobool(yes[i], &b), 0);
		EXPECT_TRUE(b);
	}
	for (size_t i = 0; i < KTEST_ARRAY_SIZE(no); i++) {
		b = true;
		EXPECT_EQ(kstrtobool(no[i], &b), 0);
		EXPECT_FALSE(b);
	}
	for (size_t i = 0; i < KTEST_ARRAY_SIZE(bad); i++) {
		b = true;
		EXPECT_EQ(kstrtobool(bad[i], &b), -EINVAL);
		EXPECT_TRUE(b); /* untouched */
	}
	EXPECT_EQ(kstrtobool(NULL, &b), -EINVAL);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(memcpy_lengths_and_alignments),
	KTEST_CASE(memmove_overlap_both_directions),
	KTEST_CASE(memset_bounds_and_value),
	KTEST_CASE(memcmp_sign_and_length),
	KTEST_CASE(memchr_finds_within_length_only),
	KTEST_CASE(memchr_every_alignment_length_and_position),
	KTEST_CASE(memcmp_every_length_and_difference),
	KTEST_CASE(strlen_strnlen),
	KTEST_CASE(strcmp_strncmp),
	KTEST_CASE(strchr_strrchr),
	KTEST_CASE(strstr_cases),
	KTEST_CASE(strspn_strcspn),
	KTEST_CASE(strsep_empty_fields_and_end),
	KTEST_CASE(strscpy_fits),
	KTEST_CASE(strscpy_truncates),
	KTEST_CASE(kstrtoull_bases_and_prefixes),
	KTEST_CASE(kstrtoull_rejects_junk),
	KTEST_CASE(kstrtoull_overflow),
	KTEST_CASE(kstrtoll_signed_range),
	KTEST_CASE(kstrtoint_kstrtouint_range),
	KTEST_CASE(kstrtobool_words),
};

KTEST_SUITE(string, cases);
