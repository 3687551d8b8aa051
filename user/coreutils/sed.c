// SPDX-License-Identifier: GPL-2.0
/*
 * sed: the stream editor. The script (every -e joined by newlines, -f files' contents) is
 * parsed once into an array of commands; '{' knows the index of its '}', b/t/T the index of
 * their label. Each cycle reads a line into the pattern space, runs the commands whose
 * addresses select it, prints the pattern space unless -n, then the queued 'a'/'r' text.
 * Regular expressions are our libc's <regex.h>, basic or (-E/-r) extended, with GNU's \n and
 * \t translated first; an empty regex is the last one used. Like GNU, a last line without a
 * newline is written without one; anything written after it gets the newline first.
 * -i writes each file to a temporary next to it and renames it over the file.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libcu.h"

enum {
	R_INACTIVE,
	R_ACTIVE,
	R_CLOSED
};

enum {
	A_NONE,
	A_LINE,
	A_LAST,
	A_RE,
	A_STEP,
	A_PLUS,
	A_MULT
};

struct addr {
	int type;
	long n, step;
	regex_t *re; /* NULL with A_RE: the last regex used */
};

/* An output file ('w' and s///w), with GNU's missing-newline bookkeeping. */
struct out {
	char *name;
	FILE *f;
	int missing_nl;
	struct out *next;
};

struct cmd {
	struct addr a1, a2;
	int neg, c;
	int state; /* R_INACTIVE, R_ACTIVE (inside addr1,addr2) or R_CLOSED */
	long range_end; /* A_PLUS/A_MULT: the range's last line */
	char *text; /* a i c: the text; b t T ':': the label; r: the file */
	long jump; /* '{': index of its '}'; b t T: index of the label, -1 for the end */
	/* s */
	regex_t *re;
	int *repl, nrepl;
	int global, print, nth;
	struct out *wf;
	unsigned char ymap[256];
	int status; /* q Q */
};

static struct cmd *cmds;
static long ncmds, cap_cmds;
static int quiet, ere, separate, in_place, zero_term, posix_mode;
static const char *suffix;
static char *script;
static size_t script_len;
static const char *sp; /* parse position */
static struct out *outs, stdout_out;
static regex_t *last_re;
static int exit_status;

/* The pattern space and the hold space. */
struct buf {
	char *s;
	size_t len, cap;
	int chomped; /* the line read ended with the delimiter */
};
static struct buf ps, hs;

/* Input: the operand files in turn, one line of lookahead to know '$'. */
static char **files;
static int nfiles, file_idx;
static FILE *in;
static const char *in_name;
static long lineno;
static char *look;
static size_t look_cap;
static ssize_t look_len = -1;
static int look_has_delim;
static FILE *ip_out; /* -i: the temporary */
static char *ip_tmp;
static int quit_now;
static int replaced; /* an s succeeded since the last line was read or t/T ran */

/* Queued 'a', 'r' output, written at the end of the cycle. */
struct app {
	char *text;
	size_t len;
	int is_file;
	struct app *next;
};
static struct app *app_head, **app_tail = &app_head;

static void buf_set(struct buf *b, const char *s, size_t len)
{
	if (len + 1 > b->cap) {
		b->cap = len + 64;
		b->s = realloc(b->s, b->cap);
		if (!b->s)
			cu_die(4, "out of memory");
	}
	memmove(b->s, s, len);
	b->len = len;
	b->s[len] = 0;
}

static void buf_add(struct buf *b, const char *s, size_t len)
{
	if (b->len + len + 1 > b->cap) {
		b->cap = (b->len + len) * 2 + 64;
		b->s = realloc(b->s, b->cap);
		if (!b->s)
			cu_die(4, "out of memory");
	}
	memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = 0;
}

static void __attribute__((noreturn)) bad(const char *msg)
{
	fflush(stdout);
	fprintf(stderr, "%s: -e expression #1, char %ld: %s\n", prog_name, (long)(sp - script),
		msg);
	exit(1);
}

/* ---- parsing ---- */

static void skip_ws(void)
{
	while (*sp == ' ' || *sp == '\t')
		sp++;
}

/*
 * The text up to an unescaped 'delim' (bracket expressions of a regex may hold it), with
 * "\delim" made the plain character and "\n" a newline; other escapes stay for regcomp.
 * is_re == 2 is the replacement of s: "\n" stays an escape there (its parser decides).
 */
static char *delimited(int delim, int is_re)
{
	size_t cap = 64, n = 0;
	char *r = malloc(cap);

	for (;;) {
		if (n + 4 > cap)
			r = realloc(r, cap *= 2);
		if (!*sp)
			return free(r), NULL;
		if (*sp == delim) {
			sp++;
			break;
		}
		if (*sp == '\\' && sp[1]) {
			if (sp[1] == delim) {
				r[n++] = (char)delim;
			} else if (sp[1] == 'n' && is_re == 1) {
				r[n++] = '\n';
			} else if (sp[1] == '\n' && is_re == 1) {
				r[n++] = '\n';
			} else {
				r[n++] = '\\';
				r[n++] = sp[1];
			}
			sp += 2;
			continue;
		}
		if (*sp == '\n' && is_re == 1)
			bad("unterminated address regex");
		if (*sp == '[' && is_re == 1) {
			const char *q = sp + 1;

			if (*q == '^')
				q++;
			if (*q == ']')
				q++;
			while (*q && *q != ']') {
				if (*q == '[' && (q[1] == ':' || q[1] == '.' || q[1] == '=')) {
					const char *e = strstr(q + 2, (char[]){ q[1], ']', 0 });

					if (!e)
						break;
					q = e + 2;
					continue;
				}
				q++;
			}
			if (*q == ']') {
				size_t l = (size_t)(q + 1 - sp);

				while (n + l + 4 > cap)
					r = realloc(r, cap *= 2);
				memcpy(r + n, sp, l);
				n += l;
				sp = q + 1;
				continue;
			}
		}
		r[n++] = *sp++;
	}
	r[n] = 0;
	return r;
}

static regex_t *compile(const char *pat, int icase)
{
	if (!*pat)
		return NULL;
	regex_t *re = malloc(sizeof(*re));
	/* GNU's \t in a regex is a tab; our regcomp knows the POSIX escapes only */
	char *p = malloc(strlen(pat) + 1), *q = p;

	for (const char *s = pat; *s; s++) {
		if (s[0] == '\\' && s[1] == 't') {
			*q++ = '\t';
			s++;
		} else if (s[0] == '\\' && s[1]) {
			*q++ = *s++;
			*q++ = *s;
		} else {
			*q++ = *s;
		}
	}
	*q = 0;
	int err = regcomp(re, p, (ere ? REG_EXTENDED : 0) | (icase ? REG_ICASE : 0));

	free(p);
	if (err) {
		char msg[128];

		regerror(err, re, msg, sizeof(msg));
		bad(msg);
	}
	return re;
}

static long number(void)
{
	long v = 0;

	while (isdigit((unsigned char)*sp))
		v = v * 10 + (*sp++ - '0');
	return v;
}

static int parse_addr(struct addr *a)
{
	if (isdigit((unsigned char)*sp)) {
		a->type = A_LINE;
		a->n = number();
		if (*sp == '~') {
			sp++;
			a->type = A_STEP;
			a->step = number();
		}
		return 1;
	}
	if (*sp == '$') {
		sp++;
		a->type = A_LAST;
		return 1;
	}
	if (*sp == '/' || *sp == '\\') {
		int delim = *sp == '/' ? '/' : sp[1];

		sp += *sp == '/' ? 1 : 2;
		if (!delim || delim == '\n' || delim == '\\')
			bad("unexpected `,'");
		char *pat = delimited(delim, 1);
		int icase = 0;

		if (!pat)
			bad("unterminated address regex");
		while (*sp == 'I' || *sp == 'M')
			icase |= *sp++ == 'I';
		a->type = A_RE;
		a->re = compile(pat, icase);
		free(pat);
		return 1;
	}
	return 0;
}

static struct out *open_out(const char *name)
{
	if (!strcmp(name, "/dev/stdout"))
		return &stdout_out;
	for (struct out *o = outs; o; o = o->next)
		if (!strcmp(o->name, name))
			return o;
	struct out *o = calloc(1, sizeof(*o));

	o->name = strdup(name);
	o->f = !strcmp(name, "/dev/stderr") ? stderr : fopen(name, "w");
	if (!o->f)
		cu_die(4, "couldn't open file %s: %s", name, strerror(errno));
	o->next = outs;
	outs = o;
	return o;
}

/*
 * The rest of the line: a file name; or a label (label_end 1), which as in GNU also ends at
 * ';' or a blank, and for b, t and T (label_end 2) at '}'.
 */
static char *rest_of_line(int label_end)
{
	skip_ws();
	const char *s = sp;

	while (*sp && *sp != '\n' && !(label_end && (*sp == ';' || *sp == ' ' || *sp == '\t')) &&
	       !(label_end == 2 && *sp == '}'))
		sp++;
	const char *e = sp;

	if (label_end)
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
	return strndup(s, (size_t)(e - s));
}

/*
 * The text of a, i, c: GNU's one-line form ("a text", leading blanks dropped) or POSIX's
 * "a\" newline text, lines continued by a trailing backslash; a backslash quotes the next
 * character (a leading one keeps blanks).
 */
static char *parse_text(void)
{
	struct buf t = { 0 };

	skip_ws();
	if (*sp == '\\') {
		sp++;
		if (*sp == '\n')
			sp++;
	}
	if (!*sp)
		bad("expected \\ after `a', `c' or `i'");
	while (*sp && *sp != '\n') {
		if (*sp == '\\') {
			sp++;
			if (!*sp)
				break;
		}
		buf_add(&t, sp, 1);
		sp++;
	}
	if (*sp == '\n')
		sp++;
	buf_add(&t, "\n", 1);
	return t.s;
}

/* Replacement: chars >= 0, -1 - N for \N and &, -20.. for \L \U \l \u \E. */
static void parse_repl(struct cmd *c, const char *r)
{
	size_t n = strlen(r);

	c->repl = malloc((n + 1) * sizeof(int));
	c->nrepl = 0;
	for (const char *s = r; *s; s++) {
		int v = (unsigned char)*s;

		if (*s == '&') {
			v = -1;
		} else if (*s == '\\' && s[1]) {
			s++;
			if (isdigit((unsigned char)*s)) {
				v = -1 - (*s - '0');
				if (*s - '0' > (c->re ? (int)c->re->re_nsub : 9))
					bad("invalid reference on `s' command's RHS");
			} else if (*s == 'n') {
				v = '\n';
			} else if (*s == 't') {
				v = '\t';
			} else if (*s == 'x' && isxdigit((unsigned char)s[1])) {
				/* GNU's \xHH */
				int n = 0;

				v = 0;
				while (n < 2 && isxdigit((unsigned char)s[1])) {
					int d = tolower((unsigned char)*++s);

					v = v * 16 + (isdigit(d) ? d - '0' : d - 'a' + 10);
					n++;
				}
			} else if (strchr("LUluE", *s)) {
				v = -20 - (int)(strchr("LUluE", *s) - "LUluE");
			} else {
				v = (unsigned char)*s;
			}
		}
		c->repl[c->nrepl++] = v;
	}
}

static void parse_s(struct cmd *c)
{
	int delim = *sp++;

	if (!delim || delim == '\n' || delim == '\\')
		bad("unterminated `s' command");
	char *pat = delimited(delim, 1);

	if (!pat)
		bad("unterminated `s' command");
	char *rep = delimited(delim, 2);

	if (!rep)
		bad("unterminated `s' command");
	int icase = 0;

	for (;;) {
		if (*sp == 'g') {
			c->global = 1;
		} else if (*sp == 'p') {
			c->print++;
		} else if (*sp == 'i' || *sp == 'I') {
			icase = 1;
		} else if (*sp == 'm' || *sp == 'M') {
			/* multi-line mode is not supported; accepted as GNU's no-op for one line */
		} else if (isdigit((unsigned char)*sp)) {
			if (c->nth)
				bad("multiple number options to `s' command");
			c->nth = (int)number();
			if (!c->nth)
				bad("number option to `s' command may not be zero");
			continue;
		} else if (*sp == 'w') {
			sp++;
			char *name = rest_of_line(0);

			c->wf = open_out(name);
			free(name);
			break;
		} else {
			break;
		}
		sp++;
	}
	c->re = compile(pat, icase);
	parse_repl(c, rep);
	if (!c->re) { /* check references against the regex it will use at run time */
		for (int i = 0; i < c->nrepl; i++)
			if (c->repl[i] < -1 && c->repl[i] > -11 && last_re &&
			    -1 - c->repl[i] > (int)last_re->re_nsub)
				bad("invalid reference on `s' command's RHS");
	} else {
		last_re = c->re;
	}
	free(pat);
	free(rep);
}

static void parse_y(struct cmd *c)
{
	int delim = *sp++;
	char *a = delimited(delim, 0), *b = a ? delimited(delim, 0) : NULL;

	if (!a || !b)
		bad("unterminated `y' command");
	for (int i = 0; i < 256; i++)
		c->ymap[i] = (unsigned char)i;
	/* both sides: "\\" is a backslash, "\n" a newline, "\delim" was handled */
	char *sa = a, *sb = b;

	for (char **p = (char *[]){ a, b, NULL }; *p; p++) {
		char *r = *p, *w = *p;

		while (*r) {
			if (*r == '\\' && r[1] == 'n') {
				*w++ = '\n';
				r += 2;
			} else if (*r == '\\' && r[1] == '\\') {
				*w++ = '\\';
				r += 2;
			} else if (*r == '\\' && r[1]) {
				bad("unknown option to `y'");
			} else {
				*w++ = *r++;
			}
		}
		*w = 0;
	}
	if (strlen(sa) != strlen(sb))
		bad("strings for `y' command are different lengths");
	for (size_t i = 0; sa[i]; i++)
		c->ymap[(unsigned char)sa[i]] = (unsigned char)sb[i];
	free(a);
	free(b);
}

static void end_of_cmd(void)
{
	skip_ws();
	if (*sp == ';' || *sp == '\n' || *sp == '}' || *sp == '#' || !*sp)
		return;
	bad("extra characters after command");
}

static void parse_script(void)
{
	long stack[256];
	int depth = 0;

	sp = script;
	if (sp[0] == '#' && sp[1] == 'n' && (sp[2] == '\n' || !sp[2]))
		quiet = 1;
	for (;;) {
		while (isspace((unsigned char)*sp) || *sp == ';')
			sp++;
		if (!*sp)
			break;
		if (*sp == '#') {
			while (*sp && *sp != '\n')
				sp++;
			continue;
		}
		if (ncmds == cap_cmds) {
			cap_cmds = cap_cmds ? cap_cmds * 2 : 32;
			cmds = realloc(cmds, (size_t)cap_cmds * sizeof(*cmds));
		}
		struct cmd *c = &cmds[ncmds];

		memset(c, 0, sizeof(*c));
		if (parse_addr(&c->a1)) {
			skip_ws();
			if (*sp == ',') {
				sp++;
				skip_ws();
				if (*sp == '+' || *sp == '~') {
					c->a2.type = *sp++ == '+' ? A_PLUS : A_MULT;
					if (!isdigit((unsigned char)*sp))
						bad("expected newer version of sed");
					c->a2.n = number();
					if (!c->a2.n) /* A,+0 and A,~0 are A alone */
						c->a2.type = A_NONE;
				} else if (!parse_addr(&c->a2) || c->a2.type == A_STEP) {
					bad("unexpected `,'");
				}
			}
			if (c->a1.type == A_LINE && c->a1.n == 0) {
				if (c->a2.type != A_RE || posix_mode)
					bad("invalid usage of line address 0");
				c->state = R_ACTIVE; /* so /re/ may end it on line 1 */
			}
		}
		skip_ws();
		while (*sp == '!') {
			c->neg = 1;
			sp++;
			skip_ws();
		}
		c->c = *sp;
		if (!*sp)
			bad("missing command");
		sp++;
		if (c->a1.type != A_NONE && strchr(":}", c->c))
			bad(c->c == '}' ? "unexpected `}'" : ": doesn't want any addresses");
		if (c->a2.type != A_NONE && strchr("=qQ", c->c) && posix_mode)
			bad("command only uses one address");
		switch (c->c) {
		case '{':
			if (depth == 256)
				bad("too many {");
			stack[depth++] = ncmds;
			break;
		case '}':
			if (!depth)
				bad("unexpected `}'");
			cmds[stack[--depth]].jump = ncmds;
			end_of_cmd();
			break;
		case '=':
		case 'd':
		case 'D':
		case 'g':
		case 'G':
		case 'h':
		case 'H':
		case 'l':
		case 'n':
		case 'N':
		case 'p':
		case 'P':
		case 'x':
		case 'z':
		case 'F':
			end_of_cmd();
			break;
		case 'q':
		case 'Q':
			if (c->a2.type != A_NONE)
				bad("command only uses one address");
			skip_ws();
			c->status = (int)number();
			end_of_cmd();
			break;
		case 'a':
		case 'i':
		case 'c':
			c->text = parse_text();
			break;
		case ':':
			c->text = rest_of_line(1);
			if (!*c->text)
				bad("\":\" lacks a label");
			break;
		case 'b':
		case 't':
		case 'T':
			c->text = rest_of_line(2);
			end_of_cmd();
			break;
		case 'r':
			c->text = rest_of_line(0);
			break;
		case 'w':
			c->text = rest_of_line(0);
			c->wf = open_out(c->text);
			break;
		case 's':
			parse_s(c);
			end_of_cmd();
			break;
		case 'y':
			parse_y(c);
			end_of_cmd();
			break;
		default:
			sp--;
			bad("unknown command");
		}
		ncmds++;
	}
	if (depth)
		bad("unmatched `{'");
	for (long i = 0; i < ncmds; i++) {
		struct cmd *c = &cmds[i];

		if (!strchr("btT", c->c))
			continue;
		c->jump = -1;
		if (!*c->text)
			continue;
		for (long j = 0; j < ncmds; j++)
			if (cmds[j].c == ':' && !strcmp(cmds[j].text, c->text))
				c->jump = j;
		if (c->jump < 0) {
			fprintf(stderr,
				"%s: -e expression #1, char 0: can't find label for jump "
				"to `%s'\n",
				prog_name, c->text);
			exit(4);
		}
	}
}

/* ---- input ---- */

static int open_next(void)
{
	while (file_idx < nfiles) {
		const char *name = files[file_idx++];

		if (!strcmp(name, "-") && !in_place) {
			in = stdin;
			in_name = "-";
			return 1;
		}
		in = fopen(name, "r");
		if (!in) {
			cu_warn("can't read %s: %s", name, strerror(errno));
			exit_status = 2;
			continue;
		}
		struct stat st;

		if (!fstat(fileno(in), &st) && S_ISDIR(st.st_mode)) {
			if (in_place)
				cu_warn("couldn't edit %s: not a regular file", name);
			else
				cu_warn("read error on %s: Is a directory", name);
			exit_status = in_place ? 4 : 2;
			fclose(in);
			in = NULL;
			continue;
		}
		in_name = name;
		if (separate)
			lineno = 0;
		return 1;
	}
	return 0;
}

static void finish_in_place(void);
static void start_in_place(void);

/* Fills the lookahead from the current file, or the next ones (not with -s/-i). */
static void fill_look(int cross_files)
{
	int d = zero_term ? 0 : '\n';

	for (;;) {
		if (in) {
			look_len = getdelim(&look, &look_cap, d, in);
			if (look_len >= 0) {
				look_has_delim = look_len > 0 && look[look_len - 1] == d;
				if (look_has_delim)
					look_len--;
				return;
			}
			if (in != stdin)
				fclose(in);
			in = NULL;
		}
		if (!cross_files)
			return;
		if (!open_next())
			return;
	}
}

static int is_last(void)
{
	if (look_len >= 0)
		return 0;
	if (separate || in_place)
		return 1;
	/* peek into the following files: '$' is the last line of the last readable one */
	fill_look(1);
	return look_len < 0;
}

/* Reads the next line into the pattern space (replacing or, with append, after a newline). */
static int read_line(int append)
{
	if (look_len < 0) {
		if (separate || in_place) {
			while (look_len < 0) {
				if (in_place && ip_out)
					finish_in_place();
				if (!open_next())
					return 0;
				if (in_place)
					start_in_place();
				fill_look(0);
			}
		} else {
			fill_look(1);
		}
		if (look_len < 0)
			return 0;
	}
	if (append) {
		buf_add(&ps, zero_term ? "" : "\n", 1);
		buf_add(&ps, look, (size_t)look_len);
	} else {
		buf_set(&ps, look, (size_t)look_len);
	}
	ps.chomped = look_has_delim;
	replaced = 0;
	lineno++;
	look_len = -1;
	fill_look(!(separate || in_place));
	return 1;
}

/* ---- output ---- */

static struct out *cur_out(void)
{
	if (ip_out) {
		static struct out o;

		o.f = ip_out;
		return &o;
	}
	return &stdout_out;
}

static void emit(struct out *o, const char *s, size_t len, int nl)
{
	if (o->missing_nl) {
		putc(zero_term ? 0 : '\n', o->f);
		o->missing_nl = 0;
	}
	fwrite(s, 1, len, o->f);
	if (nl)
		putc(zero_term ? 0 : '\n', o->f);
	else
		o->missing_nl = 1;
	if (o->f != stdout)
		fflush(o->f);
}

static void emit_ps(struct out *o)
{
	emit(o, ps.s ? ps.s : "", ps.len, ps.chomped);
}

static void flush_appends(void)
{
	struct out *o = cur_out();

	for (struct app *a = app_head, *next; a; a = next) {
		next = a->next;
		if (a->is_file) {
			FILE *f = fopen(a->text, "r");

			if (f) {
				char b[4096];
				size_t n;

				if (o->missing_nl) {
					putc('\n', o->f);
					o->missing_nl = 0;
				}
				while ((n = fread(b, 1, sizeof(b), f)) > 0) {
					fwrite(b, 1, n, o->f);
					o->missing_nl = b[n - 1] != '\n';
				}
				fclose(f);
			}
		} else {
			emit(o, a->text, a->len, 0);
			o->missing_nl = 0;
		}
		free(a);
	}
	app_head = NULL;
	app_tail = &app_head;
}

static void queue(const char *text, int is_file)
{
	struct app *a = calloc(1, sizeof(*a));

	a->text = (char *)text;
	a->len = strlen(text);
	a->is_file = is_file;
	*app_tail = a;
	app_tail = &a->next;
}

/* 'l': the pattern space unambiguously, folded at 70 columns as GNU does. */
static void list_ps(void)
{
	struct out *o = cur_out();
	int col = 0;
	char tmp[8];

	if (o->missing_nl) {
		putc('\n', o->f);
		o->missing_nl = 0;
	}
	for (size_t i = 0; i < ps.len; i++) {
		unsigned char ch = (unsigned char)ps.s[i];
		const char *esc = strchr("\\\a\b\f\n\r\t\v", ch);

		if (ch && esc)
			snprintf(tmp, sizeof(tmp), "\\%c", "\\abfnrtv"[esc - "\\\a\b\f\n\r\t\v"]);
		else if (!isprint(ch))
			snprintf(tmp, sizeof(tmp), "\\%03o", ch);
		else
			snprintf(tmp, sizeof(tmp), "%c", ch);
		int w = (int)strlen(tmp);

		if (col + w > 69) {
			fputs("\\\n", o->f);
			col = 0;
		}
		fputs(tmp, o->f);
		col += w;
	}
	fputs("$\n", o->f);
}

/* ---- execution ---- */

static int match_re(regex_t *re, const char *s, size_t nm, regmatch_t *m, int eflags)
{
	if (!re)
		re = last_re;
	if (!re)
		cu_die(4, "no previous regular expression");
	last_re = re;
	return !regexec(re, s, nm, m, eflags);
}

static int match_addr(struct addr *a)
{
	switch (a->type) {
	case A_LINE:
		return lineno == a->n;
	case A_LAST:
		return is_last();
	case A_STEP:
		if (a->step <= 0)
			return lineno == a->n;
		return lineno >= a->n && (lineno - a->n) % a->step == 0;
	case A_RE:
		return match_re(a->re, ps.s ? ps.s : "", 0, NULL, 0);
	}
	return 0;
}

/*
 * Whether the command's addresses select this line, with GNU's range rules: a numeric first
 * address starts a range at any line past it (once: a closed numeric range stays closed),
 * a numeric second address at or before the first line makes a one-line range, +N and ~N
 * count from the line that started the range, and a range never ends on the line that
 * started it unless its end is a line number.
 */
static int selected(struct cmd *c)
{
	if (c->a1.type == A_NONE)
		return 1;
	if (c->state != R_ACTIVE) {
		if (c->a2.type == A_NONE)
			return match_addr(&c->a1);
		if (c->a1.type == A_LINE) {
			if (c->state == R_CLOSED || lineno < c->a1.n)
				return 0;
		} else if (!match_addr(&c->a1)) {
			return 0;
		}
		c->state = R_ACTIVE;
		switch (c->a2.type) {
		case A_LINE:
			if (lineno >= c->a2.n)
				c->state = R_CLOSED;
			return lineno <= c->a2.n || match_addr(&c->a1);
		case A_PLUS:
			c->range_end = lineno + c->a2.n;
			return 1;
		case A_MULT:
			c->range_end = lineno + (c->a2.n - lineno % c->a2.n);
			return 1;
		case A_LAST:
			break;
		default:
			return 1;
		}
	}
	if (c->a2.type == A_LINE) {
		if (lineno >= c->a2.n)
			c->state = R_CLOSED;
		return lineno <= c->a2.n;
	}
	if (c->a2.type == A_PLUS || c->a2.type == A_MULT ? c->range_end <= lineno
							 : match_addr(&c->a2))
		c->state = R_CLOSED;
	return 1;
}

static void case_add(struct buf *b, const char *s, size_t len, int *one, int all)
{
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];

		if (*one) {
			ch = (char)(*one == 1 ? tolower((unsigned char)ch)
					      : toupper((unsigned char)ch));
			*one = 0;
		} else if (all) {
			ch = (char)(all == 1 ? tolower((unsigned char)ch)
					     : toupper((unsigned char)ch));
		}
		buf_add(b, &ch, 1);
	}
}

static int do_subst(struct cmd *c)
{
	static struct buf out;
	regmatch_t m[10];
	size_t pos = 0;
	int count = 0, did = 0;
	regex_t *re = c->re ? c->re : last_re;

	if (!re)
		cu_die(4, "no previous regular expression");
	last_re = re;
	out.len = 0;
	buf_add(&out, "", 0);
	long prev_end = -1;

	while (pos <= ps.len) {
		if (regexec(re, ps.s + pos, 10, m, pos ? REG_NOTBOL : 0))
			break;
		size_t so = pos + (size_t)m[0].rm_so, eo = pos + (size_t)m[0].rm_eo;

		if (so == eo && (long)so == prev_end) {
			/* an empty match right after the previous one does not count */
			if (so >= ps.len)
				break;
			buf_add(&out, ps.s + pos, so - pos + 1);
			pos = so + 1;
			continue;
		}
		count++;
		buf_add(&out, ps.s + pos, so - pos);
		if (count >= (c->nth ? c->nth : 1)) {
			int one = 0, all = 0;

			did = 1;
			for (int i = 0; i < c->nrepl; i++) {
				int v = c->repl[i];

				if (v >= 0) {
					char ch = (char)v;

					case_add(&out, &ch, 1, &one, all);
				} else if (v > -11) {
					int g = -1 - v;

					if (m[g].rm_so >= 0)
						case_add(&out, ps.s + pos + m[g].rm_so,
							 (size_t)(m[g].rm_eo - m[g].rm_so), &one,
							 all);
				} else if (v == -20 || v == -21) {
					all = v == -20 ? 1 : 2;
				} else if (v == -22 || v == -23) {
					one = v == -22 ? 1 : 2;
				} else {
					all = one = 0;
				}
			}
		} else {
			buf_add(&out, ps.s + so, eo - so);
		}
		prev_end = (long)eo;
		if (so == eo) {
			if (so < ps.len)
				buf_add(&out, ps.s + so, 1);
			pos = so + 1;
		} else {
			pos = eo;
		}
		if (did && !c->global)
			break;
	}
	if (!did)
		return 0;
	if (pos < ps.len)
		buf_add(&out, ps.s + pos, ps.len - pos);
	int chomped = ps.chomped;

	buf_set(&ps, out.s, out.len);
	ps.chomped = chomped;
	return 1;
}

/*
 * Runs the script on the pattern space; returns 0 to end the cycle normally (autoprint), 1
 * to end it without printing (d, c, Q, n and N at the end of the input).
 */
static int run(void)
{
	long i = 0;

again:
	for (; i < ncmds; i++) {
		struct cmd *c = &cmds[i];

		if (c->c == '}' || c->c == ':')
			continue;
		int sel = selected(c);

		if (c->neg)
			sel = !sel;
		if (!sel) {
			if (c->c == '{')
				i = c->jump;
			continue;
		}
		switch (c->c) {
		case '{':
			break;
		case '=':
			fflush(cur_out()->f);
			if (cur_out()->missing_nl) {
				putc('\n', cur_out()->f);
				cur_out()->missing_nl = 0;
			}
			fprintf(cur_out()->f, "%ld%c", lineno, zero_term ? 0 : '\n');
			break;
		case 'a':
			queue(c->text, 0);
			break;
		case 'i':
			emit(cur_out(), c->text, strlen(c->text), 0);
			cur_out()->missing_nl = 0;
			break;
		case 'c':
			/* in a range, the text goes out once at its end */
			if (c->state != R_ACTIVE) {
				emit(cur_out(), c->text, strlen(c->text), 0);
				cur_out()->missing_nl = 0;
			}
			return 1;
		case 'd':
			return 1;
		case 'D': {
			char *nl = ps.s ? memchr(ps.s, '\n', ps.len) : NULL;

			if (!nl)
				return 1;
			int chomped = ps.chomped;

			/* as GNU: the script restarts at once, no end of cycle, no new line */
			buf_set(&ps, nl + 1, ps.len - (size_t)(nl + 1 - ps.s));
			ps.chomped = chomped;
			i = 0;
			goto again;
		}
		case 'g': /* as GNU, the copy takes the hold space's newline state too */
			buf_set(&ps, hs.s ? hs.s : "", hs.len);
			ps.chomped = hs.chomped;
			break;
		case 'G': /* appending takes the newline state too, as GNU's line_append */
			buf_add(&ps, "\n", 1);
			buf_add(&ps, hs.s ? hs.s : "", hs.len);
			ps.chomped = hs.chomped;
			break;
		case 'h':
			buf_set(&hs, ps.s ? ps.s : "", ps.len);
			hs.chomped = ps.chomped;
			break;
		case 'H':
			buf_add(&hs, "\n", 1);
			buf_add(&hs, ps.s ? ps.s : "", ps.len);
			hs.chomped = ps.chomped;
			break;
		case 'l':
			list_ps();
			break;
		case 'n':
			if (!quiet)
				emit_ps(cur_out());
			if (is_last())
				return 1; /* no next line: the script ends here */
			flush_appends();
			if (!read_line(0))
				return 1;
			break;
		case 'N':
			if (is_last()) {
				/* GNU prints the pattern space; POSIX says nothing is printed */
				if (!quiet && !posix_mode)
					emit_ps(cur_out());
				return 1;
			}
			flush_appends();
			read_line(1);
			break;
		case 'p':
			emit_ps(cur_out());
			break;
		case 'P': {
			char *nl = ps.s ? memchr(ps.s, '\n', ps.len) : NULL;

			if (nl)
				emit(cur_out(), ps.s, (size_t)(nl - ps.s), 1);
			else
				emit_ps(cur_out());
			break;
		}
		case 'q':
			exit_status = c->status;
			quit_now = 2; /* GNU's q also ends a last line left without its newline */
			return 0;
		case 'Q':
			exit_status = c->status;
			quit_now = 1;
			return 1;
		case 'r':
			queue(c->text, 1);
			break;
		case 's':
			if (do_subst(c)) {
				replaced = 1;
				if (c->print)
					emit_ps(cur_out());
				if (c->wf)
					emit(c->wf, ps.s, ps.len, 1);
			}
			break;
		case 't':
		case 'T':
			if (replaced == (c->c == 't')) {
				replaced = 0;
				if (c->jump < 0)
					return 0;
				i = c->jump;
				goto again;
			}
			replaced = 0;
			break;
		case 'b':
			if (c->jump < 0)
				return 0;
			i = c->jump;
			goto again;
		case 'w':
			emit(c->wf, ps.s ? ps.s : "", ps.len, 1);
			break;
		case 'x': {
			struct buf t = ps;

			ps = hs;
			hs = t;
			break;
		}
		case 'y':
			for (size_t k = 0; k < ps.len; k++)
				ps.s[k] = (char)c->ymap[(unsigned char)ps.s[k]];
			break;
		case 'z':
			ps.len = 0;
			if (ps.s)
				ps.s[0] = 0;
			break;
		case 'F':
			emit(cur_out(), in_name, strlen(in_name), 1);
			break;
		}
	}
	return 0;
}

static void start_in_place(void)
{
	char *dir = strdup(in_name), *slash = strrchr(dir, '/');

	if (slash)
		slash[1] = 0;
	else
		strcpy(dir, "");
	size_t l = strlen(dir) + 32;

	ip_tmp = malloc(l);
	snprintf(ip_tmp, l, "%ssed%06dXXXXXX", dir, (int)getpid() % 1000000);
	free(dir);
	int fd = mkstemp(ip_tmp);

	if (fd < 0)
		cu_die(4, "couldn't open temporary file %s: %s", ip_tmp, strerror(errno));
	struct stat st;

	if (!stat(in_name, &st))
		fchmod(fd, st.st_mode & 07777);
	ip_out = fdopen(fd, "w");
}

static void finish_in_place(void)
{
	struct out *o = cur_out();

	fclose(o->f);
	o->missing_nl = 0;
	ip_out = NULL;
	if (suffix && *suffix) {
		char *bak;
		const char *base = strrchr(in_name, '/');

		if (strchr(suffix, '*')) {
			/* '*' in the suffix is the file's base name */
			size_t l = strlen(suffix) + strlen(in_name) * 2 + 1;
			char *b = malloc(l), *w = b;

			for (const char *s = suffix; *s; s++) {
				if (*s == '*')
					w += sprintf(w, "%s", base ? base + 1 : in_name);
				else
					*w++ = *s;
			}
			*w = 0;
			if (!strchr(b, '/') && base) {
				bak = malloc(l + (size_t)(base - in_name) + 2);
				sprintf(bak, "%.*s/%s", (int)(base - in_name), in_name, b);
				free(b);
			} else {
				bak = b;
			}
		} else {
			bak = malloc(strlen(in_name) + strlen(suffix) + 1);
			sprintf(bak, "%s%s", in_name, suffix);
		}
		if (rename(in_name, bak))
			cu_warn("cannot rename %s: %s", in_name, strerror(errno));
		free(bak);
	}
	if (rename(ip_tmp, in_name))
		cu_warn("cannot rename %s: %s", ip_tmp, strerror(errno));
	free(ip_tmp);
}

static void add_script(const char *s, size_t len)
{
	script = realloc(script, script_len + len + 2);
	if (script_len)
		script[script_len++] = '\n';
	memcpy(script + script_len, s, len);
	script_len += len;
	script[script_len] = 0;
}

static void add_script_file(const char *name)
{
	FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;

	if (!f)
		cu_die(1, "couldn't open file %s: %s", name, strerror(errno));
	struct buf b = { 0 };
	char tmp[4096];
	size_t n;

	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_add(&b, tmp, n);
	if (f != stdin)
		fclose(f);
	if (b.len && b.s[b.len - 1] == '\n')
		b.len--;
	add_script(b.s ? b.s : "", b.len);
	free(b.s);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'n' },
		{ "silent", no_argument, NULL, 'n' },
		{ "expression", required_argument, NULL, 'e' },
		{ "file", required_argument, NULL, 'f' },
		{ "in-place", optional_argument, NULL, 'i' },
		{ "regexp-extended", no_argument, NULL, 'E' },
		{ "separate", no_argument, NULL, 's' },
		{ "null-data", no_argument, NULL, 'z' },
		{ "posix", no_argument, NULL, 'P' },
		{ "unbuffered", no_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 },
	};
	int opt, have_script = 0;

	cu_init(argc, argv,
		"[OPTION]... {SCRIPT | -e SCRIPT... | -f FILE...} [FILE]...\n"
		"Edit the lines of the FILEs (or standard input) as the script says.\n"
		"  -n  print only what the script prints\n"
		"  -e SCRIPT  add the script (several join with newlines)\n"
		"  -f FILE  add the script in FILE\n"
		"  -E, -r  extended regular expressions\n"
		"  -i[SUFFIX]  edit the files in place (keeping a backup with SUFFIX)\n"
		"  -s  each file separately: line numbers and $ per file\n"
		"  -z  lines end with NUL, not newline\n"
		"  -u  unbuffered (accepted)\n"
		"Commands: s y a i c d D p P n N g G h H x = l q Q r w b t T : { } ! and\n"
		"addresses N, $, /RE/, \\cREc, FIRST~STEP, A,B, A,+N, A,~N, 0,/RE/.\n");
	stdout_out.f = stdout;
	/* neither space is ever NULL: 'x' may swap an empty hold space in */
	buf_set(&ps, "", 0);
	buf_set(&hs, "", 0);
	hs.chomped = 1;
	while ((opt = getopt_long(argc, argv, "ne:f:i::Ersuz", longopts, NULL)) != -1) {
		switch (opt) {
		case 'n':
			quiet = 1;
			break;
		case 'e':
			add_script(optarg, strlen(optarg));
			have_script = 1;
			break;
		case 'f':
			add_script_file(optarg);
			have_script = 1;
			break;
		case 'i':
			in_place = separate = 1;
			suffix = optarg;
			break;
		case 'E':
		case 'r':
			ere = 1;
			break;
		case 's':
			separate = 1;
			break;
		case 'z':
			zero_term = 1;
			break;
		case 'P':
			posix_mode = 1;
			break;
		case 'u':
			break;
		default:
			cu_usage(1);
		}
	}
	if (!have_script) {
		if (optind >= argc) {
			cu_usage(1);
		}
		add_script(argv[optind], strlen(argv[optind]));
		optind++;
	}
	parse_script();
	static char *dash[] = { "-" };

	files = optind < argc ? argv + optind : dash;
	nfiles = optind < argc ? argc - optind : 1;
	if (in_place && optind >= argc)
		cu_die(1, "no input files");

	for (;;) {
		if (!read_line(0))
			break;
		int r;

		r = run();
		if (!r && !quiet)
			emit_ps(cur_out());
		flush_appends();
		if (quit_now == 2 && cur_out()->missing_nl) {
			putc(zero_term ? 0 : '\n', cur_out()->f);
			cur_out()->missing_nl = 0;
		}
		if (quit_now)
			break;
	}
	if (in_place && ip_out)
		finish_in_place();
	if (fflush(stdout) || ferror(stdout)) {
		cu_warn("couldn't write: %s", strerror(errno));
		return 4;
	}
	for (struct out *o = outs; o; o = o->next)
		if (o->f != stderr)
			fclose(o->f);
	return exit_status;
}
