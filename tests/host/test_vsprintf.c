// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for kernel/lib/vsprintf.c. The standard conversions are checked against the host
 * C library's snprintf() on the same format and arguments: the output must be identical.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "ktest_host.h"

/* The host's snprintf, reachable under another name once host_rename.h is in. */
static __attribute__((format(printf, 3, 4))) int host_snprintf(char *buf, size_t size,
							       const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}

#include "host_rename.h"

#include <kernel/sprintf.h>
#include <kernel/kallsyms.h>
#include <kernel/string.h>

/* A stand-in for the kernel's symbol table: two functions. */
static const struct {
	const char *name;
	unsigned long addr, size;
} fake_symbols[] = {
	{ "start_kernel", 0xffffffff81000000UL, 0x200 },
	{ "do_page_fault", 0xffffffff81000400UL, 0x80 },
};

int sprint_symbol(char *buf, size_t size, unsigned long addr, bool with_offset)
{
	int n;

	for (size_t i = 0; i < KTEST_ARRAY_SIZE(fake_symbols); i++) {
		unsigned long start = fake_symbols[i].addr, len = fake_symbols[i].size;

		if (addr < start || addr - start >= len)
			continue;
		if (with_offset)
			n = host_snprintf(buf, size, "%s+0x%lx/0x%lx", fake_symbols[i].name,
					  addr - start, len);
		else
			n = host_snprintf(buf, size, "%s", fake_symbols[i].name);
		goto out;
	}
	n = host_snprintf(buf, size, "0x%lx", addr);
out:
	if (size == 0)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}

/* Format with both implementations; the strings and return values must match. */
#define CMP(...)                                                                              \
	do {                                                                                  \
		char _kbuf[256], _hbuf[256];                                                  \
		int _kret = snprintf(_kbuf, sizeof(_kbuf), __VA_ARGS__);                      \
		int _hret = host_snprintf(_hbuf, sizeof(_hbuf), __VA_ARGS__);                 \
		ktest_check_str(test, __FILE__, __LINE__, true, "snprintf(" #__VA_ARGS__ ")", \
				"host", _kbuf, _hbuf);                                        \
		EXPECT_EQ(_kret, _hret);                                                      \
	} while (0)

KTEST(signed_decimal_like_libc)
{
	CMP("%d", 0);
	CMP("%d", 42);
	CMP("%d", -42);
	CMP("%i", -7);
	CMP("%d", INT_MAX);
	CMP("%d", INT_MIN);
	CMP("%ld", LONG_MIN);
	CMP("%lld", LLONG_MIN);
	CMP("%lld", LLONG_MAX);
	CMP("%+d", 5);
	CMP("%+d", -5);
	CMP("%+d", 0);
	CMP("% d", 5);
	CMP("% d", -5);
	CMP("%5d|", -42);
	CMP("%-5d|", -42);
	CMP("%05d", -42);
	CMP("%05d", 42);
	CMP("%+05d", 42);
	CMP("% 05d", 42);
	CMP("%.0d", 0);
	CMP("%5.0d|", 0);
	CMP("%+.0d", 0);
	CMP("% .0d", 0);
	CMP("%.3d", 7);
	CMP("%.3d", -7);
	CMP("%-8.3d|", -7);
	CMP("%.10d", INT_MIN);
	CMP("%3d", 12345);
}

KTEST(unsigned_hex_octal_like_libc)
{
	CMP("%u", 0U);
	CMP("%u", UINT_MAX);
	CMP("%lu", ULONG_MAX);
	CMP("%llu", ULLONG_MAX);
	CMP("%x", 0xdeadbeefU);
	CMP("%X", 0xdeadbeefU);
	CMP("%llx", ULLONG_MAX);
	CMP("%o", 8U);
	CMP("%llo", ULLONG_MAX);
	CMP("%#x", 0U);
	CMP("%#x", 255U);
	CMP("%#X", 255U);
	CMP("%#o", 0U);
	CMP("%#o", 8U);
	CMP("%#.0o", 0U);
	CMP("%#.0x", 0U);
	CMP("%#.3o", 8U);
	CMP("%#.3o", 64U);
	CMP("%#5o|", 8U);
	CMP("%#08x", 255U);
	CMP("%#-8x|", 255U);
	CMP("%#8.4x|", 255U);
	CMP("%08x", 0xabcU);
	CMP("%.0x", 0U);
	CMP("%.0u|", 0U);
	CMP("%-#10llX|", 0x1234ULL);
	CMP("%x", (unsigned int)-1);
}

KTEST(length_modifiers_like_libc)
{
	CMP("%hhd", 200);
	CMP("%hhd", -129);
	CMP("%hhu", 300);
	CMP("%hhx", 0x1ff);
	CMP("%hd", 70000);
	CMP("%hd", -32769);
	CMP("%hu", 70000);
	CMP("%hx", 0x12345);
	CMP("%zu", (size_t)-1);
	CMP("%zd", (ssize_t)-5);
	CMP("%zx", (size_t)0x1234);
	CMP("%td", (ptrdiff_t)-12345);
	CMP("%tx", (ptrdiff_t)0x7fff);
	CMP("%jd", (intmax_t)INT64_MIN);
	CMP("%ju", (uintmax_t)UINT64_MAX);
	CMP("%lx", 0x123456789abcdefUL);
	CMP("%lli %llu", -1LL, 1ULL);
}

KTEST(strings_chars_like_libc)
{
	CMP("%s", "");
	CMP("%s", "hello");
	CMP("%10s|", "hello");
	CMP("%-8s|", "hello");
	CMP("%-8s|", "longer than eight");
	CMP("%.3s|", "hello");
	CMP("%.0s|", "hello");
	CMP("%.10s|", "hi");
	CMP("%8.3s|", "hello");
	CMP("%-8.3s|", "hello");
	CMP("%c", 'x');
	CMP("%c%c%c", 'a', 'b', 'c');
	CMP("%5c|", 'x');
	CMP("%-5c|", 'x');
	CMP("%c", 0x141);
	CMP("%%");
	CMP("100%% sure %d%%", 5);
	CMP("plain text");
	CMP("%s=%d (%#x) %c", "val", 10, 10U, '!');
}

KTEST(star_width_and_precision_like_libc)
{
	CMP("%*d|", 6, 42);
	CMP("%*d|", -6, 42);
	CMP("%-*d|", 6, 42);
	CMP("%-*d|", -6, 42);
	CMP("%.*d|", 4, 42);
	CMP("%.*d|", -4, 42);
	CMP("%*.*d|", 8, 4, -42);
	CMP("%*s|", 7, "ab");
	CMP("%*s|", -7, "ab");
	CMP("%.*s|", 2, "abc");
	CMP("%.*s|", -1, "abc");
	CMP("%0*d|", 5, 3);
	CMP("%*c|", 3, 'z');
	CMP("%*d|", 0, 1);
}

/*
 * Flags that the C standard says are ignored in these combinations; gcc warns about each, but
 * the output must still be the C library's. The argument types are right all the same.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-zero-length"
KTEST(ignored_flag_combinations_like_libc)
{
	CMP("%08.3d", 7);
	CMP("%08.3d", -7);
	CMP("%-08d|", 7);
	CMP("%+ d", 5);
	CMP("% +d", -5);
	CMP("%+u", 5U);
	CMP("% x", 5U);
	CMP("%+#o", 8U);
	CMP("%05s|", "ab");
	CMP("%05c|", 'c');
	CMP("%-#08x|", 0x12U);
	CMP("%0-8x|", 0x12U);
	CMP("");
}
#pragma GCC diagnostic pop

#define CHECK(want, ...)                                                                      \
	do {                                                                                  \
		char _buf[128];                                                               \
		int _ret = snprintf(_buf, sizeof(_buf), __VA_ARGS__);                         \
		ktest_check_str(test, __FILE__, __LINE__, true, "snprintf(" #__VA_ARGS__ ")", \
				#want, _buf, want);                                           \
		EXPECT_EQ(_ret, (int)strlen(want));                                           \
	} while (0)

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-overflow"
KTEST(null_string_prints_null)
{
	const char *null = NULL;

	CHECK("(null)", "%s", null);
	CHECK("    (null)|", "%10s|", null);
	CHECK("(null)    |", "%-10s|", null);
	CHECK("(nu", "%.3s", null);
}
#pragma GCC diagnostic pop

KTEST(pointer_is_0x_and_16_digits)
{
	CHECK("0x0000000000001234", "%p", (void *)0x1234);
	CHECK("0x0000000000000000", "%p", NULL);
	CHECK("0xffffffff81000000", "%p", (void *)0xffffffff81000000UL);
	CHECK("0x00000000deadbeef", "%px", (void *)0xdeadbeefUL);
	CHECK("  0x0000000000000001|", "%20p|", (void *)1);
	CHECK("0x0000000000000001  |", "%-20p|", (void *)1);
	/* Extension letters other than x, S and s are plain text after the pointer. */
	CHECK("0x0000000000000001y", "%py", (void *)1);
	CHECK("[0x0000000000000002]", "[%p]", (void *)2);
}

KTEST(pointer_symbol_lookup)
{
	CHECK("start_kernel+0x10/0x200", "%pS", (void *)0xffffffff81000010UL);
	CHECK("start_kernel+0x0/0x200", "%pS", (void *)0xffffffff81000000UL);
	CHECK("do_page_fault", "%ps", (void *)0xffffffff81000410UL);
	CHECK("0x1234", "%pS", (void *)0x1234);
	CHECK("0x1234", "%ps", (void *)0x1234);
	CHECK("at do_page_fault+0x7f/0x80!", "at %pS!", (void *)0xffffffff8100047fUL);
	CHECK("     start_kernel|", "%17ps|", (void *)0xffffffff81000001UL);
}

/* Width and precision apply to the symbol name like to a string. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
KTEST(pointer_symbol_precision)
{
	CHECK("start|", "%.5ps|", (void *)0xffffffff81000001UL);
	CHECK("  start|", "%7.5ps|", (void *)0xffffffff81000001UL);
}
#pragma GCC diagnostic pop

KTEST(truncation_returns_full_length)
{
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	EXPECT_EQ(snprintf(buf, 5, "%d", 123456789), 9);
	EXPECT_STREQ(buf, "1234");
	EXPECT_EQ(buf[5], 'x'); /* nothing written past size */

	memset(buf, 'x', sizeof(buf));
	EXPECT_EQ(snprintf(buf, 1, "abc"), 3);
	EXPECT_EQ(buf[0], '\0');
	EXPECT_EQ(buf[1], 'x');

	/* Size 0: nothing written, NULL allowed, length still counted. */
	EXPECT_EQ(snprintf(NULL, 0, "%s-%d", "abc", -12), 7);
	buf[0] = 'q';
	EXPECT_EQ(snprintf(buf, 0, "abc"), 3);
	EXPECT_EQ(buf[0], 'q');

	/* Exactly fits: 7 chars and the NUL. */
	EXPECT_EQ(snprintf(buf, sizeof(buf), "%07d", 5), 7);
	EXPECT_STREQ(buf, "0000005");
	EXPECT_EQ(snprintf(buf, sizeof(buf), "%08d", 5), 8);
	EXPECT_STREQ(buf, "0000000");

	/* Long padding past the end is counted but not stored. */
	EXPECT_EQ(snprintf(buf, sizeof(buf), "%-100s|", "a"), 101);
	EXPECT_STREQ(buf, "a      ");
}

static __printf(3, 4) int call_vscnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}

KTEST(scnprintf_returns_written_length)
{
	char buf[8];

	EXPECT_EQ(scnprintf(buf, sizeof(buf), "%s", "abc"), 3);
	EXPECT_STREQ(buf, "abc");
	EXPECT_EQ(scnprintf(buf, sizeof(buf), "%s", "abcdefghij"), 7);
	EXPECT_STREQ(buf, "abcdefg");
	EXPECT_EQ(scnprintf(buf, sizeof(buf), "%s", "abcdefg"), 7);
	EXPECT_EQ(scnprintf(buf, 1, "%d", 5), 0);
	EXPECT_STREQ(buf, "");
	EXPECT_EQ(scnprintf(NULL, 0, "%d", 5), 0);
	EXPECT_EQ(call_vscnprintf(buf, 4, "%d", 123456), 3);
	EXPECT_STREQ(buf, "123");
	EXPECT_EQ(call_vscnprintf(buf, sizeof(buf), "%x", 255U), 2);

	/* Appending in a loop, the usual use, never runs past the end. */
	size_t len = 0;

	for (int i = 0; i < 10; i++)
		len += scnprintf(buf + len, sizeof(buf) - len, "%d,", i);
	EXPECT_EQ(len, 7);
	EXPECT_STREQ(buf, "0,1,2,3");
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
KTEST(unknown_conversion_copied_verbatim)
{
	/* No argument is used by an unknown conversion, so %d still gets 5. */
	CHECK("%y 5", "%y %d", 5);
	CHECK("a%-5yb", "a%-5yb");
	CHECK("50%", "50%");
	CHECK("x%l", "x%l");
	/* Width means nothing to %% (as in the C library). */
	CHECK("%|", "%5%|");
}

/* A NUL from %c is output like any other char. */
KTEST(char_nul_is_output)
{
	char kbuf[8], hbuf[8];

	memset(kbuf, 'x', sizeof(kbuf));
	memset(hbuf, 'x', sizeof(hbuf));
	EXPECT_EQ(snprintf(kbuf, sizeof(kbuf), "a%cb", 0), 3);
	EXPECT_EQ(host_snprintf(hbuf, sizeof(hbuf), "a%cb", 0), 3);
	EXPECT_MEMEQ(kbuf, hbuf, sizeof(kbuf));
}
#pragma GCC diagnostic pop

static const struct ktest_case cases[] = {
	KTEST_CASE(signed_decimal_like_libc),
	KTEST_CASE(unsigned_hex_octal_like_libc),
	KTEST_CASE(length_modifiers_like_libc),
	KTEST_CASE(strings_chars_like_libc),
	KTEST_CASE(star_width_and_precision_like_libc),
	KTEST_CASE(ignored_flag_combinations_like_libc),
	KTEST_CASE(null_string_prints_null),
	KTEST_CASE(pointer_is_0x_and_16_digits),
	KTEST_CASE(pointer_symbol_lookup),
	KTEST_CASE(pointer_symbol_precision),
	KTEST_CASE(truncation_returns_full_length),
	KTEST_CASE(scnprintf_returns_written_length),
	KTEST_CASE(unknown_conversion_copied_verbatim),
	KTEST_CASE(char_nul_is_output),
};

KTEST_SUITE(vsprintf, cases);
