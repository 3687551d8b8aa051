// SPDX-License-Identifier: GPL-2.0
/*
 * sort: sorts, merges (-m) or checks (-c, -C) lines. Keys (-k POS1[,POS2], POS = F[.C][bdfhnr])
 * are compared in turn, then, unless -s or -u, the whole lines byte by byte as a last resort.
 * Fields are split at each -t character, or else where blanks begin (the blanks belong to
 * the next field, unless b). -n compares numbers, -h numbers with K/M/G... suffixes, -f folds
 * case, -d only blanks and alphanumerics, -r reverses, -u keeps the first of equal lines.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcu.h"

#define K_BLANK_START 1
#define K_BLANK_END 2
#define K_NUMERIC 4
#define K_HUMAN 8
#define K_FOLD 16
#define K_DICT 32
#define K_REVERSE 64

struct key {
	long sf, sc, ef, ec; /* start field/char (1-based), end field/char (0: to the end) */
	int flags;
};

static struct key *keys;
static int nkeys;
static int global_flags, stable, unique;
static int tab = -1;

struct line {
	char *s;
	size_t len;
};

static int parse_flags(const char **p)
{
	int f = 0;

	for (; **p; (*p)++) {
		switch (**p) {
		case 'b':
			f |= K_BLANK_START | K_BLANK_END;
			break;
		case 'n':
			f |= K_NUMERIC;
			break;
		case 'h':
			f |= K_HUMAN;
			break;
		case 'f':
			f |= K_FOLD;
			break;
		case 'd':
			f |= K_DICT;
			break;
		case 'r':
			f |= K_REVERSE;
			break;
		default:
			return f;
		}
	}
	return f;
}

static void add_key(const char *spec)
{
	struct key k = { 0 };
	const char *p = spec;
	char *end;

	k.sf = strtol(p, &end, 10);
	if (end == p || k.sf < 1)
		goto bad;
	p = end;
	if (*p == '.') {
		k.sc = strtol(p + 1, &end, 10);
		if (end == p + 1 || k.sc < 1)
			goto bad;
		p = end;
	}
	int f = parse_flags(&p);

	/* b on the start position only skips the start's blanks */
	k.flags |= f & ~K_BLANK_END;
	if (*p == ',') {
		p++;
		k.ef = strtol(p, &end, 10);
		if (end == p || k.ef < 1)
			goto bad;
		p = end;
		if (*p == '.') {
			k.ec = strtol(p + 1, &end, 10);
			if (end == p + 1)
				goto bad;
			p = end;
		}
		f = parse_flags(&p);
		k.flags |= f & ~K_BLANK_START;
	}
	if (*p)
		goto bad;
	keys = realloc(keys, (nkeys + 1) * sizeof(*keys));
	keys[nkeys++] = k;
	return;
bad:
	cu_die(2, "invalid key specification '%s'", spec);
}

/* The start of field f (1-based) of s, or s+len when there are fewer fields. */
static const char *field_start(const char *s, const char *e, long f)
{
	while (--f > 0 && s < e) {
		if (tab >= 0) {
			const char *t = memchr(s, tab, e - s);

			s = t ? t + 1 : e;
		} else {
			while (s < e && isblank((unsigned char)*s))
				s++;
			while (s < e && !isblank((unsigned char)*s))
				s++;
		}
	}
	return s;
}

static const char *field_end(const char *s, const char *e)
{
	if (tab >= 0) {
		const char *t = memchr(s, tab, e - s);

		return t ? t : e;
	}
	while (s < e && isblank((unsigned char)*s))
		s++;
	while (s < e && !isblank((unsigned char)*s))
		s++;
	return s;
}

static void key_span(const struct line *l, const struct key *k, const char **ks, const char **ke)
{
	const char *s = l->s, *e = l->s + l->len;
	const char *a = field_start(s, e, k->sf);

	if (k->flags & K_BLANK_START)
		while (a < e && isblank((unsigned char)*a))
			a++;
	if (k->sc)
		a = (long)(e - a) > k->sc - 1 ? a + k->sc - 1 : e;
	const char *b = e;

	if (k->ef) {
		b = field_start(s, e, k->ef);
		if (k->ec) {
			if (k->flags & K_BLANK_END)
				while (b < e && isblank((unsigned char)*b))
					b++;
			b = (long)(e - b) > k->ec ? b + k->ec : e;
		} else {
			b = field_end(b, e);
		}
	}
	if (b < a)
		b = a;
	*ks = a;
	*ke = b;
}

static int num_cmp(const char *a, const char *ae, const char *b, const char *be, int human)
{
	/* sign, integer digits without leading zeros, fraction: compared as strings */
	struct num {
		int neg, suffix;
		const char *i, *ie, *f, *fe;
	} n[2];
	const char *ptr[2][2] = { { a, ae }, { b, be } };

	for (int k = 0; k < 2; k++) {
		const char *p = ptr[k][0], *e = ptr[k][1];

		while (p < e && isblank((unsigned char)*p))
			p++;
		n[k].neg = p < e && *p == '-';
		if (n[k].neg)
			p++;
		while (p < e && *p == '0')
			p++;
		n[k].i = p;
		while (p < e && isdigit((unsigned char)*p))
			p++;
		n[k].ie = p;
		n[k].f = n[k].fe = p;
		if (p < e && *p == '.') {
			n[k].f = ++p;
			while (p < e && isdigit((unsigned char)*p))
				p++;
			n[k].fe = p;
			while (n[k].fe > n[k].f && n[k].fe[-1] == '0')
				n[k].fe--;
		}
		n[k].suffix = 0;
		if (human && p < e) {
			const char *u = strchr("KMGTPEZY", toupper((unsigned char)*p));

			if (*p == 'k' || (u && *p))
				n[k].suffix = *p == 'k' ? 1 : (int)(u - "KMGTPEZY") + 1;
		}
		/* -0 is 0 */
		if (n[k].i == n[k].ie && n[k].f == n[k].fe)
			n[k].neg = 0;
	}
	int sign = 1;

	if (n[0].neg != n[1].neg)
		return n[0].neg ? -1 : 1;
	if (n[0].neg)
		sign = -1;
	if (human && n[0].suffix != n[1].suffix)
		return sign * (n[0].suffix < n[1].suffix ? -1 : 1);
	long la = n[0].ie - n[0].i, lb = n[1].ie - n[1].i;

	if (la != lb)
		return sign * (la < lb ? -1 : 1);
	int c = memcmp(n[0].i, n[1].i, la);

	if (c)
		return sign * c;
	for (const char *x = n[0].f, *y = n[1].f;; x++, y++) {
		int dx = x < n[0].fe ? *x : '0' - 1, dy = y < n[1].fe ? *y : '0' - 1;

		if (x >= n[0].fe && y >= n[1].fe)
			return 0;
		if (dx != dy)
			return sign * (dx < dy ? -1 : 1);
	}
}

static int text_cmp(const char *a, const char *ae, const char *b, const char *be, int flags)
{
	for (;;) {
		if (flags & K_DICT) {
			while (a < ae && !isalnum((unsigned char)*a) && !isblank((unsigned char)*a))
				a++;
			while (b < be && !isalnum((unsigned char)*b) && !isblank((unsigned char)*b))
				b++;
		}
		if (a >= ae || b >= be)
			return (a < ae) - (b < be);
		int x = (unsigned char)*a++, y = (unsigned char)*b++;

		if (flags & K_FOLD) {
			x = toupper(x);
			y = toupper(y);
		}
		if (x != y)
			return x < y ? -1 : 1;
	}
}

static int key_cmp(const struct line *x, const struct line *y)
{
	for (int i = 0; i < nkeys; i++) {
		const struct key *k = &keys[i];
		const char *as, *ae, *bs, *be;
		int c;

		key_span(x, k, &as, &ae);
		key_span(y, k, &bs, &be);
		if (k->flags & (K_NUMERIC | K_HUMAN))
			c = num_cmp(as, ae, bs, be, k->flags & K_HUMAN);
		else
			c = text_cmp(as, ae, bs, be, k->flags);
		if (c)
			return k->flags & K_REVERSE ? -c : c;
	}
	return 0;
}

static int line_cmp(const struct line *x, const struct line *y)
{
	int c = key_cmp(x, y);

	if (c || stable || unique)
		return c;
	size_t n = x->len < y->len ? x->len : y->len;

	c = memcmp(x->s, y->s, n);
	if (!c)
		c = (x->len > n) - (y->len > n);
	return global_flags & K_REVERSE ? -c : c;
}

static void msort(struct line *v, struct line *tmp, size_t n)
{
	if (n < 2)
		return;
	size_t h = n / 2;

	msort(v, tmp, h);
	msort(v + h, tmp, n - h);
	size_t i = 0, j = h, k = 0;

	while (i < h && j < n)
		tmp[k++] = line_cmp(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof(*v));
}

static struct line *lines;
static size_t nlines, cap;

static int read_file(const char *name)
{
	FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;
	char *buf = NULL;
	size_t bcap = 0;
	ssize_t len;

	if (!f) {
		cu_warn_errno(name);
		return -1;
	}
	while ((len = getline(&buf, &bcap, f)) > 0) {
		if (buf[len - 1] == '\n')
			len--;
		if (nlines == cap) {
			cap = cap ? cap * 2 : 1024;
			lines = realloc(lines, cap * sizeof(*lines));
			if (!lines)
				cu_die(2, "out of memory");
		}
		lines[nlines].s = malloc(len + 1);
		if (!lines[nlines].s)
			cu_die(2, "out of memory");
		memcpy(lines[nlines].s, buf, len);
		lines[nlines].s[len] = 0;
		lines[nlines++].len = len;
	}
	int err = ferror(f);

	if (err)
		cu_warn_errno(name);
	free(buf);
	if (f != stdin)
		fclose(f);
	return err ? -1 : 0;
}

int main(int argc, char **argv)
{
	static char *dash[] = { "-", NULL };
	int opt, check = 0, quiet_check = 0;
	const char *outname = NULL;

	cu_init(argc, argv,
		"[-bcCdfhmnrsu] [-k KEY]... [-t CHAR] [-o FILE] [FILE]...\nSort lines "
		"of text.\n  -k F[.C][OPTS][,F[.C][OPTS]]  sort by a key\n  -t CHAR  field "
		"separator\n  -n  numeric\n  -h  human-readable numbers (2K, 1G)\n  -r  reverse\n"
		"  -u  only the first of equal lines\n  -s  stable: no last-resort comparison\n"
		"  -b  ignore leading blanks\n  -f  fold case\n  -d  dictionary order\n  -c  check "
		"order (-C quietly)\n  -m  merge sorted files\n  -o FILE  output to FILE\n");
	while ((opt = getopt(argc, argv, "bcCdfhmnrsuk:t:o:")) != -1) {
		switch (opt) {
		case 'b':
			global_flags |= K_BLANK_START | K_BLANK_END;
			break;
		case 'd':
			global_flags |= K_DICT;
			break;
		case 'f':
			global_flags |= K_FOLD;
			break;
		case 'h':
			global_flags |= K_HUMAN;
			break;
		case 'n':
			global_flags |= K_NUMERIC;
			break;
		case 'r':
			global_flags |= K_REVERSE;
			break;
		case 'c':
			check = 1;
			break;
		case 'C':
			check = quiet_check = 1;
			break;
		case 'm':
			break; /* sorting merged input gives the same answer */
		case 's':
			stable = 1;
			break;
		case 'u':
			unique = 1;
			break;
		case 'k':
			add_key(optarg);
			break;
		case 'o':
			outname = optarg;
			break;
		case 't':
			if (strlen(optarg) != 1 && strcmp(optarg, "\\0"))
				cu_die(2, "multi-character tab '%s'", optarg);
			tab = strcmp(optarg, "\\0") ? (unsigned char)*optarg : 0;
			break;
		default:
			cu_usage(2);
		}
	}
	/* Keys without their own ordering options take the global ones. */
	for (int i = 0; i < nkeys; i++)
		if (!(keys[i].flags & ~(K_BLANK_START | K_BLANK_END)))
			keys[i].flags |= global_flags;
	if (!nkeys) {
		struct key whole = { 1, 0, 0, 0, global_flags };

		keys = malloc(sizeof(*keys));
		keys[nkeys++] = whole;
	}
	char **files = optind < argc ? argv + optind : dash;

	for (; *files; files++)
		if (read_file(*files))
			return 2;
	if (check) {
		for (size_t i = 1; i < nlines; i++) {
			int c = line_cmp(&lines[i - 1], &lines[i]);

			if (c > 0 || (unique && c == 0)) {
				if (!quiet_check)
					fprintf(stderr, "%s: %s:%zu: disorder: %s\n", prog_name,
						optind < argc ? argv[optind] : "-", i + 1,
						lines[i].s);
				return 1;
			}
		}
		return 0;
	}
	struct line *tmp = malloc((nlines + 1) * sizeof(*tmp));

	msort(lines, tmp, nlines);
	FILE *out = stdout;

	/* -o may name an input: everything has been read by now */
	if (outname && !(out = fopen(outname, "w"))) {
		cu_warn_errno(outname);
		return 2;
	}
	for (size_t i = 0; i < nlines; i++) {
		if (unique && i && !key_cmp(&lines[i - 1], &lines[i]))
			continue;
		fwrite(lines[i].s, 1, lines[i].len, out);
		fputc('\n', out);
	}
	if (fflush(out) || ferror(out)) {
		cu_warn_errno(outname ? outname : "write error");
		return 2;
	}
	return 0;
}
