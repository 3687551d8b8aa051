// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for arch/x86_64/boot/multiboot2.c: well-formed boot information as GRUB builds
 * it, and the malformed kinds a broken or hostile loader could hand over, none of which may
 * be read past its end (AddressSanitizer watches every buffer here).
 */
#include "ktest_host.h"

#include <stdint.h>
#include <stdlib.h>

/* Builds a multiboot2 information structure tag by tag, as a loader would. */
struct mbi_builder {
	uint8_t buf[4096] __attribute__((aligned(8)));
	size_t len;
};

static void mb_start(struct mbi_builder *b)
{
	memset(b->buf, 0, sizeof(b->buf));
	b->len = 8;
}

static void mb_tag(struct mbi_builder *b, uint32_t type, const void *payload, uint32_t plen)
{
	uint32_t size = 8 + plen;

	memcpy(b->buf + b->len, &type, 4);
	memcpy(b->buf + b->len + 4, &size, 4);
	if (plen)
		memcpy(b->buf + b->len + 8, payload, plen);
	b->len += (size + 7) & ~7u;
}

static void mb_end(struct mbi_builder *b)
{
	uint32_t total;

	mb_tag(b, 0, NULL, 0);
	total = b->len;
	memcpy(b->buf, &total, 4);
}

static void mb_mmap(struct mbi_builder *b, int n)
{
	uint8_t p[8 + 24 * 8];
	uint32_t esize = 24, ever = 0;

	memcpy(p, &esize, 4);
	memcpy(p + 4, &ever, 4);
	for (int i = 0; i < n; i++) {
		uint64_t addr = (uint64_t)i << 20, len = 1 << 20;
		uint32_t type = i % 2 ? 2 : 1, rsv = 0;

		memcpy(p + 8 + 24 * i, &addr, 8);
		memcpy(p + 16 + 24 * i, &len, 8);
		memcpy(p + 24 + 24 * i, &type, 4);
		memcpy(p + 28 + 24 * i, &rsv, 4);
	}
	mb_tag(b, 6, p, 8 + 24 * n);
}

/* Copies the structure into a heap block of exactly its size, so overreads are caught. */
static void *exact_copy(const struct mbi_builder *b, size_t len)
{
	void *p = aligned_alloc(8, (len + 7) & ~7ul);

	memcpy(p, b->buf, len);
	return p;
}

#include "host_rename.h"

#include <asm/bootinfo.h>
#include <kernel/errno.h>
#include <kernel/string.h>

static struct boot_info info;

static int parse(struct mbi_builder *b)
{
	void *p = exact_copy(b, b->len);
	int err = multiboot2_parse(p, b->len, &info);

	free(p);
	return err;
}

KTEST(parses_grub_like_info)
{
	struct mbi_builder b;
	uint8_t mod[8 + 12];
	uint32_t start = 0x400000, end = 0x480000;

	mb_start(&b);
	mb_tag(&b, 1, "console=ttyS0 ktest=all", 24);
	mb_tag(&b, 2, "GRUB 2.06", 10);
	memcpy(mod, &start, 4);
	memcpy(mod + 4, &end, 4);
	memcpy(mod + 8, "initramfs\0\0", 12);
	mb_tag(&b, 3, mod, sizeof(mod));
	mb_mmap(&b, 4);
	mb_tag(&b, 14,
	       "RSD PTR \x11"
	       "BOCHS \0\0\0\0\0\0",
	       20);
	mb_end(&b);

	ASSERT_EQ(parse(&b), 0);
	EXPECT_STREQ(info.cmdline, "console=ttyS0 ktest=all");
	EXPECT_STREQ(info.loader_name, "GRUB 2.06");
	EXPECT_EQ(info.nr_modules, 1);
	EXPECT_EQ(info.modules[0].start, 0x400000);
	EXPECT_EQ(info.modules[0].end, 0x480000);
	EXPECT_STREQ(info.modules[0].cmdline, "initramfs");
	EXPECT_EQ(info.nr_mmap, 4);
	EXPECT_EQ(info.mmap[1].addr, 1 << 20);
	EXPECT_EQ(info.mmap[1].type, 2);
	EXPECT_EQ(info.rsdp_len, 20);
	EXPECT_MEMEQ(info.rsdp, "RSD PTR ", 8);
}

KTEST(no_memory_map_is_enoent)
{
	struct mbi_builder b;

	mb_start(&b);
	mb_tag(&b, 1, "quiet", 6);
	mb_end(&b);
	EXPECT_EQ(parse(&b), -ENOENT);
}

KTEST(tag_past_total_size_is_einval)
{
	struct mbi_builder b;
	uint32_t huge = 4000;

	mb_start(&b);
	mb_mmap(&b, 1);
	mb_tag(&b, 1, "x", 2);
	memcpy(b.buf + b.len - 16 + 4, &huge, 4); /* the cmdline tag claims 4000 bytes */
	mb_end(&b);
	EXPECT_EQ(parse(&b), -EINVAL);
}

KTEST(tag_smaller_than_header_is_einval)
{
	struct mbi_builder b;
	uint32_t tiny = 4;

	mb_start(&b);
	mb_mmap(&b, 1);
	mb_tag(&b, 2, "GRUB", 5);
	memcpy(b.buf + b.len - 16 + 4, &tiny, 4);
	mb_end(&b);
	EXPECT_EQ(parse(&b), -EINVAL);
}

KTEST(missing_end_tag_is_einval)
{
	struct mbi_builder b;
	uint32_t total;

	mb_start(&b);
	mb_mmap(&b, 2);
	total = b.len;
	memcpy(b.buf, &total, 4);
	EXPECT_EQ(parse(&b), -EINVAL);
}

KTEST(total_size_beyond_buffer_is_einval)
{
	struct mbi_builder b;
	void *p;

	mb_start(&b);
	mb_mmap(&b, 1);
	mb_end(&b);
	p = exact_copy(&b, b.len);
	EXPECT_EQ(multiboot2_parse(p, b.len - 8, &info), -EINVAL);
	EXPECT_EQ(multiboot2_parse(p, 4, &info), -EINVAL);
	free(p);
}

KTEST(unterminated_strings_are_bounded)
{
	struct mbi_builder b;
	char name[13];

	memset(name, 'A', sizeof(name)); /* no NUL inside the tag */
	mb_start(&b);
	mb_tag(&b, 2, name, sizeof(name));
	mb_mmap(&b, 1);
	mb_end(&b);
	ASSERT_EQ(parse(&b), 0);
	EXPECT_EQ(strlen(info.loader_name), 13);
}

KTEST(mmap_entry_size_too_small_is_einval)
{
	struct mbi_builder b;
	uint8_t p[8 + 16] = { 0 };
	uint32_t esize = 16;

	memcpy(p, &esize, 4);
	mb_start(&b);
	mb_tag(&b, 6, p, sizeof(p));
	mb_end(&b);
	EXPECT_EQ(parse(&b), -EINVAL);
}

KTEST(mmap_skips_empty_and_wrapping_entries)
{
	struct mbi_builder b;
	uint8_t p[8 + 24 * 3] = { 0 };
	uint32_t esize = 24, type = 1;
	uint64_t a0 = 0x1000, l0 = 0, a1 = ~0ull - 10, l1 = 100, a2 = 0x100000, l2 = 0x1000;

	memcpy(p, &esize, 4);
	memcpy(p + 8, &a0, 8);
	memcpy(p + 16, &l0, 8);
	memcpy(p + 24, &type, 4);
	memcpy(p + 32, &a1, 8);
	memcpy(p + 40, &l1, 8);
	memcpy(p + 48, &type, 4);
	memcpy(p + 56, &a2, 8);
	memcpy(p + 64, &l2, 8);
	memcpy(p + 72, &type, 4);
	mb_start(&b);
	mb_tag(&b, 6, p, sizeof(p));
	mb_end(&b);
	ASSERT_EQ(parse(&b), 0);
	EXPECT_EQ(info.nr_mmap, 1);
	EXPECT_EQ(info.mmap[0].addr, 0x100000);
}

KTEST(module_with_end_before_start_is_einval)
{
	struct mbi_builder b;
	uint8_t mod[8 + 1] = { 0 };
	uint32_t start = 0x500000, end = 0x400000;

	memcpy(mod, &start, 4);
	memcpy(mod + 4, &end, 4);
	mb_start(&b);
	mb_mmap(&b, 1);
	mb_tag(&b, 3, mod, sizeof(mod));
	mb_end(&b);
	EXPECT_EQ(parse(&b), -EINVAL);
}

KTEST(acpi_new_rsdp_preferred)
{
	struct mbi_builder b;
	uint8_t v2[36] = "RSD PTR ";

	v2[15] = 2;
	mb_start(&b);
	mb_mmap(&b, 1);
	mb_tag(&b, 15, v2, sizeof(v2));
	mb_tag(&b, 14, "RSD PTR \0OLD   \0\0\0\0\0\0", 20);
	mb_end(&b);
	ASSERT_EQ(parse(&b), 0);
	EXPECT_EQ(info.rsdp_len, 36);
	EXPECT_EQ(info.rsdp[15], 2);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(parses_grub_like_info),
	KTEST_CASE(no_memory_map_is_enoent),
	KTEST_CASE(tag_past_total_size_is_einval),
	KTEST_CASE(tag_smaller_than_header_is_einval),
	KTEST_CASE(missing_end_tag_is_einval),
	KTEST_CASE(total_size_beyond_buffer_is_einval),
	KTEST_CASE(unterminated_strings_are_bounded),
	KTEST_CASE(mmap_entry_size_too_small_is_einval),
	KTEST_CASE(mmap_skips_empty_and_wrapping_entries),
	KTEST_CASE(module_with_end_before_start_is_einval),
	KTEST_CASE(acpi_new_rsdp_preferred),
};
KTEST_SUITE(multiboot2, cases);
