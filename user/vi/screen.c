// SPDX-License-Identifier: GPL-2.0
/*
 * Drawing: the text from the top line down, long lines wrapped, tabs to the next multiple
 * of 8, control characters as ^X; "~" past the end; the status line last. The previous
 * frame is kept, and only the rows that differ are sent: over a serial line a full screen
 * per key would be slow.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vi.h"

static char **shown; /* the rows on the terminal now, NULL when unknown */
static int nshown;

struct out {
	char *s;
	size_t n, cap;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->n + n + 1 > o->cap) {
		while (o->n + n + 1 > o->cap)
			o->cap = o->cap ? 2 * o->cap : 4096;
		o->s = xrealloc(o->s, o->cap);
	}
	memcpy(o->s + o->n, s, n);
	o->n += n;
	o->s[o->n] = 0;
}

static void puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static int char_width(unsigned char c, int at)
{
	if (c == '\t')
		return 8 - at % 8;
	if (c < 0x20 || c == 0x7f)
		return 2;
	if (c >= 0x80 && c < 0xc0) /* a UTF-8 continuation byte: part of the last cell */
		return 0;
	return 1;
}

/* The display column where byte col of s starts. */
int disp_col(const char *s, int col)
{
	int d = 0;

	for (int i = 0; i < col && s[i]; i++)
		d += char_width((unsigned char)s[i], d);
	return d;
}

/* The byte whose cells cover display column want (the last one if the line is shorter). */
int col_from_disp(const char *s, int want)
{
	int d = 0, i, last = 0;

	for (i = 0; s[i]; i++) {
		int w = char_width((unsigned char)s[i], d);

		if (w)
			last = i;
		if (w && d + w > want)
			return i;
		d += w;
	}
	return last;
}

static int text_width(const char *s)
{
	return disp_col(s, (int)strlen(s));
}

int screen_line_rows(int row)
{
	int w = text_width(ed.buf.lines[row]);

	return w ? (w + ed.cols - 1) / ed.cols : 1;
}

/* Moves top so that the cursor's line is on screen, all of it if it fits. */
void screen_scroll_to_cursor(void)
{
	int text = ed.rows - 1, used, t;

	if (ed.top >= ed.buf.nlines)
		ed.top = ed.buf.nlines - 1;
	if (ed.cur.row < ed.top) {
		ed.top = ed.cur.row;
		return;
	}
	/* the highest top that still shows the cursor's line */
	used = screen_line_rows(ed.cur.row);
	for (t = ed.cur.row; t > ed.top && used + screen_line_rows(t - 1) <= text; t--)
		used += screen_line_rows(t - 1);
	if (t > ed.top)
		ed.top = t;
}

void screen_invalidate(void)
{
	for (int i = 0; i < nshown; i++)
		free(shown[i]);
	free(shown);
	shown = NULL;
	nshown = 0;
}

/* A line's cells as text: tabs as spaces, control characters as ^X. */
static void expand(const char *s, struct out *o)
{
	int d = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		int w = char_width(c, d);

		if (c == '\t') {
			put(o, "        ", w);
		} else if (c < 0x20 || c == 0x7f) {
			char cc[2] = { '^', (char)(c == 0x7f ? '?' : c + '@') };

			put(o, cc, 2);
		} else {
			put(o, (const char *)&c, 1);
		}
		d += w;
	}
}

/* Cuts expanded text into rows of cols cells (continuation bytes take none). */
static int split_rows(const char *s, int cols, const char **starts, int max)
{
	int n = 0, d = 0;

	starts[n++] = s;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x80 && c < 0xc0)
			continue;
		if (d == cols) {
			if (n == max)
				break;
			starts[n++] = s;
			d = 0;
		}
		d++;
	}
	return n;
}

static void status_line(char *line, size_t size)
{
	char right[32];
	int n;

	snprintf(right, sizeof(right), "%d,%d", ed.cur.row + 1, ed.cur.col + 1);
	if (ed.msg[0])
		n = snprintf(line, size, "%s", ed.msg);
	else if (ed.insert)
		n = snprintf(line, size, "-- INSERT --");
	else
		n = snprintf(line, size, "\"%s\"%s %dL", ed.name ? ed.name : "[No Name]",
			     ed.buf.modified ? " [Modified]" : "", ed.buf.nlines);
	if (n < 0)
		n = 0;
	if (n >= ed.cols - 1)
		n = ed.cols - 1;
	line[n] = 0;
	if (!ed.msg[0] && n + (int)strlen(right) + 2 < ed.cols) {
		int pad = ed.cols - 1 - (int)strlen(right) - n;

		if (pad > 20)
			pad -= 10; /* where vi's ruler stands, not against the edge */
		snprintf(line + n, size - n, "%*s%s", pad, "", right);
	}
}

static int cells_in(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

void screen_draw(void)
{
	int text = ed.rows - 1, r = 0, crow = 0, ccol = 0;
	char **rows = xmalloc(ed.rows * sizeof(char *));
	struct out o = { 0 }, cells = { 0 };
	const char **starts = xmalloc((ed.rows + 1) * sizeof(char *));
	char pos[48];

	screen_scroll_to_cursor();
	for (int l = ed.top; r < text; l++) {
		int n, fit;

		if (l >= ed.buf.nlines) {
			rows[r++] = xstrdup("~");
			continue;
		}
		cells.n = 0;
		put(&cells, "", 0);
		expand(ed.buf.lines[l], &cells);
		n = split_rows(cells.s, ed.cols, starts, ed.rows);
		fit = n <= text - r || l == ed.top;
		if (!fit) { /* vi's "@" rows: the next line does not fit */
			while (r < text)
				rows[r++] = xstrdup("@");
			break;
		}
		if (l == ed.cur.row) {
			const char *s = ed.buf.lines[l];
			int d = disp_col(s, ed.cur.col);

			if (!ed.insert && s[ed.cur.col] == '\t')
				d = disp_col(s, ed.cur.col + 1) - 1;
			crow = r + d / ed.cols;
			ccol = d % ed.cols;
			if (crow >= r + n && crow > r) { /* just past a full last row */
				crow = r + n - 1;
				ccol = ed.cols - 1;
			}
		}
		for (int i = 0; i < n && r < text; i++) {
			const char *end = i + 1 < n ? starts[i + 1] : cells.s + cells.n;

			rows[r++] = xstrndup(starts[i], end - starts[i]);
		}
	}
	free(cells.s);
	free(starts);
	rows[text] = xmalloc(ed.cols + 64);
	status_line(rows[text], ed.cols + 64);
	if (crow >= text)
		crow = text - 1;

	puts_(&o, "\033[?25l");
	if (ed.redraw_all || nshown != ed.rows) {
		screen_invalidate();
		puts_(&o, "\033[H\033[2J");
		ed.redraw_all = 0;
	}
	for (int i = 0; i < ed.rows; i++) {
		if (shown && !strcmp(shown[i], rows[i]))
			continue;
		snprintf(pos, sizeof(pos), "\033[%d;1H", i + 1);
		puts_(&o, pos);
		puts_(&o, rows[i]);
		if (cells_in(rows[i]) < ed.cols) /* a full row: the cursor sits in it */
			puts_(&o, "\033[K");
	}
	screen_invalidate();
	shown = rows;
	nshown = ed.rows;
	snprintf(pos, sizeof(pos), "\033[%d;%dH\033[?25h", crow + 1, ccol + 1);
	puts_(&o, pos);
	term_write(o.s, o.n);
	free(o.s);
}

/* The command line: the prompt and what was typed, on the last row. */
void screen_prompt(const char *prompt, const char *text)
{
	struct out o = { 0 };
	char pos[48];

	snprintf(pos, sizeof(pos), "\033[%d;1H", ed.rows);
	puts_(&o, pos);
	puts_(&o, prompt);
	expand(text, &o);
	puts_(&o, "\033[K");
	term_write(o.s, o.n);
	free(o.s);
	if (shown) { /* the status row is not what the frame says any more */
		free(shown[ed.rows - 1]);
		shown[ed.rows - 1] = xstrdup("\001");
	}
}
