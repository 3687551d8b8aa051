/*
 * execve of a set-user-ID / set-group-ID program: the effective (and saved) ids become the
 * file's owner and group, the real ones stay, and the auxiliary vector says AT_SECURE=1; a
 * plain program's saved ids follow its effective ones. Needs root (to chown the copy).
 */
#include "tap.h"
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define OWNER 1234
#define GROUP 1235
#define RUNNER 2000

static char copy[] = "/tmp/t_setuid.XXXXXX";

/* The copy's side: its ids and AT_SECURE, as one line. */
static int report(void)
{
	unsigned r, e, s, rg, eg, sg;

	syscall(SYS_getresuid, &r, &e, &s);
	syscall(SYS_getresgid, &rg, &eg, &sg);
	printf("%u %u %u %u %u %u %lu\n", r, e, s, rg, eg, sg, getauxval(AT_SECURE));
	return 0;
}

static int copy_self(void)
{
	char buf[65536];
	int in = open("/proc/self/exe", O_RDONLY), out = mkstemp(copy);
	ssize_t n;

	if (in < 0 || out < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n)
			return -1;
	close(in);
	close(out);
	return n < 0 ? -1 : chown(copy, OWNER, GROUP);
}

/* Runs the copy with mode as user RUNNER (saved uid suid) and returns its report line. */
static void run_as(mode_t mode, unsigned suid, char *line, size_t n)
{
	int fd[2], status;
	pid_t pid;
	FILE *f;

	line[0] = 0;
	if (chmod(copy, mode) || pipe(fd))
		return;
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "t_setuid", "--report", NULL };

		dup2(fd[1], 1);
		if (setgroups(0, NULL) || syscall(SYS_setresgid, RUNNER, RUNNER, RUNNER) ||
		    syscall(SYS_setresuid, RUNNER, RUNNER, suid))
			_exit(2);
		execv(copy, argv);
		_exit(3);
	}
	close(fd[1]);
	f = fdopen(fd[0], "r");
	if (!f || !fgets(line, (int)n, f))
		line[0] = 0;
	if (f)
		fclose(f);
	waitpid(pid, &status, 0);
}

int main(int argc, char **argv)
{
	char line[128];

	if (argc > 1 && !strcmp(argv[1], "--report"))
		return report();
	tap_plan(4);
	if (geteuid() != 0 || copy_self()) {
		for (int i = 0; i < 4; i++)
			tap_skip("set-user-ID exec", geteuid() ? "not root" : "cannot copy itself");
		unlink(copy);
		return tap_done();
	}
	run_as(04755, RUNNER, line, sizeof(line));
	tap_streq(line, "2000 1234 1234 2000 2000 2000 1\n",
		  "set-user-ID: euid and suid the owner's");
	run_as(02755, RUNNER, line, sizeof(line));
	tap_streq(line, "2000 2000 2000 2000 1235 1235 1\n",
		  "set-group-ID: egid and sgid the group's");
	/* Without group execute the set-group-ID bit means mandatory locking, not an id. */
	run_as(02745, RUNNER, line, sizeof(line));
	tap_streq(line, "2000 2000 2000 2000 2000 2000 0\n", "set-group-ID without group x");
	/* A plain program: the saved uid (0 before) becomes the effective one. */
	run_as(0755, 0, line, sizeof(line));
	tap_streq(line, "2000 2000 2000 2000 2000 2000 0\n", "plain exec resets the saved uid");
	unlink(copy);
	return tap_done();
}
