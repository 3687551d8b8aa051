// SPDX-License-Identifier: GPL-2.0
/*
 * Normal mode (counts, motions, the d c y operators, the single-key changes, undo and ".")
 * and insert mode. Each command is one undo group; the keys of the last one that changed
 * the text are kept and replayed by ".".
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "motion.h"
#include "vi.h"

static int len(int row)
{
	return buf_len(&ed.buf, row);
}

static const char *line(int row)
{
	return ed.buf.lines[row];
}

/* Normal mode's cursor is on a character (or column 0 of an empty line). */
void clamp_cursor(void)
{
	if (ed.cur.row >= ed.buf.nlines)
		ed.cur.row = ed.buf.nlines - 1;
	if (ed.cur.row < 0)
		ed.cur.row = 0;
	if (ed.cur.col >= len(ed.cur.row))
		ed.cur.col = len(ed.cur.row) ? len(ed.cur.row) - 1 : 0;
	if (ed.cur.col < 0)
		ed.cur.col = 0;
}

static void set_want(void)
{
	ed.want = disp_col(line(ed.cur.row), ed.cur.col);
}

static void yank_lines(int from, int to)
{
	reg_free(&ed.reg);
	ed.reg.n = to - from + 1;
	ed.reg.linewise = 1;
	ed.reg.lines = xmalloc(ed.reg.n * sizeof(char *));
	for (int i = from; i <= to; i++)
		ed.reg.lines[i - from] = xstrdup(line(i));
}

static void yank_chars(struct pos a, struct pos b)
{
	reg_free(&ed.reg);
	buf_copy_range(&ed.buf, a, b, &ed.reg);
}

static void insert_mode(int count, int lines);

static int before(struct pos a, struct pos b)
{
	return a.row < b.row || (a.row == b.row && a.col < b.col);
}

static int blank_before(int row, int col)
{
	for (int i = 0; i < col; i++)
		if (line(row)[i] != ' ' && line(row)[i] != '\t')
			return 0;
	return 1;
}

/* d, c or y over the cursor and a motion's end. */
static int apply_op(int op, struct motion *m)
{
	struct pos a = ed.cur, b = m->to;

	if (before(b, a)) {
		struct pos t = a;

		a = b;
		b = t;
	}
	if (m->linewise) {
		if (op == 'd' && ed.buf.no_lines) /* nothing to delete: the register stays */
			return 0;
		yank_lines(a.row, b.row);
		if (op == 'y') {
			ed.cur.row = a.row;
			return 1;
		}
		if (op == 'd') {
			buf_delete_lines(&ed.buf, a.row, b.row - a.row + 1);
			ed.cur.row = a.row < ed.buf.nlines ? a.row : ed.buf.nlines - 1;
			ed.cur.col = first_nonblank(ed.cur.row);
			return 1;
		}
		buf_replace(&ed.buf, a.row, b.row - a.row + 1, (char *[]){ xstrdup("") }, 1);
		ed.cur = (struct pos){ a.row, 0 };
		insert_mode(1, 0);
		return 1;
	}
	/*
	 * An exclusive motion that ends at the start of a later line ends with the line before
	 * it, and takes whole lines when it began at or before the first non-blank (vi's rule:
	 * dw on an empty line deletes it).
	 */
	if (!m->inclusive && b.col == 0 && b.row > a.row) {
		b = (struct pos){ b.row - 1, len(b.row - 1) };
		if (blank_before(a.row, a.col)) {
			struct motion lw = { .to = b, .linewise = 1 };

			ed.cur = a;
			return apply_op(op, &lw);
		}
	}
	if (m->inclusive && b.col < len(b.row))
		b.col++;
	if (b.col > len(b.row))
		b.col = len(b.row);
	if (a.row == b.row && a.col == b.col && op != 'c')
		return 0;
	/* vi's rule: a delete over lines, from the indent to the end of a line, takes lines */
	if (op == 'd' && a.row != b.row && blank_before(a.row, a.col) &&
	    !line(b.row)[b.col + strspn(line(b.row) + b.col, " \t")]) {
		struct motion lw = { .to = b, .linewise = 1 };

		ed.cur = a;
		return apply_op(op, &lw);
	}
	if (a.row != b.row || a.col != b.col) /* cw on an empty line keeps the register */
		yank_chars(a, b);
	ed.cur = a;
	if (op == 'y')
		return 1;
	buf_delete_range(&ed.buf, a, b);
	if (op == 'c')
		insert_mode(1, 0);
	return 1;
}

static void put(int after, int count)
{
	struct reg *r = &ed.reg;

	if (!r->n) {
		emsg("Nothing in register");
		return;
	}
	if (r->linewise) {
		int at = after ? ed.cur.row + 1 : ed.cur.row;

		for (int i = 0; i < count; i++)
			buf_insert_lines(&ed.buf, at + i * r->n, r->lines, r->n);
		ed.cur = (struct pos){ at, first_nonblank(at) };
		return;
	}
	struct pos at = ed.cur, end = at;

	if (after && len(at.row))
		at.col++;
	end = at;
	for (int i = 0; i < count; i++)
		end = buf_insert_text(&ed.buf, end, r->lines, r->n);
	ed.cur = r->n == 1 ? (struct pos){ end.row, end.col - 1 } : at;
}

static void join_lines(int count)
{
	int n = count < 2 ? 1 : count - 1;

	if (ed.cur.row + n >= ed.buf.nlines) /* as many as there are, as vim does */
		n = ed.buf.nlines - 1 - ed.cur.row;
	if (n < 1) {
		emsg("Cannot join past the last line");
		return;
	}
	for (int i = 0; i < n; i++) {
		const char *a = line(ed.cur.row), *b = line(ed.cur.row + 1);
		size_t la = strlen(a);
		int space;
		char *s;

		while (*b == ' ' || *b == '\t')
			b++;
		space = *b && *b != ')' && la && a[la - 1] != ' ' && a[la - 1] != '\t';
		s = xmalloc(la + space + strlen(b) + 1);
		memcpy(s, a, la);
		if (space)
			s[la] = ' ';
		strcpy(s + la + space, b);
		buf_replace(&ed.buf, ed.cur.row, 2, &s, 1);
		ed.cur.col = (int)la - (space ? 0 : la ? 1 : 0);
	}
}

static void insert_bytes(const char *s, size_t n)
{
	struct pos p = ed.cur;
	char *text[] = { xstrndup(s, n) };

	ed.cur = buf_insert_text(&ed.buf, p, text, 1);
	free(text[0]);
}

static void insert_newline(void)
{
	char *two[] = { "", "" };

	ed.cur = buf_insert_text(&ed.buf, ed.cur, two, 2);
}

/* Deletes before the cursor, on its line only, back to col. */
static void delete_back_to(int col)
{
	if (col < ed.cur.col) {
		buf_delete_range(&ed.buf, (struct pos){ ed.cur.row, col }, ed.cur);
		ed.cur.col = col;
	}
}

/*
 * Insert mode, until Escape. With a count the typed text goes in count times (3ihi<Esc>),
 * each on a line of its own after o and O (lines). Backspace goes back over the line, not
 * into the previous one.
 */
static void insert_mode(int count, int lines)
{
	char typed[1024];
	size_t ntyped = 0;
	int literal = 0;

	ed.insert = 1;
	for (;;) {
		int k;

		screen_draw();
		k = getkey();
		ed.msg[0] = 0;
		if (literal && k < 0x100) {
			literal = 0;
			goto text;
		}
		switch (k) {
		case ESC:
		case CTRL('C'):
			goto done;
		case K_WINCH:
			ed.redraw_all = 1;
			continue;
		case CTRL('V'):
			literal = 1;
			continue;
		case 0x7f:
		case CTRL('H'): {
			int c = ed.cur.col;

			if (c > 0) {
				c--;
				while (c > 0 && ((unsigned char)line(ed.cur.row)[c] & 0xc0) == 0x80)
					c--;
				delete_back_to(c);
			}
			if (ntyped)
				ntyped--;
			continue;
		}
		case CTRL('W'): {
			const char *s = line(ed.cur.row);
			int c = ed.cur.col;

			while (c > 0 && (s[c - 1] == ' ' || s[c - 1] == '\t'))
				c--;
			if (c > 0 && (isalnum((unsigned char)s[c - 1]) || s[c - 1] == '_'))
				while (c > 0 &&
				       (isalnum((unsigned char)s[c - 1]) || s[c - 1] == '_'))
					c--;
			else if (c > 0)
				c--;
			delete_back_to(c);
			ntyped = 0;
			continue;
		}
		case CTRL('U'):
			delete_back_to(0);
			ntyped = 0;
			continue;
		case K_LEFT:
		case K_RIGHT:
		case K_UP:
		case K_DOWN:
		case K_HOME:
		case K_END:
			if (k == K_LEFT && ed.cur.col > 0)
				ed.cur.col--;
			if (k == K_RIGHT && ed.cur.col < len(ed.cur.row))
				ed.cur.col++;
			if (k == K_UP && ed.cur.row > 0)
				ed.cur.row--;
			if (k == K_DOWN && ed.cur.row + 1 < ed.buf.nlines)
				ed.cur.row++;
			if (k == K_HOME)
				ed.cur.col = 0;
			if (k == K_END || ed.cur.col > len(ed.cur.row))
				ed.cur.col = len(ed.cur.row);
			ntyped = 0;
			count = 1;
			continue;
		case K_DEL:
			if (ed.cur.col < len(ed.cur.row))
				buf_delete_range(&ed.buf, ed.cur,
						 (struct pos){ ed.cur.row, ed.cur.col + 1 });
			continue;
		case '\r':
		case '\n':
			insert_newline();
			if (ntyped < sizeof(typed))
				typed[ntyped++] = '\r';
			continue;
		}
		if (k >= 0x100)
			continue;
text : {
	char c = (char)k;

	insert_bytes(&c, 1);
	if (ntyped < sizeof(typed))
		typed[ntyped++] = c;
}
	}
done:
	for (int i = 1; i < count; i++) {
		if (lines)
			insert_newline();
		for (size_t j = 0; j < ntyped; j++) {
			if (typed[j] == '\r')
				insert_newline();
			else
				insert_bytes(&typed[j], 1);
		}
	}
	ed.insert = 0;
	if (ed.cur.col > 0)
		ed.cur.col--;
	set_want();
}

static void open_line(int below, int count)
{
	int at = below ? ed.cur.row + 1 : ed.cur.row;

	buf_insert_lines(&ed.buf, at, (char *[]){ "" }, 1);
	ed.cur = (struct pos){ at, 0 };
	insert_mode(count, 1);
}

static void scroll(int key, int count)
{
	int text = ed.rows - 1, last = ed.buf.nlines - 1;
	int half = count ? count : text / 2 > 0 ? text / 2 : 1;

	switch (key) {
	case CTRL('F'):
	case K_PGDN:
		if (ed.top >= last) {
			emsg("Already at the end");
			return;
		}
		ed.top += (count ? count : 1) * (text > 2 ? text - 2 : 1);
		if (ed.top > last)
			ed.top = last;
		ed.cur.row = ed.top;
		break;
	case CTRL('B'):
	case K_PGUP:
		if (ed.top == 0) {
			emsg("Already at the top");
			return;
		}
		ed.top -= (count ? count : 1) * (text > 2 ? text - 2 : 1);
		if (ed.top < 0)
			ed.top = 0;
		/* the cursor to the screen's last line */
		{
			int rows = 0, r = ed.top;

			while (r < last &&
			       rows + screen_line_rows(r) + screen_line_rows(r + 1) <= text)
				rows += screen_line_rows(r++);
			ed.cur.row = r;
		}
		break;
	case CTRL('D'):
		if (ed.cur.row == last) {
			emsg("Already at the end");
			return;
		}
		ed.cur.row = ed.cur.row + half > last ? last : ed.cur.row + half;
		ed.top = ed.top + half > last ? last : ed.top + half;
		break;
	case CTRL('U'):
		if (ed.cur.row == 0) {
			emsg("Already at the top");
			return;
		}
		ed.cur.row = ed.cur.row - half < 0 ? 0 : ed.cur.row - half;
		ed.top = ed.top - half < 0 ? 0 : ed.top - half;
		break;
	case CTRL('E'):
		if (ed.top < last)
			ed.top++;
		if (ed.cur.row < ed.top)
			ed.cur.row = ed.top;
		break;
	case CTRL('Y'):
		if (ed.top > 0)
			ed.top--;
		break;
	}
	ed.cur.col = first_nonblank(ed.cur.row);
	set_want();
}

static void file_info(void)
{
	msg("\"%s\"%s %d lines --%d%%--", ed.name ? ed.name : "[No Name]",
	    ed.buf.modified ? " [Modified]" : "", ed.buf.nlines,
	    (ed.cur.row + 1) * 100 / ed.buf.nlines);
}

/* Runs one command; returns 1 if "." may repeat it. */
static int command(int key, int count, int has_count)
{
	int n = count ? count : 1;
	struct motion m;
	int r;

	switch (key) {
	case 'd':
	case 'c':
	case 'y': {
		int k = getkey(), c2 = 0;

		while (k >= '0' && k <= '9' && (k != '0' || c2)) {
			c2 = c2 * 10 + k - '0';
			k = getkey();
		}
		if (c2) {
			n *= c2;
			has_count = 1;
		}
		if (k == key) { /* dd cc yy: n lines, or as many as there are (vim's way) */
			if (n > 1 && ed.cur.row == ed.buf.nlines - 1)
				return 0;
			int to = ed.cur.row + n - 1 < ed.buf.nlines ? ed.cur.row + n - 1
								    : ed.buf.nlines - 1;

			m = (struct motion){ .to = { to, 0 }, .linewise = 1 };
		} else {
			r = motion(k, n, has_count, key, &m);
			if (r <= 0)
				return 0;
		}
		r = apply_op(key, &m);
		clamp_cursor();
		set_want();
		return r && key != 'y';
	}
	case 'x':
	case K_DEL:
	case 'X':
		if (key == 'X' ? ed.cur.col == 0 : !len(ed.cur.row))
			return 0;
		if (key == 'X')
			m.to = (struct pos){ ed.cur.row, ed.cur.col > n ? ed.cur.col - n : 0 };
		else
			m.to = (struct pos){ ed.cur.row, ed.cur.col + n > len(ed.cur.row)
								 ? len(ed.cur.row)
								 : ed.cur.col + n };
		m.linewise = m.inclusive = 0;
		apply_op('d', &m);
		clamp_cursor();
		set_want();
		return 1;
	case 'D':
	case 'C':
		if (motion('$', n, has_count, 1, &m) <= 0)
			return 0;
		if (len(ed.cur.row) || key == 'C')
			apply_op(key == 'D' ? 'd' : 'c', &m);
		clamp_cursor();
		set_want();
		return 1;
	case 's':
	case 'S':
		if (key == 'S') {
			m = (struct motion){ .to = { ed.cur.row + n - 1, 0 }, .linewise = 1 };
			if (m.to.row >= ed.buf.nlines)
				m.to.row = ed.buf.nlines - 1;
		} else {
			m.to = (struct pos){ ed.cur.row, ed.cur.col + n > len(ed.cur.row)
								 ? len(ed.cur.row)
								 : ed.cur.col + n };
			m.linewise = m.inclusive = 0;
		}
		apply_op('c', &m);
		return 1;
	case 'p':
	case 'P':
		put(key == 'p', n);
		clamp_cursor();
		set_want();
		return 1;
	case 'r': {
		int c = getkey();
		char *s;

		if (c == ESC || c > 0xff || ed.cur.col + n > len(ed.cur.row))
			return 0;
		if (c == '\r') {
			buf_delete_range(&ed.buf, ed.cur,
					 (struct pos){ ed.cur.row, ed.cur.col + n });
			ed.cur = buf_insert_text(&ed.buf, ed.cur, (char *[]){ "", "" }, 2);
			return 1;
		}
		s = xstrdup(line(ed.cur.row));
		memset(s + ed.cur.col, c, n);
		buf_set_line(&ed.buf, ed.cur.row, s);
		ed.cur.col += n - 1;
		return 1;
	}
	case '~': {
		char *s = xstrdup(line(ed.cur.row));
		int l = len(ed.cur.row);

		if (!l) {
			free(s);
			return 0;
		}
		for (int i = 0; i < n && ed.cur.col < l; i++, ed.cur.col++) {
			unsigned char c = (unsigned char)s[ed.cur.col];

			s[ed.cur.col] = (char)(islower(c) ? toupper(c) : tolower(c));
		}
		buf_set_line(&ed.buf, ed.cur.row, s);
		clamp_cursor();
		set_want();
		return 1;
	}
	case 'J':
		join_lines(n);
		set_want();
		return 1;
	case 'i':
	case 'a':
	case 'I':
	case 'A':
		if (key == 'a' && len(ed.cur.row))
			ed.cur.col++;
		if (key == 'A')
			ed.cur.col = len(ed.cur.row);
		if (key == 'I')
			ed.cur.col = first_nonblank(ed.cur.row);
		insert_mode(n, 0);
		return 1;
	case 'o':
	case 'O':
		open_line(key == 'o', n);
		return 1;
	case 'u':
	case CTRL('R'):
		for (int i = 0; i < n; i++) {
			if (!(key == 'u' ? buf_undo : buf_redo)(&ed.buf, &ed.cur)) {
				msg(key == 'u' ? "Already at oldest change"
					       : "Already at newest change");
				break;
			}
		}
		clamp_cursor();
		set_want();
		return 0;
	case '.':
		if (!ed.ndot)
			return 0;
		push_keys(ed.dot, ed.ndot);
		return 0;
	case '/':
	case '?': {
		char pat[256] = "";
		const char *p;

		if (!read_line(key == '/' ? "/" : "?", pat, sizeof(pat)))
			return 0;
		p = pat[0] ? pat : ed.last_search;
		if (!p) {
			emsg("No previous regular expression");
			return 0;
		}
		if (pat[0]) {
			free(ed.last_search);
			ed.last_search = xstrdup(pat);
		}
		ed.search_back = key == '?';
		if (search(ed.last_search, ed.search_back, n))
			set_want();
		return 0;
	}
	case ':': {
		char cmd[512] = "";

		if (has_count)
			snprintf(cmd, sizeof(cmd), ".,.+%d", n - 1);
		if (read_line(":", cmd, sizeof(cmd)))
			ex_command(cmd);
		clamp_cursor();
		set_want();
		return 0;
	}
	case 'Z': {
		int k = getkey();

		if (k == 'Z')
			ex_command("x");
		else if (k == 'Q')
			ex_command("q!");
		return 0;
	}
	case CTRL('F'):
	case CTRL('B'):
	case CTRL('D'):
	case CTRL('U'):
	case CTRL('E'):
	case CTRL('Y'):
	case K_PGUP:
	case K_PGDN:
		scroll(key, count);
		return 0;
	case CTRL('L'):
	case K_WINCH:
		ed.redraw_all = 1;
		return 0;
	case CTRL('G'):
		file_info();
		return 0;
	case ESC:
		return 0;
	}
	r = motion(key, n, has_count, 0, &m);
	if (r > 0) {
		ed.cur = m.to;
		clamp_cursor();
		if (!m.keep_want)
			set_want();
	}
	return 0;
}

void normal_command(void)
{
	int key, count = 0, dot;

	rec_len = 0;
	rec_on = 1;
	key = getkey();
	ed.msg[0] = 0;
	while ((key >= '1' && key <= '9') || (key == '0' && count)) {
		count = count * 10 + key - '0';
		if (count > 1000000)
			count = 1000000;
		key = getkey();
	}
	buf_begin(&ed.buf, ed.cur);
	dot = command(key, count, count > 0);
	dot = dot && ed.buf.open && ed.buf.open->n;
	buf_end(&ed.buf);
	rec_on = 0;
	if (dot && rec_len < (int)sizeof(ed.dot)) {
		memcpy(ed.dot, rec_buf, rec_len);
		ed.ndot = rec_len;
	}
	clamp_cursor();
}
