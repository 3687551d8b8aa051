/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_CPIO_H
#define _KERNEL_CPIO_H

#include <kernel/types.h>

/*
 * A reader for cpio archives in the "newc" format (magic "070701") and its checksummed variant
 * (magic "070702"), the format of an initramfs. Pure code (kernel/lib/cpio.c): it allocates
 * nothing and only reads the archive it is given, never past its length.
 *
 * An archive is a sequence of entries, each a 110-byte header of ASCII text (the 6-byte magic,
 * then 13 fields of 8 hexadecimal digits), the NUL-terminated name, zero padding to a multiple
 * of 4 bytes (counted from the archive's start), the data, and padding to 4 again. The entry
 * named "TRAILER!!!" ends the archive; writers usually pad it further to a block size.
 */

/* One archive entry, as delivered to the callback; it lives only for the call. */
struct cpio_entry {
	/*
	 * The name as stored, not sanitised: see cpio_name_is_safe() and cpio_name_strip(). It
	 * points into the archive and is NUL-terminated at name[name_len]; it has no other NUL.
	 */
	const char *name;
	size_t name_len; /* without the NUL */
	u32 ino;
	u32 mode; /* the full st_mode: S_IFMT type and permission bits, see <uapi/stat.h> */
	u32 uid;
	u32 gid;
	u32 nlink;
	u64 mtime; /* seconds since the epoch */
	/*
	 * The file's contents, pointing into the archive: for a symbolic link, the target (not
	 * NUL-terminated). For hard links, see below.
	 */
	const void *data;
	size_t size;
	u32 dev_major; /* the device the file came from: with ino, identifies hard links */
	u32 dev_minor;
	u32 rdev_major; /* for S_IFCHR and S_IFBLK, the device it stands for */
	u32 rdev_minor;
};

/*
 * Call @fn(entry, @arg) for each entry of the archive at @archive (@len bytes), in order, up to
 * the trailer (which is not delivered). @fn returns 0 to go on (a positive value counts as 0)
 * or a negative errno to stop. Returns 0 when the trailer was reached.
 *
 * On error the walk stops and returns:
 * - a negative value returned by @fn, as is;
 * - -EINVAL for a malformed archive: a bad magic, a field that is not 8 hex digits, a name size
 *   of 0, a name without its NUL at the end or with a NUL inside, a name, data or padding that
 *   runs past @len, or no trailer before @len (a truncated archive, including an empty one);
 * - -EBADMSG for a "070702" entry whose data does not add up to its checksum field (the sum of
 *   its bytes, modulo 2^32); such an entry is not delivered.
 * Entries before the bad one have been delivered already, so a caller that must not act on a
 * partial archive has to collect first and act after a 0 return.
 *
 * When @consumed is not NULL it is set on success to the length of the archive, up to and
 * including the trailer's padding (anything after it, such as block padding or another
 * archive, is not looked at); on failure to the offset of the entry where the walk stopped:
 * the one that is malformed or cut short (@len if the archive ends where the trailer should
 * start), or whose callback failed. That is for messages.
 *
 * Hard links: newc stores every name of a file with nlink > 1 as its own entry, and the entries
 * of one file share (dev_major, dev_minor, ino). The contents are carried by one of them only,
 * the others have size 0: GNU cpio puts them in the LAST entry of the group, so the earlier
 * names arrive empty. This function just delivers the entries: a caller that wants real links
 * matches the triples itself, links each later name to the first, and fills the file from
 * whichever entry has a size.
 */
int cpio_for_each(const void *archive, size_t len, int (*fn)(const struct cpio_entry *e, void *arg),
		  void *arg, size_t *consumed);

/*
 * Like cpio_for_each(), for a buffer holding several archives back to back, as an initramfs may
 * (the boot loader's image, then others appended to it): after each trailer, NUL bytes are
 * skipped (any number, aligned or not) and the walk goes on with the next archive, until the
 * buffer ends. Anything other than NULs or an archive is -EINVAL. A buffer that is empty or
 * holds only NULs is 0 with no entries. @consumed is set as by cpio_for_each(), counted from
 * @buf: on success the end of the last archive's trailer padding (or 0 if there was none).
 * Each archive's padding is counted from its own start.
 */
int cpio_for_each_concat(const void *buf, size_t len,
			 int (*fn)(const struct cpio_entry *e, void *arg), void *arg,
			 size_t *consumed);

/*
 * Whether the archive name @name (@len bytes) may be used as a path under the root the archive
 * is unpacked into: it must not be empty, must not contain a NUL, and no component may be
 * "..". A leading "/" or "./" is allowed (it means the same root; see cpio_name_strip()), "."
 * names the root itself, and "." or empty components ("a/./b", "a//b", a trailing "/") are
 * allowed as they resolve within the path.
 */
bool cpio_name_is_safe(const char *name, size_t len);

/*
 * Strip the leading "/" and "./" components and the trailing "/" of @name (*@len bytes), which
 * should have passed cpio_name_is_safe(). Returns where the rest starts and sets *@len to its
 * length; "." (or "./", "/", ...) becomes the empty string, meaning the root. Inner components
 * are left as they are. The result is not NUL-terminated at *@len when a "/" was stripped from
 * its end.
 */
const char *cpio_name_strip(const char *name, size_t *len);

#endif /* _KERNEL_CPIO_H */
