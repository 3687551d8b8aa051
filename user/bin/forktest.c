// SPDX-License-Identifier: GPL-2.0
/*
 * fork, exec and wait4 in a few lines: exit statuses, a child killed by a fault, memory that
 * is the child's own after fork, and ECHILD once every child is reaped; then chdir and
 * getcwd.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int failures;

static void expect(const char *what, long got, long want)
{
	printf("%s %s: %ld\n", got == want ? "ok" : "FAIL", what, got);
	failures += got != want;
}

int main(void)
{
	static volatile int shared = 1;
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		shared = 2;
		_exit(42);
	}
	expect("fork returns the child's pid", pid > 1, 1);
	expect("wait4 returns it", waitpid(pid, &status, 0), pid);
	expect("the exit status comes back", WIFEXITED(status) ? WEXITSTATUS(status) : -1, 42);
	expect("the child's write stayed in its copy", shared, 1);

	pid = fork();
	if (pid == 0)
		*(volatile int *)0 = 1;
	expect("a child killed by a fault", waitpid(pid, &status, 0), pid);
	expect("... by SIGSEGV", WIFSIGNALED(status) ? WTERMSIG(status) : -1, 11);

	pid = fork();
	if (pid == 0) {
		char *argv[] = { "hello", NULL };

		execv("/bin/hello", argv);
		_exit(127);
	}
	expect("fork and exec hello", waitpid(pid, &status, 0), pid);
	expect("... status 0", status, 0);

	expect("no children left: ECHILD", waitpid(-1, &status, 0) == -1 ? errno : 0, ECHILD);

	/* The working directory is the process's own, and getcwd finds it across /tmp's mount. */
	char cwd[64] = "";

	mkdir("/tmp/forktest.d", 0755);
	expect("chdir", chdir("/tmp/forktest.d"), 0);
	expect("getcwd", getcwd(cwd, sizeof(cwd)) ? strcmp(cwd, "/tmp/forktest.d") : -1, 0);
	expect("getcwd into too small a buffer: ERANGE", getcwd(cwd, 4) ? 0 : errno, ERANGE);
	chdir("/");
	rmdir("/tmp/forktest.d");
	printf("forktest: %d failures\n", failures);
	return failures ? 1 : 0;
}
