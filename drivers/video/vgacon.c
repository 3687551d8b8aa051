// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual console in VGA/EGA text mode, the fallback when there is no linear
 * framebuffer (GRUB left text mode, or a machine without a graphics mode): each cell is a
 * character of the card's own code page 437 font and an attribute byte, the cursor the
 * card's. The text memory is in the first MiB, which every page table maps.
 */
#include <asm/bootinfo.h>
#include <asm/io.h>
#include <asm/page.h>
#include <kernel/errno.h>
#include <kernel/string.h>
#include <kernel/vt.h>

#define VGA_TEXT_PHYS 0xb8000
#define VGA_CRTC_INDEX 0x3d4
#define VGA_CRTC_DATA 0x3d5
#define VGA_CRTC_CURSOR_START 0x0a
#define VGA_CRTC_CURSOR_HI 0x0e
#define VGA_CRTC_CURSOR_LO 0x0f
#define VGA_CURSOR_DISABLE 0x20
#define VGA_CURSOR_UNDERLINE 0x0e /* start scan line of a two-line underline */

struct vgacon {
	volatile u16 *cells;
	u32 pitch_cells;
	bool cursor_visible;
};

static struct vgacon vga;

static void crtc_write(u8 reg, u8 val)
{
	outb(reg, VGA_CRTC_INDEX);
	outb(val, VGA_CRTC_DATA);
}

static void vgacon_draw_cell(struct vt_renderer *r, unsigned int x, unsigned int y,
			     struct vt_cell cell, bool cursor)
{
	unsigned int fg = cell.fg & 15, bg = cell.bg & 15;

	if (cell.attr & VT_ATTR_BOLD)
		fg |= 8;
	if (cell.attr & VT_ATTR_REVERSE) {
		unsigned int t = fg;

		fg = bg;
		bg = t;
	}
	/* The attribute's top bit blinks: backgrounds are the eight dark colours only. */
	vga.cells[y * vga.pitch_cells + x] = (u16)((bg & 7) << 12 | fg << 8 | cell.ch);
}

static void vgacon_move_rows(struct vt_renderer *r, unsigned int top, unsigned int bottom, int n)
{
	unsigned int k = n < 0 ? -n : n, height = bottom - top + 1;
	volatile u16 *base = vga.cells + top * vga.pitch_cells;
	size_t line = vga.pitch_cells;

	if (!n || k >= height)
		return;
	if (n > 0)
		for (size_t i = 0; i < (height - k) * line; i++)
			base[i] = base[i + k * line];
	else
		for (size_t i = (height - k) * line; i-- > 0;)
			base[i + k * line] = base[i];
}

static void vgacon_set_cursor(struct vt_renderer *r, unsigned int x, unsigned int y, bool visible)
{
	u16 pos = y * vga.pitch_cells + x;

	if (visible != vga.cursor_visible) {
		crtc_write(VGA_CRTC_CURSOR_START,
			   visible ? VGA_CURSOR_UNDERLINE : VGA_CURSOR_DISABLE);
		vga.cursor_visible = visible;
	}
	crtc_write(VGA_CRTC_CURSOR_HI, pos >> 8);
	crtc_write(VGA_CRTC_CURSOR_LO, pos & 0xff);
}

static struct vt_renderer vgacon_renderer = {
	.name = "VGA text",
	.draw_cell = vgacon_draw_cell,
	.move_rows = vgacon_move_rows,
	.set_cursor = vgacon_set_cursor,
};

int vgacon_probe(struct vt_renderer **rp)
{
	const struct boot_framebuffer *fb = &boot_info.fb;

	if (boot_info.has_framebuffer && fb->type != BOOT_FB_EGA_TEXT)
		return -ENODEV;
	if (boot_info.has_framebuffer && fb->width && fb->height && fb->pitch >= 2 * fb->width) {
		vga.cells = __va(fb->addr);
		vgacon_renderer.cols = fb->width;
		vgacon_renderer.rows = fb->height;
		vga.pitch_cells = fb->pitch / 2;
	} else {
		/* No framebuffer tag: a BIOS machine in the standard 80x25 text mode. */
		vga.cells = __va(VGA_TEXT_PHYS);
		vgacon_renderer.cols = 80;
		vgacon_renderer.rows = 25;
		vga.pitch_cells = 80;
	}
	vga.cursor_visible = false;
	crtc_write(VGA_CRTC_CURSOR_START, VGA_CURSOR_DISABLE);
	*rp = &vgacon_renderer;
	return 0;
}
