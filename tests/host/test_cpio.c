// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for kernel/lib/cpio.c: archives written here entry by entry, a real one written by
 * GNU cpio, and the malformed kinds a broken or hostile initramfs could hold. Every archive is
 * handed to the parser in a heap block of exactly its size, so AddressSanitizer reports any
 * read past its end.
 *
 * The GNU cpio archive is made by tests/host/host.mk (`cpio -o -H newc` over a small staging
 * tree, see the rule there) before this program is built. Its path is argv[1] if given, else
 * $CPIO_SAMPLE if set, else CPIO_SAMPLE_DEFAULT, which host.mk compiles in.
 */
#include "ktest_host.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef CPIO_SAMPLE_DEFAULT
#define CPIO_SAMPLE_DEFAULT "build/host/cpio/sample.cpio"
#endif

static const char *sample_path;

/* The header's fields, in order after the 6-byte magic, 8 hex digits each. */
enum {
	F_INO,
	F_MODE,
	F_UID,
	F_GID,
	F_NLINK,
	F_MTIME,
	F_FILESIZE,
	F_DEVMAJOR,
	F_DEVMINOR,
	F_RDEVMAJOR,
	F_RDEVMINOR,
	F_NAMESIZE,
	F_CHECK,
	NR_FIELDS
};

#define HDR_LEN 110
#define NEWC "070701"
#define CRC "070702"

/* Writes an archive entry by entry, as a newc writer would. */
struct cpio_writer {
	unsigned char buf[16384];
	size_t len;
};

/* One entry to write; fields left 0 are written as 0. */
struct cw_file {
	const char *name;
	size_t namesize; /* 0: strlen(name) + 1, the name's own NUL */
	uint32_t ino, mode, uid, gid, nlink, mtime;
	uint32_t devmajor, devminor, rdevmajor, rdevminor;
	const void *data;
	uint32_t size;
};

static void cw_init(struct cpio_writer *w)
{
	memset(w->buf, 0, sizeof(w->buf));
	w->len = 0;
}

static void cw_bytes(struct cpio_writer *w, const void *p, size_t n)
{
	if (n > sizeof(w->buf) - w->len)
		abort();
	memcpy(w->buf + w->len, p, n);
	w->len += n;
}

static void cw_pad(struct cpio_writer *w)
{
	while (w->len & 3)
		cw_bytes(w, "", 1);
}

/* Overwrite field @idx of the header at @hdr with @v, in upper-case hex like GNU cpio. */
static void cw_set(struct cpio_writer *w, size_t hdr, int idx, uint32_t v)
{
	char tmp[9];

	snprintf(tmp, sizeof(tmp), "%08X", v);
	memcpy(w->buf + hdr + 6 + 8 * idx, tmp, 8);
}

/* Overwrite field @idx of the header at @hdr with the 8 characters at @text. */
static void cw_set_raw(struct cpio_writer *w, size_t hdr, int idx, const char *text)
{
	memcpy(w->buf + hdr + 6 + 8 * idx, text, 8);
}

/* Format a header, magic and fields, into the 110 bytes at @dst. */
static void cw_header(unsigned char *dst, const char *magic, const uint32_t fields[NR_FIELDS])
{
	char tmp[9];

	memcpy(dst, magic, 6);
	for (int i = 0; i < NR_FIELDS; i++) {
		snprintf(tmp, sizeof(tmp), "%08X", fields[i]);
		memcpy(dst + 6 + 8 * i, tmp, 8);
	}
}

/* Write an entry with the magic @magic; returns its header's offset. */
static size_t cw_add(struct cpio_writer *w, const char *magic, const struct cw_file *f)
{
	size_t hdr = w->len, namesize = f->namesize ? f->namesize : strlen(f->name) + 1;
	uint32_t fields[NR_FIELDS] = {
		[F_INO] = f->ino,
		[F_MODE] = f->mode,
		[F_UID] = f->uid,
		[F_GID] = f->gid,
		[F_NLINK] = f->nlink,
		[F_MTIME] = f->mtime,
		[F_FILESIZE] = f->size,
		[F_DEVMAJOR] = f->devmajor,
		[F_DEVMINOR] = f->devminor,
		[F_RDEVMAJOR] = f->rdevmajor,
		[F_RDEVMINOR] = f->rdevminor,
		[F_NAMESIZE] = (uint32_t)namesize,
	};

	if (strcmp(magic, CRC) == 0) {
		const unsigned char *d = f->data;

		for (uint32_t i = 0; i < f->size; i++)
			fields[F_CHECK] += d[i];
	}
	if (HDR_LEN > sizeof(w->buf) - w->len)
		abort();
	cw_header(w->buf + hdr, magic, fields);
	w->len += HDR_LEN;
	cw_bytes(w, f->name, namesize);
	cw_pad(w);
	if (f->size)
		cw_bytes(w, f->data, f->size);
	cw_pad(w);
	return hdr;
}

/* A regular file (or with @mode, anything) holding the string @data. */
static size_t cw_file(struct cpio_writer *w, const char *magic, const char *name, uint32_t mode,
		      const char *data)
{
	struct cw_file f = { .name = name, .mode = mode, .nlink = 1, .data = data };

	f.size = data ? (uint32_t)strlen(data) : 0;
	return cw_add(w, magic, &f);
}

static size_t cw_trailer(struct cpio_writer *w, const char *magic)
{
	struct cw_file f = { .name = "TRAILER!!!", .nlink = 1 };

	return cw_add(w, magic, &f);
}

/* Read the GNU cpio sample into a heap block of exactly its size; NULL if it cannot be read. */
static unsigned char *load_sample(size_t *len)
{
	FILE *fp = fopen(sample_path, "rb");
	unsigned char *p = NULL;
	long n;

	if (!fp)
		goto fail;
	if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) <= 0 || fseek(fp, 0, SEEK_SET) != 0)
		goto fail;
	p = malloc(n);
	if (!p || fread(p, 1, n, fp) != (size_t)n)
		goto fail;
	fclose(fp);
	*len = n;
	return p;
fail:
	printf("    # cannot read the GNU cpio sample %s\n", sample_path);
	free(p);
	if (fp)
		fclose(fp);
	return NULL;
}

#include "host_rename.h"

#include <kernel/cpio.h>
#include <kernel/errno.h>
#include <kernel/string.h>
#include <uapi/stat.h>

/* What the callback saw of one entry: copies, as the archive is freed after the walk. */
struct rec {
	char name[128];
	size_t name_len;
	uint32_t ino, mode, uid, gid, nlink;
	uint64_t mtime;
	uint32_t devmajor, devminor, rdevmajor, rdevminor;
	size_t size;
	unsigned char data[128]; /* the first bytes */
	uint32_t sum; /* of all the data bytes: every one is read */
};

struct log {
	int n;
	int stop_at; /* return stop_err for the entry with this index */
	int stop_err;
	bool bad_name; /* an entry's name was not NUL-terminated at name_len */
	struct rec r[40];
};

static void log_init(struct log *log)
{
	memset(log, 0, sizeof(*log));
	log->stop_at = -1;
}

static int record(const struct cpio_entry *e, void *arg)
{
	struct log *log = arg;
	struct rec *r;
	const unsigned char *d = e->data;

	if (log->n == (int)ARRAY_SIZE(log->r))
		return -ENOSPC;
	r = &log->r[log->n];
	if (e->name[e->name_len] != '\0' || strlen(e->name) != e->name_len)
		log->bad_name = true;
	strscpy(r->name, e->name, sizeof(r->name));
	r->name_len = e->name_len;
	r->ino = e->ino;
	r->mode = e->mode;
	r->uid = e->uid;
	r->gid = e->gid;
	r->nlink = e->nlink;
	r->mtime = e->mtime;
	r->devmajor = e->dev_major;
	r->devminor = e->dev_minor;
	r->rdevmajor = e->rdev_major;
	r->rdevminor = e->rdev_minor;
	r->size = e->size;
	memcpy(r->data, e->data, min(e->size, sizeof(r->data)));
	for (size_t i = 0; i < e->size; i++)
		r->sum += d[i];
	if (log->stop_at == log->n++)
		return log->stop_err;
	return 0;
}

/* Walk a copy of @len bytes of @buf in an exact-size heap block. */
static int walk(const void *buf, size_t len, bool concat, struct log *log, size_t *consumed)
{
	void *p = malloc(len);
	int err;

	if (!p && len)
		abort();
	memcpy(p, buf, len);
	if (concat)
		err = cpio_for_each_concat(p, len, record, log, consumed);
	else
		err = cpio_for_each(p, len, record, log, consumed);
	free(p);
	return err;
}

static int parse(const struct cpio_writer *w, struct log *log, size_t *consumed)
{
	log_init(log);
	return walk(w->buf, w->len, false, log, consumed);
}

/* Three small entries and the trailer, the shape most cases start from. */
static void small_archive(struct cpio_writer *w, const char *magic)
{
	cw_init(w);
	cw_file(w, magic, "dir", S_IFDIR | 0755, NULL);
	cw_file(w, magic, "dir/hello", S_IFREG | 0644, "hello, world\n");
	cw_file(w, magic, "dir/link", S_IFLNK | 0777, "hello");
	cw_trailer(w, magic);
}

KTEST(gnu_sample_entries)
{
	static const struct {
		const char *name;
		uint32_t mode;
		uint32_t nlink; /* 0: not checked, as for directories (btrfs counts them 1) */
		const char *data;
	} want[] = {
		{ ".", S_IFDIR | 0755, 0, "" },
		{ "dir", S_IFDIR | 0755, 0, "" },
		{ "dir/file", S_IFREG | 0644, 1, "hello, cpio\n" },
		{ "dir/sub", S_IFDIR | 0700, 0, "" },
		{ "empty", S_IFREG | 0600, 1, "" },
		{ "fifo", S_IFIFO | 0640, 1, "" },
		{ "dir/hard2", S_IFREG | 0444, 2, "" },
		{ "hard1", S_IFREG | 0444, 2, "linked\n" },
		{ "link", S_IFLNK | 0777, 1, "dir/file" },
	};
	struct log log;
	size_t len, consumed = 0;
	unsigned char *sample = load_sample(&len);
	int i;

	ASSERT_NOT_NULL(sample);
	log_init(&log);
	EXPECT_EQ(walk(sample, len, false, &log, &consumed), 0);
	ASSERT_EQ(log.n, (int)ARRAY_SIZE(want));
	EXPECT_FALSE(log.bad_name);
	for (i = 0; i < log.n; i++) {
		const struct rec *r = &log.r[i];

		EXPECT_STREQ(r->name, want[i].name);
		EXPECT_EQ(r->mode, want[i].mode);
		if (want[i].nlink)
			EXPECT_EQ(r->nlink, want[i].nlink);
		EXPECT_EQ(r->size, strlen(want[i].data));
		EXPECT_MEMEQ(r->data, want[i].data, strlen(want[i].data));
		EXPECT_EQ(r->uid, 0);
		EXPECT_EQ(r->gid, 0);
		EXPECT_EQ(r->mtime, 1700000000);
		EXPECT_EQ(r->rdevmajor, 0);
		EXPECT_EQ(r->rdevminor, 0);
	}
	EXPECT_TRUE(S_ISLNK(log.r[8].mode));
	EXPECT_TRUE(S_ISFIFO(log.r[5].mode));
	/* GNU cpio pads the archive to 512-byte blocks with NULs after the trailer. */
	EXPECT_EQ(len % 512, 0);
	EXPECT_LT(consumed, len);
	EXPECT_EQ(consumed % 4, 0);
	for (size_t j = consumed; j < len; j++)
		if (sample[j] != 0)
			EXPECT_EQ(sample[j], 0);
	free(sample);
}

KTEST(gnu_sample_hard_link_pair)
{
	struct log log;
	size_t len;
	unsigned char *sample = load_sample(&len);

	ASSERT_NOT_NULL(sample);
	log_init(&log);
	EXPECT_EQ(walk(sample, len, false, &log, NULL), 0);
	free(sample);
	ASSERT_EQ(log.n, 9);
	/* Both names of the file: the same (dev, ino), the data with the last one only. */
	EXPECT_STREQ(log.r[6].name, "dir/hard2");
	EXPECT_STREQ(log.r[7].name, "hard1");
	EXPECT_EQ(log.r[6].ino, log.r[7].ino);
	EXPECT_EQ(log.r[6].devmajor, log.r[7].devmajor);
	EXPECT_EQ(log.r[6].devminor, log.r[7].devminor);
	EXPECT_EQ(log.r[6].size, 0);
	EXPECT_EQ(log.r[7].size, 7);
	/* No other entry shares the inode. */
	for (int i = 0; i < log.n; i++)
		if (i != 6 && i != 7)
			EXPECT_NE(log.r[i].ino, log.r[7].ino);
}

KTEST(gnu_sample_names_are_safe)
{
	struct log log;
	size_t len;
	unsigned char *sample = load_sample(&len);

	ASSERT_NOT_NULL(sample);
	log_init(&log);
	EXPECT_EQ(walk(sample, len, false, &log, NULL), 0);
	free(sample);
	for (int i = 0; i < log.n; i++) {
		size_t n = log.r[i].name_len;
		const char *s = cpio_name_strip(log.r[i].name, &n);

		EXPECT_TRUE(cpio_name_is_safe(log.r[i].name, log.r[i].name_len));
		/* GNU cpio stores "." for the root and the others without a "./". */
		EXPECT_EQ(n, i == 0 ? 0 : log.r[i].name_len);
		EXPECT_PTR_EQ(s, log.r[i].name);
	}
}

/* Every proper prefix of the sample is cut short: -EINVAL, with what came before delivered. */
KTEST(gnu_sample_every_prefix)
{
	struct log full, log;
	size_t len, end, consumed;
	unsigned char *sample = load_sample(&len);

	ASSERT_NOT_NULL(sample);
	log_init(&full);
	ASSERT_EQ(walk(sample, len, false, &full, &end), 0);
	for (size_t n = 0; n <= len; n++) {
		int err;

		log_init(&log);
		err = walk(sample, n, false, &log, &consumed);
		if (n < end) {
			EXPECT_EQ(err, -EINVAL);
			EXPECT_LE(consumed, n);
		} else {
			EXPECT_EQ(err, 0);
			EXPECT_EQ(consumed, end);
		}
		EXPECT_LE(log.n, full.n);
		for (int i = 0; i < log.n; i++)
			EXPECT_STREQ(log.r[i].name, full.r[i].name);
		if (test->failed) {
			printf("    # at prefix length %zu\n", n);
			break;
		}
	}
	free(sample);
}

KTEST(written_fields_are_decoded)
{
	struct cpio_writer w;
	struct log log;
	struct cw_file f = {
		.name = "dev/ttyS0",
		.ino = 0x12345678,
		.mode = S_IFCHR | 0620,
		.uid = 1000,
		.gid = 5,
		.nlink = 1,
		.mtime = 0xfedcba98,
		.devmajor = 8,
		.devminor = 1,
		.rdevmajor = 4,
		.rdevminor = 64,
	};
	size_t hdr, consumed;

	cw_init(&w);
	hdr = cw_add(&w, NEWC, &f);
	cw_set_raw(&w, hdr, F_MTIME, "fedcba98"); /* lower case works too */
	cw_trailer(&w, NEWC);
	ASSERT_EQ(parse(&w, &log, &consumed), 0);
	ASSERT_EQ(log.n, 1);
	EXPECT_STREQ(log.r[0].name, "dev/ttyS0");
	EXPECT_EQ(log.r[0].name_len, 9);
	EXPECT_EQ(log.r[0].ino, 0x12345678);
	EXPECT_EQ(log.r[0].mode, S_IFCHR | 0620);
	EXPECT_TRUE(S_ISCHR(log.r[0].mode));
	EXPECT_EQ(log.r[0].uid, 1000);
	EXPECT_EQ(log.r[0].gid, 5);
	EXPECT_EQ(log.r[0].nlink, 1);
	EXPECT_EQ(log.r[0].mtime, 0xfedcba98);
	EXPECT_EQ(log.r[0].devmajor, 8);
	EXPECT_EQ(log.r[0].devminor, 1);
	EXPECT_EQ(log.r[0].rdevmajor, 4);
	EXPECT_EQ(log.r[0].rdevminor, 64);
	EXPECT_EQ(log.r[0].size, 0);
	EXPECT_EQ(consumed, w.len);
}

KTEST(symlink_target_and_padding)
{
	struct cpio_writer w;
	struct log log;
	size_t consumed;

	small_archive(&w, NEWC);
	ASSERT_EQ(parse(&w, &log, &consumed), 0);
	EXPECT_EQ(consumed, w.len);
	EXPECT_FALSE(log.bad_name);
	ASSERT_EQ(log.n, 3);
	EXPECT_TRUE(S_ISDIR(log.r[0].mode));
	EXPECT_TRUE(S_ISREG(log.r[1].mode));
	EXPECT_EQ(log.r[1].size, 13);
	EXPECT_MEMEQ(log.r[1].data, "hello, world\n", 13);
	EXPECT_TRUE(S_ISLNK(log.r[2].mode));
	EXPECT_EQ(log.r[2].size, 5);
	EXPECT_MEMEQ(log.r[2].data, "hello", 5);
	/* The check field of 070701 is not looked at. */
	cw_set(&w, 0, F_CHECK, 0xdeadbeef);
	EXPECT_EQ(parse(&w, &log, NULL), 0);
}

KTEST(crc_checksum_accepted)
{
	struct cpio_writer w;
	struct log log;
	size_t consumed;

	small_archive(&w, CRC);
	ASSERT_EQ(parse(&w, &log, &consumed), 0);
	EXPECT_EQ(consumed, w.len);
	ASSERT_EQ(log.n, 3);
	EXPECT_MEMEQ(log.r[1].data, "hello, world\n", 13);
	EXPECT_EQ(log.r[1].sum, 1170);
}

KTEST(crc_checksum_mismatch_is_ebadmsg)
{
	struct cpio_writer w;
	struct log log;
	size_t hdr, consumed;

	cw_init(&w);
	cw_file(&w, CRC, "a", S_IFREG | 0644, "first");
	hdr = cw_file(&w, CRC, "b", S_IFREG | 0644, "second");
	cw_file(&w, CRC, "c", S_IFREG | 0644, "third");
	cw_trailer(&w, CRC);
	w.buf[hdr + HDR_LEN + 4 + 2] ^= 1; /* flip a bit of "second" */
	EXPECT_EQ(parse(&w, &log, &consumed), -EBADMSG);
	EXPECT_EQ(log.n, 1); /* the bad entry is not delivered */
	EXPECT_EQ(consumed, hdr);

	/* Restored, it parses; a checksum off by one, or an empty file with a non-zero sum, not. */
	w.buf[hdr + HDR_LEN + 4 + 2] ^= 1;
	EXPECT_EQ(parse(&w, &log, NULL), 0);
	cw_set(&w, hdr, F_CHECK, 's' + 'e' + 'c' + 'o' + 'n' + 'd' + 1);
	EXPECT_EQ(parse(&w, &log, NULL), -EBADMSG);
	cw_init(&w);
	hdr = cw_file(&w, CRC, "empty", S_IFREG | 0644, NULL);
	cw_trailer(&w, CRC);
	cw_set(&w, hdr, F_CHECK, 1);
	EXPECT_EQ(parse(&w, &log, NULL), -EBADMSG);
	EXPECT_EQ(log.n, 0);
}

KTEST(crc_sum_wraps)
{
	/* 0x01010102 bytes of 0xff add up to 2^32 + 254; the field holds the sum modulo 2^32. */
	const uint32_t n = 0x01010102;
	uint32_t f[NR_FIELDS] = {
		[F_MODE] = S_IFREG | 0600, [F_NLINK] = 1,   [F_FILESIZE] = n,
		[F_NAMESIZE] = 4,	   [F_CHECK] = 254,
	};
	size_t data_end = 116 + (size_t)n, len, consumed;
	struct cpio_writer t;
	struct log log;
	unsigned char *buf;

	cw_init(&t);
	cw_trailer(&t, CRC);
	len = data_end + 2 + t.len;
	buf = malloc(len);
	ASSERT_NOT_NULL(buf);
	cw_header(buf, CRC, f);
	memcpy(buf + HDR_LEN, "big\0\0", 6);
	memset(buf + 116, 0xff, n);
	memset(buf + data_end, 0, 2);
	memcpy(buf + data_end + 2, t.buf, t.len);
	log_init(&log);
	EXPECT_EQ(cpio_for_each(buf, len, record, &log, &consumed), 0);
	EXPECT_EQ(consumed, len);
	EXPECT_EQ(log.n, 1);
	EXPECT_EQ(log.r[0].size, n);
	EXPECT_EQ(log.r[0].sum, 254);
	f[F_CHECK] = 255;
	cw_header(buf, CRC, f);
	log_init(&log);
	EXPECT_EQ(cpio_for_each(buf, len, record, &log, NULL), -EBADMSG);
	EXPECT_EQ(log.n, 0);
	free(buf);
}

/* Every proper prefix of a written archive, both formats: -EINVAL and never an overread. */
KTEST(every_prefix_of_small_archive)
{
	static const char *const magics[] = { NEWC, CRC };

	for (size_t m = 0; m < ARRAY_SIZE(magics); m++) {
		struct cpio_writer w;
		struct log log;
		size_t consumed;

		small_archive(&w, magics[m]);
		for (size_t n = 0; n < w.len; n++) {
			log_init(&log);
			EXPECT_EQ(walk(w.buf, n, false, &log, &consumed), -EINVAL);
			EXPECT_LE(log.n, 3);
			EXPECT_LE(consumed, n);
			if (test->failed) {
				printf("    # %s at prefix length %zu\n", magics[m], n);
				return;
			}
		}
		log_init(&log);
		EXPECT_EQ(walk(w.buf, w.len, false, &log, &consumed), 0);
		EXPECT_EQ(consumed, w.len);
		EXPECT_EQ(log.n, 3);
	}
}

KTEST(bad_magic_is_einval)
{
	static const char *const magics[] = {
		"070707", /* the old portable ASCII format */
		"070700", "070703", "070711", "170701", "07070a", "\xc7\x71\x00\x00\x00\x00",
	};

	for (size_t i = 0; i < ARRAY_SIZE(magics); i++) {
		struct cpio_writer w;
		struct log log;
		size_t consumed = 1;

		small_archive(&w, NEWC);
		memcpy(w.buf, magics[i], 6);
		EXPECT_EQ(parse(&w, &log, &consumed), -EINVAL);
		EXPECT_EQ(log.n, 0);
		EXPECT_EQ(consumed, 0);
		/* Also in the middle of the archive, after one good entry. */
		small_archive(&w, NEWC);
		memcpy(w.buf + 116, magics[i], 6);
		EXPECT_EQ(parse(&w, &log, &consumed), -EINVAL);
		EXPECT_EQ(log.n, 1);
		EXPECT_EQ(consumed, 116);
	}
}

KTEST(non_hex_field_is_einval)
{
	static const char bad[] = { 'g', 'G', 'x', ' ', '-', '+', '\0', '\n', '/', ':', '@', '`' };

	struct cpio_writer w;
	struct log log;

	for (int idx = 0; idx < NR_FIELDS; idx++) {
		for (size_t b = 0; b < sizeof(bad); b++) {
			for (int pos = 0; pos < 8; pos += 7) {
				small_archive(&w, NEWC);
				w.buf[6 + 8 * idx + pos] = bad[b];
				EXPECT_EQ(parse(&w, &log, NULL), -EINVAL);
				EXPECT_EQ(log.n, 0);
				if (test->failed) {
					printf("    # field %d, char 0x%02x at %d\n", idx, bad[b],
					       pos);
					return;
				}
			}
		}
	}
	/* A "0x" prefix or a leading space is not hex either. */
	small_archive(&w, NEWC);
	cw_set_raw(&w, 0, F_NAMESIZE, "0x000004");
	EXPECT_EQ(parse(&w, &log, NULL), -EINVAL);
	cw_set_raw(&w, 0, F_NAMESIZE, "       4");
	EXPECT_EQ(parse(&w, &log, NULL), -EINVAL);
}

KTEST(name_without_nul_is_einval)
{
	struct cpio_writer w;
	struct cw_file f = { .name = "abcd", .namesize = 4, .mode = S_IFREG | 0644, .nlink = 1 };
	struct log log;

	cw_init(&w);
	cw_add(&w, NEWC, &f); /* "abcd" with no NUL after it */
	cw_trailer(&w, NEWC);
	EXPECT_EQ(parse(&w, &log, NULL), -EINVAL);
	EXPECT_EQ(log.n, 0);

	/* The trailer's name needs its NUL too. */
	cw_init(&w);
	f.name = "TRAILER!!!";
	f.namesize = 10;
	cw_add(&w, NEWC, &f);
	EXPECT_EQ(parse(&w, &log, NULL), -EINVAL);
}

KTEST(nul_inside_name_is_einval)
{
	struct cpio_writer w;
	struct cw_file f = { .name = "ab\0cd", .namesize = 6, .mode = S_IFREG | 0644, .nlink = 1 };
	struct log log;

	cw_init(&w);
	cw_file(&w, NEWC, "ok", S_IFREG | 0644, "x");
	cw_add(&w, NEWC, &f);
	cw_trailer(&w, NEWC);
	EXPECT_EQ(parse(&w, &log, NULL), -EINVAL);
	EXPECT_EQ(log.n, 1);

	/* A name of only NULs, and "TRAILER!!!" followed by a second NUL, are refused as well. */
	cw_init(&w);
	f.name = "\0\0";
	f.namesize = 3;
	cw_add(&w, NEWC, &f);
	cw_trailer(&w, NEWC);
	EXPECT_EQ(parse(&w, &log, NULL), -EINVAL);
	cw_init(&w);
	f.name = "TRAILER!!!\0";
	f.namesize = 12;
	cw_add(&w, NEWC, &f);
	EXPECT_EQ(parse(&w, &log, NULL), -EINVAL);
}

KTEST(name_size_zero_is_einval)
{
	struct cpio_writer w;
	struct log log;

	small_archive(&w, NEWC);
	cw_set(&w, 0, F_NAMESIZE, 0);
	EXPECT_EQ(parse(&w, &log, NULL), -EINVAL);
	EXPECT_EQ(log.n, 0);

	/* Size 1 is the empty name: well-formed here (cpio_name_is_safe() refuses it). */
	cw_init(&w);
	cw_file(&w, NEWC, "", S_IFREG | 0644, NULL);
	cw_trailer(&w, NEWC);
	EXPECT_EQ(parse(&w, &log, NULL), 0);
	ASSERT_EQ(log.n, 1);
	EXPECT_EQ(log.r[0].name_len, 0);
	EXPECT_FALSE(cpio_name_is_safe("", 0));
}

KTEST(name_past_end_is_einval)
{
	struct cpio_writer w;
	struct log log;
	size_t hdr, consumed;

	cw_init(&w);
	cw_file(&w, NEWC, "a", S_IFREG | 0644, "data");
	hdr = cw_trailer(&w, NEWC);
	/* The trailer's name claims to go one byte past the buffer. */
	cw_set(&w, hdr, F_NAMESIZE, (uint32_t)(w.len - hdr - HDR_LEN + 1));
	EXPECT_EQ(parse(&w, &log, &consumed), -EINVAL);
	EXPECT_EQ(log.n, 1);
	EXPECT_EQ(consumed, hdr);
	/* A name that ends with the buffer, its NUL last, but without room for its padding. */
	cw_init(&w);
	cw_file(&w, NEWC, "a", S_IFREG | 0644, "data");
	hdr = cw_file(&w, NEWC, "abcdefgh", S_IFREG | 0644, NULL);
	w.len = hdr + HDR_LEN + 9;
	EXPECT_EQ(parse(&w, &log, &consumed), -EINVAL);
	EXPECT_EQ(log.n, 1);
	EXPECT_EQ(consumed, hdr);
}

KTEST(data_past_end_is_einval)
{
	struct cpio_writer w;
	struct log log;
	size_t hdr, consumed;

	cw_init(&w);
	cw_file(&w, NEWC, "a", S_IFREG | 0644, "data");
	hdr = cw_file(&w, NEWC, "b", S_IFREG | 0644, "more data");
	/* No trailer: b's data (from hdr + 112) claims one byte more than the buffer holds. */
	cw_set(&w, hdr, F_FILESIZE, (uint32_t)(w.len - hdr - 112 + 1));
	EXPECT_EQ(parse(&w, &log, &consumed), -EINVAL);
	EXPECT_EQ(log.n, 1);
	EXPECT_EQ(consumed, hdr);
	/* The data ends with the buffer, but its padding to 4 is missing. */
	cw_set(&w, hdr, F_FILESIZE, 9);
	w.len = hdr + 112 + 9;
	EXPECT_EQ(parse(&w, &log, &consumed), -EINVAL);
	EXPECT_EQ(log.n, 1);
	EXPECT_EQ(consumed, hdr);
}

KTEST(huge_sizes_do_not_overflow)
{
	static const uint32_t sizes[] = { 0xffffffff, 0xfffffffe, 0xfffffffd,
					  0xfffffffc, 0x80000000, 0x7fffffff };

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct cpio_writer w;
		struct log log;

		small_archive(&w, NEWC);
		cw_set(&w, 0, F_FILESIZE, sizes[i]);
		EXPECT_EQ(parse(&w, &log, NULL), -EINVAL);
		EXPECT_EQ(log.n, 0);
		small_archive(&w, NEWC);
		cw_set(&w, 0, F_NAMESIZE, sizes[i]);
		EXPECT_EQ(parse(&w, &log, NULL), -EINVAL);
		EXPECT_EQ(log.n, 0);
		small_archive(&w, CRC);
		cw_set(&w, 116, F_FILESIZE, sizes[i]);
		EXPECT_EQ(parse(&w, &log, NULL), -EINVAL);
		EXPECT_EQ(log.n, 1);
	}
}

/*
 * Two archives with @gap NULs between and @tail after; *@first is the end of the first one,
 * *@end of the second.
 */
static void two_archives(struct cpio_writer *w, size_t gap, size_t tail, size_t *first, size_t *end)
{
	cw_init(w);
	cw_file(w, NEWC, "a", S_IFDIR | 0755, NULL);
	cw_file(w, NEWC, "a/one", S_IFREG | 0644, "1");
	cw_trailer(w, NEWC);
	*first = w->len;
	w->len += gap; /* the writer's buffer is zeroed */
	/* The second archive's own padding counts from its start, whatever the gap. */
	{
		struct cpio_writer b;

		cw_init(&b);
		cw_file(&b, CRC, "a/two", S_IFREG | 0644, "22");
		cw_trailer(&b, CRC);
		cw_bytes(w, b.buf, b.len);
	}
	*end = w->len;
	w->len += tail;
}

KTEST(concatenated_archives_with_zero_padding)
{
	static const size_t gaps[] = { 0, 1, 2, 3, 4, 5, 511, 512 };

	for (size_t g = 0; g < ARRAY_SIZE(gaps); g++) {
		for (size_t tail = 0; tail < 8; tail += 7) {
			struct cpio_writer w;
			struct log log;
			size_t first, end, consumed;

			two_archives(&w, gaps[g], tail, &first, &end);
			log_init(&log);
			EXPECT_EQ(walk(w.buf, w.len, true, &log, &consumed), 0);
			EXPECT_EQ(consumed, end);
			ASSERT_EQ(log.n, 3);
			EXPECT_STREQ(log.r[0].name, "a");
			EXPECT_STREQ(log.r[1].name, "a/one");
			EXPECT_STREQ(log.r[2].name, "a/two");
			EXPECT_MEMEQ(log.r[2].data, "22", 2);

			/* cpio_for_each() stops at the first trailer. */
			log_init(&log);
			EXPECT_EQ(walk(w.buf, w.len, false, &log, &consumed), 0);
			EXPECT_EQ(log.n, 2);
			EXPECT_EQ(consumed, first);
		}
	}
}

KTEST(concatenated_archives_junk_and_truncation)
{
	struct cpio_writer w;
	struct log log;
	size_t end, consumed, first, b, b_trailer;

	/* Something other than NULs after the first archive. */
	two_archives(&w, 8, 0, &first, &end);
	w.buf[first + 3] = 'x';
	log_init(&log);
	EXPECT_EQ(walk(w.buf, w.len, true, &log, &consumed), -EINVAL);
	EXPECT_EQ(log.n, 2);
	EXPECT_EQ(consumed, first + 3);
	/* A second archive cut short, at every length. */
	two_archives(&w, 3, 0, &first, &end);
	b = first + 3;
	b_trailer = b + 120; /* after its "a/two" entry */
	for (size_t n = first; n < end; n++) {
		log_init(&log);
		EXPECT_EQ(walk(w.buf, n, true, &log, &consumed), n <= b ? 0 : -EINVAL);
		EXPECT_EQ(log.n, n < b_trailer ? 2 : 3);
		EXPECT_EQ(consumed, n <= b ? first : n < b_trailer ? b : b_trailer);
	}
	/* Empty, or all NULs: nothing to unpack, which is not an error. */
	cw_init(&w);
	log_init(&log);
	EXPECT_EQ(walk(w.buf, 0, true, &log, &consumed), 0);
	EXPECT_EQ(consumed, 0);
	EXPECT_EQ(walk(w.buf, 300, true, &log, &consumed), 0);
	EXPECT_EQ(consumed, 0);
	EXPECT_EQ(log.n, 0);
	/* But a single archive must not be empty. */
	EXPECT_EQ(walk(w.buf, 0, false, &log, &consumed), -EINVAL);
	EXPECT_EQ(walk(w.buf, 300, false, &log, &consumed), -EINVAL);
}

KTEST(gnu_sample_concatenated_twice)
{
	struct log log;
	size_t len, consumed;
	unsigned char *sample = load_sample(&len), *two;

	ASSERT_NOT_NULL(sample);
	two = malloc(2 * len);
	memcpy(two, sample, len);
	memcpy(two + len, sample, len);
	log_init(&log);
	EXPECT_EQ(walk(two, 2 * len, true, &log, &consumed), 0);
	EXPECT_EQ(log.n, 18);
	EXPECT_STREQ(log.r[9].name, ".");
	EXPECT_STREQ(log.r[17].name, "link");
	EXPECT_LT(consumed, 2 * len);
	EXPECT_GT(consumed, len);
	free(two);
	free(sample);
}

KTEST(trailer_less_archive_is_einval_after_delivery)
{
	struct cpio_writer w;
	struct log log;
	size_t consumed;

	small_archive(&w, NEWC);
	w.len -= 124; /* drop the trailer */
	EXPECT_EQ(parse(&w, &log, &consumed), -EINVAL);
	EXPECT_EQ(log.n, 3); /* the callback saw every entry */
	EXPECT_EQ(consumed, w.len);
	EXPECT_EQ(walk(w.buf, w.len, true, &log, &consumed), -EINVAL);
}

KTEST(trailer_is_matched_exactly)
{
	struct cpio_writer w;
	struct log log;
	size_t consumed, end;

	cw_init(&w);
	cw_file(&w, NEWC, "TRAILER!!", S_IFREG | 0644, NULL);
	cw_file(&w, NEWC, "TRAILER!!!x", S_IFREG | 0644, NULL);
	cw_file(&w, NEWC, "trailer!!!", S_IFREG | 0644, NULL);
	cw_trailer(&w, NEWC);
	end = w.len;
	cw_file(&w, NEWC, "after", S_IFREG | 0644, "not seen");
	cw_trailer(&w, NEWC);
	EXPECT_EQ(parse(&w, &log, &consumed), 0);
	EXPECT_EQ(log.n, 3);
	EXPECT_EQ(consumed, end);
}

KTEST(callback_error_stops_walk)
{
	struct cpio_writer w;
	struct log log;
	size_t consumed;

	small_archive(&w, NEWC);
	log_init(&log);
	log.stop_at = 1;
	log.stop_err = -ENOSPC;
	EXPECT_EQ(walk(w.buf, w.len, false, &log, &consumed), -ENOSPC);
	EXPECT_EQ(log.n, 2);
	EXPECT_EQ(consumed, 116);
	log_init(&log);
	log.stop_at = 0;
	log.stop_err = -EEXIST;
	EXPECT_EQ(walk(w.buf, w.len, true, &log, &consumed), -EEXIST);
	EXPECT_EQ(log.n, 1);
	EXPECT_EQ(consumed, 0);
	/* A positive return goes on. */
	log_init(&log);
	log.stop_at = 0;
	log.stop_err = 1;
	EXPECT_EQ(walk(w.buf, w.len, false, &log, &consumed), 0);
	EXPECT_EQ(log.n, 3);
}

KTEST(name_is_safe)
{
	static const char *const good[] = { ".",     "./",	    "/",      "a",	 "a/b",
					    "./a/b", "/a/b",	    "a/b/",   "a/./b",	 "a//b",
					    "...",   "..a",	    "a..",    ".hidden", "a/.../b",
					    "./.",   "dev/console", "./a/..b" };
	static const char *const bad[] = { "",	     "..",	"../a",	       "./..",	 "a/..",
					   "a/../b", "/..",	"../",	       "a/b/..", "/../a",
					   "a/../",  "./../..", "a/b/../../.." };

	for (size_t i = 0; i < ARRAY_SIZE(good); i++)
		if (!cpio_name_is_safe(good[i], strlen(good[i])))
			EXPECT_STREQ(good[i], "(a name that is safe)");
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		if (cpio_name_is_safe(bad[i], strlen(bad[i])))
			EXPECT_STREQ(bad[i], "(a name that is not safe)");
	/* The length counts, not a NUL; a NUL inside is refused. */
	EXPECT_FALSE(cpio_name_is_safe("a/..", 4));
	EXPECT_TRUE(cpio_name_is_safe("a/..", 3));
	EXPECT_FALSE(cpio_name_is_safe("a\0b", 3));
}

KTEST(name_strip)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "./a/b", "a/b" }, { "/a/b", "a/b" },
		{ ".", "" },	    { "./", "" },
		{ "/", "" },	    { "//", "" },
		{ "./.", "" },	    { "a/b/", "a/b" },
		{ "a/b//", "a/b" }, { ".//a", "a" },
		{ "./././a", "a" }, { "//a//", "a" },
		{ "a", "a" },	    { ".hidden", ".hidden" },
		{ "...", "..." },   { "a/./b", "a/./b" },
		{ "./a/", "a" },    { "/./dir/", "dir" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		size_t n = strlen(cases[i].in);
		const char *s = cpio_name_strip(cases[i].in, &n);
		char got[64];

		EXPECT_TRUE(s >= cases[i].in && s + n <= cases[i].in + strlen(cases[i].in));
		memcpy(got, s, n);
		got[n] = '\0';
		EXPECT_STREQ(got, cases[i].out);
	}
}

static const struct ktest_case cases[] = {
	KTEST_CASE(gnu_sample_entries),
	KTEST_CASE(gnu_sample_hard_link_pair),
	KTEST_CASE(gnu_sample_names_are_safe),
	KTEST_CASE(gnu_sample_every_prefix),
	KTEST_CASE(gnu_sample_concatenated_twice),
	KTEST_CASE(written_fields_are_decoded),
	KTEST_CASE(symlink_target_and_padding),
	KTEST_CASE(crc_checksum_accepted),
	KTEST_CASE(crc_checksum_mismatch_is_ebadmsg),
	KTEST_CASE(crc_sum_wraps),
	KTEST_CASE(every_prefix_of_small_archive),
	KTEST_CASE(bad_magic_is_einval),
	KTEST_CASE(non_hex_field_is_einval),
	KTEST_CASE(name_without_nul_is_einval),
	KTEST_CASE(nul_inside_name_is_einval),
	KTEST_CASE(name_size_zero_is_einval),
	KTEST_CASE(name_past_end_is_einval),
	KTEST_CASE(data_past_end_is_einval),
	KTEST_CASE(huge_sizes_do_not_overflow),
	KTEST_CASE(concatenated_archives_with_zero_padding),
	KTEST_CASE(concatenated_archives_junk_and_truncation),
	KTEST_CASE(trailer_less_archive_is_einval_after_delivery),
	KTEST_CASE(trailer_is_matched_exactly),
	KTEST_CASE(callback_error_stops_walk),
	KTEST_CASE(name_is_safe),
	KTEST_CASE(name_strip),
};

int main(int argc, char **argv)
{
	sample_path = argc > 1 ? argv[1] : getenv("CPIO_SAMPLE");
	if (!sample_path || !*sample_path)
		sample_path = CPIO_SAMPLE_DEFAULT;
	return ktest_run_suite("cpio", cases, KTEST_ARRAY_SIZE(cases));
}
