// SPDX-License-Identifier: GPL-2.0
/*
 * The costs the user-space and make-bench steps design for, beside getpid_cost and
 * vdso_cost: a 1-byte read of /dev/zero, a pipe round trip between two processes,
 * open+close, stat, mmap+touch+munmap of 4 KiB, fork+exit+wait, and fork+execve+wait of a
 * tiny static program (/bin/false). Under `scripts/vmrun --icount`
 * the guest TSC counts instructions, so each figure is instructions per operation, best of
 * a few rounds. A figure, not a test: make bench (issue 11) is where they are compared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

static inline unsigned long long rdtsc(void)
{
	unsigned int lo, hi;

	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

typedef void (*op_fn)(int n);

static void report(const char *what, op_fn op, int n, int rounds)
{
	unsigned long long best = ~0ULL;

	for (int r = 0; r < rounds; r++) {
		unsigned long long t0 = rdtsc(), t;

		op(n);
		t = rdtsc() - t0;
		if (t < best)
			best = t;
	}
	printf("%s: %llu TSC ticks each (best of %d x %d)\n", what, best / n, rounds, n);
	fflush(stdout);
}

static int zero_fd;

static void read_zero(int n)
{
	char c;

	for (int i = 0; i < n; i++)
		if (read(zero_fd, &c, 1) != 1)
			exit(1);
}

static int to_child[2], to_parent[2];

static void pipe_round_trips(int n)
{
	char c = 'x';

	for (int i = 0; i < n; i++)
		if (write(to_child[1], &c, 1) != 1 || read(to_parent[0], &c, 1) != 1)
			exit(1);
}

static void fork_exit_wait(int n)
{
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		if (pid < 0 || waitpid(pid, NULL, 0) != pid)
			exit(1);
	}
}

static void fork_exec_wait(int n)
{
	char *argv[] = { "false", NULL }, *envp[] = { NULL };

	for (int i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			execve("/bin/false", argv, envp);
			_exit(127);
		}
		if (pid < 0 || waitpid(pid, NULL, 0) != pid)
			exit(1);
	}
}

static void open_close(int n)
{
	for (int i = 0; i < n; i++) {
		int fd = open("/bin/false", O_RDONLY);

		if (fd < 0 || close(fd))
			exit(1);
	}
}

static void stat_file(int n)
{
	struct stat st;

	for (int i = 0; i < n; i++)
		if (stat("/bin/false", &st))
			exit(1);
}

static void mmap_touch_munmap(int n)
{
	for (int i = 0; i < n; i++) {
		char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			       0);

		if (p == MAP_FAILED)
			exit(1);
		*p = 1;
		if (munmap(p, 4096))
			exit(1);
	}
}

/* Reads a 100-entry tmpfs directory from its start, as make bench's getdents_100 does. */
static void getdents_dir(int n)
{
	static char buf[32768] __attribute__((aligned(8)));
	char name[32];
	int fd;

	mkdir("/tmp/g", 0755);
	for (int i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "/tmp/g/entry%d", i);
		close(open(name, O_WRONLY | O_CREAT, 0644));
	}
	fd = open("/tmp/g", O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		exit(1);
	for (int i = 0; i < n; i++) {
		if (lseek(fd, 0, SEEK_SET))
			exit(1);
		while (syscall(SYS_getdents64, fd, buf, sizeof(buf)) > 0)
			;
	}
	close(fd);
}

/* "proc_cost OP N": only OP (zero, pipe, fork, exec, open, stat, mmap or getdents), N times, silently:
 * for scripts/vmprof. */
static int run_one(const char *name, int n)
{
	static const struct {
		const char *name;
		op_fn op;
	} ops[] = { { "zero", read_zero },	   { "pipe", pipe_round_trips },
		    { "fork", fork_exit_wait },	   { "exec", fork_exec_wait },
		    { "open", open_close },	   { "stat", stat_file },
		    { "mmap", mmap_touch_munmap }, { "getdents", getdents_dir } };

	for (unsigned int i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (!strcmp(name, ops[i].name)) {
			ops[i].op(n);
			return 0;
		}
	}
	fprintf(stderr, "proc_cost: no operation %s\n", name);
	return 2;
}

int main(int argc, char **argv)
{
	pid_t echo;
	char c;

	zero_fd = open("/dev/zero", O_RDONLY);
	if (zero_fd < 0 || pipe(to_child) || pipe(to_parent))
		return 1;
	echo = fork();
	if (echo == 0) {
		close(to_child[1]); /* or its read never sees the end */
		close(to_parent[0]);
		while (read(to_child[0], &c, 1) == 1 && write(to_parent[1], &c, 1) == 1)
			;
		_exit(0);
	}
	close(to_child[0]);
	close(to_parent[1]);
	if (argc == 3)
		return run_one(argv[1], atoi(argv[2]));
	report("read /dev/zero, 1 byte", read_zero, 10000, 5);
	report("pipe round trip", pipe_round_trips, 2000, 5);
	close(to_child[1]);
	waitpid(echo, NULL, 0);
	report("open+close", open_close, 2000, 5);
	report("stat", stat_file, 2000, 5);
	report("mmap+touch+munmap, 4 KiB", mmap_touch_munmap, 1000, 5);
	report("fork+exit+wait", fork_exit_wait, 100, 3);
	report("fork+execve+wait", fork_exec_wait, 100, 3);
	return 0;
}
