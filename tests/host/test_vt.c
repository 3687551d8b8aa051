// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the virtual console's terminal emulator (drivers/tty/vt_parser.c): text,
 * wrapping and scrolling, the cursor motions, erasures, insertions and deletions, SGR, the
 * scroll region, saved cursors, modes, the alternate screen and the DSR reply, each checked
 * on the cells a small screen ends up with.
 */
#include "ktest_host.h"

#include "host_rename.h"

#include <kernel/string.h>
#include <kernel/vt.h>

#define COLS 10
#define ROWS 5

struct term {
	struct vt_screen vt;
	struct vt_cell cells[COLS * ROWS], alt[COLS * ROWS];
	char reply[64];
	size_t reply_len;
	int scrolls; /* the sum of the scroll callbacks' n */
};

static void on_reply(struct vt_screen *vt, const char *s, size_t len)
{
	struct term *t = vt->priv;

	for (size_t i = 0; i < len && t->reply_len + 1 < sizeof(t->reply); i++)
		t->reply[t->reply_len++] = s[i];
	t->reply[t->reply_len] = '\0';
}

static void on_scroll(struct vt_screen *vt, unsigned int top, unsigned int bottom, int n)
{
	struct term *t = vt->priv;

	(void)top;
	(void)bottom;
	t->scrolls += n;
}

static const struct vt_screen_ops ops = { .reply = on_reply, .scroll = on_scroll };

static struct term *term_new(void)
{
	struct term *t = calloc(1, sizeof(*t));

	vt_screen_init(&t->vt, COLS, ROWS, t->cells, t->alt, &ops, t);
	return t;
}

static void put(struct term *t, const char *s)
{
	vt_screen_write(&t->vt, (const unsigned char *)s, strlen(s));
}

/* Row y as a string, trailing blanks kept. */
static const char *row(struct term *t, unsigned int y)
{
	static char buf[COLS + 1];

	for (unsigned int x = 0; x < COLS; x++)
		buf[x] = t->vt.cells[y * COLS + x].ch;
	buf[COLS] = '\0';
	return buf;
}

KTEST(vt_text_wrap_and_scroll)
{
	struct term *t = term_new();

	put(t, "hello\r\nworld");
	EXPECT_STREQ(row(t, 0), "hello     ");
	EXPECT_STREQ(row(t, 1), "world     ");
	EXPECT_EQ(t->vt.x, 5);
	EXPECT_EQ(t->vt.y, 1);
	/* Ten characters fill the row and leave a wrap pending, not a blank line. */
	put(t, "\r\n0123456789");
	EXPECT_EQ(t->vt.y, 2);
	EXPECT_EQ(t->vt.x, 9);
	EXPECT_TRUE(t->vt.wrap_pending);
	put(t, "\r\nX");
	EXPECT_STREQ(row(t, 3), "X         ");
	put(t, "abcdefghijKL"); /* wraps after j */
	EXPECT_STREQ(row(t, 3), "Xabcdefghi");
	EXPECT_STREQ(row(t, 4), "jKL       ");
	put(t, "\n"); /* at the bottom: scrolls, the column stays */
	EXPECT_EQ(t->scrolls, 1);
	EXPECT_STREQ(row(t, 0), "world     ");
	EXPECT_STREQ(row(t, 3), "jKL       ");
	EXPECT_STREQ(row(t, 4), "          ");
	EXPECT_EQ(t->vt.x, 3);
	free(t);
}

KTEST(vt_controls)
{
	struct term *t = term_new();

	put(t, "ab\bc\tx\a");
	EXPECT_STREQ(row(t, 0), "ac      x ");
	put(t, "\t\t"); /* tabs stop at the last column */
	EXPECT_EQ(t->vt.x, 9);
	put(t, "\rZ\x7f");
	EXPECT_STREQ(row(t, 0), "Zc      x ");
	EXPECT_EQ(t->vt.x, 1);
	free(t);
}

KTEST(vt_cursor_motion)
{
	struct term *t = term_new();

	put(t, "\033[3;4H");
	EXPECT_EQ(t->vt.y, 2);
	EXPECT_EQ(t->vt.x, 3);
	put(t, "\033[A\033[2C");
	EXPECT_EQ(t->vt.y, 1);
	EXPECT_EQ(t->vt.x, 5);
	put(t, "\033[99B\033[99D");
	EXPECT_EQ(t->vt.y, 4);
	EXPECT_EQ(t->vt.x, 0);
	put(t, "\033[99;99f");
	EXPECT_EQ(t->vt.y, 4);
	EXPECT_EQ(t->vt.x, 9);
	put(t, "\033[H");
	EXPECT_EQ(t->vt.y, 0);
	EXPECT_EQ(t->vt.x, 0);
	put(t, "\033[2E");
	EXPECT_EQ(t->vt.y, 2);
	put(t, "\033[5G\033[F");
	EXPECT_EQ(t->vt.y, 1);
	EXPECT_EQ(t->vt.x, 0);
	put(t, "\033[7G\033[4d");
	EXPECT_EQ(t->vt.x, 6);
	EXPECT_EQ(t->vt.y, 3);
	put(t, "\033[0;0H"); /* 0 means 1 */
	EXPECT_EQ(t->vt.y, 0);
	EXPECT_EQ(t->vt.x, 0);
	free(t);
}

KTEST(vt_erase)
{
	struct term *t = term_new();

	put(t, "aaaaaaaaaa\r\nbbbbbbbbbb\r\ncccccccccc\033[2;5H\033[K");
	EXPECT_STREQ(row(t, 1), "bbbb      ");
	put(t, "\033[1K");
	EXPECT_STREQ(row(t, 1), "          ");
	put(t, "\033[3;3H\033[1J");
	EXPECT_STREQ(row(t, 0), "          ");
	EXPECT_STREQ(row(t, 2), "   ccccccc");
	put(t, "\033[0J");
	EXPECT_STREQ(row(t, 2), "          ");
	put(t, "\033[Hxyz\033[2J");
	EXPECT_STREQ(row(t, 0), "          ");
	EXPECT_EQ(t->vt.x, 3); /* ED does not move the cursor */
	put(t, "\033[H0123456789\033[1;3H\033[2K");
	EXPECT_STREQ(row(t, 0), "          ");
	free(t);
}

KTEST(vt_insert_delete)
{
	struct term *t = term_new();

	put(t, "0123456789\033[1;3H\033[2@");
	EXPECT_STREQ(row(t, 0), "01  234567");
	put(t, "\033[3P");
	EXPECT_STREQ(row(t, 0), "0134567   ");
	put(t, "\033[2X");
	EXPECT_STREQ(row(t, 0), "01  567   ");
	put(t, "\033[H\033[2J1\r\n2\r\n3\r\n4\r\n5\033[2;1H\033[L");
	EXPECT_STREQ(row(t, 1), "          ");
	EXPECT_STREQ(row(t, 2), "2         ");
	EXPECT_STREQ(row(t, 4), "4         ");
	put(t, "\033[2M");
	EXPECT_STREQ(row(t, 1), "3         ");
	EXPECT_STREQ(row(t, 2), "4         ");
	EXPECT_STREQ(row(t, 3), "          ");
	free(t);
}

KTEST(vt_sgr)
{
	struct term *t = term_new();
	struct vt_cell c;

	put(t, "\033[1;4;31;42mA\033[0mB\033[7mC\033[27;33;44mD\033[39;49mE\033[94;101mF");
	c = t->vt.cells[0];
	EXPECT_EQ(c.ch, 'A');
	EXPECT_EQ(c.attr, VT_ATTR_BOLD | VT_ATTR_UNDERLINE);
	EXPECT_EQ(c.fg, 4); /* red in the palette's BGR order */
	EXPECT_EQ(c.bg, 2);
	c = t->vt.cells[1];
	EXPECT_EQ(c.attr, 0);
	EXPECT_EQ(c.fg, VT_DEFAULT_FG);
	EXPECT_EQ(c.bg, VT_DEFAULT_BG);
	EXPECT_EQ(t->vt.cells[2].attr, VT_ATTR_REVERSE);
	c = t->vt.cells[3];
	EXPECT_EQ(c.attr, 0);
	EXPECT_EQ(c.fg, 6);
	EXPECT_EQ(c.bg, 1);
	c = t->vt.cells[4];
	EXPECT_EQ(c.fg, VT_DEFAULT_FG);
	EXPECT_EQ(c.bg, VT_DEFAULT_BG);
	c = t->vt.cells[5];
	EXPECT_EQ(c.fg, 9);
	EXPECT_EQ(c.bg, 12);
	/* Erasing takes the current background; 38;5;N and 48;2;R;G;B are understood. */
	put(t, "\033[44m\033[2K\033[38;5;1;48;2;0;200;0mG");
	EXPECT_EQ(t->vt.cells[9].bg, 1);
	EXPECT_EQ(t->vt.cells[6].fg, 4);
	EXPECT_EQ(t->vt.cells[6].bg, 10);
	free(t);
}

KTEST(vt_scroll_region)
{
	struct term *t = term_new();

	put(t, "1\r\n2\r\n3\r\n4\r\n5\033[2;4r");
	EXPECT_EQ(t->vt.top, 1);
	EXPECT_EQ(t->vt.bottom, 3);
	EXPECT_EQ(t->vt.y, 0); /* DECSTBM homes the cursor */
	put(t, "\033[4;1H\n");
	EXPECT_STREQ(row(t, 0), "1         ");
	EXPECT_STREQ(row(t, 1), "3         ");
	EXPECT_STREQ(row(t, 2), "4         ");
	EXPECT_STREQ(row(t, 3), "          ");
	EXPECT_STREQ(row(t, 4), "5         ");
	put(t, "\033[2;1H\033M"); /* RI at the region's top scrolls it down */
	EXPECT_STREQ(row(t, 1), "          ");
	EXPECT_STREQ(row(t, 2), "3         ");
	EXPECT_STREQ(row(t, 3), "4         ");
	EXPECT_STREQ(row(t, 4), "5         ");
	put(t, "\033[3;1H\033[9B"); /* CUD stops at the region's bottom */
	EXPECT_EQ(t->vt.y, 3);
	put(t, "\033D\033E"); /* IND and NEL */
	EXPECT_STREQ(row(t, 2), "          ");
	EXPECT_EQ(t->vt.y, 3);
	EXPECT_EQ(t->vt.x, 0);
	put(t, "\033[r");
	EXPECT_EQ(t->vt.top, 0);
	EXPECT_EQ(t->vt.bottom, 4);
	put(t, "\033[5;5r"); /* one row is no region: ignored */
	EXPECT_EQ(t->vt.bottom, 4);
	free(t);
}

KTEST(vt_save_restore)
{
	struct term *t = term_new();

	put(t, "\033[2;3H\033[31m\0337\033[H\033[0m\0338X");
	EXPECT_EQ(t->vt.cells[COLS + 2].ch, 'X');
	EXPECT_EQ(t->vt.cells[COLS + 2].fg, 4);
	put(t, "\033[4;5H\033[s\033[H\033[uY");
	EXPECT_EQ(t->vt.cells[3 * COLS + 4].ch, 'Y');
	free(t);
}

KTEST(vt_modes)
{
	struct term *t = term_new();

	put(t, "\033[?25l");
	EXPECT_FALSE(t->vt.cursor_visible);
	put(t, "\033[?25h\033[?1h");
	EXPECT_TRUE(t->vt.cursor_visible);
	EXPECT_TRUE(t->vt.app_cursor_keys);
	put(t, "\033[?1l\033[?7l0123456789AB");
	EXPECT_FALSE(t->vt.app_cursor_keys);
	EXPECT_STREQ(row(t, 0), "012345678B"); /* no autowrap: the last column is overwritten */
	EXPECT_EQ(t->vt.y, 0);
	free(t);
}

KTEST(vt_alternate_screen)
{
	struct term *t = term_new();

	put(t, "main\033[2;2H\033[?1049h");
	EXPECT_TRUE(t->vt.alt_active);
	EXPECT_STREQ(row(t, 0), "          ");
	put(t, "\033[Halt\033[?1049l");
	EXPECT_FALSE(t->vt.alt_active);
	EXPECT_STREQ(row(t, 0), "main      ");
	EXPECT_EQ(t->vt.y, 1);
	EXPECT_EQ(t->vt.x, 1);
	free(t);
}

KTEST(vt_reports)
{
	struct term *t = term_new();

	put(t, "\033[3;7H\033[6n");
	EXPECT_STREQ(t->reply, "\033[3;7R");
	t->reply_len = 0;
	put(t, "\033[5n");
	EXPECT_STREQ(t->reply, "\033[0n");
	t->reply_len = 0;
	put(t, "\033[c");
	EXPECT_STREQ(t->reply, "\033[?6c");
	t->reply_len = 0;
	put(t, "\033[?6n"); /* DECXCPR is not answered */
	EXPECT_EQ(t->reply_len, 0);
	free(t);
}

KTEST(vt_junk_and_utf8)
{
	struct term *t = term_new();

	/* OSC titles, charsets, unknown sequences and absurd parameters leave no trace. */
	put(t, "\033]0;title\007a\033(Bb\033[99999999999;5;5;5;5;5;5;5;5;5;5;5;5;5;5;5;5;5;5;5Hc");
	EXPECT_EQ(t->vt.cells[0].ch, 'a');
	EXPECT_EQ(t->vt.cells[1].ch, 'b');
	EXPECT_EQ(t->vt.cells[(ROWS - 1) * COLS + 4].ch, 'c');
	put(t, "\033[H\033]2;x\033\\d\033[1$xe\xe2\x94\x80\xe2\x96\x88\xc3\xa9\xff\x80");
	EXPECT_EQ(t->vt.cells[0].ch, 'd');
	EXPECT_EQ(t->vt.cells[1].ch, 'e');
	EXPECT_EQ(t->vt.cells[2].ch, 0xc4); /* U+2500, code page 437's horizontal line */
	EXPECT_EQ(t->vt.cells[3].ch, 0xdb); /* U+2588, the full block */
	EXPECT_EQ(t->vt.cells[4].ch, '?'); /* no glyph for U+00E9 */
	EXPECT_EQ(t->vt.cells[5].ch, '?'); /* 0xff is no UTF-8 */
	EXPECT_EQ(t->vt.cells[6].ch, '?'); /* a stray continuation byte */
	put(t, "\033cq"); /* RIS */
	EXPECT_STREQ(row(t, 0), "q         ");
	free(t);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(vt_text_wrap_and_scroll),
	KTEST_CASE(vt_controls),
	KTEST_CASE(vt_cursor_motion),
	KTEST_CASE(vt_erase),
	KTEST_CASE(vt_insert_delete),
	KTEST_CASE(vt_sgr),
	KTEST_CASE(vt_scroll_region),
	KTEST_CASE(vt_save_restore),
	KTEST_CASE(vt_modes),
	KTEST_CASE(vt_alternate_screen),
	KTEST_CASE(vt_reports),
	KTEST_CASE(vt_junk_and_utf8),
};
KTEST_SUITE(vt, cases);
