// SPDX-License-Identifier: GPL-2.0
/*
 * /init of the initramfs scripts/bench boots Linux with: the Linux side of `make bench`.
 *
 * Its first line ("bench_init: pid 1") is the end of the boot-time figure: the harness
 * stamps it on the host as it arrives on the serial port, as it does our /sbin/init's first
 * line. It then gives the benchmark what our kernel gives it before init runs (/dev, /proc,
 * a tmpfs on /tmp), runs the commands on its command line one after another (Linux hands
 * init everything after "--"; a lone ";" separates two commands, as under scripts/vmrun),
 * prints "bench_init: CMD: exit status N" for each, and powers the machine off.
 *
 * Built with our libc and with musl (user/bench/bench.mk); either runs as Linux's init. On our
 * kernel it is in /bin but unused: /sbin/init runs the benchmark there.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void mount_fs(const char *source, const char *target, const char *type)
{
	mkdir(target, 0755);
	/* EBUSY: the kernel mounted it already (devtmpfs.mount=1). */
	if (mount(source, target, type, 0, NULL) && errno != EBUSY)
		fprintf(stderr, "bench_init: mount %s on %s: %s\n", type, target, strerror(errno));
}

static int run_command(char **argv, char **envp)
{
	char path[256];
	int status;
	pid_t pid;

	if (strchr(argv[0], '/'))
		snprintf(path, sizeof(path), "%s", argv[0]);
	else
		snprintf(path, sizeof(path), "/bin/%s", argv[0]);
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("bench_init: fork");
		return 126;
	}
	if (pid == 0) {
		execve(path, argv, envp);
		fprintf(stderr, "bench_init: %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	/* Pid 1 reaps every orphan too; only our child's status counts. */
	for (;;) {
		pid_t got = waitpid(-1, &status, 0);

		if (got == pid)
			break;
		if (got < 0 && errno != EINTR)
			return 126;
	}
	return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

int main(int argc, char **argv, char **envp)
{
	int status = 0;

	printf("bench_init: pid %d\n", (int)getpid());
	fflush(stdout);
	mount_fs("proc", "/proc", "proc");
	mount_fs("devtmpfs", "/dev", "devtmpfs");
	mount_fs("tmpfs", "/tmp", "tmpfs");

	argv++;
	while (*argv) {
		int n = 0;

		while (argv[n] && strcmp(argv[n], ";"))
			n++;
		if (n) {
			char *saved = argv[n];

			argv[n] = NULL;
			status = run_command(argv, envp);
			argv[n] = saved;
			printf("bench_init: %s: exit status %d\n", argv[0], status);
			fflush(stdout);
		}
		argv += n + (argv[n] ? 1 : 0);
	}
	sync();
	reboot(RB_POWER_OFF);
	/* Only reached if the power-off failed: pid 1 must not exit (that is a panic). */
	perror("bench_init: reboot");
	for (;;)
		pause();
	return status;
}
