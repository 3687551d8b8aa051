// SPDX-License-Identifier: GPL-2.0
/*
 * printk's log buffer, read back the way dmesg will: records in order, one per line, with
 * their level, and the oldest dropped (never corrupted) when the ring wraps.
 */
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

/* Reads the record with sequence number seq into buf; returns its length or -1. */
static long read_record(u64 seq, struct log_record_info *info, char *buf, size_t size)
{
	u64 s = seq;
	size_t n = log_buf_read(&s, info, buf, size);

	if (info->seq != seq)
		return -1;
	return n;
}

static void test_record_text_and_level(struct ktest *t)
{
	struct log_record_info info = { 0 };
	char buf[128];
	u64 seq = log_buf_next_seq();

	/* Below the console level threshold? It is logged anyway. */
	printk(KERN_DEBUG "ktest-printk %d %s\n", 42, "marker");
	KTEST_ASSERT_EQ(t, log_buf_next_seq(), seq + 1);
	KTEST_EXPECT_EQ(t, read_record(seq, &info, buf, sizeof(buf)),
			strlen("ktest-printk 42 marker"));
	KTEST_EXPECT_STREQ(t, buf, "ktest-printk 42 marker");
	KTEST_EXPECT_EQ(t, info.level, LOGLEVEL_DEBUG);
}

static void test_multiline_is_one_record_per_line(struct ktest *t)
{
	struct log_record_info info = { 0 };
	char buf[64];
	u64 seq = log_buf_next_seq();

	printk(KERN_DEBUG "first\nsecond\n");
	KTEST_ASSERT_EQ(t, log_buf_next_seq(), seq + 2);
	read_record(seq, &info, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "first");
	read_record(seq + 1, &info, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "second");
	KTEST_EXPECT_EQ(t, info.level, LOGLEVEL_DEBUG);
}

static void test_timestamps_do_not_go_backwards(struct ktest *t)
{
	struct log_record_info a = { 0 }, b = { 0 };
	char buf[16];
	u64 seq = log_buf_next_seq();

	printk(KERN_DEBUG "t1\n");
	printk(KERN_DEBUG "t2\n");
	read_record(seq, &a, buf, sizeof(buf));
	read_record(seq + 1, &b, buf, sizeof(buf));
	KTEST_EXPECT_LE(t, a.ts_nsec, b.ts_nsec);
}

static void test_wraparound_drops_oldest(struct ktest *t)
{
	struct log_record_info info = { 0 };
	char buf[128], want[128];
	u64 first = log_buf_next_seq(), s;
	int i, n = (1 << CONFIG_LOG_BUF_SHIFT) / 64 * 3; /* three times what fits */

	for (i = 0; i < n; i++)
		printk(KERN_DEBUG "wrap record %06d padding-to-make-it-longer\n", i);
	/* The first of them is gone: reading it gives a later record. */
	s = first;
	log_buf_read(&s, &info, buf, sizeof(buf));
	KTEST_EXPECT_GT(t, info.seq, first);
	/* The newest is intact. */
	snprintf(want, sizeof(want), "wrap record %06d padding-to-make-it-longer", n - 1);
	KTEST_ASSERT_EQ(t, read_record(first + n - 1, &info, buf, sizeof(buf)), strlen(want));
	KTEST_EXPECT_STREQ(t, buf, want);
}

static void test_read_truncates_to_buffer(struct ktest *t)
{
	struct log_record_info info = { 0 };
	char buf[6];
	u64 seq = log_buf_next_seq();

	printk(KERN_DEBUG "0123456789\n");
	KTEST_EXPECT_EQ(t, read_record(seq, &info, buf, sizeof(buf)), 5);
	KTEST_EXPECT_STREQ(t, buf, "01234");
}

/* As Linux 6 does: a continuation extends a record whose line was left open, nothing else. */
static void test_continuation_joins_the_open_record(struct ktest *t)
{
	struct log_record_info info = { 0 };
	char buf[64];
	u64 seq = log_buf_next_seq();

	printk(KERN_DEBUG "cont-a");
	pr_cont(" cont-b\n");
	KTEST_ASSERT_EQ(t, log_buf_next_seq(), seq + 1);
	read_record(seq, &info, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "cont-a cont-b");
	KTEST_EXPECT_EQ(t, info.flags & LOG_FRAG_FLAG, 0);
	printk(KERN_DEBUG "closed\n");
	pr_cont("after\n");
	KTEST_ASSERT_EQ(t, log_buf_next_seq(), seq + 3);
	read_record(seq + 2, &info, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "after");
}

static struct ktest_case printk_cases[] = {
	KTEST_CASE(test_continuation_joins_the_open_record),
	KTEST_CASE(test_record_text_and_level),
	KTEST_CASE(test_multiline_is_one_record_per_line),
	KTEST_CASE(test_timestamps_do_not_go_backwards),
	KTEST_CASE(test_wraparound_drops_oldest),
	KTEST_CASE(test_read_truncates_to_buffer),
	{},
};

static struct ktest_suite printk_suite = { .name = "printk", .cases = printk_cases };
ktest_register_suite(printk_suite);
