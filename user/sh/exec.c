// SPDX-License-Identifier: GPL-2.0
/*
 * Evaluating the tree (XCU 2.9): simple commands and their search, pipelines, lists,
 * compound commands, functions, and the redirections around all of them.
 *
 * Redirections for a built-in, a function or a compound command are undone afterwards: the
 * descriptors they replace are saved above 10 (close-on-exec) on a stack and put back.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

int last_status;
int eval_skip;
int skip_count;
int loop_depth;
int func_depth;

/* ---- functions ---- */

static struct func *funcs;

struct func *func_lookup(const char *name)
{
	struct func *f;

	for (f = funcs; f; f = f->next)
		if (!strcmp(f->name, name))
			return f;
	return NULL;
}

void func_names(name_fn fn, void *arg)
{
	for (struct func *f = funcs; f; f = f->next)
		fn(f->name, arg);
}

/* Counts definitions: a tree that defined no function can be freed after it ran. */
static unsigned long funcs_defined;

void func_define(const char *name, struct node *body, const char *text)
{
	struct func *f = func_lookup(name);

	funcs_defined++;
	if (!f) {
		f = xmalloc(sizeof(*f));
		f->name = xstrdup(name);
		f->next = funcs;
		funcs = f;
	}
	f->body = body;
	f->text = (char *)text;
}

int func_unset(const char *name)
{
	struct func **pp, *f;

	for (pp = &funcs; (f = *pp); pp = &f->next)
		if (!strcmp(f->name, name)) {
			*pp = f->next;
			free(f->name);
			free(f);
			return 0;
		}
	return 0;
}

/* ---- redirections ---- */

struct saved_fd {
	int fd, copy;
};
static struct saved_fd *saved;
static int nsaved, capsaved;

int redirect_mark(void)
{
	return nsaved;
}

void redirect_unwind(int mark)
{
	while (nsaved > mark) {
		struct saved_fd *s = &saved[--nsaved];

		if (s->copy >= 0) {
			dup2(s->copy, s->fd);
			close(s->copy);
		} else {
			close(s->fd);
		}
	}
}

/* In a child: the saved copies are of no use (they are close-on-exec anyway). */
void redirect_forget(void)
{
	while (nsaved > 0)
		if (saved[--nsaved].copy >= 0)
			close(saved[nsaved].copy);
}

static void save_fd(int fd)
{
	int copy;

	copy = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	if (copy < 0 && errno != EBADF)
		sh_error("%d: %s", fd, strerror(errno));
	if (nsaved == capsaved) {
		capsaved = capsaved ? capsaved * 2 : 16;
		saved = xrealloc(saved, capsaved * sizeof(*saved));
	}
	saved[nsaved].fd = fd;
	saved[nsaved++].copy = copy;
}

static const char *open_errmsg(int err, int create)
{
	if (err == ENOENT)
		return create ? "Directory nonexistent" : "No such file";
	if (err == EACCES)
		return "Permission denied";
	if (err == EEXIST)
		return "File exists";
	return strerror(err);
}

static int heredoc_fd(struct redir *r)
{
	const char *body = r->body ? r->body : "";
	char *text = r->quoted ? xstrdup(body) : expand_heredoc(body);
	size_t len = strlen(text);
	int fds[2];

	if (pipe(fds) < 0)
		sh_error("Pipe call failed");
	if (len <= 4096) {
		if (len && write(fds[1], text, len) < 0)
			sh_warn("here-document: %s", strerror(errno));
	} else {
		pid_t pid = fork();

		if (pid == 0) {
			close(fds[0]);
			signal(SIGPIPE, SIG_DFL);
			_exit(write(fds[1], text, len) < 0);
		}
	}
	close(fds[1]);
	free(text);
	return fds[0];
}

/* Applies a list of redirections; save: remember what they replace. -1 on failure. */
int redirect(struct redir *r, int save)
{
	for (; r; r = r->next) {
		int fd = -1, flags = 0;
		char *word = NULL;

		if (r->type != R_HEREDOC) {
			word = expand_one(r->word, EXP_TILDE);
			/* a pathname pattern in a target expands if it matches one file */
			if (r->type != R_DUPIN && r->type != R_DUPOUT && !opts[OPT_F]) {
				char *pat = expand_one(r->word, EXP_TILDE | EXP_PAT);

				if (has_glob_chars(pat)) {
					int n;
					char **m = glob_expand(pat, &n);

					if (n == 1) {
						free(word);
						word = m[0];
					} else {
						for (int i = 0; i < n; i++)
							free(m[i]);
					}
					free(m);
				}
				free(pat);
			}
		}
		switch (r->type) {
		case R_IN:
			flags = O_RDONLY;
			break;
		case R_OUT:
			flags = O_WRONLY | O_CREAT | O_TRUNC;
			if (opts[OPT_C]) {
				struct stat st;

				if (!stat(word, &st) && S_ISREG(st.st_mode))
					flags = O_WRONLY | O_CREAT | O_EXCL;
			}
			break;
		case R_CLOBBER:
			flags = O_WRONLY | O_CREAT | O_TRUNC;
			break;
		case R_APPEND:
			flags = O_WRONLY | O_CREAT | O_APPEND;
			break;
		case R_RDWR:
			flags = O_RDWR | O_CREAT;
			break;
		case R_HEREDOC:
			fd = heredoc_fd(r);
			break;
		case R_DUPIN:
		case R_DUPOUT:
			if (!strcmp(word, "-")) {
				fd = -2;
			} else {
				char *e;
				long v = strtol(word, &e, 10);

				if (!*word || *e || v < 0)
					sh_error("Syntax error: Bad fd number");
				fd = -3 - (int)v; /* dup below */
			}
			break;
		}
		if (fd == -1) {
			fd = open(word, flags | O_CLOEXEC, 0666);
			if (fd < 0) {
				sh_warn("cannot %s %s: %s", r->type == R_IN ? "open" : "create",
					word, open_errmsg(errno, r->type != R_IN));
				free(word);
				return -1;
			}
		}
		if (save)
			save_fd(r->fd);
		if (fd == -2) {
			close(r->fd);
		} else if (fd <= -3) {
			int from = -3 - fd;

			if (from != r->fd) {
				if (dup2(from, r->fd) < 0) {
					sh_warn("%d: %s", from, strerror(errno));
					free(word);
					return -1;
				}
			} else if (fcntl(from, F_GETFD) < 0) {
				sh_warn("%d: %s", from, strerror(errno));
				free(word);
				return -1;
			} else {
				fcntl(from, F_SETFD, 0);
			}
		} else if (fd != r->fd) {
			dup2(fd, r->fd);
			close(fd);
		} else {
			fcntl(fd, F_SETFD, 0);
		}
		free(word);
	}
	return 0;
}

/* ---- command search ---- */

char *find_path(const char *name, const char *path, int *err)
{
	const char *p = path ? path : "/bin:/usr/bin";

	*err = ENOENT;
	for (;;) {
		const char *colon = strchr(p, ':');
		size_t dl = colon ? (size_t)(colon - p) : strlen(p);
		char *full = xmalloc(dl + strlen(name) + 2);
		struct stat st;

		if (dl) {
			memcpy(full, p, dl);
			full[dl] = '/';
			strcpy(full + dl + 1, name);
		} else {
			strcpy(full, name);
		}
		if (!stat(full, &st) && !S_ISDIR(st.st_mode)) {
			if (!access(full, X_OK))
				return full;
			*err = EACCES;
		}
		free(full);
		if (!colon)
			return NULL;
		p = colon + 1;
	}
}

extern void run_script_child(const char *path, char **argv) __attribute__((noreturn));

/* The child's side: exec, or say why not. */
void exec_command(char **argv, char **env)
{
	int err;
	char *path;

	if (strchr(argv[0], '/')) {
		path = argv[0];
	} else {
		path = hash_lookup(argv[0]);
		if (!path)
			path = find_path(argv[0], var_get("PATH"), &err);
		if (!path) {
			lineno = lineno ? lineno : 1;
			if (err == EACCES)
				sh_warn("%s: Permission denied", argv[0]);
			else
				sh_warn("%s: not found", argv[0]);
			flush_all();
			_exit(err == EACCES ? 126 : 127);
		}
	}
	execve(path, argv, env);
	err = errno;
	if (err == ENOEXEC)
		run_script_child(path, argv);
	if (err == ENOENT || err == ENOTDIR)
		sh_warn("%s: not found", argv[0]);
	else if (err == EACCES || err == EISDIR)
		sh_warn("%s: Permission denied", argv[0]);
	else
		sh_warn("%s: %s", argv[0], strerror(err));
	flush_all();
	_exit(err == ENOENT || err == ENOTDIR ? 127 : 126);
}

/* ---- simple commands ---- */

static void xtrace(char **assigns, int nassign, char **argv)
{
	struct str b = { 0 };
	char *ps4 = expand_one(var_get("PS4") ? var_get("PS4") : "", 0);
	int i;

	str_adds(&b, ps4);
	free(ps4);
	for (i = 0; i < nassign; i++) {
		if (i)
			str_addc(&b, ' ');
		str_adds(&b, assigns[i]);
	}
	for (i = 0; argv[i]; i++) {
		if (i || nassign)
			str_addc(&b, ' ');
		str_adds(&b, argv[i]);
	}
	str_addc(&b, '\n');
	str_addn(&b, "", 0);
	out_str(2, b.s);
	free(b.s);
}

extern int subst_ran;

/* The expanded assignments of a command: "name=value" strings. */
static char **expand_assigns(struct node *n)
{
	char **a = xmalloc((n->nassign + 1) * sizeof(*a));
	int i;

	for (i = 0; i < n->nassign; i++) {
		const char *w = n->words[i];
		const char *eq = strchr(w, '=');
		char *v = expand_one(eq + 1, EXP_TILDE | EXP_ASSIGN);

		a[i] = xmalloc(eq - w + strlen(v) + 2);
		memcpy(a[i], w, eq - w + 1);
		strcpy(a[i] + (eq - w) + 1, v);
		free(v);
	}
	a[i] = NULL;
	return a;
}

static void free_list(char **v)
{
	if (!v)
		return;
	for (char **p = v; *p; p++)
		free(*p);
	free(v);
}

static void do_assigns(char **a, int flags)
{
	for (; *a; a++)
		if (var_assign(*a, flags)) {
			const char *eq = strchr(*a, '=');

			sh_error("%.*s: is read only", (int)(eq - *a), *a);
		}
}

struct param_frame {
	struct params saved;
	struct param_frame *prev;
};
struct param_frame *param_frames;

static int call_function(struct func *f, int argc, char **argv, int flags)
{
	struct param_frame fr = { .saved = posparams, .prev = param_frames };
	int save_loop = loop_depth;
	int status;

	param_frames = &fr;
	posparams.v = xmalloc((argc + 1) * sizeof(char *));
	for (int i = 1; i < argc; i++)
		posparams.v[i - 1] = xstrdup(argv[i]);
	posparams.n = argc - 1;
	posparams.v[argc - 1 < 0 ? 0 : argc - 1] = NULL;
	func_depth++;
	loop_depth = 0;
	status = eval(f->body, flags & EV_TESTED);
	loop_depth = save_loop;
	func_depth--;
	if (eval_skip == SKIP_RETURN) {
		eval_skip = SKIP_NONE;
		status = last_status;
	}
	for (int i = 0; i < posparams.n; i++)
		free(posparams.v[i]);
	free(posparams.v);
	posparams = fr.saved;
	param_frames = fr.prev;
	return last_status = status;
}

int run_builtin(const struct builtin *b, int argc, char **argv);

static int eval_cmd(struct node *n, int flags)
{
	char **argv, **assigns;
	int argc, status = 0, mark;
	const struct builtin *b = NULL;
	struct func *f = NULL;

	lineno = n->lineno;
	subst_ran = 0;
	argv = expand_words(n->words + n->nassign, n->nwords - n->nassign, &argc);
	if (!argc && !n->redirs) {
		/* plain assignments: each sees the ones before it */
		for (int i = 0; i < n->nassign; i++) {
			struct node one = *n;
			char **a;

			one.words = n->words + i;
			one.nassign = 1;
			a = expand_assigns(&one);
			if (opts[OPT_X])
				xtrace(a, 1, argv);
			do_assigns(a, 0);
			free_list(a);
		}
		status = subst_ran ? last_status : 0;
		free_list(argv);
		return last_status = status;
	}
	assigns = expand_assigns(n);
	if (opts[OPT_X] && (argc || n->nassign))
		xtrace(assigns, n->nassign, argv);
	if (!argc) {
		mark = redirect_mark();
		if (redirect(n->redirs, 1) < 0) {
			redirect_unwind(mark);
			status = 2;
		} else {
			redirect_unwind(mark);
			do_assigns(assigns, 0);
			status = subst_ran ? last_status : 0;
		}
		goto out;
	}
	if (!strchr(argv[0], '/')) {
		b = builtin_lookup(argv[0]);
		if (!b || !b->special) {
			f = func_lookup(argv[0]);
			if (f)
				b = NULL;
		}
	}
	if (b || f) {
		mark = redirect_mark();
		if (b && !strcmp(argv[0], "exec") && argc == 1) {
			/* exec with redirections only: they stay */
			if (redirect(n->redirs, 0) < 0) {
				if (!interactive)
					sh_exit(2);
				status = 2;
				goto out;
			}
			do_assigns(assigns, 0);
			status = 0;
			goto out;
		}
		if (redirect(n->redirs, 1) < 0) {
			redirect_unwind(mark);
			if (b && b->special && !interactive)
				sh_exit(2);
			status = 2;
			goto out;
		}
		if (b && b->special) {
			do_assigns(assigns, 0);
			status = run_builtin(b, argc, argv);
		} else {
			/* a function's scope also holds its locals */
			int scoped = f || n->nassign;

			if (scoped)
				var_push_scope();
			do_assigns(assigns, 0x100 | V_EXPORT);
			if (f)
				status = call_function(f, argc, argv, flags);
			else
				status = run_builtin(b, argc, argv);
			if (scoped)
				var_pop_scope();
		}
		redirect_unwind(mark);
		goto out;
	}
	/* an external program */
	if (flags & EV_EXIT) {
		redirect_forget();
		if (redirect(n->redirs, 0) < 0)
			_exit(2);
		do_assigns(assigns, V_EXPORT);
		traps_reset_child();
		exec_command(argv, var_environ());
	} else {
		struct job *j = job_new(n);
		pid_t pid = fork_child(j, 0, n);

		if (pid == 0) {
			if (redirect(n->redirs, 0) < 0)
				_exit(2);
			for (char **a = assigns; *a; a++)
				var_assign(*a, V_EXPORT);
			exec_command(argv, var_environ());
		}
		status = job_wait(j);
	}
out:
	free_list(argv);
	free_list(assigns);
	return last_status = status;
}

/* ---- pipelines and the rest ---- */

static int eval_pipe(struct node *n, int flags)
{
	struct job *j = job_new(n);
	int prev = -1, i;

	for (i = 0; i < n->ncmds; i++) {
		int fds[2] = { -1, -1 };
		pid_t pid;

		if (i < n->ncmds - 1 && pipe(fds) < 0)
			sh_error("Pipe call failed");
		pid = fork_child(j, 0, n);
		if (pid == 0) {
			if (prev >= 0) {
				dup2(prev, 0);
				close(prev);
			}
			if (fds[1] >= 0) {
				close(fds[0]);
				dup2(fds[1], 1);
				close(fds[1]);
			}
			eval(n->cmds[i], EV_EXIT);
			sh_exit(last_status);
		}
		if (prev >= 0)
			close(prev);
		if (fds[1] >= 0)
			close(fds[1]);
		prev = fds[0];
	}
	return job_wait(j);
}

static int eval_loop(struct node *n, int flags)
{
	int status = 0;

	loop_depth++;
	for (;;) {
		int c = eval(n->left, (flags & ~EV_EXIT) | EV_TESTED);

		if (eval_skip)
			goto skipped;
		if ((c == 0) != (n->type == N_WHILE))
			break;
		status = eval(n->right, flags & ~EV_EXIT);
skipped:
		if (eval_skip == SKIP_BREAK) {
			if (--skip_count <= 0)
				eval_skip = SKIP_NONE;
			break;
		}
		if (eval_skip == SKIP_CONT) {
			if (--skip_count <= 0) {
				eval_skip = SKIP_NONE;
				continue;
			}
			break;
		}
		if (eval_skip)
			break;
	}
	loop_depth--;
	return status;
}

static int eval_for(struct node *n, int flags)
{
	char **list;
	int count, i, status = 0;

	if (n->has_in) {
		list = expand_words(n->words, n->nwords, &count);
	} else {
		list = xmalloc((posparams.n + 1) * sizeof(char *));
		for (i = 0; i < posparams.n; i++)
			list[i] = xstrdup(posparams.v[i]);
		list[i] = NULL;
		count = posparams.n;
	}
	loop_depth++;
	for (i = 0; i < count; i++) {
		if (var_set(n->name, list[i], 0))
			sh_error("%s: is read only", n->name);
		status = eval(n->left, flags & ~EV_EXIT);
		if (eval_skip == SKIP_BREAK) {
			if (--skip_count <= 0)
				eval_skip = SKIP_NONE;
			break;
		}
		if (eval_skip == SKIP_CONT) {
			if (--skip_count <= 0) {
				eval_skip = SKIP_NONE;
				continue;
			}
			break;
		}
		if (eval_skip)
			break;
	}
	loop_depth--;
	free_list(list);
	return status;
}

static int eval_case(struct node *n, int flags)
{
	char *word = expand_one(n->name, EXP_TILDE);
	struct case_item *it;
	int status = 0;

	for (it = n->items; it; it = it->next) {
		for (char **p = it->pats; *p; p++) {
			char *pat = expand_one(*p, EXP_TILDE | EXP_PAT);
			int m = pmatch(pat, word);

			free(pat);
			if (m) {
				status = it->body ? eval(it->body, flags) : 0;
				goto out;
			}
		}
	}
out:
	free(word);
	return status;
}

static int eval_bg(struct node *n)
{
	struct job *j = job_new(n);
	pid_t pid = fork_child(j, 1, n);

	if (pid == 0) {
		if (!opts[OPT_M]) {
			/* without job control: deaf to the terminal's signals, reading nothing */
			int fd = open("/dev/null", O_RDONLY);

			signal(SIGINT, SIG_IGN);
			signal(SIGQUIT, SIG_IGN);
			if (fd > 0) {
				dup2(fd, 0);
				close(fd);
			}
		}
		eval(n->left, EV_EXIT);
		sh_exit(last_status);
	}
	last_bg_pid = pid;
	if (interactive)
		outf(2, "[%d] %d\n", job_number(j), (int)pid);
	return 0;
}

static int eval_subshell(struct node *n, int flags)
{
	struct job *j;
	pid_t pid;

	if (flags & EV_EXIT) {
		subshell = 1;
		redirect_forget();
		if (redirect(n->redirs, 0) < 0)
			sh_exit(2);
		eval(n->left, EV_EXIT);
		sh_exit(last_status);
	}
	j = job_new(n);
	pid = fork_child(j, 0, n);
	if (pid == 0) {
		if (redirect(n->redirs, 0) < 0)
			sh_exit(2);
		eval(n->left, EV_EXIT);
		sh_exit(last_status);
	}
	return job_wait(j);
}

int eval(struct node *n, int flags)
{
	int status = 0, mark;

	if (pending_signals)
		trap_run_pending();
	if (!n)
		return last_status = 0;
	if (opts[OPT_N] && !interactive)
		return 0;
	switch (n->type) {
	case N_SEQ:
		eval(n->left, flags & ~EV_EXIT);
		if (eval_skip)
			return last_status;
		return eval(n->right, flags);
	case N_AND:
	case N_OR:
		status = eval(n->left, (flags & ~EV_EXIT) | EV_TESTED);
		if (eval_skip)
			return status;
		if ((status == 0) == (n->type == N_AND))
			status = eval(n->right, flags);
		return last_status = status;
	case N_NOT:
		status = !eval(n->left, (flags & ~EV_EXIT) | EV_TESTED);
		return last_status = status;
	case N_BG:
		return last_status = eval_bg(n);
	case N_CMD:
		status = eval_cmd(n, flags);
		break;
	case N_PIPE:
		status = eval_pipe(n, flags);
		break;
	case N_SUBSHELL:
		status = eval_subshell(n, flags);
		break;
	case N_FUNC:
		func_define(n->name, n->left, n->text);
		return last_status = 0;
	default:
		mark = redirect_mark();
		if (redirect(n->redirs, 1) < 0) {
			redirect_unwind(mark);
			return last_status = 2;
		}
		switch (n->type) {
		case N_GROUP:
			status = eval(n->left, flags);
			break;
		case N_IF:
			status = eval(n->left, (flags & ~EV_EXIT) | EV_TESTED);
			if (eval_skip)
				break;
			if (status == 0)
				status = eval(n->right, flags);
			else if (n->third)
				status = eval(n->third, flags);
			else
				status = 0;
			break;
		case N_WHILE:
		case N_UNTIL:
			status = eval_loop(n, flags);
			break;
		case N_FOR:
			status = eval_for(n, flags);
			break;
		case N_CASE:
			status = eval_case(n, flags);
			break;
		}
		redirect_unwind(mark);
		last_status = status;
		if (flags & EV_EXIT)
			sh_exit(status);
		return status;
	}
	last_status = status;
	if (status && opts[OPT_E] && !(flags & EV_TESTED) && !eval_skip)
		sh_exit(status);
	if (flags & EV_EXIT)
		sh_exit(status);
	return status;
}

int eval_source(struct source *s, int toplevel)
{
	int eof = 0;
	int status = 0;

	while (!eof) {
		struct node *n = parse_command(s, &eof);
		unsigned long defs = funcs_defined;

		if (n && !opts[OPT_N]) {
			status = eval(n, 0);
			if (funcs_defined == defs)
				node_free(n);
			if (eval_skip)
				break;
		} else if (n && funcs_defined == defs) {
			node_free(n);
		}
		if (pending_signals)
			trap_run_pending();
	}
	return status;
}

int eval_string(const char *str, int flags)
{
	struct source s;
	int status;

	src_init_string(&s, str);
	status = eval_source(&s, 0);
	src_free(&s);
	return status;
}
