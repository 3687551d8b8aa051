/*
 * posix_spawn and posix_spawnp: the child's exit status, exec's errors returned (not a child
 * exiting 127), the PATH search, file actions (open, dup2, close, dup2 of a descriptor onto
 * itself), the signal mask and dispositions, the process group, the attribute calls.
 *
 * The child is this program again (argv[0]: the runners start it by its full path) in a
 * checking mode, which answers with its exit status only: 0 when what it checked holds.
 */
#include "tap.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char *self;

/* ---- the child's side ---- */

static int child(int argc, char **argv)
{
	const char *mode = argv[1] + 2; /* "--MODE" */

	if (!strcmp(mode, "exit") && argc > 2)
		return atoi(argv[2]);
	if (!strcmp(mode, "fd") && argc > 3) { /* fd N open|closed */
		int open = fcntl(atoi(argv[2]), F_GETFD) >= 0;

		return open == !strcmp(argv[3], "open") ? 0 : 1;
	}
	if (!strcmp(mode, "write")) /* to stdout, which a file action made a file */
		return write(1, "spawned\n", 8) == 8 ? 0 : 1;
	if (!strcmp(mode, "blocked") && argc > 2) { /* the signals blocked, as a bit mask */
		sigset_t set;
		unsigned long want = strtoul(argv[2], NULL, 0), got = 0;

		sigprocmask(SIG_BLOCK, NULL, &set);
		for (int sig = 1; sig < 32; sig++)
			if (sigismember(&set, sig) == 1)
				got |= 1UL << sig;
		return got == want ? 0 : 1;
	}
	if (!strcmp(mode, "disp") && argc > 3) { /* disp SIG dfl|ign */
		struct sigaction sa;

		if (sigaction(atoi(argv[2]), NULL, &sa))
			return 2;
		if (!strcmp(argv[3], "dfl"))
			return sa.sa_handler == SIG_DFL ? 0 : 1;
		return sa.sa_handler == SIG_IGN ? 0 : 1;
	}
	if (!strcmp(mode, "pgid"))
		return getpgrp() == getpid() ? 0 : 1;
	return 99;
}

/* ---- the parent's side ---- */

/* Spawns self with the mode's words; the exit status, or 1000 + what posix_spawn returned. */
static int spawn_self(const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *attr,
		      const char *a1, const char *a2, const char *a3)
{
	char *argv[] = { (char *)self, (char *)a1, (char *)a2, (char *)a3, NULL };
	pid_t pid;
	int status, err = posix_spawn(&pid, self, fa, attr, argv, environ);

	if (err)
		return 1000 + err;
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 500 + WTERMSIG(status);
}

static void on_usr1(int sig)
{
}

int main(int argc, char **argv)
{
	char *args[] = { "x", NULL };
	char path[] = "/tmp/t_spawn.XXXXXX", buf[32], num[16];
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t set, old;
	int fd, status, err;
	short flags;
	pid_t pid;

	if (argc > 1 && !strncmp(argv[1], "--", 2))
		return child(argc, argv);
	self = argv[0];
	tap_plan(22);

	ok(spawn_self(NULL, NULL, "--exit", "0", NULL) == 0, "spawn: a child exiting 0");
	ok(spawn_self(NULL, NULL, "--exit", "3", NULL) == 3, "spawn: its exit status, 3");

	/* exec's errors are the return value, and no child is left behind */
	err = posix_spawn(&pid, "/nonexistent/t_spawn", NULL, NULL, args, environ);
	ok(err == ENOENT, "spawn of a missing file returns ENOENT (got %d)", err);
	ok(waitpid(-1, &status, WNOHANG) < 0 && errno == ECHILD, "  and leaves no child");
	fd = mkstemp(path);
	ok(fd >= 0 && write(fd, "#!/nonexistent\n", 15) == 15 && fchmod(fd, 0644) == 0,
	   "a file without execute permission");
	close(fd);
	err = posix_spawn(&pid, path, NULL, NULL, args, environ);
	ok(err == EACCES, "spawn of it returns EACCES (got %d)", err);

	/* posix_spawnp: PATH searched (an empty and a missing directory first), names with a
	 * slash taken as they are */
	{
		const char *slash = strrchr(self, '/');
		char *pathvar = malloc(strlen(self) + 64),
		     *name = (char *)(slash ? slash + 1 : self);
		char *sargv[] = { name, "--exit", "5", NULL };

		snprintf(pathvar, strlen(self) + 64, "/nonexistent:%.*s", (int)(slash - self),
			 self);
		setenv("PATH", pathvar, 1);
		err = posix_spawnp(&pid, name, NULL, NULL, sargv, environ);
		ok(!err && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
			   WEXITSTATUS(status) == 5,
		   "spawnp finds the program in PATH (err %d)", err);
		err = posix_spawnp(&pid, "t_spawn_no_such_program", NULL, NULL, sargv, environ);
		ok(err == ENOENT, "spawnp of a name in no PATH directory: ENOENT (got %d)", err);
		err = posix_spawnp(&pid, self, NULL, NULL, sargv, environ);
		ok(!err && waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 5,
		   "spawnp of a path with a slash runs it");
		free(pathvar);
	}

	/* file actions: open onto fd 7, dup2 it onto stdout, close 7 */
	posix_spawn_file_actions_init(&fa);
	ok(!posix_spawn_file_actions_addopen(&fa, 7, path, O_WRONLY | O_TRUNC, 0) &&
		   !posix_spawn_file_actions_adddup2(&fa, 7, 1) &&
		   !posix_spawn_file_actions_addclose(&fa, 7),
	   "file actions: addopen, adddup2, addclose");
	ok(spawn_self(&fa, NULL, "--write", NULL, NULL) == 0, "the child writes to its stdout");
	fd = open(path, O_RDONLY);
	memset(buf, 0, sizeof(buf));
	ok(fd >= 0 && read(fd, buf, sizeof(buf) - 1) == 8 && !strcmp(buf, "spawned\n"),
	   "  which is the file the action opened");
	close(fd);
	ok(spawn_self(&fa, NULL, "--fd", "7", "closed") == 0, "  and fd 7 was closed after");
	posix_spawn_file_actions_destroy(&fa);

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 3, "/nonexistent/file", O_RDONLY, 0);
	ok(spawn_self(&fa, NULL, "--exit", "0", NULL) == 1000 + ENOENT,
	   "a file action that fails: its errno returned");
	posix_spawn_file_actions_destroy(&fa);

	fd = open(path, O_RDONLY | O_CLOEXEC);
	snprintf(num, sizeof(num), "%d", fd);
	ok(spawn_self(NULL, NULL, "--fd", num, "closed") == 0,
	   "a close-on-exec descriptor is closed in the child");
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd, fd);
	ok(spawn_self(&fa, NULL, "--fd", num, "open") == 0,
	   "  adddup2 of it onto itself keeps it open");
	posix_spawn_file_actions_destroy(&fa);
	close(fd);
	unlink(path);

	/* signals: the mask inherited or set; dispositions inherited, caught or defaulted */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	snprintf(num, sizeof(num), "%#lx", 1UL << SIGUSR1);
	ok(spawn_self(NULL, NULL, "--blocked", num, NULL) == 0, "the signal mask is inherited");
	posix_spawnattr_init(&attr);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	posix_spawnattr_setsigmask(&attr, &set);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
	snprintf(num, sizeof(num), "%#lx", 1UL << SIGUSR2);
	ok(spawn_self(NULL, &attr, "--blocked", num, NULL) == 0,
	   "POSIX_SPAWN_SETSIGMASK sets the child's");
	sigprocmask(SIG_SETMASK, &old, NULL);
	posix_spawnattr_destroy(&attr);

	signal(SIGUSR1, SIG_IGN);
	signal(SIGUSR2, on_usr1);
	snprintf(num, sizeof(num), "%d", SIGUSR1);
	ok(spawn_self(NULL, NULL, "--disp", num, "ign") == 0 &&
		   spawn_self(NULL, NULL, "--disp", "12", "dfl") == 0,
	   "an ignored signal stays ignored, a caught one is defaulted");
	posix_spawnattr_init(&attr);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	posix_spawnattr_setsigdefault(&attr, &set);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
	ok(spawn_self(NULL, &attr, "--disp", num, "dfl") == 0,
	   "POSIX_SPAWN_SETSIGDEF defaults an ignored one");
	posix_spawnattr_destroy(&attr);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);

	/* the process group, and the attribute calls */
	posix_spawnattr_init(&attr);
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
	ok(spawn_self(NULL, &attr, "--pgid", NULL, NULL) == 0 &&
		   spawn_self(NULL, NULL, "--pgid", NULL, NULL) == 1,
	   "POSIX_SPAWN_SETPGROUP with 0: a group of its own (without: ours)");
	flags = 0;
	posix_spawnattr_getflags(&attr, &flags);
	ok(flags == POSIX_SPAWN_SETPGROUP, "getflags gives back the flags set");
	posix_spawnattr_destroy(&attr);
	return tap_done();
}
