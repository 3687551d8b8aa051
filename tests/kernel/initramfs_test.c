// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs: the archive the image's GRUB loaded was unpacked at boot, and archives made
 * here (nested directories, symlinks, hard links in GNU cpio's convention, a FIFO, hostile
 * names, damage) unpack to what they say or fail cleanly.
 */
#include <kernel/fs.h>
#include <kernel/initramfs.h>
#include <kernel/ktest.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#include "fs_util.h"

#define ARCHIVE_MAX 8192

struct writer {
	char *buf;
	size_t len;
};

static void put_pad(struct writer *w)
{
	while (w->len & 3)
		w->buf[w->len++] = '\0';
}

/* One newc member: header, name (padded), data (padded). */
static void put_entry(struct writer *w, const char *name, u32 mode, u32 ino, u32 nlink,
		      const char *data, size_t size)
{
	size_t namesize = strlen(name) + 1;

	w->len += snprintf(w->buf + w->len, ARCHIVE_MAX - w->len,
			   "070701%08x%08x%08x%08x%08x%08x%08zx%08x%08x%08x%08x%08zx%08x", ino,
			   mode, 0, 0, nlink, 0, size, 0, 1, 0, 0, namesize, 0);
	memcpy(w->buf + w->len, name, namesize);
	w->len += namesize;
	put_pad(w);
	memcpy(w->buf + w->len, data, size);
	w->len += size;
	put_pad(w);
}

static void put_trailer(struct writer *w)
{
	put_entry(w, "TRAILER!!!", 0, 0, 1, "", 0);
}

static void test_boot_archive_was_unpacked(struct ktest *t)
{
	struct kstat st;
	char buf[32];

	KTEST_EXPECT_EQ(t, ktest_read_file("/etc/hostname", buf, sizeof(buf)), 5);
	KTEST_EXPECT_STREQ(t, buf, "mica\n");
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/tmp", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFDIR | 01777);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/root", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFDIR | 0700);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/dev", &st, 0), 0);
}

static void test_unpack_tree(struct ktest *t)
{
	struct writer w = { kmalloc(ARCHIVE_MAX, GFP_KERNEL), 0 };
	struct initramfs_stats stats;
	struct kstat st;
	char buf[32];

	KTEST_ASSERT_NOT_NULL(t, w.buf);
	put_entry(&w, "./ia", S_IFDIR | 0755, 1, 2, "", 0);
	put_entry(&w, "ia/sub", S_IFDIR | 0750, 2, 2, "", 0);
	put_entry(&w, "ia/sub/file", S_IFREG | 0640, 3, 1, "contents", 8);
	put_entry(&w, "ia/link", S_IFLNK | 0777, 4, 1, "sub/file", 8);
	/* A hard-linked pair: the first member empty, the data with the last. */
	put_entry(&w, "ia/h1", S_IFREG | 0644, 5, 2, "", 0);
	put_entry(&w, "ia/h2", S_IFREG | 0644, 5, 2, "shared", 6);
	put_entry(&w, "ia/fifo", S_IFIFO | 0600, 6, 1, "", 0);
	put_trailer(&w);
	KTEST_EXPECT_EQ(t, initramfs_unpack(w.buf, w.len, &stats), 0);
	KTEST_EXPECT_EQ(t, stats.entries, 7);
	KTEST_EXPECT_EQ(t, stats.failed, 0);
	KTEST_EXPECT_EQ(t, ktest_read_file("/ia/link", buf, sizeof(buf)), 8);
	KTEST_EXPECT_STREQ(t, buf, "contents");
	KTEST_EXPECT_EQ(t, ktest_read_file("/ia/h1", buf, sizeof(buf)), 6);
	KTEST_EXPECT_STREQ(t, buf, "shared");
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/ia/h2", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.nlink, 2);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/ia/sub", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFDIR | 0750);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/ia/fifo", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFIFO | 0600);
	kfree(w.buf);
	do_unlinkat(NULL, "/ia/fifo");
	do_unlinkat(NULL, "/ia/h1");
	do_unlinkat(NULL, "/ia/h2");
	do_unlinkat(NULL, "/ia/link");
	do_unlinkat(NULL, "/ia/sub/file");
	do_rmdirat(NULL, "/ia/sub");
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/ia"), 0);
}

static void test_hostile_names_are_refused(struct ktest *t)
{
	struct writer w = { kmalloc(ARCHIVE_MAX, GFP_KERNEL), 0 };
	struct initramfs_stats stats;
	struct kstat st;

	KTEST_ASSERT_NOT_NULL(t, w.buf);
	put_entry(&w, "../escape", S_IFREG | 0644, 1, 1, "x", 1);
	put_entry(&w, "a/../../escape2", S_IFREG | 0644, 2, 1, "x", 1);
	put_entry(&w, "okfile", S_IFREG | 0644, 3, 1, "ok", 2);
	put_trailer(&w);
	KTEST_EXPECT_EQ(t, initramfs_unpack(w.buf, w.len, &stats), 0);
	KTEST_EXPECT_EQ(t, stats.skipped, 2);
	KTEST_EXPECT_EQ(t, stats.entries, 1);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/escape", &st, 0), -ENOENT);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/escape2", &st, 0), -ENOENT);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/okfile"), 0);
	kfree(w.buf);
}

static void test_malformed_archive_is_an_error(struct ktest *t)
{
	struct writer w = { kmalloc(ARCHIVE_MAX, GFP_KERNEL), 0 };
	struct initramfs_stats stats;
	size_t good;

	KTEST_ASSERT_NOT_NULL(t, w.buf);
	put_entry(&w, "first", S_IFREG | 0644, 1, 1, "1", 1);
	good = w.len;
	put_entry(&w, "second", S_IFREG | 0644, 2, 1, "22", 2);
	put_trailer(&w);
	/* Cut inside the second member: the first is made, then the error. */
	KTEST_EXPECT_EQ(t, initramfs_unpack(w.buf, good + 20, &stats), -EINVAL);
	KTEST_EXPECT_EQ(t, stats.entries, 1);
	/* Prefixes cut in every part of a member: never a crash, never success without the
	 * trailer (the parser's own host test tries every single prefix). */
	for (size_t len = 1; len < w.len; len += 13)
		KTEST_EXPECT_NE(t, initramfs_unpack(w.buf, len, &stats), 0);
	w.buf[0] = 'X'; /* bad magic */
	KTEST_EXPECT_EQ(t, initramfs_unpack(w.buf, w.len, &stats), -EINVAL);
	KTEST_EXPECT_EQ(t, stats.entries, 0);
	do_unlinkat(NULL, "/first");
	do_unlinkat(NULL, "/second");
	kfree(w.buf);
}

static struct ktest_case initramfs_cases[] = {
	KTEST_CASE(test_boot_archive_was_unpacked),
	KTEST_CASE(test_unpack_tree),
	KTEST_CASE(test_hostile_names_are_refused),
	KTEST_CASE(test_malformed_archive_is_an_error),
	{},
};

static struct ktest_suite initramfs_suite = { .name = "initramfs", .cases = initramfs_cases };
ktest_register_suite(initramfs_suite);
