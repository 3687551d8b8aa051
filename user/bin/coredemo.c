// SPDX-License-Identifier: GPL-2.0
/*
 * Makes a core file and shows it: a child with RLIMIT_CORE unlimited faults in
 * coredemo_fault(), in DIR; the parent says how it ended and prints the core base64-encoded
 * between "@@@core-begin" and "@@@core-end" lines, so that a test on the host can run
 * readelf and gdb on it (scripts/run-tests, "coredump"). Exits 0 if a core was written.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static volatile unsigned long fault_addr = 8;

__attribute__((noinline)) void coredemo_fault(int depth)
{
	*(volatile int *)fault_addr = depth;
}

__attribute__((noinline)) void coredemo_deeper(int depth)
{
	coredemo_fault(depth + 1);
	__asm__ volatile("" ::: "memory"); /* not a tail call: this frame stays on the stack */
}

static void usage(FILE *f)
{
	fprintf(f, "usage: coredemo [DIR]\n"
		   "Runs a child that dumps core in DIR (default /tmp/coredemo.d) and prints the\n"
		   "core file base64-encoded between @@@core-begin and @@@core-end lines.\n");
}

static int print_base64(const char *path)
{
	unsigned char in[57];
	char out[80];
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	printf("@@@core-begin\n");
	/* 57 bytes a line: 76 characters, as base64(1) writes them. */
	while ((n = read(fd, in, sizeof(in))) > 0) {
		size_t o = 0;

		while (n < (ssize_t)sizeof(in)) {
			ssize_t m = read(fd, in + n, sizeof(in) - n);

			if (m <= 0)
				break;
			n += m;
		}
		for (ssize_t i = 0; i < n; i += 3) {
			unsigned v = in[i] << 16 | (i + 1 < n ? in[i + 1] << 8 : 0) |
				     (i + 2 < n ? in[i + 2] : 0);

			out[o++] = b64[v >> 18 & 63];
			out[o++] = b64[v >> 12 & 63];
			out[o++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
			out[o++] = i + 2 < n ? b64[v & 63] : '=';
		}
		out[o] = '\0';
		printf("%s\n", out);
	}
	close(fd);
	printf("@@@core-end\n");
	return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	const char *dir = "/tmp/coredemo.d";
	struct rlimit rl = { RLIM_INFINITY, RLIM_INFINITY };
	int status;
	pid_t pid;

	if (argc > 1 && !strcmp(argv[1], "--help")) {
		usage(stdout);
		return 0;
	}
	if (argc > 2) {
		usage(stderr);
		return 2;
	}
	if (argc == 2)
		dir = argv[1];
	if (mkdir(dir, 0755) && errno != EEXIST) {
		fprintf(stderr, "coredemo: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (chdir(dir) || setrlimit(RLIMIT_CORE, &rl)) {
		fprintf(stderr, "coredemo: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	unlink("core");
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "coredemo: fork: %s\n", strerror(errno));
		return 1;
	}
	if (pid == 0) {
		signal(SIGSEGV, SIG_DFL);
		coredemo_deeper(1);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid) {
		fprintf(stderr, "coredemo: waitpid: %s\n", strerror(errno));
		return 1;
	}
	printf("coredemo: child %d: %s %d%s\n", (int)pid, WIFSIGNALED(status) ? "signal" : "exit",
	       WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status),
	       WIFSIGNALED(status) && WCOREDUMP(status) ? " (core dumped)" : "");
	if (!WIFSIGNALED(status) || !WCOREDUMP(status))
		return 1;
	if (print_base64("core")) {
		fprintf(stderr, "coredemo: %s/core: %s\n", dir, strerror(errno));
		return 1;
	}
	return 0;
}
