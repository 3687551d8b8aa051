// SPDX-License-Identifier: GPL-2.0
/*
 * The interactive shell's history: the lines read at the prompt, kept in memory (HISTSIZE
 * of them, 500 unless set), numbered from 1 as they were entered, loaded from HISTFILE
 * ($HOME/.sh_history unless set; empty: none) at the first prompt and written back when the
 * shell exits. A line that repeats the one before, or starts with a blank, is not kept.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

static char **hist; /* the oldest first */
static int nhist;
static int hist_base = 1; /* the number of hist[0] */
static int loaded;

int hist_count(void)
{
	return nhist;
}

const char *hist_get(int i)
{
	return i >= 0 && i < nhist ? hist[i] : NULL;
}

/* What PS1's '!' shows: the number the next line will have */
int hist_next_number(void)
{
	hist_load();
	return hist_base + nhist;
}

static int hist_size(void)
{
	const char *s = var_get("HISTSIZE");
	char *e;
	long n;

	if (!s || !*s)
		return 500;
	n = strtol(s, &e, 10);
	if (*e || n < 0)
		return 500;
	return n > 100000 ? 100000 : (int)n;
}

static void trim(int max)
{
	int drop = nhist - max;

	if (drop <= 0)
		return;
	for (int i = 0; i < drop; i++)
		free(hist[i]);
	memmove(hist, hist + drop, (nhist - drop) * sizeof(*hist));
	nhist -= drop;
	hist_base += drop;
}

static void push(const char *line, size_t n)
{
	hist = xrealloc(hist, (nhist + 1) * sizeof(*hist));
	hist[nhist++] = xstrndup(line, n);
}

/* A line as read, with or without its newline. */
void hist_add(const char *line)
{
	size_t n = strlen(line);

	while (n && line[n - 1] == '\n')
		n--;
	if (!n || line[0] == ' ' || line[0] == '\t')
		return;
	if (nhist && strlen(hist[nhist - 1]) == n && !memcmp(hist[nhist - 1], line, n))
		return;
	push(line, n);
	trim(hist_size());
}

/* HISTFILE, or ~/.sh_history; NULL for none. The caller frees it. */
static char *hist_file(void)
{
	const char *f = var_get("HISTFILE");
	const char *home = var_get("HOME");
	struct str b = { 0 };

	if (f)
		return *f ? xstrdup(f) : NULL;
	if (!home || !*home)
		return NULL;
	str_adds(&b, home);
	if (b.s[b.len - 1] != '/')
		str_addc(&b, '/');
	str_adds(&b, ".sh_history");
	return str_done(&b);
}

/* Reads the history file, once, at the first prompt: a profile may set HISTFILE. */
void hist_load(void)
{
	char *path, buf[4096];
	struct str line = { 0 };
	int fd;
	ssize_t r;

	if (loaded)
		return;
	loaded = 1;
	path = hist_file();
	if (!path)
		return;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return;
	while ((r = read(fd, buf, sizeof(buf))) > 0 || (r < 0 && errno == EINTR)) {
		for (ssize_t i = 0; i < r; i++) {
			if (buf[i] != '\n') {
				str_addc(&line, buf[i]);
				continue;
			}
			if (line.len)
				push(line.s, line.len);
			line.len = 0;
		}
	}
	if (line.len)
		push(line.s, line.len);
	free(line.s);
	close(fd);
	trim(hist_size());
}

/* At exit: the last HISTSIZE lines replace the file's. */
void hist_save(void)
{
	char *path;
	struct str b = { 0 };
	int fd;

	if (!loaded)
		return;
	path = hist_file();
	if (!path)
		return;
	trim(hist_size());
	for (int i = 0; i < nhist; i++) {
		str_adds(&b, hist[i]);
		str_addc(&b, '\n');
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	free(path);
	if (fd >= 0) {
		if (b.len)
			out_str(fd, b.s);
		close(fd);
	}
	free(b.s);
}

/* history [-c] [N]: the last N lines (all of them), numbered as bash does */
int bltin_history(int argc, char **argv)
{
	int from = 0;

	if (argc > 1 && !strcmp(argv[1], "-c")) {
		for (int i = 0; i < nhist; i++)
			free(hist[i]);
		hist_base += nhist;
		nhist = 0;
		return 0;
	}
	if (argc > 1) {
		char *e;
		long n = strtol(argv[1], &e, 10);

		if (*e || n < 0 || argv[1][0] == 0) {
			sh_warn("history: %s: numeric argument required", argv[1]);
			return 2;
		}
		if (n < nhist)
			from = nhist - (int)n;
	}
	for (int i = from; i < nhist; i++)
		outf(1, "%5d  %s\n", hist_base + i, hist[i]);
	return 0;
}
