// SPDX-License-Identifier: GPL-2.0
/* groups: the names of this process's groups, or "USER : groups" for each USER operand. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libcu.h"

/* Through id -Gn, ours, which knows how to find a user's groups. */
static int run_id(const char *user)
{
	char *args[] = { "id", "-Gn", (char *)user, NULL };
	pid_t pid;
	int st;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execvp("id", args);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return 1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

int main(int argc, char **argv)
{
	int status = 0;

	cu_init(argc, argv, "[USER]...\nPrint the groups of this process or of each USER.\n");
	if (argc < 2)
		return run_id(NULL);
	for (int i = 1; i < argc; i++) {
		printf("%s : ", argv[i]);
		status |= run_id(argv[i]);
	}
	return status;
}
