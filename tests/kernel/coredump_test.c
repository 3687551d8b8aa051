// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys/kernel/core_pattern and core_uses_pid (fs/coredump.c): what the writes take and
 * refuse. The dumps themselves are checked from user space (user/tests/t_core.c) and by the
 * host's readelf and gdb (scripts/run-tests, coredump).
 */
#include <kernel/coredump.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/proc_fs.h>
#include <kernel/slab.h>
#include <kernel/string.h>

/* What a read of the file gives, into out (256 bytes). */
static void show(struct ktest *t, int (*fn)(struct proc_buf *, struct task_struct *), char *out)
{
	struct proc_buf b = { .size = 256 };

	out[0] = '\0';
	b.data = kmalloc(b.size, GFP_KERNEL);
	KTEST_EXPECT_NOT_NULL(t, b.data);
	if (!b.data)
		return;
	KTEST_EXPECT_EQ(t, fn(&b, NULL), 0);
	if (b.len < 256) {
		memcpy(out, b.data, b.len);
		out[b.len] = '\0';
	}
	kfree(b.data);
}

static long write_str(long (*fn)(struct task_struct *, const char *, size_t), const char *s)
{
	return fn(NULL, s, strlen(s));
}

static void test_core_pattern_write(struct ktest *t)
{
	char old[256], got[256], big[200];

	show(t, proc_core_pattern_show, old);
	KTEST_EXPECT_EQ(t, write_str(proc_core_pattern_write, "core.%p.%e\n"), 11);
	show(t, proc_core_pattern_show, got);
	KTEST_EXPECT_STREQ(t, got, "core.%p.%e\n");
	/* A pipe to a helper is refused (no usermode helper), the pattern left as it was. */
	KTEST_EXPECT_EQ(t, write_str(proc_core_pattern_write, "|/sbin/helper %p\n"), -EINVAL);
	show(t, proc_core_pattern_show, got);
	KTEST_EXPECT_STREQ(t, got, "core.%p.%e\n");
	/* Cut at 127 bytes, as Linux's CORENAME_MAX_SIZE. */
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	KTEST_EXPECT_EQ(t, write_str(proc_core_pattern_write, big), (long)sizeof(big) - 1);
	show(t, proc_core_pattern_show, got);
	KTEST_EXPECT_EQ(t, strlen(got), 128u);
	old[strcspn(old, "\n")] = '\0';
	KTEST_EXPECT_EQ(t, write_str(proc_core_pattern_write, old), (long)strlen(old));
}

static void test_core_uses_pid_write(struct ktest *t)
{
	char old[256], got[256];

	show(t, proc_core_uses_pid_show, old);
	KTEST_EXPECT_EQ(t, write_str(proc_core_uses_pid_write, "1\n"), 2);
	show(t, proc_core_uses_pid_show, got);
	KTEST_EXPECT_STREQ(t, got, "1\n");
	KTEST_EXPECT_EQ(t, write_str(proc_core_uses_pid_write, "x"), -EINVAL);
	KTEST_EXPECT_EQ(t, write_str(proc_core_uses_pid_write, ""), -EINVAL);
	KTEST_EXPECT_EQ(t, write_str(proc_core_uses_pid_write, "99999999999"), -EINVAL);
	show(t, proc_core_uses_pid_show, got);
	KTEST_EXPECT_STREQ(t, got, "1\n");
	KTEST_EXPECT_EQ(t, write_str(proc_core_uses_pid_write, old), (long)strlen(old));
}

static struct ktest_case coredump_cases[] = {
	KTEST_CASE(test_core_pattern_write),
	KTEST_CASE(test_core_uses_pid_write),
	{},
};

static struct ktest_suite coredump_suite = { .name = "coredump", .cases = coredump_cases };
ktest_register_suite(coredump_suite);
