// SPDX-License-Identifier: GPL-2.0
/*
 * The text buffer and its undo history. Every edit is one buf_replace(): some lines
 * replaced by others. The open undo group keeps the lines each replacement removed, so
 * undoing a command replays its changes backwards with the lines swapped, and the swap
 * itself is the redo. No terminal here: user/vi/t_vibuf.c tests this file alone.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vi.h"

/* Set by main.c: what puts the terminal back before an out-of-memory exit. */
void (*vi_fatal_hook)(void);

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p) {
		static const char oom[] = "vi: out of memory\n";

		if (vi_fatal_hook)
			vi_fatal_hook();
		if (write(2, oom, sizeof(oom) - 1) < 0)
			_exit(2);
		_exit(2);
	}
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		return xmalloc((size_t)-1 >> 1); /* reports and exits */
	return q;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

static void free_lines(char **l, int n)
{
	for (int i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

static void free_group(struct undo_group *g)
{
	for (int i = 0; i < g->n; i++)
		free_lines(g->ch[i].del, g->ch[i].ndel);
	free(g->ch);
	free(g);
}

static void free_stack(struct undo_group **top)
{
	while (*top) {
		struct undo_group *g = *top;

		*top = g->next;
		free_group(g);
	}
}

void buf_init(struct buffer *b)
{
	memset(b, 0, sizeof(*b));
	b->cap = 16;
	b->lines = xmalloc(b->cap * sizeof(char *));
	b->lines[0] = xstrdup("");
	b->nlines = 1;
	b->no_lines = 1;
}

void buf_free(struct buffer *b)
{
	free_lines(b->lines, b->nlines);
	free_stack(&b->undo);
	free_stack(&b->redo);
	if (b->open)
		free_group(b->open);
	memset(b, 0, sizeof(*b));
}

int buf_len(const struct buffer *b, int row)
{
	return (int)strlen(b->lines[row]);
}

/* The lines move without the history: the primitive under edits, undo and redo. */
static char **swap_lines(struct buffer *b, int at, int ndel, char **ins, int nins)
{
	char **old = xmalloc((ndel ? ndel : 1) * sizeof(char *));

	memcpy(old, b->lines + at, ndel * sizeof(char *));
	if (b->nlines - ndel + nins > b->cap) {
		while (b->nlines - ndel + nins > b->cap)
			b->cap *= 2;
		b->lines = xrealloc(b->lines, b->cap * sizeof(char *));
	}
	memmove(b->lines + at + nins, b->lines + at + ndel,
		(b->nlines - at - ndel) * sizeof(char *));
	if (nins) /* ins may be NULL then */
		memcpy(b->lines + at, ins, nins * sizeof(char *));
	b->nlines += nins - ndel;
	return old;
}

static void record(struct undo_group *g, int at, int nins, char **del, int ndel)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 4;
		g->ch = xrealloc(g->ch, g->cap * sizeof(*g->ch));
	}
	g->ch[g->n++] = (struct change){ .at = at, .nins = nins, .ndel = ndel, .del = del };
}

/*
 * Lines [at, at + ndel) become the nins strings of ins (the buffer takes them). A buffer
 * left with no lines gets one empty line, inside the same change.
 */
void buf_replace(struct buffer *b, int at, int ndel, char **ins, int nins)
{
	char *empty = NULL;
	char **old;
	int was = b->no_lines;

	if (ndel == b->nlines && nins == 0) {
		empty = xstrdup("");
		ins = &empty;
		nins = 1;
	}
	old = swap_lines(b, at, ndel, ins, nins);
	b->modified = 1;
	if (empty)
		b->no_lines = 1;
	else if (b->nlines != 1 || b->lines[0][0])
		b->no_lines = 0;
	if (!b->open) { /* an edit outside any command: undone on its own */
		buf_begin(b, (struct pos){ at, 0 });
		b->open->no_lines = was;
		record(b->open, at, nins, old, ndel);
		buf_end(b);
		return;
	}
	/* typing on one line: the line before the first keystroke is all undo needs */
	if (b->open->n && ndel == 1 && nins == 1) {
		struct change *last = &b->open->ch[b->open->n - 1];

		if (last->at == at && last->nins == 1 && last->ndel == 1) {
			free_lines(old, 1);
			return;
		}
	}
	record(b->open, at, nins, old, ndel);
}

void buf_set_line(struct buffer *b, int row, char *s)
{
	buf_replace(b, row, 1, &s, 1);
}

void buf_insert_lines(struct buffer *b, int at, char *const *lines, int n)
{
	char **copy = xmalloc((n ? n : 1) * sizeof(char *));

	for (int i = 0; i < n; i++)
		copy[i] = xstrdup(lines[i]);
	buf_replace(b, at, 0, copy, n);
	free(copy);
}

void buf_delete_lines(struct buffer *b, int at, int n)
{
	if (at + n > b->nlines)
		n = b->nlines - at;
	if (n > 0)
		buf_replace(b, at, n, NULL, 0);
}

/* Deletes the characters from a up to (not including) e; e may be on a later line. */
void buf_delete_range(struct buffer *b, struct pos a, struct pos e)
{
	const char *first = b->lines[a.row], *last = b->lines[e.row];
	size_t tail = strlen(last + e.col);
	char *s = xmalloc(a.col + tail + 1);

	memcpy(s, first, a.col);
	memcpy(s + a.col, last + e.col, tail + 1);
	buf_replace(b, a.row, e.row - a.row + 1, &s, 1);
}

/* The text from a up to e, as a charwise register. */
void buf_copy_range(const struct buffer *b, struct pos a, struct pos e, struct reg *r)
{
	r->n = e.row - a.row + 1;
	r->linewise = 0;
	r->lines = xmalloc(r->n * sizeof(char *));
	for (int i = a.row; i <= e.row; i++) {
		const char *s = b->lines[i];
		int from = i == a.row ? a.col : 0;
		int to = i == e.row ? e.col : (int)strlen(s);

		r->lines[i - a.row] = xstrndup(s + from, to > from ? to - from : 0);
	}
}

/*
 * Inserts charwise text at a position: n lines means n - 1 newlines. Returns the position
 * just after the inserted text.
 */
struct pos buf_insert_text(struct buffer *b, struct pos at, char *const *lines, int n)
{
	const char *cur = b->lines[at.row];
	const char *tail = cur + at.col;
	char **out = xmalloc(n * sizeof(char *));
	struct pos end;

	for (int i = 0; i < n; i++) {
		const char *pre = i == 0 ? cur : "";
		size_t npre = i == 0 ? (size_t)at.col : 0;
		const char *post = i == n - 1 ? tail : "";
		size_t ln = strlen(lines[i]), np = strlen(post);
		char *s = xmalloc(npre + ln + np + 1);

		memcpy(s, pre, npre);
		memcpy(s + npre, lines[i], ln);
		memcpy(s + npre + ln, post, np + 1);
		out[i] = s;
		if (i == n - 1)
			end = (struct pos){ at.row + i, (int)(npre + ln) };
	}
	buf_replace(b, at.row, 1, out, n);
	free(out);
	return end;
}

void buf_begin(struct buffer *b, struct pos cur)
{
	if (b->open)
		return;
	b->open = xmalloc(sizeof(*b->open));
	memset(b->open, 0, sizeof(*b->open));
	b->open->cur = cur;
	b->open->no_lines = b->no_lines;
}

/* Ends the command: a group that changed something goes on the undo stack, and a new
 * change forgets what could be redone. */
void buf_end(struct buffer *b)
{
	struct undo_group *g = b->open;

	if (!g)
		return;
	b->open = NULL;
	if (!g->n) {
		free_group(g);
		return;
	}
	free_stack(&b->redo);
	g->next = b->undo;
	b->undo = g;
}

/* Replays a group backwards with every change swapped: its result undoes it. */
static struct undo_group *invert(struct buffer *b, struct undo_group *g, struct pos *cur)
{
	struct undo_group *inv = xmalloc(sizeof(*inv));

	memset(inv, 0, sizeof(*inv));
	inv->cur = *cur;
	inv->no_lines = b->no_lines;
	for (int i = g->n - 1; i >= 0; i--) {
		struct change *c = &g->ch[i];
		char **old = swap_lines(b, c->at, c->nins, c->del, c->ndel);

		/* the buffer owns the strings of del now; old's are the inverse's */
		record(inv, c->at, c->ndel, old, c->nins);
		free(c->del);
		c->del = NULL;
		c->ndel = 0;
	}
	*cur = g->cur;
	b->no_lines = g->no_lines;
	return inv;
}

static int move_group(struct buffer *b, struct undo_group **from, struct undo_group **to,
		      struct pos *cur)
{
	struct undo_group *g = *from, *inv;

	buf_end(b);
	if (!g)
		return 0;
	*from = g->next;
	inv = invert(b, g, cur);
	free_group(g);
	inv->next = *to;
	*to = inv;
	b->modified = 1;
	if (cur->row >= b->nlines)
		cur->row = b->nlines - 1;
	return 1;
}

int buf_undo(struct buffer *b, struct pos *cur)
{
	return move_group(b, &b->undo, &b->redo, cur);
}

int buf_redo(struct buffer *b, struct pos *cur)
{
	return move_group(b, &b->redo, &b->undo, cur);
}

void reg_free(struct reg *r)
{
	free_lines(r->lines, r->n);
	r->lines = NULL;
	r->n = 0;
}

/* Reads a file: a missing last newline is supplied; -errno on failure. */
int buf_load(struct buffer *b, const char *path, long *bytes)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	char *data = NULL, *p, *nl;
	size_t len = 0, cap = 0;
	ssize_t n;
	int nlines = 0, err = 0;
	char **lines;

	if (fd < 0)
		return -errno;
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? 2 * cap : 65536;
			data = xrealloc(data, cap);
		}
		n = read(fd, data + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = -errno;
			goto out;
		}
		if (!n)
			break;
		len += n;
	}
	*bytes = (long)len;
	for (size_t i = 0; i < len; i++)
		nlines += data[i] == '\n';
	if (len && data[len - 1] != '\n')
		nlines++;
	lines = xmalloc((nlines ? nlines : 1) * sizeof(char *));
	p = data;
	for (int i = 0; i < nlines; i++) {
		nl = memchr(p, '\n', data + len - p);
		if (!nl)
			nl = data + len;
		lines[i] = xstrndup(p, nl - p);
		p = nl + 1;
	}
	free_lines(b->lines, b->nlines);
	free_stack(&b->undo);
	free_stack(&b->redo);
	if (!nlines)
		lines[nlines++] = xstrdup("");
	b->lines = lines;
	b->nlines = b->cap = nlines;
	b->modified = 0;
	b->no_lines = len == 0;
out:
	free(data);
	close(fd);
	return err;
}

/*
 * Writes the buffer over the file, in place as vi does (its mode, owner and links stay),
 * each line with its newline; a buffer without lines is an empty file. -errno on
 * failure.
 */
int buf_save(struct buffer *b, const char *path, long *bytes)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	size_t total = 0;
	int err = 0;

	if (fd < 0)
		return -errno;
	if (b->no_lines && b->nlines == 1 && !b->lines[0][0])
		goto out;
	for (int i = 0; i < b->nlines && !err; i++) {
		size_t n = strlen(b->lines[i]);
		char *s = b->lines[i];

		s[n] = '\n'; /* the string's NUL, for one write of the line and its newline */
		for (size_t off = 0; off < n + 1;) {
			ssize_t w = write(fd, s + off, n + 1 - off);

			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0) {
				err = -errno;
				break;
			}
			off += w;
		}
		s[n] = 0;
		total += n + 1;
	}
out:
	if (close(fd) < 0 && !err)
		err = -errno;
	*bytes = (long)total;
	if (!err)
		b->modified = 0;
	return err;
}
