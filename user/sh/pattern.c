// SPDX-License-Identifier: GPL-2.0
/*
 * Pattern matching notation (XCU 2.13): * ? [...] with ranges, [! ] and character classes,
 * a backslash quoting the next character. The expander hands over quoted characters escaped,
 * so one matcher serves case, ${x#p} and pathname expansion.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sh.h"

static int class_match(const char *name, size_t n, int c)
{
	static const struct {
		const char *name;
		int (*fn)(int);
	} classes[] = {
		{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
		{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
		{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
		{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
	};

	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (strlen(classes[i].name) == n && !strncmp(classes[i].name, name, n))
			return classes[i].fn(c) != 0;
	return 0;
}

/*
 * p at the "[": does it match c? Returns the pattern past the "]" in *end, or NULL there
 * when the bracket does not close (then "[" is an ordinary character).
 */
static int bracket(const char *p, int c, const char **end)
{
	const char *s = p + 1;
	int neg = 0, ok = 0;

	if (*s == '!' || *s == '^') {
		neg = 1;
		s++;
	}
	if (*s == ']') {
		ok |= c == ']';
		s++;
	}
	while (*s && *s != ']') {
		int lo;

		if (s[0] == '[' && s[1] == ':') {
			const char *e = strstr(s + 2, ":]");

			if (e) {
				ok |= class_match(s + 2, e - s - 2, c);
				s = e + 2;
				continue;
			}
		}
		if (*s == '\\' && s[1])
			s++;
		lo = (unsigned char)*s++;
		if (s[0] == '-' && s[1] && s[1] != ']') {
			int hi;

			s++;
			if (*s == '\\' && s[1])
				s++;
			hi = (unsigned char)*s++;
			ok |= c >= lo && c <= hi;
		} else {
			ok |= c == lo;
		}
	}
	if (*s != ']') {
		*end = NULL;
		return 0;
	}
	*end = s + 1;
	return ok != neg;
}

int pmatch(const char *p, const char *s)
{
	for (;;) {
		const char *end;

		switch (*p) {
		case 0:
			return !*s;
		case '*':
			while (*p == '*')
				p++;
			if (!*p)
				return 1;
			for (; *s; s++)
				if (pmatch(p, s))
					return 1;
			return pmatch(p, s);
		case '?':
			if (!*s)
				return 0;
			p++;
			s++;
			break;
		case '[':
			if (!*s)
				return 0;
			if (bracket(p, (unsigned char)*s, &end)) {
				p = end;
				s++;
				break;
			}
			if (end)
				return 0;
			if (*s != '[')
				return 0;
			p++;
			s++;
			break;
		case '\\':
			if (p[1])
				p++;
			/* fall through */
		default:
			if (*p != *s)
				return 0;
			p++;
			s++;
		}
	}
}

/* Has the pattern an unescaped * ? or [ ? */
int has_glob_chars(const char *p)
{
	for (; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (*p == '*' || *p == '?' || *p == '[')
			return 1;
	}
	return 0;
}

char *pat_unescape(const char *p)
{
	struct str b = { 0 };

	for (; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		str_addc(&b, *p);
	}
	str_addn(&b, "", 0);
	return str_done(&b);
}

struct matches {
	char **v;
	int n, cap;
};

static void add_match(struct matches *m, char *s)
{
	if (m->n + 1 >= m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->v = xrealloc(m->v, m->cap * sizeof(char *));
	}
	m->v[m->n++] = s;
}

/* dir: the path so far ("" or ending in "/"); pat: the rest of the pattern */
static void glob_dir(const char *dir, const char *pat, struct matches *m)
{
	const char *slash = strchr(pat, '/');
	size_t seglen = slash ? (size_t)(slash - pat) : strlen(pat);
	char *seg = xstrndup(pat, seglen);
	struct stat st;

	if (!has_glob_chars(seg)) {
		char *lit = pat_unescape(seg);
		char *path = xmalloc(strlen(dir) + strlen(lit) + 2);

		strcpy(path, dir);
		strcat(path, lit);
		free(lit);
		if (!slash) {
			if (!lstat(path, &st))
				add_match(m, path);
			else
				free(path);
		} else {
			strcat(path, "/");
			glob_dir(path, slash + 1, m);
			free(path);
		}
	} else {
		DIR *d = opendir(*dir ? dir : ".");
		struct dirent *de;

		if (d) {
			while ((de = readdir(d))) {
				char *path;

				if (de->d_name[0] == '.' && seg[0] != '.' &&
				    !(seg[0] == '\\' && seg[1] == '.'))
					continue;
				if (!pmatch(seg, de->d_name))
					continue;
				path = xmalloc(strlen(dir) + strlen(de->d_name) + 2);
				strcpy(path, dir);
				strcat(path, de->d_name);
				if (!slash) {
					add_match(m, path);
				} else {
					if (!stat(path, &st) && S_ISDIR(st.st_mode)) {
						strcat(path, "/");
						glob_dir(path, slash + 1, m);
					}
					free(path);
				}
			}
			closedir(d);
		}
	}
	free(seg);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted paths matching pat (n = 0 if none). */
char **glob_expand(const char *pat, int *n)
{
	struct matches m = { 0 };
	const char *p = pat;
	char *dir = xstrdup("");

	while (*p == '/')
		p++;
	if (p != pat) {
		free(dir);
		dir = xstrndup(pat, p - pat);
	}
	if (*p)
		glob_dir(dir, p, &m);
	free(dir);
	if (m.n)
		qsort(m.v, m.n, sizeof(char *), cmp_str);
	*n = m.n;
	return m.v;
}
