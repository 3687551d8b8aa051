// SPDX-License-Identifier: GPL-2.0
/*
 * /sbin/init, pid 1. It mounts /proc, /dev and /tmp where they are not mounted yet, and
 * reaps every child, orphans included (the kernel re-parents them to pid 1).
 *
 * Normally it must never exit (the kernel panics if it does): it runs /bin/sh on the
 * console when there is one, again each time it ends; until the shell exists it says so
 * and just reaps.
 *
 * Under scripts/vmrun the kernel starts it as "init vmrun CMD ARGS [; CMD ARGS]...": it
 * runs each command in turn as its child (searched in /bin, /sbin, /usr/bin), prints
 * "vmrun: CMD: exit status N" (the shell's $?: 128+N for a fatal signal), and exits with
 * the last status, which the kernel hands to QEMU.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Is something mounted on path (its device differs from its parent's)? */
static int is_mountpoint(const char *path)
{
	char parent[64];
	struct stat a, b;

	snprintf(parent, sizeof(parent), "%s/..", path);
	return !stat(path, &a) && !stat(parent, &b) && a.st_dev != b.st_dev;
}

static void mount_if_needed(const char *source, const char *target, const char *type)
{
	if (is_mountpoint(target))
		return;
	mkdir(target, 0755);
	if (mount(source, target, type, 0, NULL))
		fprintf(stderr, "init: mount %s on %s: %s\n", type, target, strerror(errno));
}

static pid_t start_shell(char **envp)
{
	char *argv[] = { "sh", NULL };
	pid_t pid;

	if (access("/bin/sh", X_OK))
		return -1;
	pid = fork();
	if (pid == 0) {
		/* As getty does: the shell leads a session whose terminal is the console's, so
		 * that ^C and ^Z reach its foreground job. */
		setsid();
		ioctl(0, TIOCSCTTY, 0);
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

/* Waits for pid, reaping any other child (an orphan) that ends meanwhile. */
static int wait_for(pid_t pid)
{
	int status;

	for (;;) {
		pid_t got = waitpid(-1, &status, 0);

		if (got == pid)
			return status;
		if (got < 0 && errno != EINTR)
			return -1;
	}
}

/* The child's side: the command's file, as a name with a slash or from the search path. */
static void exec_command(char **argv, char **envp)
{
	static const char *const dirs[] = { "/bin/", "/sbin/", "/usr/bin/" };
	char path[256];
	int err = ENOENT;

	if (strchr(argv[0], '/')) {
		execve(argv[0], argv, envp);
		err = errno;
	} else {
		for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
			if (snprintf(path, sizeof(path), "%s%s", dirs[i], argv[0]) >=
			    (int)sizeof(path))
				continue;
			execve(path, argv, envp);
			if (errno != ENOENT)
				err = errno;
		}
	}
	fprintf(stderr, "vmrun: %s: %s\n", argv[0],
		err == ENOENT ? "command not found" : strerror(err));
	_exit(err == ENOENT ? 127 : 126);
}

static int run_command(char **argv, char **envp)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("init: fork");
		return 126;
	}
	if (pid == 0)
		exec_command(argv, envp);
	status = wait_for(pid);
	if (status < 0)
		return 126;
	return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* ACPI's power button (the kernel sends SIGUSR2): said, and the run ends with status 0. */
static void vmrun_power_button(int sig)
{
	static const char msg[] = "init: power button\n";

	(void)sig;
	write(1, msg, sizeof(msg) - 1);
	_exit(0);
}

/* argv: the commands, split by lone ";" words. Returns the last one's status. */
static int vmrun(char **argv, char **envp)
{
	int status = 0;

	signal(SIGUSR2, vmrun_power_button);

	while (*argv) {
		int argc = 0;

		while (argv[argc] && strcmp(argv[argc], ";"))
			argc++;
		if (argc) {
			char *saved = argv[argc];

			argv[argc] = NULL;
			status = run_command(argv, envp);
			argv[argc] = saved;
			printf("vmrun: %s: exit status %d\n", argv[0], status);
			fflush(stdout);
		}
		argv += argc + (argv[argc] ? 1 : 0);
	}
	return status;
}

int main(int argc, char **argv, char **envp)
{
	pid_t shell;

	/*
	 * First, before any work: make bench times the boot from QEMU's start to this line, in
	 * vmrun's boots as in make run's.
	 */
	printf("Mica init: pid %d\n", (int)getpid());
	fflush(stdout);
	if (getpid() != 1)
		fprintf(stderr, "init: running as pid %d, not 1\n", (int)getpid());
	mount_if_needed("proc", "/proc", "proc");
	/* /dev is the kernel's, mounted before init runs (as Linux's devtmpfs.mount=1). */
	if (!is_mountpoint("/dev"))
		fprintf(stderr, "init: /dev is not mounted\n");
	mount_if_needed("tmpfs", "/tmp", "tmpfs");
	if (argc > 1 && !strcmp(argv[1], "vmrun"))
		return vmrun(argv + 2, envp);

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
