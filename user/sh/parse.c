// SPDX-License-Identifier: GPL-2.0
/*
 * Tokens and the grammar of XCU 2.10, by recursive descent, to a tree of struct node.
 *
 * A word keeps its source text, quotes and all (less backslash-newlines): expansion reads it
 * again. Finding a word's end needs the grammar inside "$(...)" (a case pattern's ")" does not
 * end it), so the lexer parses a command substitution with a parser of its own on the same
 * input and keeps the text it covered.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

enum tok {
	T_EOF,
	T_NL,
	T_SEMI,
	T_AMP,
	T_PIPE,
	T_AND,
	T_OR,
	T_DSEMI,
	T_LPAREN,
	T_RPAREN,
	T_WORD,
	T_IONUM,
	T_LESS,
	T_GREAT,
	T_DLESS,
	T_DGREAT,
	T_LESSAND,
	T_GREATAND,
	T_LESSGREAT,
	T_DLESSDASH,
	T_CLOBBER,
};

static const char *const tok_names[] = {
	"end of file", "newline", ";", "&",  "|",  "&&", "||", ";;", "(",   ")",  "word",
	"number",      "<",	  ">", "<<", ">>", "<&", ">&", "<>", "<<-", ">|",
};

struct parser {
	struct source *src;
	int tok; /* the current token, when peeked */
	int peeked;
	char *val; /* T_WORD: its text */
	int quoted; /* T_WORD: has quote characters */
	int ionum;
	int nest; /* inside $(...): an unmatched ")" ends the list */
	struct redir *heredocs[32];
	int nheredocs;
	int alias_next; /* the alias before ended in a blank: check this word too */
};

static struct node *compound_list(struct parser *p);
int is_reserved(const char *s);
const char *parse_prefix = "";
static struct node *command(struct parser *p);

static void syntax_error(struct parser *p, const char *fmt, const char *arg)
{
	struct str b = { 0 };
	char tmp[256];

	snprintf(tmp, sizeof(tmp), fmt, arg);
	str_adds(&b, parse_prefix);
	str_adds(&b, "Syntax error: ");
	str_adds(&b, tmp);
	lineno = p->src->lineno;
	sh_error("%s", b.s);
}

static int pc(struct parser *p)
{
	struct source *s = p->src;

	while (s->nalias && s->pos >= s->alias_end[s->nalias - 1])
		s->nalias--;
	if (s->pos >= s->len && !src_more(s, 1))
		return -1;
	return (unsigned char)s->buf[s->pos];
}

static int pc_at(struct parser *p, size_t off)
{
	struct source *s = p->src;

	while (s->pos + off >= s->len)
		if (!src_more(s, 1))
			return -1;
	return (unsigned char)s->buf[s->pos + off];
}

static void adv(struct parser *p)
{
	if (p->src->buf[p->src->pos] == '\n')
		p->src->lineno++;
	p->src->pos++;
}

/* A backslash-newline outside single quotes vanishes. */
static int skip_bsnl(struct parser *p)
{
	int n = 0;

	while (pc(p) == '\\' && pc_at(p, 1) == '\n') {
		adv(p);
		adv(p);
		n++;
	}
	return n;
}

static int is_meta(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' ||
	       c == '>' || c == '(' || c == ')' || c < 0;
}

int is_name(const char *s, size_t n)
{
	size_t i;

	if (!n || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	for (i = 1; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
			return 0;
	return 1;
}

static void read_heredocs(struct parser *p);
static void scan_dollar(struct parser *p, struct str *w, int dq);

/* Backquotes: the text up to the closing one, as it is. */
static void scan_backquote(struct parser *p, struct str *w)
{
	str_addc(w, '`');
	adv(p);
	for (;;) {
		int c = pc(p);

		if (c < 0)
			syntax_error(p, "%s", "EOF in backquote substitution");
		adv(p);
		str_addc(w, c);
		if (c == '`')
			return;
		if (c == '\\') {
			c = pc(p);
			if (c < 0)
				continue;
			adv(p);
			str_addc(w, c);
		}
	}
}

static void scan_dquote(struct parser *p, struct str *w)
{
	str_addc(w, '"');
	adv(p);
	for (;;) {
		int c;

		skip_bsnl(p);
		c = pc(p);
		if (c < 0)
			syntax_error(p, "%s", "Unterminated quoted string");
		if (c == '"') {
			adv(p);
			str_addc(w, '"');
			return;
		}
		if (c == '\\') {
			adv(p);
			str_addc(w, '\\');
			c = pc(p);
			if (c >= 0) {
				adv(p);
				str_addc(w, c);
			}
			continue;
		}
		if (c == '$') {
			scan_dollar(p, w, 1);
			continue;
		}
		if (c == '`') {
			scan_backquote(p, w);
			continue;
		}
		adv(p);
		str_addc(w, c);
	}
}

static void scan_squote(struct parser *p, struct str *w)
{
	str_addc(w, '\'');
	adv(p);
	for (;;) {
		int c = pc(p);

		if (c < 0)
			syntax_error(p, "%s", "Unterminated quoted string");
		adv(p);
		str_addc(w, c);
		if (c == '\'')
			return;
	}
}

/* "$(" seen and consumed: parse to the ")" and copy the text. */
static void scan_cmdsubst(struct parser *p, struct str *w)
{
	struct parser sub = { .src = p->src, .nest = 1 };
	size_t start = p->src->pos;
	struct node *n;

	n = compound_list(&sub);
	(void)n;
	if (!sub.peeked)
		syntax_error(p, "%s", "Missing ')'");
	if (sub.tok != T_RPAREN)
		syntax_error(&sub, "%s unexpected (expecting \")\")",
			     sub.tok == T_WORD ? sub.val : tok_names[sub.tok]);
	/* the ")" was consumed by the sub-parser's lexer */
	str_addn(w, p->src->buf + start, p->src->pos - start);
}

static void scan_dollar(struct parser *p, struct str *w, int dq)
{
	int c;

	adv(p);
	str_addc(w, '$');
	skip_bsnl(p);
	c = pc(p);
	if (c == '(') {
		adv(p);
		str_addc(w, '(');
		if (pc(p) == '(') {
			/* arithmetic: to the matching "))" */
			int depth = 2;

			adv(p);
			str_addc(w, '(');
			while (depth) {
				skip_bsnl(p);
				c = pc(p);
				if (c < 0)
					syntax_error(p, "%s", "Missing '))'");
				if (c == '(')
					depth++;
				else if (c == ')')
					depth--;
				if (c == '$') {
					scan_dollar(p, w, 1);
					continue;
				}
				if (c == '`') {
					scan_backquote(p, w);
					continue;
				}
				adv(p);
				str_addc(w, c);
			}
			return;
		}
		scan_cmdsubst(p, w);
		return;
	}
	if (c == '{') {
		int depth = 1;

		adv(p);
		str_addc(w, '{');
		while (depth) {
			skip_bsnl(p);
			c = pc(p);
			if (c < 0)
				syntax_error(p, "%s", "Missing '}'");
			if (c == '}') {
				depth--;
				adv(p);
				str_addc(w, c);
			} else if (c == '\'' && !dq) {
				scan_squote(p, w);
			} else if (c == '"') {
				scan_dquote(p, w);
			} else if (c == '\\') {
				adv(p);
				str_addc(w, c);
				c = pc(p);
				if (c >= 0) {
					adv(p);
					str_addc(w, c);
				}
			} else if (c == '$') {
				scan_dollar(p, w, dq);
			} else if (c == '`') {
				scan_backquote(p, w);
			} else {
				adv(p);
				str_addc(w, c);
			}
		}
	}
}

/* A word: up to an unquoted metacharacter. */
static char *scan_word(struct parser *p, int *quoted)
{
	struct str w = { 0 };

	*quoted = 0;
	for (;;) {
		int c;

		skip_bsnl(p);
		c = pc(p);
		if (is_meta(c))
			break;
		switch (c) {
		case '\\':
			*quoted = 1;
			adv(p);
			str_addc(&w, '\\');
			c = pc(p);
			if (c >= 0) {
				adv(p);
				str_addc(&w, c);
			}
			break;
		case '\'':
			*quoted = 1;
			scan_squote(p, &w);
			break;
		case '"':
			*quoted = 1;
			scan_dquote(p, &w);
			break;
		case '`':
			scan_backquote(p, &w);
			break;
		case '$':
			scan_dollar(p, &w, 0);
			break;
		default:
			adv(p);
			str_addc(&w, c);
		}
	}
	if (!w.s)
		str_addn(&w, "", 0);
	return str_done(&w);
}

static int lex(struct parser *p)
{
	int c;

	if (p->peeked)
		return p->tok;
	p->peeked = 1;
	free(p->val);
	p->val = NULL;
	for (;;) {
		skip_bsnl(p);
		c = pc(p);
		if (c == ' ' || c == '\t') {
			adv(p);
			continue;
		}
		if (c == '#') {
			while ((c = pc(p)) >= 0 && c != '\n')
				adv(p);
			continue;
		}
		break;
	}
	if (c < 0) {
		read_heredocs(p); /* bodies cut short by the end of input are empty */
		return p->tok = T_EOF;
	}
	if (c == '\n') {
		adv(p);
		p->tok = T_NL;
		read_heredocs(p);
		return T_NL;
	}
#define TWO(a, b, t1, t2)                     \
	if (c == (a)) {                       \
		adv(p);                       \
		skip_bsnl(p);                 \
		if (pc(p) == (b)) {           \
			adv(p);               \
			return p->tok = (t2); \
		}                             \
		return p->tok = (t1);         \
	}
	TWO('&', '&', T_AMP, T_AND);
	TWO('|', '|', T_PIPE, T_OR);
	TWO(';', ';', T_SEMI, T_DSEMI);
	if (c == '(') {
		adv(p);
		return p->tok = T_LPAREN;
	}
	if (c == ')') {
		adv(p);
		return p->tok = T_RPAREN;
	}
	if (c == '<') {
		adv(p);
		skip_bsnl(p);
		c = pc(p);
		if (c == '<') {
			adv(p);
			skip_bsnl(p);
			if (pc(p) == '-') {
				adv(p);
				return p->tok = T_DLESSDASH;
			}
			return p->tok = T_DLESS;
		}
		if (c == '&') {
			adv(p);
			return p->tok = T_LESSAND;
		}
		if (c == '>') {
			adv(p);
			return p->tok = T_LESSGREAT;
		}
		return p->tok = T_LESS;
	}
	if (c == '>') {
		adv(p);
		skip_bsnl(p);
		c = pc(p);
		if (c == '>') {
			adv(p);
			return p->tok = T_DGREAT;
		}
		if (c == '&') {
			adv(p);
			return p->tok = T_GREATAND;
		}
		if (c == '|') {
			adv(p);
			return p->tok = T_CLOBBER;
		}
		return p->tok = T_GREAT;
	}
	p->val = scan_word(p, &p->quoted);
	c = pc(p);
	if ((c == '<' || c == '>') && !p->quoted && p->val[0]) {
		char *e;
		long v = strtol(p->val, &e, 10);

		if (!*e && v >= 0 && v < 10000) {
			p->ionum = (int)v;
			return p->tok = T_IONUM;
		}
	}
	return p->tok = T_WORD;
}

static void consume(struct parser *p)
{
	p->peeked = 0;
}

static const char *tok_text(struct parser *p)
{
	if (p->tok == T_WORD || p->tok == T_IONUM)
		return p->val;
	return tok_names[p->tok];
}

static void unexpected(struct parser *p, const char *expecting)
{
	struct str b = { 0 };

	if (p->tok == T_EOF || p->tok == T_NL) {
		str_adds(&b, tok_names[p->tok]);
	} else if ((p->tok == T_WORD && (p->quoted || !is_reserved(p->val))) || p->tok == T_IONUM) {
		str_adds(&b, "word");
	} else if (p->tok >= T_LESS) {
		str_adds(&b, "redirection");
	} else {
		str_addc(&b, '"');
		str_adds(&b, tok_text(p));
		str_addc(&b, '"');
	}
	str_adds(&b, " unexpected");
	if (expecting) {
		str_adds(&b, " (expecting \"");
		str_adds(&b, expecting);
		str_adds(&b, "\")");
	}
	syntax_error(p, "%s", b.s);
}

static int is_word(struct parser *p, const char *kw)
{
	return lex(p) == T_WORD && !p->quoted && !strcmp(p->val, kw);
}

static void expect_word(struct parser *p, const char *kw)
{
	if (!is_word(p, kw))
		unexpected(p, kw);
	consume(p);
}

static void linebreak(struct parser *p)
{
	while (lex(p) == T_NL)
		consume(p);
}

static struct node *new_node(int type)
{
	struct node *n = xmalloc(sizeof(*n));

	memset(n, 0, sizeof(*n));
	n->type = type;
	n->lineno = lineno;
	return n;
}

static const char *const reserved[] = {
	"if",	 "then",  "else", "elif", "fi", "do", "done", "case", "esac",
	"while", "until", "for",  "{",	  "}",	"!",  "in",   NULL,
};

int is_reserved(const char *s)
{
	for (int i = 0; reserved[i]; i++)
		if (!strcmp(s, reserved[i]))
			return 1;
	return 0;
}

/* Does the current token end a compound list? */
static int list_end(struct parser *p)
{
	static const char *const ends[] = { "then", "else", "elif", "fi", "do",
					    "done", "esac", "}",    NULL };
	int t = lex(p);

	if (t == T_EOF || t == T_RPAREN || t == T_DSEMI)
		return 1;
	if (t == T_WORD && !p->quoted)
		for (int i = 0; ends[i]; i++)
			if (!strcmp(p->val, ends[i]))
				return 1;
	return 0;
}

static void read_heredocs(struct parser *p)
{
	int i;

	for (i = 0; i < p->nheredocs; i++) {
		struct redir *r = p->heredocs[i];
		struct str body = { 0 };

		for (;;) {
			struct str line = { 0 };
			int c;

			if (pc(p) < 0)
				break;
			while ((c = pc(p)) >= 0 && c != '\n') {
				adv(p);
				if (c == '\\' && !r->quoted && pc(p) == '\n') {
					adv(p); /* a backslash-newline joins lines */
					continue;
				}
				str_addc(&line, c);
			}
			if (c == '\n')
				adv(p);
			str_addn(&line, "", 0);
			{
				char *l = line.s;

				if (r->strip_tabs)
					while (*l == '\t')
						l++;
				if (!strcmp(l, r->word)) {
					free(line.s);
					break;
				}
				str_adds(&body, l);
				str_addc(&body, '\n');
			}
			free(line.s);
			if (c < 0)
				break;
		}
		r->body = body.s ? str_done(&body) : xstrdup("");
	}
	p->nheredocs = 0;
}

/* A here-document's delimiter: quote removal, and whether anything was quoted. */
static char *heredoc_delim(const char *w, int *quoted)
{
	struct str b = { 0 };

	*quoted = 0;
	for (; *w; w++) {
		if (*w == '\\' && w[1]) {
			*quoted = 1;
			str_addc(&b, *++w);
		} else if (*w == '\'' || *w == '"') {
			char q = *w;

			*quoted = 1;
			while (*++w && *w != q)
				str_addc(&b, *w);
			if (!*w)
				break;
		} else {
			str_addc(&b, *w);
		}
	}
	str_addn(&b, "", 0);
	return str_done(&b);
}

static int redir_token(int t)
{
	return t == T_IONUM || (t >= T_LESS && t <= T_CLOBBER);
}

static struct redir *redirection(struct parser *p)
{
	struct redir *r = xmalloc(sizeof(*r));
	int t = lex(p);

	memset(r, 0, sizeof(*r));
	r->fd = -1;
	if (t == T_IONUM) {
		r->fd = p->ionum;
		consume(p);
		t = lex(p);
	}
	consume(p);
	switch (t) {
	case T_LESS:
		r->type = R_IN;
		break;
	case T_GREAT:
		r->type = R_OUT;
		break;
	case T_CLOBBER:
		r->type = R_CLOBBER;
		break;
	case T_DGREAT:
		r->type = R_APPEND;
		break;
	case T_LESSAND:
		r->type = R_DUPIN;
		break;
	case T_GREATAND:
		r->type = R_DUPOUT;
		break;
	case T_LESSGREAT:
		r->type = R_RDWR;
		break;
	case T_DLESS:
	case T_DLESSDASH:
		r->type = R_HEREDOC;
		break;
	}
	if (r->fd < 0)
		r->fd = (r->type == R_IN || r->type == R_DUPIN || r->type == R_RDWR ||
			 r->type == R_HEREDOC)
				? 0
				: 1;
	if (lex(p) != T_WORD)
		unexpected(p, NULL);
	if (r->type == R_HEREDOC) {
		r->strip_tabs = t == T_DLESSDASH;
		r->word = heredoc_delim(p->val, &r->quoted);
		if (p->nheredocs < 32)
			p->heredocs[p->nheredocs++] = r;
	} else {
		r->word = xstrdup(p->val);
	}
	consume(p);
	return r;
}

static void add_redirs(struct parser *p, struct redir **tail)
{
	while (*tail)
		tail = &(*tail)->next;
	while (redir_token(lex(p))) {
		*tail = redirection(p);
		tail = &(*tail)->next;
	}
}

/* Checks a word in command position against the aliases; inserts the text on a match. */
static int alias_check(struct parser *p)
{
	const char *a;
	struct source *s = p->src;
	int i;

	if (p->tok != T_WORD || p->quoted)
		return 0;
	a = alias_get(p->val);
	if (!a)
		return 0;
	for (i = 0; i < s->nalias; i++)
		if (!strcmp(s->alias_busy[i], p->val))
			return 0;
	src_insert(s, a, alias_get_name(p->val));
	p->alias_next = *a && (a[strlen(a) - 1] == ' ' || a[strlen(a) - 1] == '\t');
	consume(p);
	return 1;
}

static struct node *simple_command(struct parser *p)
{
	struct node *n = new_node(N_CMD);
	char **words = NULL;
	int nwords = 0, cap = 0, assigning = 1;

	for (;;) {
		int t = lex(p);

		if (redir_token(t)) {
			add_redirs(p, &n->redirs);
			continue;
		}
		if (t != T_WORD)
			break;
		if (nwords && p->alias_next) {
			p->alias_next = 0;
			if (alias_check(p))
				continue;
		}
		if (assigning) {
			char *eq = strchr(p->val, '=');

			if (eq && is_name(p->val, eq - p->val))
				n->nassign++;
			else
				assigning = 0;
		}
		if (nwords + 2 > cap) {
			cap = cap ? cap * 2 : 8;
			words = xrealloc(words, cap * sizeof(*words));
		}
		words[nwords++] = p->val;
		p->val = NULL;
		consume(p);
		if (nwords == 1 && !n->nassign && lex(p) == T_LPAREN) {
			/* name ( ) compound-command: a function */
			struct node *f = new_node(N_FUNC);
			size_t start;

			if (!is_name(words[0], strlen(words[0])))
				syntax_error(p, "%s", "Bad function name");
			consume(p);
			if (lex(p) != T_RPAREN)
				unexpected(p, ")");
			consume(p);
			linebreak(p);
			start = p->src->pos;
			f->name = words[0];
			f->left = command(p);
			if (!f->left || f->left->type == N_CMD)
				unexpected(p, NULL);
			f->text = xstrndup(p->src->buf + start, p->src->pos - start);
			free(words);
			free(n);
			return f;
		}
	}
	p->alias_next = 0;
	if (!nwords && !n->redirs) {
		free(n);
		return NULL;
	}
	if (words)
		words[nwords] = NULL;
	n->words = words;
	n->nwords = nwords;
	return n;
}

static struct node *do_group(struct parser *p)
{
	struct node *n;

	expect_word(p, "do");
	n = compound_list(p);
	expect_word(p, "done");
	return n;
}

static char *case_word(struct parser *p, const char *expecting)
{
	char *w;

	if (lex(p) != T_WORD)
		unexpected(p, expecting);
	w = p->val;
	p->val = NULL;
	consume(p);
	return w;
}

static struct node *case_clause(struct parser *p)
{
	struct node *n = new_node(N_CASE);
	struct case_item **tail = &n->items;

	n->name = case_word(p, NULL);
	linebreak(p);
	expect_word(p, "in");
	for (;;) {
		struct case_item *it;
		char **pats = NULL;
		int np = 0;

		linebreak(p);
		if (is_word(p, "esac")) {
			consume(p);
			break;
		}
		if (lex(p) == T_LPAREN)
			consume(p);
		for (;;) {
			pats = xrealloc(pats, (np + 2) * sizeof(*pats));
			pats[np++] = case_word(p, ")");
			if (lex(p) == T_PIPE) {
				consume(p);
				continue;
			}
			break;
		}
		pats[np] = NULL;
		if (lex(p) != T_RPAREN)
			unexpected(p, ")");
		consume(p);
		it = xmalloc(sizeof(*it));
		it->next = NULL;
		it->pats = pats;
		it->body = compound_list(p);
		*tail = it;
		tail = &it->next;
		if (lex(p) == T_DSEMI) {
			consume(p);
			continue;
		}
		if (is_word(p, "esac")) {
			consume(p);
			break;
		}
		unexpected(p, ";;");
	}
	return n;
}

static struct node *if_clause(struct parser *p)
{
	struct node *n = new_node(N_IF);

	n->left = compound_list(p);
	expect_word(p, "then");
	n->right = compound_list(p);
	if (is_word(p, "elif")) {
		consume(p);
		n->third = if_clause(p);
		return n;
	}
	if (is_word(p, "else")) {
		consume(p);
		n->third = compound_list(p);
	}
	expect_word(p, "fi");
	return n;
}

static struct node *for_clause(struct parser *p)
{
	struct node *n = new_node(N_FOR);
	char **words = NULL;
	int nw = 0;

	if (lex(p) != T_WORD || !is_name(p->val, strlen(p->val)))
		syntax_error(p, "%s", "Bad for loop variable");
	n->name = p->val;
	p->val = NULL;
	consume(p);
	linebreak(p);
	if (is_word(p, "in")) {
		consume(p);
		n->has_in = 1;
		while (lex(p) == T_WORD) {
			words = xrealloc(words, (nw + 2) * sizeof(*words));
			words[nw++] = p->val;
			p->val = NULL;
			consume(p);
		}
		if (words)
			words[nw] = NULL;
		if (lex(p) != T_NL && p->tok != T_SEMI)
			unexpected(p, "do");
		consume(p);
	} else if (lex(p) == T_SEMI) {
		consume(p);
	}
	linebreak(p);
	n->words = words;
	n->nwords = nw;
	n->left = do_group(p);
	return n;
}

static struct node *command(struct parser *p)
{
	struct node *n;
	int t;

again:
	t = lex(p);
	lineno = p->src->lineno;
	if (t == T_LPAREN) {
		consume(p);
		n = new_node(N_SUBSHELL);
		n->left = compound_list(p);
		if (lex(p) != T_RPAREN)
			unexpected(p, ")");
		consume(p);
	} else if (t == T_WORD && !p->quoted && !strcmp(p->val, "{")) {
		consume(p);
		n = new_node(N_GROUP);
		n->left = compound_list(p);
		expect_word(p, "}");
	} else if (is_word(p, "if")) {
		consume(p);
		n = if_clause(p);
	} else if (is_word(p, "while") || is_word(p, "until")) {
		n = new_node(p->val[0] == 'w' ? N_WHILE : N_UNTIL);
		consume(p);
		n->left = compound_list(p);
		n->right = do_group(p);
	} else if (is_word(p, "for")) {
		consume(p);
		n = for_clause(p);
	} else if (is_word(p, "case")) {
		consume(p);
		n = case_clause(p);
	} else {
		if (t == T_WORD && !p->quoted && is_reserved(p->val))
			unexpected(p, NULL);
		if (t == T_WORD && alias_check(p))
			goto again;
		return simple_command(p);
	}
	add_redirs(p, &n->redirs);
	return n;
}

static struct node *pipeline(struct parser *p)
{
	struct node *n, *pipe_n = NULL;
	int bang = 0;

	if (is_word(p, "!")) {
		consume(p);
		bang = 1;
	}
	n = command(p);
	if (!n)
		unexpected(p, NULL);
	while (lex(p) == T_PIPE) {
		struct node *c;

		consume(p);
		linebreak(p);
		c = command(p);
		if (!c)
			unexpected(p, NULL);
		if (!pipe_n) {
			pipe_n = new_node(N_PIPE);
			pipe_n->cmds = xmalloc(2 * sizeof(*pipe_n->cmds));
			pipe_n->cmds[pipe_n->ncmds++] = n;
		} else {
			pipe_n->cmds =
				xrealloc(pipe_n->cmds, (pipe_n->ncmds + 1) * sizeof(*pipe_n->cmds));
		}
		pipe_n->cmds[pipe_n->ncmds++] = c;
	}
	if (pipe_n)
		n = pipe_n;
	if (bang) {
		struct node *b = new_node(N_NOT);

		b->left = n;
		n = b;
	}
	return n;
}

static struct node *and_or(struct parser *p)
{
	struct node *n = pipeline(p);

	for (;;) {
		int t = lex(p);
		struct node *o;

		if (t != T_AND && t != T_OR)
			return n;
		consume(p);
		linebreak(p);
		o = new_node(t == T_AND ? N_AND : N_OR);
		o->left = n;
		o->right = pipeline(p);
		n = o;
	}
}

static struct node *seq(struct node *a, struct node *b)
{
	struct node *n;

	if (!a)
		return b;
	n = new_node(N_SEQ);
	n->left = a;
	n->right = b;
	return n;
}

static struct node *bg(struct node *a, const char *text, size_t len)
{
	struct node *n = new_node(N_BG);

	n->left = a;
	n->text = xstrndup(text, len);
	while (n->text[0] == ' ' || n->text[0] == '\t')
		memmove(n->text, n->text + 1, strlen(n->text));
	len = strlen(n->text);
	while (len && (n->text[len - 1] == ' ' || n->text[len - 1] == '\t'))
		n->text[--len] = 0;
	return n;
}

/* A list inside a compound command: newlines separate too. */
static struct node *compound_list(struct parser *p)
{
	struct node *list = NULL;

	linebreak(p);
	while (!list_end(p)) {
		size_t start = p->src->pos;
		struct node *n = and_or(p);
		int t = lex(p);

		if (t == T_AMP) {
			n = bg(n, p->src->buf + start, p->src->pos - 1 - start);
			consume(p);
		} else if (t == T_SEMI) {
			consume(p);
		} else if (t == T_NL) {
			/* fine */
		} else if (!list_end(p)) {
			unexpected(p, NULL);
		}
		list = seq(list, n);
		linebreak(p);
	}
	return list;
}

/*
 * The next complete command of the input (to a newline), or NULL for an empty line;
 * *eof is set at the end of input.
 */
struct node *parse_command(struct source *s, int *eof)
{
	struct parser p = { .src = s };
	struct node *list = NULL;

	*eof = 0;
	if (s->pos >= s->len && !s->nalias) {
		s->pos = s->len = 0;
		if (s->buf)
			s->buf[0] = 0;
		if (s->fd >= 0 && !src_more(s, 0)) {
			*eof = 1;
			return NULL;
		}
	}
	for (;;) {
		size_t start = s->pos;
		int t = lex(&p);
		struct node *n;

		if (t == T_EOF) {
			if (!list)
				*eof = 1;
			break;
		}
		if (t == T_NL) {
			/* an empty line is an empty command: no continuation prompt */
			consume(&p);
			break;
		}
		n = and_or(&p);
		t = lex(&p);
		if (t == T_AMP) {
			n = bg(n, s->buf + start, s->pos - 1 - start);
			consume(&p);
		} else if (t == T_SEMI) {
			consume(&p);
		} else if (t != T_NL && t != T_EOF) {
			unexpected(&p, NULL);
		}
		list = seq(list, n);
		if (lex(&p) == T_NL) {
			consume(&p);
			break;
		}
	}
	free(p.val);
	return list;
}

/*
 * The command list of "$(" text ")": text starts after "$("; *used is how far the ")"
 * that ends it is (past it).
 */
struct node *parse_cmdsubst(const char *text, size_t *used)
{
	struct source s;
	struct parser p = { .src = &s, .nest = 1 };
	struct node *n;
	int save = lineno;

	src_init_string(&s, text);
	n = compound_list(&p);
	*used = s.pos;
	src_free(&s);
	lineno = save;
	return n;
}

static void free_words(char **w)
{
	if (!w)
		return;
	for (char **p = w; *p; p++)
		free(*p);
	free(w);
}

/* Frees a tree that nothing else refers to (a command substitution's, once forked). */
void node_free(struct node *n)
{
	struct redir *r, *rn;
	struct case_item *it, *in;

	if (!n)
		return;
	node_free(n->left);
	node_free(n->right);
	node_free(n->third);
	free_words(n->words);
	free(n->name);
	free(n->text);
	for (r = n->redirs; r; r = rn) {
		rn = r->next;
		free(r->word);
		free(r->body);
		free(r);
	}
	for (it = n->items; it; it = in) {
		in = it->next;
		free_words(it->pats);
		node_free(it->body);
		free(it);
	}
	for (int i = 0; i < n->ncmds; i++)
		node_free(n->cmds[i]);
	free(n->cmds);
	free(n);
}
