// SPDX-License-Identifier: GPL-2.0
/* procfs: what its files say, in Linux's formats, and task directories that come and go. */
#include <kernel/cred.h>
#include <kernel/fs.h>
#include <kernel/gfp.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <kernel/tty.h>
#include <kernel/proc_fs.h>
#include <kernel/sched.h>
#include <kernel/strace.h>
#include <kernel/wait.h>
#include "fs_util.h"

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
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\ndevtmpfs /dev tmpfs rw,relatime 0 0\n"));
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nproc /proc proc rw,relatime 0 0\n"));
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
	snprintf(want, sizeof(want), "Name:\t%s\nUmask:\t", current->comm);
	KTEST_EXPECT_EQ(t, strncmp(s, want, strlen(want)), 0);
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nState:\tR (running)\n"));
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nKthread:\t1\n"));
	KTEST_EXPECT_NULL(t, strstr(s, "\nVmSize:")); /* no address space: no Vm lines */
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nSigBlk:\t0000000000000000\n"));
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

static int wait_go(void *data);

/* /proc/PID/stat's field n (1-based), counted past the comm's closing parenthesis. */
static long stat_field(const char *s, int n)
{
	const char *p = strrchr(s, ')');
	long v = 0;
	bool neg;

	if (!p || n < 3)
		return -9999;
	p += 2;
	for (int i = 3; i < n; i++) {
		p = strchr(p, ' ');
		if (!p)
			return -9999;
		p++;
	}
	neg = *p == '-';
	for (p += neg; *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (*p - '0');
	return neg ? -v : v;
}

static int count_fields(const char *s)
{
	int n = 1;

	for (s = strrchr(s, ')'); s && *s && *s != '\n'; s++)
		n += *s == ' ';
	return n + 1; /* pid and comm before the parenthesis */
}

/* stat's tty_nr and tpgid: the session's terminal (if the test's task has one), its group. */
static void expect_tty_fields(struct ktest *t, const char *s)
{
	struct tty_struct *tty;
	long tty_nr = 0, tpgid = -1;
	unsigned long flags;

	spin_lock_irqsave(&family_lock, flags);
	tty = current->signal->tty;
	if (tty) {
		long minor = tty->driver->minor_start + tty->index;

		tty_nr = (minor & 0xff) | (tty->driver->major << 8) | ((minor & ~0xffL) << 12);
		tpgid = tty->pgrp ? tty->pgrp : -1;
	}
	spin_unlock_irqrestore(&family_lock, flags);
	KTEST_EXPECT_EQ(t, stat_field(s, 7), tty_nr);
	KTEST_EXPECT_EQ(t, stat_field(s, 8), tpgid);
}

static void test_stat_fields(struct ktest *t)
{
	long len;
	char *s = slurp("/proc/self/stat", &len);

	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_EXPECT_EQ(t, count_fields(s), 52);
	expect_tty_fields(t, s);
	KTEST_EXPECT_EQ(t, stat_field(s, 9), 0x00200000); /* PF_KTHREAD */
	KTEST_EXPECT_EQ(t, stat_field(s, 19), current->nice);
	KTEST_EXPECT_EQ(t, stat_field(s, 20), 1); /* num_threads */
	KTEST_EXPECT_EQ(t, stat_field(s, 22), (long)nsec_to_clock_t(current->start_time));
	KTEST_EXPECT_EQ(t, stat_field(s, 39), (long)smp_processor_id());
	kfree(s);
}

static volatile bool burn_stop;

static int burn(void *data)
{
	while (!READ_ONCE(burn_stop))
		cpu_relax();
	return 0;
}

/* A kernel thread's run time is all system time, and utime + stime is its exact run time. */
static void test_task_cputime(struct ktest *t)
{
	struct task_struct *p;
	u64 ut, st, ut2, st2;

	burn_stop = false;
	p = kthread_run(burn, NULL, "ktest-burn");
	KTEST_ASSERT_NOT_NULL(t, p);
	get_task_struct(p);
	msleep(60);
	task_cputime(p, &ut, &st);
	KTEST_EXPECT_EQ(t, ut, 0);
	KTEST_EXPECT_GT(t, st, 0);
	WRITE_ONCE(burn_stop, true);
	kthread_stop(p);
	/*
	 * kthread_stop returns once p has said it exits, while p may still be on another CPU
	 * on its way out, its clock running: compare only once it has left the CPU for good.
	 */
	for (int i = 0; i < 1000 && READ_ONCE(p->on_cpu); i++)
		msleep(1);
	task_cputime(p, &ut2, &st2);
	KTEST_EXPECT_GE(t, st2, st);
	KTEST_EXPECT_EQ(t, ut2 + st2, p->sum_exec_runtime);
	put_task_struct(p);
}

/* Each CPU's times add up to the time that passed: nothing is counted twice or lost. */
static void test_cpu_times(struct ktest *t)
{
	u64 a[NR_STATS], b[NR_STATS], sa = 0, sb = 0, t0, ticks;
	int cpu = smp_processor_id();

	t0 = ktime_get_ns();
	cpu_times(cpu, a);
	msleep(200);
	cpu_times(cpu, b);
	/* What passed, measured: a loaded host makes the sleep last longer than asked. */
	ticks = (ktime_get_ns() - t0) / (NSEC_PER_SEC / USER_HZ);
	for (int i = 0; i < NR_STATS; i++) {
		KTEST_EXPECT_GE(t, b[i], a[i]);
		sa += a[i];
		sb += b[i];
	}
	/* Every tick that passed is in some field (each rounds down: one each in flight). */
	KTEST_EXPECT_GE(t, sb - sa + 3, ticks);
	KTEST_EXPECT_LE(t, sb - sa, ticks + 3);
	KTEST_EXPECT_GT(t, b[CPUTIME_IDLE], a[CPUTIME_IDLE]); /* we slept: this CPU idled */
}

static int sleep_d(void *data)
{
	wait_for_completion(data); /* TASK_UNINTERRUPTIBLE */
	return 0;
}

/* An uninterruptible sleeper counts in the load average until it wakes. */
static void test_loadavg(struct ktest *t)
{
	struct completion go;
	struct task_struct *p;
	unsigned long before = nr_uninterruptible();
	long len;
	char *s;
	int i;

	init_completion(&go);
	p = kthread_run(sleep_d, &go, "ktest-dsleep");
	KTEST_ASSERT_NOT_NULL(t, p);
	get_task_struct(p);
	for (i = 0; i < 1000 && !READ_ONCE(p->sched_contributes_to_load); i++)
		msleep(1);
	KTEST_EXPECT_TRUE(t, READ_ONCE(p->sched_contributes_to_load));
	KTEST_EXPECT_GE(t, nr_uninterruptible(), 1);
	complete(&go);
	kthread_stop(p);
	KTEST_EXPECT_FALSE(t, READ_ONCE(p->sched_contributes_to_load));
	KTEST_EXPECT_LE(t, nr_uninterruptible(), before + 1);
	put_task_struct(p);
	KTEST_EXPECT_GE(t, nr_running(), 1); /* this test runs */

	s = slurp("/proc/loadavg", &len);
	KTEST_ASSERT_NOT_NULL(t, s);
	/* "0.00 0.00 0.00 1/57 123\n" */
	KTEST_EXPECT_EQ(t, s[1], '.');
	KTEST_EXPECT_EQ(t, s[4], ' ');
	KTEST_EXPECT_NOT_NULL(t, strchr(s, '/'));
	KTEST_EXPECT_EQ(t, s[len - 1], '\n');
	kfree(s);
}

static void test_stat_file(struct ktest *t)
{
	long len;
	char *s = slurp("/proc/stat", &len), *p;
	int cpus = 0, fields = 0;

	KTEST_ASSERT_NOT_NULL(t, s);
	KTEST_EXPECT_EQ(t, strncmp(s, "cpu  ", 5), 0);
	for (p = s; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		cpus += !strncmp(p, "cpu", 3) && p[3] >= '0' && p[3] <= '9';
	KTEST_EXPECT_EQ(t, cpus, (int)num_online_cpus());
	for (p = s; *p != '\n'; p++)
		fields += *p == ' ';
	KTEST_EXPECT_EQ(t, fields, 11); /* "cpu" and two spaces, then ten numbers */
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nintr "));
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nctxt "));
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nbtime "));
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nprocesses "));
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nprocs_running "));
	KTEST_EXPECT_NOT_NULL(t, strstr(s, "\nprocs_blocked 0\nsoftirq "));
	kfree(s);
}

/* The strace knob: reads 0 or 1, takes 0 or 1, refuses anything else. */
static void test_strace_knob(struct ktest *t)
{
	char buf[8];
	long n;

	KTEST_EXPECT_EQ(t, ktest_read_file("/proc/self/strace", buf, sizeof(buf)), 2);
	KTEST_EXPECT_STREQ(t, buf, "0\n");
	KTEST_EXPECT_EQ(t, ktest_write_file("/proc/self/strace", "1\n", 0), 0);
	KTEST_EXPECT_TRUE(t, test_tsk_thread_flag(current, TIF_SYSCALL_TRACE));
	n = ktest_read_file("/proc/self/strace", buf, sizeof(buf));
	KTEST_EXPECT_EQ(t, n, 2);
	KTEST_EXPECT_STREQ(t, buf, "1\n");
	KTEST_EXPECT_NE(t, ktest_write_file("/proc/self/strace", "2", 0), 0);
	KTEST_EXPECT_NE(t, ktest_write_file("/proc/self/strace", "10", 0), 0);
	KTEST_EXPECT_EQ(t, ktest_write_file("/proc/self/strace", "0", 0), 0);
	KTEST_EXPECT_FALSE(t, test_tsk_thread_flag(current, TIF_SYSCALL_TRACE));
}

/* comm: the task's own thread group may rename it; the name is cut at 15 bytes. */
static void test_comm(struct ktest *t)
{
	char old[TASK_COMM_LEN], buf[32];

	memcpy(old, current->comm, sizeof(old));
	KTEST_EXPECT_EQ(t, ktest_write_file("/proc/self/comm", "a-rather-long-name", 0), 0);
	KTEST_EXPECT_EQ(t, ktest_read_file("/proc/self/comm", buf, sizeof(buf)), 16);
	KTEST_EXPECT_STREQ(t, buf, "a-rather-long-n\n");
	KTEST_EXPECT_STREQ(t, current->comm, "a-rather-long-n");
	memcpy(current->comm, old, sizeof(old));
}

/* Another process's comm cannot be written: EINVAL, as Linux says. */
static void test_comm_of_another(struct ktest *t)
{
	struct completion go;
	struct task_struct *p;
	char path[32];

	init_completion(&go);
	p = kthread_run(wait_go, &go, "ktest-comm");
	KTEST_ASSERT_NOT_NULL(t, p);
	snprintf(path, sizeof(path), "/proc/%d/comm", p->pid);
	KTEST_EXPECT_EQ(t, ktest_write_file(path, "x", 0), -EINVAL);
	KTEST_EXPECT_STREQ(t, p->comm, "ktest-comm");
	complete(&go);
	kthread_stop(p);
}

/* task/ lists the thread, the links name the root, and d_path marks a removed file. */
static void test_task_dir_and_links(struct ktest *t)
{
	char path[48], link[64], *buf, *p;
	struct file *f;
	struct kstat st;
	long n;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", current->pid);
	KTEST_EXPECT_EQ(t, do_statat(NULL, path, &st, 0), 0);
	snprintf(path, sizeof(path), "/proc/self/task/%d", current->pid + 100000);
	KTEST_EXPECT_EQ(t, do_statat(NULL, path, &st, 0), -ENOENT);
	n = do_readlinkat(NULL, "/proc/self/root", link, sizeof(link) - 1);
	KTEST_ASSERT_GT(t, n, 0);
	link[n] = '\0';
	KTEST_EXPECT_STREQ(t, link, "/");
	n = do_readlinkat(NULL, "/proc/thread-self", link, sizeof(link) - 1);
	KTEST_ASSERT_GT(t, n, 0);
	link[n] = '\0';
	snprintf(path, sizeof(path), "%d/task/%d", current->tgid, current->pid);
	KTEST_EXPECT_STREQ(t, link, path);

	KTEST_ASSERT_EQ(t, ktest_write_file("/tmp/ktest-dpath", "x", 0), 0);
	f = filp_open("/tmp/ktest-dpath", O_RDONLY, 0);
	KTEST_ASSERT_TRUE(t, !IS_ERR(f));
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, buf);
	p = d_path(&f->f_path, buf, PATH_MAX);
	KTEST_EXPECT_STREQ(t, IS_ERR(p) ? "" : p, "/tmp/ktest-dpath");
	KTEST_EXPECT_EQ(t, do_unlinkat(NULL, "/tmp/ktest-dpath"), 0);
	p = d_path(&f->f_path, buf, PATH_MAX);
	KTEST_EXPECT_STREQ(t, IS_ERR(p) ? "" : p, "/tmp/ktest-dpath (deleted)");
	p = d_path(&f->f_path, buf, 8);
	KTEST_EXPECT_EQ(t, PTR_ERR(p), -ENAMETOOLONG);
	kfree(buf);
	fput(f);
}

/* What a user (uid 1000) gets from root's task (pid): environ, fd/, stat. */
struct perm_probe {
	int pid;
	long environ, fd_dir, stat;
};

static int probe_as_user(void *data)
{
	struct perm_probe *r = data;
	struct cred *user = prepare_creds();
	char path[48];
	struct file *f;
	char *s;

	if (!user)
		return -ENOMEM;
	user->uid = user->euid = user->fsuid = 1000;
	user->gid = user->egid = user->fsgid = 1000;
	commit_creds(user);
	snprintf(path, sizeof(path), "/proc/%d/environ", r->pid);
	kfree(slurp(path, &r->environ));
	snprintf(path, sizeof(path), "/proc/%d/fd", r->pid);
	f = filp_open(path, O_RDONLY | O_DIRECTORY, 0);
	r->fd_dir = IS_ERR(f) ? PTR_ERR(f) : 0;
	if (!IS_ERR(f))
		fput(f);
	snprintf(path, sizeof(path), "/proc/%d/stat", r->pid);
	s = slurp(path, &r->stat);
	kfree(s);
	return 0;
}

/* Another user's environ and fd/ are closed (EACCES, as Linux); its stat is not; root
 * reads them all. */
static void test_permissions(struct ktest *t)
{
	struct perm_probe r = { .pid = current->pid };
	struct task_struct *p;
	char path[48];
	long len;

	p = kthread_run(probe_as_user, &r, "ktest-perm");
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_EQ(t, kthread_stop(p), 0);
	KTEST_EXPECT_EQ(t, r.environ, -EACCES);
	KTEST_EXPECT_EQ(t, r.fd_dir, -EACCES);
	KTEST_EXPECT_GT(t, r.stat, 0);
	snprintf(path, sizeof(path), "/proc/%d/environ", current->pid);
	kfree(slurp(path, &len));
	KTEST_EXPECT_EQ(t, len, 0); /* root (we) reads it: empty for a kernel thread */
}

static struct ktest_case proc_cases[] = {
	KTEST_CASE(test_permissions),
	KTEST_CASE(test_stat_fields),
	KTEST_CASE(test_task_cputime),
	KTEST_CASE(test_cpu_times),
	KTEST_CASE(test_loadavg),
	KTEST_CASE(test_stat_file),
	KTEST_CASE(test_strace_knob),
	KTEST_CASE(test_comm),
	KTEST_CASE(test_comm_of_another),
	KTEST_CASE(test_task_dir_and_links),
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
