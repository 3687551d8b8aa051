// SPDX-License-Identifier: GPL-2.0
/*
 * test and [ (XCU test): POSIX's rules by argument count for up to four arguments, and a
 * recursive-descent parse with ! -a -o and parentheses beyond that.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

struct tst {
	char **argv;
	int argc, pos;
	const char *who;
	jmp_buf err;
};

static void t_error(struct tst *t, const char *msg, const char *arg)
{
	if (arg)
		sh_warn("%s: %s: %s", t->who, arg, msg);
	else
		sh_warn("%s: %s", t->who, msg);
	longjmp(t->err, 1);
}

static int is_unary(const char *s)
{
	return s[0] == '-' && s[1] && !s[2] && strchr("bcdefghLnprsStuwxz", s[1]);
}

static const char *const binary_ops[] = {
	"=", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef", "<", ">", NULL,
};

static int is_binary(const char *s)
{
	for (int i = 0; binary_ops[i]; i++)
		if (!strcmp(s, binary_ops[i]))
			return 1;
	return 0;
}

static long long num(struct tst *t, const char *s)
{
	char *e;
	long long v;
	const char *p = s;

	while (*p == ' ' || *p == '\t')
		p++;
	errno = 0;
	v = strtoll(p, &e, 10);
	while (*e == ' ' || *e == '\t')
		e++;
	if (!*p || *e || errno)
		t_error(t, "bad number", s);
	return v;
}

static int unary(struct tst *t, const char *op, const char *arg)
{
	struct stat st;

	switch (op[1]) {
	case 'n':
		return *arg != 0;
	case 'z':
		return *arg == 0;
	case 't':
		return isatty((int)num(t, arg));
	case 'h':
	case 'L':
		return !lstat(arg, &st) && S_ISLNK(st.st_mode);
	case 'r':
		return !access(arg, R_OK);
	case 'w':
		return !access(arg, W_OK);
	case 'x':
		return !access(arg, X_OK);
	}
	if (stat(arg, &st))
		return 0;
	switch (op[1]) {
	case 'b':
		return S_ISBLK(st.st_mode);
	case 'c':
		return S_ISCHR(st.st_mode);
	case 'd':
		return S_ISDIR(st.st_mode);
	case 'e':
		return 1;
	case 'f':
		return S_ISREG(st.st_mode);
	case 'g':
		return (st.st_mode & S_ISGID) != 0;
	case 'u':
		return (st.st_mode & S_ISUID) != 0;
	case 'p':
		return S_ISFIFO(st.st_mode);
	case 'S':
		return S_ISSOCK(st.st_mode);
	case 's':
		return st.st_size > 0;
	}
	return 0;
}

static int newer(struct stat *a, struct stat *b)
{
	return a->st_mtim.tv_sec > b->st_mtim.tv_sec ||
	       (a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec > b->st_mtim.tv_nsec);
}

static int binary(struct tst *t, const char *a, const char *op, const char *b)
{
	struct stat sa, sb;

	if (!strcmp(op, "="))
		return !strcmp(a, b);
	if (!strcmp(op, "!="))
		return strcmp(a, b) != 0;
	if (!strcmp(op, "<"))
		return strcmp(a, b) < 0;
	if (!strcmp(op, ">"))
		return strcmp(a, b) > 0;
	if (!strcmp(op, "-nt")) {
		if (stat(a, &sa))
			return 0;
		return stat(b, &sb) || newer(&sa, &sb);
	}
	if (!strcmp(op, "-ot")) {
		if (stat(b, &sb))
			return 0;
		return stat(a, &sa) || newer(&sb, &sa);
	}
	if (!strcmp(op, "-ef"))
		return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev &&
		       sa.st_ino == sb.st_ino;
	{
		long long x = num(t, a), y = num(t, b);

		if (!strcmp(op, "-eq"))
			return x == y;
		if (!strcmp(op, "-ne"))
			return x != y;
		if (!strcmp(op, "-lt"))
			return x < y;
		if (!strcmp(op, "-le"))
			return x <= y;
		if (!strcmp(op, "-gt"))
			return x > y;
		return x >= y;
	}
}

static int or_expr(struct tst *t);

static const char *arg(struct tst *t, int off)
{
	return t->pos + off < t->argc ? t->argv[t->pos + off] : NULL;
}

static int primary(struct tst *t)
{
	const char *a = arg(t, 0);

	if (!a)
		t_error(t, "argument expected", NULL);
	if (!strcmp(a, "!")) {
		t->pos++;
		return !primary(t);
	}
	if (!strcmp(a, "(")) {
		int v;

		t->pos++;
		v = or_expr(t);
		if (!arg(t, 0) || strcmp(arg(t, 0), ")"))
			t_error(t, "closing paren expected", NULL);
		t->pos++;
		return v;
	}
	if (arg(t, 1) && is_binary(arg(t, 1)) && arg(t, 2)) {
		t->pos += 3;
		return binary(t, a, arg(t, -2), arg(t, -1));
	}
	if (is_unary(a) && arg(t, 1)) {
		t->pos += 2;
		return unary(t, a, arg(t, -1));
	}
	t->pos++;
	return *a != 0;
}

static int and_expr(struct tst *t)
{
	int v = primary(t);

	while (arg(t, 0) && !strcmp(arg(t, 0), "-a")) {
		t->pos++;
		v = primary(t) && v;
	}
	return v;
}

static int or_expr(struct tst *t)
{
	int v = and_expr(t);

	while (arg(t, 0) && !strcmp(arg(t, 0), "-o")) {
		t->pos++;
		v = and_expr(t) || v;
	}
	return v;
}

static int eval_n(struct tst *t, int n);

static int eval_n(struct tst *t, int n)
{
	char **a = t->argv + t->pos;

	switch (n) {
	case 0:
		return 0;
	case 1:
		t->pos++;
		return a[0][0] != 0;
	case 2:
		if (!strcmp(a[0], "!")) {
			t->pos += 2;
			return a[1][0] == 0;
		}
		if (is_unary(a[0])) {
			t->pos += 2;
			return unary(t, a[0], a[1]);
		}
		break;
	case 3:
		if (is_binary(a[1])) {
			t->pos += 3;
			return binary(t, a[0], a[1], a[2]);
		}
		if (!strcmp(a[0], "!")) {
			t->pos++;
			return !eval_n(t, 2);
		}
		if (!strcmp(a[0], "(") && !strcmp(a[2], ")")) {
			t->pos += 3;
			return a[1][0] != 0;
		}
		break;
	case 4:
		if (!strcmp(a[0], "!")) {
			t->pos++;
			return !eval_n(t, 3);
		}
		if (!strcmp(a[0], "(") && !strcmp(a[3], ")")) {
			int v;

			t->pos++;
			v = eval_n(t, 2);
			t->pos++;
			return v;
		}
		break;
	}
	return or_expr(t);
}

int bltin_test(int argc, char **argv)
{
	struct tst t = { .argv = argv + 1, .argc = argc - 1, .who = argv[0] };
	int v;

	if (!strcmp(argv[0], "[")) {
		if (strcmp(argv[argc - 1], "]")) {
			sh_warn("[: missing ]");
			return 2;
		}
		t.argc--;
	}
	if (setjmp(t.err))
		return 2;
	v = eval_n(&t, t.argc);
	if (t.pos < t.argc)
		t_error(&t, "unexpected operator", t.argv[t.pos]);
	return !v;
}
