// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs: cpio ("newc") archives that GRUB loads as multiboot2 modules, unpacked into
 * the root tmpfs at boot through the same VFS calls a program would make. The archive is
 * untrusted input: names that would climb out of the root are refused, a malformed archive
 * stops the unpacking with a clear error (what came before it stays), and nothing in it can
 * make the kernel read past the module.
 *
 * Hard links: GNU cpio writes each member of a group with the same (device, inode), the data
 * only in the last one; the first member creates the file, later ones link to it.
 */
#include <asm/bootinfo.h>
#include <asm/page.h>
#include <kernel/cpio.h>
#include <kernel/fs.h>
#include <kernel/initramfs.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define MAX_HARDLINK_GROUPS 256

struct hardlink {
	u32 dev_major, dev_minor, ino;
	char *name;
};

struct unpack_state {
	struct hardlink links[MAX_HARDLINK_GROUPS];
	int nr_links;
	struct initramfs_stats *stats;
	char name[PATH_MAX]; /* the member being unpacked: here, not on the kernel stack */
};

static const struct hardlink *find_link(struct unpack_state *s, const struct cpio_entry *e)
{
	for (int i = 0; i < s->nr_links; i++)
		if (s->links[i].ino == e->ino && s->links[i].dev_major == e->dev_major &&
		    s->links[i].dev_minor == e->dev_minor)
			return &s->links[i];
	return NULL;
}

static void remember_link(struct unpack_state *s, const struct cpio_entry *e, const char *name)
{
	struct hardlink *l;
	size_t len = strlen(name) + 1;

	if (s->nr_links == MAX_HARDLINK_GROUPS)
		return;
	l = &s->links[s->nr_links];
	l->name = kmalloc(len, GFP_KERNEL);
	if (!l->name)
		return;
	memcpy(l->name, name, len);
	l->dev_major = e->dev_major;
	l->dev_minor = e->dev_minor;
	l->ino = e->ino;
	s->nr_links++;
}

static int write_data(const char *name, const struct cpio_entry *e, bool append)
{
	struct file *f = filp_open(name, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC),
				   e->mode & 07777);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = e->size ? kernel_write(f, e->data, e->size, &pos) : 0;
	fput(f);
	if (n < 0)
		return n;
	return (size_t)n == e->size ? 0 : -EIO;
}

static int unpack_regular(struct unpack_state *s, const struct cpio_entry *e, const char *name)
{
	const struct hardlink *l = e->nlink > 1 ? find_link(s, e) : NULL;
	int err;

	if (l) {
		err = do_linkat(NULL, l->name, NULL, name, 0);
		if (!err && e->size)
			err = write_data(l->name, e, false);
		return err;
	}
	err = write_data(name, e, false);
	if (!err && e->nlink > 1)
		remember_link(s, e, name);
	return err;
}

static int unpack_symlink(const struct cpio_entry *e, const char *name)
{
	char *target;
	int err;

	if (!e->size || e->size >= PATH_MAX)
		return -EINVAL;
	target = kmalloc(e->size + 1, GFP_KERNEL);
	if (!target)
		return -ENOMEM;
	memcpy(target, e->data, e->size);
	target[e->size] = '\0';
	err = strlen(target) == e->size ? do_symlinkat(target, NULL, name) : -EINVAL;
	kfree(target);
	return err;
}

static int unpack_one(const struct cpio_entry *e, void *arg)
{
	struct unpack_state *s = arg;
	char *name = s->name;
	const char *stripped;
	size_t len = e->name_len;
	int err;

	if (!cpio_name_is_safe(e->name, e->name_len)) {
		pr_warn("initramfs: unsafe name \"%s\" skipped\n", e->name);
		s->stats->skipped++;
		return 0;
	}
	stripped = cpio_name_strip(e->name, &len);
	if (!len)
		return 0; /* the root itself */
	if (len + 2 > sizeof(s->name))
		return -ENAMETOOLONG;
	name[0] = '/';
	memcpy(name + 1, stripped, len);
	name[len + 1] = '\0';

	switch (e->mode & S_IFMT) {
	case S_IFDIR:
		err = do_mkdirat(NULL, name, e->mode & 07777);
		if (err == -EEXIST)
			err = do_chmodat(NULL, name, e->mode & 07777);
		break;
	case S_IFREG:
		err = unpack_regular(s, e, name);
		break;
	case S_IFLNK:
		err = unpack_symlink(e, name);
		break;
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		err = do_mknodat(NULL, name, e->mode, MKDEV(e->rdev_major, e->rdev_minor));
		break;
	default:
		err = -EINVAL;
	}
	if (!err && !S_ISLNK(e->mode)) {
		/*
		 * Owners as recorded, then the archive's modes, which win over the umask: in
		 * Linux's order, as a chown clears the set-user-ID bit a chmod gave.
		 */
		err = do_chownat(NULL, name, e->uid, e->gid, 0);
		if (!err)
			err = do_chmodat(NULL, name, e->mode & 07777);
	}
	if (err) {
		pr_warn("initramfs: cannot unpack \"%s\" (error %d)\n", name, err);
		s->stats->failed++;
		return 0; /* keep going: one bad member should not lose the rest */
	}
	s->stats->entries++;
	return 0;
}

int initramfs_unpack(const void *buf, size_t len, struct initramfs_stats *stats)
{
	struct unpack_state *s = kzalloc(sizeof(*s), GFP_KERNEL);
	size_t consumed = 0;
	int err;

	if (!s)
		return -ENOMEM;
	memset(stats, 0, sizeof(*stats));
	s->stats = stats;
	err = cpio_for_each_concat(buf, len, unpack_one, s, &consumed);
	if (err)
		pr_err("initramfs: malformed archive near byte %zu (error %d); %u entries unpacked "
		       "before it\n",
		       consumed, err, stats->entries);
	for (int i = 0; i < s->nr_links; i++)
		kfree(s->links[i].name);
	kfree(s);
	return err;
}

/* Unpacks every module GRUB loaded with "initramfs" in its command line (or the first). */
void populate_rootfs(void)
{
	struct initramfs_stats stats;

	for (u32 i = 0; i < boot_info.nr_modules; i++) {
		const struct boot_module *m = &boot_info.modules[i];

		if (boot_info.nr_modules > 1 && !strstr(m->cmdline, "initramfs"))
			continue;
		if (initramfs_unpack(__va(m->start), m->end - m->start, &stats) == 0)
			pr_info("initramfs: %u entries unpacked from %llu bytes%s\n", stats.entries,
				(unsigned long long)(m->end - m->start),
				stats.failed || stats.skipped ? " (some refused, see above)" : "");
	}
}
