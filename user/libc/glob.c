/* glob: expand a pattern component by component, matching names with fnmatch. */
#include "libc.h"
#include <dirent.h>
#include <fnmatch.h>
#include <glob.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct res {
	char **v;
	size_t n, cap;
	int err;
};

static int add(struct res *r, const char *path, size_t len, int mark)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		char **v = realloc(r->v, cap * sizeof(*v));
		if (!v)
			return -1;
		r->v = v;
		r->cap = cap;
	}
	char *s = malloc(len + 2);
	if (!s)
		return -1;
	memcpy(s, path, len);
	s[len] = 0;
	if (mark) {
		struct stat st;
		if (!stat(s, &st) && S_ISDIR(st.st_mode) && (!len || s[len - 1] != '/')) {
			s[len] = '/';
			s[len + 1] = 0;
		}
	}
	r->v[r->n++] = s;
	return 0;
}

static int has_magic(const char *s, size_t n, int noescape)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '*' || s[i] == '?' || s[i] == '[')
			return 1;
		if (s[i] == '\\' && !noescape && i + 1 < n)
			i++;
	}
	return 0;
}

/* path[0..len) is what is matched so far (ending in '/', or empty); pat the rest. */
static int expand(char *path, size_t len, const char *pat, int flags,
		  int (*errfunc)(const char *, int), struct res *r)
{
	while (*pat == '/') {
		if (len + 1 >= PATH_MAX)
			return 0;
		path[len++] = '/';
		pat++;
	}
	if (!*pat) {
		path[len] = 0;
		struct stat st;
		if (len && lstat(path, &st))
			return 0;
		return add(r, path, len, flags & GLOB_MARK) ? GLOB_NOSPACE : 0;
	}
	const char *end = strchrnul(pat, '/');
	size_t cl = (size_t)(end - pat);
	if (!has_magic(pat, cl, flags & GLOB_NOESCAPE)) {
		/* a literal component: copy it, unescaping */
		for (size_t i = 0; i < cl; i++) {
			if (pat[i] == '\\' && !(flags & GLOB_NOESCAPE) && i + 1 < cl)
				i++;
			if (len + 1 >= PATH_MAX)
				return 0;
			path[len++] = pat[i];
		}
		return expand(path, len, end, flags, errfunc, r);
	}
	char comp[NAME_MAX + 1];
	if (cl > NAME_MAX)
		return 0;
	memcpy(comp, pat, cl);
	comp[cl] = 0;
	path[len] = 0;
	DIR *d = opendir(len ? path : ".");
	if (!d) {
		if ((errfunc && errfunc(len ? path : ".", errno)) || (flags & GLOB_ERR))
			return GLOB_ABORTED;
		return 0;
	}
	struct dirent *e;
	int ret = 0;
	while (!ret && (e = readdir(d))) {
		if (fnmatch(comp, e->d_name,
			    FNM_PERIOD | (flags & GLOB_NOESCAPE ? FNM_NOESCAPE : 0)))
			continue;
		size_t nl = strlen(e->d_name);
		if (len + nl >= PATH_MAX)
			continue;
		memcpy(path + len, e->d_name, nl);
		if (*end) {
			struct stat st;
			path[len + nl] = 0;
			if (stat(path, &st) || !S_ISDIR(st.st_mode))
				continue;
		}
		ret = expand(path, len + nl, end, flags, errfunc, r);
	}
	closedir(d);
	return ret;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int glob(const char *restrict pattern, int flags, int (*errfunc)(const char *path, int err),
	 glob_t *restrict g)
{
	struct res r = { 0, 0, 0, 0 };
	char path[PATH_MAX];
	if (!(flags & GLOB_APPEND)) {
		g->gl_pathc = 0;
		g->gl_pathv = 0;
		if (!(flags & GLOB_DOOFFS))
			g->gl_offs = 0;
	}
	int ret = expand(path, 0, pattern, flags, errfunc, &r);
	if (!ret && !r.n && (flags & GLOB_NOCHECK))
		ret = add(&r, pattern, strlen(pattern), 0) ? GLOB_NOSPACE : 0;
	if (!ret && !r.n)
		ret = GLOB_NOMATCH;
	if (!(flags & GLOB_NOSORT) && r.n)
		qsort(r.v, r.n, sizeof(*r.v), cmp);
	if (ret == 0) {
		size_t offs = (flags & GLOB_DOOFFS) ? g->gl_offs : 0;
		size_t old = g->gl_pathc;
		char **v = realloc(g->gl_pathv, (offs + old + r.n + 1) * sizeof(*v));
		if (!v) {
			ret = GLOB_NOSPACE;
		} else {
			if (!old)
				for (size_t i = 0; i < offs; i++)
					v[i] = 0;
			memcpy(v + offs + old, r.v, r.n * sizeof(*v));
			v[offs + old + r.n] = 0;
			g->gl_pathv = v;
			g->gl_pathc = old + r.n;
			free(r.v);
			return 0;
		}
	}
	for (size_t i = 0; i < r.n; i++)
		free(r.v[i]);
	free(r.v);
	return ret;
}

void globfree(glob_t *g)
{
	size_t offs = g->gl_offs;
	for (size_t i = 0; i < g->gl_pathc; i++)
		free(g->gl_pathv[offs + i]);
	free(g->gl_pathv);
	g->gl_pathv = 0;
	g->gl_pathc = 0;
}
