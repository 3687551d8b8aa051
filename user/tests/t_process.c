/* Processes: fork, wait and exit statuses, pipes, exec, popen, system. */
#include "tap.h"
#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int atexit_pipe = -1;
static void say_bye(void)
{
	write(atexit_pipe, "bye", 3);
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--child")) {
		/* re-executed: print what we were given and exit with a status */
		printf("child got %s, FOO=%s", argv[2], getenv("FOO") ? getenv("FOO") : "(none)");
		return 7;
	}
	tap_plan(19);
	int status = -1;
	pid_t pid = fork();
	if (pid == 0)
		_exit(42);
	ok(pid > 0 && waitpid(pid, &status, 0) == pid, "fork and waitpid");
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 42, "the exit status comes back (42)");

	pid = fork();
	if (pid == 0) {
		raise(SIGTERM);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "a child killed by SIGTERM");

	pid = fork();
	if (pid == 0)
		abort();
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "abort() ends with SIGABRT");

	int shared = 1;
	pid = fork();
	if (pid == 0) {
		shared = 2;
		_exit(shared);
	}
	waitpid(pid, &status, 0);
	ok(shared == 1 && WEXITSTATUS(status) == 2, "the child's memory is its own");

	int p[2];
	ok(pipe(p) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		const char msg[] = "through the pipe";
		write(p[1], msg, sizeof(msg));
		_exit(0);
	}
	close(p[1]);
	char buf[256] = "";
	ssize_t n = read(p[0], buf, sizeof(buf));
	ok(n == 17 && !strcmp(buf, "through the pipe"), "a child writes, the parent reads");
	ok(read(p[0], buf, 1) == 0, "end of file once the writer is gone");
	close(p[0]);
	waitpid(pid, NULL, 0);

	errno = 0;
	ok(waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD, "no children left: ECHILD");

	/* exit() runs atexit handlers and flushes stdio; _exit does neither */
	pipe(p);
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		atexit_pipe = p[1];
		atexit(say_bye);
		exit(3);
	}
	close(p[1]);
	memset(buf, 0, sizeof(buf));
	n = read(p[0], buf, sizeof(buf));
	waitpid(pid, &status, 0);
	close(p[0]);
	ok(n == 3 && !strcmp(buf, "bye") && WEXITSTATUS(status) == 3, "exit runs atexit handlers");

	pipe(p);
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		printf("buffered, never flushed by hand");
		exit(0);
	}
	close(p[1]);
	memset(buf, 0, sizeof(buf));
	n = read(p[0], buf, sizeof(buf));
	waitpid(pid, &status, 0);
	close(p[0]);
	ok(!strcmp(buf, "buffered, never flushed by hand"), "exit flushes stdout");

	/* exec ourselves with an argument and an environment */
	pipe(p);
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		char *args[] = { argv[0], "--child", "hello", NULL };
		char *env[] = { "FOO=bar", NULL };
		execve(argv[0], args, env);
		_exit(99);
	}
	close(p[1]);
	memset(buf, 0, sizeof(buf));
	n = read(p[0], buf, sizeof(buf) - 1);
	waitpid(pid, &status, 0);
	close(p[0]);
	ok(!strcmp(buf, "child got hello, FOO=bar") && WEXITSTATUS(status) == 7,
	   "execve passes argv and envp, and the status comes back");

	errno = 0;
	char *none[] = { "no-such-program-here", NULL };
	ok(execvp("no-such-program-here", none) == -1 && errno == ENOENT,
	   "execvp of a missing program: ENOENT");

	pid = fork();
	if (pid == 0) {
		char *args[] = { "sh", "-c", "exit 5", NULL };
		execvp("sh", args);
		_exit(99);
	}
	waitpid(pid, &status, 0);
	ok(WEXITSTATUS(status) == 5, "execvp searches PATH (sh -c 'exit 5')");

	FILE *f = popen("echo popen works; echo line2", "r");
	char line[64] = "";
	ok(f && fgets(line, sizeof(line), f) && !strcmp(line, "popen works\n"),
	   "popen reads a command's output");
	while (f && fgets(line, sizeof(line), f))
		; /* read it all: closing early would SIGPIPE the shell */
	int st = f ? pclose(f) : -1;
	if (!ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "pclose returns the status"))
		printf("# status %#x\n", st);
	st = system("exit 3");
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 3, "system returns the status");
	/* perror and a failed assert write to stderr */
	pipe(p);
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 2);
		close(p[0]);
		close(p[1]);
		errno = ENOENT;
		perror("prefix");
		int two = 2;
		assert(two == 3);
		_exit(0);
	}
	close(p[1]);
	memset(buf, 0, sizeof(buf));
	n = 0;
	ssize_t k;
	while ((k = read(p[0], buf + n, sizeof(buf) - 1 - (size_t)n)) > 0)
		n += k;
	close(p[0]);
	waitpid(pid, &status, 0);
	ok(!strncmp(buf, "prefix: No such file or directory\n", 34), "perror");
	ok(strstr(buf, "two == 3") && WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
	   "a failed assert names the expression and aborts");
	return tap_done();
}
