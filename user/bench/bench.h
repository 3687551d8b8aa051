/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the benchmark program's parts share: the clock, the rounds and their statistics, the
 * output records of docs/bench.md, errno names, CPU placement and helper processes. One
 * program includes it (user/bench/bench.c); it is a header so that bench.mk builds every
 * user/bench/NAME.c as one program with nothing else to link.
 */
#ifndef BENCH_H
#define BENCH_H

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* bench.mk's musl rule says "musl"; our libc's build says nothing. */
#ifndef BENCH_LIBC
#define BENCH_LIBC "mica"
#endif

typedef unsigned long long u64;

#define BENCH_MAX_ROUNDS 15

static int bench_tsc = 1; /* --clock=tsc (the default) or ns */

static inline u64 bench_rdtsc(void)
{
	unsigned int lo, hi;

	/* lfence: every earlier instruction has finished before the counter is read */
	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi)::"memory");
	return ((u64)hi << 32) | lo;
}

static inline u64 bench_now(void)
{
	struct timespec ts;

	if (bench_tsc)
		return bench_rdtsc();
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000000000ULL + (u64)ts.tv_nsec;
}

/*
 * One record being measured. An operation runs its rounds with bench_for_each_round(): a
 * warm-up round of fewer iterations first (its figure is dropped: it pays for first touches
 * of code, stack and caches), then `rounds` rounds of `iters` iterations; `n` is the
 * iteration count of the current round. bench_sample() takes a round's ticks and the number
 * of operations they covered.
 */
struct rec {
	const char *op, *variant;
	long param; /* the x of a scaling series; < 0: none */
	long iters; /* iterations of a measured round */
	int rounds;
	int warmup; /* 0 under --smoke */
	int round; /* the current round; -1 is the warm-up */
	long n; /* iterations of the current round */
	long units; /* operations a measured round covers (reported as "iters") */
	int nsamples;
	double sample[BENCH_MAX_ROUNDS];
	const char *reason; /* why the record is a skip */
	char reason_buf[48];
};

static inline void bench_round_set(struct rec *r)
{
	r->n = r->round < 0 ? (r->iters >= 8 ? r->iters / 8 : 1) : r->iters;
}

#define bench_for_each_round(r)                                                               \
	for ((r)->round = (r)->warmup ? -1 : 0, bench_round_set(r); (r)->round < (r)->rounds; \
	     (r)->round++, bench_round_set(r))

static inline void bench_sample(struct rec *r, u64 ticks, long units)
{
	if (r->round < 0 || r->nsamples >= BENCH_MAX_ROUNDS || units <= 0)
		return;
	r->sample[r->nsamples++] = (double)ticks / (double)units;
	r->units = units;
}

static const struct {
	int err;
	const char *name;
} bench_errnos[] = {
	{ EPERM, "EPERM" },
	{ ENOENT, "ENOENT" },
	{ ESRCH, "ESRCH" },
	{ EINTR, "EINTR" },
	{ EIO, "EIO" },
	{ E2BIG, "E2BIG" },
	{ ENOEXEC, "ENOEXEC" },
	{ EBADF, "EBADF" },
	{ ECHILD, "ECHILD" },
	{ EAGAIN, "EAGAIN" },
	{ ENOMEM, "ENOMEM" },
	{ EACCES, "EACCES" },
	{ EFAULT, "EFAULT" },
	{ EBUSY, "EBUSY" },
	{ EEXIST, "EEXIST" },
	{ EXDEV, "EXDEV" },
	{ ENOTDIR, "ENOTDIR" },
	{ EISDIR, "EISDIR" },
	{ EINVAL, "EINVAL" },
	{ ENFILE, "ENFILE" },
	{ EMFILE, "EMFILE" },
	{ ENOTTY, "ENOTTY" },
	{ EFBIG, "EFBIG" },
	{ ENOSPC, "ENOSPC" },
	{ ESPIPE, "ESPIPE" },
	{ EROFS, "EROFS" },
	{ EPIPE, "EPIPE" },
	{ ERANGE, "ERANGE" },
	{ EDEADLK, "EDEADLK" },
	{ ENAMETOOLONG, "ENAMETOOLONG" },
	{ ENOSYS, "ENOSYS" },
	{ ENOTEMPTY, "ENOTEMPTY" },
	{ ELOOP, "ELOOP" },
	{ EOVERFLOW, "EOVERFLOW" },
	{ EOPNOTSUPP, "EOPNOTSUPP" },
	{ ETIMEDOUT, "ETIMEDOUT" },
	{ ECONNREFUSED, "ECONNREFUSED" },
};

static inline const char *bench_errname(int err, char *buf, size_t size)
{
	for (size_t i = 0; i < sizeof(bench_errnos) / sizeof(bench_errnos[0]); i++)
		if (bench_errnos[i].err == err)
			return bench_errnos[i].name;
	snprintf(buf, size, "E%d", err);
	return buf;
}

/* A failed call: the record becomes a skip naming the errno. Returns -1 for `return`. */
static inline int bench_fail_errno(struct rec *r, int err)
{
	r->reason = bench_errname(err, r->reason_buf, sizeof(r->reason_buf));
	return -1;
}

/* A wrong result (data, count, status): the record becomes a skip saying which check. */
static inline int bench_fail(struct rec *r, const char *why)
{
	r->reason = why;
	return -1;
}

/* A JSON string: quotes, backslashes and control characters escaped. */
static inline void bench_json_str(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static inline int bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Prints the record's line: @bench with min and median, or @bench-skip with the reason. */
static inline void bench_print(struct rec *r)
{
	if (r->reason || !r->nsamples) {
		printf("@bench-skip {\"op\":");
		bench_json_str(r->op);
		printf(",\"variant\":");
		bench_json_str(r->variant);
		printf(",\"reason\":");
		bench_json_str(r->reason ? r->reason : "no round measured");
		printf("}\n");
	} else {
		int n = r->nsamples;
		double median;

		qsort(r->sample, (size_t)n, sizeof(double), bench_cmp_double);
		median = n % 2 ? r->sample[n / 2] : (r->sample[n / 2 - 1] + r->sample[n / 2]) / 2;
		printf("@bench {\"op\":");
		bench_json_str(r->op);
		printf(",\"variant\":");
		bench_json_str(r->variant);
		if (r->param >= 0)
			printf(",\"param\":%ld", r->param);
		else
			printf(",\"param\":null");
		printf(",\"unit\":\"%s\",\"min\":%.2f,\"median\":%.2f,\"rounds\":%d,\"iters\":%ld}\n",
		       bench_tsc ? "tsc" : "ns", r->sample[0], median, n, r->units);
	}
	fflush(stdout);
}

/* CPU placement: the CPUs we may run on, as sched_getaffinity gave them at the start. */
static cpu_set_t bench_cpus_all;
static int bench_ncpus, bench_cpu[2];

static inline int bench_cpus_init(void)
{
	int found = 0;

	if (sched_getaffinity(0, sizeof(bench_cpus_all), &bench_cpus_all))
		return -1;
	bench_ncpus = CPU_COUNT(&bench_cpus_all);
	for (int c = 0; c < CPU_SETSIZE && found < 2; c++)
		if (CPU_ISSET(c, &bench_cpus_all))
			bench_cpu[found++] = c;
	if (found == 1)
		bench_cpu[1] = bench_cpu[0];
	return 0;
}

/* Pins the calling thread to one CPU (a process's main thread: the process). */
static inline int bench_pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof(set), &set) ? -errno : 0;
}

static inline void bench_unpin(void)
{
	sched_setaffinity(0, sizeof(bench_cpus_all), &bench_cpus_all);
}

/*
 * A helper process: forked with stdout flushed (the child never flushes it again: it leaves
 * with _exit), pinned to `cpu` (< 0: where the parent runs), running fn(arg) and exiting with
 * its result. Returns its pid, or -errno.
 */
static inline pid_t bench_start_child(int cpu, int (*fn)(void *), void *arg)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		if (cpu >= 0 && bench_pin(cpu))
			_exit(120);
		_exit(fn(arg));
	}
	return pid;
}

/*
 * Reaps a helper. kill: it serves until it is killed (SIGKILL is then its proper end);
 * otherwise it must have exited 0. Returns 0, or -1 with the record's reason set.
 */
static inline int bench_end_child(struct rec *r, pid_t pid, int kill_it)
{
	int status;

	if (pid <= 0)
		return 0;
	if (kill_it)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return r->reason ? -1 : bench_fail_errno(r, errno);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (kill_it && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
		return 0;
	if (!r->reason) {
		if (WIFEXITED(status))
			snprintf(r->reason_buf, sizeof(r->reason_buf), "check:helper exit %d",
				 WEXITSTATUS(status));
		else
			snprintf(r->reason_buf, sizeof(r->reason_buf), "check:helper signal %d",
				 WTERMSIG(status));
		r->reason = r->reason_buf;
	}
	return -1;
}

#endif /* BENCH_H */
