/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The line editor's pure part (lebuf.c): a line with a cursor and a kill buffer, the edits
 * the keys make, and the decoder of the terminal's key sequences. No I/O and nothing of the
 * shell, so that user/tests/t_lineedit.c can test it on its own; lineedit.c is the terminal
 * side (raw mode, drawing, history, search, completion).
 */
#ifndef LINEEDIT_H
#define LINEEDIT_H

#include <stddef.h>

/* keys past the byte range, decoded from escape sequences */
enum {
	LE_KEY_UP = 0x100,
	LE_KEY_DOWN,
	LE_KEY_LEFT,
	LE_KEY_RIGHT,
	LE_KEY_HOME,
	LE_KEY_END,
	LE_KEY_DELETE,
	LE_KEY_WORD_LEFT, /* ESC b, ^[[1;5D */
	LE_KEY_WORD_RIGHT, /* ESC f, ^[[1;5C */
	LE_KEY_IGNORED, /* a sequence we know no meaning for, read to its end */
};

#define LE_CTRL(c) ((c)&0x1f)
#define LE_DEL 0x7f

struct le_line {
	char *buf; /* always NUL-terminated */
	size_t len, cap, pos;
	char *kill; /* what ^K ^U ^W took last, for ^Y */
	size_t kill_len;
};

/* what le_edit did with a key */
enum {
	LE_UNHANDLED, /* not an editing key: the caller's (history, search, completion) */
	LE_REDRAW, /* the line or the cursor changed */
	LE_BELL, /* nothing to do (at an end, nothing killed) */
	LE_ACCEPT, /* Enter */
	LE_EOF, /* ^D on an empty line */
};

void le_init(struct le_line *l);
void le_free(struct le_line *l);
void le_set(struct le_line *l, const char *s); /* the whole line, cursor at its end */
void le_insert(struct le_line *l, const char *s, size_t n);
void le_delete(struct le_line *l, size_t from, size_t to); /* [from, to) */
int le_edit(struct le_line *l, int key);

/* The decoder: feed bytes; returns a key (a byte or LE_KEY_*) or -1 while a sequence is
 * incomplete. */
struct le_decoder {
	int state;
	int param[2], nparam;
};
int le_decode(struct le_decoder *d, unsigned char c);

#endif
