// SPDX-License-Identifier: GPL-2.0
/*
 * Processes and jobs: every fork of a command goes through here, so that a wait for one job
 * can reap another's processes and keep their statuses. With set -m each job is a process
 * group, given the terminal while it runs in the foreground; "Done" and "Stopped" notices
 * come at the next prompt.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

enum {
	J_RUNNING,
	J_STOPPED,
	J_DONE
};

struct proc {
	pid_t pid;
	int status; /* wait status */
	int state;
};

struct job {
	int num; /* 0: a foreground job, not in the table */
	pid_t pgid;
	struct proc *procs;
	int nprocs, cap;
	int state;
	int bg;
	int changed; /* state changed since the last notice */
	char *cmd;
	struct job *next;
};

pid_t last_bg_pid;
pid_t shell_pgid;
int tty_fd = -1;
static struct job *jobs; /* the table: background and stopped jobs */
static struct job *current_fg;

int status_of(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	if (WIFSTOPPED(st))
		return 128 + WSTOPSIG(st);
	return 0;
}

void jobs_init(void)
{
	shell_pgid = getpgrp();
	if (opts[OPT_M] && isatty(0)) {
		tty_fd = fcntl(0, F_DUPFD_CLOEXEC, 10);
		/* wait to be in the foreground, then lead a group of our own */
		while (tcgetpgrp(tty_fd) != getpgrp()) {
			if (tcgetpgrp(tty_fd) < 0)
				break;
			kill(0, SIGTTIN);
		}
		signal(SIGTSTP, SIG_IGN);
		signal(SIGTTIN, SIG_IGN);
		signal(SIGTTOU, SIG_IGN);
		setpgid(0, 0);
		shell_pgid = getpid();
		tcsetpgrp(tty_fd, shell_pgid);
	}
}

/* What jobs shows: a background command's source text, or the words of simple commands */
static void add_text(struct str *b, struct node *n)
{
	if (!n)
		return;
	if (n->type == N_BG && n->text) {
		str_adds(b, n->text);
	} else if (n->type == N_CMD) {
		for (int i = 0; i < n->nwords; i++) {
			if (i)
				str_addc(b, ' ');
			str_adds(b, n->words[i]);
		}
	} else if (n->type == N_PIPE) {
		for (int i = 0; i < n->ncmds; i++) {
			if (i)
				str_adds(b, " | ");
			add_text(b, n->cmds[i]);
		}
	} else if (n->type == N_SUBSHELL) {
		str_adds(b, "( ... )");
	} else {
		str_adds(b, "...");
	}
}

static void cmd_text(struct job *j, struct node *n)
{
	struct str b = { 0 };

	add_text(&b, n);
	j->cmd = str_done(&b);
}

struct job *job_new(struct node *n)
{
	struct job *j = xmalloc(sizeof(*j));

	memset(j, 0, sizeof(*j));
	cmd_text(j, n);
	return j;
}

int job_number(struct job *j)
{
	return j->num;
}

static void job_free(struct job *j)
{
	free(j->procs);
	free(j->cmd);
	free(j);
}

static void job_register(struct job *j)
{
	struct job **pp;
	int num = 1;

	for (pp = &jobs; *pp; pp = &(*pp)->next)
		if ((*pp)->num >= num)
			num = (*pp)->num + 1;
	j->num = num;
	j->next = NULL;
	*pp = j;
}

static void job_unregister(struct job *j)
{
	struct job **pp;

	for (pp = &jobs; *pp; pp = &(*pp)->next)
		if (*pp == j) {
			*pp = j->next;
			return;
		}
}

void job_add_pid(struct job *j, pid_t pid)
{
	if (j->nprocs == j->cap) {
		j->cap = j->cap ? j->cap * 2 : 4;
		j->procs = xrealloc(j->procs, j->cap * sizeof(*j->procs));
	}
	j->procs[j->nprocs].pid = pid;
	j->procs[j->nprocs].status = 0;
	j->procs[j->nprocs++].state = J_RUNNING;
}

void jobs_reset_child(void)
{
	struct job *j, *next;

	for (j = jobs; j; j = next) {
		next = j->next;
		job_free(j);
	}
	jobs = NULL;
	current_fg = NULL;
	opts[OPT_M] = 0;
	tty_fd = -1;
}

pid_t fork_child(struct job *j, int bg, struct node *n)
{
	pid_t pid;

	flush_all();
	pid = fork();
	if (pid < 0)
		sh_error("Cannot fork");
	if (pid == 0) {
		int jc = opts[OPT_M];

		subshell = 1;
		if (jc) {
			pid_t pgid = j->pgid ? j->pgid : getpid();

			setpgid(0, pgid);
			if (!bg && tty_fd >= 0)
				tcsetpgrp(tty_fd, pgid);
			signal(SIGTSTP, SIG_DFL);
			signal(SIGTTIN, SIG_DFL);
			signal(SIGTTOU, SIG_DFL);
		}
		if (tty_fd >= 0)
			close(tty_fd);
		jobs_reset_child();
		traps_reset_child();
		interactive = 0;
		return 0;
	}
	if (opts[OPT_M]) {
		if (!j->pgid)
			j->pgid = pid;
		setpgid(pid, j->pgid);
	}
	job_add_pid(j, pid);
	if (bg) {
		j->bg = 1;
		job_register(j);
	}
	return pid;
}

static struct proc *find_proc(struct job *j, pid_t pid)
{
	for (int i = 0; j && i < j->nprocs; i++)
		if (j->procs[i].pid == pid)
			return &j->procs[i];
	return NULL;
}

/* Records a wait status for whichever job has the pid. */
static void record(pid_t pid, int st)
{
	struct job *j = current_fg;
	struct proc *p = find_proc(j, pid);
	int i, done = 1, stopped = 0, old;

	for (j = p ? j : jobs; !p && j; j = j->next)
		if ((p = find_proc(j, pid)))
			break;
	if (!p)
		return;
	p->status = st;
	p->state = WIFSTOPPED(st) ? J_STOPPED : WIFCONTINUED(st) ? J_RUNNING : J_DONE;
	if (WIFCONTINUED(st))
		p->status = 0;
	old = j->state;
	for (i = 0; i < j->nprocs; i++) {
		if (j->procs[i].state != J_DONE)
			done = 0;
		if (j->procs[i].state == J_STOPPED)
			stopped = 1;
	}
	j->state = done ? J_DONE : stopped ? J_STOPPED : J_RUNNING;
	if (j->state != old)
		j->changed = 1;
}

static int reap(int block)
{
	int st;
	pid_t pid = waitpid(-1, &st,
			    (block ? 0 : WNOHANG) | (opts[OPT_M] ? WUNTRACED : 0) | WCONTINUED);

	if (pid > 0)
		record(pid, st);
	return pid;
}

static int job_status(struct job *j)
{
	int status = status_of(j->procs[j->nprocs - 1].status);

	if (opts[OPT_PIPEFAIL])
		for (int i = 0; i < j->nprocs; i++)
			if (status_of(j->procs[i].status))
				status = status_of(j->procs[i].status);
	return status;
}

static const char *state_text(struct job *j, char *buf, size_t n)
{
	int st = j->procs[j->nprocs - 1].status;

	if (j->state == J_RUNNING)
		return "Running";
	if (j->state == J_STOPPED)
		return "Stopped";
	if (WIFSIGNALED(st))
		return sig_desc(WTERMSIG(st));
	if (WEXITSTATUS(st)) {
		snprintf(buf, n, "Done(%d)", WEXITSTATUS(st));
		return buf;
	}
	return "Done";
}

static void print_job(struct job *j, int fd, int pids)
{
	char buf[32];
	struct job *last = NULL, *k;
	char mark = ' ';

	for (k = jobs; k; k = k->next)
		last = k;
	if (j == last)
		mark = '+';
	else if (last && j->next == last)
		mark = '-';
	if (pids)
		outf(fd, "[%d] %c %d %-27s%s\n", j->num, mark, (int)j->procs[0].pid,
		     state_text(j, buf, sizeof(buf)), j->cmd);
	else
		outf(fd, "[%d] %c %-27s%s\n", j->num, mark, state_text(j, buf, sizeof(buf)),
		     j->cmd);
}

/* Waits for a foreground job; a stopped one joins the table. */
int job_wait(struct job *j)
{
	int status, st;

	current_fg = j;
	while (j->state == J_RUNNING) {
		if (reap(1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
	}
	current_fg = NULL;
	if (opts[OPT_M] && tty_fd >= 0)
		tcsetpgrp(tty_fd, shell_pgid);
	if (j->state == J_STOPPED) {
		if (!j->num)
			job_register(j);
		j->bg = 1;
		outf(2, "\n");
		print_job(j, 2, 0);
		j->changed = 0;
		return 128 + WSTOPSIG(j->procs[j->nprocs - 1].status);
	}
	status = j->nprocs ? job_status(j) : 0;
	st = j->nprocs ? j->procs[j->nprocs - 1].status : 0;
	if (WIFSIGNALED(st) && WTERMSIG(st) != SIGINT && WTERMSIG(st) != SIGPIPE)
		outf(2, "%s%s\n", sig_desc(WTERMSIG(st)), WCOREDUMP(st) ? " (core dumped)" : "");
	else if (WIFSIGNALED(st) && WTERMSIG(st) == SIGINT && interactive)
		outf(2, "\n");
	if (j->num)
		job_unregister(j);
	job_free(j);
	return status;
}

/* Before a prompt: reap what ended and say so. */
void job_notify(void)
{
	struct job *j, *next;

	while (reap(0) > 0)
		;
	for (j = jobs; j; j = next) {
		next = j->next;
		if (!j->changed)
			continue;
		j->changed = 0;
		if (interactive)
			print_job(j, 2, 0);
		if (j->state == J_DONE && interactive) {
			job_unregister(j);
			job_free(j);
		}
	}
}

/* %N %% %+ %- %string, or a pid */
static struct job *find_job(const char *spec, const char *who)
{
	struct job *j, *last = NULL, *prev = NULL;

	for (j = jobs; j; j = j->next) {
		prev = last;
		last = j;
	}
	if (!spec || !strcmp(spec, "%%") || !strcmp(spec, "%+") || !strcmp(spec, "%")) {
		if (!last)
			sh_error("%s: No current job", who);
		return last;
	}
	if (!strcmp(spec, "%-")) {
		if (!prev)
			sh_error("%s: No previous job", who);
		return prev;
	}
	if (spec[0] == '%') {
		char *e;
		long n = strtol(spec + 1, &e, 10);

		for (j = jobs; j; j = j->next) {
			if (!*e && j->num == n)
				return j;
			if (*e && !strncmp(j->cmd, spec + 1, strlen(spec + 1)))
				return j;
		}
		sh_error("%s: No such job: %s", who, spec);
	}
	{
		long pid = strtol(spec, NULL, 10);

		for (j = jobs; j; j = j->next)
			for (int i = 0; i < j->nprocs; i++)
				if (j->procs[i].pid == pid)
					return j;
	}
	return NULL;
}

pid_t job_pgid_of(const char *spec)
{
	struct job *j = find_job(spec, "kill");

	return j ? (j->pgid ? j->pgid : j->procs[0].pid) : 0;
}

int job_pgid_is_group(const char *spec)
{
	struct job *j = find_job(spec, "kill");

	return j && j->pgid;
}

int bltin_jobs(int argc, char **argv)
{
	struct job *j;
	int pids = argc > 1 && !strcmp(argv[1], "-l");
	int only_p = argc > 1 && !strcmp(argv[1], "-p");

	while (reap(0) > 0)
		;
	for (j = jobs; j;) {
		struct job *next = j->next;

		if (only_p)
			outf(1, "%d\n", (int)(j->pgid ? j->pgid : j->procs[0].pid));
		else
			print_job(j, 1, pids);
		j->changed = 0;
		if (j->state == J_DONE) {
			job_unregister(j);
			job_free(j);
		}
		j = next;
	}
	return 0;
}

static int wait_job(struct job *j)
{
	int status;

	while (j->state == J_RUNNING)
		if (reap(1) < 0 && errno != EINTR)
			break;
		else if (pending_signals)
			return 128 + pending_sig_number();
	if (j->state == J_STOPPED)
		return 128 + WSTOPSIG(j->procs[j->nprocs - 1].status);
	status = job_status(j);
	{
		int st = j->procs[j->nprocs - 1].status;

		if (WIFSIGNALED(st) && WTERMSIG(st) != SIGINT && WTERMSIG(st) != SIGPIPE)
			outf(2, "%s\n", sig_desc(WTERMSIG(st)));
	}
	job_unregister(j);
	job_free(j);
	return status;
}

int bltin_wait(int argc, char **argv)
{
	int status = 0, i;

	if (argc == 1) {
		while (jobs) {
			struct job *j = jobs;

			while (j->state == J_RUNNING) {
				if (reap(1) < 0 && errno != EINTR)
					break;
				if (pending_signals)
					return 128 + pending_sig_number();
			}
			job_unregister(j);
			job_free(j);
		}
		return 0;
	}
	for (i = 1; i < argc; i++) {
		struct job *j;

		if (argv[i][0] != '%') {
			char *e;
			long pid = strtol(argv[i], &e, 10);

			if (*e || pid <= 0) {
				sh_warn("wait: Illegal number: %s", argv[i]);
				return 2;
			}
		}
		j = find_job(argv[i], "wait");
		if (!j) {
			status = 127;
			continue;
		}
		status = wait_job(j);
	}
	return status;
}

static int resume(int argc, char **argv, int fg)
{
	struct job *j = find_job(argc > 1 ? argv[1] : NULL, fg ? "fg" : "bg");
	pid_t pg;

	if (!j)
		sh_error("%s: No such job", fg ? "fg" : "bg");
	if (!opts[OPT_M])
		sh_error("%s: job control turned off", fg ? "fg" : "bg");
	pg = j->pgid ? j->pgid : j->procs[0].pid;
	for (int i = 0; i < j->nprocs; i++)
		if (j->procs[i].state == J_STOPPED)
			j->procs[i].state = J_RUNNING;
	j->state = J_RUNNING;
	if (fg) {
		outf(1, "%s\n", j->cmd);
		if (tty_fd >= 0)
			tcsetpgrp(tty_fd, pg);
		killpg(pg, SIGCONT);
		job_unregister(j);
		j->num = 0;
		return job_wait(j);
	}
	outf(1, "[%d] %s &\n", j->num, j->cmd);
	killpg(pg, SIGCONT);
	return 0;
}

int bltin_fg(int argc, char **argv)
{
	return resume(argc, argv, 1);
}

int bltin_bg(int argc, char **argv)
{
	return resume(argc, argv, 0);
}
