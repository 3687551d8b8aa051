// SPDX-License-Identifier: GPL-2.0
/*
 * Motions: where a key moves the cursor, for normal mode and as the operators' ranges.
 * A position one past a line's last character stands for its newline, which counts as a
 * blank; an empty line is a word of its own for w and b, as in vi.
 */
#include <ctype.h>
#include <limits.h>
#include <string.h>

#include "motion.h"

static char last_find, last_find_key;

static int len(int row)
{
	return buf_len(&ed.buf, row);
}

static int char_at(struct pos p)
{
	return (unsigned char)ed.buf.lines[p.row][p.col];
}

/* 0 blank (and the newline), 1 punctuation, 2 word characters; big words: 0 or 1. */
static int cls(struct pos p, int big)
{
	int c = char_at(p);

	if (!c || c == ' ' || c == '\t')
		return 0;
	if (big)
		return 1;
	return isalnum(c) || c == '_' || c >= 0x80 ? 2 : 1;
}

/* One position on: 0 at the end of the buffer, 2 onto the next line, else 1. */
static int step(struct pos *p)
{
	if (p->col < len(p->row)) {
		p->col++;
		return 1;
	}
	if (p->row + 1 >= ed.buf.nlines)
		return 0;
	p->row++;
	p->col = 0;
	return 2;
}

static int step_back(struct pos *p)
{
	if (p->col > 0) {
		p->col--;
		return 1;
	}
	if (p->row == 0)
		return 0;
	p->row--;
	p->col = len(p->row);
	return 2;
}

static struct pos word_fwd(struct pos p, int big)
{
	int c = cls(p, big), crossed = 0, r;

	if (c) {
		while (cls(p, big) == c) {
			r = step(&p);
			if (!r)
				return p;
			if (r == 2) {
				crossed = 1;
				break;
			}
		}
	}
	while (cls(p, big) == 0) {
		if (crossed && len(p.row) == 0)
			return p;
		r = step(&p);
		if (!r)
			return p;
		crossed |= r == 2;
	}
	return p;
}

/*
 * The last word of w under an operator (vim's rule too): it stops at the end of the line
 * it reaches, or at the start of the next line if it starts at the end of one, which
 * apply_op() then takes back to the end of the line before.
 */
static struct pos word_fwd_op(struct pos p, int big)
{
	int c = cls(p, big), r = step(&p);

	if (r != 1 || p.col == len(p.row))
		return p;
	if (c) {
		while (cls(p, big) == c) {
			r = step(&p);
			if (r != 1 || p.col == len(p.row))
				return p;
		}
	}
	while (cls(p, big) == 0) {
		r = step(&p);
		if (r != 1 || p.col == len(p.row))
			return p;
	}
	return p;
}

static struct pos word_end(struct pos p, int big)
{
	struct pos q;
	int c;

	if (!step(&p))
		return p;
	while (cls(p, big) == 0)
		if (!step(&p))
			return p;
	c = cls(p, big);
	for (q = p; step(&q) == 1 && cls(q, big) == c;)
		p = q;
	return p;
}

static struct pos word_back(struct pos p, int big)
{
	int crossed = 0, r, c;
	struct pos q;

	r = step_back(&p);
	if (!r)
		return p;
	crossed = r == 2;
	while (cls(p, big) == 0) {
		if (crossed && len(p.row) == 0)
			return p;
		r = step_back(&p);
		if (!r)
			return p;
		crossed |= r == 2;
	}
	c = cls(p, big);
	for (q = p; step_back(&q) == 1 && cls(q, big) == c;)
		p = q;
	return p;
}

int first_nonblank(int row)
{
	const char *s = ed.buf.lines[row];
	int i = 0;

	while (s[i] == ' ' || s[i] == '\t')
		i++;
	return s[i] || i == 0 ? i : i - 1;
}

static int find_char(int key, int ch, int count, int again, struct pos *p)
{
	const char *s = ed.buf.lines[p->row];
	int n = len(p->row), c = p->col;
	int fwd = key == 'f' || key == 't', till = key == 't' || key == 'T';

	while (count--) {
		/* a repeated t/T must not stop in front of the character it stopped at */
		if (again && till &&
		    ((fwd && c + 1 < n && s[c + 1] == ch) || (!fwd && c > 0 && s[c - 1] == ch)))
			c += fwd ? 1 : -1;
		do
			c += fwd ? 1 : -1;
		while (c >= 0 && c < n && s[c] != ch);
		if (c < 0 || c >= n)
			return 0;
	}
	p->col = till ? c + (fwd ? -1 : 1) : c;
	return 1;
}

static int match_bracket(struct pos *p)
{
	static const char pairs[] = "()[]{}";
	const char *s = ed.buf.lines[p->row], *f;
	int col = p->col, depth = 0;
	struct pos q;
	char open, close;
	int fwd;

	while (s[col] && !strchr(pairs, s[col]))
		col++;
	if (!s[col])
		return 0;
	f = strchr(pairs, s[col]);
	fwd = (f - pairs) % 2 == 0;
	open = s[col];
	close = fwd ? f[1] : f[-1];
	q = (struct pos){ p->row, col };
	for (;;) {
		int c = char_at(q);

		if (c == open)
			depth++;
		else if (c == close && --depth == 0)
			break;
		if (!(fwd ? step(&q) : step_back(&q)))
			return 0;
	}
	*p = q;
	return 1;
}

static int motion_key(int key, int count, int has_count, int op, struct motion *m)
{
	struct pos p = ed.cur;
	int last = ed.buf.nlines - 1, text = ed.rows - 1;

	m->linewise = m->inclusive = 0;
	m->keep_want = 0;
	switch (key) {
	case 'h':
	case K_LEFT:
	case CTRL('H'):
	case 0x7f:
		if (p.col == 0)
			return 0;
		p.col = p.col > count ? p.col - count : 0;
		break;
	case 'l':
	case K_RIGHT:
	case ' ': {
		int max = op ? len(p.row) : len(p.row) - 1;

		if (p.col >= max)
			return 0;
		p.col = p.col + count > max ? max : p.col + count;
		break;
	}
	case 'j':
	case K_DOWN:
	case CTRL('J'):
	case CTRL('N'):
	case 'k':
	case K_UP:
	case CTRL('P'): {
		int down = key == 'j' || key == K_DOWN || key == CTRL('J') || key == CTRL('N');
		int row = down ? p.row + count : p.row - count;

		if (down ? p.row >= last : p.row == 0)
			return 0;
		p.row = row < 0 ? 0 : row > last ? last : row;
		p.col = col_from_disp(ed.buf.lines[p.row], ed.want);
		m->linewise = m->keep_want = 1;
		break;
	}
	case '+':
	case '\r':
	case '-':
		if (key == '-' ? p.row - count < 0 : p.row + count > last)
			return 0;
		p.row += key == '-' ? -count : count;
		p.col = first_nonblank(p.row);
		m->linewise = 1;
		break;
	case '0':
	case K_HOME:
		p.col = 0;
		break;
	case '^':
		p.col = first_nonblank(p.row);
		break;
	case '$':
	case K_END:
		if (p.row + count - 1 > last)
			return 0;
		p.row += count - 1;
		p.col = len(p.row) ? len(p.row) - 1 : 0;
		m->inclusive = 1;
		ed.want = INT_MAX;
		m->keep_want = 1;
		break;
	case '|':
		p.col = col_from_disp(ed.buf.lines[p.row], count - 1);
		break;
	case 'w':
	case 'W':
		if (op == 'c' && cls(p, 0)) {
			/* cw is "change words": to the end of this word, then count - 1 more */
			struct pos q = p;
			int c = cls(p, key == 'W');

			if (step(&q) == 1 && cls(q, key == 'W') == c)
				p = word_end(p, key == 'W');
			for (int i = 1; i < count; i++)
				p = word_end(p, key == 'W');
			m->inclusive = 1;
			break;
		}
		for (int i = 0; i < count; i++) {
			struct pos n = op && i == count - 1 ? word_fwd_op(p, key == 'W')
							    : word_fwd(p, key == 'W');

			if (n.row == p.row && n.col == p.col)
				break;
			p = n;
		}
		if (!op && p.col >= len(p.row) && len(p.row))
			p.col = len(p.row) - 1;
		if (p.row == ed.cur.row && p.col == ed.cur.col && !op)
			return 0;
		break;
	case 'e':
	case 'E':
		for (int i = 0; i < count; i++)
			p = word_end(p, key == 'E');
		if (p.col >= len(p.row) && len(p.row))
			p.col = len(p.row) - 1;
		m->inclusive = 1;
		break;
	case 'b':
	case 'B':
		for (int i = 0; i < count; i++)
			p = word_back(p, key == 'B');
		if (p.row == ed.cur.row && p.col == ed.cur.col)
			return 0;
		break;
	case 'G':
		p.row = has_count ? (count - 1 > last ? last : count - 1) : last;
		p.col = first_nonblank(p.row);
		m->linewise = 1;
		break;
	case 'H':
	case 'L':
	case 'M': {
		int shown = 0, rows = 0;

		for (int r = ed.top; r <= last && rows + screen_line_rows(r) <= text; r++) {
			rows += screen_line_rows(r);
			shown++;
		}
		if (!shown)
			shown = 1;
		p.row = key == 'H'   ? ed.top + (count - 1 < shown ? count - 1 : shown - 1)
			: key == 'L' ? ed.top + shown - (count < shown ? count : shown)
				     : ed.top + (shown - 1) / 2;
		p.col = first_nonblank(p.row);
		m->linewise = 1;
		break;
	}
	case 'f':
	case 't':
	case 'F':
	case 'T':
	case ';':
	case ',': {
		int k = key, ch;

		if (key == ';' || key == ',') {
			if (!last_find_key)
				return 0;
			k = last_find_key;
			if (key == ',')
				k = islower(k) ? toupper(k) : tolower(k);
			ch = last_find;
		} else {
			ch = getkey();
			if (ch == ESC || ch > 0xff)
				return 0;
			last_find = (char)ch;
			last_find_key = (char)key;
		}
		if (!find_char(k, ch, count, key == ';' || key == ',', &p))
			return 0;
		m->inclusive = k == 'f' || k == 't';
		break;
	}
	case '%':
		if (!match_bracket(&p))
			return 0;
		m->inclusive = 1;
		break;
	case 'n':
	case 'N':
		if (!ed.last_search ||
		    !search(ed.last_search, ed.search_back ^ (key == 'N'), count))
			return 0;
		p = ed.cur;
		break;
	default:
		return -1;
	}
	m->to = p;
	return 1;
}

/*
 * The motion of key (after its count): 1 with m filled, 0 if it cannot move (vi's beep),
 * -1 if key is no motion. gg is read here too.
 */
int motion(int key, int count, int has_count, int op, struct motion *m)
{
	struct pos save = ed.cur;
	int r;

	if (key == 'g') {
		int k = getkey();

		if (k != 'g')
			return -1;
		m->to.row =
			has_count ? (count - 1 > ed.buf.nlines - 1 ? ed.buf.nlines - 1 : count - 1)
				  : 0;
		m->to.col = first_nonblank(m->to.row);
		m->linewise = 1;
		m->inclusive = m->keep_want = 0;
		return 1;
	}
	r = motion_key(key, count ? count : 1, has_count, op, m);
	if (key == 'n' || key == 'N')
		ed.cur = save; /* search() moved it; the caller decides */
	return r;
}
