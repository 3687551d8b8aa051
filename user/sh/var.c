// SPDX-License-Identifier: GPL-2.0
/*
 * Shell variables, the positional parameters and the options of set.
 *
 * A scope is a list of saved (name, old value, old flags) to put back: the assignments
 * before a built-in or a function call, and a function's "local" variables, live in one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

#define NBUCKETS 256

static struct var *buckets[NBUCKETS];
struct params posparams;
char *arg0;
char opts[NOPTS];
/* in dash's order, which $- and set -o follow */
const char opt_letters[] = "efimnsxvCabu";
const char *const opt_names[] = {
	"errexit", "noglob",	"interactive", "monitor", "noexec",  "stdin",	 "xtrace",
	"verbose", "noclobber", "allexport",   "notify",  "nounset", "pipefail",
};

static unsigned hash(const char *s, size_t n)
{
	unsigned h = 5381;

	while (n--)
		h = h * 33 + (unsigned char)*s++;
	return h % NBUCKETS;
}

static struct var *lookup_n(const char *name, size_t n)
{
	struct var *v;

	for (v = buckets[hash(name, n)]; v; v = v->next)
		if (!strncmp(v->name, name, n) && !v->name[n])
			return v;
	return NULL;
}

struct var *var_lookup(const char *name)
{
	return lookup_n(name, strlen(name));
}

const char *var_get(const char *name)
{
	struct var *v = var_lookup(name);

	return v && !(v->flags & V_UNSET) ? v->value : NULL;
}

struct saved {
	struct saved *next;
	char *name;
	char *value; /* NULL: did not exist */
	int flags;
	int existed;
};

struct scope {
	struct scope *prev;
	struct saved *saved;
};

static struct scope *scope;
static int depth;

void var_push_scope(void)
{
	struct scope *s = xmalloc(sizeof(*s));

	s->prev = scope;
	s->saved = NULL;
	scope = s;
	depth++;
}

static void save_old(const char *name, size_t n)
{
	struct var *v = lookup_n(name, n);
	struct saved *sv;

	for (sv = scope->saved; sv; sv = sv->next)
		if (!strncmp(sv->name, name, n) && !sv->name[n])
			return;
	sv = xmalloc(sizeof(*sv));
	sv->name = xstrndup(name, n);
	sv->existed = v != NULL;
	sv->value = v && v->value ? xstrdup(v->value) : NULL;
	sv->flags = v ? v->flags : 0;
	sv->next = scope->saved;
	scope->saved = sv;
}

void var_pop_scope(void)
{
	struct scope *s = scope;
	struct saved *sv, *next;

	if (!s)
		return;
	for (sv = s->saved; sv; sv = next) {
		struct var *v = var_lookup(sv->name);

		next = sv->next;
		if (!sv->existed) {
			if (v) {
				v->flags &= ~V_READONLY;
				var_unset(sv->name);
			}
		} else {
			if (!v) {
				var_set(sv->name, sv->value ? sv->value : "", 0);
				v = var_lookup(sv->name);
			}
			free(v->value);
			v->value = sv->value ? sv->value : xstrdup("");
			v->flags = sv->flags;
			sv->value = NULL;
		}
		free(sv->name);
		free(sv->value);
		free(sv);
	}
	scope = s->prev;
	free(s);
	depth--;
}

int var_scope_depth(void)
{
	return depth;
}

void var_make_local(const char *name)
{
	if (scope)
		save_old(name, strlen(name));
}

static void special_hook(const char *name, size_t n)
{
	if (n == 4 && !strncmp(name, "PATH", 4))
		hash_clear();
}

int var_setv(const char *name, size_t n, const char *value, int flags)
{
	struct var *v = lookup_n(name, n);

	if (v && (v->flags & V_READONLY) && !(flags & V_READONLY && !value))
		return -1;
	if (flags & 0x100) /* a temporary assignment: remember the old value */
		save_old(name, n);
	if (!v) {
		unsigned h = hash(name, n);

		v = xmalloc(sizeof(*v));
		v->name = xstrndup(name, n);
		v->value = NULL;
		v->flags = V_UNSET;
		v->next = buckets[h];
		buckets[h] = v;
	}
	if (value) {
		char *nv = xstrdup(value);

		free(v->value);
		v->value = nv;
		v->flags &= ~V_UNSET;
	}
	v->flags |= flags & (V_EXPORT | V_READONLY);
	if (opts[OPT_A] && value)
		v->flags |= V_EXPORT;
	special_hook(name, n);
	return 0;
}

int var_set(const char *name, const char *value, int flags)
{
	return var_setv(name, strlen(name), value, flags);
}

int var_assign(const char *assign, int flags)
{
	const char *eq = strchr(assign, '=');

	if (!eq)
		return var_setv(assign, strlen(assign), NULL, flags);
	return var_setv(assign, eq - assign, eq + 1, flags);
}

void var_mark(struct var *v, int flags)
{
	v->flags |= flags;
}

int var_unset(const char *name)
{
	unsigned h = hash(name, strlen(name));
	struct var **pp, *v;

	for (pp = &buckets[h]; (v = *pp); pp = &v->next) {
		if (strcmp(v->name, name))
			continue;
		if (v->flags & V_READONLY)
			return -1;
		*pp = v->next;
		free(v->name);
		free(v->value);
		free(v);
		special_hook(name, strlen(name));
		return 0;
	}
	return 0;
}

void var_init(char **envp)
{
	for (; envp && *envp; envp++) {
		const char *eq = strchr(*envp, '=');

		if (eq && is_name(*envp, eq - *envp))
			var_assign(*envp, V_EXPORT);
	}
	if (!var_get("IFS"))
		var_set("IFS", " \t\n", 0);
	if (!var_get("PS1"))
		var_set("PS1", getuid() == 0 ? "# " : "$ ", 0);
	if (!var_get("PS2"))
		var_set("PS2", "> ", 0);
	if (!var_get("PS4"))
		var_set("PS4", "+ ", 0);
	if (!var_get("OPTIND"))
		var_set("OPTIND", "1", 0);
}

static int cmp_var(const void *a, const void *b)
{
	return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

static struct var **sorted(int *count)
{
	struct var **all = NULL, *v;
	int n = 0, i;

	for (i = 0; i < NBUCKETS; i++)
		for (v = buckets[i]; v; v = v->next) {
			all = xrealloc(all, (n + 1) * sizeof(*all));
			all[n++] = v;
		}
	if (n)
		qsort(all, n, sizeof(*all), cmp_var);
	*count = n;
	return all;
}

void var_names(name_fn fn, void *arg)
{
	for (int i = 0; i < NBUCKETS; i++)
		for (struct var *v = buckets[i]; v; v = v->next)
			fn(v->name, arg);
}

char **var_environ(void)
{
	char **env;
	int n = 0, i, j = 0;
	struct var *v;

	for (i = 0; i < NBUCKETS; i++)
		for (v = buckets[i]; v; v = v->next)
			n++;
	env = xmalloc((n + 1) * sizeof(*env));
	for (i = 0; i < NBUCKETS; i++)
		for (v = buckets[i]; v; v = v->next)
			if ((v->flags & V_EXPORT) && !(v->flags & V_UNSET)) {
				env[j] = xmalloc(strlen(v->name) + strlen(v->value) + 2);
				sprintf(env[j++], "%s=%s", v->name, v->value);
			}
	env[j] = NULL;
	return env;
}

/* set (flags 0): every variable; export -p, readonly -p: those with the flag */
void var_list(int flags, const char *prefix)
{
	int n, i;
	struct var **all = sorted(&n);

	for (i = 0; i < n; i++) {
		struct var *v = all[i];

		if (flags && !(v->flags & flags))
			continue;
		if (!flags && (v->flags & V_UNSET))
			continue;
		if (v->flags & V_UNSET) {
			outf(1, "%s%s\n", prefix, v->name);
		} else {
			char *q = single_quote(v->value);

			outf(1, "%s%s=%s\n", prefix, v->name, q);
			free(q);
		}
	}
	free(all);
}

char *dollar_minus(void)
{
	char buf[NOPTS + 1];
	int i, n = 0;

	/* dash lists them last to first */
	for (i = NOPTS - 1; i >= 0; i--)
		if (opts[i] && opt_letters[i])
			buf[n++] = opt_letters[i];
	buf[n] = 0;
	return xstrdup(buf);
}
