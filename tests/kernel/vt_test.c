// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual console's drawing (drivers/tty/vt.c, drivers/video/fbcon.c) on a framebuffer in
 * memory: glyphs and colours land on the right pixels, attributes and the cursor show,
 * scrolling moves pixels, a DSR query is answered, and nothing is drawn outside the cells.
 * Also tty1's window size, which must be the console's real size.
 */
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/tty.h>
#include <kernel/vmalloc.h>
#include <kernel/vt.h>

#define COLS 20
#define ROWS 6
#define EXTRA_X 5 /* pixels right of the last column and below the last row, never drawn */
#define EXTRA_Y 7
#define WIDTH (COLS * FONT_WIDTH + EXTRA_X)
#define HEIGHT (ROWS * FONT_HEIGHT + EXTRA_Y)
#define CANARY 0x5a

struct fixture {
	struct fbcon_info info;
	struct vt_renderer *r;
	struct vt_display d;
	struct vt_cell cells[COLS * ROWS], alt[COLS * ROWS], shown[COLS * ROWS];
	char reply[32];
	size_t reply_len;
};

static void capture_reply(struct vt_display *d, const char *s, size_t len)
{
	struct fixture *f = container_of(d, struct fixture, d);

	for (size_t i = 0; i < len && f->reply_len + 1 < sizeof(f->reply); i++)
		f->reply[f->reply_len++] = s[i];
	f->reply[f->reply_len] = '\0';
}

/* A 32-bpp (or 16-bpp) framebuffer with a pitch wider than its width, as real ones have. */
static struct fixture *fixture_new(unsigned int bpp)
{
	struct fixture *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->info.bpp = bpp;
	f->info.width = WIDTH;
	f->info.height = HEIGHT;
	f->info.pitch = WIDTH * (bpp / 8) + 16;
	if (bpp == 32) {
		f->info.red_pos = 16, f->info.green_pos = 8, f->info.blue_pos = 0;
		f->info.red_size = f->info.green_size = f->info.blue_size = 8;
	} else { /* RGB565 */
		f->info.red_pos = 11, f->info.green_pos = 5, f->info.blue_pos = 0;
		f->info.red_size = 5, f->info.green_size = 6, f->info.blue_size = 5;
	}
	f->info.base = vmalloc(f->info.pitch * HEIGHT);
	if (!f->info.base) {
		kfree(f);
		return NULL;
	}
	memset(f->info.base, CANARY, f->info.pitch * HEIGHT);
	f->r = fbcon_create(&f->info);
	if (!f->r) {
		vfree(f->info.base);
		kfree(f);
		return NULL;
	}
	vt_display_init(&f->d, f->r, f->cells, f->alt, f->shown);
	f->d.reply = capture_reply;
	vt_display_redraw(&f->d);
	return f;
}

static void fixture_free(struct fixture *f)
{
	kfree(f->r);
	vfree(f->info.base);
	kfree(f);
}

static void put(struct fixture *f, const char *s)
{
	vt_display_write(&f->d, (const unsigned char *)s, strlen(s));
}

static u32 pixel(struct fixture *f, unsigned int x, unsigned int y)
{
	u8 *p = f->info.base + y * f->info.pitch + x * (f->info.bpp / 8);

	return f->info.bpp == 32 ? *(u32 *)p : *(u16 *)p;
}

/* Whether cell (cx, cy) shows glyph ch in colours fg on bg (palette indices). */
static bool cell_shows(struct fixture *f, unsigned int cx, unsigned int cy, u8 ch, unsigned int fg,
		       unsigned int bg)
{
	u32 fgc = fbcon_color(&f->info, fg), bgc = fbcon_color(&f->info, bg);

	for (unsigned int y = 0; y < FONT_HEIGHT; y++)
		for (unsigned int x = 0; x < FONT_WIDTH; x++) {
			bool on = font_8x16[ch][y] & (0x80 >> x);

			if (pixel(f, cx * FONT_WIDTH + x, cy * FONT_HEIGHT + y) != (on ? fgc : bgc))
				return false;
		}
	return true;
}

static void test_glyphs_and_colors(struct ktest *t)
{
	struct fixture *f = fixture_new(32);

	KTEST_ASSERT_NE(t, f, NULL);
	KTEST_EXPECT_EQ(t, f->r->cols, COLS);
	KTEST_EXPECT_EQ(t, f->r->rows, ROWS);
	put(f, "Hi\033[1;31;44mZ\033[0m\033[7mq\033[0m");
	KTEST_EXPECT_TRUE(t, cell_shows(f, 0, 0, 'H', 7, 0));
	KTEST_EXPECT_TRUE(t, cell_shows(f, 1, 0, 'i', 7, 0));
	KTEST_EXPECT_TRUE(t, cell_shows(f, 2, 0, 'Z', 12, 1)); /* bold red: bright red */
	KTEST_EXPECT_TRUE(t, cell_shows(f, 3, 0, 'q', 0, 7)); /* reverse video */
	KTEST_EXPECT_TRUE(t, cell_shows(f, 5, 3, ' ', 7, 0));
	/* Light grey on black is 0xaaaaaa on 0x000000 in XRGB8888. */
	KTEST_EXPECT_EQ(t, pixel(f, 0, 5), 0xaaaaaa); /* the left stroke of 'H' */
	KTEST_EXPECT_EQ(t, pixel(f, 3, 5), 0);
	/* Nothing outside the cells is touched. */
	KTEST_EXPECT_EQ(t, f->info.base[COLS * FONT_WIDTH * 4], CANARY);
	KTEST_EXPECT_EQ(t, f->info.base[(ROWS * FONT_HEIGHT) * f->info.pitch], CANARY);
	KTEST_EXPECT_EQ(t, f->info.base[WIDTH * 4], CANARY); /* the pitch's padding */
	fixture_free(f);
}

static void test_cursor_and_underline(struct ktest *t)
{
	struct fixture *f = fixture_new(32);
	u32 grey;

	KTEST_ASSERT_NE(t, f, NULL);
	grey = fbcon_color(&f->info, 7);
	put(f, "\033[4mu\033[0m\033[3;5H");
	/* The underline attribute: row 14 of the glyph lit across the cell. */
	for (unsigned int x = 0; x < FONT_WIDTH; x++)
		KTEST_EXPECT_EQ(t, pixel(f, x, FONT_HEIGHT - 2), grey);
	/* The cursor: the last two pixel rows of its cell, nothing above. */
	KTEST_EXPECT_EQ(t, pixel(f, 4 * FONT_WIDTH + 3, 2 * FONT_HEIGHT + 15), grey);
	KTEST_EXPECT_EQ(t, pixel(f, 4 * FONT_WIDTH + 3, 2 * FONT_HEIGHT + 14), grey);
	KTEST_EXPECT_EQ(t, pixel(f, 4 * FONT_WIDTH + 3, 2 * FONT_HEIGHT + 8), 0);
	/* Moved away, it leaves the cell blank; hidden (DECTCEM), it is nowhere. */
	put(f, "\033[H\033[?25l");
	KTEST_EXPECT_TRUE(t, cell_shows(f, 4, 2, ' ', 7, 0));
	KTEST_EXPECT_EQ(t, pixel(f, 3, FONT_HEIGHT - 1), 0);
	fixture_free(f);
}

static void test_scroll_and_edit(struct ktest *t)
{
	struct fixture *f = fixture_new(32);

	KTEST_ASSERT_NE(t, f, NULL);
	put(f, "\033[?25la\r\nb\r\nc\r\nd\r\ne\r\nf\r\ng\r\nh"); /* no cursor in the way */
	/* Eight lines on six rows: c..h are left, drawn where the cells say. */
	KTEST_EXPECT_EQ(t, f->cells[0].ch, 'c');
	KTEST_EXPECT_TRUE(t, cell_shows(f, 0, 0, 'c', 7, 0));
	KTEST_EXPECT_TRUE(t, cell_shows(f, 0, 4, 'g', 7, 0));
	KTEST_EXPECT_TRUE(t, cell_shows(f, 0, 5, 'h', 7, 0));
	/* A scroll region scrolled down by RI, then line deletion and character insertion. */
	put(f, "\033[2;4r\033[2;1H\033M");
	KTEST_EXPECT_TRUE(t, cell_shows(f, 0, 1, ' ', 7, 0));
	KTEST_EXPECT_TRUE(t, cell_shows(f, 0, 2, 'd', 7, 0));
	KTEST_EXPECT_TRUE(t, cell_shows(f, 0, 3, 'e', 7, 0));
	KTEST_EXPECT_TRUE(t, cell_shows(f, 0, 4, 'g', 7, 0)); /* below the region: kept */
	put(f, "\033[r\033[1;1H\033[2@X\033[2J");
	for (unsigned int y = 0; y < ROWS; y++)
		KTEST_EXPECT_TRUE(t, cell_shows(f, 0, y, ' ', 7, 0));
	fixture_free(f);
}

static void test_rgb565_and_reply(struct ktest *t)
{
	struct fixture *f = fixture_new(16);

	KTEST_ASSERT_NE(t, f, NULL);
	put(f, "\033[32mW\033[5;9H\033[6n");
	KTEST_EXPECT_TRUE(t, cell_shows(f, 0, 0, 'W', 2, 0));
	KTEST_EXPECT_EQ(t, fbcon_color(&f->info, 15), 0xffff);
	KTEST_EXPECT_EQ(t, strcmp(f->reply, "\033[5;9R"), 0);
	fixture_free(f);
}

/* tty1's TIOCGWINSZ is the console's real size in characters. */
static void test_tty1_winsize(struct ktest *t)
{
	struct tty_struct *tty = vt_tty_struct();

	if (!tty) {
		ktest_skip(t, "no console screen");
		return;
	}
	KTEST_EXPECT_GT(t, tty->winsize.ws_col, 0);
	KTEST_EXPECT_GT(t, tty->winsize.ws_row, 0);
	KTEST_EXPECT_LE(t, tty->winsize.ws_col, VT_MAX_COLS);
	KTEST_EXPECT_LE(t, tty->winsize.ws_row, VT_MAX_ROWS);
}

static struct ktest_case vt_cases[] = {
	KTEST_CASE(test_glyphs_and_colors), KTEST_CASE(test_cursor_and_underline),
	KTEST_CASE(test_scroll_and_edit),   KTEST_CASE(test_rgb565_and_reply),
	KTEST_CASE(test_tty1_winsize),	    {},
};

static struct ktest_suite vt_suite = { .name = "vt", .cases = vt_cases };
ktest_register_suite(vt_suite);
