// SPDX-License-Identifier: GPL-2.0
/*
 * The terminal emulator of the virtual console: bytes in, cells out, as Linux's console
 * (console_codes(4)) and the VT100 before it interpret them. Pure code (no locks, no
 * hardware): drivers/tty/vt.c locks around it and draws the cells; tests/host/test_vt.c runs
 * it on the host. Text is UTF-8; code points the font lacks show as '?'.
 *
 * Cursor motion follows xterm and Linux: writing in the last column leaves the cursor there
 * with a wrap pending, so that a full line followed by CR LF does not leave a blank line.
 */
#include <kernel/string.h>
#include <kernel/vt.h>

#define TAB_WIDTH 8

static unsigned int clamp_uint(unsigned int v, unsigned int lo, unsigned int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static struct vt_cell blank(const struct vt_screen *vt)
{
	/* Erased cells take the current background, as on Linux (and xterm's BCE). */
	struct vt_cell c = { .ch = ' ', .fg = vt->pen.fg, .bg = vt->pen.bg, .attr = 0 };

	if (vt->pen.attr & VT_ATTR_REVERSE) {
		c.fg = vt->pen.bg;
		c.bg = vt->pen.fg;
	}
	return c;
}

static void fill(struct vt_screen *vt, unsigned int from, unsigned int to)
{
	struct vt_cell c = blank(vt);

	for (unsigned int i = from; i < to; i++)
		vt->cells[i] = c;
}

/* Moves rows [top, bottom] up by n (down for n < 0), blanking the rows uncovered. */
static void scroll_region(struct vt_screen *vt, unsigned int top, unsigned int bottom, int n)
{
	unsigned int height = bottom - top + 1, cols = vt->cols;
	unsigned int k = n < 0 ? -n : n;

	if (!n || top > bottom)
		return;
	if (k > height)
		k = height;
	if (n > 0) {
		memmove(&vt->cells[top * cols], &vt->cells[(top + k) * cols],
			(height - k) * cols * sizeof(struct vt_cell));
		fill(vt, (bottom + 1 - k) * cols, (bottom + 1) * cols);
	} else {
		memmove(&vt->cells[(top + k) * cols], &vt->cells[top * cols],
			(height - k) * cols * sizeof(struct vt_cell));
		fill(vt, top * cols, (top + k) * cols);
	}
	if (vt->ops && vt->ops->scroll)
		vt->ops->scroll(vt, top, bottom, n > 0 ? (int)k : -(int)k);
}

/* LF and IND: down a row, scrolling the region at its bottom. */
static void index_down(struct vt_screen *vt)
{
	vt->wrap_pending = false;
	if (vt->y == vt->bottom)
		scroll_region(vt, vt->top, vt->bottom, 1);
	else if (vt->y + 1 < vt->rows)
		vt->y++;
}

/* RI: up a row, scrolling the region down at its top. */
static void index_up(struct vt_screen *vt)
{
	vt->wrap_pending = false;
	if (vt->y == vt->top)
		scroll_region(vt, vt->top, vt->bottom, -1);
	else if (vt->y)
		vt->y--;
}

static void goto_xy(struct vt_screen *vt, unsigned int x, unsigned int y)
{
	vt->x = clamp_uint(x, 0, vt->cols - 1);
	vt->y = clamp_uint(y, 0, vt->rows - 1);
	vt->wrap_pending = false;
}

/* Vertical motion (CUU, CUD) stops at the scroll region's edge when it starts inside. */
static void move_up(struct vt_screen *vt, unsigned int n)
{
	unsigned int limit = vt->y >= vt->top ? vt->top : 0;

	goto_xy(vt, vt->x, vt->y - limit < n ? limit : vt->y - n);
}

static void move_down(struct vt_screen *vt, unsigned int n)
{
	unsigned int limit = vt->y <= vt->bottom ? vt->bottom : vt->rows - 1;

	goto_xy(vt, vt->x, limit - vt->y < n ? limit : vt->y + n);
}

static void put_glyph(struct vt_screen *vt, u8 ch)
{
	struct vt_cell *c;

	if (vt->wrap_pending) {
		vt->wrap_pending = false;
		vt->x = 0;
		index_down(vt);
	}
	c = vt_cell_at(vt, vt->x, vt->y);
	c->ch = ch;
	c->fg = vt->pen.fg;
	c->bg = vt->pen.bg;
	c->attr = vt->pen.attr;
	if (vt->x + 1 < vt->cols)
		vt->x++;
	else if (vt->autowrap)
		vt->wrap_pending = true;
}

static void save_cursor(struct vt_screen *vt)
{
	vt->saved.x = vt->x;
	vt->saved.y = vt->y;
	vt->saved.pen = vt->pen;
}

static void restore_cursor(struct vt_screen *vt)
{
	vt->pen = vt->saved.pen;
	goto_xy(vt, vt->saved.x, vt->saved.y);
}

static void set_alt_screen(struct vt_screen *vt, bool on)
{
	if (!vt->alt_cells || on == vt->alt_active)
		return;
	/* ?1049: the cursor is saved on the way in and restored on the way out. */
	if (on)
		save_cursor(vt);
	vt->alt_active = on;
	vt->cells = on ? vt->alt_cells : vt->main_cells;
	if (on)
		fill(vt, 0, vt->cols * vt->rows);
	else
		restore_cursor(vt);
}

void vt_screen_reset(struct vt_screen *vt)
{
	vt->cells = vt->main_cells;
	vt->alt_active = false;
	vt->pen = (struct vt_cell){ .ch = ' ', .fg = VT_DEFAULT_FG, .bg = VT_DEFAULT_BG };
	vt->x = vt->y = 0;
	vt->wrap_pending = false;
	vt->top = 0;
	vt->bottom = vt->rows - 1;
	vt->cursor_visible = true;
	vt->autowrap = true;
	vt->app_cursor_keys = false;
	vt->state = VT_GROUND;
	vt->utf8_left = 0;
	save_cursor(vt);
	fill(vt, 0, vt->cols * vt->rows);
}

void vt_screen_init(struct vt_screen *vt, unsigned int cols, unsigned int rows,
		    struct vt_cell *cells, struct vt_cell *alt_cells,
		    const struct vt_screen_ops *ops, void *priv)
{
	memset(vt, 0, sizeof(*vt));
	vt->cols = cols;
	vt->rows = rows;
	vt->main_cells = cells;
	vt->alt_cells = alt_cells;
	vt->ops = ops;
	vt->priv = priv;
	vt_screen_reset(vt);
}

static void reply(struct vt_screen *vt, const char *s, size_t len)
{
	if (vt->ops && vt->ops->reply)
		vt->ops->reply(vt, s, len);
}

/* Formats an unsigned number; returns the digits written. */
static size_t put_uint(char *buf, unsigned int v)
{
	char tmp[10];
	size_t n = 0, i = 0;

	do
		tmp[n++] = '0' + v % 10;
	while ((v /= 10));
	while (n)
		buf[i++] = tmp[--n];
	return i;
}

/* The n-th parameter, or def when it is absent or 0 (for counts, where 0 means 1). */
static unsigned int param(const struct vt_screen *vt, unsigned int n, unsigned int def)
{
	if (n >= vt->nparams || !vt->params[n])
		return def;
	return vt->params[n];
}

static void erase_display(struct vt_screen *vt, unsigned int mode)
{
	unsigned int pos = vt->y * vt->cols + vt->x;

	switch (mode) {
	case 0:
		fill(vt, pos, vt->cols * vt->rows);
		break;
	case 1:
		fill(vt, 0, pos + 1);
		break;
	case 2:
	case 3: /* and the scroll-back, which this console has none of */
		fill(vt, 0, vt->cols * vt->rows);
		break;
	}
	vt->wrap_pending = false;
}

static void erase_line(struct vt_screen *vt, unsigned int mode)
{
	unsigned int row = vt->y * vt->cols;

	switch (mode) {
	case 0:
		fill(vt, row + vt->x, row + vt->cols);
		break;
	case 1:
		fill(vt, row, row + vt->x + 1);
		break;
	case 2:
		fill(vt, row, row + vt->cols);
		break;
	}
	vt->wrap_pending = false;
}

static void insert_chars(struct vt_screen *vt, unsigned int n)
{
	struct vt_cell *row = vt_cell_at(vt, 0, vt->y);
	unsigned int room = vt->cols - vt->x;

	if (n > room)
		n = room;
	memmove(&row[vt->x + n], &row[vt->x], (room - n) * sizeof(*row));
	fill(vt, vt->y * vt->cols + vt->x, vt->y * vt->cols + vt->x + n);
	vt->wrap_pending = false;
}

static void delete_chars(struct vt_screen *vt, unsigned int n)
{
	struct vt_cell *row = vt_cell_at(vt, 0, vt->y);
	unsigned int room = vt->cols - vt->x;

	if (n > room)
		n = room;
	memmove(&row[vt->x], &row[vt->x + n], (room - n) * sizeof(*row));
	fill(vt, (vt->y + 1) * vt->cols - n, (vt->y + 1) * vt->cols);
	vt->wrap_pending = false;
}

static void erase_chars(struct vt_screen *vt, unsigned int n)
{
	unsigned int room = vt->cols - vt->x;

	if (n > room)
		n = room;
	fill(vt, vt->y * vt->cols + vt->x, vt->y * vt->cols + vt->x + n);
	vt->wrap_pending = false;
}

/* IL and DL: only inside the scroll region, from the cursor's row down. */
static void insert_lines(struct vt_screen *vt, unsigned int n, bool insert)
{
	if (vt->y < vt->top || vt->y > vt->bottom)
		return;
	scroll_region(vt, vt->y, vt->bottom, insert ? -(int)n : (int)n);
	vt->x = 0;
	vt->wrap_pending = false;
}

static void set_scroll_region(struct vt_screen *vt)
{
	unsigned int top = param(vt, 0, 1), bottom = param(vt, 1, vt->rows);

	if (bottom > vt->rows)
		bottom = vt->rows;
	if (top >= bottom)
		return; /* a region needs two rows at least */
	vt->top = top - 1;
	vt->bottom = bottom - 1;
	goto_xy(vt, 0, 0);
}

static const u8 ansi_to_palette[8] = { 0, 4, 2, 6, 1, 5, 3, 7 }; /* VGA's order: BGR */

/* The palette index of an xterm 256-colour number, roughly: its nearest of the 16. */
static u8 color256(unsigned int n)
{
	if (n < 8)
		return ansi_to_palette[n];
	if (n < 16)
		return ansi_to_palette[n - 8] | 8;
	if (n >= 232) /* the grey ramp */
		return n < 238 ? 0 : n < 244 ? 8 : n < 250 ? 7 : 15;
	n -= 16; /* a 6x6x6 cube: r*36 + g*6 + b */
	return (n / 36 >= 3 ? 4 : 0) | ((n / 6) % 6 >= 3 ? 2 : 0) | (n % 6 >= 3 ? 1 : 0) |
	       ((n / 36 >= 5 || (n / 6) % 6 >= 5 || n % 6 >= 5) ? 8 : 0);
}

static void select_graphic_rendition(struct vt_screen *vt)
{
	if (!vt->nparams)
		vt->nparams = 1, vt->params[0] = 0;
	for (unsigned int i = 0; i < vt->nparams; i++) {
		unsigned int p = vt->params[i];

		switch (p) {
		case 0:
			vt->pen.fg = VT_DEFAULT_FG;
			vt->pen.bg = VT_DEFAULT_BG;
			vt->pen.attr = 0;
			break;
		case 1:
			vt->pen.attr |= VT_ATTR_BOLD;
			break;
		case 4:
			vt->pen.attr |= VT_ATTR_UNDERLINE;
			break;
		case 7:
			vt->pen.attr |= VT_ATTR_REVERSE;
			break;
		case 21:
		case 22:
			vt->pen.attr &= ~VT_ATTR_BOLD;
			break;
		case 24:
			vt->pen.attr &= ~VT_ATTR_UNDERLINE;
			break;
		case 27:
			vt->pen.attr &= ~VT_ATTR_REVERSE;
			break;
		case 39:
			vt->pen.fg = VT_DEFAULT_FG;
			break;
		case 49:
			vt->pen.bg = VT_DEFAULT_BG;
			break;
		case 38:
		case 48: {
			/* 38;5;N or 38;2;R;G;B: the nearest colour of the palette. */
			u8 col;

			if (i + 2 < vt->nparams && vt->params[i + 1] == 5) {
				col = color256(vt->params[i + 2] & 0xff);
				i += 2;
			} else if (i + 4 < vt->nparams && vt->params[i + 1] == 2) {
				unsigned int r = vt->params[i + 2], g = vt->params[i + 3],
					     b = vt->params[i + 4];

				col = (r >= 128 ? 4 : 0) | (g >= 128 ? 2 : 0) | (b >= 128 ? 1 : 0) |
				      (r >= 192 || g >= 192 || b >= 192 ? 8 : 0);
				i += 4;
			} else {
				i = vt->nparams; /* malformed: the rest means nothing */
				break;
			}
			if (p == 38)
				vt->pen.fg = col;
			else
				vt->pen.bg = col;
			break;
		}
		default:
			if (p >= 30 && p <= 37)
				vt->pen.fg = ansi_to_palette[p - 30];
			else if (p >= 40 && p <= 47)
				vt->pen.bg = ansi_to_palette[p - 40];
			else if (p >= 90 && p <= 97)
				vt->pen.fg = ansi_to_palette[p - 90] | 8;
			else if (p >= 100 && p <= 107)
				vt->pen.bg = ansi_to_palette[p - 100] | 8;
			break; /* blink, italics, fonts: not shown */
		}
	}
}

static void set_mode(struct vt_screen *vt, bool on)
{
	if (vt->private != '?')
		return; /* ANSI modes (IRM, LNM): not supported, as is common */
	for (unsigned int i = 0; i < vt->nparams; i++) {
		switch (vt->params[i]) {
		case 1:
			vt->app_cursor_keys = on;
			break;
		case 7:
			vt->autowrap = on;
			if (!on)
				vt->wrap_pending = false;
			break;
		case 25:
			vt->cursor_visible = on;
			break;
		case 47:
		case 1047:
		case 1049:
			set_alt_screen(vt, on);
			break;
		}
	}
}

static void device_status_report(struct vt_screen *vt)
{
	char buf[32];
	size_t n = 0;

	if (vt->private)
		return;
	switch (param(vt, 0, 0)) {
	case 5: /* "are you well?" */
		reply(vt, "\033[0n", 4);
		break;
	case 6: /* where is the cursor: CSI row;col R, from 1 */
		buf[n++] = '\033';
		buf[n++] = '[';
		n += put_uint(buf + n, vt->y + 1);
		buf[n++] = ';';
		n += put_uint(buf + n, vt->x + 1);
		buf[n++] = 'R';
		reply(vt, buf, n);
		break;
	}
}

static void csi_dispatch(struct vt_screen *vt, unsigned char final)
{
	unsigned int n = param(vt, 0, 1);

	if (vt->intermediate)
		return; /* no sequence with intermediates is supported: ignored whole */
	switch (final) {
	case '@':
		insert_chars(vt, n);
		break;
	case 'A':
		move_up(vt, n);
		break;
	case 'B':
	case 'e':
		move_down(vt, n);
		break;
	case 'C':
	case 'a':
		goto_xy(vt, vt->x + n > vt->cols ? vt->cols : vt->x + n, vt->y);
		break;
	case 'D':
		goto_xy(vt, vt->x < n ? 0 : vt->x - n, vt->y);
		break;
	case 'E':
		move_down(vt, n);
		vt->x = 0;
		break;
	case 'F':
		move_up(vt, n);
		vt->x = 0;
		break;
	case 'G':
	case '`':
		goto_xy(vt, n - 1, vt->y);
		break;
	case 'H':
	case 'f':
		goto_xy(vt, param(vt, 1, 1) - 1, n - 1);
		break;
	case 'd':
		goto_xy(vt, vt->x, n - 1);
		break;
	case 'J':
		if (!vt->private)
			erase_display(vt, param(vt, 0, 0));
		break;
	case 'K':
		if (!vt->private)
			erase_line(vt, param(vt, 0, 0));
		break;
	case 'L':
		insert_lines(vt, n, true);
		break;
	case 'M':
		insert_lines(vt, n, false);
		break;
	case 'P':
		delete_chars(vt, n);
		break;
	case 'X':
		erase_chars(vt, n);
		break;
	case 'S':
		scroll_region(vt, vt->top, vt->bottom, n > vt->rows ? vt->rows : n);
		break;
	case 'T':
		if (!vt->private)
			scroll_region(vt, vt->top, vt->bottom, -(int)(n > vt->rows ? vt->rows : n));
		break;
	case 'm':
		if (!vt->private)
			select_graphic_rendition(vt);
		break;
	case 'r':
		if (!vt->private)
			set_scroll_region(vt);
		break;
	case 's':
		save_cursor(vt);
		break;
	case 'u':
		restore_cursor(vt);
		break;
	case 'h':
		set_mode(vt, true);
		break;
	case 'l':
		set_mode(vt, false);
		break;
	case 'n':
		device_status_report(vt);
		break;
	case 'c':
		if (!vt->private && !param(vt, 0, 0))
			reply(vt, "\033[?6c", 5); /* Linux's answer: a VT102 */
		break;
	}
}

static void csi_byte(struct vt_screen *vt, unsigned char c)
{
	if (c >= '0' && c <= '9') {
		if (!vt->nparams)
			vt->nparams = 1;
		if (vt->nparams <= VT_MAX_PARAMS) {
			unsigned int *p = &vt->params[vt->nparams - 1];

			/* Past 65535 nothing means anything; keep the number bounded. */
			*p = *p * 10 + (c - '0');
			if (*p > 65535)
				*p = 65535;
		}
		vt->param_seen = true;
	} else if (c == ';' || c == ':') {
		if (!vt->nparams)
			vt->nparams = 1;
		if (vt->nparams < VT_MAX_PARAMS)
			vt->params[vt->nparams] = 0;
		vt->nparams++;
	} else if (c >= '<' && c <= '?') {
		if (!vt->nparams && !vt->param_seen)
			vt->private = c;
	} else if (c >= 0x20 && c <= 0x2f) {
		vt->intermediate = c;
	} else if (c >= 0x40 && c <= 0x7e) {
		if (vt->nparams > VT_MAX_PARAMS)
			vt->nparams = VT_MAX_PARAMS;
		csi_dispatch(vt, c);
		vt->state = VT_GROUND;
	}
}

static void esc_dispatch(struct vt_screen *vt, unsigned char c)
{
	vt->state = VT_GROUND;
	switch (c) {
	case '[':
		vt->state = VT_CSI;
		vt->nparams = 0;
		vt->param_seen = false;
		vt->private = 0;
		vt->intermediate = 0;
		memset(vt->params, 0, sizeof(vt->params));
		break;
	case ']':
		vt->state = VT_OSC;
		break;
	case '(':
	case ')':
	case '*':
	case '+':
		vt->state = VT_ESC_CHARSET;
		break;
	case '#':
		vt->state = VT_ESC_HASH;
		break;
	case '7':
		save_cursor(vt);
		break;
	case '8':
		restore_cursor(vt);
		break;
	case 'D':
		index_down(vt);
		break;
	case 'M':
		index_up(vt);
		break;
	case 'E':
		vt->x = 0;
		index_down(vt);
		break;
	case 'c':
		vt_screen_reset(vt);
		break;
	default:
		break; /* keypad modes (ESC = / ESC >), tab stops: nothing to do */
	}
}

static void control(struct vt_screen *vt, unsigned char c)
{
	switch (c) {
	case '\b':
		if (vt->wrap_pending)
			vt->wrap_pending = false;
		else if (vt->x)
			vt->x--;
		break;
	case '\t':
		vt->x = (vt->x / TAB_WIDTH + 1) * TAB_WIDTH;
		if (vt->x >= vt->cols)
			vt->x = vt->cols - 1;
		vt->wrap_pending = false;
		break;
	case '\n':
	case '\v':
	case '\f':
		index_down(vt);
		break;
	case '\r':
		vt->x = 0;
		vt->wrap_pending = false;
		break;
	case 0x18: /* CAN and SUB end a sequence */
	case 0x1a:
		vt->state = VT_GROUND;
		break;
	case 0x1b:
		vt->state = VT_ESC;
		break;
	default:
		break; /* BEL (no speaker), SO/SI (one character set), NUL */
	}
}

static void text_byte(struct vt_screen *vt, unsigned char c)
{
	if (c < 0x80) {
		vt->utf8_left = 0;
		put_glyph(vt, c);
		return;
	}
	if (c < 0xc0) { /* a continuation byte */
		if (!vt->utf8_left) {
			put_glyph(vt, '?');
			return;
		}
		vt->utf8_cp = vt->utf8_cp << 6 | (c & 0x3f);
		if (!--vt->utf8_left)
			put_glyph(vt, vt_glyph_of(vt->utf8_cp));
		return;
	}
	if (vt->utf8_left) /* a sequence cut short */
		put_glyph(vt, '?');
	if (c < 0xe0) {
		vt->utf8_cp = c & 0x1f;
		vt->utf8_left = 1;
	} else if (c < 0xf0) {
		vt->utf8_cp = c & 0x0f;
		vt->utf8_left = 2;
	} else if (c < 0xf8) {
		vt->utf8_cp = c & 0x07;
		vt->utf8_left = 3;
	} else {
		vt->utf8_left = 0;
		put_glyph(vt, '?');
	}
}

void vt_screen_write(struct vt_screen *vt, const unsigned char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = buf[i];

		/* Controls act anywhere, even inside a sequence, as on a VT100. */
		if (c < 0x20 && vt->state != VT_OSC && vt->state != VT_OSC_ESC) {
			control(vt, c);
			continue;
		}
		switch (vt->state) {
		case VT_GROUND:
			if (c == 0x7f)
				break; /* DEL is ignored */
			text_byte(vt, c);
			break;
		case VT_ESC:
			esc_dispatch(vt, c);
			break;
		case VT_ESC_CHARSET:
		case VT_ESC_HASH:
			vt->state = VT_GROUND;
			break;
		case VT_CSI:
			csi_byte(vt, c);
			break;
		case VT_OSC:
			if (c == 0x07 || c == 0x18 || c == 0x1a)
				vt->state = VT_GROUND;
			else if (c == 0x1b)
				vt->state = VT_OSC_ESC;
			break;
		case VT_OSC_ESC:
			vt->state = c == '\\' ? VT_GROUND : VT_OSC;
			break;
		}
	}
}

/* Code page 437's numbers for the box-drawing and block characters the font has. */
static const struct {
	u16 cp;
	u8 glyph;
} unicode_map[] = {
	{ 0x2500, 0xc4 }, { 0x2502, 0xb3 }, { 0x250c, 0xda }, { 0x2510, 0xbf }, { 0x2514, 0xc0 },
	{ 0x2518, 0xd9 }, { 0x251c, 0xc3 }, { 0x2524, 0xb4 }, { 0x252c, 0xc2 }, { 0x2534, 0xc1 },
	{ 0x253c, 0xc5 }, { 0x2550, 0xcd }, { 0x2551, 0xba }, { 0x2554, 0xc9 }, { 0x2557, 0xbb },
	{ 0x255a, 0xc8 }, { 0x255d, 0xbc }, { 0x2580, 0xdf }, { 0x2584, 0xdc }, { 0x2588, 0xdb },
	{ 0x258c, 0xdd }, { 0x2590, 0xde }, { 0x2591, 0xb0 }, { 0x2592, 0xb1 }, { 0x2593, 0xb2 },
	{ 0x25a0, 0xfe }, { 0x00b7, 0xfa }, { 0x2022, 0xf9 }, { 0x00b0, 0xf8 },
};

u8 vt_glyph_of(u32 cp)
{
	if (cp >= 0x20 && cp < 0x7f)
		return cp;
	for (size_t i = 0; i < sizeof(unicode_map) / sizeof(unicode_map[0]); i++)
		if (unicode_map[i].cp == cp)
			return unicode_map[i].glyph;
	return '?';
}
