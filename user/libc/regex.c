/*
 * POSIX regular expressions, basic and extended (with the GNU \| \+ \? in basic ones, and
 * back-references in both). The pattern is parsed into a tree, compiled into a small program
 * (CHAR, ANY, SET, SPLIT, JMP, SAVE, ...) and run by a backtracking matcher that tries every
 * path from the leftmost starting point and keeps the longest match, as POSIX asks; among
 * equally long matches the first path found (greedy, earlier alternatives first) gives the
 * subexpressions. A step budget turns a pathological pattern into REG_ESPACE, not a hang.
 */
#include "libc.h"
#include <ctype.h>
#include <limits.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

enum {
	N_EMPTY,
	N_CHAR,
	N_ANY,
	N_SET,
	N_BOL,
	N_EOL,
	N_GROUP,
	N_CAT,
	N_ALT,
	N_REP,
	N_BREF
};
struct node {
	int type, c, a, b, min, max;
};

enum {
	I_CHAR,
	I_ANY,
	I_SET,
	I_BOL,
	I_EOL,
	I_SAVE,
	I_SPLIT,
	I_JMP,
	I_MARK,
	I_CHECK,
	I_BREF,
	I_MATCH
};
struct inst {
	int op, x, y;
};

struct prog {
	struct inst *code;
	int n, cap;
	unsigned char (*sets)[32];
	int nsets;
	int nmarks, nsub, cflags;
};

struct parser {
	const char *p;
	int ere, icase, err, nsub, open_groups;
	struct node *nodes;
	int n, cap;
	struct prog *prog;
};

static int new_node(struct parser *ps, int type, int c, int a, int b)
{
	if (ps->n == ps->cap) {
		int cap = ps->cap ? ps->cap * 2 : 64;
		struct node *nn = realloc(ps->nodes, (size_t)cap * sizeof(*nn));
		if (!nn) {
			ps->err = REG_ESPACE;
			return 0;
		}
		ps->nodes = nn;
		ps->cap = cap;
	}
	ps->nodes[ps->n] = (struct node){ type, c, a, b, 0, 0 };
	return ps->n++;
}

static int new_set(struct parser *ps)
{
	struct prog *pr = ps->prog;
	void *s = realloc(pr->sets, (size_t)(pr->nsets + 1) * 32);
	if (!s) {
		ps->err = REG_ESPACE;
		return 0;
	}
	pr->sets = s;
	memset(pr->sets[pr->nsets], 0, 32);
	return pr->nsets++;
}

static void set_add(unsigned char *set, int c, int icase)
{
	set[c >> 3] |= (unsigned char)(1 << (c & 7));
	if (icase && isalpha(c)) {
		int o = islower(c) ? toupper(c) : tolower(c);
		set[o >> 3] |= (unsigned char)(1 << (o & 7));
	}
}

static const struct {
	const char *name;
	int (*fn)(int);
} classes[] = {
	{ "alpha", isalpha }, { "digit", isdigit }, { "alnum", isalnum }, { "upper", isupper },
	{ "lower", islower }, { "space", isspace }, { "blank", isblank }, { "punct", ispunct },
	{ "print", isprint }, { "graph", isgraph }, { "cntrl", iscntrl }, { "xdigit", isxdigit },
};

/* A bracket expression; ps->p is just past '['. */
static int bracket(struct parser *ps)
{
	int si = new_set(ps);
	if (ps->err)
		return 0;
	unsigned char *set = ps->prog->sets[si];
	int neg = 0, first = 1;
	if (*ps->p == '^') {
		neg = 1;
		ps->p++;
	}
	for (;;) {
		int c = (unsigned char)*ps->p;
		if (!c) {
			ps->err = REG_EBRACK;
			return 0;
		}
		if (c == ']' && !first) {
			ps->p++;
			break;
		}
		first = 0;
		if (c == '[' && (ps->p[1] == ':' || ps->p[1] == '=' || ps->p[1] == '.')) {
			char kind = ps->p[1];
			const char *start = ps->p + 2, *e = start;
			while (*e && !(e[0] == kind && e[1] == ']'))
				e++;
			if (!*e) {
				ps->err = REG_EBRACK;
				return 0;
			}
			size_t l = (size_t)(e - start);
			ps->p = e + 2;
			if (kind == ':') {
				unsigned k;
				for (k = 0; k < sizeof(classes) / sizeof(classes[0]); k++)
					if (strlen(classes[k].name) == l &&
					    !memcmp(classes[k].name, start, l))
						break;
				if (k == sizeof(classes) / sizeof(classes[0])) {
					ps->err = REG_ECTYPE;
					return 0;
				}
				for (int ch = 1; ch < 256; ch++)
					if (classes[k].fn(ch) ||
					    (ps->icase && (k == 3 || k == 4) && isalpha(ch)))
						set_add(set, ch, 0);
				continue;
			}
			if (l != 1) { /* only single characters collate here */
				ps->err = REG_ECOLLATE;
				return 0;
			}
			c = (unsigned char)start[0];
		} else {
			ps->p++;
		}
		int hi = c;
		if (ps->p[0] == '-' && ps->p[1] && ps->p[1] != ']') {
			hi = (unsigned char)ps->p[1];
			ps->p += 2;
			if (hi == '[' && ps->p[0] == '.') { /* [.x.] as a range end */
				if (!ps->p[1] || ps->p[2] != '.' || ps->p[3] != ']') {
					ps->err = REG_ECOLLATE;
					return 0;
				}
				hi = (unsigned char)ps->p[1];
				ps->p += 4;
			}
			if (hi < c) {
				ps->err = REG_ERANGE;
				return 0;
			}
		}
		for (int ch = c; ch <= hi; ch++)
			set_add(set, ch, ps->icase);
	}
	if (neg) {
		for (int i = 0; i < 32; i++)
			set[i] = (unsigned char)~set[i];
		set[0] &= (unsigned char)~1; /* never NUL */
		if (ps->prog->cflags & REG_NEWLINE)
			set['\n' >> 3] &= (unsigned char)~(1 << ('\n' & 7));
	}
	return new_node(ps, N_SET, si, 0, 0);
}

static int parse_alt(struct parser *ps);

static int at_alt(struct parser *ps)
{
	return ps->ere ? *ps->p == '|' : (ps->p[0] == '\\' && ps->p[1] == '|');
}

static int at_close(struct parser *ps)
{
	if (ps->ere)
		return *ps->p == ')' && ps->open_groups;
	return ps->p[0] == '\\' && ps->p[1] == ')';
}

static int parse_atom(struct parser *ps, int branch_start)
{
	int c = (unsigned char)*ps->p;
	if (ps->ere) {
		switch (c) {
		case '(': {
			ps->p++;
			int g = ++ps->nsub;
			ps->open_groups++;
			int inner = *ps->p == ')' ? new_node(ps, N_EMPTY, 0, 0, 0) : parse_alt(ps);
			ps->open_groups--;
			if (ps->err)
				return 0;
			if (*ps->p != ')') {
				ps->err = REG_EPAREN;
				return 0;
			}
			ps->p++;
			return new_node(ps, N_GROUP, g, inner, 0);
		}
		case '^':
			ps->p++;
			return new_node(ps, N_BOL, 0, 0, 0);
		case '$':
			ps->p++;
			return new_node(ps, N_EOL, 0, 0, 0);
		case '*':
		case '+':
		case '?':
			ps->err = REG_BADRPT;
			return 0;
		}
	} else {
		if (c == '\\' && ps->p[1] == '(') {
			ps->p += 2;
			int g = ++ps->nsub;
			ps->open_groups++;
			int inner = (ps->p[0] == '\\' && ps->p[1] == ')')
					    ? new_node(ps, N_EMPTY, 0, 0, 0)
					    : parse_alt(ps);
			ps->open_groups--;
			if (ps->err)
				return 0;
			if (ps->p[0] != '\\' || ps->p[1] != ')') {
				ps->err = REG_EPAREN;
				return 0;
			}
			ps->p += 2;
			return new_node(ps, N_GROUP, g, inner, 0);
		}
		if (c == '^' && branch_start) {
			ps->p++;
			return new_node(ps, N_BOL, 0, 0, 0);
		}
		if (c == '$' &&
		    (!ps->p[1] || (ps->p[1] == '\\' && (ps->p[2] == ')' || ps->p[2] == '|')))) {
			ps->p++;
			return new_node(ps, N_EOL, 0, 0, 0);
		}
		if (c == '*' && branch_start) {
			ps->p++;
			return new_node(ps, N_CHAR, '*', 0, 0);
		}
	}
	if (c == '.') {
		ps->p++;
		return new_node(ps, N_ANY, 0, 0, 0);
	}
	if (c == '[') {
		ps->p++;
		return bracket(ps);
	}
	if (c == '\\') {
		int d = (unsigned char)ps->p[1];
		if (!d) {
			ps->err = REG_EESCAPE;
			return 0;
		}
		ps->p += 2;
		if (d >= '1' && d <= '9') {
			if (d - '0' > ps->nsub) {
				ps->err = REG_ESUBREG;
				return 0;
			}
			return new_node(ps, N_BREF, d - '0', 0, 0);
		}
		if (d == 'w' || d == 'W' || d == 's' || d == 'S') {
			int si = new_set(ps);
			if (ps->err)
				return 0;
			for (int ch = 1; ch < 256; ch++) {
				int in = (d == 'w' || d == 'W') ? (isalnum(ch) || ch == '_')
								: isspace(ch);
				if (in == (d == 'w' || d == 's'))
					set_add(ps->prog->sets[si], ch, 0);
			}
			return new_node(ps, N_SET, si, 0, 0);
		}
		c = d;
	} else {
		ps->p++;
	}
	return new_node(ps, N_CHAR, c, 0, 0);
}

/* {m}, {m,}, {m,n}; ps->p is just past the brace. */
static int bounds(struct parser *ps, int *min, int *max)
{
	const char *p = ps->p;
	if (!isdigit((unsigned char)*p)) {
		ps->err = REG_BADBR;
		return -1;
	}
	long m = 0, n;
	while (isdigit((unsigned char)*p) && m <= 255)
		m = m * 10 + (*p++ - '0');
	n = m;
	if (*p == ',') {
		p++;
		n = -1;
		if (isdigit((unsigned char)*p)) {
			n = 0;
			while (isdigit((unsigned char)*p) && n <= 255)
				n = n * 10 + (*p++ - '0');
		}
	}
	if (ps->ere ? *p != '}' : (p[0] != '\\' || p[1] != '}')) {
		ps->err = *p ? REG_BADBR : REG_EBRACE;
		return -1;
	}
	p += ps->ere ? 1 : 2;
	if (m > 255 || n > 255 || (n >= 0 && n < m)) {
		ps->err = REG_BADBR;
		return -1;
	}
	ps->p = p;
	*min = (int)m;
	*max = (int)n;
	return 0;
}

static int parse_piece(struct parser *ps, int branch_start)
{
	int atom = parse_atom(ps, branch_start);
	if (ps->err)
		return 0;
	if (!ps->ere && ps->nodes[atom].type == N_BOL)
		return atom; /* in a basic RE, a '*' right after the leading ^ is literal */
	for (;;) {
		int min, max;
		const char *p = ps->p;
		if (*p == '*') {
			ps->p++;
			min = 0;
			max = -1;
		} else if (ps->ere && (*p == '+' || *p == '?')) {
			ps->p++;
			min = *p == '+';
			max = *p == '+' ? -1 : 1;
		} else if (!ps->ere && p[0] == '\\' && (p[1] == '+' || p[1] == '?')) {
			ps->p += 2;
			min = p[1] == '+';
			max = p[1] == '+' ? -1 : 1;
		} else if (ps->ere ? *p == '{' : (p[0] == '\\' && p[1] == '{')) {
			ps->p += ps->ere ? 1 : 2;
			if (bounds(ps, &min, &max))
				return 0;
		} else {
			return atom;
		}
		int t = ps->nodes[atom].type;
		if (t == N_BOL || t == N_EOL) /* a repeated anchor is the anchor */
			continue;
		atom = new_node(ps, N_REP, 0, atom, 0);
		if (ps->err)
			return 0;
		ps->nodes[atom].min = min;
		ps->nodes[atom].max = max;
	}
}

static int parse_cat(struct parser *ps)
{
	int node = -1, start = 1;
	while (*ps->p && !at_alt(ps) && !at_close(ps)) {
		int piece = parse_piece(ps, start);
		if (ps->err)
			return 0;
		start = start && ps->nodes[piece].type == N_BOL; /* ^ keeps the branch's start */
		node = node < 0 ? piece : new_node(ps, N_CAT, 0, node, piece);
		if (ps->err)
			return 0;
	}
	return node < 0 ? new_node(ps, N_EMPTY, 0, 0, 0) : node;
}

static int parse_alt(struct parser *ps)
{
	int left = parse_cat(ps);
	while (!ps->err && at_alt(ps)) {
		ps->p += ps->ere ? 1 : 2;
		int right = parse_cat(ps);
		if (ps->err)
			return 0;
		left = new_node(ps, N_ALT, 0, left, right);
	}
	return left;
}

static int emit(struct prog *pr, int op, int x, int y)
{
	if (pr->n == pr->cap) {
		if (pr->cap >= 1 << 20)
			return -1;
		int cap = pr->cap ? pr->cap * 2 : 64;
		struct inst *c = realloc(pr->code, (size_t)cap * sizeof(*c));
		if (!c)
			return -1;
		pr->code = c;
		pr->cap = cap;
	}
	pr->code[pr->n] = (struct inst){ op, x, y };
	return pr->n++;
}

static int gen(struct prog *pr, const struct node *nodes, int i)
{
	const struct node *nd = &nodes[i];
	int s, j;
	switch (nd->type) {
	case N_EMPTY:
		return 0;
	case N_CHAR:
		return emit(pr, I_CHAR, nd->c, 0) < 0;
	case N_ANY:
		return emit(pr, I_ANY, 0, 0) < 0;
	case N_SET:
		return emit(pr, I_SET, nd->c, 0) < 0;
	case N_BOL:
		return emit(pr, I_BOL, 0, 0) < 0;
	case N_EOL:
		return emit(pr, I_EOL, 0, 0) < 0;
	case N_BREF:
		return emit(pr, I_BREF, nd->c, 0) < 0;
	case N_GROUP:
		return emit(pr, I_SAVE, 2 * nd->c, 0) < 0 || gen(pr, nodes, nd->a) ||
		       emit(pr, I_SAVE, 2 * nd->c + 1, 0) < 0;
	case N_CAT:
		return gen(pr, nodes, nd->a) || gen(pr, nodes, nd->b);
	case N_ALT:
		if ((s = emit(pr, I_SPLIT, 0, 0)) < 0)
			return 1;
		pr->code[s].x = pr->n;
		if (gen(pr, nodes, nd->a) || (j = emit(pr, I_JMP, 0, 0)) < 0)
			return 1;
		pr->code[s].y = pr->n;
		if (gen(pr, nodes, nd->b))
			return 1;
		pr->code[j].x = pr->n;
		return 0;
	case N_REP: {
		for (int k = 0; k < nd->min; k++)
			if (gen(pr, nodes, nd->a))
				return 1;
		if (nd->max < 0) {
			/* x* is "(x, allowed to match empty once, as a first go) then x again and
			 * again, each time longer": a loop body that matches nothing ends the loop
			 * after a first go and fails after a later one, so the loop always ends
			 * and a group inside keeps the last non-empty match (as glibc reports).
			 *   [min == 0]  SPLIT first, out; first: MARK a; x; CHECK a -> out
			 *   L: SPLIT body, out; body: MARK b; x; CHECK b (fail); JMP L; out: */
			int s0 = -1, c0 = -1;
			if (nd->min == 0) {
				int mark = pr->nmarks++;
				if ((s0 = emit(pr, I_SPLIT, 0, 0)) < 0 ||
				    emit(pr, I_MARK, mark, 0) < 0)
					return 1;
				pr->code[s0].x = s0 + 1;
				if (gen(pr, nodes, nd->a) || (c0 = emit(pr, I_CHECK, mark, 0)) < 0)
					return 1;
			}
			int mark = pr->nmarks++;
			if ((s = emit(pr, I_SPLIT, 0, 0)) < 0 || emit(pr, I_MARK, mark, 0) < 0)
				return 1;
			pr->code[s].x = s + 1;
			if (gen(pr, nodes, nd->a) || (j = emit(pr, I_CHECK, mark, 0)) < 0 ||
			    emit(pr, I_JMP, s, 0) < 0)
				return 1;
			pr->code[j].y = -1; /* a later empty go fails */
			pr->code[s].y = pr->n;
			if (s0 >= 0) {
				pr->code[s0].y = pr->n;
				pr->code[c0].y = pr->n; /* a first empty go ends the loop */
			}
			return 0;
		}
		int opt = nd->max - nd->min, first = pr->n;
		int splits[256];
		for (int k = 0; k < opt; k++) {
			if ((splits[k] = emit(pr, I_SPLIT, 0, 0)) < 0)
				return 1;
			pr->code[splits[k]].x = pr->n;
			if (gen(pr, nodes, nd->a))
				return 1;
		}
		for (int k = 0; k < opt; k++)
			pr->code[splits[k]].y = pr->n;
		(void)first;
		return 0;
	}
	}
	return 1;
}

int regcomp(regex_t *restrict re, const char *restrict pattern, int cflags)
{
	struct prog *pr = calloc(1, sizeof(*pr));
	if (!pr)
		return REG_ESPACE;
	pr->cflags = cflags;
	struct parser ps = { pattern, cflags & REG_EXTENDED, cflags & REG_ICASE, 0, 0, 0, 0, 0, 0,
			     pr };
	int root = parse_alt(&ps);
	if (!ps.err && *ps.p) /* a stray close: ")" in ERE is taken as itself above */
		ps.err = REG_EPAREN;
	if (!ps.err && (emit(pr, I_SAVE, 0, 0) < 0 || gen(pr, ps.nodes, root) ||
			emit(pr, I_SAVE, 1, 0) < 0 || emit(pr, I_MATCH, 0, 0) < 0))
		ps.err = REG_ESPACE;
	free(ps.nodes);
	if (ps.err) {
		free(pr->code);
		free(pr->sets);
		free(pr);
		return ps.err;
	}
	pr->nsub = ps.nsub;
	re->re_nsub = (size_t)ps.nsub;
	re->__prog = pr;
	re->__cflags = cflags;
	return 0;
}

struct run {
	const struct prog *pr;
	const char *s, *end;
	int eflags, done, over;
	long steps;
	const char **saves, **best, **marks;
	const char *best_end;
};

static int eq(const struct run *r, int a, int b)
{
	if (r->pr->cflags & REG_ICASE)
		return tolower(a) == tolower(b);
	return a == b;
}

static void run(struct run *r, int pc, const char *sp)
{
	const struct inst *code = r->pr->code;
	int nl = r->pr->cflags & REG_NEWLINE;
	for (;;) {
		if (r->done)
			return;
		if (++r->steps > 20000000) {
			r->over = r->done = 1;
			return;
		}
		const struct inst *in = &code[pc];
		switch (in->op) {
		case I_CHAR:
			if (sp >= r->end || !eq(r, (unsigned char)*sp, in->x))
				return;
			sp++;
			pc++;
			break;
		case I_ANY:
			if (sp >= r->end || !*sp || (nl && *sp == '\n'))
				return;
			sp++;
			pc++;
			break;
		case I_SET: {
			int c = (unsigned char)*sp;
			if (sp >= r->end || !(r->pr->sets[in->x][c >> 3] >> (c & 7) & 1))
				return;
			sp++;
			pc++;
			break;
		}
		case I_BOL:
			if (!((sp == r->s && !(r->eflags & REG_NOTBOL)) ||
			      (nl && sp > r->s && sp[-1] == '\n')))
				return;
			pc++;
			break;
		case I_EOL:
			if (!((sp == r->end && !(r->eflags & REG_NOTEOL)) ||
			      (nl && sp < r->end && *sp == '\n')))
				return;
			pc++;
			break;
		case I_SAVE: {
			const char *old = r->saves[in->x];
			r->saves[in->x] = sp;
			run(r, pc + 1, sp);
			r->saves[in->x] = old;
			return;
		}
		case I_MARK: {
			const char *old = r->marks[in->x];
			r->marks[in->x] = sp;
			run(r, pc + 1, sp);
			r->marks[in->x] = old;
			return;
		}
		case I_CHECK: /* a loop body that matched nothing: end the loop, or fail */
			if (sp == r->marks[in->x]) {
				if (in->y < 0)
					return;
				pc = in->y;
				break;
			}
			pc++;
			break;
		case I_SPLIT:
			run(r, in->x, sp);
			pc = in->y;
			break;
		case I_JMP:
			pc = in->x;
			break;
		case I_BREF: {
			const char *a = r->saves[2 * in->x], *b = r->saves[2 * in->x + 1];
			if (!a || !b || b < a)
				return;
			size_t l = (size_t)(b - a);
			if ((size_t)(r->end - sp) < l)
				return;
			for (size_t i = 0; i < l; i++)
				if (!eq(r, (unsigned char)a[i], (unsigned char)sp[i]))
					return;
			sp += l;
			pc++;
			break;
		}
		case I_MATCH:
			if (sp > r->best_end) {
				r->best_end = sp;
				memcpy(r->best, r->saves,
				       (size_t)(2 * (r->pr->nsub + 1)) * sizeof(*r->best));
				if (sp == r->end)
					r->done = 1; /* nothing can be longer */
			}
			return;
		}
	}
}

int regexec(const regex_t *restrict re, const char *restrict s, size_t n,
	    regmatch_t pmatch[restrict], int eflags)
{
	const struct prog *pr = re->__prog;
	size_t ns = (size_t)(2 * (pr->nsub + 1));
	const char **mem = calloc(2 * ns + (size_t)pr->nmarks + 1, sizeof(*mem));
	if (!mem)
		return REG_ESPACE;
	struct run r = { pr, s, s + strlen(s), eflags, 0, 0, 0, mem, mem + ns, mem + 2 * ns, 0 };
	if (re->__cflags & REG_NOSUB)
		n = 0;
	int ret = REG_NOMATCH;
	for (const char *start = s; start <= r.end; start++) {
		r.best_end = start - 1;
		r.done = 0;
		run(&r, 0, start);
		if (r.over) {
			ret = REG_ESPACE;
			break;
		}
		if (r.best_end >= start) {
			for (size_t i = 0; i < n; i++) {
				const char *a = i <= (size_t)pr->nsub ? r.best[2 * i] : 0;
				const char *b = i <= (size_t)pr->nsub ? r.best[2 * i + 1] : 0;
				if (a && b) {
					pmatch[i].rm_so = a - s;
					pmatch[i].rm_eo = b - s;
				} else {
					pmatch[i].rm_so = pmatch[i].rm_eo = -1;
				}
			}
			ret = 0;
			break;
		}
	}
	free(mem);
	return ret;
}

void regfree(regex_t *re)
{
	struct prog *pr = re->__prog;
	if (!pr)
		return;
	free(pr->code);
	free(pr->sets);
	free(pr);
	re->__prog = 0;
}

size_t regerror(int err, const regex_t *restrict re, char *restrict buf, size_t size)
{
	static const char *const msg[] = {
		[0] = "success",
		[REG_NOMATCH] = "regexec found no match",
		[REG_BADPAT] = "invalid regular expression",
		[REG_ECOLLATE] = "invalid collating element",
		[REG_ECTYPE] = "unknown character class",
		[REG_EESCAPE] = "backslash at the end of the pattern",
		[REG_ESUBREG] = "back-reference to a group that does not exist",
		[REG_EBRACK] = "[ without its ]",
		[REG_EPAREN] = "parentheses do not pair up",
		[REG_EBRACE] = "{ without its }",
		[REG_BADBR] = "invalid repetition count in {}",
		[REG_ERANGE] = "range whose end comes before its start",
		[REG_ESPACE] = "out of memory, or the match took too long",
		[REG_BADRPT] = "repetition operator with nothing to repeat",
	};
	(void)re;
	const char *m = err >= 0 && err < (int)(sizeof(msg) / sizeof(msg[0])) && msg[err]
				? msg[err]
				: "unknown regex error";
	if (size) {
		size_t l = strlen(m);
		if (l >= size)
			l = size - 1;
		memcpy(buf, m, l);
		buf[l] = 0;
	}
	return strlen(m) + 1;
}
