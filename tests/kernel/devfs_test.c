// SPDX-License-Identifier: GPL-2.0
/*
 * /dev: the nodes drivers registered appear with Linux's numbers, and the memory devices,
 * the random generator and /dev/kmsg behave as programs expect.
 */
#include <kernel/devfs.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/random.h>
#include <kernel/slab.h>
#include <kernel/string.h>

static ssize_t rw(const char *path, int flags, void *buf, size_t n, bool write)
{
	struct file *f = filp_open(path, flags, 0);
	loff_t pos = 0;
	ssize_t ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	ret = write ? kernel_write(f, buf, n, &pos) : kernel_read(f, buf, n, &pos);
	fput(f);
	return ret;
}

static void test_nodes_exist(struct ktest *t)
{
	static const struct {
		const char *path;
		umode_t mode;
		dev_t dev;
	} nodes[] = {
		{ "/dev/null", S_IFCHR | 0666, MKDEV(1, 3) },
		{ "/dev/zero", S_IFCHR | 0666, MKDEV(1, 5) },
		{ "/dev/full", S_IFCHR | 0666, MKDEV(1, 7) },
		{ "/dev/random", S_IFCHR | 0666, MKDEV(1, 8) },
		{ "/dev/urandom", S_IFCHR | 0666, MKDEV(1, 9) },
		{ "/dev/kmsg", S_IFCHR | 0644, MKDEV(1, 11) },
		{ "/dev/ttyS0", S_IFCHR | 0620, MKDEV(4, 64) },
		{ "/dev/console", S_IFCHR | 0600, MKDEV(5, 1) },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(nodes); i++) {
		struct kstat st;

		KTEST_ASSERT_EQ(t, do_statat(NULL, nodes[i].path, &st, 0), 0);
		KTEST_EXPECT_EQ(t, st.mode, nodes[i].mode);
		KTEST_EXPECT_EQ(t, st.rdev, nodes[i].dev);
	}
}

static void test_null_zero_full(struct ktest *t)
{
	char buf[64];

	memset(buf, 0x55, sizeof(buf));
	KTEST_EXPECT_EQ(t, rw("/dev/null", O_RDWR, buf, sizeof(buf), true), sizeof(buf));
	KTEST_EXPECT_EQ(t, rw("/dev/null", O_RDONLY, buf, sizeof(buf), false), 0);
	KTEST_EXPECT_EQ(t, rw("/dev/zero", O_RDONLY, buf, sizeof(buf), false), sizeof(buf));
	KTEST_EXPECT_EQ(t, buf[0] | buf[63], 0);
	KTEST_EXPECT_EQ(t, rw("/dev/full", O_WRONLY, buf, 1, true), -ENOSPC);
	KTEST_EXPECT_EQ(t, rw("/dev/full", O_RDONLY, buf, 8, false), 8);
}

static void test_node_of_unregistered_major(struct ktest *t)
{
	struct file *f;

	KTEST_ASSERT_EQ(t, do_mknodat(NULL, "/dev/nothing", S_IFCHR | 0600, MKDEV(200, 1)), 0);
	f = filp_open("/dev/nothing", O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -ENXIO);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/dev/nothing"), 0);
}

/* RFC 8439, 2.3.2: key 00..1f, counter 1, nonce 00:00:00:09:00:00:00:4a:00:00:00:00. */
static void test_chacha20_vector(struct ktest *t)
{
	u32 key[8], out[16];

	for (int i = 0; i < 8; i++)
		key[i] = (4 * i) | (4 * i + 1) << 8 | (4 * i + 2) << 16 | (u32)(4 * i + 3) << 24;
	chacha20_block(key, 1 | (0x09000000ULL << 32), 0x4a000000, out);
	KTEST_EXPECT_EQ(t, out[0], 0xe4e7f110);
	KTEST_EXPECT_EQ(t, out[1], 0x15593bd1);
	KTEST_EXPECT_EQ(t, out[3], 0xc47120a3);
	KTEST_EXPECT_EQ(t, out[15], 0x4e3c50a2);
}

static void test_random_output(struct ktest *t)
{
	u8 *a = kmalloc(4096, GFP_KERNEL), *b = kmalloc(4096, GFP_KERNEL);
	unsigned int ones = 0, same = 0;

	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_ASSERT_NOT_NULL(t, b);
	KTEST_EXPECT_EQ(t, rw("/dev/urandom", O_RDONLY, a, 4096, false), 4096);
	KTEST_EXPECT_EQ(t, rw("/dev/random", O_RDONLY, b, 4096, false), 4096);
	for (int i = 0; i < 4096; i++) {
		for (u8 v = a[i]; v; v &= v - 1)
			ones++;
		same += a[i] == b[i];
	}
	/* 32768 bits: a fair generator is within a few hundred of half (10 sigma is 905). */
	KTEST_EXPECT_GT(t, ones, 16384 - 905);
	KTEST_EXPECT_LT(t, ones, 16384 + 905);
	KTEST_EXPECT_LT(t, same, 64); /* two reads never repeat (about 16 equal bytes expected) */
	kfree(a);
	kfree(b);
}

static void test_kmsg(struct ktest *t)
{
	struct file *f = filp_open("/dev/kmsg", O_RDONLY | O_NONBLOCK, 0);
	char line[256];
	loff_t pos = 0;
	ssize_t n;
	bool found = false;

	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	/* Written through /dev/kmsg at level 5, then found among the records. */
	KTEST_EXPECT_EQ(t, rw("/dev/kmsg", O_WRONLY, "<5>ktest kmsg marker", 20, true), 20);
	while ((n = kernel_read(f, line, sizeof(line) - 1, &pos)) > 0) {
		line[n] = '\0';
		if (strstr(line, ";ktest kmsg marker\n") && line[0] == '5' && line[1] == ',')
			found = true;
	}
	KTEST_EXPECT_EQ(t, n, -EAGAIN); /* at the end, non-blocking */
	KTEST_EXPECT_TRUE(t, found);
	/* A buffer too small for a whole record is EINVAL, as on Linux. */
	KTEST_EXPECT_EQ(t, rw("/dev/kmsg", O_RDONLY, line, 4, false), -EINVAL);
	fput(f);
}

static struct ktest_case devfs_cases[] = {
	KTEST_CASE(test_nodes_exist),
	KTEST_CASE(test_null_zero_full),
	KTEST_CASE(test_node_of_unregistered_major),
	KTEST_CASE(test_chacha20_vector),
	KTEST_CASE(test_random_output),
	KTEST_CASE(test_kmsg),
	{},
};

static struct ktest_suite devfs_suite = { .name = "devfs", .cases = devfs_cases };
ktest_register_suite(devfs_suite);
