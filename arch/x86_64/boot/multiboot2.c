// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the multiboot2 boot information. The loader is trusted to be a loader, not to be
 * right: every tag is bounds-checked against the structure's size before it is read, and a
 * malformed structure is an error the caller can report, never a wild read.
 */
#include <asm/bootinfo.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/string.h>

#define MB2_TAG_END 0
#define MB2_TAG_CMDLINE 1
#define MB2_TAG_LOADER_NAME 2
#define MB2_TAG_MODULE 3
#define MB2_TAG_BASIC_MEMINFO 4
#define MB2_TAG_MMAP 6
#define MB2_TAG_FRAMEBUFFER 8
#define MB2_TAG_ACPI_OLD 14
#define MB2_TAG_ACPI_NEW 15

struct mb2_tag {
	u32 type;
	u32 size;
};

struct mb2_tag_module {
	struct mb2_tag tag;
	u32 mod_start;
	u32 mod_end;
	char cmdline[];
};

struct mb2_tag_meminfo {
	struct mb2_tag tag;
	u32 mem_lower;
	u32 mem_upper;
};

struct mb2_tag_mmap {
	struct mb2_tag tag;
	u32 entry_size;
	u32 entry_version;
};

struct mb2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;
	u32 reserved;
};

struct mb2_tag_framebuffer {
	struct mb2_tag tag;
	u64 addr;
	u32 pitch;
	u32 width;
	u32 height;
	u8 bpp;
	u8 type;
	u16 reserved;
	u8 color_info[6]; /* RGB: red pos, size, green pos, size, blue pos, size */
} __packed;

/* Copies a string field of at most max bytes that need not be NUL-terminated. */
static void copy_string(char *dst, size_t dst_size, const char *src, size_t max)
{
	size_t n = strnlen(src, max);

	if (n >= dst_size)
		n = dst_size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static int parse_mmap(const struct mb2_tag_mmap *t, struct boot_info *info)
{
	const u8 *p = (const u8 *)(t + 1);
	const u8 *end = (const u8 *)t + t->tag.size;

	if (t->tag.size < sizeof(*t) || t->entry_size < sizeof(struct mb2_mmap_entry))
		return -EINVAL;
	for (; p + t->entry_size <= end; p += t->entry_size) {
		const struct mb2_mmap_entry *e = (const void *)p;

		if (info->nr_mmap == BOOT_MMAP_MAX)
			break;
		if (!e->len || e->addr + e->len < e->addr)
			continue;
		info->mmap[info->nr_mmap].addr = e->addr;
		info->mmap[info->nr_mmap].len = e->len;
		info->mmap[info->nr_mmap].type = e->type;
		info->nr_mmap++;
	}
	return 0;
}

static int parse_module(const struct mb2_tag_module *t, struct boot_info *info)
{
	struct boot_module *m;

	if (t->tag.size < sizeof(*t) || t->mod_end < t->mod_start)
		return -EINVAL;
	if (info->nr_modules == BOOT_MODULES_MAX)
		return 0;
	m = &info->modules[info->nr_modules++];
	m->start = t->mod_start;
	m->end = t->mod_end;
	copy_string(m->cmdline, sizeof(m->cmdline), t->cmdline, t->tag.size - sizeof(*t));
	return 0;
}

static int parse_framebuffer(const struct mb2_tag_framebuffer *t, struct boot_info *info)
{
	struct boot_framebuffer *fb = &info->fb;

	if (t->tag.size < offsetof(struct mb2_tag_framebuffer, color_info))
		return -EINVAL;
	fb->addr = t->addr;
	fb->pitch = t->pitch;
	fb->width = t->width;
	fb->height = t->height;
	fb->bpp = t->bpp;
	fb->type = t->type;
	if (t->type == BOOT_FB_RGB) {
		if (t->tag.size < sizeof(*t))
			return -EINVAL;
		fb->red_pos = t->color_info[0];
		fb->red_size = t->color_info[1];
		fb->green_pos = t->color_info[2];
		fb->green_size = t->color_info[3];
		fb->blue_pos = t->color_info[4];
		fb->blue_size = t->color_info[5];
	}
	info->has_framebuffer = true;
	return 0;
}

static int parse_tag(const struct mb2_tag *tag, struct boot_info *info)
{
	const char *payload = (const char *)(tag + 1);
	size_t payload_len = tag->size - sizeof(*tag);

	switch (tag->type) {
	case MB2_TAG_CMDLINE:
		copy_string(info->cmdline, sizeof(info->cmdline), payload, payload_len);
		return 0;
	case MB2_TAG_LOADER_NAME:
		copy_string(info->loader_name, sizeof(info->loader_name), payload, payload_len);
		return 0;
	case MB2_TAG_MODULE:
		return parse_module((const void *)tag, info);
	case MB2_TAG_BASIC_MEMINFO:
		if (tag->size < sizeof(struct mb2_tag_meminfo))
			return -EINVAL;
		info->mem_lower_kb = ((const struct mb2_tag_meminfo *)tag)->mem_lower;
		info->mem_upper_kb = ((const struct mb2_tag_meminfo *)tag)->mem_upper;
		return 0;
	case MB2_TAG_MMAP:
		return parse_mmap((const void *)tag, info);
	case MB2_TAG_FRAMEBUFFER:
		return parse_framebuffer((const void *)tag, info);
	case MB2_TAG_ACPI_OLD:
	case MB2_TAG_ACPI_NEW:
		/* Prefer the ACPI 2.0 RSDP when both are given. */
		if (info->rsdp_len > 20 && tag->type == MB2_TAG_ACPI_OLD)
			return 0;
		info->rsdp_len = min(payload_len, sizeof(info->rsdp));
		memcpy(info->rsdp, payload, info->rsdp_len);
		return 0;
	default:
		return 0; /* tags we do not use */
	}
}

int multiboot2_parse(const void *mbi, size_t mbi_len, struct boot_info *info)
{
	const u8 *base = mbi;
	u32 total;
	size_t off;
	int err;

	memset(info, 0, sizeof(*info));
	if (mbi_len < 8 || ((unsigned long)mbi & 7))
		return -EINVAL;
	total = *(const u32 *)base;
	if (total < 16 || total > mbi_len)
		return -EINVAL;

	for (off = 8; off + sizeof(struct mb2_tag) <= total; off = ALIGN(off + 0UL, 8)) {
		const struct mb2_tag *tag = (const void *)(base + off);

		if (tag->size < sizeof(*tag) || tag->size > total - off)
			return -EINVAL;
		if (tag->type == MB2_TAG_END) {
			if (!info->nr_mmap)
				return -ENOENT;
			return 0;
		}
		err = parse_tag(tag, info);
		if (err)
			return err;
		off += tag->size;
	}
	return -EINVAL; /* no end tag inside total_size */
}
