// SPDX-License-Identifier: GPL-2.0
/*
 * ptyrelay: runs a program on a pseudo-terminal of its own and relays bytes between it and
 * this program's terminal, as script(1) does without the typescript. The point is a test's:
 * scripts/shpty.py drives our shell on one of Mica's /dev/pts/N from the host, through the
 * serial console, so the same keys go through our pty and n_tty as through Linux's.
 *
 * Its terminal is put in raw mode (and given back at the end), so every key reaches the
 * program's line discipline untouched. One sequence nobody types as keys is taken out of
 * the input: ESC ] W COLS ; ROWS BEL sets the pty's size (TIOCSWINSZ on the master, which
 * makes the kernel send SIGWINCH to the pty's foreground group). When the program has
 * exited and what it wrote has been read, "ptyrelay: status N" (its wait status) is printed
 * on a line of its own, so a test on the far side of a serial line sees how it ended.
 */
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
#include <unistd.h>

#define BUFSZ 4096
/*
 * A lone ESC is passed on after this long without another byte (the Escape key). Once
 * ESC ] has come the rest of the sequence is waited for: a loaded machine may be slow.
 */
#define HOLD_MS 100

static int sigpipe_fds[2] = { -1, -1 };
static volatile sig_atomic_t got_term;
/* The terminal's modes before raw mode, given back on every way out of the relay. */
static struct termios saved;
static int restore_tty;

static void usage(FILE *f)
{
	fprintf(f,
		"usage: ptyrelay [-e] PROG [ARGS...]\n"
		"Runs PROG on a new pseudo-terminal (its controlling terminal, in a new session)\n"
		"and relays bytes between it and this terminal, which is in raw mode meanwhile.\n"
		"In the input, ESC ] W COLS ; ROWS BEL sets the pseudo-terminal's size.\n"
		"At the end it prints \"ptyrelay: status N\", PROG's wait status.\n"
		"  -e  exit with PROG's status (128+N if signal N ended it); else 0\n");
}

static void die(const char *what)
{
	int err = errno;

	if (restore_tty)
		tcsetattr(0, TCSADRAIN, &saved);
	fprintf(stderr, "ptyrelay: %s: %s\n", what, strerror(err));
	exit(1);
}

static void on_signal(int sig)
{
	int saved = errno;
	char c = (char)sig;

	if (sig != SIGCHLD)
		got_term = sig;
	if (write(sigpipe_fds[1], &c, 1) < 0) {
		/* full: a wake-up is pending already */
	}
	errno = saved;
}

/*
 * The window-size sequence, recognised a byte at a time across reads. Bytes that start
 * like it but turn out not to be it are given back to the input unchanged.
 */
struct esc_parser {
	unsigned char held[32];
	size_t nheld;
	int state; /* 0 none, 1 ESC, 2 ESC ], 3 in COLS, 4 in ROWS */
	unsigned int cols, rows;
};

/* Feeds one byte; returns 1 when a whole sequence has been read (cols, rows are set). */
static int esc_feed(struct esc_parser *p, unsigned char c, unsigned char *out, size_t *nout)
{
	int next = -1;

	switch (p->state) {
	case 0:
		if (c == 0x1b)
			next = 1;
		break;
	case 1:
		if (c == ']')
			next = 2;
		break;
	case 2:
		if (c == 'W') {
			p->cols = p->rows = 0;
			next = 3;
		}
		break;
	case 3:
		if (c >= '0' && c <= '9' && p->cols < 10000) {
			p->cols = p->cols * 10 + (c - '0');
			next = 3;
		} else if (c == ';') {
			next = 4;
		}
		break;
	case 4:
		if (c >= '0' && c <= '9' && p->rows < 10000) {
			p->rows = p->rows * 10 + (c - '0');
			next = 4;
		} else if (c == 0x07) {
			p->state = 0;
			p->nheld = 0;
			return 1;
		}
		break;
	}
	if (next >= 0 && p->nheld < sizeof(p->held)) {
		p->held[p->nheld++] = c;
		p->state = next;
		return 0;
	}
	/* Not the sequence: what was held goes on, then this byte (which may start one). */
	memcpy(out + *nout, p->held, p->nheld);
	*nout += p->nheld;
	p->nheld = 0;
	p->state = 0;
	if (c == 0x1b) {
		p->held[p->nheld++] = c;
		p->state = 1;
	} else {
		out[(*nout)++] = c;
	}
	return 0;
}

static void esc_flush(struct esc_parser *p, unsigned char *out, size_t *nout)
{
	memcpy(out + *nout, p->held, p->nheld);
	*nout += p->nheld;
	p->nheld = 0;
	p->state = 0;
}

static void set_size(int master, unsigned int cols, unsigned int rows)
{
	struct winsize ws = { .ws_row = rows, .ws_col = cols };

	if (ioctl(master, TIOCSWINSZ, &ws) < 0)
		fprintf(stderr, "ptyrelay: TIOCSWINSZ: %s\r\n", strerror(errno));
}

static void write_all(int fd, const unsigned char *buf, size_t n)
{
	while (n) {
		ssize_t w = write(fd, buf, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return; /* the terminal went away: nothing left to tell it */
		}
		buf += w;
		n -= (size_t)w;
	}
}

static void child(int master, const char *slave_name, char **argv)
{
	int slave;

	close(master);
	if (setsid() < 0)
		die("setsid");
	slave = open(slave_name, O_RDWR);
	if (slave < 0)
		die(slave_name);
	/* Opening it as a session leader may have made it ours already; Linux says 0 then. */
	if (ioctl(slave, TIOCSCTTY, 0) < 0)
		die("TIOCSCTTY");
	if (dup2(slave, 0) < 0 || dup2(slave, 1) < 0 || dup2(slave, 2) < 0)
		die("dup2");
	if (slave > 2)
		close(slave);
	execvp(argv[0], argv);
	fprintf(stderr, "ptyrelay: %s: %s\n", argv[0], strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

int main(int argc, char **argv)
{
	static unsigned char in[BUFSZ], pend[2 * BUFSZ], out[BUFSZ];
	struct esc_parser esc = { .state = 0 };
	struct termios raw;
	struct winsize ws;
	struct sigaction sa;
	char slave_name[64];
	int return_status = 0, opt, master, have_tty, status = 0, reaped = 0, in_open = 1;
	size_t npend = 0;
	pid_t pid;

	if (argc > 1 && !strcmp(argv[1], "--help")) {
		usage(stdout);
		return 0;
	}
	while ((opt = getopt(argc, argv, "+e")) != -1) {
		if (opt != 'e') {
			usage(stderr);
			return 2;
		}
		return_status = 1;
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}

	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0)
		die("/dev/ptmx");
	if (grantpt(master) < 0)
		die("grantpt");
	if (unlockpt(master) < 0)
		die("unlockpt");
	errno = ptsname_r(master, slave_name, sizeof(slave_name));
	if (errno)
		die("ptsname");
	/* The pty starts as big as this terminal (or 80x24 where it has no size). */
	if (ioctl(0, TIOCGWINSZ, &ws) < 0 || !ws.ws_col || !ws.ws_row)
		ws = (struct winsize){ .ws_row = 24, .ws_col = 80 };
	if (ioctl(master, TIOCSWINSZ, &ws) < 0)
		die("TIOCSWINSZ");

	if (pipe2(sigpipe_fds, O_NONBLOCK | O_CLOEXEC) < 0)
		die("pipe2");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	have_tty = tcgetattr(0, &saved) == 0;
	if (have_tty) {
		restore_tty = 1;
		raw = saved;
		cfmakeraw(&raw);
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		/* TCSANOW: keys typed ahead (the first ones of a test) are the program's */
		if (tcsetattr(0, TCSANOW, &raw) < 0)
			die("tcsetattr");
	}

	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		restore_tty = 0; /* the relay's to do, not the program's */
		close(sigpipe_fds[0]);
		close(sigpipe_fds[1]);
		child(master, slave_name, argv + optind);
	}
	if (fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK) < 0)
		die("fcntl");

	/*
	 * Until the program has been reaped, then until the master has nothing more to read
	 * (EIO once every slave file is closed; a job left in the background may keep one
	 * open, so a quiet moment ends it too).
	 */
	for (;;) {
		struct pollfd pfd[3];
		int timeout = -1, n;

		pfd[0] = (struct pollfd){ .fd = master, .events = POLLIN };
		if (npend)
			pfd[0].events |= POLLOUT;
		/* once the program is gone, the keys that follow are not its */
		pfd[1] = (struct pollfd){ .fd = in_open && !reaped && npend < BUFSZ ? 0 : -1,
					  .events = POLLIN };
		pfd[2] = (struct pollfd){ .fd = sigpipe_fds[0], .events = POLLIN };
		if (esc.state == 1)
			timeout = HOLD_MS;
		if (reaped)
			timeout = 200;
		n = poll(pfd, 3, timeout);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("poll");
		}
		if (got_term)
			break;
		if (pfd[2].revents & POLLIN) {
			char c;

			while (read(sigpipe_fds[0], &c, 1) == 1) {
			}
		}
		if (!reaped && waitpid(pid, &status, WNOHANG) == pid)
			reaped = 1;
		if (n == 0 && esc.state == 1) {
			esc_flush(&esc, pend, &npend);
		} else if (n == 0 && reaped) {
			break;
		}
		if (pfd[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			ssize_t r = read(master, out, sizeof(out));

			if (r > 0) {
				write_all(1, out, (size_t)r);
			} else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
				/* every slave file is closed: wait for the program itself */
				if (!reaped && waitpid(pid, &status, 0) == pid)
					reaped = 1;
				break;
			}
		}
		if (pfd[1].fd >= 0 && (pfd[1].revents & (POLLIN | POLLHUP | POLLERR))) {
			ssize_t r = read(0, in, BUFSZ - npend);

			if (r <= 0) {
				if (r == 0 || errno != EINTR)
					in_open = 0;
			} else {
				for (ssize_t i = 0; i < r; i++) {
					if (esc_feed(&esc, in[i], pend, &npend))
						set_size(master, esc.cols, esc.rows);
				}
			}
		}
		if (npend) {
			ssize_t w = write(master, pend, npend);

			if (w > 0) {
				memmove(pend, pend + w, npend - (size_t)w);
				npend -= (size_t)w;
			} else if (w < 0 && errno != EAGAIN && errno != EINTR) {
				npend = 0; /* the slave is gone: its input with it */
			}
		}
	}

	if (!got_term) {
		printf("\r\nptyrelay: status %d\r\n", status);
		fflush(stdout);
	}
	/* TCSADRAIN: what is typed ahead now is for whoever reads the terminal next */
	if (have_tty)
		tcsetattr(0, TCSADRAIN, &saved);
	if (got_term) {
		kill(pid, SIGHUP);
		signal(got_term, SIG_DFL);
		raise(got_term);
		return 1;
	}
	if (!return_status)
		return 0;
	return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}
