// SPDX-License-Identifier: GPL-2.0
/*
 * xargs: runs a command (default echo) with arguments read from standard input: words split
 * at blanks and newlines, with '...', "..." and backslash quoting (POSIX), or NUL-separated
 * with -0. -n N takes at most N per command, -L N the words of N lines, -I STR one command per
 * line with STR replaced by the line, -s the argument bytes, -r runs nothing for no input,
 * -t prints each command on standard error first, -E EOF stops at a logical end-of-file word.
 * Status 123 if a command exited 1-125, 124 if one exited 255, 125 if one was killed,
 * 126 if it could not be run, 127 if it was not found.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "libcu.h"

static int nul_sep, trace, no_empty;
static long max_args = -1, max_lines = -1, max_chars = 128 * 1024;
static const char *replace, *eof_str;
static int status;
static int line_ended; /* the word just read ended its line (for -L) */
static char *pending; /* a word read but left for the next command (-s) */
static int pending_ended;

/* The next word, or NULL at the end of input. */
static char *next_word(void)
{
	static char *buf;
	static size_t cap;
	size_t n = 0;
	int c, quote = 0, any = 0;

	line_ended = 0;
	if (nul_sep) {
		while ((c = getchar()) != EOF && c != 0) {
			if (n + 2 > cap)
				buf = realloc(buf, cap = cap * 2 + 64);
			buf[n++] = c;
			any = 1;
		}
		if (!any && c == EOF)
			return NULL;
		buf = n + 1 > cap ? realloc(buf, cap = n + 1) : buf;
		buf[n] = 0;
		return buf;
	}
	for (;;) {
		c = getchar();
		if (c == EOF) {
			if (quote)
				cu_die(1, "unmatched %s quote", quote == '"' ? "double" : "single");
			break;
		}
		if (quote) {
			if (c == quote) {
				quote = 0;
				continue;
			}
			if (c == '\n')
				cu_die(1, "unmatched %s quote", quote == '"' ? "double" : "single");
		} else if (c == '\'' || c == '"') {
			quote = c;
			any = 1;
			continue;
		} else if (c == '\\') {
			c = getchar();
			if (c == EOF)
				break;
		} else if (c == ' ' || c == '\t' || c == '\n') {
			if (c == '\n' && any) {
				line_ended = 1;
				break;
			}
			if (any)
				break;
			continue;
		}
		if (n + 2 > cap)
			buf = realloc(buf, cap = cap * 2 + 64);
		buf[n++] = c;
		any = 1;
	}
	if (!any)
		return NULL;
	if (n + 1 > cap)
		buf = realloc(buf, cap = n + 1);
	buf[n] = 0;
	/* a line that ends in a blank goes on (POSIX's -L): its newline is just a blank */
	if (eof_str && !strcmp(buf, eof_str))
		return NULL;
	return buf;
}

static void run(char **argv)
{
	pid_t pid;
	int st;

	if (trace) {
		for (char **a = argv; *a; a++)
			fprintf(stderr, "%s%s", a == argv ? "" : " ", *a);
		fputc('\n', stderr);
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		cu_die(1, "cannot fork");
	if (pid == 0) {
		execvp(argv[0], argv);
		int e = errno;

		cu_warn_errno(argv[0]);
		_exit(e == ENOENT ? 127 : 126);
	}
	if (waitpid(pid, &st, 0) < 0)
		cu_die(1, "waitpid failed");
	if (WIFSIGNALED(st)) {
		cu_warn("%s: terminated by signal %d", argv[0], WTERMSIG(st));
		exit(125);
	}
	int code = WEXITSTATUS(st);

	if (code == 255) {
		cu_warn("%s: exited with status 255; aborting", argv[0]);
		exit(124);
	}
	if (code == 126 || code == 127)
		exit(code);
	if (code)
		status = 123;
}

static char *substitute(const char *arg, const char *with)
{
	size_t rl = strlen(replace), wl = strlen(with), len = strlen(arg) + 1;

	for (const char *p = strstr(arg, replace); p && rl; p = strstr(p + rl, replace))
		len += wl;
	char *out = malloc(len), *o = out;

	for (const char *p = arg; *p;) {
		if (rl && !strncmp(p, replace, rl)) {
			memcpy(o, with, wl);
			o += wl;
			p += rl;
		} else {
			*o++ = *p++;
		}
	}
	*o = 0;
	return out;
}

static long number(const char *s, const char *opt)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v < 1)
		cu_die(1, "invalid number \"%s\" for -%s option", s, opt);
	return v;
}

int main(int argc, char **argv)
{
	static char *echo[] = { "echo", NULL };
	int opt;

	cu_init(argc, argv,
		"[-0rt] [-n N] [-L N] [-I STR] [-s SIZE] [-E EOF] [COMMAND "
		"[ARG]...]\nRun COMMAND with arguments read from standard input.\n  -0      "
		"NUL-separated input\n  -n N    at most N arguments a command\n  -L N    the "
		"words of N lines a command\n  -I STR  one command a line, STR replaced by it\n"
		"  -s N    at most N bytes of arguments\n  -r      nothing to do: run nothing\n"
		"  -t      print commands before running them\n  -E STR  stop at the word STR\n");
	while ((opt = getopt(argc, argv, "+0rtn:L:I:s:E:x")) != -1) {
		switch (opt) {
		case '0':
			nul_sep = 1;
			break;
		case 'r':
			no_empty = 1;
			break;
		case 't':
			trace = 1;
			break;
		case 'x':
			break;
		case 'n':
			max_args = number(optarg, "n");
			break;
		case 'L':
			max_lines = number(optarg, "L");
			break;
		case 'I':
			replace = optarg;
			max_lines = 1;
			break;
		case 's':
			max_chars = number(optarg, "s");
			break;
		case 'E':
			eof_str = optarg;
			break;
		default:
			cu_usage(1);
		}
	}
	char **cmd = optind < argc ? argv + optind : echo;
	int ncmd = optind < argc ? argc - optind : 1;

	if (replace) {
		/* one command a whole line: blanks inside it stay, leading ones go */
		char *line = NULL;
		size_t cap = 0;
		ssize_t len;

		while ((len = nul_sep ? getdelim(&line, &cap, 0, stdin)
				      : getline(&line, &cap, stdin)) > 0) {
			if (line[len - 1] == '\n' || (nul_sep && line[len - 1] == 0))
				line[--len] = 0;
			char *s = line;

			if (!nul_sep)
				while (isblank((unsigned char)*s))
					s++;
			if (!*s && !nul_sep)
				continue;
			if (eof_str && !strcmp(s, eof_str))
				break;
			char **av = malloc((ncmd + 1) * sizeof(*av));

			for (int i = 0; i < ncmd; i++)
				av[i] = substitute(cmd[i], s);
			av[ncmd] = NULL;
			run(av);
			for (int i = 0; i < ncmd; i++)
				free(av[i]);
			free(av);
		}
		return status;
	}
	int cap = ncmd + 1024, ran = 0;
	char **av = malloc(cap * sizeof(*av));

	for (;;) {
		int n = ncmd, lines = 0, done = 0;
		long chars = 0;

		memcpy(av, cmd, ncmd * sizeof(*av));
		for (int i = 0; i < ncmd; i++)
			chars += strlen(cmd[i]) + 1;
		for (;;) {
			char *w = pending ? pending : next_word();
			int ended = pending ? pending_ended : line_ended;

			if (!w) {
				done = 1;
				break;
			}
			/* a word that would pass -s waits for the next command */
			if (n > ncmd && chars + (long)strlen(w) + 1 > max_chars) {
				if (!pending) {
					pending = strdup(w);
					pending_ended = line_ended;
				}
				break;
			}
			if (n + 2 > cap)
				av = realloc(av, (cap *= 2) * sizeof(*av));
			av[n++] = pending ? pending : strdup(w);
			pending = NULL;
			chars += strlen(w) + 1;
			if (ended || nul_sep)
				lines++;
			if (max_args > 0 && n - ncmd >= max_args)
				break;
			if (max_lines > 0 && lines >= max_lines)
				break;
		}
		if (n > ncmd || (!ran && !no_empty)) {
			av[n] = NULL;
			run(av);
			ran = 1;
		}
		for (int i = ncmd; i < n; i++)
			free(av[i]);
		if (done)
			break;
	}
	return status;
}
