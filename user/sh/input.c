// SPDX-License-Identifier: GPL-2.0
/*
 * Where the parser's characters come from: a string (sh -c, eval, command substitution),
 * or a descriptor read a line at a time (a script, standard input, the terminal). A line at a
 * time because a script read from standard input shares it with the commands it runs: the
 * shell must not read past the command it is about to execute.
 *
 * Aliases are expanded by inserting their text at the read position; the source remembers
 * which aliases are being expanded, so that an alias naming itself stops.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

void src_init_string(struct source *s, const char *str)
{
	memset(s, 0, sizeof(*s));
	s->len = strlen(str);
	s->cap = s->len + 1;
	s->buf = xmalloc(s->cap);
	memcpy(s->buf, str, s->len + 1);
	s->fd = -1;
	s->lineno = 1;
}

void src_init_fd(struct source *s, int fd, int interactive)
{
	memset(s, 0, sizeof(*s));
	s->cap = 256;
	s->buf = xmalloc(s->cap);
	s->buf[0] = 0;
	s->fd = fd;
	s->interactive = interactive;
	s->lineno = 1;
}

void src_free(struct source *s)
{
	free(s->buf);
	s->buf = NULL;
}

static void src_append(struct source *s, const char *text, size_t n)
{
	if (s->len + n + 1 > s->cap) {
		while (s->len + n + 1 > s->cap)
			s->cap *= 2;
		s->buf = xrealloc(s->buf, s->cap);
	}
	memcpy(s->buf + s->len, text, n);
	s->len += n;
	s->buf[s->len] = 0;
}

/* The default line reader: read(2) a byte at a time up to a newline. */
static char *read_line_fd(int fd, int *eof)
{
	struct str b = { 0 };

	for (;;) {
		char c;
		ssize_t r = read(fd, &c, 1);

		if (r < 0 && errno == EINTR) {
			if (pending_signals && interactive) {
				/* ^C at the prompt discards the line */
				trap_run_pending();
			}
			continue;
		}
		if (r <= 0) {
			*eof = 1;
			break;
		}
		str_addc(&b, c);
		if (c == '\n')
			break;
	}
	if (!b.len) {
		free(b.s);
		return NULL;
	}
	return str_done(&b);
}

/*
 * One line at the interactive prompt, with its newline, or NULL at end of file: edited on a
 * terminal (lineedit.c), read plainly otherwise. Kept in the history either way.
 */
char *line_read(const char *prompt)
{
	int eof = 0, plain = 1;
	char *line = NULL;

	if (interactive)
		line = lineedit_read(prompt, &plain);
	if (plain) {
		if (prompt)
			out_str(2, prompt);
		line = read_line_fd(0, &eof);
	}
	if (line && interactive)
		hist_add(line);
	return line;
}

/*
 * Appends the next line of input to the buffer; 0 at end of input. ps2 asks for the
 * continuation prompt.
 */
int src_more(struct source *s, int ps2)
{
	char *line;
	int eof = 0;

	if (s->fd < 0 || s->eof)
		return 0;
	if (s->interactive && s->fd == 0) {
		char *prompt;

		flush_all();
		job_notify();
		prompt = ps2 ? expand_one(var_get("PS2") ? var_get("PS2") : "", 0) : NULL;
		if (!ps2) {
			extern char *ps1_expand(void);

			prompt = ps1_expand();
		}
		line = line_read(prompt);
		free(prompt);
	} else {
		line = read_line_fd(s->fd, &eof);
	}
	if (!line) {
		s->eof = 1;
		return 0;
	}
	if (opts[OPT_V])
		out_str(2, line);
	src_append(s, line, strlen(line));
	free(line);
	return 1;
}

/* Inserts an alias's text at the read position. */
void src_insert(struct source *s, const char *text, const char *alias)
{
	size_t n = strlen(text);
	int i;

	if (s->len + n + 1 > s->cap) {
		while (s->len + n + 1 > s->cap)
			s->cap *= 2;
		s->buf = xrealloc(s->buf, s->cap);
	}
	memmove(s->buf + s->pos + n, s->buf + s->pos, s->len - s->pos + 1);
	memcpy(s->buf + s->pos, text, n);
	s->len += n;
	for (i = 0; i < s->nalias; i++)
		s->alias_end[i] += n;
	if (s->nalias < 16) {
		s->alias_busy[s->nalias] = alias;
		s->alias_end[s->nalias] = s->pos + n;
		s->nalias++;
	}
}
