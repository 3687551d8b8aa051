// SPDX-License-Identifier: GPL-2.0
/*
 * kill: sends a signal (TERM unless -s SIG, -SIG or -NUM says otherwise) to each PID (a
 * negative one is a process group, -1 every process we may signal). -l lists the signal
 * names (as procps does, 16 a line), -l NAME gives its number, -l NUM its name (an exit
 * status above 128 names the signal that caused it, as POSIX asks); -L is a table. Names go
 * with or without "SIG", in any case, and RTMIN+N / RTMAX-N. The shell's built-in kill
 * shadows this one; this is /bin/kill.
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "libcu.h"

static const char *const names[32] = {
	NULL,	"HUP",	"INT",	"QUIT", "ILL",	  "TRAP",   "ABRT",  "BUS",  "FPE",  "KILL", "USR1",
	"SEGV", "USR2", "PIPE", "ALRM", "TERM",	  "STKFLT", "CHLD",  "CONT", "STOP", "TSTP", "TTIN",
	"TTOU", "URG",	"XCPU", "XFSZ", "VTALRM", "PROF",   "WINCH", "POLL", "PWR",  "SYS",
};

/* A signal by name or number; -1 if there is none. */
static int signal_number(const char *s)
{
	char *end;

	if (isdigit((unsigned char)*s)) {
		long v = strtol(s, &end, 10);

		return *end || v < 0 || v >= NSIG ? -1 : (int)v;
	}
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (int i = 1; i < 32; i++)
		if (!strcasecmp(s, names[i]))
			return i;
	if (!strcasecmp(s, "IO"))
		return SIGIO;
	if (!strcasecmp(s, "IOT"))
		return SIGABRT;
	if (!strcasecmp(s, "CLD"))
		return SIGCHLD;
	if (!strncasecmp(s, "RTMIN", 5) || !strncasecmp(s, "RTMAX", 5)) {
		int base = !strncasecmp(s, "RTMIN", 5) ? SIGRTMIN : SIGRTMAX;
		long off = 0;

		if (s[5]) {
			off = strtol(s + 5, &end, 10);
			if (*end || (base == SIGRTMIN ? off < 0 : off > 0))
				return -1;
		}
		if (base + off < SIGRTMIN || base + off > SIGRTMAX)
			return -1;
		return (int)(base + off);
	}
	return -1;
}

static void list(void)
{
	for (int i = 1; i < 32; i++)
		printf("%s%c", names[i], i % 16 && i != 31 ? ' ' : '\n');
}

static void table(void)
{
	for (int i = 1; i < 32; i++)
		printf(i % 7 ? "%2d %-8s" : "%2d %s\n", i, names[i]);
	putchar('\n');
}

/* -l ARG: a number (or exit status) gives the name, a name the number */
static int list_one(const char *arg)
{
	char *end;

	if (isdigit((unsigned char)*arg)) {
		long v = strtol(arg, &end, 10);

		if (!*end && v > 128 && v < 128 + NSIG)
			v -= 128;
		if (!*end && v > 0 && v < 32) {
			puts(names[v]);
			return 0;
		}
		if (!*end && v >= SIGRTMIN && v <= SIGRTMAX) {
			printf("RTMIN+%ld\n", v - SIGRTMIN);
			return 0;
		}
	} else {
		int n = signal_number(arg);

		if (n > 0) {
			printf("%d\n", n);
			return 0;
		}
	}
	cu_warn("unknown signal name %s", arg);
	return 1;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, status = 0;

	cu_init(argc, argv,
		"[-s SIGNAL | -SIGNAL] PID...\n       kill -l [SIGNAL | EXIT_STATUS]\n"
		"       kill -L\nSend a signal (TERM by default) to processes.\n"
		"  -s SIG, -SIG, -NUM  the signal to send, by name or number\n"
		"  -l [ARG]  list the signal names, or translate ARG\n"
		"  -L  list the signals as a table\n"
		"A negative PID is a process group; -1 means every process that may be "
		"signalled.\n");
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--")) {
			i++;
			break;
		}
		if (!strcmp(a, "-l") || !strcmp(a, "--list") || !strncmp(a, "--list=", 7)) {
			const char *arg = a[1] == '-' ? (a[6] ? a + 7 : NULL) : argv[i + 1];

			if (!arg) {
				list();
				return fflush(stdout) ? 1 : 0;
			}
			status = list_one(arg);
			return fflush(stdout) ? 1 : status;
		}
		if (!strcmp(a, "-L") || !strcmp(a, "--table")) {
			table();
			return fflush(stdout) ? 1 : 0;
		}
		if (!strcmp(a, "-s") || !strcmp(a, "--signal") || !strncmp(a, "--signal=", 9)) {
			const char *eq = strchr(a, '=');
			const char *name = eq ? eq + 1 : argv[++i];

			if (!name) {
				cu_warn("option '%s' requires a signal", a);
				cu_usage(1);
			}
			sig = signal_number(name);
			if (sig < 0)
				cu_die(1, "unknown signal name %s", name);
			continue;
		}
		if (isdigit((unsigned char)a[1]) && i > 1)
			break; /* after a signal, -123 is a process group */
		sig = signal_number(a + 1);
		if (sig < 0) {
			if (isdigit((unsigned char)a[1]))
				cu_die(1, "unknown signal %s", a + 1);
			cu_die(1, "unknown signal name %s", a + 1);
		}
	}
	if (i >= argc) {
		cu_warn("no process ID given");
		cu_usage(1);
	}
	for (; i < argc; i++) {
		char *end;
		errno = 0;
		long pid = strtol(argv[i], &end, 10);

		if (end == argv[i] || *end || errno) {
			cu_warn("failed to parse argument: '%s'", argv[i]);
			status = 1;
			continue;
		}
		if (kill((pid_t)pid, sig)) {
			char what[32];

			snprintf(what, sizeof(what), "(%ld)", pid);
			cu_warn_errno(what);
			status = 1;
		}
	}
	return status;
}
