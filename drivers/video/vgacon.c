// SPDX-License-Identifier: GPL-2.0
/*
 * The screen as a second console, in VGA/EGA text mode: the mode GRUB leaves on a BIOS
 * machine unless asked for graphics. Each cell is a character and an attribute byte; the
 * screen scrolls up when the cursor passes the last row.
 */
#include <asm/bootinfo.h>
#include <asm/io.h>
#include <asm/page.h>
#include <kernel/console.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define VGA_TEXT_PHYS 0xb8000
#define VGA_ATTR 0x0700 /* light grey on black */
#define VGA_CRTC_INDEX 0x3d4
#define VGA_CRTC_DATA 0x3d5
#define VGA_CRTC_CURSOR_HI 0x0e
#define VGA_CRTC_CURSOR_LO 0x0f
#define TAB_WIDTH 8

struct vgacon {
	volatile u16 *cells;
	u32 cols, rows, pitch_cells;
	u32 x, y;
};

static struct vgacon vga;

static void vgacon_move_cursor(void)
{
	u16 pos = vga.y * vga.pitch_cells + vga.x;

	outb(VGA_CRTC_CURSOR_HI, VGA_CRTC_INDEX);
	outb(pos >> 8, VGA_CRTC_DATA);
	outb(VGA_CRTC_CURSOR_LO, VGA_CRTC_INDEX);
	outb(pos & 0xff, VGA_CRTC_DATA);
}

static void vgacon_clear_row(u32 row)
{
	for (u32 x = 0; x < vga.cols; x++)
		vga.cells[row * vga.pitch_cells + x] = VGA_ATTR | ' ';
}

static void vgacon_newline(void)
{
	vga.x = 0;
	if (++vga.y < vga.rows)
		return;
	for (u32 row = 1; row < vga.rows; row++)
		for (u32 x = 0; x < vga.cols; x++)
			vga.cells[(row - 1) * vga.pitch_cells + x] =
				vga.cells[row * vga.pitch_cells + x];
	vga.y = vga.rows - 1;
	vgacon_clear_row(vga.y);
}

static void vgacon_putc(char c)
{
	switch (c) {
	case '\n':
		vgacon_newline();
		return;
	case '\r':
		vga.x = 0;
		return;
	case '\b':
		if (vga.x)
			vga.x--;
		return;
	case '\t':
		do
			vgacon_putc(' ');
		while (vga.x % TAB_WIDTH);
		return;
	}
	vga.cells[vga.y * vga.pitch_cells + vga.x] = VGA_ATTR | (u8)c;
	if (++vga.x == vga.cols)
		vgacon_newline();
}

static void vgacon_write(struct console *con, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		vgacon_putc(s[i]);
	vgacon_move_cursor();
}

static struct console vga_console = {
	.name = "tty",
	.index = 0,
	.write = vgacon_write,
	.flags = CON_ENABLED,
};

void video_console_init(void)
{
	const struct boot_framebuffer *fb = &boot_info.fb;

	if (boot_info.has_framebuffer && fb->type != BOOT_FB_EGA_TEXT) {
		pr_notice("video: %ux%u %u-bit graphics framebuffer; the screen console needs "
			  "text mode, so it stays off\n",
			  fb->width, fb->height, fb->bpp);
		return;
	}
	if (boot_info.has_framebuffer && fb->width && fb->height && fb->pitch >= 2 * fb->width) {
		vga.cells = __va(fb->addr);
		vga.cols = fb->width;
		vga.rows = fb->height;
		vga.pitch_cells = fb->pitch / 2;
	} else {
		/* No framebuffer tag: a BIOS machine in the standard 80x25 text mode. */
		vga.cells = __va(VGA_TEXT_PHYS);
		vga.cols = 80;
		vga.rows = 25;
		vga.pitch_cells = 80;
	}
	for (u32 row = 0; row < vga.rows; row++)
		vgacon_clear_row(row);
	vga.x = vga.y = 0;
	register_console(&vga_console);
}
