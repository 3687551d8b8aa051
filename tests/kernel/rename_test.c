// SPDX-License-Identifier: GPL-2.0
/*
 * Renames against the other namespace operations, on every CPU at once: rename into a
 * subdirectory beside rmdir of that subdirectory (which deadlocked while rename locked its
 * two directories by address and rmdir parent then child), and renames, creates and unlinks
 * in one tree, checked afterwards against what the threads counted (and by the suite's leak
 * check: a file renamed into a directory that rmdir had just removed was lost there).
 * Threads run for a set time; the case waits for them with a deadline, so a deadlock fails
 * it instead of hanging.
 */
#include <kernel/fs.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/smp.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/timer.h>

#include "fs_util.h"

#define MSEC 1000000ULL
#define RUN_MS 400
#define WATCHDOG_MS 3000

struct stress {
	bool stop;
	atomic_t created, unlinked, mkdirs, rmdirs;
	atomic_t ops, unexpected;
	int last_unexpected;
};

struct worker {
	struct stress *s;
	u64 seed;
	bool done;
};

static void unexpected(struct stress *s, int err)
{
	atomic_inc(&s->unexpected);
	WRITE_ONCE(s->last_unexpected, err);
}

static bool stopping(struct worker *w)
{
	return READ_ONCE(w->s->stop);
}

static void worker_done(struct worker *w)
{
	__atomic_store_n(&w->done, true, __ATOMIC_RELEASE);
}

/* rename("a/x", "a/b/y") and back, the pattern that met rmdir("a/b") in the wrong order. */
static int rename_into_child(void *data)
{
	struct worker *w = data;
	int err;

	while (!stopping(w)) {
		err = ktest_write_file("/rr/a/x", "", 0);
		if (err)
			unexpected(w->s, err);
		err = do_renameat2(NULL, "/rr/a/x", NULL, "/rr/a/b/y", 0);
		if (!err)
			err = do_renameat2(NULL, "/rr/a/b/y", NULL, "/rr/a/x", 0);
		if (err && err != -ENOENT)
			unexpected(w->s, err);
		atomic_inc(&w->s->ops);
	}
	worker_done(w);
	return 0;
}

static int rmdir_child(void *data)
{
	struct worker *w = data;
	int err;

	while (!stopping(w)) {
		err = do_rmdirat(NULL, "/rr/a/b");
		if (err && err != -ENOTEMPTY && err != -ENOENT)
			unexpected(w->s, err);
		err = do_mkdirat(NULL, "/rr/a/b", 0755);
		if (err && err != -EEXIST)
			unexpected(w->s, err);
		/* Empty b again now and then, so that rmdir succeeds often. */
		err = do_unlinkat(NULL, "/rr/a/b/y");
		if (err && err != -ENOENT)
			unexpected(w->s, err);
		atomic_inc(&w->s->ops);
	}
	worker_done(w);
	return 0;
}

/*
 * Starts the workers (one per CPU, round robin), lets them run for RUN_MS and waits for
 * them with a deadline. False if one never finished: it is stuck, and is left alone.
 */
static bool run_workers(struct ktest *t, struct stress *s, int (*const fn[])(void *), int n,
			struct worker *w)
{
	struct task_struct *k[8];
	bool all_done = true;

	for (int i = 0; i < n; i++) {
		w[i] = (struct worker){ .s = s, .seed = 0x9e3779b97f4a7c15ULL * (i + 1) };
		k[i] = kthread_create(fn[i], &w[i], "ktest-rename");
		if (!k[i]) {
			ktest_fail(t, __FILE__, __LINE__, "no thread %d", i);
			n = i;
			WRITE_ONCE(s->stop, true);
			break;
		}
		kthread_bind(k[i], i % num_online_cpus());
		wake_up_process(k[i]);
	}
	msleep(RUN_MS);
	WRITE_ONCE(s->stop, true);
	for (int i = 0; i < n; i++) {
		if (!ktest_wait_flag(&w[i].done, WATCHDOG_MS)) {
			ktest_fail(t, __FILE__, __LINE__, "worker %d stuck: a deadlock", i);
			all_done = false;
		}
	}
	if (!all_done)
		return false;
	for (int i = 0; i < n; i++)
		kthread_stop(k[i]);
	return true;
}

static void test_rename_beside_rmdir(struct ktest *t)
{
	static int (*const fn[])(void *) = { rename_into_child, rmdir_child, rename_into_child,
					     rmdir_child };
	static struct stress s;
	struct worker w[4];

	memset(&s, 0, sizeof(s));
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/rr", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/rr/a", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/rr/a/b", 0755), 0);
	if (!run_workers(t, &s, fn, 4, w))
		return; /* the tree stays locked: leave it */
	ktest_figure(t, "ops", atomic_read(&s.ops), "operations");
	KTEST_EXPECT_EQ(t, atomic_read(&s.unexpected), 0);
	KTEST_EXPECT_EQ(t, s.last_unexpected, 0);
	KTEST_EXPECT_GT(t, atomic_read(&s.ops), 10);
	do_unlinkat(NULL, "/rr/a/b/y");
	do_rmdirat(NULL, "/rr/a/b");
	do_unlinkat(NULL, "/rr/a/x");
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/rr/a"), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/rr"), 0);
}

/* ---- rename, create and unlink in one tree -------------------------------------------- */

#define NR_DIRS 4
#define NR_FILES 6
#define NR_SUBDIRS 3

static u64 next_rand(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void file_name(char *buf, size_t size, unsigned int d, unsigned int f)
{
	snprintf(buf, size, "/rc/d%u/f%u", d, f);
}

static void subdir_name(char *buf, size_t size, unsigned int d, unsigned int f)
{
	snprintf(buf, size, "/rc/d%u/s%u", d, f);
}

static int tree_worker(void *data)
{
	struct worker *w = data;
	struct stress *s = w->s;
	char a[32], b[32];
	int err;

	while (!stopping(w)) {
		u64 r = next_rand(&w->seed);
		unsigned int d1 = r % NR_DIRS, d2 = (r >> 8) % NR_DIRS;
		unsigned int f1 = (r >> 16) % NR_FILES, f2 = (r >> 24) % NR_FILES;
		struct file *f;

		switch ((r >> 32) % 6) {
		case 0: /* create */
			file_name(a, sizeof(a), d1, f1);
			f = filp_open(a, O_WRONLY | O_CREAT | O_EXCL, 0644);
			err = IS_ERR(f) ? PTR_ERR(f) : 0;
			if (!err) {
				atomic_inc(&s->created);
				fput(f);
			}
			break;
		case 1: /* unlink */
			file_name(a, sizeof(a), d1, f1);
			err = do_unlinkat(NULL, a);
			if (!err)
				atomic_inc(&s->unlinked);
			break;
		case 2: /* move a file, never over another (nothing is lost uncounted) */
			file_name(a, sizeof(a), d1, f1);
			file_name(b, sizeof(b), d2, f2);
			err = do_renameat2(NULL, a, NULL, b, RENAME_NOREPLACE);
			break;
		case 3: /* make a subdirectory */
			subdir_name(a, sizeof(a), d1, f1 % NR_SUBDIRS);
			err = do_mkdirat(NULL, a, 0755);
			if (!err)
				atomic_inc(&s->mkdirs);
			break;
		case 4: /* remove one */
			subdir_name(a, sizeof(a), d1, f1 % NR_SUBDIRS);
			err = do_rmdirat(NULL, a);
			if (!err)
				atomic_inc(&s->rmdirs);
			break;
		default: /* move a subdirectory to another parent: link counts move with it */
			subdir_name(a, sizeof(a), d1, f1 % NR_SUBDIRS);
			subdir_name(b, sizeof(b), d2, f2 % NR_SUBDIRS);
			err = do_renameat2(NULL, a, NULL, b, RENAME_NOREPLACE);
			break;
		}
		if (err && err != -ENOENT && err != -EEXIST)
			unexpected(s, err);
		atomic_inc(&s->ops);
	}
	worker_done(w);
	return 0;
}

struct dir_count {
	struct dir_context ctx;
	int entries;
};

static bool count_entry(struct dir_context *ctx, const char *name, int len, loff_t pos, u64 ino,
			unsigned int type)
{
	struct dir_count *dc = container_of(ctx, struct dir_count, ctx);

	if (!(len == 1 && name[0] == '.') && !(len == 2 && name[0] == '.' && name[1] == '.'))
		dc->entries++;
	return true;
}

static int count_dir_entries(const char *path)
{
	struct dir_count dc = { .ctx.actor = count_entry };
	struct file *dir = filp_open(path, O_RDONLY | O_DIRECTORY, 0);
	int err;

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	err = vfs_readdir(dir, &dc.ctx);
	fput(dir);
	return err ? err : dc.entries;
}

/* Every name is what readdir and the counters say, and every link count is right. */
static void check_tree(struct ktest *t, struct stress *s)
{
	int files = 0, subdirs = 0;
	struct kstat st;
	char name[32];

	for (unsigned int d = 0; d < NR_DIRS; d++) {
		int here = 0, subdirs_here = 0;

		for (unsigned int f = 0; f < NR_FILES; f++) {
			file_name(name, sizeof(name), d, f);
			if (do_statat(NULL, name, &st, 0) == 0) {
				KTEST_EXPECT_EQ(t, st.mode & S_IFMT, S_IFREG);
				KTEST_EXPECT_EQ(t, st.nlink, 1);
				files++;
				here++;
			}
		}
		for (unsigned int f = 0; f < NR_SUBDIRS; f++) {
			subdir_name(name, sizeof(name), d, f);
			if (do_statat(NULL, name, &st, 0) == 0) {
				KTEST_EXPECT_EQ(t, st.mode & S_IFMT, S_IFDIR);
				KTEST_EXPECT_EQ(t, st.nlink, 2);
				subdirs_here++;
				here++;
			}
		}
		snprintf(name, sizeof(name), "/rc/d%u", d);
		/* What lookups find is what the directory lists, nothing more. */
		KTEST_EXPECT_EQ(t, count_dir_entries(name), here);
		KTEST_EXPECT_EQ(t, do_statat(NULL, name, &st, 0), 0);
		KTEST_EXPECT_EQ(t, st.nlink, 2 + subdirs_here);
		subdirs += subdirs_here;
	}
	KTEST_EXPECT_EQ(t, files, atomic_read(&s->created) - atomic_read(&s->unlinked));
	KTEST_EXPECT_EQ(t, subdirs, atomic_read(&s->mkdirs) - atomic_read(&s->rmdirs));
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/rc", &st, 0), 0);
	KTEST_EXPECT_EQ(t, st.nlink, 2 + NR_DIRS);
}

static void remove_tree(void)
{
	char name[32];

	for (unsigned int d = 0; d < NR_DIRS; d++) {
		for (unsigned int f = 0; f < NR_FILES; f++) {
			file_name(name, sizeof(name), d, f);
			do_unlinkat(NULL, name);
		}
		for (unsigned int f = 0; f < NR_SUBDIRS; f++) {
			subdir_name(name, sizeof(name), d, f);
			do_rmdirat(NULL, name);
		}
		snprintf(name, sizeof(name), "/rc/d%u", d);
		do_rmdirat(NULL, name);
	}
	do_rmdirat(NULL, "/rc");
}

static void test_rename_create_unlink_tree(struct ktest *t)
{
	static int (*const fn[])(void *) = { tree_worker, tree_worker, tree_worker, tree_worker };
	static struct stress s;
	struct worker w[4];
	struct kstat st;
	char name[32];

	memset(&s, 0, sizeof(s));
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/rc", 0755), 0);
	for (unsigned int d = 0; d < NR_DIRS; d++) {
		snprintf(name, sizeof(name), "/rc/d%u", d);
		KTEST_ASSERT_EQ(t, do_mkdirat(NULL, name, 0755), 0);
	}
	if (!run_workers(t, &s, fn, 4, w))
		return;
	ktest_figure(t, "ops", atomic_read(&s.ops), "operations");
	KTEST_EXPECT_EQ(t, atomic_read(&s.unexpected), 0);
	KTEST_EXPECT_EQ(t, s.last_unexpected, 0);
	KTEST_EXPECT_GT(t, atomic_read(&s.ops), 100);
	check_tree(t, &s);
	/* The same again with a cold dcache: what the file system holds agrees. */
	shrink_dcache_all();
	check_tree(t, &s);
	remove_tree();
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/rc", &st, 0), -ENOENT);
}

static struct ktest_case rename_cases[] = {
	KTEST_CASE(test_rename_beside_rmdir),
	KTEST_CASE(test_rename_create_unlink_tree),
	{},
};

static struct ktest_suite rename_suite = { .name = "rename", .cases = rename_cases };
ktest_register_suite(rename_suite);
