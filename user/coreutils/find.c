// SPDX-License-Identifier: GPL-2.0
/*
 * find: walks directory trees and evaluates an expression for each file: tests (-name,
 * -iname, -path, -type, -newer, -size, -mtime, -mmin, -perm, -empty, -links, -user,
 * -group, -true, -false), actions (-print, -print0, -exec ... ; and ... {} +, -delete,
 * -prune) and operators (! -not, -a -and, -o -or, parentheses), with the options -maxdepth,
 * -mindepth and -depth. Without an action, -print is implied. Symbolic links are never
 * followed (-P). A directory's entries are visited in name order.
 */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "libcu.h"
#include "libowner.h"

enum kind {
	N_AND,
	N_OR,
	N_NOT,
	N_NAME,
	N_INAME,
	N_PATH,
	N_TYPE,
	N_NEWER,
	N_SIZE,
	N_MTIME,
	N_MMIN,
	N_PERM,
	N_EMPTY,
	N_LINKS,
	N_UID,
	N_GID,
	N_TRUE,
	N_FALSE,
	N_PRINT,
	N_PRINT0,
	N_EXEC,
	N_EXEC_PLUS,
	N_DELETE,
	N_PRUNE,
};

struct node {
	enum kind kind;
	struct node *l, *r;
	const char *str;
	long long num;
	int cmp; /* -1 less, 0 exactly, 1 more */
	long long unit; /* -size */
	mode_t mode;
	int perm_how; /* 0 exact, '-' all bits, '/' any bit */
	time_t when;
	char **argv; /* -exec: the command, with {} */
	int argc;
	char **batch; /* -exec +: the paths collected */
	int nbatch;
};

static char **args;
static int nargs, pos;
static int maxdepth = -1, mindepth, depth_first, have_action, status;
static time_t now;
static struct node *root;
static struct node **plus_nodes;
static int nplus;

static struct node *new_node(enum kind k)
{
	struct node *n = calloc(1, sizeof(*n));

	if (!n)
		cu_die(1, "out of memory");
	n->kind = k;
	return n;
}

static const char *need_arg(const char *opt)
{
	if (pos >= nargs)
		cu_die(1, "missing argument to '%s'", opt);
	return args[pos++];
}

/* "+N", "-N" or "N": the comparison and the number. */
static long long parse_num(const char *s, int *cmp, const char *opt, const char **rest)
{
	char *end;

	*cmp = *s == '+' ? 1 : *s == '-' ? -1 : 0;
	if (*s == '+' || *s == '-')
		s++;
	if (*s < '0' || *s > '9')
		cu_die(1, "invalid argument '%s' to '%s'", s, opt);
	long long v = strtoll(s, &end, 10);

	if (rest)
		*rest = end;
	else if (*end)
		cu_die(1, "invalid argument '%s' to '%s'", s, opt);
	return v;
}

static struct node *parse_or(void);

static struct node *parse_primary(void)
{
	if (pos >= nargs)
		cu_die(1, "expected an expression");
	const char *a = args[pos++];
	struct node *n;
	struct stat st;

	if (!strcmp(a, "(")) {
		n = parse_or();
		if (pos >= nargs || strcmp(args[pos], ")"))
			cu_die(1, "invalid expression; I was expecting to find a ')' somewhere");
		pos++;
		return n;
	}
	if (!strcmp(a, "!") || !strcmp(a, "-not")) {
		n = new_node(N_NOT);
		n->l = parse_primary();
		return n;
	}
	if (!strcmp(a, "-name") || !strcmp(a, "-iname") || !strcmp(a, "-path") ||
	    !strcmp(a, "-wholename")) {
		n = new_node(a[1] == 'n' ? N_NAME : a[1] == 'i' ? N_INAME : N_PATH);
		n->str = need_arg(a);
		return n;
	}
	if (!strcmp(a, "-type")) {
		n = new_node(N_TYPE);
		n->str = need_arg(a);
		if (strlen(n->str) != 1 || !strchr("bcdpfls", n->str[0]))
			cu_die(1, "Unknown argument to -type: %s", n->str);
		return n;
	}
	if (!strcmp(a, "-newer")) {
		const char *f = need_arg(a);

		if (stat(f, &st)) {
			cu_warn_errno(f);
			exit(1);
		}
		n = new_node(N_NEWER);
		n->when = st.st_mtim.tv_sec;
		n->num = st.st_mtim.tv_nsec;
		return n;
	}
	if (!strcmp(a, "-size")) {
		const char *s = need_arg(a), *rest;

		n = new_node(N_SIZE);
		n->num = parse_num(s, &n->cmp, a, &rest);
		n->unit = !*rest	 ? 512
			  : *rest == 'c' ? 1
			  : *rest == 'w' ? 2
			  : *rest == 'b' ? 512
			  : *rest == 'k' ? 1024
			  : *rest == 'M' ? 1048576
			  : *rest == 'G' ? 1073741824
					 : 0;
		if (!n->unit || (*rest && rest[1]))
			cu_die(1, "invalid -size type '%s'", rest);
		return n;
	}
	if (!strcmp(a, "-mtime") || !strcmp(a, "-mmin")) {
		n = new_node(a[2] == 't' ? N_MTIME : N_MMIN);
		n->num = parse_num(need_arg(a), &n->cmp, a, NULL);
		return n;
	}
	if (!strcmp(a, "-links") || !strcmp(a, "-uid") || !strcmp(a, "-gid")) {
		n = new_node(a[1] == 'l' ? N_LINKS : a[1] == 'u' ? N_UID : N_GID);
		n->num = parse_num(need_arg(a), &n->cmp, a, NULL);
		return n;
	}
	if (!strcmp(a, "-user") || !strcmp(a, "-group")) {
		const char *s = need_arg(a);

		n = new_node(a[1] == 'u' ? N_UID : N_GID);
		if (a[1] == 'u') {
			uid_t u;

			if (cu_parse_uid(s, &u))
				cu_die(1, "'%s' is not the name of a known user", s);
			n->num = u;
		} else {
			gid_t g;

			if (cu_parse_gid(s, &g))
				cu_die(1, "'%s' is not the name of an existing group", s);
			n->num = g;
		}
		return n;
	}
	if (!strcmp(a, "-perm")) {
		const char *s = need_arg(a);

		n = new_node(N_PERM);
		if (*s == '-' || *s == '/')
			n->perm_how = *s++;
		if (cu_parse_mode(s, 0, 0, 0, &n->mode))
			cu_die(1, "invalid mode '%s'", s);
		return n;
	}
	if (!strcmp(a, "-exec")) {
		n = new_node(N_EXEC);
		n->argv = args + pos;
		while (pos < nargs && strcmp(args[pos], ";") &&
		       !(!strcmp(args[pos], "+") && pos > 0 && !strcmp(args[pos - 1], "{}")))
			pos++;
		if (pos >= nargs)
			cu_die(1, "missing argument to '-exec'");
		n->argc = args + pos - n->argv;
		if (!n->argc)
			cu_die(1, "missing argument to '-exec'");
		if (!strcmp(args[pos], "+")) {
			n->kind = N_EXEC_PLUS;
			n->argc--; /* the {} goes; the paths come in its place */
			plus_nodes = realloc(plus_nodes, (nplus + 1) * sizeof(*plus_nodes));
			plus_nodes[nplus++] = n;
		}
		pos++;
		have_action = 1;
		return n;
	}
	if (!strcmp(a, "-maxdepth") || !strcmp(a, "-mindepth")) {
		const char *s = need_arg(a);
		char *end;
		long v = strtol(s, &end, 10);

		if (end == s || *end || v < 0)
			cu_die(1,
			       "Expected a positive decimal integer argument to %s, but got '%s'",
			       a, s);
		if (a[2] == 'a')
			maxdepth = v;
		else
			mindepth = v;
		return new_node(N_TRUE);
	}
	if (!strcmp(a, "-depth"))
		return depth_first = 1, new_node(N_TRUE);
	if (!strcmp(a, "-empty"))
		return new_node(N_EMPTY);
	if (!strcmp(a, "-true"))
		return new_node(N_TRUE);
	if (!strcmp(a, "-false"))
		return new_node(N_FALSE);
	if (!strcmp(a, "-prune"))
		return new_node(N_PRUNE);
	if (!strcmp(a, "-print") || !strcmp(a, "-print0")) {
		have_action = 1;
		return new_node(a[6] ? N_PRINT0 : N_PRINT);
	}
	if (!strcmp(a, "-delete")) {
		have_action = 1;
		depth_first = 1;
		return new_node(N_DELETE);
	}
	cu_die(1, "unknown predicate '%s'", a);
}

static int starts_primary(void)
{
	return pos < nargs && strcmp(args[pos], "-o") && strcmp(args[pos], "-or") &&
	       strcmp(args[pos], ")") && strcmp(args[pos], ",");
}

static struct node *parse_and(void)
{
	struct node *l = parse_primary();

	while (starts_primary()) {
		if (!strcmp(args[pos], "-a") || !strcmp(args[pos], "-and"))
			pos++;
		struct node *n = new_node(N_AND);

		n->l = l;
		n->r = parse_primary();
		l = n;
	}
	return l;
}

static struct node *parse_or(void)
{
	struct node *l = parse_and();

	while (pos < nargs && (!strcmp(args[pos], "-o") || !strcmp(args[pos], "-or"))) {
		pos++;
		struct node *n = new_node(N_OR);

		n->l = l;
		n->r = parse_and();
		l = n;
	}
	return l;
}

static int run(char **argv)
{
	pid_t pid;
	int st;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		cu_warn_errno("fork");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		cu_warn_errno(argv[0]);
		_exit(errno == ENOENT ? 127 : 126);
	}
	if (waitpid(pid, &st, 0) < 0)
		return 1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* "{}" anywhere in an argument becomes the path, as GNU does. */
static char *substitute(const char *arg, const char *path)
{
	size_t len = strlen(arg) + 1, pl = strlen(path);

	for (const char *p = strstr(arg, "{}"); p; p = strstr(p + 2, "{}"))
		len += pl;
	char *out = malloc(len), *o = out;

	for (const char *p = arg; *p;) {
		if (p[0] == '{' && p[1] == '}') {
			memcpy(o, path, pl);
			o += pl;
			p += 2;
		} else {
			*o++ = *p++;
		}
	}
	*o = 0;
	return out;
}

static void flush_plus(struct node *n)
{
	if (!n->nbatch)
		return;
	char **argv = malloc((n->argc + n->nbatch + 1) * sizeof(*argv));

	memcpy(argv, n->argv, n->argc * sizeof(*argv));
	memcpy(argv + n->argc, n->batch, n->nbatch * sizeof(*argv));
	argv[n->argc + n->nbatch] = NULL;
	if (run(argv))
		status = 1;
	for (int i = 0; i < n->nbatch; i++)
		free(n->batch[i]);
	n->nbatch = 0;
	free(argv);
}

static int prune_flag;

static int eval(struct node *n, const char *path, const struct stat *st)
{
	const char *base;
	long long v;

	switch (n->kind) {
	case N_AND:
		return eval(n->l, path, st) && eval(n->r, path, st);
	case N_OR:
		return eval(n->l, path, st) || eval(n->r, path, st);
	case N_NOT:
		return !eval(n->l, path, st);
	case N_NAME:
	case N_INAME: {
		/* the last component, trailing slashes ignored ("/" stays "/") */
		size_t len = strlen(path);
		char name[4096];

		while (len > 1 && path[len - 1] == '/')
			len--;
		base = path + len;
		while (base > path && base[-1] != '/')
			base--;
		snprintf(name, sizeof(name), "%.*s", (int)(path + len - base), base);
		return !fnmatch(n->str, name, n->kind == N_INAME ? FNM_CASEFOLD : 0);
	}
	case N_PATH:
		return !fnmatch(n->str, path, 0);
	case N_TYPE:
		switch (n->str[0]) {
		case 'f':
			return S_ISREG(st->st_mode);
		case 'd':
			return S_ISDIR(st->st_mode);
		case 'l':
			return S_ISLNK(st->st_mode);
		case 'p':
			return S_ISFIFO(st->st_mode);
		case 's':
			return S_ISSOCK(st->st_mode);
		case 'c':
			return S_ISCHR(st->st_mode);
		case 'b':
			return S_ISBLK(st->st_mode);
		}
		return 0;
	case N_NEWER:
		return st->st_mtim.tv_sec > n->when ||
		       (st->st_mtim.tv_sec == n->when && st->st_mtim.tv_nsec > n->num);
	case N_SIZE:
		/* in units, rounded up */
		v = (st->st_size + n->unit - 1) / n->unit;
		goto compare;
	case N_MTIME:
		v = (now - st->st_mtim.tv_sec) / 86400;
		if (now < st->st_mtim.tv_sec)
			v = -1 - (st->st_mtim.tv_sec - now - 1) / 86400;
		goto compare;
	case N_MMIN: {
		/* in minutes, rounded up as GNU does */
		long long d = now - st->st_mtim.tv_sec;

		v = d > 0 ? (d + 59) / 60 : d / 60;
		goto compare;
	}
	case N_LINKS:
		v = st->st_nlink;
		goto compare;
	case N_UID:
		v = st->st_uid;
		goto compare;
	case N_GID:
		v = st->st_gid;
		goto compare;
	case N_PERM: {
		mode_t m = st->st_mode & 07777;

		if (n->perm_how == '-')
			return (m & n->mode) == n->mode;
		if (n->perm_how == '/')
			return !n->mode || (m & n->mode);
		return m == n->mode;
	}
	case N_EMPTY:
		if (S_ISREG(st->st_mode))
			return st->st_size == 0;
		if (S_ISDIR(st->st_mode)) {
			DIR *d = opendir(path);
			struct dirent *e;
			int empty = 1;

			if (!d)
				return 0;
			while ((e = readdir(d)))
				if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
					empty = 0;
					break;
				}
			closedir(d);
			return empty;
		}
		return 0;
	case N_TRUE:
		return 1;
	case N_FALSE:
		return 0;
	case N_PRINT:
		printf("%s\n", path);
		return 1;
	case N_PRINT0:
		fputs(path, stdout);
		putchar(0);
		return 1;
	case N_PRUNE:
		prune_flag = 1;
		return 1;
	case N_DELETE:
		if (S_ISDIR(st->st_mode) ? rmdir(path) : unlink(path)) {
			/* "." cannot go, and that is no failure */
			if (strcmp(path, ".")) {
				cu_warn_errno(path);
				status = 1;
			}
			return 0;
		}
		return 1;
	case N_EXEC: {
		char **argv = malloc((n->argc + 1) * sizeof(*argv));
		int r;

		for (int i = 0; i < n->argc; i++)
			argv[i] = substitute(n->argv[i], path);
		argv[n->argc] = NULL;
		r = run(argv);
		for (int i = 0; i < n->argc; i++)
			free(argv[i]);
		free(argv);
		return r == 0;
	}
	case N_EXEC_PLUS:
		n->batch = realloc(n->batch, (n->nbatch + 1) * sizeof(*n->batch));
		n->batch[n->nbatch++] = strdup(path);
		if (n->nbatch >= 1000)
			flush_plus(n);
		return 1;
	}
	return 0;
compare:
	return n->cmp > 0 ? v > n->num : n->cmp < 0 ? v < n->num : v == n->num;
}

static int visit(const char *path, const struct stat *st, int pre, int depth, void *arg)
{
	int is_dir = S_ISDIR(st->st_mode);
	/* with -depth a directory is judged after its contents, otherwise before */
	int judge_now = !is_dir || pre != depth_first;

	if (judge_now && depth >= mindepth && (maxdepth < 0 || depth <= maxdepth)) {
		prune_flag = 0;
		if (eval(root, path, st) && !have_action)
			printf("%s\n", path);
		if (is_dir && pre && prune_flag)
			return 1;
	}
	if (is_dir && pre && maxdepth >= 0 && depth >= maxdepth)
		return 1;
	return 0;
}

int main(int argc, char **argv)
{
	int i;

	cu_init(argc, argv,
		"[PATH]... [EXPRESSION]\nWalk the PATHs (default .) and evaluate "
		"EXPRESSION for each file.\nTests: -name -iname -path PATTERN, -type [fdlpscb], "
		"-newer FILE, -size [+-]N[ckMG], -mtime [+-]N, -mmin [+-]N, -perm [-/]MODE, "
		"-empty, -links N, -user U, -group G, -true, -false\nActions: -print, -print0, "
		"-exec CMD {} ; , -exec CMD {} +, -delete, -prune\nOperators: ( ), ! or -not, "
		"-a or -and, -o or -or\nOptions: -maxdepth N, -mindepth N, -depth\n");
	now = time(NULL);
	for (i = 1; i < argc && strcmp(argv[i], "(") && strcmp(argv[i], "!") &&
		    !(argv[i][0] == '-' && argv[i][1]);
	     i++)
		;
	int npaths = i - 1;

	args = argv + i;
	nargs = argc - i;
	root = nargs ? parse_or() : new_node(N_TRUE);
	if (pos < nargs)
		cu_die(1, "unexpected '%s'", args[pos]);
	static char *dot[] = { ".", NULL };
	char **paths = npaths ? argv + 1 : dot;

	if (!npaths)
		npaths = 1;
	for (int k = 0; k < npaths; k++) {
		struct stat st;

		if (lstat(paths[k], &st)) {
			cu_warn_errno(paths[k]);
			status = 1;
			continue;
		}
		if (cu_walk(paths[k], visit, NULL))
			status = 1;
	}
	for (int k = 0; k < nplus; k++)
		flush_plus(plus_nodes[k]);
	return fflush(stdout) ? 1 : status;
}
