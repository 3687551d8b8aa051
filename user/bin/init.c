// SPDX-License-Identifier: GPL-2.0
/*
 * /sbin/init, pid 1. It mounts /proc, /dev and /tmp where they are not mounted yet, and
 * reaps every child, orphans included (the kernel re-parents them to pid 1).
 *
 * Normally it must never exit (the kernel panics if it does). It mounts what /etc/fstab
 * says, sets the host name from /etc/hostname, and runs /etc/inittab in busybox's format,
 * "tty:runlevels:action:process" (runlevels ignored; actions sysinit, wait, once, respawn,
 * askfirst, ctrlaltdel, shutdown, restart). Without an inittab it runs /etc/rc, then
 * /bin/sh on the console, again each time it ends. A respawned program that dies at once
 * (a getty on a terminal that does not exist) is retried every 30 s, said once.
 *
 * Signals as busybox's init: SIGUSR2 powers off (poweroff, and the kernel's ACPI power
 * button), SIGTERM reboots, SIGUSR1 halts, SIGINT runs the ctrlaltdel entries (the kernel
 * sends it on Ctrl-Alt-Del once init has said reboot(RB_DISABLE_CAD)), SIGQUIT runs the
 * restart entry. Shutting down: the shutdown entries, SIGTERM to every process, up to 3 s
 * for them to go, SIGKILL to the rest, sync, reboot(2).
 *
 * Under scripts/vmrun the kernel starts it as "init vmrun CMD ARGS [; CMD ARGS]...": it
 * runs each command in turn as its child (searched in /bin, /sbin, /usr/bin), prints
 * "vmrun: CMD: exit status N" (the shell's $?: 128+N for a fatal signal), and exits with
 * the last status, which the kernel hands to QEMU. There too SIGUSR2, SIGTERM and SIGUSR1
 * shut the machine down, so that poweroff and reboot work under vmrun.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* Is something mounted on path (its device differs from its parent's)? */
static int is_mountpoint(const char *path)
{
	char parent[256];
	struct stat a, b;

	snprintf(parent, sizeof(parent), "%s/..", path);
	return !stat(path, &a) && !stat(parent, &b) && a.st_dev != b.st_dev;
}

static void mount_if_needed(const char *source, const char *target, const char *type,
			    unsigned long flags, const char *data)
{
	if (is_mountpoint(target))
		return;
	mkdir(target, 0755);
	if (mount(source, target, type, flags, data))
		fprintf(stderr, "init: mount %s on %s: %s\n", type, target, strerror(errno));
}

static void pause_a_second(void)
{
	struct timespec ts = { 1, 0 };

	nanosleep(&ts, NULL);
}

/* ---- shutting down ------------------------------------------------------------------ */

/*
 * The signals caught and not yet acted upon, a bit each (1 << sig): shutdowns, ctrlaltdel,
 * restart, SIGALRM. Set by the handler; read and cleared only while they are blocked.
 */
static volatile sig_atomic_t pending_signals;
/* The SIGUSR2 came from the kernel (si_code SI_KERNEL): ACPI's power button, not poweroff. */
static volatile sig_atomic_t power_button;

static void note_signal(int sig, siginfo_t *info, void *uc)
{
	(void)uc;
	pending_signals |= 1 << sig;
	if (sig == SIGUSR2 && info && info->si_code == SI_KERNEL)
		power_button = 1;
}

/* Says so, in both modes: the test of the button looks for this line. */
static void say_power_button(void)
{
	if (power_button) {
		printf("init: power button\n");
		fflush(stdout);
	}
}

/* The shutdown asked for, the strongest first; 0: none. */
static int shutdown_signal(int pending)
{
	static const int order[] = { SIGUSR2, SIGTERM, SIGUSR1, SIGQUIT };

	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (pending & (1 << order[i]))
			return order[i];
	return 0;
}

static int reboot_command(int sig)
{
	switch (sig) {
	case SIGTERM:
		return RB_AUTOBOOT;
	case SIGUSR1:
		return RB_HALT_SYSTEM;
	default:
		return RB_POWER_OFF;
	}
}

/* Reaps whatever has ended; true once no child is left. */
static int reap_all(void)
{
	for (;;) {
		pid_t pid = waitpid(-1, NULL, WNOHANG);

		if (pid < 0)
			return errno == ECHILD;
		if (pid == 0)
			return 0;
	}
}

/* SIGTERM to all, up to 3 s for them to go, SIGKILL to the rest, then reap them. */
static void kill_everybody(void)
{
	printf("init: sending SIGTERM to all processes\n");
	fflush(stdout);
	kill(-1, SIGTERM);
	kill(-1, SIGCONT); /* a stopped process must run to die of it */
	for (int i = 0; i < 30 && !reap_all(); i++) {
		struct timespec ts = { 0, 100 * 1000 * 1000 };

		nanosleep(&ts, NULL);
	}
	if (!reap_all()) {
		printf("init: sending SIGKILL to all processes\n");
		fflush(stdout);
		kill(-1, SIGKILL);
		for (int i = 0; i < 10 && !reap_all(); i++)
			pause_a_second();
	}
}

static void __attribute__((noreturn)) final_reboot(int cmd)
{
	sync();
	reboot(cmd);
	/* The kernel refused (or halt returned): nothing left to do but wait. */
	fprintf(stderr, "init: reboot: %s\n", strerror(errno));
	for (;;)
		pause();
}

static void catch_shutdown_signals(void)
{
	struct sigaction sa = { .sa_sigaction = note_signal, .sa_flags = SA_SIGINFO };
	static const int sigs[] = { SIGUSR1, SIGUSR2, SIGTERM, SIGINT, SIGQUIT, SIGALRM };

	/* No SA_RESTART: a signal must end the wait it interrupts. */
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
	signal(SIGHUP, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);
	signal(SIGTTIN, SIG_IGN);
}

/* ---- vmrun ---------------------------------------------------------------------------- */

/* poweroff, reboot and halt under vmrun: as a booted system does, at once. */
static void vmrun_obey_signals(void)
{
	int sig = shutdown_signal(pending_signals & ~(1 << SIGQUIT));

	if (sig) {
		say_power_button();
		kill_everybody();
		final_reboot(reboot_command(sig));
	}
}

/* Waits for pid, reaping any other child (an orphan) that ends meanwhile. */
static int wait_for(pid_t pid)
{
	int status;

	for (;;) {
		pid_t got = waitpid(-1, &status, 0);

		/* The signal came before its sender's exit: its handler has run by now. */
		vmrun_obey_signals();
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

/* A child starts with the signals init catches back at their defaults, none blocked. */
static void child_signals(void)
{
	sigset_t none;

	for (int sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			signal(sig, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
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
	if (pid == 0) {
		child_signals();
		exec_command(argv, envp);
	}
	status = wait_for(pid);
	if (status < 0)
		return 126;
	return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* argv: the commands, split by lone ";" words. Returns the last one's status. */
static int vmrun(char **argv, char **envp)
{
	int status = 0;

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

/* ---- /etc/fstab and /etc/hostname ------------------------------------------------------ */

static const struct {
	const char *name;
	unsigned long flag; /* set, or with clear, cleared */
	int clear;
} mount_opts[] = {
	{ "ro", MS_RDONLY, 0 },
	{ "rw", MS_RDONLY, 1 },
	{ "nosuid", MS_NOSUID, 0 },
	{ "suid", MS_NOSUID, 1 },
	{ "nodev", MS_NODEV, 0 },
	{ "dev", MS_NODEV, 1 },
	{ "noexec", MS_NOEXEC, 0 },
	{ "exec", MS_NOEXEC, 1 },
	{ "noatime", MS_NOATIME, 0 },
	{ "relatime", MS_RELATIME, 0 },
	{ "sync", MS_SYNCHRONOUS, 0 },
	{ "async", MS_SYNCHRONOUS, 1 },
	{ "defaults", 0, 0 },
	{ "auto", 0, 0 },
	{ "noauto", 0, 0 },
};

/*
 * Splits fstab's options into mount(2)'s flags and the file system's own data (what is
 * left, comma-separated, in data). Returns whether the entry is noauto.
 */
static int parse_mount_options(char *opts, unsigned long *flags, char *data, size_t n)
{
	int noauto = 0;
	size_t used = 0;

	*flags = 0;
	data[0] = 0;
	for (char *o = strtok(opts, ","); o; o = strtok(NULL, ",")) {
		size_t i, len;

		for (i = 0; i < sizeof(mount_opts) / sizeof(mount_opts[0]); i++)
			if (!strcmp(o, mount_opts[i].name))
				break;
		if (i < sizeof(mount_opts) / sizeof(mount_opts[0])) {
			if (mount_opts[i].clear)
				*flags &= ~mount_opts[i].flag;
			else
				*flags |= mount_opts[i].flag;
			noauto |= !strcmp(o, "noauto");
			continue;
		}
		len = strlen(o);
		if (used + len + 2 > n)
			continue;
		if (used)
			data[used++] = ',';
		memcpy(data + used, o, len + 1);
		used += len;
	}
	return noauto;
}

/* mount -a: every entry of /etc/fstab not mounted yet, but "/" and swap. */
static void mount_fstab(void)
{
	FILE *f = fopen("/etc/fstab", "re");
	char *line = NULL;
	size_t cap = 0;

	if (!f)
		return;
	while (getline(&line, &cap, f) > 0) {
		char *spec, *dir, *type, *opts, *save, dflt[] = "defaults";
		unsigned long flags;
		char data[256];

		spec = strtok_r(line, " \t\n", &save);
		if (!spec || spec[0] == '#')
			continue;
		dir = strtok_r(NULL, " \t\n", &save);
		type = strtok_r(NULL, " \t\n", &save);
		opts = strtok_r(NULL, " \t\n", &save);
		if (!dir || !type || !strcmp(dir, "/") || !strcmp(type, "swap"))
			continue;
		if (!opts)
			opts = dflt;
		if (parse_mount_options(opts, &flags, data, sizeof(data)))
			continue;
		if (is_mountpoint(dir))
			continue;
		mkdir(dir, 0755);
		if (mount(spec, dir, type, flags, data[0] ? data : NULL))
			fprintf(stderr, "init: mount %s on %s: %s\n", spec, dir, strerror(errno));
	}
	free(line);
	fclose(f);
}

static void set_hostname(void)
{
	char name[65];
	FILE *f = fopen("/etc/hostname", "re");

	if (!f)
		return;
	if (fgets(name, sizeof(name), f)) {
		name[strcspn(name, " \t\n")] = 0;
		if (name[0] && sethostname(name, strlen(name)))
			fprintf(stderr, "init: sethostname: %s\n", strerror(errno));
	}
	fclose(f);
}

/* ---- /etc/inittab ------------------------------------------------------------------- */

enum action {
	SYSINIT,
	WAIT,
	ONCE,
	RESPAWN,
	ASKFIRST,
	CTRLALTDEL,
	SHUTDOWN,
	RESTART
};

static const char *const action_names[] = {
	"sysinit", "wait", "once", "respawn", "askfirst", "ctrlaltdel", "shutdown", "restart",
};

#define MAX_ENTRIES 32
/* A program dead within this many seconds of its start failed at once. */
#define FAST_FAIL_SECS 5
/* After this many such failures in a row it is retried only every SLOW_RETRY_SECS. */
#define FAST_FAILS_MAX 3
#define SLOW_RETRY_SECS 30

struct entry {
	char tty[32]; /* "ttyS0" for /dev/ttyS0; empty: init's own console */
	enum action action;
	char *process;
	pid_t pid; /* running, or 0 */
	time_t started, due; /* when it last started; when to start it again (respawn) */
	int fast_fails;
};

static struct entry entries[MAX_ENTRIES];
static int nr_entries;

static void add_entry(const char *tty, enum action action, const char *process)
{
	struct entry *e;

	if (nr_entries == MAX_ENTRIES) {
		fprintf(stderr, "init: more than %d inittab entries\n", MAX_ENTRIES);
		return;
	}
	e = &entries[nr_entries++];
	snprintf(e->tty, sizeof(e->tty), "%s", strncmp(tty, "/dev/", 5) ? tty : tty + 5);
	e->action = action;
	e->process = strdup(process);
}

/* Reads /etc/inittab; without one, what it would be for /etc/rc and a console shell. */
static void read_inittab(void)
{
	FILE *f = fopen("/etc/inittab", "re");
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0;

	if (!f) {
		if (!access("/etc/rc", X_OK))
			add_entry("", SYSINIT, "/etc/rc");
		add_entry("", RESPAWN, "-/bin/sh");
		return;
	}
	while (getline(&line, &cap, f) > 0) {
		char *fields[4], *p = line;
		size_t i;

		lineno++;
		line[strcspn(line, "\n")] = 0;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		for (i = 0; i < 3; i++) {
			fields[i] = p;
			p = strchr(p, ':');
			if (!p)
				break;
			*p++ = 0;
		}
		if (i < 3) {
			fprintf(stderr, "init: /etc/inittab:%d: not tty:runlevels:action:process\n",
				lineno);
			continue;
		}
		fields[3] = p;
		for (i = 0; i < sizeof(action_names) / sizeof(action_names[0]); i++)
			if (!strcmp(fields[2], action_names[i]))
				break;
		if (i == sizeof(action_names) / sizeof(action_names[0])) {
			fprintf(stderr, "init: /etc/inittab:%d: unknown action '%s'\n", lineno,
				fields[2]);
			continue;
		}
		add_entry(fields[0], (enum action)i, fields[3]);
	}
	free(line);
	fclose(f);
}

/* Opens the entry's terminal as 0, 1 and 2, and makes it the session's controlling one. */
static void open_entry_tty(const struct entry *e)
{
	char path[48];
	int fd;

	setsid();
	if (e->tty[0]) {
		snprintf(path, sizeof(path), "/dev/%s", e->tty);
		fd = open(path, O_RDWR | O_NOCTTY);
		if (fd < 0) {
			/* Said by init once the entry fails too often (see child_ended). */
			_exit(126);
		}
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
	ioctl(0, TIOCSCTTY, 0);
}

/* Busybox's rule: a command with shell syntax goes through /bin/sh -c "exec ...". */
static void exec_process(const char *process, char **envp)
{
	char *argv[32], buf[512], arg0[64];
	int argc = 0, login = process[0] == '-';
	const char *base;

	if (login)
		process++;
	if (strpbrk(process, "~`!$^&*()=|\\{}[];\"'<>?")) {
		char *sh_argv[] = { "sh", "-c", buf, NULL };

		snprintf(buf, sizeof(buf), "exec %s", process);
		execve("/bin/sh", sh_argv, envp);
		_exit(127);
	}
	snprintf(buf, sizeof(buf), "%s", process);
	for (char *w = strtok(buf, " \t"); w && argc < 31; w = strtok(NULL, " \t"))
		argv[argc++] = w;
	argv[argc] = NULL;
	if (!argc)
		_exit(127);
	if (login) {
		base = strrchr(argv[0], '/');
		snprintf(arg0, sizeof(arg0), "-%s", base ? base + 1 : argv[0]);
		argv[0] = arg0;
		execve(buf, argv, envp);
	} else {
		execve(argv[0], argv, envp);
	}
	fprintf(stderr, "init: %s: %s\n", buf, strerror(errno));
	_exit(127);
}

static void askfirst(void)
{
	char c;

	printf("\nPlease press Enter to activate this console. ");
	fflush(stdout);
	while (read(0, &c, 1) == 1 && c != '\n')
		;
}

static pid_t start_entry(struct entry *e, char **envp)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		perror("init: fork");
		return -1;
	}
	if (pid == 0) {
		child_signals();
		open_entry_tty(e);
		if (e->action == ASKFIRST)
			askfirst();
		exec_process(e->process, envp);
	}
	e->pid = pid;
	e->started = time(NULL);
	return pid;
}

static struct entry *entry_of(pid_t pid)
{
	for (int i = 0; i < nr_entries; i++)
		if (entries[i].pid == pid)
			return &entries[i];
	return NULL;
}

/* Starts every entry of action and, for sysinit and wait, waits for each in turn. */
static void run_action(enum action action, char **envp)
{
	for (int i = 0; i < nr_entries; i++) {
		struct entry *e = &entries[i];

		if (e->action != action || start_entry(e, envp) < 0)
			continue;
		if (action == SYSINIT || action == WAIT || action == SHUTDOWN ||
		    action == CTRLALTDEL) {
			for (;;) {
				pid_t got = waitpid(-1, NULL, 0);

				if (got == e->pid || (got < 0 && errno == ECHILD))
					break;
				if (got > 0 && entry_of(got))
					entry_of(got)->pid = 0;
			}
			e->pid = 0;
		}
	}
}

/* A respawned program ended: when to start it again, throttled when it dies at once. */
static void child_ended(struct entry *e)
{
	time_t now = time(NULL);

	e->pid = 0;
	if (e->action != RESPAWN && e->action != ASKFIRST)
		return;
	if (now - e->started >= FAST_FAIL_SECS) {
		e->fast_fails = 0;
		e->due = now;
		return;
	}
	if (++e->fast_fails == FAST_FAILS_MAX)
		printf("init: '%s'%s%s fails at once; retrying every %d s\n", e->process,
		       e->tty[0] ? " on " : "", e->tty, SLOW_RETRY_SECS);
	e->due = now + (e->fast_fails >= FAST_FAILS_MAX ? SLOW_RETRY_SECS : 1);
}

static void start_due(char **envp)
{
	time_t now = time(NULL);
	unsigned next = 0;

	for (int i = 0; i < nr_entries; i++) {
		struct entry *e = &entries[i];

		if ((e->action != RESPAWN && e->action != ASKFIRST) || e->pid)
			continue;
		if (e->due <= now) {
			start_entry(e, envp);
			continue;
		}
		if (!next || (unsigned)(e->due - now) < next)
			next = (unsigned)(e->due - now);
	}
	alarm(next); /* SIGALRM ends the wait when the next one is due */
}

static void __attribute__((noreturn)) shutdown_system(int sig, char **envp)
{
	static const char *const what[] = { [SIGTERM] = "reboot",
					    [SIGUSR1] = "halt",
					    [SIGUSR2] = "poweroff",
					    [SIGQUIT] = "restart" };

	say_power_button();
	printf("init: %s\n", what[sig]);
	fflush(stdout);
	alarm(0);
	/* Respawned programs are not restarted any more: the entries go. */
	for (int i = 0; i < nr_entries; i++)
		if (entries[i].action == RESPAWN || entries[i].action == ASKFIRST)
			entries[i].action = ONCE;
	run_action(SHUTDOWN, envp);
	kill_everybody();
	if (sig == SIGQUIT) {
		for (int i = 0; i < nr_entries; i++) {
			if (entries[i].action == RESTART) {
				char *argv[] = { "sh", "-c", entries[i].process, NULL };

				execve("/bin/sh", argv, envp);
			}
		}
		sig = SIGTERM; /* no restart entry, or it failed: reboot */
	}
	final_reboot(reboot_command(sig));
}

static void note_child(int sig)
{
	(void)sig; /* only to end sigsuspend: waitpid reaps */
}

/*
 * Reaps, restarts and obeys signals. The signals stay blocked but inside sigsuspend, so
 * that one that comes between a check and the wait cannot be lost.
 */
static void __attribute__((noreturn)) main_loop(char **envp)
{
	struct sigaction sa = { .sa_handler = note_child };
	sigset_t block, none;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	sigemptyset(&none);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigaddset(&block, SIGALRM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGQUIT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGUSR2);
	sigprocmask(SIG_BLOCK, &block, NULL);
	for (;;) {
		int status, sig, pending;
		pid_t pid;

		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			struct entry *e = entry_of(pid);

			if (e)
				child_ended(e);
		}
		pending = pending_signals;
		pending_signals = 0;
		sig = shutdown_signal(pending);
		if (sig)
			shutdown_system(sig, envp);
		if (pending & (1 << SIGINT))
			run_action(CTRLALTDEL, envp);
		start_due(envp);
		if (!pending_signals)
			sigsuspend(&none);
	}
}

int main(int argc, char **argv, char **envp)
{
	/*
	 * First, before any work: make bench times the boot from QEMU's start to this line, in
	 * vmrun's boots as in make run's.
	 */
	printf("Mica init: pid %d\n", (int)getpid());
	fflush(stdout);
	if (getpid() != 1)
		fprintf(stderr, "init: running as pid %d, not 1\n", (int)getpid());
	mount_if_needed("proc", "/proc", "proc", 0, NULL);
	/* /dev is the kernel's, mounted before init runs (as Linux's devtmpfs.mount=1). */
	if (!is_mountpoint("/dev"))
		fprintf(stderr, "init: /dev is not mounted\n");
	mount_if_needed("tmpfs", "/tmp", "tmpfs", 0, NULL);
	catch_shutdown_signals();
	if (argc > 1 && !strcmp(argv[1], "vmrun"))
		return vmrun(argv + 2, envp);

	/* From now on Ctrl-Alt-Del is SIGINT to init, not an immediate restart. */
	reboot(RB_DISABLE_CAD);
	mount_fstab();
	set_hostname();
	read_inittab();
	run_action(SYSINIT, envp);
	run_action(WAIT, envp);
	run_action(ONCE, envp);
	main_loop(envp);
}
