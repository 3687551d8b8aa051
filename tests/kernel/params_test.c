// SPDX-License-Identifier: GPL-2.0
/*
 * The command-line registry, checked against the command line this kernel was booted with
 * (scripts/run-tests adds unknown, quoted and malformed parameters on purpose).
 */
#include <kernel/ktest.h>
#include <kernel/params.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static bool vec_has(const char *const *vec, const char *s)
{
	for (; *vec; vec++)
		if (!strcmp(*vec, s))
			return true;
	return false;
}

static void test_registered_params_are_found(struct ktest *t)
{
	const struct kernel_param *p;

	p = find_kernel_param("loglevel");
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_TRUE(t, p->early);
	p = find_kernel_param("console");
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_TRUE(t, p->early);
	p = find_kernel_param("ktest");
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_FALSE(t, p->early);
	KTEST_EXPECT_NULL(t, find_kernel_param("no.such.parameter"));
}

static void test_setters_validate(struct ktest *t)
{
	int saved = console_loglevel;
	const struct kernel_param *p = find_kernel_param("loglevel");

	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_EQ(t, p->set("notanumber"), -EINVAL);
	KTEST_EXPECT_EQ(t, console_loglevel, saved);
	KTEST_EXPECT_EQ(t, p->set(NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, p->set("3"), 0);
	KTEST_EXPECT_EQ(t, console_loglevel, 3);
	console_loglevel = saved;
	KTEST_EXPECT_NE(t, find_kernel_param("console")->set("9tty"), 0);
}

/*
 * The kept copy is the whole line GRUB gave, not what the parser left of it: the parser
 * splits words in place, so a copy taken too late would end at the first parameter.
 */
static void test_boot_command_line_kept(struct ktest *t)
{
	if (!strstr(boot_command_line, "bareflag")) {
		ktest_skip(t, "booted without the test parameters");
		return;
	}
	KTEST_EXPECT_NOT_NULL(t, strstr(boot_command_line, "console=ttyS0 ktest="));
	KTEST_EXPECT_NOT_NULL(t, strstr(boot_command_line, "\"quoted=a b\" bareflag"));
}

/* Unknown words go to init as on Linux: "a=b" to the environment, bare words to argv. */
static void test_unknown_params_go_to_init(struct ktest *t)
{
	if (!strstr(boot_command_line, "bareflag")) {
		ktest_skip(t, "booted without the test parameters");
		return;
	}
	KTEST_EXPECT_TRUE(t, vec_has(argv_init, "bareflag"));
	KTEST_EXPECT_TRUE(t, vec_has(envp_init, "mica.unknown=1"));
	KTEST_EXPECT_TRUE(t, vec_has(envp_init, "quoted=a b"));
	KTEST_EXPECT_FALSE(t, vec_has(envp_init, "ktest=all"));
	KTEST_EXPECT_FALSE(t, vec_has(argv_init, "console=ttyS0"));
	KTEST_EXPECT_STREQ(t, argv_init[0], "init");
}

static struct ktest_case params_cases[] = {
	KTEST_CASE(test_registered_params_are_found),
	KTEST_CASE(test_setters_validate),
	KTEST_CASE(test_boot_command_line_kept),
	KTEST_CASE(test_unknown_params_go_to_init),
	{},
};

static struct ktest_suite params_suite = { .name = "params", .cases = params_cases };
ktest_register_suite(params_suite);
