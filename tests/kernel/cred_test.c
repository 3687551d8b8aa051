// SPDX-License-Identifier: GPL-2.0
/*
 * Credentials and fs_struct, reference-counted: a thread shares its creator's cred and fs,
 * replaces its own cred with prepare_creds/commit_creds without touching anyone else's,
 * and takes a private fs with unshare_fs_struct, which threads it creates then share
 * (CLONE_FS). Readers on other CPUs (get_task_cred, path walks from the working directory)
 * race with the owner changing them; slab debugging turns a use after free into a report.
 */
#include <kernel/fs.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/timer.h>

#include "fs_util.h"

#define MSEC 1000000ULL
#define RUN_MS 300

struct cred_job {
	int result; /* 0, or the line of the first check that failed */
	bool stop;
	bool started;
	bool done;
	struct fs_struct *fs; /* the fs it ran with */
	struct task_struct *peer;
	atomic_t loops;
};

#define JOB_CHECK(j, cond)                      \
	do {                                    \
		if (!(cond) && !(j)->result)    \
			(j)->result = __LINE__; \
	} while (0)

static void job_done(struct cred_job *j)
{
	__atomic_store_n(&j->done, true, __ATOMIC_RELEASE);
}

static int become_user(void *data)
{
	struct cred_job *j = data;
	const struct cred *before = current->cred;
	struct cred *fresh = prepare_creds();

	JOB_CHECK(j, fresh && fresh != before);
	if (fresh) {
		JOB_CHECK(j, fresh->fsuid == current_cred()->fsuid);
		fresh->uid = fresh->euid = fresh->fsuid = 1000;
		commit_creds(fresh);
		JOB_CHECK(j, current_cred() == fresh);
		JOB_CHECK(j, current_cred()->fsuid == 1000);
	}
	job_done(j);
	return 0;
}

/* A thread shares its creator's cred, and its own commit_creds changes only itself. */
static void test_commit_creds_private(struct ktest *t)
{
	const struct cred *mine = current_cred(), *theirs;
	struct cred_job j = { 0 };
	struct task_struct *k;
	int usage = atomic_read(&mine->usage);

	k = kthread_create(become_user, &j, "ktest-cred");
	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_PTR_EQ(t, k->cred, current->cred); /* shared */
	KTEST_EXPECT_EQ(t, atomic_read(&mine->usage), usage + (current->cred ? 1 : 0));
	wake_up_process(k);
	KTEST_EXPECT_TRUE(t, ktest_wait_flag(&j.done, 1000));
	KTEST_EXPECT_EQ(t, j.result, 0);
	KTEST_EXPECT_EQ(t, current_cred()->fsuid, 0); /* the creator is still root */
	theirs = get_task_cred(k);
	KTEST_EXPECT_EQ(t, theirs->fsuid, 1000);
	put_cred(theirs);
	KTEST_EXPECT_EQ(t, atomic_read(&mine->usage), usage); /* its share went with the commit */
	kthread_stop(k);
}

static int flip_creds(void *data)
{
	struct cred_job *j = data;

	__atomic_store_n(&j->started, true, __ATOMIC_RELEASE);
	while (!READ_ONCE(j->stop)) {
		struct cred *fresh = prepare_creds();

		if (!fresh)
			continue;
		fresh->uid = fresh->fsuid = current_cred()->fsuid == 1000 ? 1001 : 1000;
		commit_creds(fresh);
		atomic_inc(&j->loops);
	}
	job_done(j);
	return 0;
}

static int read_peer_creds(void *data)
{
	struct cred_job *j = data;

	while (!READ_ONCE(j->stop)) {
		const struct cred *c = get_task_cred(j->peer);

		/* Whole and alive: one of the two values, never a freed one. */
		JOB_CHECK(j, c->uid == c->fsuid);
		JOB_CHECK(j, c->fsuid == 0 || c->fsuid == 1000 || c->fsuid == 1001);
		put_cred(c);
		atomic_inc(&j->loops);
	}
	job_done(j);
	return 0;
}

/* get_task_cred on one CPU while the owner replaces its cred on the other. */
static void test_task_cred_against_commit(struct ktest *t)
{
	struct cred_job owner = { 0 }, reader = { 0 };
	struct task_struct *k[2];

	k[0] = kthread_create(flip_creds, &owner, "ktest-flip");
	KTEST_ASSERT_NOT_NULL(t, k[0]);
	reader.peer = k[0];
	k[1] = kthread_create(read_peer_creds, &reader, "ktest-peek");
	KTEST_ASSERT_NOT_NULL(t, k[1]);
	kthread_bind(k[0], 0);
	kthread_bind(k[1], 1 % num_online_cpus());
	wake_up_process(k[0]);
	wake_up_process(k[1]);
	msleep(RUN_MS);
	WRITE_ONCE(owner.stop, true);
	WRITE_ONCE(reader.stop, true);
	KTEST_EXPECT_TRUE(t, ktest_wait_flag(&owner.done, 2000));
	KTEST_EXPECT_TRUE(t, ktest_wait_flag(&reader.done, 2000));
	kthread_stop(k[1]);
	kthread_stop(k[0]);
	ktest_figure(t, "commits", atomic_read(&owner.loops), "commits");
	ktest_figure(t, "reads", atomic_read(&reader.loops), "reads");
	KTEST_EXPECT_EQ(t, reader.result, 0);
	KTEST_EXPECT_GT(t, atomic_read(&owner.loops), 0);
	KTEST_EXPECT_GT(t, atomic_read(&reader.loops), 0);
}

/* ---- fs_struct ------------------------------------------------------------------------ */

static int chdir_child(void *data)
{
	struct cred_job *j = data;

	j->fs = current->fs;
	JOB_CHECK(j, do_chdir("/fsx/b") == 0);
	job_done(j);
	return 0;
}

static int private_fs(void *data)
{
	struct cred_job *j = data, child = { 0 };
	struct fs_struct *shared = current->fs;
	struct task_struct *k;
	struct path path;
	int users = atomic_read(&shared->users);

	JOB_CHECK(j, unshare_fs_struct() == 0);
	JOB_CHECK(j, current->fs != shared);
	JOB_CHECK(j, atomic_read(&shared->users) == users - 1);
	JOB_CHECK(j, atomic_read(&current->fs->users) == 1);
	JOB_CHECK(j, do_chdir("/fsx/a") == 0);
	JOB_CHECK(j, kern_path("here-a", 0, &path) == 0);
	if (!j->result)
		path_put(&path);
	/* A thread it creates shares its fs (CLONE_FS): the child's chdir moves both. */
	k = kthread_run(chdir_child, &child, "ktest-fs-child");
	JOB_CHECK(j, k != NULL);
	if (k) {
		kthread_stop(k);
		JOB_CHECK(j, child.result == 0);
		JOB_CHECK(j, child.fs == current->fs);
		JOB_CHECK(j, atomic_read(&current->fs->users) == 1); /* its share is gone */
	}
	JOB_CHECK(j, kern_path("here-b", 0, &path) == 0);
	if (!j->result)
		path_put(&path);
	job_done(j);
	return 0; /* do_exit frees the private fs and its references */
}

static void test_fs_struct_share_and_copy(struct ktest *t)
{
	struct cred_job j = { 0 };
	struct task_struct *k;
	struct path pwd_before, pwd_after;
	struct kstat st;
	int users = atomic_read(&current->fs->users);

	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/fsx", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/fsx/a", 0755), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/fsx/b", 0755), 0);
	KTEST_ASSERT_EQ(t, ktest_write_file("/fsx/a/here-a", "", 0), 0);
	KTEST_ASSERT_EQ(t, ktest_write_file("/fsx/b/here-b", "", 0), 0);
	get_fs_pwd(current->fs, &pwd_before);
	k = kthread_create(private_fs, &j, "ktest-fs");
	KTEST_ASSERT_NOT_NULL(t, k);
	KTEST_EXPECT_PTR_EQ(t, k->fs, current->fs); /* kernel threads share their creator's */
	KTEST_EXPECT_EQ(t, atomic_read(&current->fs->users), users + 1);
	wake_up_process(k);
	KTEST_EXPECT_TRUE(t, ktest_wait_flag(&j.done, 2000));
	kthread_stop(k);
	KTEST_EXPECT_EQ(t, j.result, 0);
	KTEST_EXPECT_EQ(t, atomic_read(&current->fs->users), users);
	/* Its chdirs were its own. */
	get_fs_pwd(current->fs, &pwd_after);
	KTEST_EXPECT_PTR_EQ(t, pwd_after.dentry, pwd_before.dentry);
	path_put(&pwd_after);
	path_put(&pwd_before);
	/* The private fs let go of /fsx/a and /fsx/b: they can be removed and freed. */
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/fsx/a/here-a"), 0);
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/fsx/b/here-b"), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/fsx/a"), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/fsx/b"), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/fsx"), 0);
	KTEST_EXPECT_EQ(t, do_statat(NULL, "/fsx", &st, 0), -ENOENT);
}

/* ---- walks from a working directory that another thread changes ----------------------- */

struct pwd_race {
	struct fs_struct *fs; /* shared by both threads */
	bool stop;
	struct cred_job chdirer, walker;
};

static int pwd_setup(struct pwd_race *r)
{
	int err = unshare_fs_struct();

	if (err)
		return err;
	r->fs = current->fs;
	return 0;
}

static int chdir_loop(void *data)
{
	struct pwd_race *r = data;
	struct cred_job *j = &r->chdirer;
	char name[32];
	int n = 0, err;

	JOB_CHECK(j, pwd_setup(r) == 0);
	__atomic_store_n(&j->started, true, __ATOMIC_RELEASE);
	while (!READ_ONCE(r->stop) && !j->result) {
		snprintf(name, sizeof(name), "/pw/d%d", n++ % 4);
		err = do_mkdirat(NULL, name, 0755);
		JOB_CHECK(j, !err || err == -EEXIST);
		JOB_CHECK(j, do_chdir(name) == 0);
		JOB_CHECK(j, do_chdir("/pw") == 0);
		/* The old working directory goes at once: a walk that did not hold it fails. */
		JOB_CHECK(j, do_rmdirat(NULL, name) == 0);
		atomic_inc(&j->loops);
	}
	JOB_CHECK(j, do_chdir("/") == 0);
	job_done(j);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static int walk_loop(void *data)
{
	struct pwd_race *r = data;
	struct cred_job *j = &r->walker;
	struct path path;
	int err;

	while (!READ_ONCE(r->stop) && !j->result) {
		err = kern_path(".", 0, &path);
		/* The directory it was in (alive while walked), or gone by the time it looked. */
		JOB_CHECK(j, !err || err == -ENOENT);
		if (!err) {
			JOB_CHECK(j, d_is_dir(path.dentry));
			path_put(&path);
		}
		err = kern_path("..", 0, &path);
		JOB_CHECK(j, !err || err == -ENOENT);
		if (!err)
			path_put(&path);
		atomic_inc(&j->loops);
	}
	job_done(j);
	return 0;
}

/* path_init reads pwd under fs->lock with a reference, against chdir on the other CPU. */
static void test_walk_against_chdir(struct ktest *t)
{
	static struct pwd_race r;
	struct task_struct *k[2];

	memset(&r, 0, sizeof(r));
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, "/pw", 0755), 0);
	k[0] = kthread_create(chdir_loop, &r, "ktest-chdir");
	KTEST_ASSERT_NOT_NULL(t, k[0]);
	kthread_bind(k[0], 0);
	wake_up_process(k[0]);
	KTEST_ASSERT_TRUE(t, ktest_wait_flag(&r.chdirer.started, 1000));
	/* The walker is the chdirer's child in spirit: it runs with the same fs_struct. */
	k[1] = kthread_create(walk_loop, &r, "ktest-walk");
	KTEST_ASSERT_NOT_NULL(t, k[1]);
	exit_fs(k[1]);
	atomic_inc(&r.fs->users);
	k[1]->fs = r.fs;
	kthread_bind(k[1], 1 % num_online_cpus());
	wake_up_process(k[1]);
	msleep(RUN_MS);
	WRITE_ONCE(r.stop, true);
	KTEST_EXPECT_TRUE(t, ktest_wait_flag(&r.walker.done, 2000));
	KTEST_EXPECT_TRUE(t, ktest_wait_flag(&r.chdirer.done, 2000));
	kthread_stop(k[1]);
	kthread_stop(k[0]);
	ktest_figure(t, "chdirs", atomic_read(&r.chdirer.loops), "loops");
	ktest_figure(t, "walks", atomic_read(&r.walker.loops), "loops");
	KTEST_EXPECT_EQ(t, r.chdirer.result, 0);
	KTEST_EXPECT_EQ(t, r.walker.result, 0);
	KTEST_EXPECT_GT(t, atomic_read(&r.walker.loops), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(NULL, "/pw"), 0);
}

static struct ktest_case cred_cases[] = {
	KTEST_CASE(test_commit_creds_private),
	KTEST_CASE(test_task_cred_against_commit),
	KTEST_CASE(test_fs_struct_share_and_copy),
	KTEST_CASE(test_walk_against_chdir),
	{},
};

static struct ktest_suite cred_suite = { .name = "cred", .cases = cred_cases };
ktest_register_suite(cred_suite);
