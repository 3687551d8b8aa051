// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for the console= parser (kernel/printk/console_cmdline.c): names, indices and
 * options split as on Linux, and an index past INT_MAX refused instead of wrapping.
 */
#include "ktest_host.h"

#include "host_rename.h"

#include <kernel/console.h>
#include <kernel/errno.h>

/* What console_cmdline.c needs besides the parser; the tests never call it. */
struct console *console_list_head(void)
{
	return NULL;
}

int printk(const char *fmt, ...);
int printk(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

struct parsed {
	int err;
	char name[16];
	int index;
	const char *options;
};

static struct parsed parse(const char *val)
{
	struct parsed p = { .index = -1, .options = NULL };

	p.err = console_parse_cmdline(val, p.name, sizeof(p.name), &p.index, &p.options);
	return p;
}

KTEST(console_names_and_options)
{
	struct parsed p = parse("ttyS0,115200");

	EXPECT_EQ(p.err, 0);
	EXPECT_STREQ(p.name, "ttyS");
	EXPECT_EQ(p.index, 0);
	EXPECT_STREQ(p.options, "115200");
	p = parse("tty12");
	EXPECT_EQ(p.err, 0);
	EXPECT_STREQ(p.name, "tty");
	EXPECT_EQ(p.index, 12);
	EXPECT_STREQ(p.options, "");
	p = parse("ttyS2147483647");
	EXPECT_EQ(p.err, 0);
	EXPECT_EQ(p.index, 2147483647);
}

KTEST(console_index_overflow_refused)
{
	/* These used to wrap: 2^32 + 1 became ttyS1, and the huge one some other index. */
	EXPECT_EQ(parse("ttyS2147483648").err, -EINVAL);
	EXPECT_EQ(parse("ttyS4294967297").err, -EINVAL);
	EXPECT_EQ(parse("ttyS99999999999999999999999999,9600").err, -EINVAL);
}

KTEST(console_malformed_refused)
{
	struct parsed p;

	EXPECT_EQ(parse("").err, -EINVAL);
	EXPECT_EQ(parse(NULL).err, -EINVAL);
	EXPECT_EQ(parse("ttyS").err, -EINVAL); /* no index */
	EXPECT_EQ(parse("0").err, -EINVAL); /* no name */
	EXPECT_EQ(parse("ttyS,9600").err, -EINVAL);
	EXPECT_EQ(parse("averyveryverylongname0").err, -EINVAL); /* 21 > 15 characters */
	p = parse("averyverylongn0"); /* 14 characters: fits */
	EXPECT_EQ(p.err, 0);
	EXPECT_STREQ(p.name, "averyverylongn");
}

static const struct ktest_case cases[] = {
	KTEST_CASE(console_names_and_options),
	KTEST_CASE(console_index_overflow_refused),
	KTEST_CASE(console_malformed_refused),
};
KTEST_SUITE(console, cases);
