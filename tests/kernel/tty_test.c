// SPDX-License-Identifier: GPL-2.0
/*
 * The line discipline and ptys from inside (drivers/tty): a pair made as /dev/ptmx makes
 * it, input handed to the slave's n_tty as the master's writes hand it, reads and writes
 * through n_tty_read/n_tty_write, and the two closes. user/tests/t_tty.c covers the same
 * through system calls, with processes, signals and job control, against Linux.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <kernel/tty.h>
#include <uapi/fcntl.h>
#include <uapi/poll.h>

static struct tty_struct *pair_new(void)
{
	struct tty_struct *m;

	mutex_lock(&tty_mutex);
	m = ptmx_new();
	if (!IS_ERR(m)) {
		m->count = 1; /* as if each side had one open file */
		m->link->count = 1;
	}
	mutex_unlock(&tty_mutex);
	return IS_ERR(m) ? NULL : m;
}

static void close_side(struct tty_struct *tty)
{
	mutex_lock(&tty_mutex);
	if (tty->count) {
		tty->count = 0;
		tty->ops->close(tty, NULL);
	}
	mutex_unlock(&tty_mutex);
}

static void pair_put(struct tty_struct *m)
{
	close_side(m->link);
	close_side(m);
	tty_kref_put(m);
}

/* A non-blocking read into a string. */
static ssize_t rd(struct tty_struct *tty, char *buf, size_t size)
{
	struct file f = { .f_flags = O_NONBLOCK };
	ssize_t r = n_tty_read(tty, &f, (unsigned char *)buf, size - 1);

	buf[r > 0 ? r : 0] = 0;
	return r;
}

/* What the master's write does: input for the slave, then the slave's echoes go out. */
static size_t type(struct tty_struct *slave, const char *s)
{
	size_t n = n_tty_receive_buf(slave, (const unsigned char *)s, strlen(s));

	n_tty_flush_echoes(slave);
	return n;
}

static void set_lflag(struct tty_struct *tty, tcflag_t lflag, int vmin, int vtime)
{
	struct termios old;

	spin_lock(&tty->lock);
	old = tty->termios;
	tty->termios.c_lflag = lflag;
	tty->termios.c_cc[VMIN] = vmin;
	tty->termios.c_cc[VTIME] = vtime;
	n_tty_set_termios(tty, &old);
	spin_unlock(&tty->lock);
}

static void test_canonical_and_echo(struct ktest *t)
{
	struct tty_struct *m = pair_new();
	char buf[64];

	KTEST_ASSERT_NOT_NULL(t, m);
	KTEST_EXPECT_EQ(t, type(m->link, "abx\177c"), 5);
	KTEST_EXPECT_EQ(t, rd(m->link, buf, sizeof(buf)), -EAGAIN); /* no line yet */
	type(m->link, "\r"); /* ICRNL */
	KTEST_EXPECT_EQ(t, rd(m->link, buf, sizeof(buf)), 4);
	KTEST_EXPECT_STREQ(t, buf, "abc\n");
	rd(m, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "abx\b \bc\r\n");
	type(m->link, "one two\027\025last\004");
	KTEST_EXPECT_EQ(t, rd(m->link, buf, sizeof(buf)), 4);
	KTEST_EXPECT_STREQ(t, buf, "last");
	type(m->link, "\004");
	KTEST_EXPECT_EQ(t, rd(m->link, buf, sizeof(buf)), 0); /* ^D on an empty line */
	pair_put(m);
}

static void test_raw(struct ktest *t)
{
	struct tty_struct *m = pair_new();
	char buf[64];

	KTEST_ASSERT_NOT_NULL(t, m);
	set_lflag(m->link, 0, 0, 0);
	KTEST_EXPECT_EQ(t, rd(m->link, buf, sizeof(buf)), 0); /* 0/0: nothing, at once */
	type(m->link, "h\003\r");
	KTEST_EXPECT_EQ(t, rd(m->link, buf, sizeof(buf)), 3);
	KTEST_EXPECT_STREQ(t, buf, "h\003\n"); /* ICRNL still maps; ISIG is off */
	rd(m, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, ""); /* no ECHO */
	set_lflag(m->link, 0, 1, 0);
	KTEST_EXPECT_EQ(t, rd(m->link, buf, sizeof(buf)), -EAGAIN); /* 1/0 would wait */
	pair_put(m);
}

/* ^C with no foreground group: no signal to send, but the input is flushed and echoed. */
static void test_isig_flush(struct ktest *t)
{
	struct tty_struct *m = pair_new();
	char buf[64];

	KTEST_ASSERT_NOT_NULL(t, m);
	type(m->link, "abc\003");
	KTEST_EXPECT_EQ(t, rd(m->link, buf, sizeof(buf)), -EAGAIN);
	rd(m, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "^C"); /* the flush took "abc"'s echo too */
	pair_put(m);
}

/*
 * The bytes after a signal character in one buffer are input too: serial and keyboard hand
 * over what arrived together, and a ^C typed just before a command must not eat it.
 */
static void test_isig_then_more(struct ktest *t)
{
	struct tty_struct *m = pair_new();
	char buf[64];

	KTEST_ASSERT_NOT_NULL(t, m);
	KTEST_EXPECT_EQ(t, type(m->link, "abc\003ls\r\034x\r"), 10);
	KTEST_EXPECT_EQ(t, rd(m->link, buf, sizeof(buf)), 2);
	KTEST_EXPECT_STREQ(t, buf, "x\n"); /* QUIT's flush took "ls\n" too, as Linux's isig */
	set_lflag(m->link, ISIG | ICANON | NOFLSH, 0, 0);
	KTEST_EXPECT_EQ(t, type(m->link, "ab\003cd\r"), 6);
	KTEST_EXPECT_EQ(t, rd(m->link, buf, sizeof(buf)), 5);
	KTEST_EXPECT_STREQ(t, buf, "abcd\n"); /* NOFLSH: the signal flushes nothing */
	pair_put(m);
}

static void test_opost(struct ktest *t)
{
	struct tty_struct *m = pair_new();
	struct file f = { .f_flags = O_NONBLOCK };
	char buf[64];

	KTEST_ASSERT_NOT_NULL(t, m);
	KTEST_EXPECT_EQ(t, n_tty_write(m->link, &f, (const unsigned char *)"a\nb\tc", 5), 5);
	rd(m, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, "a\r\nb\tc");
	pair_put(m);
}

static void test_hangup(struct ktest *t)
{
	struct tty_struct *m = pair_new();
	struct file f = { .f_flags = O_NONBLOCK };
	char buf[8];

	KTEST_ASSERT_NOT_NULL(t, m);
	n_tty_write(m->link, &f, (const unsigned char *)"z", 1);
	close_side(m->link); /* the slave goes: the master drains, then EIO */
	KTEST_EXPECT_EQ(t, rd(m, buf, sizeof(buf)), 1);
	KTEST_EXPECT_EQ(t, rd(m, buf, sizeof(buf)), -EIO);
	KTEST_EXPECT_TRUE(t, n_tty_poll(m, &f) & POLLHUP);
	pair_put(m);

	m = pair_new();
	KTEST_ASSERT_NOT_NULL(t, m);
	close_side(m); /* the master goes: the slave is hung up */
	KTEST_EXPECT_TRUE(t, tty_hung_up(m->link));
	/* Beneath the core (whose hung-up files read 0: t_tty), the other side is closed. */
	KTEST_EXPECT_EQ(t, rd(m->link, buf, sizeof(buf)), -EIO);
	KTEST_EXPECT_EQ(t, n_tty_write(m->link, &f, (const unsigned char *)"x", 1), -EIO);
	pair_put(m);
}

static struct ktest_case tty_cases[] = {
	KTEST_CASE(test_canonical_and_echo),
	KTEST_CASE(test_raw),
	KTEST_CASE(test_isig_flush),
	KTEST_CASE(test_isig_then_more),
	KTEST_CASE(test_opost),
	KTEST_CASE(test_hangup),
	{},
};

static struct ktest_suite tty_suite = { .name = "tty", .cases = tty_cases };
ktest_register_suite(tty_suite);
