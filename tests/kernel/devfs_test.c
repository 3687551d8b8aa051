// SPDX-License-Identifier: GPL-2.0
/*
 * /dev: the nodes drivers registered appear with Linux's numbers, and the memory devices,
 * the random generator and /dev/kmsg behave as programs expect. Blocked readers of /dev/kmsg
 * and the terminal are woken by what they wait for (a printk, received bytes) or a signal.
 */
#include <kernel/devfs.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/random.h>
#include <kernel/slab.h>
#include <kernel/kthread.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/timer.h>
#include <kernel/tty.h>

#include "fs_util.h"

#define MSEC 1000000ULL

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
	/* Room for any record: 1024 bytes of text, each possibly escaped as four. */
	size_t size = 4096 + 128;
	char *line = kmalloc(size, GFP_KERNEL);
	loff_t pos = 0;
	ssize_t n;
	bool found = false;

	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_ASSERT_NOT_NULL(t, line);
	/* Written through /dev/kmsg at level 5 (LOG_USER: 13), then found among the records. */
	KTEST_EXPECT_EQ(t, rw("/dev/kmsg", O_WRONLY, "<5>ktest kmsg marker", 20, true), 20);
	/* A full ring drops the record we would read next: EPIPE, then the oldest kept. */
	while ((n = kernel_read(f, line, size - 1, &pos)) > 0 || n == -EPIPE) {
		if (n < 0)
			continue;
		line[n] = '\0';
		if (strstr(line, ";ktest kmsg marker\n") && !strncmp(line, "13,", 3))
			found = true;
	}
	KTEST_EXPECT_EQ(t, n, -EAGAIN); /* at the end, non-blocking */
	KTEST_EXPECT_TRUE(t, found);
	/* A buffer too small for a whole record is EINVAL, as on Linux. */
	KTEST_EXPECT_EQ(t, rw("/dev/kmsg", O_RDONLY, line, 4, false), -EINVAL);
	fput(f);
	kfree(line);
}

struct blocked_read {
	struct file *f;
	char buf[256];
	long ret;
	bool done;
	u64 done_at;
};

static int blocked_reader(void *data)
{
	struct blocked_read *r = data;
	loff_t pos = 0;

	r->ret = kernel_read(r->f, r->buf, sizeof(r->buf) - 1, &pos);
	if (r->ret >= 0)
		r->buf[r->ret] = '\0';
	r->done_at = sched_clock();
	__atomic_store_n(&r->done, true, __ATOMIC_RELEASE);
	return 0;
}

/*
 * Opens path, reads what is already there without blocking, then reads it blocking in a
 * thread on the other CPU until that thread sleeps.
 */
static struct task_struct *start_blocked_reader(struct ktest *t, const char *path,
						struct blocked_read *r)
{
	struct task_struct *k;
	loff_t pos = 0;
	u64 switches;

	r->f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(r->f)) {
		ktest_fail(t, __FILE__, __LINE__, "cannot open %s: %ld", path, PTR_ERR(r->f));
		return NULL;
	}
	r->f->f_flags |= O_NONBLOCK;
	while (kernel_read(r->f, r->buf, sizeof(r->buf), &pos) > 0)
		;
	r->f->f_flags &= ~O_NONBLOCK;
	k = kthread_create(blocked_reader, r, "ktest-reader");
	if (!k) {
		fput(r->f);
		return NULL;
	}
	kthread_bind(k, num_online_cpus() > 1 ? 1 : 0);
	wake_up_process(k);
	KTEST_EXPECT_TRUE(t, ktest_wait_sleeping(k, 1000));
	/* It sleeps until woken: no polling (the old readers looked every 10 ms). */
	switches = READ_ONCE(k->nr_switches);
	msleep(50);
	KTEST_EXPECT_EQ(t, READ_ONCE(k->nr_switches), switches);
	KTEST_EXPECT_FALSE(t, READ_ONCE(r->done));
	return k;
}

/* A reader of an empty log sleeps until printk adds a record, then returns that record. */
static void test_kmsg_reader_woken_by_printk(struct ktest *t)
{
	static struct blocked_read r;
	struct task_struct *k;
	u64 t0;

	memset(&r, 0, sizeof(r));
	k = start_blocked_reader(t, "/dev/kmsg", &r);
	KTEST_ASSERT_NOT_NULL(t, k);
	t0 = sched_clock();
	pr_info("ktest kmsg wake marker\n");
	KTEST_EXPECT_TRUE(t, ktest_wait_flag(&r.done, 1000));
	kthread_stop(k);
	KTEST_EXPECT_GT(t, r.ret, 0);
	KTEST_EXPECT_NOT_NULL(t, strstr(r.buf, ";ktest kmsg wake marker\n"));
	/* Woken by the printk: well before the readers' one-second fallback look. */
	KTEST_EXPECT_LT(t, r.done_at - t0, 300 * MSEC);
	fput(r.f);
}

static void test_kmsg_reader_interrupted(struct ktest *t)
{
	static struct blocked_read r;
	struct task_struct *k;
	u64 t0;

	memset(&r, 0, sizeof(r));
	k = start_blocked_reader(t, "/dev/kmsg", &r);
	KTEST_ASSERT_NOT_NULL(t, k);
	t0 = sched_clock();
	ktest_fake_signal(k);
	if (!ktest_wait_flag(&r.done, 1000))
		pr_info("ktest: kmsg reader not interrupted\n"); /* ends its wait anyway */
	kthread_stop(k);
	KTEST_EXPECT_EQ(t, r.ret, -ERESTARTSYS);
	KTEST_EXPECT_LT(t, r.done_at - t0, 300 * MSEC);
	fput(r.f);
}

/* The UART's line settings for a test (no echo on the log), and back. */
static struct termios serial_set_lflag(tcflag_t clear)
{
	struct tty_struct *tty = serial8250_tty();
	struct termios old;

	spin_lock(&tty->lock);
	old = tty->termios;
	tty->termios.c_lflag &= ~clear;
	n_tty_set_termios(tty, &old);
	spin_unlock(&tty->lock);
	return old;
}

static void serial_restore(const struct termios *saved)
{
	struct tty_struct *tty = serial8250_tty();
	struct termios old;

	spin_lock(&tty->lock);
	old = tty->termios;
	tty->termios = *saved;
	n_tty_set_termios(tty, &old);
	spin_unlock(&tty->lock);
}

/* A terminal reader sleeps until the UART's interrupt delivers a line. */
static void test_tty_reader_woken_by_input(struct ktest *t)
{
	static struct blocked_read r;
	struct termios saved = serial_set_lflag(ECHO);
	struct task_struct *k;
	u64 t0;

	memset(&r, 0, sizeof(r));
	k = start_blocked_reader(t, "/dev/ttyS0", &r);
	KTEST_ASSERT_NOT_NULL(t, k);
	t0 = sched_clock();
	serial8250_rx_push("hi\r", 3); /* what the receive interrupt does; ICRNL makes \n */
	KTEST_EXPECT_TRUE(t, ktest_wait_flag(&r.done, 1000));
	if (!READ_ONCE(r.done))
		ktest_fake_signal(k);
	kthread_stop(k);
	KTEST_EXPECT_EQ(t, r.ret, 3);
	KTEST_EXPECT_STREQ(t, r.buf, "hi\n");
	KTEST_EXPECT_LT(t, r.done_at - t0, 300 * MSEC);
	fput(r.f);
	serial_restore(&saved);
}

static void test_tty_reader_interrupted(struct ktest *t)
{
	static struct blocked_read r;
	struct termios saved = serial_set_lflag(ECHO);
	struct task_struct *k;

	memset(&r, 0, sizeof(r));
	k = start_blocked_reader(t, "/dev/ttyS0", &r);
	KTEST_ASSERT_NOT_NULL(t, k);
	ktest_fake_signal(k);
	if (!ktest_wait_flag(&r.done, 1000))
		serial8250_rx_push("x\n", 2);
	kthread_stop(k);
	KTEST_EXPECT_EQ(t, r.ret, -ERESTARTSYS);
	fput(r.f);
	serial_restore(&saved);
}

#define RX_RING 1024

/* Input beyond the receive ring is dropped and counted, never written past the ring. */
static void test_tty_input_overflow(struct ktest *t)
{
	struct termios saved = serial_set_lflag(ECHO | ICANON);
	char *junk = kmalloc(RX_RING + 10, GFP_KERNEL);
	unsigned long dropped = serial8250_rx_dropped();
	struct file *f = filp_open("/dev/ttyS0", O_RDONLY | O_NONBLOCK, 0);
	size_t got = 0;
	loff_t pos = 0;
	ssize_t n;

	KTEST_ASSERT_NOT_NULL(t, junk);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	while (kernel_read(f, junk, RX_RING, &pos) > 0)
		;
	memset(junk, 'j', RX_RING + 10);
	serial8250_rx_push(junk, RX_RING + 10);
	KTEST_EXPECT_EQ(t, serial8250_rx_dropped() - dropped, 10);
	/* The rx thread hands the ring to the line discipline: 1 s at most for all of it. */
	for (int i = 0; i < 100 && got < RX_RING; i++) {
		while ((n = kernel_read(f, junk, RX_RING, &pos)) > 0)
			got += n;
		if (got < RX_RING)
			msleep(10);
	}
	KTEST_EXPECT_EQ(t, serial8250_rx_pending(), 0);
	n = kernel_read(f, junk, RX_RING, &pos);
	KTEST_EXPECT_EQ(t, n, -EAGAIN);
	KTEST_EXPECT_EQ(t, got, RX_RING);
	fput(f);
	kfree(junk);
	serial_restore(&saved);
}

static struct ktest_case devfs_cases[] = {
	KTEST_CASE(test_nodes_exist),
	KTEST_CASE(test_null_zero_full),
	KTEST_CASE(test_node_of_unregistered_major),
	KTEST_CASE(test_chacha20_vector),
	KTEST_CASE(test_random_output),
	KTEST_CASE(test_kmsg),
	KTEST_CASE(test_kmsg_reader_woken_by_printk),
	KTEST_CASE(test_kmsg_reader_interrupted),
	KTEST_CASE(test_tty_reader_woken_by_input),
	KTEST_CASE(test_tty_reader_interrupted),
	KTEST_CASE(test_tty_input_overflow),
	{},
};

static struct ktest_suite devfs_suite = { .name = "devfs", .cases = devfs_cases };
ktest_register_suite(devfs_suite);
