// SPDX-License-Identifier: GPL-2.0
/*
 * The in-kernel test runner: picks the suites that ktest= names, runs their cases in order
 * and prints KTAP version 1 (the format KUnit uses) straight to the consoles, whatever the
 * log level, so the host can parse it. The run ends QEMU with a pass or fail status.
 */
#include <asm/pgtable.h>
#include <asm/qemu.h>
#include <kernel/console.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/params.h>
#include <kernel/gfp.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/sprintf.h>
#include <kernel/string.h>
#include <kernel/timer.h>
#include <kernel/vmalloc.h>

#define KTEST_FILTER_MAX 256

extern const struct ktest_suite *const __start_ktest_suites[], *const __stop_ktest_suites[];

static char ktest_filter[KTEST_FILTER_MAX];

static int set_ktest(const char *val)
{
	if (!val || !*val)
		return -EINVAL;
	return strscpy(ktest_filter, val, sizeof(ktest_filter)) < 0 ? -E2BIG : 0;
}
kernel_param("ktest", set_ktest);

static __printf(1, 2) void ktap(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write_all(buf, n);
}

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	t->failed = true;
	va_start(ap, fmt);
	vscnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ktap("    # %s: %s:%d: %s\n", t->name, file, line, msg);
}

void ktest_figure(struct ktest *t, const char *name, long long value, const char *unit)
{
	ktap("    # figure: %s.%s %lld %s\n", t->name, name, value, unit);
}

void ktest_skip(struct ktest *t, const char *reason)
{
	t->skipped = true;
	strscpy(t->skip_reason, reason, sizeof(t->skip_reason));
}

void ktest_log(struct ktest *t, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ktap("    # %s: %s\n", t->name, msg);
}

/* Is name one of the comma-separated words of the filter? */
static bool filter_names(const char *name)
{
	size_t len = strlen(name);

	for (const char *p = ktest_filter; *p;) {
		const char *comma = strchr(p, ',');
		size_t word = comma ? (size_t)(comma - p) : strlen(p);

		if (word == len && !strncmp(p, name, len))
			return true;
		if (!comma)
			break;
		p = comma + 1;
	}
	return false;
}

static bool suite_selected(const struct ktest_suite *s)
{
	if (!strcmp(ktest_filter, "all"))
		return !s->explicit_only;
	return filter_names(s->name);
}

/*
 * What a suite must give back. Kernel page tables are made once per area and kept, so the
 * frames they took count as spent, not leaked; empty slabs are returned before counting.
 */
struct mem_snapshot {
	unsigned long tasks, files, dentries, inodes, pagecache;
	unsigned long frames, slab_objects, pgtables, vmalloc_areas;
};

#define LEAK_SETTLE_MS 1000

static void take_snapshot(struct mem_snapshot *s)
{
	s->tasks = nr_tasks();
	shrink_dcache_all();
	s->files = nr_files();
	s->dentries = nr_dentries();
	s->inodes = nr_inodes();
	s->pagecache = nr_pagecache_pages();
	vmalloc_purge();
	kmem_cache_shrink_all();
	s->frames = nr_free_pages() + nr_kernel_pgtable_pages();
	s->slab_objects = slab_objects_in_use();
	s->pgtables = nr_pgtable_pages();
	s->vmalloc_areas = vmalloc_nr_areas();
}

/*
 * A stopped thread frees itself (its stack, a vmalloc area) when its CPU switches away from
 * it: soon, not at once. Waiting for that after each case keeps one case's dying threads
 * out of the next case's counts.
 */
static void settle_tasks(unsigned long tasks)
{
	for (int ms = 0; ms < LEAK_SETTLE_MS && nr_tasks() > tasks; ms++)
		msleep(1);
}

static bool check_leaks(const struct mem_snapshot *before)
{
	struct mem_snapshot after;
	bool ok;

	settle_tasks(before->tasks);
	take_snapshot(&after);
	ok = !memcmp(before, &after, sizeof(after));
	if (!ok)
		ktap("    # leak_check: tasks %lu -> %lu, files %lu -> %lu, dentries %lu -> %lu, "
		     "inodes %lu -> %lu, page cache %lu -> %lu\n"
		     "    # leak_check: free frames %lu -> %lu, slab objects %lu -> %lu, "
		     "page tables %lu -> %lu, vmalloc areas %lu -> %lu\n",
		     before->tasks, after.tasks, before->files, after.files, before->dentries,
		     after.dentries, before->inodes, after.inodes, before->pagecache,
		     after.pagecache, before->frames, after.frames, before->slab_objects,
		     after.slab_objects, before->pgtables, after.pgtables, before->vmalloc_areas,
		     after.vmalloc_areas);
	return ok;
}

static int count_cases(const struct ktest_suite *s)
{
	int n = 0;

	for (const struct ktest_case *c = s->cases; c->run; c++)
		n += !c->figures;
	return n;
}

int ktest_run_suite(const struct ktest_suite *suite, int number, int *passed, int *failed,
		    int *skipped)
{
	int n = count_cases(suite), nfail = 0, npass = 0, nskip = 0;
	struct mem_snapshot before;

	/* The last case of every suite is the leak check over the whole suite. */
	ktap("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", suite->name, n + 1);
	take_snapshot(&before);
	for (int i = 0, num = 0; suite->cases[i].run; i++) {
		const struct ktest_case *c = &suite->cases[i];
		struct ktest t = { .name = c->name };

		unsigned long tasks = nr_tasks();

		if (suite->init && suite->init(&t)) {
			ktest_fail(&t, __FILE__, __LINE__, "suite init failed");
		} else {
			c->run(&t);
			if (suite->exit)
				suite->exit(&t);
		}
		settle_tasks(tasks);
		if (c->figures) {
			/* Not in the plan: only a failure is reported as a result. */
			if (t.failed) {
				ktap("    not ok %d %s # figures case\n", n + 2 + i, c->name);
				nfail++;
			}
			continue;
		}
		num++;
		if (t.failed) {
			ktap("    not ok %d %s\n", num, c->name);
			nfail++;
		} else if (t.skipped) {
			ktap("    ok %d %s # SKIP %s\n", num, c->name, t.skip_reason);
			nskip++;
		} else {
			ktap("    ok %d %s\n", num, c->name);
			npass++;
		}
	}
	if (check_leaks(&before)) {
		ktap("    ok %d leak_check\n", n + 1);
		npass++;
	} else {
		ktap("    not ok %d leak_check\n", n + 1);
		nfail++;
	}
	ktap("    # %s: pass:%d fail:%d skip:%d total:%d\n", suite->name, npass, nfail, nskip,
	     n + 1);
	ktap("%s %d %s\n", nfail ? "not ok" : "ok", number, suite->name);
	*passed += npass;
	*failed += nfail;
	*skipped += nskip;
	return nfail;
}

void ktest_run_requested(void)
{
	const struct ktest_suite *const *s;
	int nsuites = 0, number = 0, passed = 0, failed = 0, skipped = 0;

	if (!ktest_filter[0])
		return;
	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		nsuites += suite_selected(*s);
	if (!nsuites)
		pr_warn("ktest: no suite matches \"%s\"\n", ktest_filter);

	ktap("KTAP version 1\n1..%d\n", nsuites);
	for (s = __start_ktest_suites; s < __stop_ktest_suites; s++)
		if (suite_selected(*s))
			ktest_run_suite(*s, ++number, &passed, &failed, &skipped);
	ktap("# Totals: pass:%d fail:%d skip:%d total:%d\n", passed, failed, skipped,
	     passed + failed + skipped);

	qemu_exit(failed || !nsuites ? QEMU_EXIT_FAILURE : QEMU_EXIT_SUCCESS);
	pr_notice("ktest: done; QEMU's isa-debug-exit device is absent, so the kernel stays up\n");
}
