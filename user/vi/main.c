// SPDX-License-Identifier: GPL-2.0
/*
 * vi: start-up, the terminal (raw mode, its size, putting it back on every way out) and
 * the key reader, which turns escape sequences into K_* keys and replays the keys of the
 * last change for ".".
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "vi.h"

struct editor ed;

static struct termios saved_tio;
static volatile sig_atomic_t raw_on;
static volatile sig_atomic_t winch;

/* Keys read but not yet taken (a read brings several), and keys pushed back for ".". */
static unsigned char inbuf[256];
static int in_head, in_tail;
static char *pending;
static size_t npending, pending_off;

void term_write(const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(1, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= w;
	}
}

/* Only async-signal-safe calls: the fatal signals' handler comes here too. */
void term_restore(void)
{
	static const char leave[] = "\033[?1049l";
	struct winsize ws;
	char at[32];
	int n = 0, rows = ed.rows;

	if (!raw_on)
		return;
	raw_on = 0;
	/* the last row, cleared, for a terminal without the alternate screen */
	if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_row)
		rows = ws.ws_row;
	at[n++] = '\033';
	at[n++] = '[';
	if (rows >= 100)
		at[n++] = (char)('0' + rows / 100 % 10);
	if (rows >= 10)
		at[n++] = (char)('0' + rows / 10 % 10);
	at[n++] = (char)('0' + rows % 10);
	memcpy(at + n, ";1H\033[K", 6);
	n += 6;
	term_write(at, n);
	term_write(leave, sizeof(leave) - 1);
	tcsetattr(0, TCSAFLUSH, &saved_tio);
}

void term_raw(void)
{
	static const char enter[] = "\033[?1049h";
	struct termios t = saved_tio;

	t.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	t.c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t.c_cflag |= CS8;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	tcsetattr(0, TCSAFLUSH, &t);
	raw_on = 1;
	term_write(enter, sizeof(enter) - 1);
}

/* POSIX's LINES and COLUMNS first, then the terminal's size, else 24x80 (a serial line). */
void term_size(void)
{
	struct winsize ws = { 0 };
	const char *l = getenv("LINES"), *c = getenv("COLUMNS");

	ioctl(1, TIOCGWINSZ, &ws);
	ed.rows = l && atoi(l) > 0 ? atoi(l) : ws.ws_row ? ws.ws_row : 24;
	ed.cols = c && atoi(c) > 0 ? atoi(c) : ws.ws_col ? ws.ws_col : 80;
	if (ed.rows < 2)
		ed.rows = 2;
	if (ed.cols < 10)
		ed.cols = 10;
}

static void on_winch(int sig)
{
	winch = 1;
}

static void on_fatal(int sig)
{
	term_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void fatal_hook(void)
{
	term_restore();
}

/* Bytes an escape sequence looked at and gave back, newest last. */
static int pushed[4], npushed;

static int next_byte(int wait_ms)
{
	ssize_t n;

	if (npushed)
		return pushed[--npushed];
	if (in_head < in_tail)
		return inbuf[in_head++];
	if (wait_ms >= 0) {
		struct pollfd p = { .fd = 0, .events = POLLIN };

		if (poll(&p, 1, wait_ms) <= 0)
			return -1;
	}
	n = read(0, inbuf, sizeof(inbuf));
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return -1;
	if (n <= 0) /* end of input, or EIO: the terminal is gone */
		return -2;
	in_head = 1;
	in_tail = (int)n;
	return inbuf[0];
}

static void unread_byte(int c)
{
	if (npushed < 4)
		pushed[npushed++] = c;
}

/* ESC [ ... and ESC O x that arrive together are keys; a lone ESC is Escape. */
static int escape_sequence(void)
{
	static const char final[] = "ABCDHF";
	static const int keys[] = { K_UP, K_DOWN, K_RIGHT, K_LEFT, K_HOME, K_END };
	int c = next_byte(25), num = 0;
	const char *f;

	if (c < 0)
		return ESC;
	if (c == 'O') {
		int d = next_byte(25);

		if (d >= 0 && d && (f = strchr(final, d)))
			return keys[f - final];
		if (d >= 0)
			unread_byte(d);
		unread_byte(c);
		return ESC;
	}
	if (c != '[') {
		unread_byte(c);
		return ESC;
	}
	for (;;) {
		c = next_byte(25);
		if (c < 0)
			return ESC;
		if (c >= '0' && c <= '9')
			num = num * 10 + c - '0';
		else if (c >= 0x40 && c <= 0x7e)
			break;
	}
	if (c != '~')
		return (f = strchr(final, c)) ? keys[f - final] : K_WINCH;
	switch (num) {
	case 1:
	case 7:
		return K_HOME;
	case 4:
	case 8:
		return K_END;
	case 3:
		return K_DEL;
	case 5:
		return K_PGUP;
	case 6:
		return K_PGDN;
	}
	return K_WINCH; /* an unknown key: a redraw is harmless */
}

/* Queues keys to be read before the terminal's (the "." command's replay). */
void push_keys(const char *s, size_t n)
{
	free(pending);
	pending = xstrndup(s, n);
	npending = n;
	pending_off = 0;
}

int rec_on;
char rec_buf[512];
int rec_len;

static int record_key(int c)
{
	if (rec_on && c < 0x100 && rec_len < (int)sizeof(rec_buf))
		rec_buf[rec_len++] = (char)c;
	return c;
}

int getkey(void)
{
	int c;

	if (pending_off < npending)
		return record_key((unsigned char)pending[pending_off++]);
	for (;;) {
		if (winch) {
			winch = 0;
			term_size();
			return K_WINCH;
		}
		c = next_byte(-1);
		if (c == -2) { /* no more input: keep the text, as vi does */
			term_restore();
			if (ed.buf.modified) {
				long bytes;

				buf_save(&ed.buf, "vi.recover", &bytes);
			}
			_exit(1);
		}
		if (c < 0)
			continue;
		if (c == ESC)
			c = escape_sequence();
		return record_key(c);
	}
}

void msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ed.msg, sizeof(ed.msg), fmt, ap);
	va_end(ap);
	ed.msg_error = 0;
}

void emsg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ed.msg, sizeof(ed.msg), fmt, ap);
	va_end(ap);
	ed.msg_error = 1;
}

static void usage(FILE *f)
{
	fputs("usage: vi [+COMMAND] [FILE]\n"
	      "Edit FILE (a new file if it does not exist) on this terminal.\n"
	      "  +COMMAND   run the ex command first (+10: line 10; +: the last line;\n"
	      "             +/PATTERN: the first match)\n"
	      "  --help     print this help\n"
	      "Commands are listed in docs/vi.md.\n",
	      f);
}

int main(int argc, char **argv)
{
	static const int fatal[] = { SIGHUP, SIGTERM, SIGQUIT, SIGSEGV,
				     SIGBUS, SIGFPE,  SIGILL,  SIGABRT };
	const char *file = NULL, *cmd = NULL;
	struct sigaction sa;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (argv[i][0] == '+') {
			cmd = argv[i][1] ? argv[i] + 1 : "$";
		} else if (!strcmp(argv[i], "--")) {
			if (i + 1 < argc)
				file = argv[i + 1];
			break;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "vi: %s: unknown option\n", argv[i]);
			usage(stderr);
			return 2;
		} else if (!file) {
			file = argv[i];
		}
	}
	if (tcgetattr(0, &saved_tio) < 0) {
		fprintf(stderr, "vi: standard input: %s\n", strerror(errno));
		return 1;
	}
	if (!isatty(1)) {
		fprintf(stderr, "vi: standard output: %s\n", strerror(ENOTTY));
		return 1;
	}
	vi_fatal_hook = fatal_hook;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_winch; /* no SA_RESTART: the read returns to redraw */
	sigaction(SIGWINCH, &sa, NULL);
	sa.sa_handler = on_fatal;
	for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		sigaction(fatal[i], &sa, NULL);
	signal(SIGINT, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	term_size();
	buf_init(&ed.buf);
	term_raw();
	if (file)
		ex_edit(file);
	else
		msg("[No Name]");
	if (cmd)
		ex_command(cmd);
	while (!ed.quit) {
		screen_draw();
		normal_command();
	}
	term_restore();
	buf_free(&ed.buf);
	return 0;
}
