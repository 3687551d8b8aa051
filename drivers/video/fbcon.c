// SPDX-License-Identifier: GPL-2.0
/*
 * The virtual console on a linear framebuffer (the one GRUB sets up from the multiboot2
 * header's request): each cell is a glyph of the built-in 8x16 font in its colours, the
 * cursor an underline of the last two pixel rows, scrolling a move of pixel rows.
 *
 * The console starts before mm_init, through the boot page tables' map of the first 4 GiB;
 * mm_init replaces those tables, and until fbcon_late_init maps the framebuffer again (with
 * ioremap: uncached, as there is no PAT set-up for write-combining yet) the renderer says it
 * cannot draw. The cells keep everything meanwhile, and the late init draws them all.
 */
#include <asm/bootinfo.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/vmalloc.h>
#include <kernel/vt.h>

/* The 16 colours of the VGA palette, as 8-bit R, G, B: the console's, as on Linux. */
static const u8 palette_rgb[16][3] = {
	{ 0x00, 0x00, 0x00 }, { 0x00, 0x00, 0xaa }, { 0x00, 0xaa, 0x00 }, { 0x00, 0xaa, 0xaa },
	{ 0xaa, 0x00, 0x00 }, { 0xaa, 0x00, 0xaa }, { 0xaa, 0x55, 0x00 }, { 0xaa, 0xaa, 0xaa },
	{ 0x55, 0x55, 0x55 }, { 0x55, 0x55, 0xff }, { 0x55, 0xff, 0x55 }, { 0x55, 0xff, 0xff },
	{ 0xff, 0x55, 0x55 }, { 0xff, 0x55, 0xff }, { 0xff, 0xff, 0x55 }, { 0xff, 0xff, 0xff },
};

struct fbcon {
	struct fbcon_info info;
	u32 colors[16]; /* the palette as pixel values */
	unsigned long early_cr3; /* drawing through the boot page tables, which this CR3 holds */
	bool usable; /* the framebuffer is mapped at info.base */
};

static u32 scale(u8 v, u8 size)
{
	return size >= 8 ? (u32)v << (size - 8) : (u32)(v >> (8 - size));
}

u32 fbcon_color(const struct fbcon_info *info, unsigned int index)
{
	const u8 *c = palette_rgb[index & 15];

	return scale(c[0], info->red_size) << info->red_pos |
	       scale(c[1], info->green_size) << info->green_pos |
	       scale(c[2], info->blue_size) << info->blue_pos;
}

static void put_pixel(const struct fbcon_info *info, u8 *p, u32 v)
{
	switch (info->bpp) {
	case 32:
		*(volatile u32 *)p = v;
		break;
	case 24:
		p[0] = v;
		p[1] = v >> 8;
		p[2] = v >> 16;
		break;
	case 16:
		*(volatile u16 *)p = v;
		break;
	}
}

static void fbcon_draw_cell(struct vt_renderer *r, unsigned int x, unsigned int y,
			    struct vt_cell cell, bool cursor)
{
	struct fbcon *fb = r->priv;
	const struct fbcon_info *info = &fb->info;
	unsigned int fg = cell.fg & 15, bg = cell.bg & 15, bytes = info->bpp / 8;
	const u8 *glyph = font_8x16[cell.ch];
	u8 *row = info->base + (size_t)y * FONT_HEIGHT * info->pitch + x * FONT_WIDTH * bytes;
	u32 fgc, bgc;

	if (cell.attr & VT_ATTR_BOLD)
		fg |= 8;
	if (cell.attr & VT_ATTR_REVERSE) {
		unsigned int t = fg;

		fg = bg;
		bg = t;
	}
	fgc = fb->colors[fg];
	bgc = fb->colors[bg];
	for (unsigned int gy = 0; gy < FONT_HEIGHT; gy++, row += info->pitch) {
		u8 bits = glyph[gy];

		if ((cell.attr & VT_ATTR_UNDERLINE) && gy == FONT_HEIGHT - 2)
			bits = 0xff;
		if (cursor && gy >= FONT_HEIGHT - 2)
			bits = 0xff;
		if (bytes == 4) { /* the usual case, without the switch per pixel */
			volatile u32 *p = (volatile u32 *)row;

			for (unsigned int gx = 0; gx < FONT_WIDTH; gx++)
				p[gx] = (bits & (0x80 >> gx)) ? fgc : bgc;
			continue;
		}
		for (unsigned int gx = 0; gx < FONT_WIDTH; gx++)
			put_pixel(info, row + gx * bytes, (bits & (0x80 >> gx)) ? fgc : bgc);
	}
}

static void fbcon_move_rows(struct vt_renderer *r, unsigned int top, unsigned int bottom, int n)
{
	struct fbcon *fb = r->priv;
	const struct fbcon_info *info = &fb->info;
	size_t line = (size_t)FONT_HEIGHT * info->pitch;
	unsigned int k = n < 0 ? -n : n, height = bottom - top + 1;
	u8 *base = info->base + top * line;

	if (!n || k >= height)
		return;
	if (n > 0)
		memmove(base, base + k * line, (height - k) * line);
	else
		memmove(base + k * line, base, (height - k) * line);
}

static bool fbcon_can_draw(struct vt_renderer *r)
{
	struct fbcon *fb = r->priv;

	if (!fb->usable)
		return false;
	return !fb->early_cr3 || read_cr3() == fb->early_cr3;
}

void fbcon_setup(struct vt_renderer *r, struct fbcon_info *info)
{
	struct fbcon *f = r->priv;

	f->info = *info;
	for (unsigned int i = 0; i < 16; i++)
		f->colors[i] = fbcon_color(info, i);
	f->usable = info->base != NULL;
	r->name = "framebuffer";
	r->cols = info->width / FONT_WIDTH;
	r->rows = info->height / FONT_HEIGHT;
	r->draw_cell = fbcon_draw_cell;
	r->move_rows = fbcon_move_rows;
	r->set_cursor = NULL;
	r->can_draw = fbcon_can_draw;
}

struct vt_renderer *fbcon_create(struct fbcon_info *info)
{
	struct vt_renderer *r = kzalloc(sizeof(*r) + sizeof(struct fbcon), GFP_KERNEL);

	if (!r)
		return NULL;
	r->priv = r + 1;
	fbcon_setup(r, info);
	return r;
}

static struct fbcon boot_fbcon;
static struct vt_renderer boot_fbcon_renderer = { .priv = &boot_fbcon };

#define EARLY_MAP_END 0x100000000ULL /* head.asm's boot tables map the first 4 GiB */

int fbcon_probe(struct vt_renderer **rp)
{
	const struct boot_framebuffer *bfb = &boot_info.fb;
	struct fbcon_info info = { 0 };
	u64 size = (u64)bfb->pitch * bfb->height;

	if (!boot_info.has_framebuffer || bfb->type != BOOT_FB_RGB)
		return -ENODEV;
	if ((bfb->bpp != 16 && bfb->bpp != 24 && bfb->bpp != 32) || bfb->width < FONT_WIDTH * 20 ||
	    bfb->height < FONT_HEIGHT * 5 || bfb->pitch < bfb->width * (bfb->bpp / 8)) {
		pr_notice("fbcon: cannot use the %ux%u %u-bpp framebuffer\n", bfb->width,
			  bfb->height, bfb->bpp);
		return -EINVAL;
	}
	info.pitch = bfb->pitch;
	info.width = bfb->width;
	info.height = bfb->height;
	info.bpp = bfb->bpp;
	info.red_pos = bfb->red_pos;
	info.red_size = bfb->red_size;
	info.green_pos = bfb->green_pos;
	info.green_size = bfb->green_size;
	info.blue_pos = bfb->blue_pos;
	info.blue_size = bfb->blue_size;
	if (bfb->addr + size <= EARLY_MAP_END) {
		info.base = __va(bfb->addr);
		boot_fbcon.early_cr3 = read_cr3();
	}
	fbcon_setup(&boot_fbcon_renderer, &info);
	*rp = &boot_fbcon_renderer;
	return 0;
}

void fbcon_late_init(void)
{
	const struct boot_framebuffer *bfb = &boot_info.fb;
	struct fbcon *fb = &boot_fbcon;
	u8 *base;

	if (boot_fbcon_renderer.draw_cell != fbcon_draw_cell)
		return; /* not the console's renderer */
	base = ioremap(bfb->addr, (unsigned long)bfb->pitch * bfb->height);
	if (!base) {
		pr_warn("fbcon: cannot map the framebuffer at %#llx\n",
			(unsigned long long)bfb->addr);
		fb->usable = false;
		return;
	}
	fb->info.base = base;
	fb->early_cr3 = 0;
	fb->usable = true;
	vt_redraw();
}
