// SPDX-License-Identifier: GPL-2.0
/*
 * Leak and stress checks, for the VM only (make test boots it as `scripts/vmrun -- leakcheck`):
 * 1,000 fork+exec+exit cycles, a fork bomb under RLIMIT_NPROC, and a process that eats all
 * memory. After each, the kernel's free memory (/proc/meminfo MemFree) and the slab objects
 * in use (/proc/slabinfo's active_objs, summed) must be back where they were before. TAP.
 *
 * Never run it on a host: the memory eater is meant to exhaust the machine.
 *
 * Tolerances, once everything has settled (a pause, and "3" written to
 * /proc/sys/vm/drop_caches, as one does on Linux: it lets go of the unused dentries and of
 * the lazily freed task stacks, which the kernel keeps in batches to save TLB flushes):
 *   slab objects: SLAB_TOLERANCE more than at the start. Nothing a finished process owned may
 *     stay; the slack covers objects the checker's own /proc reads and its parent's bookkeeping
 *     hold at the moment of reading. A leak of one object per cycle shows as 1,000.
 *   free memory: at most 1% of MemTotal less (2.6 MB of 256 MB). The slab allocator keeps up
 *     to two empty slabs per cache (up to 8 pages each, about a dozen caches: < 1 MB), and the
 *     page cache may keep what a first exec read. A leak of one page per cycle is 4 MB.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CYCLES 1000
#define WARMUP 20
#define NPROC_LIMIT 16
#define BOMB_MAX 256 /* forks the bomb tries at most, should the limit not hold */
#define EAT_CHUNK (1UL << 20)
#define EAT_MAX (4UL << 30) /* the eater gives up here: far beyond the VM's memory */
#define SLAB_TOLERANCE 64
#define PLAN 11

static int cases;
static const char *self = "/bin/leakcheck";

static void ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++cases);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

#define MAX_CACHES 64

struct counts {
	long mem_total, mem_free; /* kB */
	long slab_objs; /* -1: no /proc/slabinfo */
	int nr_caches;
	char cache[MAX_CACHES][32];
	long active[MAX_CACHES];
};

static long read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	long n = 0, r;

	if (fd < 0)
		return -1;
	while (n < (long)size - 1 && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = 0;
	return n;
}

static long meminfo_field(const char *text, const char *name)
{
	const char *p = strstr(text, name);

	return p ? strtol(p + strlen(name), NULL, 10) : -1;
}

static void drop_caches(void)
{
	int fd = open("/proc/sys/vm/drop_caches", O_WRONLY);

	if (fd < 0 || write(fd, "3\n", 2) != 2)
		printf("# /proc/sys/vm/drop_caches: %s\n", strerror(errno));
	if (fd >= 0)
		close(fd);
}

static void settle(void)
{
	struct timespec ts = { 0, 100 * 1000 * 1000 };

	for (int i = 0; i < 3; i++) {
		nanosleep(&ts, NULL);
		sched_yield();
	}
	drop_caches();
}

static struct counts read_counts(void)
{
	static char buf[32768];
	struct counts c = { .mem_total = -1, .mem_free = -1, .slab_objs = -1 };
	char *line;

	settle();
	if (read_file("/proc/meminfo", buf, sizeof(buf)) > 0) {
		c.mem_total = meminfo_field(buf, "MemTotal:");
		c.mem_free = meminfo_field(buf, "MemFree:");
	}
	if (read_file("/proc/slabinfo", buf, sizeof(buf)) > 0 &&
	    !strncmp(buf, "slabinfo - version: 2.1\n", 24)) {
		c.slab_objs = 0;
		for (line = strchr(buf, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
			char name[32];
			long active;

			if (line[1] == '#' || sscanf(line + 1, "%31s %ld", name, &active) != 2)
				continue;
			c.slab_objs += active;
			if (c.nr_caches < MAX_CACHES) {
				snprintf(c.cache[c.nr_caches], sizeof(c.cache[0]), "%s", name);
				c.active[c.nr_caches++] = active;
			}
		}
	}
	return c;
}

static void compare(const char *after, const struct counts *before)
{
	static struct counts now;
	long slack = before->mem_total / 100;

	now = read_counts();
	printf("# %s: MemFree %ld -> %ld kB, slab objects %ld -> %ld\n", after, before->mem_free,
	       now.mem_free, before->slab_objs, now.slab_objs);
	for (int i = 0; i < now.nr_caches; i++) /* which caches grew: where to look for a leak */
		for (int j = 0; j < before->nr_caches; j++)
			if (!strcmp(now.cache[i], before->cache[j]) &&
			    now.active[i] != before->active[j])
				printf("#   %s: %ld -> %ld\n", now.cache[i], before->active[j],
				       now.active[i]);
	ok(now.slab_objs >= 0 && before->slab_objs >= 0 &&
		   now.slab_objs <= before->slab_objs + SLAB_TOLERANCE,
	   "after %s: slab objects back (within %d)", after, SLAB_TOLERANCE);
	ok(now.mem_free >= 0 && now.mem_free >= before->mem_free - slack,
	   "after %s: free memory back (within 1%% of MemTotal)", after);
}

static int fork_exec_cycles(int n)
{
	char *argv[] = { "leakcheck", "child", NULL }, *envp[] = { NULL };
	int bad = 0;

	for (int i = 0; i < n; i++) {
		int status;
		pid_t pid = fork();

		if (pid < 0)
			return -1;
		if (pid == 0) {
			execve(self, argv, envp);
			_exit(127);
		}
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
			bad++;
	}
	return bad;
}

/* In a child of its own: as uid 1000 (root is exempt from RLIMIT_NPROC), fork until refused. */
static int fork_bomb(void)
{
	struct rlimit rl = { NPROC_LIMIT, NPROC_LIMIT };
	int p[2], made = 0, err = 0;
	char c;

	if (setrlimit(RLIMIT_NPROC, &rl))
		return 3;
	if (setuid(1000))
		return 2;
	if (pipe(p))
		return 4;
	while (made < BOMB_MAX) {
		pid_t pid = fork();

		if (pid < 0) {
			err = errno;
			break;
		}
		if (pid == 0) { /* each waits for the pipe's end, then goes */
			close(p[1]);
			while (read(p[0], &c, 1) > 0)
				;
			_exit(0);
		}
		made++;
	}
	close(p[1]);
	while (wait(NULL) > 0)
		;
	printf("# fork bomb: %d children, then errno %d\n", made, err);
	return err == EAGAIN && made < NPROC_LIMIT ? 0 : 10;
}

/* In a child of its own: map and touch memory until mmap refuses (0) or the OOM killer comes. */
static int eat_memory(void)
{
	for (unsigned long total = 0; total < EAT_MAX; total += EAT_CHUNK) {
		char *m = mmap(NULL, EAT_CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			       -1, 0);

		if (m == MAP_FAILED)
			return errno == ENOMEM ? 0 : 11;
		for (unsigned long off = 0; off < EAT_CHUNK; off += 4096)
			m[off] = 1;
	}
	return 12; /* 4 GB in a VM of less: memory is not being counted */
}

static int in_child(int (*fn)(void))
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0)
		_exit(fn());
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

int main(int argc, char **argv)
{
	static struct counts before;
	int st;

	if (argc > 1 && !strcmp(argv[1], "child"))
		return 0;
	printf("1..%d\n", PLAN);
	/* Warm up: the first exec reads the program into the page cache, /proc's first use... */
	fork_exec_cycles(WARMUP);
	before = read_counts();
	ok(before.slab_objs >= 0 && before.mem_free > 0, "/proc/meminfo and /proc/slabinfo read");

	st = fork_exec_cycles(CYCLES);
	ok(st == 0, "%d fork+exec+exit cycles, every child exits 0", CYCLES);
	compare("1000 fork+exec+exit cycles", &before);

	st = in_child(fork_bomb);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 2)
		printf("# setuid(1000) failed\n");
	if (WIFEXITED(st) && WEXITSTATUS(st) == 3)
		printf("# setrlimit(RLIMIT_NPROC) failed\n");
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	   "fork bomb as uid 1000: EAGAIN under RLIMIT_NPROC %d", NPROC_LIMIT);
	compare("the fork bomb", &before);

	st = in_child(eat_memory);
	printf("# memory eater: status 0x%x\n", st);
	ok((WIFEXITED(st) && WEXITSTATUS(st) == 0) || (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL),
	   "a process eating all memory gets ENOMEM or SIGKILL");
	ok(fork_exec_cycles(1) == 0, "the kernel still runs programs after the memory eater");
	compare("the memory eater", &before);
	return 0;
}
