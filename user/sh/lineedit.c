// SPDX-License-Identifier: GPL-2.0
/*
 * The line editor of the interactive shell: the terminal's side of it. While a line is read
 * the terminal is in raw mode (no echo, no line discipline editing, no signals from keys);
 * it is restored before the line goes to the parser, so commands run in the mode the shell
 * found. Keys are decoded and edited by lebuf.c; here are drawing, history (up/down and ^R),
 * Tab completion, ^C and ^L.
 *
 * A line longer than the terminal scrolls sideways inside the one row after the prompt, so
 * that a redraw is "carriage return, erase, prompt, the visible part" and never has to know
 * where the terminal wrapped. The width comes from TIOCGWINSZ, read again after
 * SIGWINCH.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "sh.h"
#include "lineedit.h"

static struct termios saved_tio; /* the mode the shell found, restored after each line */
static int raw_on;
static volatile sig_atomic_t winch;
static size_t cols = 80;

struct editor {
	struct le_line l;
	const char *prompt;
	const char *last; /* the prompt's last line, redrawn with the text */
	size_t plen; /* the columns it takes */
	size_t off; /* the first character shown */
	int hidx; /* the history entry shown; hist_count(): the line being written */
	char *saved; /* that line while an older one is shown */
	int last_key;
	int drawn; /* the row holds the prompt: a redraw starts with erasing it */
	struct le_decoder dec;
	struct str out;
};

static void on_winch(int sig)
{
	(void)sig;
	winch = 1;
}

static void read_width(void)
{
	struct winsize ws;
	const char *c;

	if (!ioctl(2, TIOCGWINSZ, &ws) && ws.ws_col) {
		cols = ws.ws_col;
		return;
	}
	c = var_get("COLUMNS");
	cols = c && atoi(c) > 0 ? (size_t)atoi(c) : 80;
}

static int raw_enter(void)
{
	struct termios t;

	if (tcgetattr(0, &saved_tio))
		return -1;
	t = saved_tio;
	t.c_iflag &= ~(ICRNL | INLCR | IGNCR | IXON | ISTRIP | BRKINT | INPCK);
	t.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	/* TCSADRAIN, not TCSAFLUSH: what was typed ahead while a command ran is kept */
	if (tcsetattr(0, TCSADRAIN, &t))
		return -1;
	raw_on = 1;
	return 0;
}

/*
 * The end of a row: the terminal's ONLCR (which raw_enter keeps) already turns "\n" into
 * "\r\n", and a "\r\n" of ours would reach the screen as "\r\r\n".
 */
static const char *eol(void)
{
	return (saved_tio.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR) ? "\n" : "\r\n";
}

static void raw_leave(void)
{
	if (raw_on)
		tcsetattr(0, TCSADRAIN, &saved_tio);
	raw_on = 0;
}

static void flush_out(struct editor *e)
{
	if (e->out.len)
		out_str(2, e->out.s);
	e->out.len = 0;
	if (e->out.s)
		e->out.s[0] = 0;
}

/* Columns a piece of prompt takes: escape sequences (colours) take none, nor do UTF-8's
 * continuation bytes. */
static size_t width_of(const char *s)
{
	size_t w = 0;

	while (*s) {
		if (*s == 0x1b && s[1] == '[') {
			s += 2;
			while (*s && !(*s >= 0x40 && *s <= 0x7e))
				s++;
			if (*s)
				s++;
			continue;
		}
		if ((*s & 0xc0) != 0x80)
			w++;
		s++;
	}
	return w;
}

static void refresh(struct editor *e)
{
	struct le_line *l = &e->l;
	size_t pcol = e->plen % cols;
	size_t avail = cols > pcol + 1 ? cols - pcol - 1 : 1;
	size_t n;
	char move[32];

	if (l->pos < e->off)
		e->off = l->pos;
	if (l->pos - e->off >= avail)
		e->off = l->pos - avail + 1;
	/* after deleting near the end, show as much as fits rather than blank space */
	if (e->off && l->len - e->off + 1 < avail) {
		size_t o = l->len + 1 > avail ? l->len + 1 - avail : 0;

		e->off = o < l->pos ? o : l->pos;
	}
	n = l->len - e->off < avail ? l->len - e->off : avail;
	/* erase first, so that nothing follows the text when the cursor is at its end (as
	 * tools that wait for a prompt at the end of the output expect); the first drawing
	 * is the prompt alone, where the output left the cursor, as a plain read shows it */
	if (e->drawn)
		str_adds(&e->out, "\r\x1b[K");
	e->drawn = 1;
	str_adds(&e->out, e->last);
	str_addn(&e->out, l->buf + e->off, n);
	if (l->pos - e->off < n) {
		snprintf(move, sizeof(move), "\x1b[%zuD", n - (l->pos - e->off));
		str_adds(&e->out, move);
	}
	flush_out(e);
}

/* The whole prompt, then the line: at the start, and after anything else was printed */
static void redraw(struct editor *e)
{
	e->drawn = 0;
	str_addn(&e->out, e->prompt, e->last - e->prompt);
	refresh(e);
}

static void bell(struct editor *e)
{
	str_addc(&e->out, '\a');
	flush_out(e);
}

/*
 * One byte of input: 1, or 0 at the end of input (a hang-up), or -1 on an error. A window
 * change or a signal with a trap is dealt with here, and the line drawn again.
 */
static int read_byte(struct editor *e, unsigned char *c)
{
	for (;;) {
		ssize_t r;

		/* the signal may have come between two reads, with no EINTR to tell */
		if (winch) {
			winch = 0;
			read_width();
			refresh(e);
		}
		r = read(0, c, 1);
		if (r >= 0)
			return (int)r;
		if (errno != EINTR)
			return -1;
		if (pending_signals) {
			/* a trap's command runs in the terminal's own mode, then we draw again */
			raw_leave();
			out_str(2, eol());
			trap_run_pending();
			if (raw_enter())
				return -1;
			redraw(e);
		}
	}
}

/* The next key: a byte, or a decoded LE_KEY_*; -1 at the end of input. */
static int read_key(struct editor *e)
{
	for (;;) {
		unsigned char c;
		int key;

		if (read_byte(e, &c) <= 0)
			return -1;
		key = le_decode(&e->dec, c);
		if (key >= 0)
			return key;
		/* a lone ESC: nothing follows soon, so it is not a sequence */
		if (e->dec.state) {
			struct pollfd p = { .fd = 0, .events = POLLIN };

			if (poll(&p, 1, 300) == 0)
				e->dec.state = 0;
		}
	}
}

static void hist_move(struct editor *e, int dir)
{
	int n = hist_count(), to = e->hidx + dir;

	if (to < 0 || to > n) {
		bell(e);
		return;
	}
	if (e->hidx == n) {
		free(e->saved);
		e->saved = xstrdup(e->l.buf);
	}
	e->hidx = to;
	le_set(&e->l, to == n ? (e->saved ? e->saved : "") : hist_get(to));
	refresh(e);
}

/* The newest entry at or before 'from' that contains q; -1 if none */
static int hist_find(const char *q, int from)
{
	for (int i = from; i >= 0; i--)
		if (hist_get(i) && strstr(hist_get(i), q))
			return i;
	return -1;
}

static void search_draw(struct editor *e, const char *q, int match, int failed)
{
	const char *line = match >= 0 ? hist_get(match) : "";
	const char *at = match >= 0 ? strstr(line, q) : NULL;
	struct str b = { 0 };
	size_t head, room, cur;
	char move[32];

	str_adds(&b, failed ? "(failed reverse-i-search)`" : "(reverse-i-search)`");
	str_adds(&b, q);
	str_adds(&b, "': ");
	head = b.len;
	room = cols > head + 1 ? cols - head - 1 : 0;
	str_addn(&b, line, strlen(line) < room ? strlen(line) : room);
	cur = at && (size_t)(at - line) < room ? head + (at - line) : b.len;
	str_adds(&e->out, "\r\x1b[K");
	str_addn(&e->out, b.s, b.len > cols - 1 ? cols - 1 : b.len);
	if (cur < b.len && cur < cols - 1) {
		snprintf(move, sizeof(move), "\x1b[%zuD",
			 (b.len > cols - 1 ? cols - 1 : b.len) - cur);
		str_adds(&e->out, move);
	}
	flush_out(e);
	free(b.s);
}

/*
 * ^R: reverse incremental search. Typing narrows, ^R again finds the next older match, ^G
 * or ^C gives the line back as it was; any other key takes the match into the line and is
 * then handled as usual (so Enter runs it). Returns that key, or 0.
 */
static int search(struct editor *e)
{
	struct str q = { 0 };
	int match = -1, failed = 0, key;
	int n = hist_count();

	str_addn(&q, "", 0);
	for (;;) {
		search_draw(e, q.s, match, failed);
		key = read_key(e);
		if (key == LE_CTRL('R')) {
			int m = hist_find(q.s, match >= 0 ? match - 1 : n - 1);

			failed = m < 0;
			if (m >= 0)
				match = m;
		} else if (key == LE_CTRL('G') || key == LE_CTRL('C')) {
			key = 0;
			break;
		} else if (key == LE_DEL || key == LE_CTRL('H')) {
			if (q.len)
				q.s[--q.len] = 0;
			match = hist_find(q.s, n - 1);
			failed = match < 0 && q.len;
		} else if (key >= 0x20 && key <= 0xff && key != LE_DEL) {
			int m;

			str_addc(&q, (char)key);
			m = hist_find(q.s, match >= 0 ? match : n - 1);
			failed = m < 0;
			if (m >= 0)
				match = m;
		} else {
			if (match >= 0) {
				le_set(&e->l, hist_get(match));
				e->hidx = match;
			}
			break;
		}
	}
	free(q.s);
	refresh(e);
	return key < 0 ? 0 : key;
}

/* Characters a completed word must quote */
static const char quote_chars[] = " \t\n\"'\\$`&|;()<>*?[]#~{}!";

static void quote_into(struct str *b, const char *s, size_t n, int kind)
{
	const char *var = kind == COMPLETE_VAR ? strrchr(s, '$') : NULL;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (!(i == 0 && c == '~' && kind == COMPLETE_PATH) && s + i != var &&
		    strchr(quote_chars, c))
			str_addc(b, '\\');
		str_addc(b, c);
	}
}

static void list_matches(struct editor *e, char **v, int n, int kind)
{
	size_t w = 0, per_row, rows;
	const char **shown = xmalloc(n * sizeof(*shown));

	for (int i = 0; i < n; i++) {
		const char *s = v[i];

		if (kind == COMPLETE_PATH) {
			size_t len = strlen(s);
			const char *p = s + len - 1;

			while (p > s && p[-1] != '/')
				p--;
			if (len > 1 && s[len - 1] == '/') {
				p = s + len - 2;
				while (p > s && p[-1] != '/')
					p--;
			}
			s = p;
		} else if (kind == COMPLETE_VAR) {
			s = strrchr(s, '$');
		}
		shown[i] = s;
		if (strlen(s) > w)
			w = strlen(s);
	}
	w += 2;
	per_row = cols / w ? cols / w : 1;
	rows = (n + per_row - 1) / per_row;
	str_adds(&e->out, eol());
	for (size_t r = 0; r < rows; r++) {
		for (size_t c = 0; c < per_row; c++) {
			size_t i = c * rows + r;

			if (i >= (size_t)n)
				break;
			str_adds(&e->out, shown[i]);
			if (c + 1 < per_row && i + rows < (size_t)n)
				for (size_t k = strlen(shown[i]); k < w; k++)
					str_addc(&e->out, ' ');
		}
		str_adds(&e->out, eol());
	}
	free(shown);
	redraw(e);
}

static int var_is_dir(const char *word)
{
	const char *v = var_get(strrchr(word, '$') + 1);
	struct stat st;

	return v && *v && !stat(v, &st) && S_ISDIR(st.st_mode);
}

/*
 * Tab: a unique match completes (a directory with '/', anything else with a blank); several
 * complete their common prefix; when that adds nothing, a second Tab lists them.
 */
static void complete(struct editor *e)
{
	size_t start, wlen, lcp;
	int kind, n;
	char **v;

	n = complete_word(e->l.buf, e->l.pos, &start, &kind, &wlen, &v);
	if (!n) {
		bell(e);
		goto out;
	}
	lcp = strlen(v[0]);
	for (int i = 1; i < n; i++) {
		size_t k = 0;

		while (k < lcp && v[i][k] == v[0][k])
			k++;
		lcp = k;
	}
	if (n == 1 || lcp > wlen) {
		struct str b = { 0 };

		quote_into(&b, v[0], lcp, kind);
		if (n == 1 && v[0][lcp - 1] != '/') {
			if (kind == COMPLETE_VAR && var_is_dir(v[0]))
				str_addc(&b, '/');
			else
				str_addc(&b, ' ');
		}
		le_delete(&e->l, start, e->l.pos);
		e->l.pos = start;
		le_insert(&e->l, b.s ? b.s : "", b.len);
		free(b.s);
		refresh(e);
	} else if (e->last_key == '\t') {
		list_matches(e, v, n, kind);
	} else {
		bell(e);
	}
out:
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static char *finish(struct editor *e, int eof)
{
	char *line = NULL;

	if (!eof) {
		e->l.pos = e->l.len;
		refresh(e);
		line = xmalloc(e->l.len + 2);
		memcpy(line, e->l.buf, e->l.len);
		line[e->l.len] = '\n';
		line[e->l.len + 1] = 0;
		str_adds(&e->out, eol());
	}
	flush_out(e);
	raw_leave();
	le_free(&e->l);
	free(e->saved);
	free(e->out.s);
	return line;
}

/*
 * Reads one line with editing; NULL at the end of input. *fallback says the terminal could
 * not be put in raw mode (standard input is no terminal): the caller reads plainly.
 */
char *lineedit_read(const char *prompt, int *fallback)
{
	static int winch_set;
	struct editor e;

	*fallback = 0;
	if (!isatty(0) || !isatty(2) || raw_enter()) {
		*fallback = 1;
		return NULL;
	}
	if (!winch_set) {
		struct sigaction sa;

		/* no SA_RESTART: the read returns EINTR and the line is drawn to the new width */
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_winch;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGWINCH, &sa, NULL);
		winch_set = 1;
	}
	hist_load();
	read_width();
	memset(&e, 0, sizeof(e));
	le_init(&e.l);
	e.prompt = prompt ? prompt : "";
	e.last = strrchr(e.prompt, '\n') ? strrchr(e.prompt, '\n') + 1 : e.prompt;
	e.plen = width_of(e.last);
	e.hidx = hist_count();
	redraw(&e);
	for (;;) {
		int key = read_key(&e);

again:
		if (key < 0)
			return finish(&e, !e.l.len);
		switch (key) {
		case LE_CTRL('C'):
			/* the line is dropped, with the status an interrupted command has */
			str_adds(&e.out, "^C");
			str_adds(&e.out, eol());
			finish(&e, 1);
			last_status = 130;
			raise_exc(EX_ERROR);
		case LE_CTRL('L'):
			str_adds(&e.out, "\x1b[H\x1b[2J");
			redraw(&e);
			break;
		case '\t':
			complete(&e);
			break;
		case LE_CTRL('R'):
			key = search(&e);
			e.last_key = LE_CTRL('R');
			if (key)
				goto again;
			continue;
		case LE_CTRL('P'):
		case LE_KEY_UP:
			hist_move(&e, -1);
			break;
		case LE_CTRL('N'):
		case LE_KEY_DOWN:
			hist_move(&e, 1);
			break;
		default:
			switch (le_edit(&e.l, key)) {
			case LE_REDRAW:
				refresh(&e);
				break;
			case LE_BELL:
				bell(&e);
				break;
			case LE_ACCEPT:
				return finish(&e, 0);
			case LE_EOF:
				return finish(&e, 1);
			}
		}
		e.last_key = key;
	}
}
