/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_VT_H
#define _KERNEL_VT_H

/*
 * The virtual terminal (docs/tty.md, "The screen"): a grid of cells that the bytes written
 * to /dev/tty1 (and printk, with console=tty0) edit through the ANSI/VT100 escape sequences
 * Linux's console understands (drivers/tty/vt_parser.c, pure code with host tests), and a
 * renderer that shows the grid: the framebuffer (drivers/video/fbcon.c) or VGA text mode
 * (drivers/video/vgacon.c). The keyboard (drivers/tty/keyboard*.c) is the terminal's input.
 */
#include <kernel/types.h>

#define VT_MAX_COLS 240
#define VT_MAX_ROWS 100
#define VT_MAX_PARAMS 16

/* Cell attributes */
#define VT_ATTR_BOLD (1U << 0)
#define VT_ATTR_UNDERLINE (1U << 1)
#define VT_ATTR_REVERSE (1U << 2)

#define VT_DEFAULT_FG 7 /* light grey */
#define VT_DEFAULT_BG 0 /* black */

/* One character cell: a glyph of the font (code page 437's numbering) and its colours. */
struct vt_cell {
	u8 ch;
	u8 fg; /* 0-15: the 16-colour palette; bold shows 0-7 as 8-15 */
	u8 bg; /* 0-15 */
	u8 attr; /* VT_ATTR_* */
};

static inline bool vt_cell_eq(struct vt_cell a, struct vt_cell b)
{
	return a.ch == b.ch && a.fg == b.fg && a.bg == b.bg && a.attr == b.attr;
}

enum vt_parse_state {
	VT_GROUND,
	VT_ESC,
	VT_ESC_CHARSET, /* ESC ( X and the like: the next byte names a character set */
	VT_ESC_HASH, /* ESC # X */
	VT_CSI,
	VT_OSC, /* operating system command: skipped up to BEL or ESC \ */
	VT_OSC_ESC,
};

struct vt_screen;

/* What the emulator tells its owner; every member may be NULL. */
struct vt_screen_ops {
	/* Bytes the terminal answers with (DSR, DA): they go back as input. */
	void (*reply)(struct vt_screen *vt, const char *s, size_t len);
	/*
	 * Rows [top, bottom] moved up by n rows (down for n < 0); the cells already say so.
	 * A renderer may move its pixels instead of drawing the rows again.
	 */
	void (*scroll)(struct vt_screen *vt, unsigned int top, unsigned int bottom, int n);
};

struct vt_saved_cursor {
	unsigned int x, y;
	struct vt_cell pen;
};

/*
 * A terminal's whole state. The owner provides the cells (cols * rows of them, and as many
 * again for the alternate screen, or NULL for none) and locks around every call.
 */
struct vt_screen {
	unsigned int cols, rows;
	struct vt_cell *cells; /* the screen shown: the main one or the alternate one */
	struct vt_cell *main_cells, *alt_cells;
	unsigned int x, y; /* the cursor */
	bool wrap_pending; /* a character was written in the last column: the next one wraps */
	struct vt_cell pen; /* the attributes of what is written next (ch unused) */
	unsigned int top, bottom; /* the scroll region, rows inclusive */
	struct vt_saved_cursor saved;
	bool cursor_visible; /* DECTCEM */
	bool autowrap; /* DECAWM */
	bool app_cursor_keys; /* DECCKM: the keyboard sends ESC O A rather than ESC [ A */
	bool alt_active;

	enum vt_parse_state state;
	unsigned int params[VT_MAX_PARAMS];
	unsigned int nparams;
	bool param_seen; /* a digit of the current parameter came */
	char private; /* '?', '>', '=' or '<' after CSI, or 0 */
	char intermediate; /* a byte 0x20-0x2f inside the sequence, or 0 */

	u32 utf8_cp; /* UTF-8 decoding: the code point so far and bytes still to come */
	unsigned int utf8_left;

	const struct vt_screen_ops *ops;
	void *priv;
};

/* Clears the screen and sets every mode to its power-on value. cols and rows at least 1. */
void vt_screen_init(struct vt_screen *vt, unsigned int cols, unsigned int rows,
		    struct vt_cell *cells, struct vt_cell *alt_cells,
		    const struct vt_screen_ops *ops, void *priv);
void vt_screen_reset(struct vt_screen *vt);
/* Interprets bytes as a terminal would. */
void vt_screen_write(struct vt_screen *vt, const unsigned char *buf, size_t len);

static inline struct vt_cell *vt_cell_at(struct vt_screen *vt, unsigned int x, unsigned int y)
{
	return &vt->cells[y * vt->cols + x];
}

/* The font's glyph for a Unicode code point (code page 437's numbering), '?' if none. */
u8 vt_glyph_of(u32 cp);

/* ---- the keyboard's translation (drivers/tty/keyboard_map.c, pure code) ---- */

struct kbd_state {
	bool lshift, rshift, lctrl, rctrl, lalt, ralt;
	bool capslock, numlock;
	bool e0; /* the previous byte was the 0xe0 prefix */
	unsigned int e1_left; /* bytes of a Pause key's 0xe1 sequence still to skip */
};

#define KBD_CTRL_ALT_DEL (1U << 0) /* the three-finger salute was pressed */
#define KBD_LEDS_CHANGED (1U << 1) /* Caps Lock or Num Lock toggled */

/*
 * One byte of scan code set 1 (what the i8042 gives with translation on): the bytes the
 * terminal reads for it (at most KBD_MAX_OUT) go to out, their count to *out_len; returns
 * KBD_* events. app_cursor: DECCKM is set on the terminal.
 */
#define KBD_MAX_OUT 8
unsigned int kbd_translate(struct kbd_state *kbd, u8 scancode, bool app_cursor, char *out,
			   size_t *out_len);

/* ---- the screen's renderers (drivers/video/) ---- */

struct vt_renderer {
	const char *name;
	unsigned int cols, rows;
	void (*draw_cell)(struct vt_renderer *r, unsigned int x, unsigned int y,
			  struct vt_cell cell, bool cursor);
	/* Moves rows [top, bottom] by n (up for n > 0); the rows left behind are redrawn. */
	void (*move_rows)(struct vt_renderer *r, unsigned int top, unsigned int bottom, int n);
	/* A hardware cursor, if the renderer has one (draw_cell's cursor is then never set). */
	void (*set_cursor)(struct vt_renderer *r, unsigned int x, unsigned int y, bool visible);
	/* Whether drawing is possible now (the framebuffer's early mapping is gone, say). */
	bool (*can_draw)(struct vt_renderer *r);
	void *priv;
};

/*
 * A terminal on a renderer (drivers/tty/vt.c): the emulator's cells, what the renderer shows
 * now, and a scroll not yet applied to it. The console's is one; ktests make their own.
 * The owner serialises calls (the console: vt_lock).
 */
struct vt_display {
	struct vt_screen screen;
	struct vt_renderer *r;
	struct vt_cell *shown; /* what the renderer shows; attr 0xff: unknown, to be drawn */
	unsigned int scroll_top, scroll_bottom; /* the scroll not yet applied to the renderer */
	int scroll_n;
	bool cursor_drawn; /* the software cursor is on the screen at (cursor_x, cursor_y) */
	unsigned int cursor_x, cursor_y;
	void (*reply)(struct vt_display *d, const char *s, size_t len);
};

/* cells, alt (may be NULL) and shown: r->cols * r->rows cells each. */
void vt_display_init(struct vt_display *d, struct vt_renderer *r, struct vt_cell *cells,
		     struct vt_cell *alt, struct vt_cell *shown);
/* Interprets bytes and brings the renderer up to date. */
void vt_display_write(struct vt_display *d, const unsigned char *buf, size_t len);
/* Draws every cell again. */
void vt_display_redraw(struct vt_display *d);

/* drivers/tty/vt.c: the console */
void vt_console_init(struct vt_renderer *r);
/* The renderer may draw again (its mapping was redone): everything is drawn anew. */
void vt_redraw(void);
void vt_tty_init(void);
/* tty1, once registered (for tests), or NULL. */
struct tty_struct *vt_tty_struct(void);
/* drivers/tty/keyboard.c: the i8042's keyboard, whose keys go to vt_input. */
int keyboard_init(void);
/* Bytes from the keyboard (any context, interrupts included). */
void vt_input(const char *buf, size_t len);
bool vt_app_cursor_keys(void);

/* drivers/video/ */
int fbcon_probe(struct vt_renderer **r);
void fbcon_late_init(void);
int vgacon_probe(struct vt_renderer **r);

/* The framebuffer renderer on any memory (ktests draw into a buffer of their own). */
struct fbcon_info {
	u8 *base;
	u32 pitch, width, height, bpp;
	u8 red_pos, red_size, green_pos, green_size, blue_pos, blue_size;
};
void fbcon_setup(struct vt_renderer *r, struct fbcon_info *info);
/* A renderer on info's memory, for kfree when done. */
struct vt_renderer *fbcon_create(struct fbcon_info *info);
u32 fbcon_color(const struct fbcon_info *info, unsigned int index);

/* The font: 8x16, indexed by code page 437 number. */
#define FONT_WIDTH 8
#define FONT_HEIGHT 16
extern const u8 font_8x16[256][FONT_HEIGHT];

#endif /* _KERNEL_VT_H */
