// SPDX-License-Identifier: GPL-2.0
/*
 * The built-in utilities' table, the special built-ins (XCU 2.14) and the regular ones that
 * are about the shell itself: cd, pwd, type, command, alias, hash, kill, true, false.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

extern int dot_depth;
extern int set_option_name(const char *name, int on);
extern int set_option_letter(int c, int on);
extern pid_t job_pgid_of(const char *spec);
extern int job_pgid_is_group(const char *spec);
extern int is_reserved(const char *s);

static int get_number(const char *who, const char *s)
{
	char *e;
	long v;

	errno = 0;
	v = strtol(s, &e, 10);
	if (!*s || *e || v < 0 || errno || v > INT_MAX)
		sh_error("%s: Illegal number: %s", who, s);
	return (int)v;
}

/* ---- special built-ins ---- */

static int b_colon(int argc, char **argv)
{
	return 0;
}

static int b_break(int argc, char **argv)
{
	int n = argc > 1 ? get_number(argv[0], argv[1]) : 1;

	if (n <= 0)
		sh_error("%s: Illegal number: %s", argv[0], argv[1]);
	if (!loop_depth)
		return 0;
	if (n > loop_depth)
		n = loop_depth;
	eval_skip = argv[0][0] == 'b' ? SKIP_BREAK : SKIP_CONT;
	skip_count = n;
	return 0;
}

static int b_return(int argc, char **argv)
{
	int n = argc > 1 ? get_number("return", argv[1]) : last_status;

	if (!func_depth && !dot_depth)
		sh_exit(n);
	eval_skip = SKIP_RETURN;
	return last_status = n;
}

static int b_exit(int argc, char **argv)
{
	int n = argc > 1 ? get_number("exit", argv[1]) : last_status;

	exit_code = n;
	sh_exit(n);
}

static int b_eval(int argc, char **argv)
{
	struct str b = { 0 };

	for (int i = 1; i < argc; i++) {
		if (i > 1)
			str_addc(&b, ' ');
		str_adds(&b, argv[i]);
	}
	if (!b.s)
		return 0;
	{
		int status;
		char *text = str_done(&b);

		extern const char *parse_prefix;
		const char *save = parse_prefix;

		last_status = 0;
		parse_prefix = "eval: ";
		status = eval_string(text, 0);
		parse_prefix = save;
		free(text);
		return status;
	}
}

static int b_dot(int argc, char **argv)
{
	char *path;
	int fd, err, status;
	struct source s;
	struct params save = posparams;

	if (argc < 2)
		sh_error(".: filename argument required");
	if (strchr(argv[1], '/'))
		path = xstrdup(argv[1]);
	else if (!(path = find_path(argv[1], var_get("PATH"), &err)))
		path = xstrdup(argv[1]);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		free(path);
		sh_error(".: cannot open %s: %s", argv[1],
			 errno == ENOENT ? "No such file" : strerror(errno));
	}
	free(path);
	if (argc > 2) {
		posparams.n = argc - 2;
		posparams.v = argv + 2;
	}
	src_init_fd(&s, fd, 0);
	dot_depth++;
	last_status = 0;
	status = eval_source(&s, 0);
	dot_depth--;
	if (eval_skip == SKIP_RETURN) {
		eval_skip = SKIP_NONE;
		status = last_status;
	}
	posparams = save;
	src_free(&s);
	close(fd);
	return status;
}

static int b_exec(int argc, char **argv)
{
	if (argc < 2)
		return 0;
	traps_reset_child();
	exec_command(argv + 1, var_environ());
}

static int export_like(int argc, char **argv, int flag)
{
	int i = 1;

	if (argc > 1 && !strcmp(argv[1], "-p"))
		i++;
	if (i >= argc) {
		var_list(flag, flag == V_EXPORT ? "export " : "readonly ");
		return 0;
	}
	for (; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');
		size_t n = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);

		if (!is_name(argv[i], n))
			sh_error("%s: %.*s: bad variable name", argv[0], (int)n, argv[i]);
		if (var_setv(argv[i], n, eq ? eq + 1 : NULL, flag))
			sh_error("%.*s: is read only", (int)n, argv[i]);
	}
	return 0;
}

static int b_export(int argc, char **argv)
{
	return export_like(argc, argv, V_EXPORT);
}

static int b_readonly(int argc, char **argv)
{
	return export_like(argc, argv, V_READONLY);
}

static int b_local(int argc, char **argv)
{
	if (!func_depth)
		sh_error("local: not in a function");
	for (int i = 1; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');
		char *name = eq ? xstrndup(argv[i], eq - argv[i]) : xstrdup(argv[i]);

		var_make_local(name);
		if (eq)
			var_set(name, eq + 1, 0);
		free(name);
	}
	return 0;
}

static void print_options(int plus)
{
	if (!plus)
		outf(1, "Current option settings\n");
	for (int i = 0; i < NOPTS; i++) {
		if (i == OPT_I || i == OPT_S)
			continue;
		if (plus)
			outf(1, "set %co %s\n", opts[i] ? '-' : '+', opt_names[i]);
		else
			outf(1, "%-16s%s\n", opt_names[i], opts[i] ? "on" : "off");
	}
}

static int b_set(int argc, char **argv)
{
	int i = 1;

	if (argc == 1) {
		var_list(0, "");
		return 0;
	}
	for (; i < argc; i++) {
		const char *a = argv[i];
		int on = a[0] == '-';

		if (a[0] != '-' && a[0] != '+')
			break;
		if (!strcmp(a, "--")) {
			i++;
			goto params;
		}
		if (!strcmp(a, "-")) {
			opts[OPT_X] = opts[OPT_V] = 0;
			i++;
			break;
		}
		for (a++; *a; a++) {
			if (*a == 'o') {
				if (i + 1 >= argc) {
					print_options(!on);
					continue;
				}
				if (set_option_name(argv[++i], on))
					sh_error("set: Illegal option %co %s", on ? '-' : '+',
						 argv[i]);
				continue;
			}
			if (*a == 'm') {
				opts[OPT_M] = on;
				continue;
			}
			if (*a == 'i' || *a == 's' || set_option_letter(*a, on))
				sh_error("set: Illegal option %c%c", on ? '-' : '+', *a);
		}
	}
	if (i >= argc)
		return 0;
params : {
	int n = argc - i;
	char **v = xmalloc((n + 1) * sizeof(char *));

	for (int k = 0; k < n; k++)
		v[k] = xstrdup(argv[i + k]);
	v[n] = NULL;
	/* the old list may still be a function's or a dot script's: leak it */
	posparams.v = v;
	posparams.n = n;
}
	return 0;
}

static int b_shift(int argc, char **argv)
{
	int n = argc > 1 ? get_number("shift", argv[1]) : 1;

	if (n > posparams.n)
		sh_error("shift: can't shift that many");
	posparams.v += n;
	posparams.n -= n;
	return 0;
}

static int b_unset(int argc, char **argv)
{
	int i = 1, funcs = 0, status = 0;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-f"))
			funcs = 1;
		else if (!strcmp(argv[i], "-v"))
			funcs = 0;
		else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else
			sh_error("unset: Illegal option %s", argv[i]);
	}
	for (; i < argc; i++) {
		if (funcs) {
			func_unset(argv[i]);
		} else if (var_unset(argv[i])) {
			sh_error("unset: %s: is read only", argv[i]);
		}
	}
	return status;
}

/* ---- regular built-ins about the shell ---- */

static int b_true(int argc, char **argv)
{
	return 0;
}

static int b_false(int argc, char **argv)
{
	return 1;
}

/* "$PWD/dir" made canonical: . and .. taken out as text (cd -L) */
static char *logical_path(const char *base, const char *dir)
{
	struct str b = { 0 };
	const char *p;

	if (dir[0] != '/') {
		str_adds(&b, base);
		str_addc(&b, '/');
	}
	str_adds(&b, dir);
	{
		char *in = str_done(&b);
		char *out = xmalloc(strlen(in) + 2);
		size_t o = 0;

		p = in;
		while (*p) {
			const char *e;

			while (*p == '/')
				p++;
			if (!*p)
				break;
			e = strchr(p, '/');
			if (!e)
				e = p + strlen(p);
			if (e - p == 1 && p[0] == '.') {
				/* nothing */
			} else if (e - p == 2 && p[0] == '.' && p[1] == '.') {
				while (o > 0 && out[o - 1] != '/')
					o--;
				if (o > 0)
					o--;
			} else {
				out[o++] = '/';
				memcpy(out + o, p, e - p);
				o += e - p;
			}
			p = e;
		}
		if (!o)
			out[o++] = '/';
		out[o] = 0;
		free(in);
		return out;
	}
}

static int b_cd(int argc, char **argv)
{
	int i = 1, physical = 0, print = 0;
	const char *dir;
	char *target = NULL, *newpwd;
	const char *pwd = var_get("PWD");
	char cwd[PATH_MAX];

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "-P"))
			physical = 1;
		else if (!strcmp(argv[i], "-L"))
			physical = 0;
		else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else
			sh_error("cd: Illegal option %s", argv[i]);
	}
	dir = i < argc ? argv[i] : var_get("HOME");
	if (!dir)
		sh_error("cd: HOME not set");
	if (!strcmp(dir, "-")) {
		dir = var_get("OLDPWD");
		if (!dir)
			sh_error("cd: OLDPWD not set");
		print = 1;
	}
	if (!pwd && getcwd(cwd, sizeof(cwd)))
		pwd = cwd;
	if (dir[0] != '/' && !(dir[0] == '.' && (dir[1] == '/' || !dir[1] ||
						 (dir[1] == '.' && (dir[2] == '/' || !dir[2]))))) {
		const char *cdpath = var_get("CDPATH");

		while (cdpath && *cdpath) {
			const char *c = strchr(cdpath, ':');
			size_t n = c ? (size_t)(c - cdpath) : strlen(cdpath);
			struct str b = { 0 };
			struct stat st;

			str_addn(&b, cdpath, n);
			if (n)
				str_addc(&b, '/');
			str_adds(&b, dir);
			target = str_done(&b);
			if (!stat(target, &st) && S_ISDIR(st.st_mode)) {
				if (n)
					print = 1;
				break;
			}
			free(target);
			target = NULL;
			cdpath = c ? c + 1 : NULL;
		}
	}
	if (!target)
		target = xstrdup(dir);
	newpwd = physical || !pwd ? NULL : logical_path(pwd, target);
	if (chdir(newpwd ? newpwd : target) < 0) {
		if (!newpwd || chdir(target) < 0) {
			sh_warn("cd: can't cd to %s", dir);
			free(target);
			free(newpwd);
			return 2;
		}
		free(newpwd);
		newpwd = NULL;
	}
	if (!newpwd) {
		if (!getcwd(cwd, sizeof(cwd)))
			strcpy(cwd, target);
		newpwd = xstrdup(cwd);
	}
	if (pwd)
		var_set("OLDPWD", pwd, 0);
	var_set("PWD", newpwd, 0);
	if (print)
		outf(1, "%s\n", newpwd);
	free(newpwd);
	free(target);
	return 0;
}

static int b_pwd(int argc, char **argv)
{
	char cwd[PATH_MAX];
	const char *pwd = var_get("PWD");
	int physical = argc > 1 && !strcmp(argv[argc - 1], "-P");

	if (!physical && pwd && pwd[0] == '/') {
		struct stat a, b;

		if (!stat(pwd, &a) && !stat(".", &b) && a.st_ino == b.st_ino &&
		    a.st_dev == b.st_dev) {
			outf(1, "%s\n", pwd);
			return 0;
		}
	}
	if (!getcwd(cwd, sizeof(cwd)))
		sh_error("pwd: %s", strerror(errno));
	outf(1, "%s\n", cwd);
	return 0;
}

/* ---- aliases ---- */

struct alias {
	struct alias *next;
	char *name, *value;
};
static struct alias *aliases;

static struct alias *alias_find(const char *name)
{
	for (struct alias *a = aliases; a; a = a->next)
		if (!strcmp(a->name, name))
			return a;
	return NULL;
}

const char *alias_get(const char *name)
{
	struct alias *a = alias_find(name);

	return a ? a->value : NULL;
}

void alias_names(name_fn fn, void *arg)
{
	for (struct alias *a = aliases; a; a = a->next)
		fn(a->name, arg);
}

const char *alias_get_name(const char *name)
{
	struct alias *a = alias_find(name);

	return a ? a->name : NULL;
}

void aliases_reset(void)
{
	aliases = NULL;
}

static void alias_print(struct alias *a)
{
	char *q = single_quote(a->value);

	outf(1, "%s=%s\n", a->name, q);
	free(q);
}

static int b_alias(int argc, char **argv)
{
	int status = 0;

	if (argc == 1) {
		for (struct alias *a = aliases; a; a = a->next)
			alias_print(a);
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		struct alias *a;

		if (!eq) {
			a = alias_find(argv[i]);
			if (a) {
				alias_print(a);
			} else {
				sh_warn("alias: %s not found", argv[i]);
				status = 1;
			}
			continue;
		}
		*eq = 0;
		a = alias_find(argv[i]);
		if (!a) {
			struct alias **pp = &aliases;

			a = xmalloc(sizeof(*a));
			a->name = xstrdup(argv[i]);
			/* kept sorted, as alias lists them */
			while (*pp && strcmp((*pp)->name, a->name) < 0)
				pp = &(*pp)->next;
			a->next = *pp;
			*pp = a;
		} else {
			/* the old text may be being read: leak it */
		}
		a->value = xstrdup(eq + 1);
		*eq = '=';
	}
	return status;
}

static int b_unalias(int argc, char **argv)
{
	int status = 0;

	if (argc > 1 && !strcmp(argv[1], "-a")) {
		aliases = NULL;
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		struct alias **pp;

		for (pp = &aliases; *pp; pp = &(*pp)->next)
			if (!strcmp((*pp)->name, argv[i]))
				break;
		if (*pp) {
			*pp = (*pp)->next;
		} else {
			sh_warn("unalias: %s not found", argv[i]);
			status = 1;
		}
	}
	return status;
}

/* ---- hash ---- */

struct hashent {
	struct hashent *next;
	char *name, *path;
};
static struct hashent *hashtab;

char *hash_lookup(const char *name)
{
	for (struct hashent *h = hashtab; h; h = h->next)
		if (!strcmp(h->name, name))
			return h->path;
	return NULL;
}

void hash_add(const char *name, const char *path)
{
	struct hashent *h = xmalloc(sizeof(*h));

	h->name = xstrdup(name);
	h->path = xstrdup(path);
	h->next = hashtab;
	hashtab = h;
}

void hash_clear(void)
{
	while (hashtab) {
		struct hashent *h = hashtab;

		hashtab = h->next;
		free(h->name);
		free(h->path);
		free(h);
	}
}

static int b_hash(int argc, char **argv)
{
	int status = 0;

	if (argc > 1 && !strcmp(argv[1], "-r")) {
		hash_clear();
		return 0;
	}
	if (argc == 1) {
		for (struct hashent *h = hashtab; h; h = h->next)
			outf(1, "%s\n", h->path);
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		int err;
		char *p;

		if (builtin_lookup(argv[i]) || func_lookup(argv[i]))
			continue;
		p = find_path(argv[i], var_get("PATH"), &err);
		if (!p) {
			sh_warn("hash: %s: not found", argv[i]);
			status = 1;
			continue;
		}
		if (!hash_lookup(argv[i]))
			hash_add(argv[i], p);
		free(p);
	}
	return status;
}

/* ---- type and command ---- */

/* what a name is; verbose: as type says it; else as command -v prints it */
static int describe(const char *name, int verbose)
{
	const struct builtin *b;
	struct func *f;
	const char *a;
	char *p;
	int err;

	if (is_reserved(name)) {
		if (verbose)
			outf(1, "%s is a shell keyword\n", name);
		else
			outf(1, "%s\n", name);
		return 0;
	}
	if ((a = alias_get(name))) {
		char *q = single_quote(a);

		if (verbose)
			outf(1, "%s is an alias for %s\n", name, a);
		else
			outf(1, "alias %s=%s\n", name, q);
		free(q);
		return 0;
	}
	b = builtin_lookup(name);
	if (b && b->special) {
		if (verbose)
			outf(1, "%s is a special shell builtin\n", name);
		else
			outf(1, "%s\n", name);
		return 0;
	}
	if ((f = func_lookup(name))) {
		if (verbose)
			outf(1, "%s is a shell function\n", name);
		else
			outf(1, "%s\n", name);
		return 0;
	}
	if (b) {
		if (verbose)
			outf(1, "%s is a shell builtin\n", name);
		else
			outf(1, "%s\n", name);
		return 0;
	}
	if (strchr(name, '/')) {
		if (!access(name, X_OK)) {
			if (verbose)
				outf(1, "%s is %s\n", name, name);
			else
				outf(1, "%s\n", name);
			return 0;
		}
		p = NULL;
	} else if ((p = hash_lookup(name))) {
		if (verbose)
			outf(1, "%s is a tracked alias for %s\n", name, p);
		else
			outf(1, "%s\n", p);
		return 0;
	} else {
		p = find_path(name, var_get("PATH"), &err);
	}
	if (p) {
		if (verbose)
			outf(1, "%s is %s\n", name, p);
		else
			outf(1, "%s\n", p);
		free(p);
		return 0;
	}
	if (verbose)
		outf(1, "%s: not found\n", name);
	return 127;
}

static int b_type(int argc, char **argv)
{
	int status = 0;

	for (int i = 1; i < argc; i++)
		if (describe(argv[i], 1))
			status = 127;
	return status;
}

int run_builtin(const struct builtin *b, int argc, char **argv);

static int b_command(int argc, char **argv)
{
	int i = 1, v = 0, V = 0, p = 0;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *o = argv[i] + 1;

		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (; *o; o++) {
			if (*o == 'v')
				v = 1;
			else if (*o == 'V')
				V = 1;
			else if (*o == 'p')
				p = 1;
			else
				sh_error("command: Illegal option -%c", *o);
		}
	}
	if (i >= argc)
		return 0;
	if (v || V) {
		int status = 0;

		for (; i < argc; i++)
			if (describe(argv[i], V))
				status = 127;
		return status;
	}
	{
		const struct builtin *b = builtin_lookup(argv[i]);
		struct job *j;
		pid_t pid;

		if (b)
			return run_builtin(b, argc - i, argv + i);
		j = job_new(NULL);
		pid = fork_child(j, 0, NULL);
		if (pid == 0) {
			if (p)
				var_set("PATH", "/bin:/usr/bin", 0);
			exec_command(argv + i, var_environ());
		}
		return job_wait(j);
	}
}

/* ---- kill ---- */

static int b_kill(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, status = 0;

	if (argc < 2)
		sh_error("kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]...");
	if (!strcmp(argv[1], "-l") || !strcmp(argv[1], "-L")) {
		if (argc == 2) {
			for (int s = 1; s < 32; s++)
				outf(1, "%s\n", sig_name(s));
			return 0;
		}
		for (i = 2; i < argc; i++) {
			char *e;
			long n = strtol(argv[i], &e, 10);

			if (!*e) {
				if (n > 128)
					n -= 128;
				if (!sig_name(n) || n == 0)
					sh_error("kill: invalid signal number or exit status: %s",
						 argv[i]);
				outf(1, "%s\n", sig_name(n));
			} else {
				sh_error("kill: Illegal number: %s", argv[i]);
			}
		}
		return 0;
	}
	if (!strcmp(argv[1], "-s") || !strcmp(argv[1], "-n")) {
		if (argc < 3)
			sh_error("kill: option requires an argument");
		sig = sig_number(argv[2]);
		if (sig < 0)
			sh_error("kill: invalid signal number or name: %s", argv[2]);
		i = 3;
	} else if (argv[1][0] == '-' && argv[1][1] && strcmp(argv[1], "--")) {
		sig = sig_number(argv[1] + 1);
		if (sig < 0)
			sh_error("kill: invalid signal number or name: %s", argv[1] + 1);
		i = 2;
	} else if (!strcmp(argv[1], "--")) {
		i = 2;
	}
	for (; i < argc; i++) {
		pid_t pid;

		if (argv[i][0] == '%') {
			pid = job_pgid_of(argv[i]);
			if (job_pgid_is_group(argv[i]))
				pid = -pid;
		} else {
			char *e;

			pid = strtol(argv[i], &e, 10);
			if (!argv[i][0] || *e)
				sh_error("kill: Illegal number: %s", argv[i]);
		}
		if (kill(pid, sig) < 0) {
			sh_warn("kill: %s", strerror(errno));
			status = 1;
		}
	}
	return status;
}

/* ---- the table ---- */

static const struct builtin builtins[] = {
	{ ".", b_dot, 1 },
	{ ":", b_colon, 1 },
	{ "[", bltin_test, 0 },
	{ "alias", b_alias, 0 },
	{ "bg", bltin_bg, 0 },
	{ "break", b_break, 1 },
	{ "cd", b_cd, 0 },
	{ "command", b_command, 0 },
	{ "continue", b_break, 1 },
	{ "echo", bltin_echo, 0 },
	{ "eval", b_eval, 1 },
	{ "exec", b_exec, 1 },
	{ "exit", b_exit, 1 },
	{ "export", b_export, 1 },
	{ "false", b_false, 0 },
	{ "fg", bltin_fg, 0 },
	{ "getopts", bltin_getopts, 0 },
	{ "hash", b_hash, 0 },
	{ "history", bltin_history, 0 },
	{ "jobs", bltin_jobs, 0 },
	{ "kill", b_kill, 0 },
	{ "local", b_local, 0 },
	{ "printf", bltin_printf, 0 },
	{ "pwd", b_pwd, 0 },
	{ "read", bltin_read, 0 },
	{ "readonly", b_readonly, 1 },
	{ "return", b_return, 1 },
	{ "set", b_set, 1 },
	{ "shift", b_shift, 1 },
	{ "test", bltin_test, 0 },
	{ "times", bltin_times, 1 },
	{ "trap", bltin_trap, 1 },
	{ "true", b_true, 0 },
	{ "type", b_type, 0 },
	{ "ulimit", bltin_ulimit, 0 },
	{ "umask", bltin_umask, 0 },
	{ "unalias", b_unalias, 0 },
	{ "unset", b_unset, 1 },
	{ "wait", bltin_wait, 0 },
};

const struct builtin *builtin_lookup(const char *name)
{
	size_t lo = 0, hi = sizeof(builtins) / sizeof(builtins[0]);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(name, builtins[mid].name);

		if (!c)
			return &builtins[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

void builtin_names(name_fn fn, void *arg)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		fn(builtins[i].name, arg);
}

int run_builtin(const struct builtin *b, int argc, char **argv)
{
	return b->fn(argc, argv);
}
