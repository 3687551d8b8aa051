/*
 * Terminals through a pseudo-terminal pair, as Linux gives them: the pty calls, canonical
 * input with its editing and echo, input and output mapping, raw reads under VMIN/VTIME,
 * the signal characters for the foreground group, job control (SIGTTIN, SIGTTOU, the
 * orphaned group's EIO), window size and SIGWINCH, the tty ioctls, hang-up, /dev/tty.
 *
 * Every child that needs a controlling terminal makes its own session (setsid), so the
 * test runs the same without a terminal (CI) as on one. Linux moves pty data through a
 * work queue: a reader waits with poll (5 s at most) for what a writer sent, never sleeps.
 */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define WAIT_MS 5000

static int master = -1, slave = -1;
static char slave_name[64];

/* A new unlocked pair; the slave opened without becoming anyone's terminal. */
static int open_pair(void)
{
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) || unlockpt(master) ||
	    ptsname_r(master, slave_name, sizeof(slave_name)))
		return -1;
	slave = open(slave_name, O_RDWR | O_NOCTTY);
	return slave < 0 ? -1 : 0;
}

static void close_pair(void)
{
	if (slave >= 0)
		close(slave);
	if (master >= 0)
		close(master);
	slave = master = -1;
}

static int wait_in(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	return poll(&p, 1, ms) == 1 && (p.revents & POLLIN);
}

/* Reads from fd until want's length has come (or WAIT_MS with nothing); 1 if it matches. */
static int expect(int fd, const char *want, char *got, size_t size)
{
	size_t n = 0, len = strlen(want);
	while (n < len && n < size - 1 && wait_in(fd, WAIT_MS)) {
		ssize_t r = read(fd, got + n, size - 1 - n);
		if (r <= 0)
			break;
		n += r;
	}
	got[n] = 0;
	return strcmp(got, want) == 0;
}

/* What the master receives up to and including the marker the slave writes now. */
static int master_until_marker(char *got, size_t size)
{
	size_t n = 0;
	if (write(slave, "@", 1) != 1)
		return -1;
	while (n < size - 1 && wait_in(master, WAIT_MS)) {
		ssize_t r = read(master, got + n, size - 1 - n);
		if (r <= 0)
			break;
		n += r;
		got[n] = 0;
		if (strchr(got, '@'))
			break;
	}
	got[n] = 0;
	return (int)n;
}

static int set_lflag(int fd, tcflag_t on, tcflag_t off)
{
	struct termios t;
	if (tcgetattr(fd, &t))
		return -1;
	t.c_lflag = (t.c_lflag | on) & ~off;
	return tcsetattr(fd, TCSANOW, &t);
}

/* ---- the pty calls ---------------------------------------------------------------------- */

static void test_pty_calls(void)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY), fd, lock = 1;
	unsigned int n = ~0u;
	char name[64] = "", want[64];

	ok(m >= 0, "posix_openpt opens /dev/ptmx");
	ok(ioctl(m, TIOCGPTN, &n) == 0, "TIOCGPTN");
	ok(ptsname_r(m, name, sizeof(name)) == 0, "ptsname_r");
	snprintf(want, sizeof(want), "/dev/pts/%u", n);
	tap_streq(name, want, "ptsname is /dev/pts/N with TIOCGPTN's N");
	ok(ptsname(m) && strcmp(ptsname(m), want) == 0, "ptsname");
	ok(ptsname_r(m, name, 5) == ERANGE, "ptsname_r with a short buffer: ERANGE");
	ok(grantpt(m) == 0, "grantpt");
	ok(ioctl(m, TIOCGPTLCK, &lock) == 0 && lock == 1, "a new slave is locked");
	errno = 0;
	fd = open(want, O_RDWR | O_NOCTTY);
	ok(fd < 0 && errno == EIO, "opening a locked slave: EIO");
	ok(unlockpt(m) == 0, "unlockpt");
	fd = open(want, O_RDWR | O_NOCTTY);
	ok(fd >= 0, "the unlocked slave opens");
	ok(isatty(m) && isatty(fd), "isatty on both sides");
	if (fd >= 0)
		close(fd);
	fd = ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY);
	ok(fd >= 0 && isatty(fd), "TIOCGPTPEER opens the slave");
	if (fd >= 0) {
		char buf[8];
		ok(write(fd, "p", 1) == 1 && expect(m, "p", buf, sizeof(buf)),
		   "the TIOCGPTPEER descriptor is the slave");
		close(fd);
	} else {
		ok(0, "the TIOCGPTPEER descriptor is the slave");
	}
	errno = 0;
	ok(ioctl(m, TIOCGPTN, (void *)0) < 0 && errno == EFAULT, "TIOCGPTN to NULL: EFAULT");
	close(m);
}

static void test_not_a_tty(void)
{
	int p[2];
	struct termios t;

	ok(pipe(p) == 0, "pipe");
	errno = 0;
	ok(!isatty(p[0]) && errno == ENOTTY, "isatty on a pipe: 0, ENOTTY");
	errno = 0;
	ok(tcgetattr(p[1], &t) < 0 && errno == ENOTTY, "tcgetattr on a pipe: ENOTTY");
	errno = 0;
	ok(ioctl(p[0], TIOCGWINSZ, &t) < 0 && errno == ENOTTY, "TIOCGWINSZ on a pipe: ENOTTY");
	close(p[0]);
	close(p[1]);
	errno = 0;
	ok(tcgetattr(-1, &t) < 0 && errno == EBADF, "tcgetattr on a bad descriptor: EBADF");
}

/* ---- settings ----------------------------------------------------------------------------- */

static void test_defaults(void)
{
	struct termios t, saved;
	struct winsize ws = { 1, 1, 1, 1 };

	ok(tcgetattr(slave, &t) == 0, "tcgetattr on the slave");
	saved = t;
	ok((t.c_lflag & (ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN)) ==
		   (ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN),
	   "the slave starts cooked (ISIG ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN)");
	ok((t.c_iflag & (ICRNL | IXON)) == (ICRNL | IXON) &&
		   (t.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR),
	   "ICRNL IXON, OPOST ONLCR");
	ok(t.c_cc[VINTR] == 3 && t.c_cc[VQUIT] == 28 && t.c_cc[VERASE] == 127 &&
		   t.c_cc[VKILL] == 21 && t.c_cc[VEOF] == 4 && t.c_cc[VSUSP] == 26 &&
		   t.c_cc[VWERASE] == 23 && t.c_cc[VLNEXT] == 22 && t.c_cc[VMIN] == 1,
	   "the control characters are Linux's");
	ok((t.c_cflag & CSIZE) == CS8 && cfgetospeed(&t) == B38400, "CS8 at 38400 baud");
	ok(ioctl(slave, TIOCGWINSZ, &ws) == 0 && ws.ws_row == 0 && ws.ws_col == 0,
	   "a new pty's window is 0x0");
	cfmakeraw(&t);
	ok(tcsetattr(slave, TCSANOW, &t) == 0, "tcsetattr raw");
	memset(&t, 0xff, sizeof(t));
	ok(tcgetattr(master, &t) == 0 && !(t.c_lflag & (ICANON | ECHO | ISIG)) &&
		   !(t.c_oflag & OPOST) && t.c_cc[VMIN] == 1,
	   "the master's TCGETS reads the slave's settings");
	errno = 0;
	ok(tcsetattr(slave, 3, &t) < 0 && errno == EINVAL, "tcsetattr with a bad action: EINVAL");
	errno = 0;
	ok(ioctl(slave, TCGETS, (void *)8) < 0 && errno == EFAULT,
	   "TCGETS to a bad pointer: EFAULT");
	tcsetattr(slave, TCSANOW, &saved);
}

/* ---- canonical input --------------------------------------------------------------------- */

static void canon_case(const char *in, const char *line, const char *echo, const char *name)
{
	char buf[256], got[256];
	ssize_t n;

	tcflush(slave, TCIOFLUSH);
	tcflush(master, TCIFLUSH);
	if (write(master, in, strlen(in)) != (ssize_t)strlen(in)) {
		ok(0, "%s", name);
		return;
	}
	n = wait_in(slave, WAIT_MS) ? read(slave, buf, sizeof(buf) - 1) : -1;
	buf[n < 0 ? 0 : n] = 0;
	tap_streq(buf, line, "%s: the line read", name);
	if (echo) {
		int m = master_until_marker(got, sizeof(got));
		if (m > 0)
			got[m - 1] = 0; /* the marker */
		tap_streq(got, echo, "%s: the echo", name);
	}
}

static void test_canonical(void)
{
	char buf[64];

	canon_case("hello\n", "hello\n", "hello\r\n", "a line");
	canon_case("abx\177c\n", "abc\n", "abx\b \bc\r\n", "erase (ECHOE)");
	canon_case("junk\025ok\n", "ok\n", "junk\b \b\b \b\b \b\b \bok\r\n", "kill (ECHOKE)");
	canon_case("one two  \027x\n", "one x\n", "one two  \b \b\b \b\b \b\b \b\b \bx\r\n",
		   "werase");
	canon_case("a\026\003b\n", "a\003b\n", "a^\b^Cb\r\n", "lnext takes ^C literally");
	canon_case("a\tb\177\177c\n", "ac\n", "a\tb\b \b\b\b\b\b\b\bc\r\n", "erasing a tab");
	canon_case("x\001\177y\n", "xy\n", "x^A\b \b\b \by\r\n", "erasing a control character");
	canon_case("ab\rcd\n", "ab\n", NULL, "ICRNL: CR ends the line");

	/* Two lines arrive together; each read returns one. */
	tcflush(slave, TCIOFLUSH);
	ok(write(master, "l1\nl2\n", 6) == 6, "two lines written");
	ok(wait_in(slave, WAIT_MS) && read(slave, buf, sizeof(buf)) == 3 &&
		   memcmp(buf, "l1\n", 3) == 0,
	   "a read returns the first line only");
	ok(read(slave, buf, sizeof(buf)) == 3 && memcmp(buf, "l2\n", 3) == 0,
	   "the next read the second");

	/* A line longer than the read: the rest comes next. */
	ok(write(master, "abcdef\n", 7) == 7 && wait_in(slave, WAIT_MS) &&
		   read(slave, buf, 4) == 4 && memcmp(buf, "abcd", 4) == 0,
	   "a short read takes part of the line");
	ok(read(slave, buf, sizeof(buf)) == 3 && memcmp(buf, "ef\n", 3) == 0,
	   "the next read the rest of it");

	/* A line longer than the buffer: the writer is not blocked, the line ends cut. */
	{
		static char big[6000];
		ssize_t n, total = 0;
		int fl = fcntl(master, F_GETFL);
		set_lflag(slave, 0, ECHO);
		memset(big, 'b', sizeof(big));
		fcntl(master, F_SETFL, fl | O_NONBLOCK);
		n = write(master, big, sizeof(big));
		fcntl(master, F_SETFL, fl);
		ok(n == (ssize_t)sizeof(big), "an overlong line does not block its writer");
		ok(write(master, "\n", 1) == 1 && wait_in(slave, WAIT_MS),
		   "the newline still ends it");
		while (wait_in(slave, 200) && (n = read(slave, big, sizeof(big))) > 0) {
			total += n;
			if (big[n - 1] == '\n')
				break;
		}
		ok(total > 1000 && total <= 4096 && big[n - 1] == '\n',
		   "the line read is cut to the buffer and ends with its newline");
		set_lflag(slave, ECHO, 0);
	}

	/* ^D: the line so far without a newline; on an empty line, end-of-file. */
	ok(write(master, "abc\004", 4) == 4 && wait_in(slave, WAIT_MS) &&
		   read(slave, buf, sizeof(buf)) == 3 && memcmp(buf, "abc", 3) == 0,
	   "^D ends a line without a newline");
	ok(write(master, "\004", 1) == 1 && wait_in(slave, WAIT_MS) &&
		   read(slave, buf, sizeof(buf)) == 0,
	   "^D on an empty line: end-of-file (0)");
	tcflush(master, TCIFLUSH);
}

static void test_echo_modes(void)
{
	char got[128], buf[64];
	struct termios t;
	int n;

	tcflush(slave, TCIOFLUSH);
	tcflush(master, TCIFLUSH);
	ok(set_lflag(slave, 0, ECHO) == 0, "ECHO off");
	ok(write(master, "quiet\n", 6) == 6 && wait_in(slave, WAIT_MS) &&
		   read(slave, buf, sizeof(buf)) == 6,
	   "the line is read");
	n = master_until_marker(got, sizeof(got));
	tap_streq(got, n > 0 ? "@" : "", "without ECHO nothing comes back");
	ok(set_lflag(slave, ECHONL, 0) == 0, "ECHONL on");
	ok(write(master, "nl\n", 3) == 3 && wait_in(slave, WAIT_MS) &&
		   read(slave, buf, sizeof(buf)) == 3,
	   "the line is read");
	master_until_marker(got, sizeof(got));
	tap_streq(got, "\r\n@", "ECHONL echoes the newline alone");
	set_lflag(slave, ECHO, ECHONL);

	/* Output: ONLCR, and without OPOST bytes go as they are. */
	ok(write(slave, "x\ny", 3) == 3 && expect(master, "x\r\ny", got, sizeof(got)),
	   "ONLCR: \\n goes out as \\r\\n");
	tcgetattr(slave, &t);
	t.c_oflag &= ~OPOST;
	tcsetattr(slave, TCSANOW, &t);
	ok(write(slave, "x\ny", 3) == 3 && expect(master, "x\ny", got, sizeof(got)),
	   "without OPOST \\n goes out as it is");
	t.c_oflag |= OPOST;
	tcsetattr(slave, TCSANOW, &t);

	/* Input mapping. */
	tcgetattr(slave, &t);
	t.c_iflag = (t.c_iflag & ~ICRNL) | IGNCR;
	t.c_lflag &= ~ECHO;
	tcsetattr(slave, TCSANOW, &t);
	ok(write(master, "a\rb\n", 4) == 4 && wait_in(slave, WAIT_MS) &&
		   read(slave, buf, sizeof(buf)) == 3 && memcmp(buf, "ab\n", 3) == 0,
	   "IGNCR drops CR");
	t.c_iflag &= ~IGNCR;
	tcsetattr(slave, TCSANOW, &t);
	ok(write(master, "a\r\n", 3) == 3 && wait_in(slave, WAIT_MS) &&
		   read(slave, buf, sizeof(buf)) == 3 && memcmp(buf, "a\r\n", 3) == 0,
	   "without ICRNL CR stays CR");
	t.c_iflag |= INLCR;
	t.c_lflag &= ~ICANON;
	t.c_cc[VMIN] = 2;
	t.c_cc[VTIME] = 0;
	tcsetattr(slave, TCSANOW, &t);
	ok(write(master, "a\n", 2) == 2 && wait_in(slave, WAIT_MS) &&
		   read(slave, buf, sizeof(buf)) == 2 && memcmp(buf, "a\r", 2) == 0,
	   "INLCR makes NL CR");
	t.c_iflag = (t.c_iflag & ~INLCR) | ICRNL;
	t.c_lflag |= ICANON | ECHO;
	tcsetattr(slave, TCSANOW, &t);
}

/* ---- raw reads: VMIN and VTIME ------------------------------------------------------------ */

static int set_raw(int vmin, int vtime)
{
	struct termios t;
	tcgetattr(slave, &t);
	cfmakeraw(&t);
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	return tcsetattr(slave, TCSAFLUSH, &t);
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void test_raw(void)
{
	struct timespec t0;
	char buf[64];
	ssize_t n;
	int cnt = -1;

	ok(set_raw(0, 0) == 0, "raw, VMIN 0 VTIME 0");
	ok(read(slave, buf, sizeof(buf)) == 0, "0/0 with nothing: 0 at once");
	ok(write(master, "abc", 3) == 3 && wait_in(slave, WAIT_MS) &&
		   ioctl(slave, FIONREAD, &cnt) == 0 && cnt == 3,
	   "FIONREAD counts raw input");
	ok(read(slave, buf, sizeof(buf)) == 3 && memcmp(buf, "abc", 3) == 0,
	   "0/0 returns what there is");

	set_raw(1, 0);
	ok(write(master, "xy", 2) == 2 && read(slave, buf, sizeof(buf)) == 2,
	   "1/0 waits for a byte and returns all there is");
	ok(write(master, "\003\r", 2) == 2 && read(slave, buf, 1) == 1 && buf[0] == 3 &&
		   read(slave, buf, 1) == 1 && buf[0] == '\r',
	   "raw: ^C and CR are plain bytes");

	set_raw(0, 2);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	n = read(slave, buf, sizeof(buf));
	ok(n == 0 && ms_since(&t0) >= 150, "0/2 with nothing: 0 after the 0.2 s timer");
	ok(write(master, "q", 1) == 1 && read(slave, buf, sizeof(buf)) == 1,
	   "0/2 returns a byte as soon as it comes");

	set_raw(3, 1);
	ok(write(master, "ab", 2) == 2 && wait_in(slave, WAIT_MS), "two bytes written");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	n = read(slave, buf, sizeof(buf));
	ok(n == 2, "3/1: fewer than VMIN come back when the inter-byte timer runs out");
	ok(write(master, "abcd", 4) == 4 && read(slave, buf, sizeof(buf)) == 4,
	   "3/1: VMIN or more come back at once");
	set_raw(2, 0);
	ok(write(master, "abc", 3) == 3 && read(slave, buf, 2) == 2 && write(master, "d", 1) == 1 &&
		   read(slave, buf, 5) == 2 && memcmp(buf, "cd", 2) == 0,
	   "2/0: a read takes no more than asked, the rest stays");

	/* poll: in raw mode with VTIME 0 readable only once VMIN bytes are there. */
	set_raw(2, 0);
	ok(write(master, "a", 1) == 1 && !wait_in(slave, 200), "poll waits for VMIN bytes");
	ok(write(master, "b", 1) == 1 && wait_in(slave, WAIT_MS), "and says readable then");
	tcflush(slave, TCIFLUSH);
	ok(ioctl(slave, FIONREAD, &cnt) == 0 && cnt == 0, "TCFLSH TCIFLUSH empties the input");
	errno = 0;
	ok(tcflush(slave, 7) < 0 && errno == EINVAL, "TCFLSH with a bad queue: EINVAL");
	{
		int fl = fcntl(slave, F_GETFL);
		fcntl(slave, F_SETFL, fl | O_NONBLOCK);
		errno = 0;
		ok(read(slave, buf, 1) < 0 && errno == EAGAIN, "O_NONBLOCK with nothing: EAGAIN");
		fcntl(slave, F_SETFL, fl);
	}
	{
		struct termios t;
		tcgetattr(slave, &t);
		t.c_lflag |= ICANON | ECHO | ISIG | IEXTEN;
		t.c_iflag |= ICRNL;
		t.c_oflag |= OPOST;
		tcsetattr(slave, TCSANOW, &t);
	}
	ok(write(master, "abc", 3) == 3 && wait_in(master, WAIT_MS) && write(slave, "!", 1) == 1,
	   "a partial line is written");
	expect(master, "abc!", buf, sizeof(buf));
	tap_streq(buf, "abc!", "a partial line is echoed");
	ok(ioctl(slave, FIONREAD, &cnt) == 0 && cnt == 0,
	   "FIONREAD in canonical mode counts whole lines only");
	ok(write(master, "\n", 1) == 1 && wait_in(slave, WAIT_MS) &&
		   ioctl(slave, FIONREAD, &cnt) == 0 && cnt == 4,
	   "a finished line is counted");
	ok(write(slave, "12345", 5) == 5 && wait_in(master, WAIT_MS) &&
		   ioctl(master, FIONREAD, &cnt) == 0 && cnt >= 1,
	   "FIONREAD on the master");
	tcflush(slave, TCIFLUSH);
	tcflush(master, TCIFLUSH);
	ok(ioctl(slave, TIOCOUTQ, &cnt) == 0 && cnt == 0, "TIOCOUTQ");
	ok(tcflow(slave, TCOOFF) == 0, "TCXONC TCOOFF");
	{
		int fl = fcntl(slave, F_GETFL);
		fcntl(slave, F_SETFL, fl | O_NONBLOCK);
		errno = 0;
		ok(write(slave, "s", 1) < 0 && errno == EAGAIN, "stopped output: EAGAIN");
		fcntl(slave, F_SETFL, fl);
	}
	ok(tcflow(slave, TCOON) == 0 && write(slave, "s", 1) == 1 &&
		   expect(master, "s", buf, sizeof(buf)),
	   "TCOON lets it go again");
}

/* ---- children in sessions of their own ----------------------------------------------------- */

static int status_of(pid_t pid)
{
	int st = -1;
	return waitpid(pid, &st, 0) == pid ? st : -1;
}

/* The slave as the caller's controlling terminal: a new session, then open it. */
static int take_ctty(void)
{
	int fd;
	if (setsid() < 0)
		return -1;
	fd = open(slave_name, O_RDWR);
	return fd;
}

static int wait_byte(int fd)
{
	char c;
	return wait_in(fd, WAIT_MS) && read(fd, &c, 1) == 1 ? c : -1;
}

static void test_ctty(void)
{
	int p[2], st, fd;
	pid_t pid;
	char c, got[8];

	/* /dev/tty without a terminal; TIOCGPGRP from outside the session. */
	pid = fork();
	if (pid == 0) {
		setsid();
		errno = 0;
		_exit(open("/dev/tty", O_RDWR) < 0 && errno == ENXIO ? 0 : 1);
	}
	ok(status_of(pid) == 0, "/dev/tty without a controlling terminal: ENXIO");
	errno = 0;
	ok(tcgetpgrp(slave) < 0 && errno == ENOTTY, "TIOCGPGRP on a terminal not ours: ENOTTY");
	errno = 0;
	ok(tcgetsid(slave) < 0 && errno == ENOTTY, "TIOCGSID on a terminal not ours: ENOTTY");

	if (pipe(p))
		return;
	pid = fork();
	if (pid == 0) {
		int e = 0, t;
		fd = take_ctty();
		if (fd < 0)
			_exit(10);
		if (tcgetpgrp(fd) != getpid())
			e |= 1;
		if (tcgetsid(fd) != getpid())
			e |= 2;
		t = open("/dev/tty", O_RDWR);
		if (t < 0 || write(t, "T", 1) != 1)
			e |= 4;
		if (ioctl(fd, TIOCSCTTY, 0) != 0) /* already ours */
			e |= 8;
		errno = 0;
		if (tcsetpgrp(fd, 1 << 22) == 0 || errno != ESRCH)
			e |= 16;
		c = 'r';
		if (write(p[1], &c, 1) != 1)
			e |= 32;
		signal(SIGHUP,
		       SIG_IGN); /* TIOCNOTTY by the leader hangs up its foreground: itself */
		if (ioctl(fd, TIOCNOTTY) != 0)
			e |= 64;
		errno = 0;
		if (tcgetpgrp(fd) >= 0 || errno != ENOTTY)
			e |= 128;
		_exit(e);
	}
	close(p[1]);
	ok(wait_byte(p[0]) == 'r', "a session leader opens the slave");
	ok(expect(master, "T", got, sizeof(got)), "/dev/tty is its terminal");
	st = status_of(pid);
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		printf("# ctty child status 0x%x\n", st);
	ok(WIFEXITED(st) && (WEXITSTATUS(st) & 3) == 0,
	   "it becomes the controlling terminal: TIOCGPGRP and TIOCGSID are the leader's");
	ok(WIFEXITED(st) && (WEXITSTATUS(st) & 12) == 0,
	   "/dev/tty opens; TIOCSCTTY of one's own is 0");
	ok(WIFEXITED(st) && (WEXITSTATUS(st) & 16) == 0, "TIOCSPGRP to no such group: ESRCH");
	ok(WIFEXITED(st) && (WEXITSTATUS(st) & 192) == 0, "TIOCNOTTY gives the terminal up");
	close(p[0]);
	tcflush(master, TCIFLUSH);

	/* TIOCSCTTY on a terminal opened with O_NOCTTY. */
	pid = fork();
	if (pid == 0) {
		int fd2;
		setsid();
		fd2 = open(slave_name, O_RDWR | O_NOCTTY);
		errno = 0;
		if (tcgetsid(fd2) >= 0 || errno != ENOTTY)
			_exit(1);
		if (ioctl(fd2, TIOCSCTTY, 0) != 0)
			_exit(2);
		_exit(tcgetsid(fd2) == getpid() ? 0 : 3);
	}
	st = status_of(pid);
	if (st)
		printf("# TIOCSCTTY child status 0x%x\n", st);
	ok(st == 0, "TIOCSCTTY makes an O_NOCTTY terminal the controlling one");
	pid = fork();
	if (pid == 0) {
		errno = 0;
		_exit(ioctl(slave, TIOCSCTTY, 0) < 0 && errno == EPERM ? 0 : 1);
	}
	ok(status_of(pid) == 0, "TIOCSCTTY by a process that leads no session: EPERM");
}

/*
 * A shell's shape: the child leads a session on the slave and runs a job (grandchild) in a
 * group of its own; what happens to the job comes back as the child's exit status.
 */
enum {
	JOB_FG_INTR,
	JOB_FG_SUSP,
	JOB_BG_READ,
	JOB_BG_READ_IGN,
	JOB_BG_WRITE,
	JOB_BG_TOSTOP,
	JOB_BG_TCSETATTR,
	JOB_ORPHAN_READ,
	JOB_WINCH,
	JOB_FG_INTR_SAY
};

static int say_fd = -1;

/* The foreground job's SIGINT handler speaks on the terminal: after the ^C echo, always. */
static void say_and_exit(int sig)
{
	(void)sig;
	_exit(write(say_fd, "!", 1) == 1 ? 0 : 88);
}

static int job(int kind, int sync)
{
	int fd = take_ctty(), st, s[2], q[2];
	pid_t j;
	struct termios t;
	char c = 'g';

	if (fd < 0 || pipe(s) || pipe(q))
		return 100;
	if (kind == JOB_BG_TOSTOP || kind == JOB_BG_TCSETATTR) {
		tcgetattr(fd, &t);
		t.c_lflag |= TOSTOP;
		tcsetattr(fd, TCSANOW, &t);
	}
	j = fork();
	if (j == 0) {
		sigset_t set;
		setpgid(0, 0);
		if (read(s[0], &c, 1) != 1) /* the leader has set the foreground */
			_exit(90);
		switch (kind) {
		case JOB_FG_INTR_SAY:
			say_fd = fd;
			signal(SIGINT, say_and_exit);
			/* fall through */
		case JOB_FG_INTR:
		case JOB_FG_SUSP:
			if (write(sync, "j", 1) != 1)
				_exit(91);
			read(fd, &c, 1);
			_exit(92);
		case JOB_BG_READ:
			read(fd, &c, 1);
			_exit(93);
		case JOB_BG_READ_IGN:
			signal(SIGTTIN, SIG_IGN);
			errno = 0;
			_exit(read(fd, &c, 1) < 0 && errno == EIO ? 0 : 94);
		case JOB_BG_WRITE:
			_exit(write(fd, "w", 1) == 1 ? 0 : 95);
		case JOB_BG_TOSTOP:
			write(fd, "w", 1);
			_exit(96);
		case JOB_BG_TCSETATTR:
			tcgetattr(fd, &t);
			tcsetattr(fd, TCSANOW, &t);
			_exit(97);
		case JOB_WINCH:
			sigemptyset(&set);
			sigaddset(&set, SIGWINCH);
			sigprocmask(SIG_BLOCK, &set, 0);
			if (write(sync, "j", 1) != 1)
				_exit(91);
			{
				struct timespec ts = { 5, 0 };
				_exit(sigtimedwait(&set, 0, &ts) == SIGWINCH ? 0 : 98);
			}
		case JOB_ORPHAN_READ: {
			/* Its own group, whose only tie to the session is this process's parent:
			 * once the parent is gone the group is orphaned. */
			pid_t parent = getpid(), o = fork();
			if (o == 0) {
				int waited = 0;
				while (getppid() == parent && waited++ < 5000)
					usleep(1000); /* bounded: the answer is not decided by it */
				errno = 0;
				c = read(fd, &c, 1) < 0 && errno == EIO ? 'E' : 'x';
				write(q[1], &c, 1);
				_exit(0);
			}
			_exit(o > 0 ? 0 : 99);
		}
		}
		_exit(89);
	}
	setpgid(j, j);
	if (kind == JOB_FG_INTR || kind == JOB_FG_SUSP || kind == JOB_WINCH ||
	    kind == JOB_FG_INTR_SAY)
		tcsetpgrp(fd, j);
	write(s[1], &c, 1);
	if (waitpid(j, &st, WUNTRACED) != j)
		return 101;
	if (kind == JOB_ORPHAN_READ) {
		/* The leader stays: its session keeps the terminal while the orphan reads. */
		if (read(q[0], &c, 1) != 1 || write(sync, &c, 1) != 1)
			return 102;
		return 0;
	}
	if (WIFSTOPPED(st)) {
		kill(j, SIGKILL);
		waitpid(j, 0, 0);
		return WSTOPSIG(st);
	}
	if (WIFSIGNALED(st))
		return 64 + WTERMSIG(st);
	return WEXITSTATUS(st) ? 120 : 0;
}

static int run_job(int kind, const char *input)
{
	int p[2], st;
	pid_t pid;
	char got[64];

	tcflush(master, TCIFLUSH);
	if (pipe(p))
		return -1;
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		_exit(job(kind, p[1]));
	}
	close(p[1]);
	if (input) {
		if (wait_byte(p[0]) != 'j' || write(master, input, strlen(input)) < 0)
			kill(pid, SIGKILL);
	}
	if (kind == JOB_WINCH) {
		struct winsize ws = { 24, 80, 0, 0 };
		if (wait_byte(p[0]) != 'j' || ioctl(master, TIOCSWINSZ, &ws))
			kill(pid, SIGKILL);
	}
	if (kind == JOB_ORPHAN_READ) {
		int c = wait_byte(p[0]);
		st = status_of(pid);
		if (c != 'E')
			printf("# orphan: got %d, leader status 0x%x\n", c, st);
		close(p[0]);
		return c == 'E' ? 0 : 1;
	}
	st = status_of(pid);
	close(p[0]);
	(void)got;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_job_control(void)
{
	char got[64];
	struct winsize ws;

	ok(run_job(JOB_FG_INTR, "\003") == 64 + SIGINT, "^C: SIGINT to the foreground group");
	ok(expect(master, "^C", got, sizeof(got)), "^C echoes as ^C");
	ok(run_job(JOB_FG_INTR_SAY, "\003") == 0 && expect(master, "^C!", got, sizeof(got)),
	   "the ^C echo comes before what the signal's handler writes");
	ok(run_job(JOB_FG_INTR, "\034") == 64 + SIGQUIT, "^\\: SIGQUIT to the foreground group");
	ok(run_job(JOB_FG_SUSP, "\032") == SIGTSTP, "^Z stops the foreground group (SIGTSTP)");
	ok(run_job(JOB_BG_READ, NULL) == SIGTTIN, "a background read: SIGTTIN stops it");
	ok(run_job(JOB_BG_READ_IGN, NULL) == 0, "a background read ignoring SIGTTIN: EIO");
	ok(run_job(JOB_BG_WRITE, NULL) == 0, "a background write without TOSTOP goes");
	ok(run_job(JOB_BG_TOSTOP, NULL) == SIGTTOU, "a background write with TOSTOP: SIGTTOU");
	ok(run_job(JOB_BG_TCSETATTR, NULL) == SIGTTOU, "tcsetattr from the background: SIGTTOU");
	ok(run_job(JOB_ORPHAN_READ, NULL) == 0, "a read from an orphaned background group: EIO");
	ok(run_job(JOB_WINCH, NULL) == 0, "TIOCSWINSZ: SIGWINCH to the foreground group");
	ok(ioctl(slave, TIOCGWINSZ, &ws) == 0 && ws.ws_row == 24 && ws.ws_col == 80,
	   "TIOCGWINSZ reads the new size");
	tcflush(master, TCIFLUSH);
}

/* ---- hang-up ----------------------------------------------------------------------------- */

static void test_hangup(void)
{
	char buf[8];
	int p[2], st;
	pid_t pid;

	/* The slave's side closes: the master reads what is left, then EIO, and polls HUP. */
	ok(open_pair() == 0, "a new pair");
	ok(write(slave, "z", 1) == 1 && close(slave) == 0, "the slave writes and closes");
	slave = -1;
	ok(wait_in(master, WAIT_MS) && read(master, buf, sizeof(buf)) == 1 && buf[0] == 'z',
	   "the master reads what the slave wrote");
	{
		struct pollfd pf = { .fd = master, .events = POLLIN };
		ok(poll(&pf, 1, WAIT_MS) == 1 && (pf.revents & POLLHUP), "then polls POLLHUP");
	}
	errno = 0;
	ok(read(master, buf, 1) < 0 && errno == EIO, "and reads EIO");
	close_pair();

	/* The master closes: the session leader hears SIGHUP; the slave reads 0, writes EIO. */
	ok(open_pair() == 0, "a new pair");
	if (pipe(p))
		return;
	pid = fork();
	if (pid == 0) {
		int fd;
		char c = 'r';
		close(master);
		fd = take_ctty();
		if (fd < 0 || write(p[1], &c, 1) != 1)
			_exit(1);
		read(fd, &c, 1);
		_exit(2);
	}
	close(p[1]);
	ok(wait_byte(p[0]) == 'r', "a session leader reads the slave");
	close(p[0]);
	close(master);
	master = -1;
	st = status_of(pid);
	ok(WIFSIGNALED(st) && WTERMSIG(st) == SIGHUP, "closing the master: SIGHUP to it");
	ok(read(slave, buf, 1) == 0, "the slave reads end-of-file");
	errno = 0;
	ok(write(slave, "x", 1) < 0 && errno == EIO, "and writes EIO");
	{
		struct pollfd pf = { .fd = slave, .events = POLLIN | POLLOUT };
		ok(poll(&pf, 1, 0) == 1 && (pf.revents & POLLHUP), "and polls POLLHUP");
	}
	errno = 0;
	ok(open(slave_name, O_RDWR | O_NOCTTY) < 0, "its /dev/pts node is gone");
	close_pair();
}

int main(void)
{
	tap_plan(128);
	test_pty_calls();
	test_not_a_tty();
	if (open_pair()) {
		printf("Bail out! no pseudo-terminal\n");
		return 1;
	}
	test_defaults();
	test_canonical();
	test_echo_modes();
	test_raw();
	test_ctty();
	test_job_control();
	close_pair();
	test_hangup();
	return tap_done();
}
