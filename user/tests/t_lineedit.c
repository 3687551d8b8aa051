/* The shell's line editor, its pure part (user/sh/lebuf.c): keys in, a line and cursor out. */
#include "tap.h"
#include <string.h>

#include "../sh/lebuf.c"

/* Feeds bytes through the decoder and the editor; returns the last le_edit result. */
static int feed(struct le_line *l, const char *bytes)
{
	struct le_decoder d = { 0 };
	int r = LE_UNHANDLED;

	for (const char *p = bytes; *p; p++) {
		int key = le_decode(&d, (unsigned char)*p);

		if (key >= 0)
			r = le_edit(l, key);
	}
	return r;
}

static const char *typed(const char *bytes)
{
	static struct le_line l;

	if (l.buf)
		le_free(&l);
	le_init(&l);
	feed(&l, bytes);
	return l.buf;
}

int main(void)
{
	struct le_decoder d = { 0 };
	struct le_line l;
	int r;

	tap_plan(22);
	tap_streq(typed("ac\x1b[Db"), "abc", "left arrow (ESC [ D), then insert in the middle");
	tap_streq(typed("xz\x1bODy"), "xyz", "left arrow in the ESC O form");
	tap_streq(typed("bc\x01"
			"a\x05"
			"d"),
		  "abcd", "^A and ^E");
	tap_streq(typed("ac\x02"
			"b\x06"
			"d"),
		  "abcd", "^B and ^F");
	tap_streq(typed("b\x1b[Ha\x1b[Fc"), "abc", "Home and End as ESC [H, ESC [F");
	tap_streq(typed("b\x1b[1~a\x1b[4~c\x1bOHx\x1bOFy"), "xabcy",
		  "Home and End as ESC [1~, ESC [4~, ESC OH, ESC OF");
	tap_streq(typed("abXc\x1b[D\x1b[D\x1b[3~"), "abc", "Delete (ESC [3~)");
	tap_streq(typed("abXY\x7f\x08"), "ab", "Backspace as DEL and ^H");
	tap_streq(typed("abc def\x02\x02\x02\x02\x0b"), "abc", "^K kills to the end");
	tap_streq(typed("abc def\x02\x02\x02\x15"), "def", "^U kills to the start");
	tap_streq(typed("one two  \x17"
			"three"),
		  "one three", "^W kills a word and its blanks");
	tap_streq(typed("one two\x17\x01\x19 "), "two one ", "^Y yanks what ^W killed");
	tap_streq(typed("ab\x14"), "ba", "^T swaps the last two characters at the end");
	tap_streq(typed("one two\x1b"
			"b\x1b"
			"bX"),
		  "Xone two", "ESC b moves a word back");
	tap_streq(typed("ab\x1b[1;5DX"), "Xab", "ctrl-left (ESC [1;5D) moves a word back");
	tap_streq(typed("a\x1b[99~b\x1b[Zc"), "abc", "unknown sequences are read whole, ignored");

	le_init(&l);
	r = feed(&l, "\x04");
	ok(r == LE_EOF, "^D on an empty line is the end of input");
	r = feed(&l, "ab\x04");
	ok(r == LE_BELL && !strcmp(l.buf, "ab"), "^D at the end of a line only rings");
	r = feed(&l, "\x02\x04");
	ok(r == LE_REDRAW && !strcmp(l.buf, "a"), "^D inside a line deletes under the cursor");
	r = feed(&l, "\r");
	ok(r == LE_ACCEPT, "Enter accepts the line");
	le_free(&l);

	ok(le_decode(&d, 0x1b) == -1 && le_decode(&d, '[') == -1 && le_decode(&d, 'A') == LE_KEY_UP,
	   "ESC [ A decodes to up, byte by byte");
	ok(le_decode(&d, 0x1b) == -1 && le_decode(&d, 'O') == -1 &&
		   le_decode(&d, 'B') == LE_KEY_DOWN,
	   "ESC O B decodes to down");
	return tap_done();
}
