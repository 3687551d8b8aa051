// SPDX-License-Identifier: GPL-2.0
/* procfs: what its files say, in Linux's formats, and task directories that come and go. */
#include <kernel/fs.h>
#include <kernel/gfp.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/timer.h>
#include <kernel/wait.h>

#define PROC_READ_MAX 16384

static char *slurp(const char *path, long *len)
{
	char *buf = kmalloc(PROC_READ_MAX, GFP_KERNEL);
	struct file *f = filp_open(path, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	*len = 0;
	if (IS_ERR(f)) {
		*len = PTR_ERR(f);
		kfree(buf);
		return NULL;
	}
	/* Small reads, as tools do: the contents must come out whole across them. */
	while (buf &&
	       (n = kernel_read(f, buf + *len, min(100L, PROC_READ_MAX - 1 - *len), &pos)) > 0)
		*len += n;
	fput(f);
	if (buf)
		buf[*len] = '\0';
	return buf;
}

static void test_meminfo(struct ktest *t)
{
	long len;
	char *s = slurp("/proc/meminfo", &len), want[64];

	KTEST_ASSERT_NOT_NULL(t, s);
	snprintf(want, sizeof(want), "MemTotal:       %8lu kB\n",
		 totalram_pages() << (PAGE_SHIFT - 10));
	KTEST_EXPECT_EQ(t, strncmp(s, want, strlen(want)), 0);
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nMemFree: "));
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nSwapTotal:             0 kB\n"));
	kfree(s);
}

static void test_uptime_mounts_version(struct ktest *t)
{
	long len;
	char *s = slurp("/proc/uptime", &len);
	unsigned long secs = 0;
	const char *p;

	KTEST_ASSERT_NOT_NULL(t, s);
	for (p = s; *p >= '0' && *p <= '9'; p++)
		secs = secs * 10 + (*p - '0');
	KTEST_EXPECT_EQ(t, *p, '.');
	KTEST_EXPECT_LT(t, secs, 3600);
	KTEST_EXPECT_EQ(t, s[len - 1], '\n');
	kfree(s);

	s = slurp("/proc/mounts", &len);
	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_EXPECT_EQ(t, strncmp(s, "rootfs / tmpfs rw 0 0\n", 22), 0);
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\ndevtmpfs /dev tmpfs rw 0 0\n"));
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nproc /proc proc rw 0 0\n"));
	kfree(s);

	s = slurp("/proc/version", &len);
	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_EXPECT_EQ(t, strncmp(s, "Mica version ", 13), 0);
	kfree(s);
}

static void test_interrupts_and_cpuinfo(struct ktest *t)
{
	long len;
	char *s = slurp("/proc/interrupts", &len);

	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_EXPECT_EQ(t, strncmp(s, "           CPU0       ", 22), 0);
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nLOC: "));
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "Local timer interrupts\n"));
	kfree(s);

	s = slurp("/proc/cpuinfo", &len);
	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_EXPECT_EQ(t, strncmp(s, "processor\t: 0\nvendor_id\t: ", 26), 0);
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nflags\t\t: fpu "));
	kfree(s);
}

static void test_self_and_pid_files(struct ktest *t)
{
	char link[16], want[48], path[48];
	long len;
	char *s;

	snprintf(want, sizeof(want), "%d", current->pid);
	len = do_readlinkat(NULL, "/proc/self", link, sizeof(link) - 1);
	KTEST_ASSERT_GT(t, len, 0);
	link[len] = '\0';
	KTEST_EXPECT_STREQ(t, link, want);

	s = slurp("/proc/self/stat", &len);
	KTEST_ASSERT_NOT_NULL(t, s);
	snprintf(want, sizeof(want), "%d (%s) R ", current->pid, current->comm);
	KTEST_EXPECT_EQ(t, strncmp(s, want, strlen(want)), 0);
	kfree(s);

	snprintf(path, sizeof(path), "/proc/%d/status", current->pid);
	s = slurp(path, &len);
	KTEST_ASSERT_NOT_NULL(t, s);
	snprintf(want, sizeof(want), "Name:\t%s\nState:\tR (running)\n", current->comm);
	KTEST_EXPECT_EQ(t, strncmp(s, want, strlen(want)), 0);
	kfree(s);

	s = slurp("/proc/self/cmdline", &len);
	KTEST_EXPECT_EQ(t, len, 0); /* a kernel thread has none */
	kfree(s);
	s = slurp("/proc/999999/stat", &len);
	KTEST_EXPECT_EQ(t, len, -ENOENT);
	kfree(s);
}

static int wait_go(void *data)
{
	wait_for_completion(data);
	return 0;
}

/* A task's directory exists while it does. */
static void test_pid_dir_follows_task(struct ktest *t)
{
	struct completion go;
	struct task_struct *p;
	char path[32];
	struct kstat st;

	init_completion(&go);
	p = kthread_run(wait_go, &go, "ktest-proc");
	KTEST_ASSERT_NOT_NULL(t, p);
	snprintf(path, sizeof(path), "/proc/%d/status", p->pid);
	KTEST_EXPECT_EQ(t, do_statat(NULL, path, &st, 0), 0);
	complete(&go);
	kthread_stop(p);
	for (int i = 0; i < 1000 && do_statat(NULL, path, &st, 0) == 0; i++)
		msleep(1);
	KTEST_EXPECT_EQ(t, do_statat(NULL, path, &st, 0), -ENOENT);
}

struct listing {
	struct dir_context ctx;
	bool meminfo, self, mypid;
	char mypid_name[16];
};

static bool note(struct dir_context *ctx, const char *name, int len, loff_t pos, u64 ino,
		 unsigned int type)
{
	struct listing *l = container_of(ctx, struct listing, ctx);

	l->meminfo |= len == 7 && !memcmp(name, "meminfo", 7);
	l->self |= len == 4 && !memcmp(name, "self", 4) && type == DT_LNK;
	l->mypid |= len == (int)strlen(l->mypid_name) && !memcmp(name, l->mypid_name, len);
	return true;
}

static void test_readdir(struct ktest *t)
{
	struct listing l = { .ctx.actor = note };
	struct file *dir = filp_open("/proc", O_RDONLY | O_DIRECTORY, 0);

	KTEST_ASSERT_TRUE(t, !IS_ERR(dir));
	snprintf(l.mypid_name, sizeof(l.mypid_name), "%d", current->pid);
	KTEST_EXPECT_EQ(t, vfs_readdir(dir, &l.ctx), 0);
	fput(dir);
	KTEST_EXPECT_TRUE(t, l.meminfo);
	KTEST_EXPECT_TRUE(t, l.self);
	KTEST_EXPECT_TRUE(t, l.mypid);
}

static struct ktest_case proc_cases[] = {
	KTEST_CASE(test_meminfo),
	KTEST_CASE(test_uptime_mounts_version),
	KTEST_CASE(test_interrupts_and_cpuinfo),
	KTEST_CASE(test_self_and_pid_files),
	KTEST_CASE(test_pid_dir_follows_task),
	KTEST_CASE(test_readdir),
	{},
};

static struct ktest_suite proc_suite = { .name = "proc", .cases = proc_cases };
ktest_register_suite(proc_suite);
