// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for kernel/lib/cmdline.c: next_arg() and parse_args().
 */
#include "ktest_host.h"

/* Helpers on the host C library, so results do not depend on the code under test. */
static void flatten(char *dst, size_t size, const char *param, const char *val)
{
	if (val)
		snprintf(dst, size, "%s=%s", param, val);
	else
		snprintf(dst, size, "%s", param);
}

static void copy_line(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

#include "host_rename.h"

#include <kernel/cmdline.h>
#include <kernel/string.h>
#include <kernel/errno.h>

#define MAX_SEEN 16

/* What parse_args() handed over, flattened to "param=val" or "param" for flags. */
struct seen {
	int count;
	int fail_at; /* return -EINVAL for this call (1-based), 0 for never */
	char args[MAX_SEEN][64];
};

static int record(char *param, char *val, void *arg)
{
	struct seen *s = arg;

	if (s->count < MAX_SEEN)
		flatten(s->args[s->count], sizeof(s->args[0]), param, val);
	s->count++;
	return s->count == s->fail_at ? -EINVAL : 0;
}

/* Parse a copy of @line and expect exactly the tokens given. */
#define EXPECT_PARSE(line, ...)                                                            \
	do {                                                                               \
		const char *_want[] = { __VA_ARGS__ };                                     \
		char _buf[256];                                                            \
		struct seen _s = { 0 };                                                    \
		copy_line(_buf, sizeof(_buf), line);                                       \
		EXPECT_EQ(parse_args(_buf, record, &_s), 0);                               \
		EXPECT_EQ(_s.count, (int)KTEST_ARRAY_SIZE(_want));                         \
		for (int _i = 0; _i < _s.count && _i < (int)KTEST_ARRAY_SIZE(_want); _i++) \
			EXPECT_STREQ(_s.args[_i], _want[_i]);                              \
	} while (0)

static int never_called(char *param, char *val, void *arg)
{
	(void)param;
	(void)val;
	(*(int *)arg)++;
	return 0;
}

KTEST(next_arg_key_value_and_flag)
{
	char buf[] = "root=/dev/sda1 quiet console=ttyS0,115200";
	char *param, *val, *rest;

	rest = next_arg(buf, &param, &val);
	EXPECT_STREQ(param, "root");
	EXPECT_STREQ(val, "/dev/sda1");
	EXPECT_PTR_EQ(rest, buf + 15);
	rest = next_arg(rest, &param, &val);
	EXPECT_STREQ(param, "quiet");
	EXPECT_NULL(val);
	rest = next_arg(rest, &param, &val);
	EXPECT_STREQ(param, "console");
	EXPECT_STREQ(val, "ttyS0,115200");
	EXPECT_EQ(*rest, '\0');
}

KTEST(next_arg_quoted_value)
{
	char buf[] = "init=/bin/sh msg=\"hello big world\"  next";
	char *param, *val, *rest;

	rest = next_arg(buf, &param, &val);
	rest = next_arg(rest, &param, &val);
	EXPECT_STREQ(param, "msg");
	EXPECT_STREQ(val, "hello big world");
	rest = next_arg(rest, &param, &val);
	EXPECT_STREQ(param, "next");
	EXPECT_NULL(val);
	EXPECT_EQ(*rest, '\0');
}

KTEST(next_arg_quoted_whole_token)
{
	char buf[] = "\"key=a b\" \"flag with space\"";
	char *param, *val, *rest;

	rest = next_arg(buf, &param, &val);
	EXPECT_STREQ(param, "key");
	EXPECT_STREQ(val, "a b");
	rest = next_arg(rest, &param, &val);
	EXPECT_STREQ(param, "flag with space");
	EXPECT_NULL(val);
	EXPECT_EQ(*rest, '\0');
}

KTEST(next_arg_empty_value_and_extra_equals)
{
	char buf[] = "key= a=b=c =v";
	char *param, *val, *rest;

	rest = next_arg(buf, &param, &val);
	EXPECT_STREQ(param, "key");
	EXPECT_STREQ(val, ""); /* present but empty: not NULL */
	rest = next_arg(rest, &param, &val);
	EXPECT_STREQ(param, "a");
	EXPECT_STREQ(val, "b=c");
	rest = next_arg(rest, &param, &val);
	EXPECT_STREQ(param, "");
	EXPECT_STREQ(val, "v");
	EXPECT_EQ(*rest, '\0');
}

KTEST(next_arg_unterminated_quote_runs_to_end)
{
	char buf[] = "a=\"x y  z";
	char *param, *val, *rest;

	rest = next_arg(buf, &param, &val);
	EXPECT_STREQ(param, "a");
	EXPECT_STREQ(val, "x y  z");
	EXPECT_EQ(*rest, '\0');
}

KTEST(next_arg_on_empty_and_blank_lines)
{
	char empty[] = "";
	char blank[] = " \t\n ";
	char *param, *val, *rest;

	rest = next_arg(empty, &param, &val);
	EXPECT_STREQ(param, "");
	EXPECT_NULL(val);
	EXPECT_PTR_EQ(rest, empty);

	rest = next_arg(blank, &param, &val);
	EXPECT_STREQ(param, "");
	EXPECT_NULL(val);
	EXPECT_EQ(*rest, '\0');
}

KTEST(parse_args_whitespace_everywhere)
{
	EXPECT_PARSE("  a=1\tb  \n c=\"x y\"   ", "a=1", "b", "c=x y");
	EXPECT_PARSE("single", "single");
	EXPECT_PARSE("trailing=space ", "trailing=space");
}

KTEST(parse_args_empty_line_calls_nothing)
{
	char empty[] = "";
	char blank[] = "   \t  ";
	int calls = 0;

	EXPECT_EQ(parse_args(empty, never_called, &calls), 0);
	EXPECT_EQ(parse_args(blank, never_called, &calls), 0);
	EXPECT_EQ(calls, 0);
}

KTEST(parse_args_stops_on_error)
{
	char buf[] = "a b c d";
	struct seen s = { .count = 0, .fail_at = 2 };

	EXPECT_EQ(parse_args(buf, record, &s), -EINVAL);
	EXPECT_EQ(s.count, 2);
	EXPECT_STREQ(s.args[0], "a");
	EXPECT_STREQ(s.args[1], "b");
}

KTEST(parse_args_double_dash_ends_kernel_args)
{
	char buf[] = "a=1 -- init_arg b=2";
	struct seen s = { 0 };

	EXPECT_EQ(parse_args(buf, record, &s), 0);
	EXPECT_EQ(s.count, 1);
	EXPECT_STREQ(s.args[0], "a=1");

	/* Only a bare "--" counts. */
	EXPECT_PARSE("x=-- --=y --x", "x=--", "--=y", "--x");
	EXPECT_PARSE("-- a");
}

/* A typical handler: typed values through kstrto*(), errors passed back. */
struct opts {
	int level;
	bool debug;
};

static int parse_opt(char *param, char *val, void *arg)
{
	struct opts *o = arg;

	if (!strcmp(param, "loglevel"))
		return val ? kstrtoint(val, 0, &o->level) : -EINVAL;
	if (!strcmp(param, "debug")) {
		if (!val) {
			o->debug = true;
			return 0;
		}
		return kstrtobool(val, &o->debug);
	}
	return 0; /* unknown: ignored */
}

KTEST(parse_args_with_typed_handler)
{
	char good[] = "foo loglevel=0x7 debug=off";
	char flag[] = "debug";
	char bad[] = "loglevel=7x debug";
	struct opts o = { .level = -1, .debug = true };

	EXPECT_EQ(parse_args(good, parse_opt, &o), 0);
	EXPECT_EQ(o.level, 7);
	EXPECT_FALSE(o.debug);
	EXPECT_EQ(parse_args(flag, parse_opt, &o), 0);
	EXPECT_TRUE(o.debug);
	o.debug = false;
	EXPECT_EQ(parse_args(bad, parse_opt, &o), -EINVAL);
	EXPECT_FALSE(o.debug); /* stopped before "debug" */
}

static const struct ktest_case cases[] = {
	KTEST_CASE(next_arg_key_value_and_flag),
	KTEST_CASE(next_arg_quoted_value),
	KTEST_CASE(next_arg_quoted_whole_token),
	KTEST_CASE(next_arg_empty_value_and_extra_equals),
	KTEST_CASE(next_arg_unterminated_quote_runs_to_end),
	KTEST_CASE(next_arg_on_empty_and_blank_lines),
	KTEST_CASE(parse_args_whitespace_everywhere),
	KTEST_CASE(parse_args_empty_line_calls_nothing),
	KTEST_CASE(parse_args_stops_on_error),
	KTEST_CASE(parse_args_double_dash_ends_kernel_args),
	KTEST_CASE(parse_args_with_typed_handler),
};

KTEST_SUITE(cmdline, cases);
