// SPDX-License-Identifier: GPL-2.0
/*
 * Word expansion (XCU 2.6): tilde, parameters, command substitution and arithmetic, then
 * field splitting, pathname expansion and quote removal.
 *
 * A word expands into a buffer of characters, each with flags: quoted (literal for splitting
 * and patterns), or the result of an unquoted expansion (the only characters field splitting
 * looks at). Zero-width marks record a quoted empty string (which keeps a field) and the
 * boundaries between "$@"'s fields. Splitting and globbing then read the flags, so quotes
 * never need re-scanning.
 */
#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

#define F_Q 1 /* quoted */
#define F_EXP 2 /* from an unquoted expansion: IFS splits here */
#define F_MARK 4 /* zero-width: a quoted empty string, the field exists */
#define F_BREAK 8 /* zero-width: a field ends here ("$@") */
#define F_SOFT 16 /* zero-width: a field ends here if it has anything (unquoted $@) */

struct xb {
	char *s;
	unsigned char *f;
	size_t len, cap;
};

struct exp {
	struct xb b;
	int flags;
	int litexp; /* in ${x-word}: the word's own characters split too */
	int drop_dq; /* in "${x-word}": quotes inside the word only group */
};

static void xb_add(struct xb *b, char c, int f)
{
	if (b->len + 1 >= b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->s = xrealloc(b->s, b->cap);
		b->f = xrealloc(b->f, b->cap);
	}
	b->s[b->len] = c;
	b->f[b->len++] = f;
}

static void xb_adds(struct xb *b, const char *s, int f)
{
	while (*s)
		xb_add(b, *s++, f);
}

static void exp_str(struct exp *e, const char *s, int dq);
static const char *skip_dollar(const char *s, int dq);

static const char *skip_bq(const char *s)
{
	/* s at the opening backquote */
	for (s++; *s && *s != '`'; s++)
		if (*s == '\\' && s[1])
			s++;
	return *s ? s + 1 : s;
}

/* s just after an opening double quote; returns the closing one */
static const char *skip_dq(const char *s)
{
	while (*s && *s != '"') {
		if (*s == '\\' && s[1])
			s += 2;
		else if (*s == '$')
			s = skip_dollar(s, 1);
		else if (*s == '`')
			s = skip_bq(s);
		else
			s++;
	}
	return s;
}

/* s just after "${"; returns the closing brace */
static const char *skip_brace(const char *s, int dq)
{
	while (*s && *s != '}') {
		if (*s == '\\' && s[1]) {
			s += 2;
		} else if (*s == '\'' && !dq) {
			s = strchr(s + 1, '\'');
			s = s ? s + 1 : "";
		} else if (*s == '"') {
			s = skip_dq(s + 1);
			if (*s)
				s++;
		} else if (*s == '$') {
			s = skip_dollar(s, dq);
		} else if (*s == '`') {
			s = skip_bq(s);
		} else {
			s++;
		}
	}
	return s;
}

/* s at a "$": past whatever it introduces */
static const char *skip_dollar(const char *s, int dq)
{
	if (s[1] == '(' && s[2] == '(') {
		int depth = 2;

		for (s += 3; *s && depth; s++) {
			if (*s == '(')
				depth++;
			else if (*s == ')')
				depth--;
		}
		return s;
	}
	if (s[1] == '(') {
		size_t used;

		node_free(parse_cmdsubst(s + 2, &used));
		return s + 2 + used;
	}
	if (s[1] == '{') {
		s = skip_brace(s + 2, dq);
		return *s ? s + 1 : s;
	}
	return s + 1;
}

int is_ifs_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static const char *ifs_value(void)
{
	const char *ifs = var_get("IFS");

	return ifs ? ifs : " \t\n";
}

/* ---- command substitution ---- */

int subst_ran;

static char *run_subst(struct node *tree)
{
	int fds[2];
	pid_t pid;
	struct str b = { 0 };
	int st;

	flush_all();
	if (pipe(fds) < 0)
		sh_error("Pipe call failed");
	pid = fork();
	if (pid < 0)
		sh_error("Cannot fork");
	if (pid == 0) {
		close(fds[0]);
		if (fds[1] != 1) {
			dup2(fds[1], 1);
			close(fds[1]);
		}
		subshell = 1;
		interactive = 0;
		jobs_reset_child();
		traps_reset_child();
		redirect_forget();
		eval(tree, EV_EXIT);
		sh_exit(last_status);
	}
	close(fds[1]);
	for (;;) {
		char buf[4096];
		ssize_t r = read(fds[0], buf, sizeof(buf));

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		str_addn(&b, buf, r);
	}
	close(fds[0]);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	last_status = status_of(st);
	subst_ran = 1;
	str_addn(&b, "", 0);
	while (b.len && b.s[b.len - 1] == '\n')
		b.s[--b.len] = 0;
	return str_done(&b);
}

char *cmdsubst_output(const char *text)
{
	size_t used;
	struct node *n = parse_cmdsubst(text, &used);
	char *out = run_subst(n);

	node_free(n);
	return out;
}

/* ---- parameters ---- */

static int is_special(int c)
{
	return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' || c == '!' ||
	       (c >= '0' && c <= '9');
}

/* The value of a scalar parameter, or NULL if unset. *tmp is freed by the caller. */
static const char *param_value(const char *name, char **tmp)
{
	char buf[32];

	*tmp = NULL;
	if (!name[1] || (name[0] >= '0' && name[0] <= '9')) {
		switch (name[0]) {
		case '?':
			snprintf(buf, sizeof(buf), "%d", last_status);
			return *tmp = xstrdup(buf);
		case '$':
			snprintf(buf, sizeof(buf), "%d", (int)root_pid);
			return *tmp = xstrdup(buf);
		case '!':
			if (!last_bg_pid)
				return NULL;
			snprintf(buf, sizeof(buf), "%d", (int)last_bg_pid);
			return *tmp = xstrdup(buf);
		case '#':
			snprintf(buf, sizeof(buf), "%d", posparams.n);
			return *tmp = xstrdup(buf);
		case '-':
			return *tmp = dollar_minus();
		}
		if (name[0] >= '0' && name[0] <= '9') {
			long i = strtol(name, NULL, 10);

			if (i == 0)
				return arg0;
			return i <= posparams.n ? posparams.v[i - 1] : NULL;
		}
	}
	return var_get(name);
}

/* "$*" joined by IFS's first character */
static char *join_star(void)
{
	const char *ifs = var_get("IFS");
	struct str b = { 0 };
	int i;

	for (i = 0; i < posparams.n; i++) {
		if (i && (!ifs || *ifs))
			str_addc(&b, ifs ? *ifs : ' ');
		str_adds(&b, posparams.v[i]);
	}
	str_addn(&b, "", 0);
	return str_done(&b);
}

static void add_value(struct exp *e, const char *v, int dq)
{
	xb_adds(&e->b, v, dq ? F_Q : F_EXP);
}

/* $@ or $* (unquoted or quoted) */
static void add_params(struct exp *e, int star, int dq)
{
	int i;

	if (dq && star) {
		char *j = join_star();

		add_value(e, j, 1);
		free(j);
		return;
	}
	if (!(e->flags & EXP_SPLIT)) {
		char *j = join_star();

		add_value(e, j, dq);
		free(j);
		return;
	}
	for (i = 0; i < posparams.n; i++) {
		if (i)
			xb_add(&e->b, 0, dq ? F_BREAK : F_SOFT);
		if (dq)
			xb_add(&e->b, 0, F_MARK);
		add_value(e, posparams.v[i], dq);
	}
}

/* Pattern removal for ${x#p} and friends: the expanded value without the match. */
static char *trim(const char *val, const char *pat, int suffix, int longest)
{
	size_t n = strlen(val);
	char *tmp = xmalloc(n + 1);
	char *r = NULL;
	size_t k;

	for (k = 0; k <= n && !r; k++) {
		/* prefixes grow from empty, or shrink from whole; suffixes the other way */
		size_t i = (suffix ? !longest : longest) ? n - k : k;

		if (!suffix) {
			memcpy(tmp, val, i);
			tmp[i] = 0;
			if (pmatch(pat, tmp))
				r = xstrdup(val + i);
		} else if (pmatch(pat, val + i)) {
			r = xstrndup(val, i);
		}
	}
	free(tmp);
	return r ? r : xstrdup(val);
}

static void exp_sub(const char *word, int dq);

/* s after "${"; end is the closing brace */
static void exp_brace(struct exp *e, const char *s, const char *end, int dq)
{
	char name[64];
	size_t nl = 0;
	int length = 0, colon = 0, op = 0;
	const char *p = s;
	char *word = NULL, *tmp = NULL, *nv = NULL;
	const char *val;
	int set, list;

	if (*p == '#' && p + 1 < end && (p[1] != '}' && (is_special(p[1]) || is_name(p + 1, 1))) &&
	    !(p[1] == '-' && p + 2 < end) && !(p[1] == '?' && p + 2 < end)) {
		length = 1;
		p++;
	}
	if (is_name(p, 1)) {
		while (p < end && is_name(p - nl, nl + 1) && nl < sizeof(name) - 1)
			name[nl++] = *p++;
	} else if (*p >= '0' && *p <= '9') {
		while (p < end && *p >= '0' && *p <= '9' && nl < sizeof(name) - 1)
			name[nl++] = *p++;
	} else if (is_special(*p)) {
		name[nl++] = *p++;
	} else {
		sh_error("Bad substitution");
	}
	name[nl] = 0;
	if (p < end) {
		if (length)
			sh_error("Bad substitution");
		if (*p == ':') {
			colon = 1;
			p++;
		}
		if (p >= end || !strchr("-=?+#%", *p))
			sh_error("Bad substitution");
		op = *p++;
		if (colon && (op == '#' || op == '%'))
			sh_error("Bad substitution");
		if ((op == '#' || op == '%') && p < end && *p == op) {
			op = op == '#' ? 'H' : 'P'; /* ## and %% */
			p++;
		}
		word = xstrndup(p, end - p);
	}
	list = !strcmp(name, "@") || !strcmp(name, "*");
	val = list ? NULL : param_value(name, &tmp);
	set = list ? posparams.n > 0 : val != NULL;
	if (list && op && op != '#' && op != '%' && op != 'H' && op != 'P') {
		/* for the tests below: "$@" is set and non-null with parameters */
		set = posparams.n > 0;
		if (colon && set) {
			char *j = join_star();

			set = *j != 0;
			free(j);
		}
	} else if (colon && val && !*val) {
		set = 0;
	}
	if (length) {
		char buf[32];

		if (list) {
			char *j = join_star();

			/* as dash: the length of "$*" */
			snprintf(buf, sizeof(buf), "%zu", strlen(j));
			free(j);
		} else {
			if (!val && opts[OPT_U])
				goto unset_error;
			snprintf(buf, sizeof(buf), "%zu", val ? strlen(val) : 0);
		}
		add_value(e, buf, dq);
		goto out;
	}
	switch (op) {
	case 0:
		break;
	case '-':
		if (!set) {
			exp_sub(word, dq);
			goto out;
		}
		break;
	case '+':
		if (set)
			exp_sub(word, dq);
		goto out;
	case '=':
		if (!set) {
			if (!is_name(name, strlen(name)))
				sh_error("%s: bad variable name", name);
			nv = expand_one(word, EXP_TILDE);
			if (var_set(name, nv, 0))
				sh_error("%s: is read only", name);
			add_value(e, nv, dq);
			goto out;
		}
		break;
	case '?':
		if (!set) {
			if (*word) {
				nv = expand_one(word, EXP_TILDE);
				sh_error("%s: %s", name, nv);
			}
			sh_error("%s: parameter %s", name, colon ? "not set or null" : "not set");
		}
		break;
	default: {
		char *pat = expand_one(word, EXP_PAT | EXP_TILDE);
		char *v = list ? join_star() : xstrdup(val ? val : "");

		if (!val && !list && opts[OPT_U]) {
			free(pat);
			free(v);
			goto unset_error;
		}
		nv = trim(v, pat, op == '%' || op == 'P', op == 'H' || op == 'P');
		free(v);
		free(pat);
		add_value(e, nv, dq);
		goto out;
	}
	}
	if (list) {
		add_params(e, name[0] == '*', dq);
		goto out;
	}
	if (!val) {
		if (opts[OPT_U] && op != '-' && op != '+')
			goto unset_error;
		goto out;
	}
	add_value(e, val, dq);
	goto out;
unset_error:
	sh_error("%s: parameter not set", name);
out:
	free(word);
	free(tmp);
	free(nv);
}

/* expands word into e's buffer in place: for ${x-word}, with the same context */
static struct exp *cur_exp;

static void exp_sub(const char *word, int dq)
{
	int save = cur_exp->litexp, save_dq = cur_exp->drop_dq;

	cur_exp->litexp = !dq;
	cur_exp->drop_dq = dq == 1;
	exp_str(cur_exp, word, dq);
	cur_exp->litexp = save;
	cur_exp->drop_dq = save_dq;
}

static char *arith_text(const char *expr)
{
	char *t = expand_one(expr, EXP_DQ);
	char buf[32];

	snprintf(buf, sizeof(buf), "%jd", arith_eval(t));
	free(t);
	return xstrdup(buf);
}

/* s at "$": expands it, returns what follows */
static const char *exp_dollar(struct exp *e, const char *s, int dq)
{
	const char *p = s + 1;

	if (p[0] == '(' && p[1] == '(') {
		const char *end = skip_dollar(s, dq);
		char *expr = xstrndup(p + 2, end - p - 4);
		char *v = arith_text(expr);

		add_value(e, v, dq);
		free(v);
		free(expr);
		return end;
	}
	if (p[0] == '(') {
		size_t used;
		struct node *n = parse_cmdsubst(p + 1, &used);
		char *out = run_subst(n);

		node_free(n);
		add_value(e, out, dq);
		free(out);
		return p + 1 + used;
	}
	if (p[0] == '{') {
		const char *end = skip_brace(p + 1, dq);

		exp_brace(e, p + 1, end, dq);
		return *end ? end + 1 : end;
	}
	if (is_name(p, 1)) {
		const char *q = p;
		char *name;
		const char *v;

		while (is_name(p, q - p + 1))
			q++;
		name = xstrndup(p, q - p);
		v = var_get(name);
		if (!v && opts[OPT_U])
			sh_error("%s: parameter not set", name);
		if (v)
			add_value(e, v, dq);
		free(name);
		return q;
	}
	if (is_special(*p)) {
		char name[2] = { *p, 0 };
		char *tmp;
		const char *v;

		if (*p == '@' || *p == '*') {
			add_params(e, *p == '*', dq);
			return p + 1;
		}
		v = param_value(name, &tmp);
		if (!v && opts[OPT_U] && *p >= '1' && *p <= '9')
			sh_error("%s: parameter not set", name);
		if (v)
			add_value(e, v, dq);
		free(tmp);
		return p + 1;
	}
	xb_add(&e->b, '$', dq ? F_Q : 0);
	return p;
}

static void exp_backquote(struct exp *e, const char *s, const char *end, int dq)
{
	struct str b = { 0 };
	char *out;
	struct source src;
	struct node *tree = NULL;
	int eof;

	for (; s < end; s++) {
		if (*s == '\\' && s + 1 < end &&
		    (s[1] == '$' || s[1] == '`' || s[1] == '\\' || (dq == 1 && s[1] == '"')))
			s++;
		str_addc(&b, *s);
	}
	str_addn(&b, "", 0);
	src_init_string(&src, b.s);
	{
		/* the whole text, not just its first line */
		struct node *n;

		while ((n = parse_command(&src, &eof)) || !eof) {
			if (!n)
				continue;
			if (!tree) {
				tree = n;
			} else {
				struct node *sq = xmalloc(sizeof(*sq));

				memset(sq, 0, sizeof(*sq));
				sq->type = N_SEQ;
				sq->left = tree;
				sq->right = n;
				tree = sq;
			}
		}
	}
	src_free(&src);
	free(b.s);
	out = run_subst(tree);
	node_free(tree);
	add_value(e, out, dq);
	free(out);
}

static void exp_tilde(struct exp *e, const char **sp, int assign)
{
	const char *s = *sp + 1, *q = s;
	char *user;
	const char *home = NULL;

	while (*q && *q != '/' && !(assign && *q == ':')) {
		if (strchr("\\'\"$`", *q)) {
			xb_add(&e->b, '~', 0);
			*sp += 1;
			return;
		}
		q++;
	}
	user = xstrndup(s, q - s);
	if (!*user) {
		home = var_get("HOME");
	} else {
		struct passwd *pw = getpwnam(user);

		if (pw)
			home = pw->pw_dir;
	}
	if (!home) {
		xb_add(&e->b, '~', 0);
		xb_adds(&e->b, user, 0);
	} else {
		xb_adds(&e->b, home, F_Q);
		if (!*home)
			xb_add(&e->b, 0, F_MARK);
	}
	free(user);
	*sp = q;
}

/*
 * dq: 0 unquoted, 1 inside double quotes, 2 a here-document (as double quotes, but a
 * double quote is an ordinary character).
 */
static void exp_str(struct exp *e, const char *s, int dq)
{
	struct exp *save = cur_exp;
	const char *start = s;
	int after_eq = 0;

	cur_exp = e;
	while (*s) {
		char c = *s;

		if (c == '~' && !dq && (e->flags & EXP_TILDE) &&
		    (s == start ||
		     ((e->flags & EXP_ASSIGN) && (s[-1] == ':' || (s[-1] == '=' && !after_eq))))) {
			if (s != start && s[-1] == '=')
				after_eq = 1;
			exp_tilde(e, &s, e->flags & EXP_ASSIGN);
			continue;
		}
		if (c == '=')
			after_eq = 1;
		if (c == '\\') {
			if (!s[1]) {
				xb_add(&e->b, '\\', dq ? F_Q : F_Q);
				s++;
				continue;
			}
			if (!dq || strchr(dq == 1 ? "$`\"\\\n" : "$`\\\n", s[1])) {
				if (s[1] != '\n')
					xb_add(&e->b, s[1], F_Q);
				s += 2;
				continue;
			}
			xb_add(&e->b, '\\', F_Q);
			s++;
			continue;
		}
		if (c == '\'' && !dq) {
			const char *q = strchr(s + 1, '\'');

			if (!q)
				q = s + strlen(s);
			xb_add(&e->b, 0, F_MARK);
			for (s++; s < q; s++)
				xb_add(&e->b, *s, F_Q);
			if (*s)
				s++;
			continue;
		}
		if (c == '"' && dq == 1 && e->drop_dq) {
			s++;
			continue;
		}
		if (c == '"' && !dq) {
			const char *q = skip_dq(s + 1);
			char *inner = xstrndup(s + 1, q - s - 1);

			if (strcmp(inner, "$@") && strcmp(inner, "${@}"))
				xb_add(&e->b, 0, F_MARK);
			exp_str(e, inner, 1);
			free(inner);
			s = *q ? q + 1 : q;
			continue;
		}
		if (c == '$') {
			s = exp_dollar(e, s, dq);
			continue;
		}
		if (c == '`') {
			const char *q = skip_bq(s);

			exp_backquote(e, s + 1, *q || q[-1] == '`' ? q - 1 : q, dq);
			s = q;
			continue;
		}
		xb_add(&e->b, c, dq ? F_Q : e->litexp ? F_EXP : 0);
		s++;
	}
	cur_exp = save;
}

/* ---- fields ---- */

struct fields {
	char **v;
	int n, cap;
};

static void fields_add(struct fields *fl, char *s)
{
	if (fl->n + 2 > fl->cap) {
		fl->cap = fl->cap ? fl->cap * 2 : 8;
		fl->v = xrealloc(fl->v, fl->cap * sizeof(char *));
	}
	fl->v[fl->n++] = s;
	fl->v[fl->n] = NULL;
}

static int pat_special(char c)
{
	return c == '*' || c == '?' || c == '[' || c == ']' || c == '\\' || c == '!' || c == '-' ||
	       c == '^';
}

/* one field: its literal text, and (if it has unquoted pattern characters) a glob */
static void emit(struct fields *fl, struct str *lit, struct str *pat, int globby)
{
	str_addn(lit, "", 0);
	str_addn(pat, "", 0);
	if (globby && !opts[OPT_F]) {
		int n, i;
		char **m = glob_expand(pat->s, &n);

		if (n) {
			for (i = 0; i < n; i++)
				fields_add(fl, m[i]);
			free(m);
			free(lit->s);
			free(pat->s);
			goto out;
		}
		free(m);
	}
	fields_add(fl, str_done(lit));
	free(pat->s);
out:
	memset(lit, 0, sizeof(*lit));
	memset(pat, 0, sizeof(*pat));
}

static void split(struct xb *b, struct fields *fl)
{
	const char *ifs = ifs_value();
	struct str lit = { 0 }, pat = { 0 };
	int has = 0, ews = 0, globby = 0;
	size_t i;

	for (i = 0; i < b->len; i++) {
		char c = b->s[i];
		int f = b->f[i];

		if (f & F_BREAK) {
			emit(fl, &lit, &pat, globby);
			has = ews = globby = 0;
			continue;
		}
		if (f & F_SOFT) {
			if (has)
				emit(fl, &lit, &pat, globby);
			has = globby = 0;
			ews = 1;
			continue;
		}
		if (f & F_MARK) {
			has = 1;
			ews = 0;
			continue;
		}
		if ((f & F_EXP) && c && strchr(ifs, c)) {
			if (is_ifs_space(c)) {
				if (has) {
					emit(fl, &lit, &pat, globby);
					has = globby = 0;
					ews = 1;
				}
			} else {
				if (has || !ews)
					emit(fl, &lit, &pat, globby);
				has = ews = globby = 0;
			}
			continue;
		}
		str_addc(&lit, c);
		if ((f & F_Q) && pat_special(c))
			str_addc(&pat, '\\');
		else if (c == '*' || c == '?' || c == '[')
			globby = 1;
		str_addc(&pat, c);
		has = 1;
		ews = 0;
	}
	if (has)
		emit(fl, &lit, &pat, globby);
	else {
		free(lit.s);
		free(pat.s);
	}
}

static char *join(struct xb *b, int pattern)
{
	struct str s = { 0 };
	size_t i;

	for (i = 0; i < b->len; i++) {
		if (b->f[i] & (F_MARK | F_BREAK | F_SOFT)) {
			if (b->f[i] & (F_BREAK | F_SOFT))
				str_addc(&s, ' ');
			continue;
		}
		if (pattern && (b->f[i] & F_Q) && pat_special(b->s[i]))
			str_addc(&s, '\\');
		str_addc(&s, b->s[i]);
	}
	str_addn(&s, "", 0);
	return str_done(&s);
}

static void exp_free(struct exp *e)
{
	free(e->b.s);
	free(e->b.f);
}

/* Expands one word to a string: no splitting, no globbing. */
char *expand_one(const char *word, int flags)
{
	struct exp e = { .flags = flags & ~EXP_SPLIT };
	char *r;

	exp_str(&e, word, (flags & EXP_DQ) ? 1 : 0);
	r = join(&e.b, flags & EXP_PAT);
	exp_free(&e);
	return r;
}

char *expand_heredoc(const char *body)
{
	struct exp e = { .flags = 0 };
	char *r;

	exp_str(&e, body, 2);
	r = join(&e.b, 0);
	exp_free(&e);
	return r;
}

/* The words of a command (or a for list), fully expanded to fields. */
char **expand_words(char **words, int n, int *argc)
{
	struct fields fl = { 0 };
	int i;

	for (i = 0; i < n; i++) {
		struct exp e = { .flags = EXP_SPLIT | EXP_TILDE };

		exp_str(&e, words[i], 0);
		split(&e.b, &fl);
		exp_free(&e);
	}
	if (!fl.v)
		fl.v = xmalloc(sizeof(char *)), fl.v[0] = NULL;
	*argc = fl.n;
	return fl.v;
}
