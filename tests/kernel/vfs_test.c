// SPDX-License-Identifier: GPL-2.0
/*
 * The VFS and tmpfs, through the entry points system calls will use. The path-walk table
 * runs over a tree built in the suite's init: every row names a path, how to walk it, and
 * either the errno Linux gives or the path it must resolve to.
 */
#include <kernel/fdtable.h>
#include <kernel/fs.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/smp.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>

#include "fs_util.h"
#include "two_cpus.h"
#include <kernel/timer.h>

#define T "/vt"

static struct cred user_cred = { .usage = ATOMIC_INIT(1),
				 .uid = 1000,
				 .euid = 1000,
				 .fsuid = 1000,
				 .gid = 1000,
				 .egid = 1000,
				 .fsgid = 1000 };

static int make_chain(const char *prefix, int n, const char *end)
{
	char name[64], target[64];
	int err = 0;

	for (int i = 0; i < n && !err; i++) {
		snprintf(name, sizeof(name), T "/%s%d", prefix, i);
		if (i == n - 1)
			snprintf(target, sizeof(target), "%s", end);
		else
			snprintf(target, sizeof(target), "%s%d", prefix, i + 1);
		err = do_symlinkat(target, NULL, name);
	}
	return err;
}

static char long_name[NAME_MAX + 2];

static int build_tree(void)
{
	char path[NAME_MAX + 16];
	int err = 0;

	err |= do_mkdirat(NULL, T, 0755);
	err |= do_mkdirat(NULL, T "/d1", 0755);
	err |= do_mkdirat(NULL, T "/d1/d2", 0755);
	err |= ktest_write_file(T "/d1/d2/f", "hello", 0);
	err |= ktest_write_file(T "/d1/f1", "one", 0);
	err |= do_symlinkat("d1/f1", NULL, T "/link_f");
	err |= do_symlinkat(T "/d1", NULL, T "/link_abs");
	err |= do_symlinkat("d1", NULL, T "/link_dir");
	err |= do_symlinkat("loop2", NULL, T "/loop1");
	err |= do_symlinkat("loop1", NULL, T "/loop2");
	err |= do_symlinkat("self", NULL, T "/self");
	err |= do_symlinkat("nowhere", NULL, T "/dangling");
	err |= make_chain("chain", MAXSYMLINKS, "d1"); /* exactly the limit */
	err |= make_chain("xchain", MAXSYMLINKS + 1, "d1"); /* one too many */
	err |= do_mkdirat(NULL, T "/mnt", 0755);
	err |= do_mount("none", T "/mnt", "tmpfs", 0, NULL);
	err |= ktest_write_file(T "/mnt/inner", "inner", 0);
	err |= do_mkdirat(NULL, T "/noperm", 0);
	memset(long_name, 'n', NAME_MAX);
	long_name[NAME_MAX] = '\0';
	snprintf(path, sizeof(path), T "/%s", long_name);
	err |= ktest_write_file(path, "long", 0);
	return err ? -EIO : 0;
}

static void remove_chain(const char *prefix, int n)
{
	char name[64];

	for (int i = 0; i < n; i++) {
		snprintf(name, sizeof(name), T "/%s%d", prefix, i);
		do_unlinkat(NULL, name);
	}
}

static void tear_down_tree(void)
{
	char path[NAME_MAX + 16];
	static const char *const links[] = { "link_f", "link_abs", "link_dir", "loop1",
					     "loop2",  "self",	   "dangling" };

	do_umount(T "/mnt", 0);
	do_rmdirat(NULL, T "/mnt");
	do_rmdirat(NULL, T "/noperm");
	snprintf(path, sizeof(path), T "/%s", long_name);
	do_unlinkat(NULL, path);
	remove_chain("chain", MAXSYMLINKS);
	remove_chain("xchain", MAXSYMLINKS + 1);
	for (unsigned int i = 0; i < ARRAY_SIZE(links); i++) {
		snprintf(path, sizeof(path), T "/%s", links[i]);
		do_unlinkat(NULL, path);
	}
	do_unlinkat(NULL, T "/d1/d2/f");
	do_unlinkat(NULL, T "/d1/f1");
	do_rmdirat(NULL, T "/d1/d2");
	do_rmdirat(NULL, T "/d1");
	do_rmdirat(NULL, T);
}

static int vfs_suite_init(struct ktest *t)
{
	return 0;
}

static void vfs_suite_exit(struct ktest *t)
{
	shrink_dcache_all();
}

/* ---- the path-walk table ------------------------------------------------------------ */

struct walk_row {
	const char *path;
	unsigned int flags;
	int err; /* expected -errno, or 0 */
	const char *target; /* where it must lead (walked with LOOKUP_FOLLOW), or NULL: itself */
	bool as_user;
	const char *base; /* relative to this directory instead of the cwd */
};

#define F LOOKUP_FOLLOW
#define D LOOKUP_DIRECTORY

/* Rows leave out the fields they do not need. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
static const struct walk_row walk_rows[] = {
	{ "/", F, 0, "/" },
	{ T, F, 0, NULL },
	{ T "/", F, 0, T },
	{ T "/.", F, 0, T },
	{ T "/..", F, 0, "/" },
	{ "/..", F, 0, "/" },
	{ "/../../vt", F, 0, T },
	{ "//vt//d1///f1", F, 0, T "/d1/f1" },
	{ T "/d1/./d2/../f1", F, 0, T "/d1/f1" },
	{ T "/nonexistent", F, -ENOENT },
	{ T "/nonexistent/x", F, -ENOENT },
	{ T "/d1/f1/", F, -ENOTDIR },
	{ T "/d1/f1/x", F, -ENOTDIR },
	{ T "/d1/f1/.", F, -ENOTDIR },
	{ T "/d1/f1/..", F, -ENOTDIR },
	{ "", F, -ENOENT },
	{ T "/link_f", F, 0, T "/d1/f1" },
	{ T "/link_f", 0, 0, NULL },
	{ T "/link_f/", F, -ENOTDIR },
	{ T "/link_f/", 0, -ENOTDIR },
	{ T "/link_dir/d2/f", F, 0, T "/d1/d2/f" },
	{ T "/link_dir/", 0, 0, T "/d1" },
	{ T "/link_dir/.", 0, 0, T "/d1" },
	{ T "/link_abs/f1", F, 0, T "/d1/f1" },
	{ T "/link_abs/..", F, 0, T },
	{ T "/loop1", F, -ELOOP },
	{ T "/loop1", 0, 0, NULL },
	{ T "/loop1/x", F, -ELOOP },
	{ T "/self", F, -ELOOP },
	{ T "/self/", 0, -ELOOP },
	{ T "/dangling", F, -ENOENT },
	{ T "/dangling", 0, 0, NULL },
	{ T "/dangling/", 0, -ENOENT },
	{ T "/chain0", F, 0, T "/d1" },
	{ T "/chain0/f1", F, 0, T "/d1/f1" },
	{ T "/xchain0", F, -ELOOP },
	{ T "/xchain0/f1", 0, -ELOOP },
	{ T "/mnt/inner", F, 0, NULL },
	{ T "/mnt/..", F, 0, T },
	{ T "/mnt/../d1", F, 0, T "/d1" },
	{ T "/mnt/.", F, 0, T "/mnt" },
	{ T "/d1", D, 0, NULL },
	{ T "/d1/f1", D, -ENOTDIR },
	{ T "/link_dir", F | D, 0, T "/d1" },
	{ "d1/f1", F, 0, T "/d1/f1", false, T },
	{ "../vt/d1", F, 0, T "/d1", false, T },
	{ ".", F, 0, T, false, T },
	{ "..", F, 0, "/", false, T },
	{ "vt/d1", F, 0, T "/d1", false, "/" },
	{ T "/noperm/x", F, -ENOENT },
	{ T "/noperm/x", F, -EACCES, NULL, true },
	{ T "/d1/f1", F, 0, NULL, true },
	{ T "/link_dir/f1", F, 0, T "/d1/f1", true },
};
#pragma GCC diagnostic pop

static void test_path_walk_table(struct ktest *t)
{
	int failures = 0;

	KTEST_ASSERT_EQ(t, build_tree(), 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(walk_rows); i++) {
		const struct walk_row *r = &walk_rows[i];
		const struct cred *saved = current->cred;
		struct path base, got, want;
		int err;

		if (r->base && kern_path(r->base, F, &base)) {
			ktest_log(t, "row %u: base %s missing", i, r->base);
			failures++;
			continue;
		}
		if (r->as_user)
			current->cred = &user_cred;
		err = kern_path_at(r->base ? &base : NULL, r->path, r->flags, &got);
		current->cred = saved;
		if (r->base)
			path_put(&base);
		if (err != r->err) {
			ktest_log(t, "row %u: \"%s\": error %d, expected %d", i, r->path, err,
				  r->err);
			failures++;
			if (!err)
				path_put(&got);
			continue;
		}
		if (err)
			continue;
		if (r->target) {
			if (kern_path(r->target, F, &want)) {
				failures++;
				path_put(&got);
				continue;
			}
			if (got.dentry != want.dentry || got.mnt != want.mnt) {
				ktest_log(t, "row %u: \"%s\" led to \"%s\", not \"%s\"", i, r->path,
					  got.dentry->d_name.name, r->target);
				failures++;
			}
			path_put(&want);
		}
		path_put(&got);
	}
	KTEST_EXPECT_EQ(t, failures, 0);
}

static void test_name_limits(struct ktest *t)
{
	char *path = kmalloc(PATH_MAX + 2, GFP_KERNEL);
	struct path p;

	KTEST_ASSERT_NOT_NULL(t, path);
	/* A component of NAME_MAX bytes is fine; one more is not. */
	snprintf(path, PATH_MAX, T "/%s", long_name);
	KTEST_EXPECT_EQ(t, kern_path(path, F, &p), 0);
	path_put(&p);
	snprintf(path, PATH_MAX, T "/%sx", long_name);
	KTEST_EXPECT_EQ(t, kern_path(path, F, &p), -ENAMETOOLONG);
	/* A path of PATH_MAX bytes (no room for its NUL) is too long, whatever it names. */
	memset(path, '/', PATH_MAX);
	path[PATH_MAX] = '\0';
	KTEST_EXPECT_EQ(t, kern_path(path, F, &p), -ENAMETOOLONG);
	path[PATH_MAX - 1] = '\0';
	KTEST_EXPECT_EQ(t, kern_path(path, F, &p), 0);
	path_put(&p);
	kfree(path);
	tear_down_tree();
	KTEST_EXPECT_EQ(t, kern_path(T, F, &p), -ENOENT);
}

/* ---- tmpfs semantics --------------------------------------------------------------- */

static void test_create_write_read(struct ktest *t)
{
	char buf[64];
	struct file *f;

	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/sem", 0755), 0);
	KTEST_EXPECT_EQ(t, ktest_write_file("/sem/a", "hello ", 0), 0);
	KTEST_EXPECT_EQ(t, ktest_write_file("/sem/a", "world", O_APPEND), 0);
	KTEST_EXPECT_EQ(t, ktest_read_file("/sem/a", buf, sizeof(buf)), 11);
	KTEST_EXPECT_STREQ(t, buf, "hello world");
	KTEST_EXPECT_EQ(t, ktest_write_file("/sem/a", "X", O_TRUNC), 0);
	KTEST_EXPECT_EQ(t, ktest_read_file("/sem/a", buf, sizeof(buf)), 1);
	f = filp_open("/sem/a", O_RDWR | O_CREAT | O_EXCL, 0644);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EEXIST);
	f = filp_open("/sem/a", O_RDONLY | O_DIRECTORY, 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -ENOTDIR);
	f = filp_open("/sem", O_WRONLY, 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EISDIR);
	f = filp_open("/sem/missing", O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -ENOENT);
	f = filp_open("/sem/a/", O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -ENOTDIR);
	f = filp_open("/sem/new/", O_RDWR | O_CREAT, 0644);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EISDIR);
}

static void test_symlinks_and_open_flags(struct ktest *t)
{
	char buf[64];
	struct file *f;

	KTEST_ASSERT_EQ(t, do_symlinkat("a", NULL, "/sem/la"), 0);
	KTEST_EXPECT_EQ(t, do_readlinkat(NULL, "/sem/la", buf, sizeof(buf)), 1);
	KTEST_EXPECT_EQ(t, buf[0], 'a');
	KTEST_EXPECT_EQ(t, do_readlinkat(NULL, "/sem/a", buf, sizeof(buf)), -EINVAL);
	KTEST_EXPECT_EQ(t, ktest_read_file("/sem/la", buf, sizeof(buf)), 1);
	f = filp_open("/sem/la", O_RDONLY | O_NOFOLLOW, 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -ELOOP);
	/* O_CREAT through a dangling link creates its target; with O_EXCL it is EEXIST. */
	KTEST_ASSERT_EQ(t, do_symlinkat("made", NULL, "/sem/dl"), 0);
	f = filp_open("/sem/dl", O_RDWR | O_CREAT | O_EXCL, 0644);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EEXIST);
	f = filp_open("/sem/dl", O_RDWR | O_CREAT, 0644);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	fput(f);
	KTEST_EXPECT_EQ(t, ktest_read_file("/sem/made", buf, sizeof(buf)), 0);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/made"), 0);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/dl"), 0);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/la"), 0);
}

static void test_sparse_and_truncate(struct ktest *t)
{
	struct file *f = filp_open("/sem/sparse", O_RDWR | O_CREAT, 0644);
	char buf[16] = { 1 };
	struct kstat st;
	loff_t pos = 1 << 20;

	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "end", 3, &pos), 3);
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, (1 << 20) + 3);
	KTEST_EXPECT_EQ(t, f->f_inode->i_mapping->nrpages, 1); /* the hole costs nothing */
	pos = 4096 * 7;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), sizeof(buf));
	KTEST_EXPECT_EQ(t, buf[0] | buf[15], 0);
	KTEST_EXPECT_EQ(t, vfs_ftruncate(f, 2), 0);
	KTEST_EXPECT_EQ(t, vfs_ftruncate(f, 8192), 0);
	pos = 0;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 8, &pos), 8);
	KTEST_EXPECT_EQ(t, buf[2] | buf[7], 0); /* what was cut off reads back as zeros */
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/sem/sparse", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.size, 8192);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, -1, SEEK_SET), -EINVAL);
	KTEST_EXPECT_EQ(t, vfs_llseek(f, 10, SEEK_END), 8202);
	fput(f);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/sparse"), 0);
}

static void test_hard_links_and_nlink(struct ktest *t)
{
	struct kstat st;
	char buf[16];

	KTEST_ASSERT_EQ(t, do_linkat(NULL, "/sem/a", NULL, "/sem/b", 0), 0);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/sem/b", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.nlink, 2);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/a"), 0);
	KTEST_EXPECT_EQ(t, ktest_read_file("/sem/b", buf, sizeof(buf)), 1);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/sem/b", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.nlink, 1);
	KTEST_EXPECT_EQ(t, do_linkat(NULL, "/sem", NULL, "/sem/dirlink", 0), -EPERM);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/sem", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.nlink, 2);
	KTEST_EXPECT_EQ(t, do_mkdirat(NULL, "/sem/sub", 0755), 0);
	KTEST_EXPECT_EQ(t, do_mkdirat(NULL, "/sem/sub", 0755), -EEXIST);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/sem", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.nlink, 3);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/sub"), 0);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/sem", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.nlink, 2);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/b"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem"), -EISDIR);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/."), -EINVAL);
}

static void test_rename(struct ktest *t)
{
	char buf[16];

	KTEST_ASSERT_EQ(t, ktest_write_file("/sem/x", "xx", 0), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/sem/d", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/sem/e", 0755), 0);
	/* Over an existing file: it is replaced. */
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/x", NULL, "/sem/b", 0), 0);
	KTEST_EXPECT_EQ(t, ktest_read_file("/sem/b", buf, sizeof(buf)), 2);
	KTEST_EXPECT_EQ(t, ktest_read_file("/sem/x", buf, sizeof(buf)), -ENOENT);
	/* Across directories, and back. */
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/b", NULL, "/sem/d/b2", 0), 0);
	KTEST_EXPECT_EQ(t, ktest_read_file("/sem/d/b2", buf, sizeof(buf)), 2);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/d", NULL, "/sem/d/inside", 0), -EINVAL);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/e", NULL, "/sem/d", 0), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/d/b2", NULL, "/sem/e", 0), -EISDIR);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/e", NULL, "/sem/d/b2", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(t, ktest_write_file("/sem/y", "y", 0), 0);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/y", NULL, "/sem/d/b2", RENAME_NOREPLACE),
			-EEXIST);
	/* A directory over an empty one, from one parent to another. */
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/e", NULL, "/sem/d/e2", 0), 0);
	KTEST_EXPECT_EQ(t, do_mkdirat(NULL, "/sem/e", 0755), 0);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/e", NULL, "/sem/d/e2", 0), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/d/e2"), 0);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/d/b2", NULL, "/sem/d/b2", 0), 0);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/d/b2"), 0);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/y"), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/d"), 0);
}

static void test_unlink_open_file_keeps_data(struct ktest *t)
{
	unsigned long inodes;
	struct file *f;
	char buf[8];
	loff_t pos = 0;

	KTEST_ASSERT_EQ(t, ktest_write_file("/sem/keep", "kept", 0), 0);
	f = filp_open("/sem/keep", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/keep"), 0);
	KTEST_EXPECT_EQ(t, ktest_read_file("/sem/keep", buf, sizeof(buf)), -ENOENT);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 4, &pos), 4);
	KTEST_EXPECT_EQ(t, memcmp(buf, "kept", 4), 0);
	inodes = nr_inodes();
	fput(f);
	KTEST_EXPECT_EQ(t, nr_inodes(), inodes - 1);
}

static void test_permissions_and_umask(struct ktest *t)
{
	const struct cred *saved = current->cred;
	struct kstat st;
	struct file *f;

	KTEST_ASSERT_EQ(t, ktest_write_file("/sem/secret", "s", 0), 0);
	KTEST_EXPECT_EQ(t, do_chmodat(NULL, "/sem/secret", 0600), 0);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/sem/secret", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.mode, S_IFREG | 0600);
	current->cred = &user_cred;
	f = filp_open("/sem/secret", O_RDONLY, 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EACCES);
	KTEST_EXPECT_EQ(t, do_faccessat(NULL, "/sem/secret", R_OK), -EACCES);
	KTEST_EXPECT_EQ(t, do_faccessat(NULL, "/sem/secret", F_OK), 0);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/secret"), -EACCES); /* /sem is 0755 root */
	KTEST_EXPECT_EQ(t, do_chmodat(NULL, "/sem/secret", 0666), -EPERM);
	current->cred = saved;
	KTEST_EXPECT_EQ(t, do_faccessat(NULL, "/sem/secret", R_OK | W_OK), 0); /* root */
	/* umask 022 strips group and other write from a new file. */
	f = filp_open("/sem/umasked", O_RDWR | O_CREAT, 0777);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, f->f_inode->i_mode, S_IFREG | 0755);
	fput(f);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/umasked"), 0);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/secret"), 0);
}

static void test_mounts_readonly_and_busy(struct ktest *t)
{
	struct file *f;

	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/sem/m", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mount("none", "/sem/m", "tmpfs", 0, NULL), 0);
	KTEST_EXPECT_EQ(t, do_mount("none", "/sem/m", "nosuchfs", 0, NULL), -ENODEV);
	KTEST_EXPECT_EQ(t, ktest_write_file("/sem/m/f", "data", 0), 0);
	f = filp_open("/sem/m/f", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, do_umount("/sem/m", 0), -EBUSY);
	fput(f);
	KTEST_EXPECT_EQ(t, do_mount(NULL, "/sem/m", NULL, MS_REMOUNT | MS_RDONLY, NULL), 0);
	KTEST_EXPECT_EQ(t, ktest_write_file("/sem/m/g", "x", 0), -EROFS);
	f = filp_open("/sem/m/f", O_WRONLY, 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -EROFS);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/m/f"), -EROFS);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/m"), -EBUSY);
	KTEST_EXPECT_EQ(t, do_umount("/sem/m", 0), 0);
	KTEST_EXPECT_EQ(t, do_umount("/sem/m", 0), -EINVAL); /* nothing mounted there now */
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/m"), 0);
}

struct names {
	struct dir_context ctx;
	char seen[256];
	int n;
};

static bool collect(struct dir_context *ctx, const char *name, int len, loff_t pos, u64 ino,
		    unsigned int type)
{
	struct names *nm = container_of(ctx, struct names, ctx);

	size_t used = strlen(nm->seen);

	snprintf(nm->seen + used, sizeof(nm->seen) - used, "%.*s,", len, name);
	nm->n++;
	return true;
}

static void test_readdir(struct ktest *t)
{
	struct names nm = { .ctx.actor = collect };
	struct file *dir;

	KTEST_ASSERT_EQ(t, ktest_write_file("/sem/r1", "", 0), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/sem/r2", 0755), 0);
	dir = filp_open("/sem", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(dir));
	KTEST_EXPECT_EQ(t, vfs_readdir(dir, &nm.ctx), 0);
	fput(dir);
	KTEST_EXPECT_NOT_NULL(t, strstr(nm.seen, ".,"));
	KTEST_EXPECT_NOT_NULL(t, strstr(nm.seen, "..,"));
	KTEST_EXPECT_NOT_NULL(t, strstr(nm.seen, "r1,"));
	KTEST_EXPECT_NOT_NULL(t, strstr(nm.seen, "r2,"));
	KTEST_EXPECT_EQ(t, nm.n, 4);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/r1"), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/r2"), 0);
}

/* Random operations on a flat directory of eight names, against a model of their contents. */
#define MODEL_FILES 8
#define MODEL_SIZE 64

static u64 prng(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void test_random_against_model(struct ktest *t)
{
	static char model[MODEL_FILES][MODEL_SIZE + 1];
	static bool exists[MODEL_FILES];
	char name[32], name2[32], buf[MODEL_SIZE + 1], data[9];
	u64 seed = 12345;
	int mismatches = 0;

	memset(exists, 0, sizeof(exists));
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/rnd", 0755), 0);
	for (int step = 0; step < 400; step++) {
		int a = prng(&seed) % MODEL_FILES, b = prng(&seed) % MODEL_FILES;
		int op = prng(&seed) % 5, len = 1 + prng(&seed) % 8, err;

		snprintf(name, sizeof(name), "/rnd/f%d", a);
		snprintf(name2, sizeof(name2), "/rnd/f%d", b);
		for (int i = 0; i < len; i++)
			data[i] = 'a' + prng(&seed) % 26;
		data[len] = '\0';
		switch (op) {
		case 0: /* write (create or replace) */
			if (ktest_write_file(name, data, O_TRUNC) == 0) {
				snprintf(model[a], sizeof(model[a]), "%s", data);
				exists[a] = true;
			}
			break;
		case 1: /* append */
			if (!exists[a])
				model[a][0] = '\0';
			if (strlen(model[a]) + len > MODEL_SIZE)
				break;
			if (ktest_write_file(name, data, O_APPEND) == 0) {
				size_t used = strlen(model[a]);

				snprintf(model[a] + used, sizeof(model[a]) - used, "%s", data);
				exists[a] = true;
			}
			break;
		case 2: /* unlink */
			err = do_unlinkat(NULL, name);
			mismatches += (err == 0) != exists[a];
			exists[a] = false;
			break;
		case 3: /* rename a over b */
			err = do_renameat2(NULL, name, NULL, name2, 0);
			mismatches += (err == 0) != exists[a];
			if (!err && a != b) {
				memcpy(model[b], model[a], sizeof(model[b]));
				exists[b] = true;
				exists[a] = false;
			}
			break;
		case 4: /* truncate to half */
			if (exists[a]) {
				struct path p;

				if (kern_path(name, F, &p)) {
					mismatches++;
					break;
				}
				vfs_truncate(&p, strlen(model[a]) / 2);
				path_put(&p);
				model[a][strlen(model[a]) / 2] = '\0';
			}
			break;
		}
		for (int i = 0; i < MODEL_FILES; i++) {
			long n;

			snprintf(name, sizeof(name), "/rnd/f%d", i);
			n = ktest_read_file(name, buf, sizeof(buf));
			if (exists[i] ? (n < 0 || strcmp(buf, model[i])) : n != -ENOENT)
				mismatches++;
		}
	}
	KTEST_EXPECT_EQ(t, mismatches, 0);
	for (int i = 0; i < MODEL_FILES; i++) {
		snprintf(name, sizeof(name), "/rnd/f%d", i);
		do_unlinkat(NULL, name);
	}
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/rnd"), 0);
}

/* dup shares the open file, and so its offset; close-on-exec is per descriptor. */
static void test_fd_table(struct ktest *t)
{
	struct files_struct *files = files_alloc();
	struct file *f, *a, *b;
	char buf[4];
	loff_t *pos;
	int fd, fd2;

	KTEST_ASSERT_NOT_NULL(t, files);
	KTEST_ASSERT_EQ(t, ktest_write_file("/sem/fdt", "abcdef", 0), 0);
	f = filp_open("/sem/fdt", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	fd = fd_install_from(files, f, 0, true);
	KTEST_EXPECT_EQ(t, fd, 0);
	fd2 = dup_fd_in(files, fd, 0, false);
	KTEST_EXPECT_EQ(t, fd2, 1);
	KTEST_EXPECT_TRUE(t, fd_is_cloexec(files, fd));
	KTEST_EXPECT_FALSE(t, fd_is_cloexec(files, fd2));
	a = fget_from(files, fd);
	b = fget_from(files, fd2);
	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_EXPECT_PTR_EQ(t, a, b);
	pos = &a->f_pos;
	KTEST_EXPECT_EQ(t, kernel_read(a, buf, 2, pos), 2);
	KTEST_EXPECT_EQ(t, kernel_read(b, buf, 2, &b->f_pos), 2); /* continues where a stopped */
	KTEST_EXPECT_EQ(t, buf[0], 'c');
	fput(a);
	fput(b);
	KTEST_EXPECT_EQ(t, dup3_in(files, fd, fd, false), -EINVAL);
	KTEST_EXPECT_EQ(t, dup3_in(files, fd, 7, true), 7);
	KTEST_EXPECT_EQ(t, close_fd_in(files, fd), 0);
	KTEST_EXPECT_EQ(t, close_fd_in(files, fd), -EBADF);
	KTEST_EXPECT_NULL(t, fget_from(files, fd));
	KTEST_EXPECT_EQ(t, fd_install_from(files, get_file(f), 0, false), 0); /* lowest free */
	put_files_struct(files); /* closes what is left */
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/fdt"), 0);
}

static bool ts_after(struct timespec64 a, struct timespec64 b)
{
	return a.tv_sec > b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec > b.tv_nsec);
}

static bool ts_equal(struct timespec64 a, struct timespec64 b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

/* Writing moves mtime and ctime; chmod only ctime; a new entry moves its directory's. */
static void test_timestamps(struct ktest *t)
{
	struct kstat a, b, d1, d2;

	KTEST_ASSERT_EQ(t, ktest_write_file("/sem/ts", "1", 0), 0);
	KTEST_ASSERT_EQ(t, do_statat(NULL, "/sem/ts", &a, 0), 0);
	KTEST_ASSERT_EQ(t, do_statat(NULL, "/sem", &d1, 0), 0);
	msleep(2);
	KTEST_ASSERT_EQ(t, ktest_write_file("/sem/ts", "2", O_APPEND), 0);
	KTEST_ASSERT_EQ(t, do_statat(NULL, "/sem/ts", &b, 0), 0);
	KTEST_EXPECT_TRUE(t, ts_after(b.mtime, a.mtime));
	KTEST_EXPECT_TRUE(t, ts_after(b.ctime, a.ctime));
	msleep(2);
	KTEST_ASSERT_EQ(t, do_chmodat(NULL, "/sem/ts", 0600), 0);
	KTEST_ASSERT_EQ(t, do_statat(NULL, "/sem/ts", &a, 0), 0);
	KTEST_EXPECT_TRUE(t, ts_equal(a.mtime, b.mtime));
	KTEST_EXPECT_TRUE(t, ts_after(a.ctime, b.ctime));
	KTEST_ASSERT_EQ(t, ktest_write_file("/sem/ts2", "", 0), 0);
	KTEST_ASSERT_EQ(t, do_statat(NULL, "/sem", &d2, 0), 0);
	KTEST_EXPECT_TRUE(t, ts_after(d2.mtime, d1.mtime));
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/ts"), 0);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/ts2"), 0);
}

/* A rename, create or mkdir into a directory removed under it finds nothing there. */
static void test_rename_into_removed_dir(struct ktest *t)
{
	struct path dead;
	struct kstat st;
	struct file *f;

	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/sem/dead", 0755), 0);
	KTEST_ASSERT_EQ(t, kern_path("/sem/dead", 0, &dead), 0);
	/* A cached negative entry in it, as a failed lookup leaves. */
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/sem/dead/y", &st, 0), -ENOENT);
	KTEST_EXPECT_EQ(t, ktest_write_file("/sem/victim", "v", 0), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/dead"), 0);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/victim", &dead, "y", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/sem/victim", &st, 0), 0); /* not lost */
	KTEST_EXPECT_EQ(t, do_mkdirat(&dead, "y", 0755), -ENOENT);
	f = filp_open_at(&dead, "y", O_WRONLY | O_CREAT, 0644);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -ENOENT);
	if (!IS_ERR(f))
		fput(f);
	path_put(&dead);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/victim"), 0);
}

static unsigned int nlink_of(const char *name)
{
	struct kstat st;

	return do_statat(NULL, name, &st, 0) ? 0 : st.nlink;
}

/* A directory moved to another parent takes its ".." link along. */
static void test_cross_dir_rename_link_counts(struct ktest *t)
{
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/sem/p1", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/sem/p2", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/sem/p1/c", 0755), 0);
	KTEST_EXPECT_EQ(t, nlink_of("/sem/p1"), 3);
	KTEST_EXPECT_EQ(t, nlink_of("/sem/p2"), 2);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/p1/c", NULL, "/sem/p2/c", 0), 0);
	KTEST_EXPECT_EQ(t, nlink_of("/sem/p1"), 2);
	KTEST_EXPECT_EQ(t, nlink_of("/sem/p2"), 3);
	KTEST_EXPECT_EQ(t, nlink_of("/sem/p2/c"), 2);
	/* Over an empty directory in the other parent: that one's link goes, c's moves. */
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/sem/p1/e", 0755), 0);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/p2/c", NULL, "/sem/p1/e", 0), 0);
	KTEST_EXPECT_EQ(t, nlink_of("/sem/p1"), 3);
	KTEST_EXPECT_EQ(t, nlink_of("/sem/p2"), 2);
	/* Within one parent nothing changes. */
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/p1/e", NULL, "/sem/p1/f", 0), 0);
	KTEST_EXPECT_EQ(t, nlink_of("/sem/p1"), 3);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/p1/f"), 0);
	KTEST_EXPECT_EQ(t, nlink_of("/sem/p1"), 2);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/p1"), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/p2"), 0);
}

/* In a sticky directory only a file's owner (or the directory's, or root) removes it. */
static void test_sticky_bit(struct ktest *t)
{
	const struct cred *saved = current->cred;

	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/sem/tmp", 0755), 0);
	KTEST_ASSERT_EQ(t, do_chmodat(NULL, "/sem/tmp", 01777), 0);
	KTEST_ASSERT_EQ(t, ktest_write_file("/sem/tmp/rootf", "r", 0), 0);
	current->cred = &user_cred;
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/tmp/rootf"), -EPERM);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/tmp/rootf", NULL, "/sem/tmp/mine", 0), -EPERM);
	KTEST_EXPECT_EQ(t, ktest_write_file("/sem/tmp/userf", "u", 0), 0);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/tmp/userf", NULL, "/sem/tmp/rootf", 0), -EPERM);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/tmp/userf", NULL, "/sem/tmp/userf2", 0), 0);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/tmp/userf2"), 0);
	current->cred = saved;
	/* The same directory without the sticky bit: the user may remove root's file. */
	KTEST_EXPECT_EQ(t, do_chmodat(NULL, "/sem/tmp", 0777), 0);
	current->cred = &user_cred;
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/tmp/rootf"), 0);
	current->cred = saved;
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/tmp"), 0);
}

/* rename and link never cross a mount, even onto the same kind of file system. */
static void test_exdev_across_mounts(struct ktest *t)
{
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/sem/mx", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mount("none", "/sem/mx", "tmpfs", 0, NULL), 0);
	KTEST_EXPECT_EQ(t, ktest_write_file("/sem/ex", "e", 0), 0);
	KTEST_EXPECT_EQ(t, ktest_write_file("/sem/mx/in", "i", 0), 0);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/ex", NULL, "/sem/mx/ex", 0), -EXDEV);
	KTEST_EXPECT_EQ(t, do_renameat2(NULL, "/sem/mx/in", NULL, "/sem/in", 0), -EXDEV);
	KTEST_EXPECT_EQ(t, do_linkat(NULL, "/sem/ex", NULL, "/sem/mx/ex", 0), -EXDEV);
	KTEST_EXPECT_EQ(t, do_linkat(NULL, "/sem/mx/in", NULL, "/sem/in", 0), -EXDEV);
	KTEST_EXPECT_EQ(t, nlink_of("/sem/ex"), 1);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/mx/in"), 0);
	KTEST_EXPECT_EQ(t, do_umount("/sem/mx", 0), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/mx"), 0);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/ex"), 0);
}

#define APPEND_RECORDS 200
#define APPEND_RECORD_LEN 16

static int appender(void *data)
{
	char rec[APPEND_RECORD_LEN];
	struct file *f = filp_open("/sem/log", O_WRONLY | O_APPEND, 0);
	long tag = (long)data;

	if (IS_ERR(f))
		return PTR_ERR(f);
	memset(rec, 'a' + tag, sizeof(rec));
	for (int i = 0; i < APPEND_RECORDS; i++) {
		loff_t pos = 0; /* O_APPEND: the kernel picks the end, not the caller */

		if (kernel_write(f, rec, sizeof(rec), &pos) != sizeof(rec))
			break;
	}
	fput(f);
	return 0;
}

/* Two appenders on two CPUs: nothing is overwritten, every record is whole. */
static void test_two_appenders(struct ktest *t)
{
	const size_t size = 2 * APPEND_RECORDS * APPEND_RECORD_LEN;
	char *buf = kmalloc(size + 1, GFP_KERNEL);
	struct task_struct *k[2];
	int count[2] = { 0, 0 };

	KTEST_ASSERT_NOT_NULL(t, buf);
	KTEST_ASSERT_EQ(t, ktest_write_file("/sem/log", "", 0), 0);
	for (long i = 0; i < 2; i++) {
		k[i] = kthread_create(appender, (void *)i, "ktest-append");
		KTEST_ASSERT_NOT_NULL(t, k[i]);
		kthread_bind(k[i], i % num_online_cpus());
	}
	wake_up_process(k[0]);
	wake_up_process(k[1]);
	KTEST_EXPECT_EQ(t, kthread_stop(k[0]), 0);
	KTEST_EXPECT_EQ(t, kthread_stop(k[1]), 0);
	KTEST_EXPECT_EQ(t, ktest_read_file("/sem/log", buf, size + 1), size);
	for (size_t r = 0; r < size / APPEND_RECORD_LEN; r++) {
		const char *rec = buf + r * APPEND_RECORD_LEN;
		bool whole = rec[0] == 'a' || rec[0] == 'b';

		for (int i = 1; i < APPEND_RECORD_LEN; i++)
			whole = whole && rec[i] == rec[0];
		KTEST_EXPECT_TRUE(t, whole);
		if (whole)
			count[rec[0] - 'a']++;
	}
	KTEST_EXPECT_EQ(t, count[0], APPEND_RECORDS);
	KTEST_EXPECT_EQ(t, count[1], APPEND_RECORDS);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/log"), 0);
	kfree(buf);
}

/* A write that would cross s_maxbytes is cut short there; one that starts there is EFBIG. */
static void test_write_cut_at_maxbytes(struct ktest *t)
{
	char *buf = kzalloc(4096, GFP_KERNEL);
	struct file *f;
	loff_t pos;

	KTEST_ASSERT_NOT_NULL(t, buf);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/sem/mb", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mount("none", "/sem/mb", "tmpfs", 0, NULL), 0);
	f = filp_open("/sem/mb/f", O_RDWR | O_CREAT, 0644);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	f->f_inode->i_sb->s_maxbytes = 10000; /* this mount only */
	pos = 8000;
	KTEST_EXPECT_EQ(t, kernel_write(f, buf, 4096, &pos), 2000);
	KTEST_EXPECT_EQ(t, pos, 10000);
	KTEST_EXPECT_EQ(t, f->f_inode->i_size, 10000);
	KTEST_EXPECT_EQ(t, kernel_write(f, buf, 1, &pos), -EFBIG);
	pos = 9999;
	KTEST_EXPECT_EQ(t, kernel_write(f, buf, 2, &pos), 1);
	fput(f);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/mb/f"), 0);
	KTEST_EXPECT_EQ(t, do_umount("/sem/mb", 0), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem/mb"), 0);
	kfree(buf);
}

/*
 * Stack a walk uses: the free part of the stack below here is painted, the walk runs, and
 * the deepest word it changed tells. Interrupts on this stack can only make it look bigger.
 */
#define STACK_PAINT 0x5a5a5a5a5a5a5a5aULL

static __noinline unsigned long walk_stack_use(const char *name, int *err)
{
	unsigned long *bottom = (unsigned long *)current->stack + 16;
	unsigned long *top = (unsigned long *)__builtin_frame_address(0) - 64;
	struct path path;
	unsigned long *p;

	for (p = bottom; p < top; p++)
		*p = STACK_PAINT;
	*err = kern_path(name, LOOKUP_FOLLOW, &path);
	if (!*err)
		path_put(&path);
	for (p = bottom; p < top && *p == STACK_PAINT; p++)
		;
	return (top - p) * sizeof(*p);
}

/* 40 links, each to the next: followed without one stack frame per link. */
static void test_symlink_chain_stack(struct ktest *t)
{
	unsigned long one, forty;
	char name[32], target[32];
	int err;

	for (int i = 0; i < MAXSYMLINKS; i++) {
		snprintf(name, sizeof(name), "/sem/sl%d", i);
		if (i == MAXSYMLINKS - 1)
			snprintf(target, sizeof(target), "/sem");
		else
			snprintf(target, sizeof(target), "sl%d", i + 1);
		KTEST_ASSERT_EQ(t, do_symlinkat(target, NULL, name), 0);
	}
	one = walk_stack_use("/sem/sl39", &err);
	KTEST_EXPECT_EQ(t, err, 0);
	forty = walk_stack_use("/sem/sl0", &err);
	KTEST_EXPECT_EQ(t, err, 0);
	ktest_figure(t, "one_link_stack", one, "bytes");
	ktest_figure(t, "forty_links_stack", forty, "bytes");
	/* Recursion cost a few hundred bytes per link; the explicit stack costs none. */
	KTEST_EXPECT_LT(t, forty, one + 512);
	/* One more is ELOOP, as before. */
	KTEST_EXPECT_EQ(t, do_symlinkat("sl0", NULL, "/sem/slx"), 0);
	walk_stack_use("/sem/slx", &err);
	KTEST_EXPECT_EQ(t, err, -ELOOP);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/sem/slx"), 0);
	for (int i = 0; i < MAXSYMLINKS; i++) {
		snprintf(name, sizeof(name), "/sem/sl%d", i);
		KTEST_EXPECT_EQ(t, do_unlinkat(NULL, name), 0);
	}
}

static void test_cleanup(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/sem"), 0);
	shrink_dcache_all();
}

/* ---- references taken without the lock, raced on two CPUs -------------------------------- */

#define RACE_STEPS 2000

struct lookup_race {
	struct ktest_start_line line;
	int bad[2];
	int done[2];
};

/*
 * Both CPUs walk the same names (dget and dput of the same dentries and mounts, the count
 * crossing 1 <-> 2 on the lock-free path and 1 <-> 0 on the locked one) and a missing name
 * (a negative dentry going on and off the LRU), while CPU 0 also empties the cache.
 */
static int lookup_race_worker(void *data)
{
	struct lookup_race *r = data;
	int id = ktest_start_together(&r->line);
	struct path p;

	for (int i = 0; i < RACE_STEPS; i++) {
		if (kern_path("/tmp/race/f", LOOKUP_FOLLOW, &p) == 0)
			path_put(&p);
		else
			r->bad[id]++;
		if (kern_path("/tmp/race/nothing", LOOKUP_FOLLOW, &p) != -ENOENT)
			r->bad[id]++;
		if (id == 0 && i % 64 == 0)
			shrink_dcache_all();
		r->done[id]++;
	}
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void test_lookup_refs_race_two_cpus(struct ktest *t)
{
	struct lookup_race *r;
	unsigned long dentries;
	struct path p;

	if (!ktest_need_two_cpus(t))
		return;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, r);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/tmp/race", 0755), 0);
	KTEST_ASSERT_EQ(t, ktest_write_file("/tmp/race/f", "f", 0), 0);
	shrink_dcache_all();
	dentries = nr_dentries();
	KTEST_EXPECT_EQ(t, ktest_run_on_two_cpus(lookup_race_worker, r, "ktest-lookup"), 0);
	KTEST_EXPECT_EQ(t, r->bad[0] + r->bad[1], 0);
	KTEST_EXPECT_EQ(t, r->done[0] + r->done[1], 2 * RACE_STEPS);
	/* Every reference came back: the cache empties to where it was, the file is intact. */
	shrink_dcache_all();
	KTEST_EXPECT_EQ(t, nr_dentries(), dentries);
	KTEST_ASSERT_EQ(t, kern_path("/tmp/race/f", LOOKUP_FOLLOW, &p), 0);
	KTEST_EXPECT_EQ(t, atomic_read(&p.dentry->d_count), 2); /* the tree's and ours */
	path_put(&p);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/tmp/race/f"), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/tmp/race"), 0);
	kfree(r);
}

/* ---- readdir's cursor: small reads, seeks and a directory changing under a reader -------- */

#define CURSOR_FILES 16

/* Takes one entry per vfs_readdir, as a getdents64 with room for one record does. */
struct one_at_a_time {
	struct dir_context ctx;
	int budget;
	int seen[CURSOR_FILES]; /* how often s0..s15 came back */
	int others; /* ".", "..", or a churned name */
	loff_t last_pos;
};

static bool take_one(struct dir_context *ctx, const char *name, int len, loff_t pos, u64 ino,
		     unsigned int type)
{
	struct one_at_a_time *o = container_of(ctx, struct one_at_a_time, ctx);
	int i = 0;

	if (!o->budget)
		return false;
	o->budget--;
	o->last_pos = pos;
	if (len >= 2 && name[0] == 's') {
		for (int k = 1; k < len; k++)
			i = i * 10 + (name[k] - '0');
		if (i < CURSOR_FILES) {
			o->seen[i]++;
			return true;
		}
	}
	o->others++;
	return true;
}

/* One whole pass from position 0, an entry per call; returns the entries taken. */
static int read_one_at_a_time(struct file *dir, struct one_at_a_time *o)
{
	int taken = 0;

	memset(o->seen, 0, sizeof(o->seen));
	o->others = 0;
	dir->f_pos = 0;
	for (;;) {
		o->ctx.pos = dir->f_pos;
		o->budget = 1;
		if (vfs_readdir(dir, &o->ctx) || o->budget)
			return taken;
		dir->f_pos = o->ctx.pos;
		taken++;
	}
}

static bool each_seen_once(const struct one_at_a_time *o)
{
	for (int i = 0; i < CURSOR_FILES; i++)
		if (o->seen[i] != 1)
			return false;
	return true;
}

static void make_cursor_files(struct ktest *t, const char *dir)
{
	char name[64];

	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, dir, 0755), 0);
	for (int i = 0; i < CURSOR_FILES; i++) {
		snprintf(name, sizeof(name), "%s/s%d", dir, i);
		KTEST_ASSERT_EQ(t, ktest_write_file(name, "", 0), 0);
	}
}

static void remove_cursor_files(struct ktest *t, const char *dir)
{
	char name[64];

	for (int i = 0; i < CURSOR_FILES; i++) {
		snprintf(name, sizeof(name), "%s/s%d", dir, i);
		KTEST_EXPECT_EQ(t, do_unlinkat(NULL, name), 0);
	}
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, dir), 0);
}

static void test_readdir_cursor(struct ktest *t)
{
	struct one_at_a_time o = { .ctx.actor = take_one };
	unsigned long dentries;
	struct file *dir;
	loff_t fifth;
	char name[64];
	int n;

	shrink_dcache_all();
	dentries = nr_dentries();
	make_cursor_files(t, "/sem/cur");
	dir = filp_open("/sem/cur", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(dir));
	/* Every entry once, though each call's second entry is refused and read again. */
	KTEST_EXPECT_EQ(t, read_one_at_a_time(dir, &o), CURSOR_FILES + 2);
	KTEST_EXPECT_TRUE(t, each_seen_once(&o));
	KTEST_EXPECT_EQ(t, o.others, 2);

	/* A seek back to a position read before returns the same entries from there. */
	dir->f_pos = 0;
	for (n = 0; n < 5; n++) {
		o.ctx.pos = dir->f_pos;
		o.budget = 1;
		KTEST_ASSERT_EQ(t, vfs_readdir(dir, &o.ctx), 0);
		dir->f_pos = o.ctx.pos;
	}
	fifth = dir->f_pos;
	memset(o.seen, 0, sizeof(o.seen));
	o.ctx.pos = fifth;
	o.budget = CURSOR_FILES;
	KTEST_EXPECT_EQ(t, vfs_readdir(dir, &o.ctx), 0);
	n = 0;
	for (int i = 0; i < CURSOR_FILES; i++)
		n += o.seen[i];
	KTEST_EXPECT_EQ(t, n, CURSOR_FILES - 3); /* ".", "..", and three files came before */
	o.ctx.pos = fifth; /* and again: the same count */
	o.budget = CURSOR_FILES;
	memset(o.seen, 0, sizeof(o.seen));
	KTEST_EXPECT_EQ(t, vfs_readdir(dir, &o.ctx), 0);
	n = 0;
	for (int i = 0; i < CURSOR_FILES; i++)
		n += o.seen[i];
	KTEST_EXPECT_EQ(t, n, CURSOR_FILES - 3);

	/* Entries removed behind and ahead of the cursor: the rest still come, once each. */
	dir->f_pos = 0;
	memset(o.seen, 0, sizeof(o.seen));
	for (n = 0; n < 6; n++) {
		o.ctx.pos = dir->f_pos;
		o.budget = 1;
		KTEST_ASSERT_EQ(t, vfs_readdir(dir, &o.ctx), 0);
		dir->f_pos = o.ctx.pos;
	}
	for (int i = 0; i < CURSOR_FILES; i += 2) {
		snprintf(name, sizeof(name), "/sem/cur/s%d", i);
		KTEST_EXPECT_EQ(t, do_unlinkat(NULL, name), 0);
	}
	o.ctx.pos = dir->f_pos;
	o.budget = CURSOR_FILES;
	KTEST_EXPECT_EQ(t, vfs_readdir(dir, &o.ctx), 0);
	for (int i = 0; i < CURSOR_FILES; i++) /* a removed one once at most, a kept one once */
		KTEST_EXPECT_EQ(t, o.seen[i], i % 2 ? 1 : o.seen[i] <= 1 ? o.seen[i] : -1);
	for (int i = 0; i < CURSOR_FILES; i += 2) {
		snprintf(name, sizeof(name), "/sem/cur/s%d", i);
		KTEST_EXPECT_EQ(t, ktest_write_file(name, "", 0), 0);
	}
	fput(dir);
	remove_cursor_files(t, "/sem/cur");
	/* The cursor went with the file. */
	shrink_dcache_all();
	KTEST_EXPECT_EQ(t, nr_dentries(), dentries);
}

struct cursor_race {
	struct ktest_start_line line;
	int bad_passes;
	int passes;
	int churns;
};

/*
 * CPU 0 reads a directory an entry at a time while CPU 1 creates, renames and removes other
 * names in it (moving entries across the reader's cursor) and empties the dcache: every pass
 * must still return each of the stable names exactly once.
 */
static int cursor_race_worker(void *data)
{
	struct cursor_race *r = data;
	int id = ktest_start_together(&r->line);
	struct one_at_a_time *o;
	char a[64], b[64];
	struct file *dir;

	if (id == 0) {
		o = kzalloc(sizeof(*o), GFP_KERNEL);
		dir = filp_open("/tmp/cur", O_RDONLY | O_DIRECTORY, 0);
		if (o && !IS_ERR(dir)) {
			o->ctx.actor = take_one;
			for (int i = 0; i < RACE_STEPS / 20; i++) {
				read_one_at_a_time(dir, o);
				r->bad_passes += !each_seen_once(o);
				r->passes++;
			}
			fput(dir);
		} else {
			r->bad_passes++;
		}
		kfree(o);
	} else {
		for (int i = 0; i < RACE_STEPS; i++) {
			snprintf(a, sizeof(a), "/tmp/cur/t%d", i % 7);
			snprintf(b, sizeof(b), "/tmp/cur/u%d", i % 5);
			ktest_write_file(a, "", 0);
			do_renameat2(NULL, a, NULL, b, 0);
			if (i % 3 == 0)
				do_unlinkat(NULL, b);
			if (i % 64 == 0)
				shrink_dcache_all();
			r->churns++;
		}
	}
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void test_readdir_cursor_race_two_cpus(struct ktest *t)
{
	struct cursor_race *r;
	char name[64];

	if (!ktest_need_two_cpus(t))
		return;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, r);
	make_cursor_files(t, "/tmp/cur");
	KTEST_EXPECT_EQ(t, ktest_run_on_two_cpus(cursor_race_worker, r, "ktest-cursor"), 0);
	KTEST_EXPECT_EQ(t, r->bad_passes, 0);
	KTEST_EXPECT_EQ(t, r->passes, RACE_STEPS / 20);
	KTEST_EXPECT_EQ(t, r->churns, RACE_STEPS);
	for (int i = 0; i < 5; i++) {
		snprintf(name, sizeof(name), "/tmp/cur/u%d", i);
		do_unlinkat(NULL, name);
	}
	remove_cursor_files(t, "/tmp/cur");
	kfree(r);
}

static struct ktest_case vfs_cases[] = {
	KTEST_CASE(test_path_walk_table),
	KTEST_CASE(test_name_limits),
	KTEST_CASE(test_create_write_read),
	KTEST_CASE(test_symlinks_and_open_flags),
	KTEST_CASE(test_sparse_and_truncate),
	KTEST_CASE(test_hard_links_and_nlink),
	KTEST_CASE(test_rename),
	KTEST_CASE(test_unlink_open_file_keeps_data),
	KTEST_CASE(test_permissions_and_umask),
	KTEST_CASE(test_mounts_readonly_and_busy),
	KTEST_CASE(test_readdir),
	KTEST_CASE(test_random_against_model),
	KTEST_CASE(test_fd_table),
	KTEST_CASE(test_timestamps),
	KTEST_CASE(test_rename_into_removed_dir),
	KTEST_CASE(test_cross_dir_rename_link_counts),
	KTEST_CASE(test_sticky_bit),
	KTEST_CASE(test_exdev_across_mounts),
	KTEST_CASE(test_two_appenders),
	KTEST_CASE(test_write_cut_at_maxbytes),
	KTEST_CASE(test_symlink_chain_stack),
	KTEST_CASE(test_lookup_refs_race_two_cpus),
	KTEST_CASE(test_readdir_cursor),
	KTEST_CASE(test_readdir_cursor_race_two_cpus),
	KTEST_CASE(test_cleanup),
	{},
};

static struct ktest_suite vfs_suite = {
	.name = "vfs",
	.cases = vfs_cases,
	.init = vfs_suite_init,
	.exit = vfs_suite_exit,
};
ktest_register_suite(vfs_suite);
