// SPDX-License-Identifier: GPL-2.0
/*
 * The mount tree's lifetimes: a lazily detached mount (MNT_DETACH) lives while a file, a path
 * or a walk holds it and is freed, with its super block, by the last put; a nested tree leaves
 * at once; and a walker racing an unmounter on two CPUs neither crashes nor leaks.
 */
#include <kernel/fs.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/timer.h>

#include "fs_util.h"
#include "two_cpus.h"

#define D "/mt"

static void test_detach_frees_on_last_close(struct ktest *t)
{
	int sbs = nr_super_blocks(), mounts = nr_live_mounts();
	struct file *f;
	char buf[8] = "";
	loff_t pos = 0;

	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, D, 0755), 0);
	KTEST_ASSERT_EQ(t, do_mount("none", D, "tmpfs", 0, NULL), 0);
	KTEST_ASSERT_EQ(t, ktest_write_file(D "/f", "hello", 0), 0);
	f = filp_open(D "/f", O_RDWR, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, do_umount(D, 0), -EBUSY);
	KTEST_EXPECT_EQ(t, do_umount(D, MNT_DETACH), 0);
	/* out of the tree, but alive: the super block stays while the file is open */
	KTEST_EXPECT_EQ(t, nr_super_blocks(), sbs + 1);
	KTEST_EXPECT_EQ(t, nr_live_mounts(), mounts + 1);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 5, &pos), 5);
	KTEST_EXPECT_EQ(t, memcmp(buf, "hello", 5), 0);
	fput(f);
	KTEST_EXPECT_EQ(t, nr_super_blocks(), sbs);
	KTEST_EXPECT_EQ(t, nr_live_mounts(), mounts);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, D), 0);
}

static void test_detach_nested_tree(struct ktest *t)
{
	int sbs = nr_super_blocks(), mounts = nr_live_mounts();
	struct path p;

	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, D, 0755), 0);
	KTEST_ASSERT_EQ(t, do_mount("none", D, "tmpfs", 0, NULL), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, D "/in", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mount("none", D "/in", "tmpfs", 0, NULL), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, D "/in/x", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mount("none", D "/in/x", "tmpfs", 0, NULL), 0);
	KTEST_ASSERT_EQ(t, kern_path(D "/in", LOOKUP_FOLLOW, &p), 0);
	KTEST_EXPECT_EQ(t, nr_super_blocks(), sbs + 3);
	KTEST_EXPECT_EQ(t, do_umount(D, 0), -EBUSY);
	KTEST_EXPECT_EQ(t, do_umount(D, MNT_DETACH), 0);
	/* the outer and the innermost are unused: freed now; the held one stays */
	KTEST_EXPECT_EQ(t, nr_super_blocks(), sbs + 1);
	KTEST_EXPECT_EQ(t, nr_live_mounts(), mounts + 1);
	/* a detached mount has no parent: ".." stays at its root */
	KTEST_EXPECT_FALSE(t, vfs_mount_up(&p));
	path_put(&p);
	KTEST_EXPECT_EQ(t, nr_super_blocks(), sbs);
	KTEST_EXPECT_EQ(t, nr_live_mounts(), mounts);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, D), 0);
}

#define RACE_STEPS 1000

struct umount_race {
	struct ktest_start_line line;
	int bad[2], walks_in, cycles;
};

/* CPU 0 mounts and detaches; CPU 1 walks into the mount, up out of it, and reads through it. */
static int umount_race_worker(void *data)
{
	struct umount_race *r = data;
	int id = ktest_start_together(&r->line);
	struct path p;
	char buf[4];

	for (int i = 0; i < RACE_STEPS; i++) {
		if (id == 0) {
			if (do_mount("none", D "/m", "tmpfs", 0, NULL) ||
			    ktest_write_file(D "/m/f", "x", 0))
				r->bad[0]++;
			if (do_umount(D "/m", (i & 1) ? MNT_DETACH : 0) &&
			    do_umount(D "/m", MNT_DETACH))
				r->bad[0]++;
			r->cycles++;
			continue;
		}
		if (kern_path(D "/m/f", LOOKUP_FOLLOW, &p) == 0) {
			struct file *f = filp_open(D "/m/f", O_RDONLY, 0);
			loff_t pos = 0;

			r->walks_in++;
			if (!IS_ERR(f)) {
				/* 0 if it caught the file made but not yet written */
				if (kernel_read(f, buf, 1, &pos) < 0)
					r->bad[1]++;
				fput(f);
			}
			while (vfs_mount_up(&p))
				;
			path_put(&p);
		}
		if (kern_path(D "/m/../m/.", LOOKUP_FOLLOW, &p) == 0)
			path_put(&p);
	}
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void test_detach_walk_race_two_cpus(struct ktest *t)
{
	int sbs = nr_super_blocks(), mounts = nr_live_mounts();
	struct umount_race *r;
	unsigned long dentries;

	if (!ktest_need_two_cpus(t))
		return;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, r);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, D, 0755), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, D "/m", 0755), 0);
	shrink_dcache_all();
	dentries = nr_dentries();
	KTEST_EXPECT_EQ(t, ktest_run_on_two_cpus(umount_race_worker, r, "ktest-umount"), 0);
	KTEST_EXPECT_EQ(t, r->bad[0], 0);
	KTEST_EXPECT_EQ(t, r->bad[1], 0);
	KTEST_EXPECT_EQ(t, r->cycles, RACE_STEPS);
	ktest_log(t, "walks that reached the mount: %d of %d", r->walks_in, RACE_STEPS);
	/* every mount and super block made was freed by its last user */
	KTEST_EXPECT_EQ(t, nr_super_blocks(), sbs);
	KTEST_EXPECT_EQ(t, nr_live_mounts(), mounts);
	shrink_dcache_all();
	KTEST_EXPECT_EQ(t, nr_dentries(), dentries);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, D "/m"), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, D), 0);
	kfree(r);
}

static struct ktest_case mount_cases[] = {
	KTEST_CASE(test_detach_frees_on_last_close),
	KTEST_CASE(test_detach_nested_tree),
	KTEST_CASE(test_detach_walk_race_two_cpus),
	{},
};

static struct ktest_suite mount_suite = {
	.name = "mount",
	.cases = mount_cases,
};
ktest_register_suite(mount_suite);
