// SPDX-License-Identifier: GPL-2.0
/*
 * The line editor's pure part: a line and its cursor, what each editing key does to them
 * (emacs-style, as readline's defaults), and the decoder of the sequences terminals send for
 * the cursor keys (both the ESC [ and the ESC O forms, the vt220 ~ forms for Home, End and
 * Delete). Nothing here touches a terminal.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lineedit.h"

static void *le_realloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		/* the shell's own allocator gives up the same way */
		write(2, "sh: out of memory\n", 18);
		_exit(2);
	}
	return p;
}

void le_init(struct le_line *l)
{
	memset(l, 0, sizeof(*l));
	l->cap = 64;
	l->buf = le_realloc(NULL, l->cap);
	l->buf[0] = 0;
}

void le_free(struct le_line *l)
{
	free(l->buf);
	free(l->kill);
	memset(l, 0, sizeof(*l));
}

static void reserve(struct le_line *l, size_t n)
{
	if (l->len + n + 1 <= l->cap)
		return;
	while (l->len + n + 1 > l->cap)
		l->cap *= 2;
	l->buf = le_realloc(l->buf, l->cap);
}

void le_insert(struct le_line *l, const char *s, size_t n)
{
	reserve(l, n);
	memmove(l->buf + l->pos + n, l->buf + l->pos, l->len - l->pos + 1);
	memcpy(l->buf + l->pos, s, n);
	l->len += n;
	l->pos += n;
}

void le_set(struct le_line *l, const char *s)
{
	l->len = l->pos = 0;
	l->buf[0] = 0;
	le_insert(l, s, strlen(s));
}

void le_delete(struct le_line *l, size_t from, size_t to)
{
	if (to > l->len)
		to = l->len;
	if (from >= to)
		return;
	memmove(l->buf + from, l->buf + to, l->len - to + 1);
	l->len -= to - from;
	if (l->pos >= to)
		l->pos -= to - from;
	else if (l->pos > from)
		l->pos = from;
}

/* Deletes [from, to) into the kill buffer. */
static int kill_range(struct le_line *l, size_t from, size_t to)
{
	if (from >= to)
		return LE_BELL;
	l->kill = le_realloc(l->kill, to - from);
	memcpy(l->kill, l->buf + from, to - from);
	l->kill_len = to - from;
	le_delete(l, from, to);
	return LE_REDRAW;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

static int is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || (unsigned char)c >= 0x80;
}

/* ^W: back over blanks, then over non-blanks (readline's unix-word-rubout) */
static size_t blank_word_start(const struct le_line *l)
{
	size_t i = l->pos;

	while (i && is_space(l->buf[i - 1]))
		i--;
	while (i && !is_space(l->buf[i - 1]))
		i--;
	return i;
}

static size_t word_left(const struct le_line *l)
{
	size_t i = l->pos;

	while (i && !is_word(l->buf[i - 1]))
		i--;
	while (i && is_word(l->buf[i - 1]))
		i--;
	return i;
}

static size_t word_right(const struct le_line *l)
{
	size_t i = l->pos;

	while (i < l->len && !is_word(l->buf[i]))
		i++;
	while (i < l->len && is_word(l->buf[i]))
		i++;
	return i;
}

static int move_to(struct le_line *l, size_t pos)
{
	if (pos == l->pos)
		return LE_BELL;
	l->pos = pos;
	return LE_REDRAW;
}

int le_edit(struct le_line *l, int key)
{
	switch (key) {
	case '\r':
	case '\n':
		return LE_ACCEPT;
	case LE_CTRL('A'):
	case LE_KEY_HOME:
		return move_to(l, 0);
	case LE_CTRL('E'):
	case LE_KEY_END:
		return move_to(l, l->len);
	case LE_CTRL('B'):
	case LE_KEY_LEFT:
		return l->pos ? move_to(l, l->pos - 1) : LE_BELL;
	case LE_CTRL('F'):
	case LE_KEY_RIGHT:
		return l->pos < l->len ? move_to(l, l->pos + 1) : LE_BELL;
	case LE_KEY_WORD_LEFT:
		return move_to(l, word_left(l));
	case LE_KEY_WORD_RIGHT:
		return move_to(l, word_right(l));
	case LE_DEL:
	case LE_CTRL('H'):
		if (!l->pos)
			return LE_BELL;
		le_delete(l, l->pos - 1, l->pos);
		return LE_REDRAW;
	case LE_CTRL('D'):
		if (!l->len)
			return LE_EOF;
		/* fall through */
	case LE_KEY_DELETE:
		if (l->pos >= l->len)
			return LE_BELL;
		le_delete(l, l->pos, l->pos + 1);
		return LE_REDRAW;
	case LE_CTRL('K'):
		return kill_range(l, l->pos, l->len);
	case LE_CTRL('U'):
		return kill_range(l, 0, l->pos);
	case LE_CTRL('W'):
		return kill_range(l, blank_word_start(l), l->pos);
	case LE_CTRL('Y'):
		if (!l->kill_len)
			return LE_BELL;
		le_insert(l, l->kill, l->kill_len);
		return LE_REDRAW;
	case LE_CTRL('T'): {
		/* swaps the two characters before the cursor at the end, else around it */
		char c;

		if (l->len < 2 || !l->pos)
			return LE_BELL;
		if (l->pos == l->len)
			l->pos--;
		c = l->buf[l->pos - 1];
		l->buf[l->pos - 1] = l->buf[l->pos];
		l->buf[l->pos] = c;
		l->pos++;
		return LE_REDRAW;
	}
	case LE_KEY_IGNORED:
		return LE_BELL;
	}
	if (key >= 0x20 && key <= 0xff && key != LE_DEL) {
		char c = (char)key;

		le_insert(l, &c, 1);
		return LE_REDRAW;
	}
	return LE_UNHANDLED;
}

/* The final byte of a CSI sequence, with its first two numeric parameters */
static int csi_key(int final, const int *param, int nparam)
{
	int mod = nparam > 1 ? param[1] : 1;

	switch (final) {
	case 'A':
		return LE_KEY_UP;
	case 'B':
		return LE_KEY_DOWN;
	case 'C':
		return mod >= 3 ? LE_KEY_WORD_RIGHT : LE_KEY_RIGHT;
	case 'D':
		return mod >= 3 ? LE_KEY_WORD_LEFT : LE_KEY_LEFT;
	case 'H':
		return LE_KEY_HOME;
	case 'F':
		return LE_KEY_END;
	case '~':
		switch (nparam ? param[0] : 0) {
		case 1:
		case 7:
			return LE_KEY_HOME;
		case 4:
		case 8:
			return LE_KEY_END;
		case 3:
			return LE_KEY_DELETE;
		}
	}
	return LE_KEY_IGNORED;
}

enum {
	D_GROUND,
	D_ESC,
	D_CSI,
	D_SS3
};

int le_decode(struct le_decoder *d, unsigned char c)
{
	switch (d->state) {
	case D_GROUND:
		if (c != 0x1b)
			return c;
		d->state = D_ESC;
		return -1;
	case D_ESC:
		d->state = D_GROUND;
		if (c == '[' || c == 'O') {
			d->state = c == '[' ? D_CSI : D_SS3;
			d->nparam = 0;
			d->param[0] = d->param[1] = 0;
			return -1;
		}
		if (c == 'b')
			return LE_KEY_WORD_LEFT;
		if (c == 'f')
			return LE_KEY_WORD_RIGHT;
		return LE_KEY_IGNORED;
	case D_CSI:
		if (c >= '0' && c <= '9') {
			if (!d->nparam)
				d->nparam = 1;
			if (d->nparam <= 2)
				d->param[d->nparam - 1] = d->param[d->nparam - 1] * 10 + (c - '0');
			return -1;
		}
		if (c == ';') {
			if (!d->nparam)
				d->nparam = 1;
			d->nparam++;
			return -1;
		}
		if (c < 0x40 || c > 0x7e)
			return -1; /* intermediate bytes: wait for the final one */
		d->state = D_GROUND;
		return csi_key(c, d->param, d->nparam > 2 ? 2 : d->nparam);
	case D_SS3:
		d->state = D_GROUND;
		return csi_key(c, d->param, 0);
	}
	d->state = D_GROUND;
	return LE_KEY_IGNORED;
}
