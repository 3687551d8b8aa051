// SPDX-License-Identifier: GPL-2.0
/*
 * Tab completion's candidates: for the word before the cursor, the command names (built-ins,
 * functions, aliases, executables of $PATH) if it stands where a command does, the names of
 * variables after a '$', and paths otherwise (a directory ends in '/'). The words are
 * unquoted; lineedit.c quotes what it inserts.
 */
#include <dirent.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

/* characters that end a word unless quoted */
static int is_break(char c)
{
	return strchr(" \t\n;|&()<>", c) != NULL;
}

static int escaped(const char *line, size_t i)
{
	int n = 0;

	while (i && line[i - 1] == '\\') {
		n++;
		i--;
	}
	return n & 1;
}

/* Where the word that ends at pos starts: after an unquoted blank or operator. */
static size_t word_start(const char *line, size_t pos)
{
	size_t i = pos;

	while (i && !(is_break(line[i - 1]) && !escaped(line, i - 1)))
		i--;
	return i;
}

static int command_position(const char *line, size_t start)
{
	static const char *const words[] = { "then",  "do", "else", "elif", "if", "while",
					     "until", "!",  "{",    "time", NULL };
	size_t i = start, end;

	while (i && (line[i - 1] == ' ' || line[i - 1] == '\t'))
		i--;
	if (!i || strchr(";|&(\n`", line[i - 1]))
		return 1;
	end = i;
	i = word_start(line, end);
	for (int k = 0; words[k]; k++)
		if (strlen(words[k]) == end - i && !strncmp(line + i, words[k], end - i))
			return command_position(line, i);
	return 0;
}

/* The word without its quotes and backslashes */
static char *unquote(const char *s, size_t n)
{
	struct str b = { 0 };
	char q = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (q) {
			if (c == q)
				q = 0;
			else if (c == '\\' && q == '"' && i + 1 < n && strchr("$`\"\\", s[i + 1]))
				str_addc(&b, s[++i]);
			else
				str_addc(&b, c);
		} else if (c == '\'' || c == '"') {
			q = c;
		} else if (c == '\\' && i + 1 < n) {
			str_addc(&b, s[++i]);
		} else {
			str_addc(&b, c);
		}
	}
	str_addn(&b, "", 0);
	return str_done(&b);
}

struct cands {
	char **v;
	int n;
	const char *prefix; /* what a name must start with */
	size_t plen;
	const char *lead; /* put before each accepted name */
	const char *dir; /* the directory scanned, for stat */
	int exec_only;
};

static void add(struct cands *c, const char *name, const char *tail)
{
	struct str b = { 0 };

	str_adds(&b, c->lead ? c->lead : "");
	str_adds(&b, name);
	str_adds(&b, tail);
	c->v = xrealloc(c->v, (c->n + 2) * sizeof(*c->v));
	c->v[c->n++] = str_done(&b);
	c->v[c->n] = NULL;
}

static void add_name(const char *name, void *arg)
{
	struct cands *c = arg;

	if (!strncmp(name, c->prefix, c->plen))
		add(c, name, "");
}

static void scan_dir(struct cands *c, int want_dirs)
{
	DIR *d = opendir(*c->dir ? c->dir : ".");
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d))) {
		const char *name = de->d_name;
		struct stat st;
		char *full;
		int is_dir;

		if (strncmp(name, c->prefix, c->plen))
			continue;
		if (name[0] == '.' &&
		    (c->prefix[0] != '.' || !strcmp(name, ".") || !strcmp(name, "..")))
			continue;
		full = xmalloc(strlen(c->dir) + strlen(name) + 2);
		strcpy(full, c->dir);
		strcat(full, name);
		is_dir = !stat(full, &st) && S_ISDIR(st.st_mode);
		if (c->exec_only) {
			if (!is_dir && !stat(full, &st) && S_ISREG(st.st_mode) &&
			    !access(full, X_OK))
				add(c, name, "");
		} else if (want_dirs || !is_dir) {
			add(c, name, is_dir ? "/" : "");
		}
		free(full);
	}
	closedir(d);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_unique(struct cands *c)
{
	int j = 0;

	if (!c->n)
		return;
	qsort(c->v, c->n, sizeof(*c->v), cmp_str);
	for (int i = 0; i < c->n; i++) {
		if (j && !strcmp(c->v[j - 1], c->v[i])) {
			free(c->v[i]);
			continue;
		}
		c->v[j++] = c->v[i];
	}
	c->n = j;
	c->v[j] = NULL;
}

static void complete_command(struct cands *c)
{
	const char *path = var_get("PATH");

	builtin_names(add_name, c);
	func_names(add_name, c);
	alias_names(add_name, c);
	if (!path)
		return;
	c->exec_only = 1;
	while (1) {
		const char *e = strchr(path, ':');
		size_t n = e ? (size_t)(e - path) : strlen(path);
		char *dir = xmalloc(n + 2);

		memcpy(dir, path, n);
		dir[n] = 0;
		if (n && dir[n - 1] != '/')
			strcat(dir, "/");
		c->dir = dir;
		scan_dir(c, 0);
		free(dir);
		if (!e)
			break;
		path = e + 1;
	}
	c->dir = NULL;
	c->exec_only = 0;
}

/* "~/x" or "~user/x": the directory part as the file system knows it */
static char *tilde_dir(const char *dir)
{
	const char *slash = strchr(dir, '/');
	const char *home = NULL;
	struct str b = { 0 };

	if (dir[0] != '~' || !slash)
		return xstrdup(dir);
	if (slash == dir + 1) {
		home = var_get("HOME");
	} else {
		char *user = xstrndup(dir + 1, slash - dir - 1);
		struct passwd *pw = getpwnam(user);

		free(user);
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home)
		return xstrdup(dir);
	str_adds(&b, home);
	str_adds(&b, slash);
	return str_done(&b);
}

static void complete_path(struct cands *c, const char *word)
{
	const char *slash = strrchr(word, '/');
	char *dir = slash ? xstrndup(word, slash - word + 1) : xstrdup("");
	char *real = tilde_dir(dir);

	c->prefix = slash ? slash + 1 : word;
	c->plen = strlen(c->prefix);
	c->lead = dir;
	c->dir = real;
	scan_dir(c, 1);
	free(dir);
	free(real);
	c->lead = NULL;
	c->dir = NULL;
}

static void add_var(const char *name, void *arg)
{
	struct cands *c = arg;

	if (!strncmp(name, c->prefix, c->plen) && var_get(name))
		add(c, name, "");
}

/*
 * The candidates for the word that ends at pos: *start is where it begins in the line,
 * *kind COMPLETE_CMD, COMPLETE_PATH or COMPLETE_VAR. The words are unquoted, sorted and
 * unique, NULL-terminated, each starting with the word unquoted (*wlen bytes); the count is
 * returned.
 */
int complete_word(const char *line, size_t pos, size_t *start, int *kind, size_t *wlen, char ***out)
{
	struct cands c = { 0 };
	char *word, *dollar;

	*start = word_start(line, pos);
	word = unquote(line + *start, pos - *start);
	*wlen = strlen(word);
	dollar = strrchr(word, '$');
	if (dollar &&
	    strspn(dollar + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			       "0123456789_") == strlen(dollar + 1) &&
	    (dollar == word || dollar[-1] != '\\')) {
		*kind = COMPLETE_VAR;
		c.prefix = dollar + 1;
		c.plen = strlen(c.prefix);
		c.lead = xstrndup(word, dollar - word + 1);
		var_names(add_var, &c);
		free((char *)c.lead);
	} else if (!strchr(word, '/') && command_position(line, *start)) {
		*kind = COMPLETE_CMD;
		c.prefix = word;
		c.plen = strlen(word);
		complete_command(&c);
	} else {
		*kind = COMPLETE_PATH;
		complete_path(&c, word);
	}
	free(word);
	sort_unique(&c);
	if (!c.v) {
		c.v = xmalloc(sizeof(*c.v));
		c.v[0] = NULL;
	}
	*out = c.v;
	return c.n;
}
