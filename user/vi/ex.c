// SPDX-License-Identifier: GPL-2.0
/*
 * The command line: reading it, ex's addresses and commands (:w :q :wq :x :e :s :NUMBER
 * :d), and the regular expressions of / ? n N and :s, through our libc's regex.h (basic
 * regular expressions, as vi's).
 */
#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vi.h"

/* Reads the command line after prompt into out (which may hold a start); 0 if cancelled. */
int read_line(const char *prompt, char *out, size_t size)
{
	size_t n = strlen(out);
	int literal = 0;

	for (;;) {
		int k;

		screen_prompt(prompt, out);
		k = getkey();
		if (k == K_WINCH) {
			ed.redraw_all = 1;
			screen_draw();
			continue;
		}
		if (literal && k < 0x100) {
			literal = 0;
		} else if (k == '\r' || k == '\n') {
			return 1;
		} else if (k == ESC || k == CTRL('C')) {
			return 0;
		} else if (k == 0x7f || k == CTRL('H')) {
			if (!n)
				return 0;
			out[--n] = 0;
			continue;
		} else if (k == CTRL('U')) {
			out[n = 0] = 0;
			continue;
		} else if (k == CTRL('V')) {
			literal = 1;
			continue;
		}
		if (k >= 0x100 || n + 1 >= size)
			continue;
		out[n++] = (char)k;
		out[n] = 0;
	}
}

static int compile(regex_t *re, const char *pat)
{
	int err = regcomp(re, pat, 0);

	if (err) {
		char why[128];

		regerror(err, re, why, sizeof(why));
		emsg("%s: %s", pat, why);
		return 0;
	}
	return 1;
}

static int match_at(regex_t *re, const char *s, int off, regmatch_t *m)
{
	if (regexec(re, s + off, 10, m, off ? REG_NOTBOL : 0))
		return 0;
	for (int i = 0; i < 10; i++) {
		if (m[i].rm_so >= 0) {
			m[i].rm_so += off;
			m[i].rm_eo += off;
		}
	}
	return 1;
}

/* The first match in row starting at or after col, or the last one starting before col. */
static int find_in_line(regex_t *re, int row, int col, int back)
{
	const char *s = ed.buf.lines[row];
	int l = (int)strlen(s), found = -1;
	regmatch_t m[10];

	if (!back) {
		if (col > l || !match_at(re, s, col, m))
			return -1;
		return (int)m[0].rm_so;
	}
	for (int off = 0; off <= l && match_at(re, s, off, m) && m[0].rm_so < col;) {
		found = (int)m[0].rm_so;
		off = found + 1;
	}
	return found;
}

/* Moves the cursor to the count'th match, wrapping around the ends; 0 if there is none. */
int search(const char *pat, int back, int count)
{
	regex_t re;
	struct pos p = ed.cur;
	int nl = ed.buf.nlines, wrapped = 0;

	if (!compile(&re, pat))
		return 0;
	while (count--) {
		int found = 0;

		for (int i = 0; i <= nl && !found; i++) {
			int row = back ? (p.row - i + 2 * nl) % nl : (p.row + i) % nl;
			int col;

			/* the first line twice: after the cursor first, before it at the end */
			if (i == 0)
				col = find_in_line(&re, row, back ? p.col : p.col + 1, back);
			else
				col = find_in_line(&re, row, back ? INT_MAX : 0, back);
			if (col < 0)
				continue;
			if (i && (back ? row > p.row : row < p.row))
				wrapped = 1;
			if (i == nl && (back ? col <= p.col : col >= p.col))
				wrapped = 1;
			p = (struct pos){ row, col };
			found = 1;
		}
		if (!found) {
			regfree(&re);
			emsg("Pattern not found: %s", pat);
			return 0;
		}
	}
	regfree(&re);
	ed.cur = p;
	if (wrapped)
		msg(back ? "search hit TOP, continuing at BOTTOM"
			 : "search hit BOTTOM, continuing at TOP");
	else
		msg("%c%s", back ? '?' : '/', pat);
	return 1;
}

struct str {
	char *s;
	size_t n, cap;
};

static void add(struct str *o, const char *s, size_t n)
{
	if (o->n + n + 1 > o->cap) {
		while (o->n + n + 1 > o->cap)
			o->cap = o->cap ? 2 * o->cap : 128;
		o->s = xrealloc(o->s, o->cap);
	}
	memcpy(o->s + o->n, s, n);
	o->n += n;
	o->s[o->n] = 0;
}

/* The replacement with & and \1..\9 filled in. */
static void expand_rep(struct str *o, const char *rep, const char *s, regmatch_t *m)
{
	for (const char *r = rep; *r; r++) {
		if (*r == '&') {
			add(o, s + m[0].rm_so, m[0].rm_eo - m[0].rm_so);
		} else if (*r == '\\' && r[1] >= '1' && r[1] <= '9') {
			int g = *++r - '0';

			if (m[g].rm_so >= 0)
				add(o, s + m[g].rm_so, m[g].rm_eo - m[g].rm_so);
		} else if (*r == '\\' && r[1]) {
			add(o, ++r, 1);
		} else {
			add(o, r, 1);
		}
	}
}

/* Reads up to an unescaped delim; \delim becomes delim, other escapes stay. */
static char *delimited(const char **pp, char delim)
{
	struct str o = { 0 };
	const char *p = *pp;

	add(&o, "", 0);
	for (; *p && *p != delim; p++) {
		if (*p == '\\' && p[1] == delim)
			p++;
		else if (*p == '\\' && p[1])
			add(&o, p++, 1);
		add(&o, p, 1);
	}
	*pp = *p ? p + 1 : p;
	return o.s;
}

static void substitute(int from, int to, const char *arg)
{
	char delim = *arg ? *arg : '/';
	const char *p = *arg ? arg + 1 : arg;
	char *pat = delimited(&p, delim), *rep = delimited(&p, delim);
	int global = strchr(p, 'g') != NULL, nsub = 0, nlines = 0, lastrow = -1;
	regex_t re;

	if (!pat[0]) {
		free(pat);
		if (!ed.last_search) {
			emsg("No previous regular expression");
			free(rep);
			return;
		}
		pat = xstrdup(ed.last_search);
	} else {
		free(ed.last_search);
		ed.last_search = xstrdup(pat);
	}
	if (!strcmp(rep, "~") && ed.last_rep) {
		free(rep);
		rep = xstrdup(ed.last_rep);
	}
	free(ed.last_rep);
	ed.last_rep = xstrdup(rep);
	if (!compile(&re, pat))
		goto out;
	for (int row = from; row <= to; row++) {
		const char *s = ed.buf.lines[row];
		int l = (int)strlen(s), off = 0, n = 0;
		struct str o = { 0 };
		regmatch_t m[10];

		add(&o, "", 0);
		while (off <= l && match_at(&re, s, off, m)) {
			add(&o, s + off, m[0].rm_so - off);
			expand_rep(&o, rep, s, m);
			n++;
			off = (int)m[0].rm_eo;
			if (m[0].rm_eo == m[0].rm_so) { /* an empty match: step over a character */
				if (off < l)
					add(&o, s + off, 1);
				off++;
			}
			if (!global)
				break;
		}
		if (!n) {
			free(o.s);
			continue;
		}
		if (off < l)
			add(&o, s + off, l - off);
		buf_set_line(&ed.buf, row, o.s);
		nsub += n;
		nlines++;
		lastrow = row;
	}
	regfree(&re);
	if (!nsub) {
		emsg("Pattern not found: %s", pat);
		goto out;
	}
	ed.cur = (struct pos){ lastrow, 0 };
	while (ed.buf.lines[lastrow][ed.cur.col] == ' ' ||
	       ed.buf.lines[lastrow][ed.cur.col] == '\t')
		ed.cur.col++;
	if (nlines > 1)
		msg("%d substitution%s on %d lines", nsub, nsub == 1 ? "" : "s", nlines);
out:
	free(pat);
	free(rep);
}

/* Loads name into the buffer (a new, empty file if it does not exist). */
int ex_edit(const char *name)
{
	long bytes = 0;
	int err = buf_load(&ed.buf, name, &bytes);

	if (name != ed.name) {
		free(ed.name);
		ed.name = xstrdup(name);
	}
	ed.cur = (struct pos){ 0, 0 };
	ed.top = 0;
	if (err == -ENOENT) {
		buf_free(&ed.buf);
		buf_init(&ed.buf);
		msg("\"%s\" [New File]", name);
		return 0;
	}
	if (err) {
		emsg("\"%s\" %s", name, strerror(-err));
		return err;
	}
	ed.cur.col = first_nonblank(0);
	msg("\"%s\" %dL, %ldB", name, ed.buf.nlines, bytes);
	return 0;
}

static int write_file(const char *name, int bang)
{
	int existed, err;
	long bytes;

	if (!name) {
		emsg("No file name");
		return -1;
	}
	existed = access(name, F_OK) == 0;
	if (existed && !bang && (!ed.name || strcmp(name, ed.name))) {
		emsg("\"%s\" File exists (add ! to override)", name);
		return -1;
	}
	err = buf_save(&ed.buf, name, &bytes);
	if (err) {
		emsg("\"%s\" %s", name, strerror(-err));
		return -1;
	}
	if (!ed.name)
		ed.name = xstrdup(name);
	else if (strcmp(name, ed.name))
		ed.buf.modified = 1; /* another file has it; this one still differs */
	msg("\"%s\"%s %dL, %ldB written", name, existed ? "" : " [New]", bytes ? ed.buf.nlines : 0,
	    bytes);
	return 0;
}

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/*
 * One address (. $ N, each with +N -N after it; no marks) as a line index: -1 if there is
 * none; below -1 for one before the first line, which the caller refuses.
 */
static int address(const char **pp)
{
	const char *p = skip_blanks(*pp);
	int a = -1;

	if (*p == '.') {
		a = ed.cur.row;
		p++;
	} else if (*p == '$') {
		a = ed.buf.nlines - 1;
		p++;
	} else if (*p >= '0' && *p <= '9') {
		a = (int)strtol(p, (char **)&p, 10) - 1;
	}
	while (*p == '+' || *p == '-') {
		int sign = *p++ == '+' ? 1 : -1, n = 1;

		if (*p >= '0' && *p <= '9')
			n = (int)strtol(p, (char **)&p, 10);
		a = (a < 0 ? ed.cur.row : a) + sign * n;
	}
	*pp = p;
	return a;
}

void ex_command(const char *cmd)
{
	const char *p = skip_blanks(cmd);
	int from = -1, to = -1, naddr = 0, bang = 0;
	char name[32];
	size_t n = 0;
	const char *arg;

	if (*p == ':')
		p = skip_blanks(p + 1);
	if (*p == '/' || *p == '?') { /* vi +/PAT: the first match */
		char *pat = xstrdup(p + 1);
		size_t l = strlen(pat);

		if (l && pat[l - 1] == *p)
			pat[l - 1] = 0;
		if (search(pat, *p == '?', 1)) {
			free(ed.last_search);
			ed.last_search = pat;
			return;
		}
		free(pat);
		return;
	}
	if (*p == '%') {
		from = 0;
		to = ed.buf.nlines - 1;
		naddr = 2;
		p++;
	} else {
		from = to = address(&p);
		naddr = from >= 0 || from < -1;
		if (*p == ',' || *p == ';') {
			p++;
			to = address(&p);
			if (to == -1)
				to = from;
			naddr = 2;
		}
	}
	if (naddr && (from < 0 || to < 0 || from >= ed.buf.nlines || to >= ed.buf.nlines)) {
		emsg("Invalid range");
		return;
	}
	if (from > to) {
		int t = from;

		from = to;
		to = t;
	}
	p = skip_blanks(p);
	while (((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) && n < sizeof(name) - 1)
		name[n++] = *p++;
	name[n] = 0;
	if (*p == '!') {
		bang = 1;
		p++;
	}
	arg = skip_blanks(p);
	if (!n && !*arg && !bang) { /* :NUMBER */
		if (naddr) {
			ed.cur = (struct pos){ to, first_nonblank(to) };
		}
		return;
	}
	if (!naddr)
		from = to = ed.cur.row;
	if (!strcmp(name, "s") || !strcmp(name, "substitute")) {
		substitute(from, to, p);
	} else if (!strcmp(name, "w") || !strcmp(name, "write") || !strcmp(name, "wq") ||
		   !strcmp(name, "x") || !strcmp(name, "xit") || !strcmp(name, "wq")) {
		int quit = name[0] != 'w' || !strcmp(name, "wq");

		if (name[0] == 'x' && !ed.buf.modified && !*arg) {
			ed.quit = 1;
			return;
		}
		if (write_file(*arg ? arg : ed.name, bang) == 0 && quit)
			ed.quit = 1;
	} else if (!strcmp(name, "q") || !strcmp(name, "quit")) {
		if (ed.buf.modified && !bang)
			emsg("No write since last change (add ! to override)");
		else
			ed.quit = 1;
	} else if (!strcmp(name, "e") || !strcmp(name, "edit")) {
		if (ed.buf.modified && !bang)
			emsg("No write since last change (add ! to override)");
		else if (!*arg && !ed.name)
			emsg("No file name");
		else
			ex_edit(*arg ? arg : ed.name);
	} else if (!strcmp(name, "d") || !strcmp(name, "delete")) {
		buf_begin(&ed.buf, ed.cur);
		buf_delete_lines(&ed.buf, from, to - from + 1);
		buf_end(&ed.buf);
		ed.cur.row = from < ed.buf.nlines ? from : ed.buf.nlines - 1;
		ed.cur.col = first_nonblank(ed.cur.row);
	} else {
		emsg("Not an editor command: %s", cmd);
	}
}
