// SPDX-License-Identifier: GPL-2.0
/*
 * /sbin/init, pid 1: it must never exit (the kernel panics if it does). It runs /bin/sh on
 * the console when there is one, again each time it ends, and meanwhile reaps every child,
 * orphans included. Until the shell exists it says so and just reaps.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static pid_t start_shell(char **envp)
{
	char *argv[] = { "sh", NULL };
	pid_t pid;

	if (access("/bin/sh", X_OK))
		return -1;
	pid = fork();
	if (pid == 0) {
		execve("/bin/sh", argv, envp);
		perror("init: /bin/sh");
		_exit(127);
	}
	if (pid < 0)
		perror("init: fork");
	return pid;
}

static void pause_a_second(void)
{
	struct timespec ts = { 1, 0 };

	nanosleep(&ts, NULL);
}

int main(int argc, char **argv, char **envp)
{
	pid_t shell;

	(void)argc;
	(void)argv;
	if (getpid() != 1)
		fprintf(stderr, "init: running as pid %d, not 1\n", (int)getpid());
	printf("Mica init: pid %d\n", (int)getpid());
	shell = start_shell(envp);
	if (shell < 0)
		printf("init: no /bin/sh yet; reaping children\n");
	fflush(stdout);
	for (;;) {
		int status;
		pid_t pid = waitpid(-1, &status, 0);

		if (pid < 0) {
			if (errno != EINTR)
				pause_a_second(); /* no children at all */
		} else if (pid == shell) {
			pause_a_second(); /* a shell that dies at once must not spin */
			shell = start_shell(envp);
		}
	}
}
