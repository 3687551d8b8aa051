// SPDX-License-Identifier: GPL-2.0
/*
 * Arithmetic expansion (XCU 2.6.4): signed long arithmetic with the C operators, by
 * precedence climbing. Variables are read as integer constants and assigned with = and the
 * compound assignments; the branch && || ?: do not take is parsed without being evaluated.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct ar {
	const char *s, *expr;
	int noeval;
};

static void __attribute__((noreturn)) ar_error(struct ar *a, const char *msg)
{
	sh_error("arithmetic expression: %s: \"%s\"", msg, a->expr);
}

static void skip_ws(struct ar *a)
{
	while (isspace((unsigned char)*a->s))
		a->s++;
}

static intmax_t to_number(struct ar *a, const char *v)
{
	char *end;
	intmax_t n;

	while (isspace((unsigned char)*v))
		v++;
	if (!*v)
		return 0;
	n = strtoimax(v, &end, 0);
	while (isspace((unsigned char)*end))
		end++;
	if (*end)
		ar_error(a, "expecting primary");
	return n;
}

static intmax_t assign_expr(struct ar *a);

static intmax_t primary(struct ar *a, char **lvalue)
{
	intmax_t v;

	skip_ws(a);
	*lvalue = NULL;
	if (*a->s == '(') {
		a->s++;
		v = assign_expr(a);
		skip_ws(a);
		if (*a->s != ')')
			ar_error(a, "expecting ')'");
		a->s++;
		return v;
	}
	if (isdigit((unsigned char)*a->s)) {
		char *end;

		v = strtoimax(a->s, &end, 0);
		if (isalnum((unsigned char)*end) || *end == '_')
			ar_error(a, "expecting EOF");
		a->s = end;
		return v;
	}
	if (isalpha((unsigned char)*a->s) || *a->s == '_') {
		const char *p = a->s;
		const char *val;

		while (isalnum((unsigned char)*p) || *p == '_')
			p++;
		*lvalue = xstrndup(a->s, p - a->s);
		a->s = p;
		val = var_get(*lvalue);
		if (!val && opts[OPT_U] && !a->noeval)
			sh_error("%s: parameter not set", *lvalue);
		return a->noeval ? 0 : to_number(a, val ? val : "");
	}
	ar_error(a, "expecting primary");
	return 0;
}

static intmax_t unary(struct ar *a, char **lvalue)
{
	skip_ws(a);
	*lvalue = NULL;
	switch (*a->s) {
	case '+':
		a->s++;
		return unary(a, lvalue) * 1;
	case '-':
		a->s++;
		return -unary(a, lvalue);
	case '!':
		a->s++;
		return !unary(a, lvalue);
	case '~':
		a->s++;
		return ~unary(a, lvalue);
	}
	return primary(a, lvalue);
}

/* binary operators, by precedence (higher binds tighter) */
static const struct {
	const char *op;
	int prec;
} binops[] = {
	{ "||", 1 }, { "&&", 2 }, { "|", 3 },  { "^", 4 },  { "&", 5 },	 { "==", 6 },
	{ "!=", 6 }, { "<=", 7 }, { ">=", 7 }, { "<<", 8 }, { ">>", 8 }, { "<", 7 },
	{ ">", 7 },  { "+", 9 },  { "-", 9 },  { "*", 10 }, { "/", 10 }, { "%", 10 },
};

static int peek_binop(struct ar *a, const char **op)
{
	skip_ws(a);
	for (size_t i = 0; i < sizeof(binops) / sizeof(binops[0]); i++) {
		size_t n = strlen(binops[i].op);

		if (!strncmp(a->s, binops[i].op, n)) {
			/* not an assignment operator (<<= |= ...) nor "||" seen as "|" */
			if (a->s[n] == '=' && strcmp(binops[i].op, "<=") &&
			    strcmp(binops[i].op, ">=") && strcmp(binops[i].op, "==") &&
			    strcmp(binops[i].op, "!="))
				return 0;
			*op = binops[i].op;
			return binops[i].prec;
		}
	}
	return 0;
}

static intmax_t apply(struct ar *a, const char *op, intmax_t l, intmax_t r)
{
	if (a->noeval)
		return 0;
	switch (op[0]) {
	case '|':
		return op[1] ? (l || r) : (l | r);
	case '&':
		return op[1] ? (l && r) : (l & r);
	case '^':
		return l ^ r;
	case '=':
		return l == r;
	case '!':
		return l != r;
	case '<':
		return op[1] == '<' ? (intmax_t)((uintmax_t)l << (r & 63)) : op[1] ? l <= r : l < r;
	case '>':
		return op[1] == '>' ? l >> (r & 63) : op[1] ? l >= r : l > r;
	case '+':
		return (intmax_t)((uintmax_t)l + (uintmax_t)r);
	case '-':
		return (intmax_t)((uintmax_t)l - (uintmax_t)r);
	case '*':
		return (intmax_t)((uintmax_t)l * (uintmax_t)r);
	case '/':
	case '%':
		if (!r)
			ar_error(a, "division by zero");
		if (r == -1)
			return op[0] == '/' ? (intmax_t)(0 - (uintmax_t)l) : 0;
		return op[0] == '/' ? l / r : l % r;
	}
	return 0;
}

static intmax_t binary(struct ar *a, int min_prec)
{
	char *lv;
	intmax_t l = unary(a, &lv);
	const char *op;
	int prec;

	free(lv);
	while ((prec = peek_binop(a, &op)) && prec >= min_prec) {
		intmax_t r;

		a->s += strlen(op);
		if (!strcmp(op, "&&") || !strcmp(op, "||")) {
			int skip = (op[0] == '&') ? !l : !!l;

			a->noeval += skip;
			r = binary(a, prec + 1);
			a->noeval -= skip;
			l = a->noeval ? 0 : (op[0] == '&' ? (l && r) : (l || r));
			continue;
		}
		r = binary(a, prec + 1);
		l = apply(a, op, l, r);
	}
	return l;
}

static intmax_t cond_expr(struct ar *a)
{
	intmax_t c = binary(a, 1);

	skip_ws(a);
	if (*a->s == '?') {
		intmax_t x, y;

		a->s++;
		a->noeval += !c;
		x = assign_expr(a);
		a->noeval -= !c;
		skip_ws(a);
		if (*a->s != ':')
			ar_error(a, "expecting ':'");
		a->s++;
		a->noeval += !!c;
		y = cond_expr(a);
		a->noeval -= !!c;
		return c ? x : y;
	}
	return c;
}

static const char *const assign_ops[] = {
	"<<=", ">>=", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "=", NULL,
};

static intmax_t assign_expr(struct ar *a)
{
	const char *save = a->s;
	char *lv = NULL;
	intmax_t cur;

	skip_ws(a);
	if (isalpha((unsigned char)*a->s) || *a->s == '_') {
		cur = primary(a, &lv);
		skip_ws(a);
		for (int i = 0; assign_ops[i]; i++) {
			size_t n = strlen(assign_ops[i]);

			if (!strncmp(a->s, assign_ops[i], n) && (n > 1 || a->s[1] != '=')) {
				intmax_t r, v;
				char buf[32];

				a->s += n;
				r = assign_expr(a);
				if (n == 1) {
					v = r;
				} else {
					char op[3] = { assign_ops[i][0], 0, 0 };

					if (n == 3)
						op[1] = assign_ops[i][1];
					v = apply(a, op, cur, r);
				}
				if (!a->noeval) {
					snprintf(buf, sizeof(buf), "%jd", v);
					if (var_set(lv, buf, 0))
						sh_error("%s: is read only", lv);
				}
				free(lv);
				return v;
			}
		}
		free(lv);
		a->s = save;
	}
	return cond_expr(a);
}

intmax_t arith_eval(const char *expr)
{
	struct ar a = { .s = expr, .expr = expr };
	intmax_t v;

	skip_ws(&a);
	if (!*a.s)
		return 0;
	v = assign_expr(&a);
	skip_ws(&a);
	if (*a.s)
		ar_error(&a, "expecting EOF");
	return v;
}
