// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes and FIFOs between kernel threads: order, blocking both ways, EOF, EPIPE and its
 * hook, non-blocking EAGAIN, atomic writes up to PIPE_BUF, poll, and FIFO open rendezvous;
 * a signal ends each of their blocking waits with -ERESTARTSYS.
 */
#include <kernel/fs.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/pipe_fs.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/timer.h>
#include <uapi/poll.h>

#include "fs_util.h"

#define MSEC 1000000ULL

static ssize_t rd(struct file *f, void *buf, size_t n)
{
	loff_t pos = 0;

	return kernel_read(f, buf, n, &pos);
}

static ssize_t wr(struct file *f, const void *buf, size_t n)
{
	loff_t pos = 0;

	return kernel_write(f, buf, n, &pos);
}

static void test_order_and_eof(struct ktest *t)
{
	struct file *p[2];
	char buf[16];

	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	KTEST_EXPECT_EQ(t, wr(p[1], "abc", 3), 3);
	KTEST_EXPECT_EQ(t, wr(p[1], "def", 3), 3);
	KTEST_EXPECT_EQ(t, rd(p[0], buf, 4), 4);
	KTEST_EXPECT_EQ(t, memcmp(buf, "abcd", 4), 0);
	KTEST_EXPECT_EQ(t, rd(p[0], buf, 16), 2);
	KTEST_EXPECT_EQ(t, memcmp(buf, "ef", 2), 0);
	KTEST_EXPECT_EQ(t, rd(p[1], buf, 1), -EBADF); /* the write end does not read */
	fput(p[1]);
	KTEST_EXPECT_EQ(t, rd(p[0], buf, 16), 0); /* no writer left: EOF */
	fput(p[0]);
}

static int sigpipes;

static void count_sigpipe(void)
{
	sigpipes++;
}

static void test_epipe(struct ktest *t)
{
	struct file *p[2];

	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	pipe_set_sigpipe_hook(count_sigpipe);
	sigpipes = 0;
	fput(p[0]);
	KTEST_EXPECT_EQ(t, wr(p[1], "x", 1), -EPIPE);
	KTEST_EXPECT_EQ(t, sigpipes, 1);
	pipe_set_sigpipe_hook(NULL);
	fput(p[1]);
}

static void test_nonblocking(struct ktest *t)
{
	struct file *p[2];
	char *big = kzalloc(64 * 1024, GFP_KERNEL);
	char c;

	KTEST_ASSERT_NOT_NULL(t, big);
	KTEST_ASSERT_EQ(t, create_pipe_files(p, O_NONBLOCK), 0);
	KTEST_EXPECT_EQ(t, rd(p[0], &c, 1), -EAGAIN);
	KTEST_EXPECT_EQ(t, wr(p[1], big, 64 * 1024), 64 * 1024); /* exactly fills the ring */
	KTEST_EXPECT_EQ(t, wr(p[1], "x", 1), -EAGAIN);
	KTEST_EXPECT_EQ(t, rd(p[0], big, 100), 100);
	/* An atomic write needs all its room at once: 100 bytes free, so 200 must wait. */
	KTEST_EXPECT_EQ(t, wr(p[1], big, 200), -EAGAIN);
	KTEST_EXPECT_EQ(t, wr(p[1], big, 100), 100);
	fput(p[0]);
	fput(p[1]);
	kfree(big);
}

struct pipe_job {
	struct file *f;
	size_t bytes;
	ssize_t result;
	u8 tag;
	u64 done_at;
};

static int slow_reader(void *data)
{
	struct pipe_job *j = data;
	char *buf = kmalloc(4096, GFP_KERNEL);
	ssize_t n;

	msleep(30);
	j->result = 0;
	while (buf && (n = rd(j->f, buf, 4096)) > 0)
		j->result += n;
	kfree(buf);
	return 0;
}

/* A writer blocks on a full pipe until the reader drains it; the reader sees EOF after. */
static void test_blocking_both_ways(struct ktest *t)
{
	struct pipe_job j = { 0 };
	struct file *p[2];
	struct task_struct *reader;
	char *big = kzalloc(200 * 1024, GFP_KERNEL);
	u64 t0;

	KTEST_ASSERT_NOT_NULL(t, big);
	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	j.f = p[0];
	reader = kthread_run(slow_reader, &j, "ktest-reader");
	KTEST_ASSERT_NOT_NULL(t, reader);
	t0 = sched_clock();
	KTEST_EXPECT_EQ(t, wr(p[1], big, 200 * 1024), 200 * 1024);
	KTEST_EXPECT_GE(t, sched_clock() - t0, 25 * MSEC); /* it had to wait for the reader */
	fput(p[1]);
	kthread_stop(reader);
	KTEST_EXPECT_EQ(t, j.result, 200 * 1024);
	fput(p[0]);
	kfree(big);
}

static int tagged_writer(void *data)
{
	struct pipe_job *j = data;
	char *rec = kmalloc(PIPE_BUF, GFP_KERNEL);

	if (!rec)
		return -ENOMEM;
	memset(rec, j->tag, PIPE_BUF);
	for (int i = 0; i < 40; i++)
		wr(j->f, rec, PIPE_BUF);
	kfree(rec);
	return 0;
}

/* Two writers of PIPE_BUF-sized records: every record arrives whole. */
static void test_atomic_writes(struct ktest *t)
{
	struct pipe_job a = { .tag = 'a' }, b = { .tag = 'b' };
	struct task_struct *ta, *tb;
	struct file *p[2];
	char *rec = kmalloc(PIPE_BUF, GFP_KERNEL);
	int torn = 0, short_reads = 0, per_tag[2] = { 0, 0 };

	KTEST_ASSERT_NOT_NULL(t, rec);
	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	a.f = b.f = p[1];
	ta = kthread_run(tagged_writer, &a, "ktest-wa");
	tb = kthread_run(tagged_writer, &b, "ktest-wb");
	KTEST_ASSERT_NOT_NULL(t, ta);
	KTEST_ASSERT_NOT_NULL(t, tb);
	for (int r = 0; r < 80; r++) {
		size_t got = 0;

		while (got < PIPE_BUF) {
			ssize_t n = rd(p[0], rec + got, PIPE_BUF - got);

			if (n <= 0)
				break;
			got += n;
		}
		short_reads += got < PIPE_BUF;
		for (int i = 1; i < PIPE_BUF; i++)
			torn += rec[i] != rec[0];
		if (rec[0] == 'a' || rec[0] == 'b')
			per_tag[rec[0] - 'a']++;
	}
	kthread_stop(ta);
	kthread_stop(tb);
	KTEST_EXPECT_EQ(t, torn, 0);
	KTEST_EXPECT_EQ(t, short_reads, 0);
	/* Each writer's 40 records all arrived, none lost or duplicated. */
	KTEST_EXPECT_EQ(t, per_tag[0], 40);
	KTEST_EXPECT_EQ(t, per_tag[1], 40);
	fput(p[0]);
	fput(p[1]);
	kfree(rec);
}

static void test_poll(struct ktest *t)
{
	struct kpollfd fds[2];
	struct file *p[2];
	u64 t0;
	char c;

	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	fds[0] = (struct kpollfd){ .file = p[0], .events = POLLIN };
	fds[1] = (struct kpollfd){ .file = p[1], .events = POLLOUT };
	KTEST_EXPECT_EQ(t, vfs_poll_wait(fds, 2, 0), 1);
	KTEST_EXPECT_EQ(t, fds[0].revents, 0);
	KTEST_EXPECT_EQ(t, fds[1].revents, POLLOUT);
	t0 = sched_clock();
	KTEST_EXPECT_EQ(t, vfs_poll_wait(fds, 1, 20 * MSEC), 0); /* times out */
	KTEST_EXPECT_GE(t, sched_clock() - t0, 20 * MSEC);
	wr(p[1], "z", 1);
	KTEST_EXPECT_EQ(t, vfs_poll_wait(fds, 1, ~0ULL), 1);
	KTEST_EXPECT_EQ(t, fds[0].revents, POLLIN);
	rd(p[0], &c, 1);
	fput(p[1]);
	KTEST_EXPECT_EQ(t, vfs_poll_wait(fds, 1, 0), 1);
	KTEST_EXPECT_EQ(t, fds[0].revents, POLLHUP);
	fput(p[0]);
}

static int open_fifo_for_writing(void *data)
{
	struct pipe_job *j = data;
	struct file *f;

	msleep(20);
	f = filp_open("/fifo", O_WRONLY, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	j->result = wr(f, "via fifo", 8);
	fput(f);
	return 0;
}

static void test_fifo(struct ktest *t)
{
	struct pipe_job j = { 0 };
	struct task_struct *writer;
	struct file *f;
	char buf[16];
	u64 t0;

	KTEST_ASSERT_EQ(t, do_mknodat(NULL, "/fifo", S_IFIFO | 0600, 0), 0);
	f = filp_open("/fifo", O_WRONLY | O_NONBLOCK, 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -ENXIO); /* no reader */
	writer = kthread_run(open_fifo_for_writing, &j, "ktest-fifo");
	KTEST_ASSERT_NOT_NULL(t, writer);
	t0 = sched_clock();
	f = filp_open("/fifo", O_RDONLY, 0); /* blocks until the writer opens */
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_GE(t, sched_clock() - t0, 15 * MSEC);
	KTEST_EXPECT_EQ(t, rd(f, buf, 8), 8);
	KTEST_EXPECT_EQ(t, memcmp(buf, "via fifo", 8), 0);
	kthread_stop(writer);
	KTEST_EXPECT_EQ(t, j.result, 8);
	fput(f);
	f = filp_open("/fifo", O_RDONLY | O_NONBLOCK, 0); /* a lone reader may open */
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	fput(f);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/fifo"), 0);
}

/* ---- signals end blocking waits ----------------------------------------------------- */

enum blocked_op {
	BLOCK_READ,
	BLOCK_WRITE,
	BLOCK_POLL,
	BLOCK_FIFO_OPEN
};

struct blocked_job {
	enum blocked_op op;
	struct file *f;
	long ret;
	bool done;
	u64 done_at;
};

static int blocked_worker(void *data)
{
	struct blocked_job *j = data;
	struct kpollfd fd = { .file = j->f, .events = POLLIN };
	char *buf = kmalloc(PIPE_BUF * 2, GFP_KERNEL);
	struct file *f;

	switch (j->op) {
	case BLOCK_READ:
		j->ret = rd(j->f, buf, 16);
		break;
	case BLOCK_WRITE: /* an atomic write into a ring without room for it */
		j->ret = wr(j->f, buf, PIPE_BUF);
		break;
	case BLOCK_POLL:
		j->ret = vfs_poll_wait(&fd, 1, ~0ULL);
		break;
	case BLOCK_FIFO_OPEN:
		f = filp_open("/sigfifo", O_RDONLY, 0);
		j->ret = IS_ERR(f) ? PTR_ERR(f) : 0;
		if (!IS_ERR(f))
			fput(f);
		break;
	}
	kfree(buf);
	j->done_at = sched_clock();
	__atomic_store_n(&j->done, true, __ATOMIC_RELEASE);
	return 0;
}

/*
 * Runs op in a thread on the other CPU until it sleeps, signals it, and expects it back with
 * -ERESTARTSYS promptly. unblock ends the wait the ordinary way if the signal did not.
 */
static void expect_interrupted(struct ktest *t, struct blocked_job *j, void (*unblock)(void *),
			       void *arg)
{
	struct task_struct *k = kthread_create(blocked_worker, j, "ktest-blocked");
	u64 t0;

	KTEST_ASSERT_NOT_NULL(t, k);
	kthread_bind(k, num_online_cpus() > 1 ? 1 : 0);
	wake_up_process(k);
	KTEST_EXPECT_TRUE(t, ktest_wait_sleeping(k, 1000));
	msleep(5);
	KTEST_EXPECT_FALSE(t, READ_ONCE(j->done)); /* it really blocks */
	t0 = sched_clock();
	ktest_fake_signal(k);
	if (!ktest_wait_flag(&j->done, 1000)) {
		ktest_fail(t, __FILE__, __LINE__, "op %d not interrupted by a signal", j->op);
		unblock(arg);
	}
	kthread_stop(k);
	KTEST_EXPECT_EQ(t, j->ret, -ERESTARTSYS);
	KTEST_EXPECT_LT(t, j->done_at - t0, 300 * MSEC);
}

static void unblock_by_writing(void *arg)
{
	wr(arg, "u", 1);
}

static void unblock_by_reading(void *arg)
{
	char *buf = kmalloc(64 * 1024, GFP_KERNEL);

	if (buf)
		rd(arg, buf, 64 * 1024);
	kfree(buf);
}

static void unblock_fifo(void *arg)
{
	struct file *f = filp_open("/sigfifo", O_WRONLY | O_NONBLOCK, 0);

	if (!IS_ERR(f))
		fput(f);
}

static void test_signal_ends_read(struct ktest *t)
{
	struct blocked_job j = { .op = BLOCK_READ };
	struct file *p[2];
	char c;

	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	j.f = p[0];
	expect_interrupted(t, &j, unblock_by_writing, p[1]);
	/* The pipe is unharmed: data written now is read whole. */
	KTEST_EXPECT_EQ(t, wr(p[1], "k", 1), 1);
	KTEST_EXPECT_EQ(t, rd(p[0], &c, 1), 1);
	fput(p[0]);
	fput(p[1]);
}

static void test_signal_ends_write(struct ktest *t)
{
	struct blocked_job j = { .op = BLOCK_WRITE };
	char *big = kzalloc(64 * 1024, GFP_KERNEL);
	struct file *p[2];

	KTEST_ASSERT_NOT_NULL(t, big);
	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	KTEST_EXPECT_EQ(t, wr(p[1], big, 64 * 1024 - 1), 64 * 1024 - 1); /* one byte of room */
	j.f = p[1];
	expect_interrupted(t, &j, unblock_by_reading, p[0]);
	fput(p[0]);
	fput(p[1]);
	kfree(big);
}

static void test_signal_ends_poll(struct ktest *t)
{
	struct blocked_job j = { .op = BLOCK_POLL };
	struct file *p[2];

	KTEST_ASSERT_EQ(t, create_pipe_files(p, 0), 0);
	j.f = p[0];
	expect_interrupted(t, &j, unblock_by_writing, p[1]);
	fput(p[0]);
	fput(p[1]);
}

static void test_signal_ends_fifo_open(struct ktest *t)
{
	struct blocked_job j = { .op = BLOCK_FIFO_OPEN };
	struct file *f;

	KTEST_ASSERT_EQ(t, do_mknodat(NULL, "/sigfifo", S_IFIFO | 0600, 0), 0);
	expect_interrupted(t, &j, unblock_fifo, NULL);
	/* The interrupted open left no reader behind: a non-blocking writer finds none. */
	f = filp_open("/sigfifo", O_WRONLY | O_NONBLOCK, 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -ENXIO);
	if (!IS_ERR(f))
		fput(f);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sigfifo"), 0);
}

static struct ktest_case pipe_cases[] = {
	KTEST_CASE(test_order_and_eof),
	KTEST_CASE(test_epipe),
	KTEST_CASE(test_nonblocking),
	KTEST_CASE(test_blocking_both_ways),
	KTEST_CASE(test_atomic_writes),
	KTEST_CASE(test_poll),
	KTEST_CASE(test_fifo),
	KTEST_CASE(test_signal_ends_read),
	KTEST_CASE(test_signal_ends_write),
	KTEST_CASE(test_signal_ends_poll),
	KTEST_CASE(test_signal_ends_fifo_open),
	{},
};

static struct ktest_suite pipe_suite = { .name = "pipe", .cases = pipe_cases };
ktest_register_suite(pipe_suite);
