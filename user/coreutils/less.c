// SPDX-License-Identifier: GPL-2.0
/*
 * less (and more, more.c): a pager. It reads the files (or standard input) whole and shows
 * a screenful at a time on the terminal, with a status line at the bottom; it scrolls both
 * ways (space f PgDn ^F / b PgUp ^B a screen, j k Enter arrows a line, d u half a screen,
 * g G < > the ends), searches forwards with / and backwards with ? (POSIX extended regular
 * expressions, our <regex.h>), n and N repeat the search, and q quits. Keys come from
 * /dev/tty, so the text may come down a pipe. When standard output is not a terminal it
 * just copies its input, as both programs do. Run as "more" (by that name, or through
 * more.c) it leaves the text on the screen and ends once the end has been shown.
 *
 * Long lines are cut at the screen's width (less -S), not folded.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "libcu.h"
#include "libtty.h"

static char **lines;
static size_t nlines, top;
static int rows = 24, cols = 80, tty_fd = -1, more_mode, raw_set;
static struct termios saved;
static const char *name = "";
static char msg[256]; /* shown once in the status line, then forgotten */
static regex_t search_re;
static int have_re, last_dir = 1;
static volatile sig_atomic_t resized;

/* ---- the text ----------------------------------------------------------------------- */

static void add_line(const char *s, size_t n)
{
	static size_t cap;
	char *l;

	if (nlines == cap) {
		char **nl = realloc(lines, (cap = cap ? cap * 2 : 1024) * sizeof(*lines));

		if (!nl)
			cu_die(2, "out of memory");
		lines = nl;
	}
	l = malloc(n + 1);
	if (!l)
		cu_die(2, "out of memory");
	memcpy(l, s, n);
	l[n] = '\0';
	lines[nlines++] = l;
}

static int load(int fd)
{
	char *buf = NULL;
	size_t len = 0, cap = 0, start = 0;
	ssize_t n;

	for (;;) {
		if (cap - len < 65536) {
			char *nb = realloc(buf, cap = cap ? cap * 2 : 131072);

			if (!nb)
				cu_die(2, "out of memory");
			buf = nb;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			free(buf);
			return -1;
		}
		if (!n)
			break;
		len += n;
	}
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\n') {
			add_line(buf + start, i - start);
			start = i + 1;
		}
	}
	if (start < len)
		add_line(buf + start, len - start);
	free(buf);
	return 0;
}

/* ---- the terminal ------------------------------------------------------------------- */

static void restore_tty(void)
{
	if (raw_set) {
		tcsetattr(tty_fd, TCSAFLUSH, &saved);
		raw_set = 0;
	}
}

static void on_signal(int sig)
{
	static const char bye[] = "\r\033[K";

	restore_tty();
	if (write(STDOUT_FILENO, bye, sizeof(bye) - 1) < 0) {
		/* nothing more to do on the way out */
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void on_winch(int sig)
{
	(void)sig;
	resized = 1;
}

static void get_size(void)
{
	struct winsize ws;

	if (!ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) && ws.ws_row > 1 && ws.ws_col > 1) {
		rows = ws.ws_row;
		cols = ws.ws_col;
	}
}

/* The next key: a byte, or one of these for an escape sequence (-1 at the end of input). */
enum {
	K_UP = 256,
	K_DOWN,
	K_PGUP,
	K_PGDN,
	K_HOME,
	K_END,
	K_ESC
};

static int getbyte(int timeout_ms)
{
	struct pollfd p = { .fd = tty_fd, .events = POLLIN };
	unsigned char c;
	ssize_t n;

	if (timeout_ms >= 0 && poll(&p, 1, timeout_ms) <= 0)
		return -2;
	do
		n = read(tty_fd, &c, 1);
	while (n < 0 && errno == EINTR && !resized);
	if (n < 0 && errno == EINTR)
		return -3;
	return n == 1 ? c : -1;
}

static int getkey(void)
{
	int c = getbyte(-1), c2, c3;

	if (c != 27)
		return c;
	c2 = getbyte(100);
	if (c2 != '[' && c2 != 'O')
		return c2 == 'v' ? K_PGUP : K_ESC;
	c3 = getbyte(100);
	switch (c3) {
	case 'A':
		return K_UP;
	case 'B':
		return K_DOWN;
	case 'H':
		return K_HOME;
	case 'F':
		return K_END;
	case '1':
	case '7':
		return getbyte(100) == '~' ? K_HOME : K_ESC;
	case '4':
	case '8':
		return getbyte(100) == '~' ? K_END : K_ESC;
	case '5':
		return getbyte(100) == '~' ? K_PGUP : K_ESC;
	case '6':
		return getbyte(100) == '~' ? K_PGDN : K_ESC;
	}
	return K_ESC;
}

/* ---- drawing ------------------------------------------------------------------------ */

static char *out;
static size_t out_len, out_cap;

static void emit(const char *s, size_t n)
{
	if (out_len + n > out_cap) {
		char *no = realloc(out, out_cap = (out_len + n) * 2 + 4096);

		if (!no)
			cu_die(2, "out of memory");
		out = no;
	}
	memcpy(out + out_len, s, n);
	out_len += n;
}

static void emits(const char *s)
{
	emit(s, strlen(s));
}

static void flush_out(void)
{
	cu_write_all(STDOUT_FILENO, out, out_len);
	out_len = 0;
}

/*
 * One line of text, tabs expanded and control characters shown as ^X, cut at the width;
 * the matches of the last search in reverse video.
 */
static void draw_line(const char *s)
{
	regmatch_t m;
	size_t hl_start = (size_t)-1, hl_end = 0, off = 0;
	int col = 0;

	for (size_t i = 0; s[i] && col < cols; i++) {
		if (have_re && i == off) {
			/* the next match at or after i */
			if (!regexec(&search_re, s + i, 1, &m, i ? REG_NOTBOL : 0) &&
			    m.rm_eo > m.rm_so) {
				hl_start = i + m.rm_so;
				hl_end = i + m.rm_eo;
				off = hl_end;
			} else {
				off = (size_t)-1;
			}
		}
		if (i == hl_start)
			emits("\033[7m");
		if (s[i] == '\t') {
			do
				emit(" ", 1);
			while (++col % 8 && col < cols);
		} else if ((unsigned char)s[i] < 32 || s[i] == 127) {
			char c[2] = { '^', (char)(s[i] ^ 64) };

			emit(c, col + 2 <= cols ? 2 : 1);
			col += 2;
		} else {
			emit(s + i, 1);
			col++;
		}
		if (i + 1 == hl_end)
			emits("\033[27m");
	}
	emits("\033[27m\033[K\r\n");
}

static size_t page(void)
{
	return rows > 1 ? (size_t)rows - 1 : 1;
}

static size_t max_top(void)
{
	return nlines > page() ? nlines - page() : 0;
}

static int at_end(void)
{
	return top + page() >= nlines;
}

static void status_line(void)
{
	char buf[512];
	size_t last = top + page() < nlines ? top + page() : nlines;
	unsigned pct = nlines ? (unsigned)(last * 100 / nlines) : 100;

	if (msg[0])
		snprintf(buf, sizeof(buf), "%s", msg);
	else if (more_mode)
		snprintf(buf, sizeof(buf), "--More--(%u%%)", pct);
	else if (at_end())
		snprintf(buf, sizeof(buf), "%s lines %zu-%zu/%zu (END)", name, nlines ? top + 1 : 0,
			 last, nlines);
	else
		snprintf(buf, sizeof(buf), "%s lines %zu-%zu/%zu %u%%", name, top + 1, last, nlines,
			 pct);
	if (cols > 1 && (size_t)cols - 1 < sizeof(buf))
		buf[cols - 1] = '\0';
	emits("\033[7m");
	emits(buf);
	emits("\033[27m\033[K");
	msg[0] = '\0';
}

static void redraw(void)
{
	emits("\033[H");
	for (size_t i = 0; i < page(); i++) {
		if (top + i < nlines)
			draw_line(lines[top + i]);
		else
			emits("~\033[K\r\n");
	}
	status_line();
	flush_out();
}

/* ---- commands ------------------------------------------------------------------------ */

static void scroll_to(long long t)
{
	if (t < 0)
		t = 0;
	if ((size_t)t > max_top())
		t = (long long)max_top();
	top = (size_t)t;
}

/* Reads a pattern on the status line after the prompt; 0, or -1 if it was cancelled. */
static int read_pattern(char prompt, char *buf, size_t len)
{
	size_t n = 0;
	char p[2] = { prompt, 0 };

	emits("\r\033[K");
	emits(p);
	flush_out();
	for (;;) {
		int c = getkey();

		if (c == '\r' || c == '\n')
			break;
		if (c < 0 || c == 3 || c == K_ESC || c == 7)
			return -1;
		if ((c == 127 || c == 8) && n) {
			n--;
			emits("\b \b");
		} else if ((c == 127 || c == 8) && !n) {
			return -1;
		} else if (c >= 32 && c < 127 && n + 1 < len) {
			char ch = (char)c;

			buf[n++] = ch;
			emit(&ch, 1);
		}
		flush_out();
	}
	buf[n] = '\0';
	return 0;
}

/* Moves to the next line (dir 1 down, -1 up) from the top that matches. */
static void search(int dir)
{
	long long i;

	if (!have_re) {
		snprintf(msg, sizeof(msg), "No previous regular expression");
		return;
	}
	for (i = (long long)top + dir; i >= 0 && (size_t)i < nlines; i += dir)
		if (!regexec(&search_re, lines[i], 0, NULL, 0))
			break;
	if (i < 0 || (size_t)i >= nlines) {
		snprintf(msg, sizeof(msg), "Pattern not found");
		return;
	}
	/* the matching line goes to the top, as in less (unless the end is reached) */
	scroll_to(i);
	if ((size_t)i < top)
		top = (size_t)i;
}

static void new_search(int dir)
{
	char pat[256];
	int err;

	if (read_pattern(dir > 0 ? '/' : '?', pat, sizeof(pat)))
		return;
	if (!pat[0]) {
		search(dir);
		last_dir = dir;
		return;
	}
	if (have_re)
		regfree(&search_re);
	have_re = 0;
	err = regcomp(&search_re, pat, REG_EXTENDED);
	if (err) {
		char e[128];

		regerror(err, &search_re, e, sizeof(e));
		snprintf(msg, sizeof(msg), "%s", e);
		return;
	}
	have_re = 1;
	last_dir = dir;
	search(dir);
}

static int interact(void)
{
	tty_fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
	if (tty_fd < 0) {
		cu_warn_errno("/dev/tty");
		return 2;
	}
	/* Enter as CR (a key of its own), and ^S/^Q as keys too */
	if (cu_tty_raw(tty_fd, &saved, ICRNL | IXON, on_signal, on_winch)) {
		cu_warn_errno("/dev/tty");
		return 2;
	}
	raw_set = 1;
	get_size();
	if (more_mode && nlines <= page()) {
		/* it all fits: more prints it and is done */
		for (size_t i = 0; i < nlines; i++) {
			draw_line(lines[i]);
		}
		flush_out();
		restore_tty();
		return 0;
	}
	emits("\033[H\033[2J");
	for (;;) {
		int c, count = 0;

		redraw();
		if (more_mode && at_end())
			break;
		c = getkey();
		while (c >= '0' && c <= '9') {
			count = count * 10 + (c - '0');
			c = getkey();
		}
		if (c == -3 || resized) {
			resized = 0;
			get_size();
			emits("\033[H\033[2J");
			scroll_to(top);
			continue;
		}
		switch (c) {
		case -1:
		case 'q':
		case 'Q':
			goto out;
		case 'Z':
			if (getkey() == 'Z')
				goto out;
			break;
		case ' ':
		case 'f':
		case 6: /* ^F */
		case 22: /* ^V */
		case K_PGDN:
			if (more_mode && at_end())
				goto out;
			scroll_to((long long)top + (long long)(count ? count : (int)page()));
			break;
		case 'b':
		case 2: /* ^B */
		case K_PGUP:
			scroll_to((long long)top - (long long)(count ? count : (int)page()));
			break;
		case 'j':
		case 'e':
		case '\r':
		case '\n':
		case 14: /* ^N */
		case 5: /* ^E */
		case K_DOWN:
			scroll_to((long long)top + (count ? count : 1));
			break;
		case 'k':
		case 'y':
		case 16: /* ^P */
		case 25: /* ^Y */
		case K_UP:
			scroll_to((long long)top - (count ? count : 1));
			break;
		case 'd':
		case 4: /* ^D */
			scroll_to((long long)top + (long long)(page() / 2));
			break;
		case 'u':
		case 21: /* ^U */
			scroll_to((long long)top - (long long)(page() / 2));
			break;
		case 'g':
		case '<':
		case K_HOME:
			scroll_to(count ? count - 1 : 0);
			break;
		case 'G':
		case '>':
		case K_END:
			scroll_to(count ? count - 1 : (long long)max_top());
			break;
		case '/':
			new_search(1);
			break;
		case '?':
			new_search(-1);
			break;
		case 'n':
			search(last_dir);
			break;
		case 'N':
			search(-last_dir);
			break;
		case 12: /* ^L */
		case 'r':
			emits("\033[H\033[2J");
			break;
		default:
			break;
		}
	}
out:
	/* less leaves the last screen in place with its status line cleared */
	emits("\r\033[K");
	flush_out();
	restore_tty();
	return 0;
}

int main(int argc, char **argv)
{
	int opt, status = 0, copied_only;

	cu_init(argc, argv,
		"[FILE]...\n"
		"Show the files (or standard input) a screenful at a time. Keys: space f PgDn\n"
		"forward, b PgUp back, j k Enter arrows a line, d u half a screen, g G the start\n"
		"and the end, /RE ?RE search forwards and backwards, n N again, q quit.\n"
		"A number before a key repeats it. Not on a terminal, the input is copied.\n");
	more_mode = !strcmp(prog_name, "more") || !strcmp(prog_name, "more.musl");
	while ((opt = getopt(argc, argv, "SRXFdcs")) != -1) {
		switch (opt) {
		case 'S': /* lines are cut anyway */
		case 'R':
		case 'X':
		case 'F':
		case 'd':
		case 'c':
		case 's':
			break;
		default:
			cu_usage(2);
		}
	}
	copied_only = !isatty(STDOUT_FILENO);
	if (optind == argc) {
		if (!copied_only && isatty(STDIN_FILENO)) {
			cu_warn("missing filename (\"%s --help\" for help)", prog_name);
			return 1;
		}
		if (copied_only) {
			if (cu_copy_fd(STDIN_FILENO, STDOUT_FILENO))
				return 1;
			return 0;
		}
		name = "(standard input)";
		if (load(STDIN_FILENO)) {
			cu_warn_errno("-");
			return 1;
		}
	}
	for (int i = optind; i < argc; i++) {
		int fd = cu_open_in(argv[i]);
		int r;

		if (fd < 0) {
			cu_warn_errno(argv[i]);
			status = 1;
			continue;
		}
		if (copied_only) {
			/* more names each file between rows of colons, as util-linux's */
			if (more_mode) {
				char head[4200];
				int n = snprintf(head, sizeof(head),
						 "::::::::::::::\n%s\n"
						 "::::::::::::::\n",
						 argv[i]);

				cu_write_all(STDOUT_FILENO, head,
					     n < (int)sizeof(head) ? (size_t)n : sizeof(head) - 1);
			}
			r = cu_copy_fd(fd, STDOUT_FILENO);
			if (r == -1)
				cu_warn_errno(argv[i]);
			if (r)
				status = 1;
		} else {
			if (!name[0])
				name = argv[i];
			if (load(fd)) {
				cu_warn_errno(argv[i]);
				status = 1;
			}
		}
		if (fd != STDIN_FILENO)
			close(fd);
	}
	if (copied_only)
		return status;
	if (!name[0])
		return status; /* nothing could be read */
	return interact() ? 2 : status;
}
