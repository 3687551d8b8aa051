// SPDX-License-Identifier: GPL-2.0
/*
 * The stress suite (ktest=stress, run only when named): kernel threads on every CPU that, for
 * a set time, create and exit tasks, move a running task between CPUs, vmalloc and vfree,
 * rename and rmdir in one shared directory tree, and take page faults in address spaces of
 * their own, all at once, under lockdep. It passes when every worker made progress, none saw
 * a result that cannot happen, and no checker (lockdep, might_sleep, lock misuse, slab red
 * zones) reported anything. A deadlock shows as a run that never ends: vmrun's timeout.
 *
 * stress_ms= on the command line sets the time (make test: a few seconds; make stress: more).
 */
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/lockdep.h>
#include <kernel/mm.h>
#include <kernel/params.h>
#include <kernel/random.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/timer.h>
#include <kernel/vmalloc.h>
#include <uapi/mman.h>

#define STRESS_DEFAULT_MS 3000
#define STRESS_ROOT "/stress"

static unsigned long stress_ms = STRESS_DEFAULT_MS;
static unsigned long stress_kinds = ~0UL; /* a bit per enum stress_kind, to narrow a hunt */

static int parse_ulong(const char *val, unsigned long *out)
{
	unsigned long v = 0;

	for (const char *p = val; *p; p++) {
		if (*p < '0' || *p > '9' || v > 86400000UL)
			return -EINVAL;
		v = v * 10 + (*p - '0');
	}
	if (!v)
		return -EINVAL;
	*out = v;
	return 0;
}

static int set_stress_ms(const char *val)
{
	return parse_ulong(val, &stress_ms);
}
kernel_param("stress_ms", set_stress_ms);

static int set_stress_kinds(const char *val)
{
	return parse_ulong(val, &stress_kinds);
}
kernel_param("stress_kinds", set_stress_kinds);

enum stress_kind {
	STRESS_TASKS,
	STRESS_MIGRATE,
	STRESS_VMALLOC,
	STRESS_FS,
	STRESS_FAULT,
	NR_STRESS_KINDS
};

static const char *const kind_names[NR_STRESS_KINDS] = {
	"tasks", "migrate", "vmalloc", "fs", "fault",
};

struct stress_worker {
	enum stress_kind kind;
	int cpu;
	u64 deadline; /* ktime_get_ns() at which to stop */
	unsigned long iterations;
	unsigned long errors; /* results that cannot happen */
	char first_error[80];
	struct task_struct *task;
};

static void worker_error(struct stress_worker *w, const char *what, long value)
{
	if (!w->errors++)
		snprintf(w->first_error, sizeof(w->first_error), "%s: %ld", what, value);
}

static bool keep_going(struct stress_worker *w)
{
	return ktime_get_ns() < w->deadline && !kthread_should_stop();
}

/* Tasks: short-lived threads that exit at once, on this CPU and the others. */
static int quick_exit(void *data)
{
	return 0;
}

static void stress_tasks(struct stress_worker *w)
{
	struct task_struct *p = kthread_create(quick_exit, NULL, "stress-q");

	if (!p) {
		worker_error(w, "kthread_create", -ENOMEM);
		return;
	}
	kthread_bind(p, get_random_u32() % num_online_cpus());
	wake_up_process(p);
	put_task_struct(p); /* never stopped: it frees itself when it is done */
	if (get_random_u32() % 4 == 0)
		yield();
}

/* Migration: a thread that sleeps and wakes while it is pushed from CPU to CPU. */
static int sleepy_victim(void *data)
{
	while (!kthread_should_stop()) {
		if (get_random_u32() & 1)
			msleep(1);
		else
			yield();
	}
	return 0;
}

static void stress_migrate(struct stress_worker *w, struct task_struct *victim)
{
	int cpu = get_random_u32() % num_online_cpus();
	int err = set_cpus_allowed(victim, cpumask_of(cpu));

	if (err)
		worker_error(w, "set_cpus_allowed(victim)", err);
	/* And the worker itself, while running. */
	err = set_cpus_allowed(current, cpumask_of(get_random_u32() % num_online_cpus()));
	if (err)
		worker_error(w, "set_cpus_allowed(self)", err);
}

/* vmalloc: areas of random sizes, each filled and checked before it is given back. */
static void stress_vmalloc(struct stress_worker *w)
{
	size_t size = (1 + get_random_u32() % 16) * PAGE_SIZE - get_random_u32() % 64;
	u8 pattern = (u8)(w->iterations * 7 + w->cpu);
	u8 *p = vmalloc(size);

	if (!p) {
		worker_error(w, "vmalloc", size);
		return;
	}
	memset(p, pattern, size);
	if (get_random_u32() % 8 == 0)
		msleep(1);
	for (size_t i = 0; i < size; i += 509)
		if (p[i] != pattern) {
			worker_error(w, "vmalloc area changed under its owner", i);
			break;
		}
	vfree(p);
}

/*
 * The file system: every worker renames into and out of a/b while the others remove and
 * recreate a/b, create and unlink files: the rename/rmdir lock-order pattern. Only the errors
 * the races make possible are allowed.
 */
static bool fs_result_ok(int err)
{
	return !err || err == -ENOENT || err == -EEXIST || err == -ENOTEMPTY || err == -EBUSY;
}

static void stress_fs(struct stress_worker *w)
{
	char x[48], y[48], f[48];
	struct file *file;
	int err;

	snprintf(x, sizeof(x), STRESS_ROOT "/a/x%d", w->cpu);
	snprintf(y, sizeof(y), STRESS_ROOT "/a/b/y%d", w->cpu);
	snprintf(f, sizeof(f), STRESS_ROOT "/a/f%d", w->cpu);

	err = do_mkdirat(NULL, STRESS_ROOT "/a/b", 0755);
	if (!fs_result_ok(err))
		worker_error(w, "mkdir a/b", err);
	err = do_mkdirat(NULL, x, 0755);
	if (!fs_result_ok(err))
		worker_error(w, "mkdir a/x", err);
	err = do_renameat2(NULL, x, NULL, y, 0);
	if (!fs_result_ok(err))
		worker_error(w, "rename a/x a/b/y", err);
	err = do_renameat2(NULL, y, NULL, x, 0);
	if (!fs_result_ok(err))
		worker_error(w, "rename a/b/y a/x", err);
	err = do_rmdirat(NULL, STRESS_ROOT "/a/b");
	if (!fs_result_ok(err))
		worker_error(w, "rmdir a/b", err);
	file = filp_open(f, O_CREAT | O_WRONLY, 0644);
	if (IS_ERR(file))
		worker_error(w, "create a/f", PTR_ERR(file));
	else
		filp_close(file);
	err = do_unlinkat(NULL, f);
	if (!fs_result_ok(err))
		worker_error(w, "unlink a/f", err);
}

/* Faults: demand-zero and copy-on-write faults in an address space of the worker's own. */
static void stress_fault(struct stress_worker *w, struct mm_struct *mm)
{
	const unsigned long pages = 1 + get_random_u32() % 32;
	long addr = do_mmap(mm, 0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS);
	struct mm_struct *child;
	u8 v;

	if (addr < 0) {
		worker_error(w, "mmap", addr);
		return;
	}
	for (unsigned long i = 0; i < pages; i++)
		if (put_user((u8)i, (u8 __user *)(addr + i * PAGE_SIZE)))
			worker_error(w, "demand-zero write fault", i);
	child = dup_mm(mm);
	if (!child) {
		worker_error(w, "dup_mm", -ENOMEM);
	} else {
		for (unsigned long i = 0; i < pages; i++)
			if (put_user((u8)~i, (u8 __user *)(addr + i * PAGE_SIZE)))
				worker_error(w, "COW write fault", i);
		mmput(child);
	}
	for (unsigned long i = 0; i < pages; i++)
		if (get_user(v, (const u8 __user *)(addr + i * PAGE_SIZE)) || v != (u8)~i)
			worker_error(w, "read back", i);
	if (do_munmap(mm, addr, pages * PAGE_SIZE))
		worker_error(w, "munmap", addr);
}

static int stress_worker_fn(void *data)
{
	struct stress_worker *w = data;
	struct task_struct *victim = NULL;
	struct mm_struct *mm = NULL;

	if (w->kind == STRESS_MIGRATE) {
		victim = kthread_run(sleepy_victim, NULL, "stress-victim");
		if (!victim)
			worker_error(w, "kthread_run(victim)", -ENOMEM);
	}
	if (w->kind == STRESS_FAULT) {
		mm = mm_alloc();
		if (!mm)
			worker_error(w, "mm_alloc", -ENOMEM);
		else
			switch_mm(mm);
	}
	while (keep_going(w) && !w->errors && (stress_kinds & (1UL << w->kind))) {
		switch (w->kind) {
		case STRESS_TASKS:
			stress_tasks(w);
			break;
		case STRESS_MIGRATE:
			if (victim)
				stress_migrate(w, victim);
			break;
		case STRESS_VMALLOC:
			stress_vmalloc(w);
			break;
		case STRESS_FS:
			stress_fs(w);
			break;
		case STRESS_FAULT:
			if (mm)
				stress_fault(w, mm);
			break;
		case NR_STRESS_KINDS:
			break;
		}
		w->iterations++;
	}
	if (victim)
		kthread_stop(victim);
	if (mm) {
		switch_mm(NULL);
		mmput(mm);
	}
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

struct checker_counts {
	unsigned long lockdep, might_sleep, misuse, slab;
};

static void read_checkers(struct checker_counts *c)
{
	c->lockdep = lockdep_reports();
	c->might_sleep = might_sleep_reports();
	c->misuse = lock_misuse_reports();
	c->slab = slab_debug_reports();
}

/* Removes what the fs workers may have left: files, then the directories, deepest first. */
static void clean_tree(void)
{
	char name[48];

	for (int cpu = 0; cpu < NR_CPUS; cpu++) {
		snprintf(name, sizeof(name), STRESS_ROOT "/a/b/y%d", cpu);
		do_rmdirat(NULL, name);
		snprintf(name, sizeof(name), STRESS_ROOT "/a/x%d", cpu);
		do_rmdirat(NULL, name);
		snprintf(name, sizeof(name), STRESS_ROOT "/a/f%d", cpu);
		do_unlinkat(NULL, name);
	}
	do_rmdirat(NULL, STRESS_ROOT "/a/b");
	do_rmdirat(NULL, STRESS_ROOT "/a");
	do_rmdirat(NULL, STRESS_ROOT);
}

static void test_everything_at_once(struct ktest *t)
{
	int ncpus = num_online_cpus(), n = ncpus * NR_STRESS_KINDS;
	struct stress_worker *workers = kcalloc(n, sizeof(*workers), GFP_KERNEL);
	u64 deadline = ktime_get_ns() + stress_ms * 1000000ULL;
	struct checker_counts before, after;
	unsigned long total[NR_STRESS_KINDS] = { 0 };

	KTEST_ASSERT_NOT_NULL(t, workers);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, STRESS_ROOT, 0755), 0);
	KTEST_ASSERT_EQ(t, do_mkdirat(NULL, STRESS_ROOT "/a", 0755), 0);
	read_checkers(&before);
	ktest_log(t, "%d workers on %d CPUs for %lu ms", n, ncpus, stress_ms);

	for (int i = 0; i < n; i++) {
		struct stress_worker *w = &workers[i];

		w->kind = i % NR_STRESS_KINDS;
		w->cpu = i / NR_STRESS_KINDS;
		w->deadline = deadline;
		w->task = kthread_create(stress_worker_fn, w, "stress");
		KTEST_ASSERT_NOT_NULL(t, w->task);
		kthread_bind(w->task, w->cpu);
		if (w->kind != STRESS_MIGRATE)
			set_cpus_allowed(w->task, CPU_MASK_ALL); /* free to be balanced */
		wake_up_process(w->task);
	}
	while (ktime_get_ns() < deadline)
		msleep(50);
	for (int i = 0; i < n; i++)
		kthread_stop(workers[i].task);

	for (int i = 0; i < n; i++) {
		struct stress_worker *w = &workers[i];

		total[w->kind] += w->iterations;
		if (w->errors)
			ktest_fail(t, __FILE__, __LINE__, "%s worker %d: %lu errors, first %s",
				   kind_names[w->kind], w->cpu, w->errors, w->first_error);
	}
	for (int k = 0; k < NR_STRESS_KINDS; k++) {
		ktest_log(t, "%s: %lu iterations", kind_names[k], total[k]);
		if (stress_kinds & (1UL << k))
			KTEST_EXPECT_GT(t, total[k], 0);
	}
	read_checkers(&after);
	KTEST_EXPECT_EQ(t, after.lockdep, before.lockdep);
	KTEST_EXPECT_EQ(t, after.might_sleep, before.might_sleep);
	KTEST_EXPECT_EQ(t, after.misuse, before.misuse);
	KTEST_EXPECT_EQ(t, after.slab, before.slab);
	clean_tree();
	kfree(workers);
}

static struct ktest_case stress_cases[] = {
	KTEST_CASE(test_everything_at_once),
	{},
};

static struct ktest_suite stress_suite = {
	.name = "stress",
	.cases = stress_cases,
	.explicit_only = true, /* its own boot in make test, longer in make stress */
};
ktest_register_suite(stress_suite);
