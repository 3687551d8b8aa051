// SPDX-License-Identifier: GPL-2.0
/*
 * A reader for cpio "newc" archives (include/kernel/cpio.h). Every length in a header is checked
 * against what is left of the buffer before anything it covers is read, by subtraction from the
 * remaining length, so no field value, however large, can make an offset wrap.
 */
#include <kernel/cpio.h>
#include <kernel/errno.h>
#include <kernel/string.h>

#define CPIO_MAGIC_LEN 6
#define CPIO_FIELD_LEN 8
#define CPIO_HEADER_LEN 110

/* The header's fields, in their order after the magic. */
enum cpio_field {
	CPIO_INO,
	CPIO_MODE,
	CPIO_UID,
	CPIO_GID,
	CPIO_NLINK,
	CPIO_MTIME,
	CPIO_FILESIZE,
	CPIO_DEVMAJOR,
	CPIO_DEVMINOR,
	CPIO_RDEVMAJOR,
	CPIO_RDEVMINOR,
	CPIO_NAMESIZE,
	CPIO_CHECK,
	CPIO_NR_FIELDS,
};

BUILD_BUG_ON(CPIO_MAGIC_LEN + CPIO_NR_FIELDS * CPIO_FIELD_LEN != CPIO_HEADER_LEN);

static const char cpio_trailer_name[] = "TRAILER!!!";

static int hex_digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Parse exactly CPIO_FIELD_LEN hex digits: no sign, prefix or spaces. */
static int parse_field(const char *p, u32 *val)
{
	u32 v = 0;
	int i;

	for (i = 0; i < CPIO_FIELD_LEN; i++) {
		int d = hex_digit_value(p[i]);

		if (d < 0)
			return -EINVAL;
		v = v << 4 | (u32)d;
	}
	*val = v;
	return 0;
}

/* The number of bytes from offset @n up to the next multiple of 4. */
static size_t pad4(size_t n)
{
	return (4 - (n & 3)) & 3;
}

static u32 byte_sum(const unsigned char *p, size_t n)
{
	u32 sum = 0;

	while (n--)
		sum += *p++;
	return sum;
}

/*
 * Decode the entry whose header is at @off in @base (@len bytes, @off <= @len) into @e, and set
 * *@next to the offset just past its data padding. The caller tells the trailer by its name.
 */
static int parse_entry(const char *base, size_t len, size_t off, struct cpio_entry *e, size_t *next)
{
	const char *hdr = base + off;
	size_t left = len - off;
	u32 f[CPIO_NR_FIELDS];
	size_t namesize, pad;
	bool has_check;
	int i, err;

	if (left < CPIO_HEADER_LEN)
		return -EINVAL;
	if (memcmp(hdr, "07070", 5) != 0 || (hdr[5] != '1' && hdr[5] != '2'))
		return -EINVAL;
	has_check = hdr[5] == '2';
	for (i = 0; i < CPIO_NR_FIELDS; i++) {
		err = parse_field(hdr + CPIO_MAGIC_LEN + i * CPIO_FIELD_LEN, &f[i]);
		if (err)
			return err;
	}
	left -= CPIO_HEADER_LEN;

	/* The name, with its NUL as the last of namesize bytes and nowhere before. */
	namesize = f[CPIO_NAMESIZE];
	if (namesize == 0 || namesize > left)
		return -EINVAL;
	e->name = hdr + CPIO_HEADER_LEN;
	e->name_len = namesize - 1;
	if (e->name[e->name_len] != '\0' || memchr(e->name, '\0', e->name_len))
		return -EINVAL;
	left -= namesize;
	pad = pad4(len - left);
	if (pad > left)
		return -EINVAL;
	left -= pad;

	e->data = base + (len - left);
	e->size = f[CPIO_FILESIZE];
	if (e->size > left)
		return -EINVAL;
	left -= e->size;
	pad = pad4(len - left);
	if (pad > left)
		return -EINVAL;
	left -= pad;

	if (has_check && byte_sum(e->data, e->size) != f[CPIO_CHECK])
		return -EBADMSG;

	e->ino = f[CPIO_INO];
	e->mode = f[CPIO_MODE];
	e->uid = f[CPIO_UID];
	e->gid = f[CPIO_GID];
	e->nlink = f[CPIO_NLINK];
	e->mtime = f[CPIO_MTIME];
	e->dev_major = f[CPIO_DEVMAJOR];
	e->dev_minor = f[CPIO_DEVMINOR];
	e->rdev_major = f[CPIO_RDEVMAJOR];
	e->rdev_minor = f[CPIO_RDEVMINOR];
	*next = len - left;
	return 0;
}

static bool is_trailer(const struct cpio_entry *e)
{
	return e->name_len == sizeof(cpio_trailer_name) - 1 &&
	       memcmp(e->name, cpio_trailer_name, e->name_len) == 0;
}

int cpio_for_each(const void *archive, size_t len, int (*fn)(const struct cpio_entry *e, void *arg),
		  void *arg, size_t *consumed)
{
	size_t off = 0, next;
	int err;

	for (;;) {
		struct cpio_entry e;

		err = parse_entry(archive, len, off, &e, &next);
		if (err)
			break;
		if (is_trailer(&e)) {
			off = next;
			break;
		}
		err = fn(&e, arg);
		if (err < 0)
			break;
		err = 0;
		off = next;
	}
	if (consumed)
		*consumed = off;
	return err;
}

int cpio_for_each_concat(const void *buf, size_t len,
			 int (*fn)(const struct cpio_entry *e, void *arg), void *arg,
			 size_t *consumed)
{
	const char *p = buf;
	size_t off = 0, end = 0, used;
	int err = 0;

	for (;;) {
		while (off < len && p[off] == '\0')
			off++;
		if (off == len)
			break;
		err = cpio_for_each(p + off, len - off, fn, arg, &used);
		off += used;
		if (err)
			break;
		end = off;
	}
	if (consumed)
		*consumed = err ? off : end;
	return err;
}

bool cpio_name_is_safe(const char *name, size_t len)
{
	size_t i = 0;

	if (len == 0 || memchr(name, '\0', len))
		return false;
	while (i < len) {
		size_t start = i;

		while (i < len && name[i] != '/')
			i++;
		if (i - start == 2 && name[start] == '.' && name[start + 1] == '.')
			return false;
		i++; /* the '/' */
	}
	return true;
}

const char *cpio_name_strip(const char *name, size_t *len)
{
	size_t n = *len;

	for (;;) {
		if (n >= 1 && name[0] == '/') {
			name++;
			n--;
		} else if (n >= 2 && name[0] == '.' && name[1] == '/') {
			name += 2;
			n -= 2;
		} else {
			break;
		}
	}
	if (n == 1 && name[0] == '.')
		n = 0;
	while (n > 0 && name[n - 1] == '/')
		n--;
	*len = n;
	return name;
}
