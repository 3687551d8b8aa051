// SPDX-License-Identifier: GPL-2.0
/*
 * Signals and traps (XCU 2.11, trap): a caught signal only sets a flag; its action runs
 * between commands. The EXIT trap runs when the shell exits.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sh.h"

#define NSIGS 65

static const char *const names[] = {
	"EXIT", "HUP",	"INT",	"QUIT", "ILL",	  "TRAP",   "ABRT",  "BUS",  "FPE",  "KILL", "USR1",
	"SEGV", "USR2", "PIPE", "ALRM", "TERM",	  "STKFLT", "CHLD",  "CONT", "STOP", "TSTP", "TTIN",
	"TTOU", "URG",	"XCPU", "XFSZ", "VTALRM", "PROF",   "WINCH", "IO",   "PWR",  "SYS",
};
#define NNAMES ((int)(sizeof(names) / sizeof(names[0])))

/* as Linux's C library describes them: the shell prints these for a killed command */
static const char *const descs[] = {
	"Unknown signal 0",
	"Hangup",
	"Interrupt",
	"Quit",
	"Illegal instruction",
	"Trace/breakpoint trap",
	"Aborted",
	"Bus error",
	"Floating point exception",
	"Killed",
	"User defined signal 1",
	"Segmentation fault",
	"User defined signal 2",
	"Broken pipe",
	"Alarm clock",
	"Terminated",
	"Stack fault",
	"Child exited",
	"Continued",
	"Stopped (signal)",
	"Stopped",
	"Stopped (tty input)",
	"Stopped (tty output)",
	"Urgent I/O condition",
	"CPU time limit exceeded",
	"File size limit exceeded",
	"Virtual timer expired",
	"Profiling timer expired",
	"Window changed",
	"I/O possible",
	"Power failure",
	"Bad system call",
};

static char *traps[NSIGS];
static char ignored_at_start[NSIGS];
static volatile sig_atomic_t pending[NSIGS];
volatile int pending_signals;
int in_trap;

const char *sig_name(int sig)
{
	return sig >= 0 && sig < NNAMES ? names[sig] : NULL;
}

const char *sig_desc(int sig)
{
	static char buf[32];

	if (sig > 0 && sig < NNAMES)
		return descs[sig];
	snprintf(buf, sizeof(buf), "Signal %d", sig);
	return buf;
}

int sig_number(const char *name)
{
	char *e;
	long n;
	int i;

	if (!*name)
		return -1;
	n = strtol(name, &e, 10);
	if (!*e)
		return n >= 0 && n < NSIGS ? (int)n : -1;
	if (!strncasecmp(name, "SIG", 3))
		name += 3;
	for (i = 0; i < NNAMES; i++)
		if (!strcasecmp(name, names[i]))
			return i;
	return -1;
}

int pending_sig_number(void)
{
	for (int i = 1; i < NSIGS; i++)
		if (pending[i])
			return i;
	return 0;
}

static void on_signal(int sig)
{
	pending[sig] = 1;
	pending_signals = 1;
}

static void set_handler(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

void trap_init(void)
{
	struct sigaction sa;

	for (int i = 1; i < NSIGS; i++)
		if (!sigaction(i, NULL, &sa) && sa.sa_handler == SIG_IGN)
			ignored_at_start[i] = 1;
	if (interactive) {
		set_handler(SIGINT, on_signal);
		set_handler(SIGQUIT, SIG_IGN);
		set_handler(SIGTERM, SIG_IGN);
	}
}

/* The default for a signal with no trap: the interactive shell keeps its own. */
static void default_action(int sig)
{
	if (interactive && sig == SIGINT)
		set_handler(sig, on_signal);
	else if (interactive && (sig == SIGQUIT || sig == SIGTERM))
		set_handler(sig, SIG_IGN);
	else if (opts[OPT_M] && (sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU))
		set_handler(sig, SIG_IGN);
	else
		set_handler(sig, SIG_DFL);
}

void trap_run_pending(void)
{
	int i;

	pending_signals = 0;
	for (i = 1; i < NSIGS; i++) {
		int save = last_status;

		if (!pending[i])
			continue;
		pending[i] = 0;
		if (traps[i] && *traps[i]) {
			in_trap++;
			eval_string(traps[i], 0);
			in_trap--;
			last_status = save;
		} else if (i == SIGINT && interactive) {
			out_str(2, "\n");
			last_status = 130;
			raise_exc(EX_ERROR);
		}
	}
}

void trap_run_exit(void)
{
	char *t = traps[0];

	if (!t)
		return;
	traps[0] = NULL;
	in_trap++;
	eval_string(t, 0);
	in_trap--;
	free(t);
}

void traps_reset_child(void)
{
	for (int i = 0; i < NSIGS; i++) {
		if (traps[i] && *traps[i]) {
			free(traps[i]);
			traps[i] = NULL;
			if (i)
				set_handler(i, SIG_DFL);
		}
	}
	if (interactive) {
		set_handler(SIGINT, SIG_DFL);
		set_handler(SIGQUIT, SIG_DFL);
		set_handler(SIGTERM, SIG_DFL);
	}
}

static void print_traps(void)
{
	for (int i = 0; i < NSIGS; i++) {
		if (!traps[i])
			continue;
		char *q = single_quote(traps[i]);

		outf(1, "trap -- %s %s\n", q, i < NNAMES ? names[i] : "?");
		free(q);
	}
}

int bltin_trap(int argc, char **argv)
{
	int i = 1, status = 0;
	const char *action;

	if (argc > 1 && !strcmp(argv[1], "--"))
		i++;
	if (i >= argc) {
		print_traps();
		return 0;
	}
	action = argv[i];
	/* "trap N..." (a number first) resets; "trap - N..." too */
	if (sig_number(action) >= 0 && strspn(action, "0123456789") == strlen(action))
		action = "-";
	else
		i++;
	for (; i < argc; i++) {
		int sig = sig_number(argv[i]);

		if (sig < 0) {
			sh_warn("trap: %s: bad trap", argv[i]);
			status = 1;
			continue;
		}
		if (sig == SIGKILL || sig == SIGSTOP)
			continue;
		free(traps[sig]);
		traps[sig] = NULL;
		if (!strcmp(action, "-")) {
			if (sig)
				default_action(sig);
			continue;
		}
		if (sig && ignored_at_start[sig] && !interactive)
			continue;
		traps[sig] = xstrdup(action);
		if (sig)
			set_handler(sig, *action ? on_signal : SIG_IGN);
	}
	return status;
}
