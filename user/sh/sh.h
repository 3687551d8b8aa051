/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Our POSIX shell (XCU chapter 2). The pieces, one idea to a file:
 *   input.c    where the characters come from (strings, files, the terminal; aliases)
 *   parse.c    tokens and the grammar, to a tree of struct node
 *   expand.c   word expansion: tilde, parameters, command substitution, arithmetic,
 *              field splitting, pathname expansion, quote removal
 *   pattern.c  pattern matching (case, ${x#p}, globbing)
 *   arith.c    $((...)), the C operators
 *   var.c      variables, positional parameters, options
 *   exec.c     evaluating the tree: commands, pipelines, redirections, functions
 *   jobs.c     processes, job control, wait
 *   trap.c     signals and traps
 *   builtins.c, bltin_*.c   the built-in utilities
 *   main.c     start-up, the read-eval loop, the prompt, errors
 *   lineedit.c the line editor at an interactive prompt (lebuf.c: its pure part)
 *   history.c  the history list, ~/.sh_history, history
 *   complete.c Tab completion's candidates
 */
#ifndef SH_H
#define SH_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* ---- the tree ---- */
enum node_type {
	N_CMD,
	N_PIPE,
	N_AND,
	N_OR,
	N_SEQ,
	N_BG,
	N_NOT,
	N_SUBSHELL,
	N_GROUP,
	N_IF,
	N_WHILE,
	N_UNTIL,
	N_FOR,
	N_CASE,
	N_FUNC,
};

enum redir_type {
	R_IN,
	R_OUT,
	R_CLOBBER,
	R_APPEND,
	R_DUPIN,
	R_DUPOUT,
	R_RDWR,
	R_HEREDOC
};

struct redir {
	struct redir *next;
	int type;
	int fd;
	char *word; /* the target, unexpanded; a here-document's delimiter */
	char *body; /* a here-document's text */
	int quoted; /* here-document: delimiter was quoted, so no expansion */
	int strip_tabs; /* <<- */
};

struct case_item {
	struct case_item *next;
	char **pats;
	struct node *body;
};

struct node {
	int type;
	int lineno;
	struct node *left, *right, *third; /* and-or/seq operands; if: cond, then, else */
	char **words; /* N_CMD: the words, assignments first; N_FOR: the list */
	int nwords;
	int nassign; /* N_CMD: leading assignment words */
	char *name; /* N_FOR: variable; N_FUNC: name; N_CASE: the subject word */
	int has_in; /* N_FOR */
	struct redir *redirs;
	struct case_item *items;
	struct node **cmds; /* N_PIPE */
	int ncmds;
	char *text; /* N_FUNC, N_BG: the source text, for type/jobs */
};

/* ---- input.c ---- */
struct source {
	char *buf;
	size_t len, pos, cap;
	int fd; /* read lines from here when the buffer runs out; -1: none */
	int interactive; /* prompt with PS1/PS2 */
	int eof;
	int lineno;
	const char *alias_busy[16]; /* aliases being expanded, and where their text ends */
	size_t alias_end[16];
	int nalias;
};
void src_init_string(struct source *s, const char *str);
void src_init_fd(struct source *s, int fd, int interactive);
void src_free(struct source *s);
int src_more(struct source *s, int ps2);
void src_insert(struct source *s, const char *text, const char *alias);
char *line_read(const char *prompt);

/* ---- lineedit.c, history.c, complete.c: interactive use ---- */
char *lineedit_read(const char *prompt, int *fallback);
void hist_add(const char *line);
int hist_count(void);
const char *hist_get(int i);
void hist_load(void);
int hist_next_number(void);
void hist_save(void);
int bltin_history(int argc, char **argv);
enum {
	COMPLETE_CMD,
	COMPLETE_PATH,
	COMPLETE_VAR
};
int complete_word(const char *line, size_t pos, size_t *start, int *kind, size_t *wlen,
		  char ***out);
/* every name of a kind, for completion */
typedef void (*name_fn)(const char *name, void *arg);
void builtin_names(name_fn fn, void *arg);
void func_names(name_fn fn, void *arg);
void alias_names(name_fn fn, void *arg);
void var_names(name_fn fn, void *arg);

/* ---- parse.c ---- */
struct parser;
struct node *parse_command(struct source *s, int *eof);
struct node *parse_cmdsubst(const char *text, size_t *used);
int is_name(const char *s, size_t n);
void node_free(struct node *n);

/* ---- expand.c ---- */
#define EXP_SPLIT 1 /* field splitting and pathname expansion */
#define EXP_TILDE 2
#define EXP_ASSIGN 4 /* tildes after ':' too */
#define EXP_PAT 8 /* result is a pattern: quoted characters come escaped */
#define EXP_HEREDOC 16 /* a here-document body: only $ ` and \ are special */
#define EXP_DQ 32 /* as inside double quotes */
char **expand_words(char **words, int n, int *argc);
char *expand_one(const char *word, int flags);
char *expand_heredoc(const char *body);
char *cmdsubst_output(const char *text);
int is_ifs_space(int c);

/* ---- pattern.c ---- */
int pmatch(const char *pat, const char *str);
int has_glob_chars(const char *pat);
char **glob_expand(const char *pat, int *n);
char *pat_unescape(const char *pat);

/* ---- arith.c ---- */
intmax_t arith_eval(const char *expr);

/* ---- var.c ---- */
#define V_EXPORT 1
#define V_READONLY 2
#define V_UNSET 4 /* exported or readonly, but without a value */
struct var {
	struct var *next;
	char *name;
	char *value;
	int flags;
};
const char *var_get(const char *name);
int var_set(const char *name, const char *value, int flags);
int var_setv(const char *name, size_t namelen, const char *value, int flags);
int var_assign(const char *assign, int flags); /* "name=value" */
int var_unset(const char *name);
struct var *var_lookup(const char *name);
void var_init(char **envp);
char **var_environ(void);
void var_list(int flags, const char *prefix); /* set, export -p, readonly -p */
void var_mark(struct var *v, int flags);
/* local scopes: temporary assignments and function locals */
void var_push_scope(void);
void var_pop_scope(void);
void var_make_local(const char *name);
int var_scope_depth(void);

struct params {
	char **v;
	int n;
};
extern struct params posparams;
extern char *arg0;

/* the options of set; the letters are $- */
enum opt {
	OPT_E,
	OPT_F,
	OPT_I,
	OPT_M,
	OPT_N,
	OPT_S,
	OPT_X,
	OPT_V,
	OPT_C,
	OPT_A,
	OPT_B,
	OPT_U,
	OPT_PIPEFAIL,
	NOPTS,
};
extern char opts[NOPTS];
extern const char opt_letters[];
extern const char *const opt_names[];
char *dollar_minus(void);

/* ---- exec.c ---- */
#define EV_EXIT 1 /* the last thing this process does: exec, don't fork */
#define EV_TESTED 2 /* a condition: set -e does not apply */
int eval(struct node *n, int flags);
int eval_string(const char *str, int flags);
int eval_source(struct source *s, int toplevel);
void exec_command(char **argv, char **env) __attribute__((noreturn));
char *find_path(const char *name, const char *path, int *err);
extern int last_status;
extern int eval_skip; /* SKIP_BREAK, SKIP_CONT, SKIP_RETURN */
extern int skip_count;
extern int loop_depth;
extern int func_depth;
enum {
	SKIP_NONE,
	SKIP_BREAK,
	SKIP_CONT,
	SKIP_RETURN
};
struct func {
	struct func *next;
	char *name;
	struct node *body;
	char *text;
};
struct func *func_lookup(const char *name);
void func_define(const char *name, struct node *body, const char *text);
int func_unset(const char *name);
int redirect(struct redir *r, int save);
void redirect_restore(void);
int redirect_mark(void);
void redirect_unwind(int mark);
void redirect_forget(void);

/* ---- jobs.c ---- */
struct job;
pid_t fork_child(struct job *j, int bg, struct node *n);
struct job *job_new(struct node *n);
int job_wait(struct job *j);
void job_add_pid(struct job *j, pid_t pid);
void job_notify(void);
void jobs_reset_child(void);
int status_of(int wstatus);
int job_number(struct job *j);
extern pid_t last_bg_pid;
extern pid_t shell_pgid;
extern int tty_fd;
void jobs_init(void);

/* ---- trap.c ---- */
extern volatile int pending_signals;
void trap_init(void);
void trap_run_pending(void);
void trap_run_exit(void);
void traps_reset_child(void);
int sig_number(const char *name);
const char *sig_name(int sig);
const char *sig_desc(int sig);
int pending_sig_number(void);
void trap_set_default_for_child(void);
extern int in_trap;

/* ---- builtins ---- */
typedef int (*builtin_fn)(int argc, char **argv);
struct builtin {
	const char *name;
	builtin_fn fn;
	int special;
};
const struct builtin *builtin_lookup(const char *name);
int bltin_test(int argc, char **argv);
int bltin_printf(int argc, char **argv);
int bltin_echo(int argc, char **argv);
int bltin_read(int argc, char **argv);
int bltin_getopts(int argc, char **argv);
int bltin_umask(int argc, char **argv);
int bltin_ulimit(int argc, char **argv);
int bltin_times(int argc, char **argv);
int bltin_jobs(int argc, char **argv);
int bltin_fg(int argc, char **argv);
int bltin_bg(int argc, char **argv);
int bltin_wait(int argc, char **argv);
int bltin_kill(int argc, char **argv);
int bltin_trap(int argc, char **argv);
const char *alias_get(const char *name);
const char *alias_get_name(const char *name);
void aliases_reset(void);
char *hash_lookup(const char *name);
void hash_clear(void);
void hash_add(const char *name, const char *path);

/* ---- main.c: errors, memory, output ---- */
enum {
	EX_ERROR = 1,
	EX_EXIT = 2
};
struct handler {
	jmp_buf jb;
	struct handler *prev;
};
extern struct handler *handler;
extern int exception;
extern int exit_code;
extern int interactive;
extern int lineno;
extern int subshell; /* this process is a subshell of the main shell */
extern pid_t root_pid;
void raise_exc(int e) __attribute__((noreturn));
void sh_error(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void sh_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void sh_exit(int status) __attribute__((noreturn));
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
void out_str(int fd, const char *s);
void outf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *single_quote(const char *s);
void flush_all(void);

/* a growing string */
struct str {
	char *s;
	size_t len, cap;
};
void str_addc(struct str *b, char c);
void str_addn(struct str *b, const char *s, size_t n);
void str_adds(struct str *b, const char *s);
char *str_done(struct str *b);

#endif
