// SPDX-License-Identifier: GPL-2.0
/*
 * Start-up (sh -c, sh script, sh -s, the interactive shell), the read-eval loop, the
 * prompt, errors, and the small helpers everything uses.
 *
 * An error unwinds with longjmp to the innermost handler: the read-eval loop, which ends a
 * non-interactive shell with status 2 and gives an interactive one its next prompt.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

struct handler *handler;
int exception;
int exit_code;
int interactive;
int lineno;
int subshell;
pid_t root_pid;
int dot_depth;

/* ---- memory and strings ---- */

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p) {
		out_str(2, "sh: out of memory\n");
		_exit(2);
	}
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		out_str(2, "sh: out of memory\n");
		_exit(2);
	}
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void str_addn(struct str *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = b->cap ? b->cap : 32;
		while (b->len + n + 1 > b->cap)
			b->cap *= 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

void str_addc(struct str *b, char c)
{
	str_addn(b, &c, 1);
}

void str_adds(struct str *b, const char *s)
{
	str_addn(b, s, strlen(s));
}

char *str_done(struct str *b)
{
	char *s = b->s ? b->s : xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

/* 'text' quoted for re-input, as set, export -p, trap and alias print values */
char *single_quote(const char *s)
{
	struct str b = { 0 };

	str_addc(&b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			str_adds(&b, "'\\''");
		else
			str_addc(&b, *s);
	}
	str_addc(&b, '\'');
	return str_done(&b);
}

/* ---- output: unbuffered, so that forks and redirections need no flushing ---- */

void out_str(int fd, const char *s)
{
	size_t n = strlen(s);

	while (n) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= w;
	}
}

void outf(int fd, const char *fmt, ...)
{
	va_list ap;
	char buf[512];
	char *p = buf;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf)) {
		p = xmalloc(n + 1);
		va_start(ap, fmt);
		vsnprintf(p, n + 1, fmt, ap);
		va_end(ap);
	}
	out_str(fd, p);
	if (p != buf)
		free(p);
}

void flush_all(void)
{
}

/* ---- errors ---- */

static void vwarn(const char *fmt, va_list ap)
{
	struct str b = { 0 };
	char buf[1024];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	str_adds(&b, arg0 ? arg0 : "sh");
	str_adds(&b, ": ");
	{
		char n[16];

		snprintf(n, sizeof(n), "%d: ", lineno);
		str_adds(&b, n);
	}
	str_adds(&b, buf);
	str_addc(&b, '\n');
	out_str(2, b.s);
	free(b.s);
}

void sh_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void raise_exc(int e)
{
	exception = e;
	if (!handler)
		sh_exit(2);
	longjmp(handler->jb, 1);
}

void sh_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	last_status = 2;
	raise_exc(EX_ERROR);
}

/* Runs the EXIT trap once; an exit inside it ends the shell with its own status. */
void sh_exit(int status)
{
	static int exiting;

	if (!exiting) {
		exiting = 1;
		last_status = status;
		trap_run_exit();
		if (interactive && !subshell && getpid() == root_pid)
			hist_save();
	}
	flush_all();
	_exit(status & 0xff);
}

static int same_dir(const char *a, const char *b)
{
	struct stat sa, sb;

	return a[0] == '/' && !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* ---- the prompt ---- */

char *ps1_expand(void)
{
	const char *ps1 = var_get("PS1");
	struct str b = { 0 };
	char *r;

	if (!ps1)
		return xstrdup("");
	for (; *ps1; ps1++) {
		if (*ps1 == '!') {
			/* POSIX: '!' is the number the next history entry gets, "!!" a '!' */
			if (ps1[1] == '!') {
				str_addc(&b, '!');
				ps1++;
			} else {
				char n[16];

				snprintf(n, sizeof(n), "%d", hist_next_number());
				str_adds(&b, n);
			}
			continue;
		}
		if (*ps1 != '\\' || !ps1[1]) {
			str_addc(&b, *ps1);
			continue;
		}
		switch (*++ps1) {
		case 'u': {
			struct passwd *pw = getpwuid(geteuid());
			const char *u = pw ? pw->pw_name : var_get("USER");

			str_adds(&b, u ? u : "?");
			break;
		}
		case 'h':
		case 'H': {
			char host[256] = "";

			gethostname(host, sizeof(host) - 1);
			if (*ps1 == 'h' && strchr(host, '.'))
				*strchr(host, '.') = 0;
			str_adds(&b, host);
			break;
		}
		case 'w':
		case 'W': {
			const char *pwd = var_get("PWD");
			const char *home = var_get("HOME");
			char cwd[4096];

			if (!pwd && getcwd(cwd, sizeof(cwd)))
				pwd = cwd;
			if (!pwd)
				pwd = "?";
			if (*ps1 == 'W') {
				const char *s = strrchr(pwd, '/');

				str_adds(&b, s && s[1] ? s + 1 : pwd);
			} else if (home && *home && strcmp(home, "/") &&
				   !strncmp(pwd, home, strlen(home)) &&
				   (pwd[strlen(home)] == '/' || !pwd[strlen(home)])) {
				str_addc(&b, '~');
				str_adds(&b, pwd + strlen(home));
			} else {
				str_adds(&b, pwd);
			}
			break;
		}
		case '$':
			str_addc(&b, geteuid() == 0 ? '#' : '$');
			break;
		case '\\':
			str_addc(&b, '\\');
			break;
		case 'n':
			str_addc(&b, '\n');
			break;
		default:
			str_addc(&b, '\\');
			str_addc(&b, *ps1);
		}
	}
	str_addn(&b, "", 0);
	r = expand_one(b.s, 0);
	free(b.s);
	return r;
}

/* ---- the read-eval loop ---- */

extern struct param_frame *param_frames;

static int toplevel(struct source *s)
{
	struct handler h;
	int status = 0;

	for (;;) {
		h.prev = handler;
		if (setjmp(h.jb)) {
			handler = h.prev;
			if (exception == EX_EXIT)
				sh_exit(exit_code);
			if (!interactive || subshell)
				sh_exit(last_status ? last_status : 2);
			/* back to the prompt: undo what the command left half done */
			redirect_unwind(0);
			while (var_scope_depth())
				var_pop_scope();
			eval_skip = 0;
			loop_depth = 0;
			func_depth = 0;
			dot_depth = 0;
			s->pos = s->len;
			s->nalias = 0;
			{
				extern const char *parse_prefix;

				parse_prefix = "";
			}
			if (last_status < 128)
				last_status = 2;
			continue;
		}
		handler = &h;
		status = eval_source(s, 1);
		handler = h.prev;
		return status;
	}
}

/* A file without "#!" that execve refused: this child becomes a shell running it. */
void run_script_child(const char *path, char **argv)
{
	struct source s;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int n = 0;

	if (fd < 0) {
		sh_warn("%s: %s", path, strerror(errno));
		_exit(126);
	}
	aliases_reset();
	traps_reset_child();
	while (argv[n])
		n++;
	posparams.v = xmalloc((n + 1) * sizeof(char *));
	for (int i = 1; i < n; i++)
		posparams.v[i - 1] = xstrdup(argv[i]);
	posparams.n = n ? n - 1 : 0;
	posparams.v[posparams.n] = NULL;
	arg0 = xstrdup(argv[0]);
	last_status = 0;
	handler = NULL;
	interactive = 0;
	src_init_fd(&s, fd, 0);
	toplevel(&s);
	sh_exit(last_status);
}

/* The profiles and $ENV: a file read as a script by this shell, if it can be opened */
static void source_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct source p;

	if (fd < 0)
		return;
	src_init_fd(&p, fd, 0);
	toplevel(&p);
	src_free(&p);
	close(fd);
}

static void usage(void)
{
	out_str(2,
		"usage: sh [-abCefhimnuvx] [-o option] [-c command [name [arg...]] | file [arg...]]\n");
	_exit(2);
}

int set_option_name(const char *name, int on)
{
	for (int i = 0; i < NOPTS; i++)
		if (!strcmp(opt_names[i], name)) {
			opts[i] = on;
			return 0;
		}
	return -1;
}

int set_option_letter(int c, int on)
{
	for (int i = 0; i < NOPTS; i++)
		if (opt_letters[i] == c && c) {
			opts[i] = on;
			return 0;
		}
	return -1;
}

int main(int argc, char **argv, char **envp)
{
	struct source s;
	const char *cmd = NULL;
	int i = 1, read_stdin = 0, force_i = 0, login = 0;

	root_pid = getpid();
	var_init(envp);
	arg0 = argv[0] ? argv[0] : "sh";
	for (; i < argc; i++) {
		const char *a = argv[i];
		int on;

		if (a[0] != '-' && a[0] != '+')
			break;
		if (!strcmp(a, "-") || !strcmp(a, "--")) {
			i++;
			break;
		}
		on = a[0] == '-';
		for (a++; *a; a++) {
			if (*a == 'c' && on) {
				cmd = "";
			} else if (*a == 's' && on) {
				read_stdin = 1;
			} else if (*a == 'i') {
				force_i = on;
			} else if (*a == 'o') {
				if (++i >= argc || set_option_name(argv[i], on))
					usage();
			} else if (*a == 'l') {
				login = on;
			} else if (set_option_letter(*a, on)) {
				outf(2, "%s: Illegal option %c%c\n", arg0, on ? '-' : '+', *a);
				_exit(2);
			}
		}
	}
	if (cmd) {
		if (i >= argc) {
			outf(2, "%s: -c requires an argument\n", arg0);
			_exit(2);
		}
		cmd = argv[i++];
		if (i < argc)
			arg0 = argv[i++];
	} else if (i < argc && !read_stdin) {
		arg0 = argv[i++];
	} else {
		read_stdin = 1;
	}
	posparams.n = argc - i;
	posparams.v = xmalloc((posparams.n + 1) * sizeof(char *));
	for (int k = 0; k < posparams.n; k++)
		posparams.v[k] = xstrdup(argv[i + k]);
	posparams.v[posparams.n] = NULL;

	if (read_stdin && (force_i || (isatty(0) && isatty(2))))
		interactive = 1;
	opts[OPT_I] = interactive;
	if (interactive)
		opts[OPT_M] = 1;
	opts[OPT_S] = read_stdin;
	trap_init();
	jobs_init();
	{
		/* PWD from the environment if it names the working directory, else getcwd */
		char cwd[4096];

		if (getcwd(cwd, sizeof(cwd))) {
			const char *pwd = var_get("PWD");

			if (!pwd || !same_dir(pwd, cwd))
				var_set("PWD", cwd, 0);
		}
	}
	if (!var_get("PPID")) {
		char b[16];

		snprintf(b, sizeof(b), "%d", (int)getppid());
		var_set("PPID", b, 0);
	}

	if (cmd) {
		src_init_string(&s, cmd);
	} else if (!read_stdin) {
		int fd = open(arg0, O_RDONLY | O_CLOEXEC);

		if (fd < 0) {
			lineno = 0;
			outf(2, "%s: 0: cannot open %s: %s\n", argv[0], arg0,
			     errno == ENOENT ? "No such file" : strerror(errno));
			_exit(2); /* as dash */
		}
		src_init_fd(&s, fd, 0);
	} else {
		if (interactive && (argv[0][0] == '-' || login)) {
			/* a login shell: the system's profile, then the user's */
			const char *home = var_get("HOME");

			source_file("/etc/profile");
			if (home && *home) {
				struct str p = { 0 };

				str_adds(&p, home);
				str_adds(&p, "/.profile");
				source_file(p.s);
				free(p.s);
			}
		}
		if (interactive && var_get("ENV")) {
			/* POSIX: ENV's value, parameter-expanded, names a file if it is absolute */
			char *env = expand_one(var_get("ENV"), 0);

			if (env[0] == '/')
				source_file(env);
			free(env);
		}
		src_init_fd(&s, 0, interactive);
	}
	toplevel(&s);
	if (interactive)
		out_str(2, "\n");
	sh_exit(last_status);
}
