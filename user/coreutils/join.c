// SPDX-License-Identifier: GPL-2.0
/*
 * join: a relational join of two files sorted on their join fields. Both are read a group
 * (a run of lines with the same key) at a time; equal keys write every pairing, a smaller
 * key is unpaired (written with -a, or alone with -v). Fields are separated by runs of
 * blanks (leading blanks ignored) or, with -t C, by each C; output fields by a space or C.
 * -o LIST picks fields (0 the join field, F.N one of a file's), missing ones written as -e's
 * string. --check-order makes an out-of-order key an error.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "libcu.h"

struct field {
	const char *s;
	size_t len;
};

struct line {
	char *buf;
	struct field *f;
	size_t nf;
};

struct input {
	FILE *fp;
	const char *name;
	int jf; /* join field, 0-based */
	struct line *group;
	size_t ng, cap;
	long lineno;
	char *prev_key;
	size_t prev_len;
	int warned;
};

static int tab = -1; /* -t character, -1 for blanks */
static int ignore_case, print_unpaired[2], only_unpaired, check_order = -1, header;
static int delim = '\n';
static const char *empty;
static struct {
	int file, field; /* file 0 = the join field */
} outspec[256];
static int nout = -1;
static int status, seen_unpairable, autoformat;
static size_t auto_nf[2];

static void split(struct line *l)
{
	size_t cap = 8;
	char *p = l->buf;

	l->f = malloc(cap * sizeof(*l->f));
	l->nf = 0;
	if (tab < 0) {
		for (;;) {
			while (*p == ' ' || *p == '\t')
				p++;
			if (!*p)
				break;
			char *s = p;

			while (*p && *p != ' ' && *p != '\t')
				p++;
			if (l->nf == cap)
				l->f = realloc(l->f, (cap *= 2) * sizeof(*l->f));
			l->f[l->nf++] = (struct field){ s, (size_t)(p - s) };
		}
		return;
	}
	if (!*p)
		return; /* an empty line has no fields at all */
	for (;;) {
		char *s = p;

		while (*p && *p != tab)
			p++;
		if (l->nf == cap)
			l->f = realloc(l->f, (cap *= 2) * sizeof(*l->f));
		l->f[l->nf++] = (struct field){ s, (size_t)(p - s) };
		if (!*p)
			break;
		p++;
	}
}

static int read_line(struct input *in, struct line *l)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n = getdelim(&buf, &cap, delim, in->fp);

	if (n < 0) {
		free(buf);
		return 0;
	}
	if (n && buf[n - 1] == delim)
		buf[n - 1] = 0;
	l->buf = buf;
	split(l);
	in->lineno++;
	return 1;
}

static void free_line(struct line *l)
{
	free(l->buf);
	free(l->f);
}

static struct field key(const struct line *l, int jf)
{
	if ((size_t)jf < l->nf)
		return l->f[jf];
	return (struct field){ "", 0 };
}

static int keycmp(struct field a, struct field b)
{
	size_t n = a.len < b.len ? a.len : b.len;
	int c = ignore_case ? strncasecmp(a.s, b.s, n) : memcmp(a.s, b.s, n);

	if (c)
		return c;
	return a.len < b.len ? -1 : a.len > b.len;
}

/*
 * Checks that keys do not go down: GNU's message, fatal with --check-order; by default only
 * once some line has turned out unpairable.
 */
static void order(struct input *in, const struct line *l)
{
	struct field k = key(l, in->jf);

	if (in->prev_key && (check_order == 1 || (check_order < 0 && seen_unpairable)) &&
	    !in->warned && keycmp((struct field){ in->prev_key, in->prev_len }, k) > 0) {
		fflush(stdout);
		fprintf(stderr, "%s: %s:%ld: is not sorted: %s\n", prog_name, in->name, in->lineno,
			l->buf);
		in->warned = 1;
		if (check_order == 1)
			exit(1);
		status = 1;
	}
	free(in->prev_key);
	in->prev_key = malloc(k.len + 1);
	memcpy(in->prev_key, k.s, k.len);
	in->prev_len = k.len;
}

static int get_line(struct input *in, struct line *l)
{
	if (!read_line(in, l))
		return 0;
	order(in, l);
	return 1;
}

/* Reads a line into the sequence: after the others, or (restart) as its only line. */
static int advance(struct input *in, int restart)
{
	if (restart) {
		for (size_t i = 0; i < in->ng; i++)
			free_line(&in->group[i]);
		in->ng = 0;
	}
	if (in->ng == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 4;
		in->group = realloc(in->group, in->cap * sizeof(*in->group));
	}
	if (!get_line(in, &in->group[in->ng]))
		return 0;
	in->ng++;
	return 1;
}

static void put_field(struct field f, int *first)
{
	if (!*first)
		putchar(tab < 0 ? ' ' : tab);
	*first = 0;
	if (!f.len && empty) /* -e fills empty fields too */
		fputs(empty, stdout);
	else
		fwrite(f.s, 1, f.len, stdout);
}

static void put_empty(int *first)
{
	put_field((struct field){ empty ? empty : "", empty ? strlen(empty) : 0 }, first);
}

/* One output line from l1 and/or l2 (NULL for the missing one of an unpaired line). */
static void output(const struct line *l1, const struct line *l2, int jf1, int jf2)
{
	int first = 1;

	if (nout >= 0) {
		for (int i = 0; i < nout; i++) {
			const struct line *l = outspec[i].file == 2 ? l2 : l1;

			if (!outspec[i].file) {
				const struct line *j = l1 ? l1 : l2;
				struct field k = key(j, l1 ? jf1 : jf2);

				if ((size_t)(l1 ? jf1 : jf2) < j->nf)
					put_field(k, &first);
				else
					put_empty(&first);
				continue;
			}
			if (l && (size_t)outspec[i].field < l->nf)
				put_field(l->f[outspec[i].field], &first);
			else
				put_empty(&first);
		}
	} else {
		const struct line *j = l1 ? l1 : l2;
		int jf = l1 ? jf1 : jf2;

		if ((size_t)jf < j->nf)
			put_field(j->f[jf], &first);
		else
			put_empty(&first);
		for (int k = 0; k < 2; k++) {
			const struct line *l = k ? l2 : l1;

			if (!l)
				continue;
			for (size_t i = 0; i < l->nf; i++)
				if ((int)i != (k ? jf2 : jf1))
					put_field(l->f[i], &first);
		}
	}
	putchar(delim);
}

static int field_number(const char *s, const char *what)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v < 1 || v > 1000000) {
		fflush(stdout);
		fprintf(stderr, "%s: invalid field number: '%s'\n", prog_name, s);
		exit(1);
	}
	(void)what;
	return (int)v - 1;
}

static void parse_outspec(const char *s)
{
	char *copy = strdup(s), *save, *tok;

	if (nout < 0)
		nout = 0;
	for (tok = strtok_r(copy, ", \t", &save); tok; tok = strtok_r(NULL, ", \t", &save)) {
		if (nout == 256)
			cu_die(1, "too many output fields");
		if (!strcmp(tok, "0")) {
			outspec[nout].file = 0;
		} else if ((tok[0] == '1' || tok[0] == '2') && tok[1] == '.') {
			outspec[nout].file = tok[0] - '0';
			outspec[nout].field = field_number(tok + 2, "field");
		} else {
			fflush(stdout);
			fprintf(stderr,
				tok[0] == '0' || tok[0] == '1' || tok[0] == '2'
					? "%s: invalid field specifier: '%s'\n"
					: "%s: invalid file number in field spec: '%s'\n",
				prog_name, tok);
			exit(1);
		}
		nout++;
	}
	free(copy);
}

static int file_number(const char *s)
{
	if (strcmp(s, "1") && strcmp(s, "2")) {
		fflush(stdout);
		fprintf(stderr, "%s: invalid field number: '%s'\n", prog_name, s);
		exit(1);
	}
	return s[0] - '1';
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "ignore-case", no_argument, NULL, 'i' },
		{ "check-order", no_argument, NULL, 'C' },
		{ "nocheck-order", no_argument, NULL, 'c' },
		{ "header", no_argument, NULL, 'H' },
		{ "zero-terminated", no_argument, NULL, 'z' },
		{ NULL, 0, NULL, 0 },
	};
	int opt, jf[2] = { 0, 0 };

	cu_init(argc, argv,
		"[OPTION]... FILE1 FILE2\nJoin the lines of two files sorted on a common field.\n"
		"  -1 FIELD  join on FIELD of file 1\n  -2 FIELD  join on FIELD of file 2\n"
		"  -j FIELD  join on FIELD of both\n"
		"  -a FILENUM  also write the unpairable lines of file FILENUM (1 or 2)\n"
		"  -v FILENUM  write only the unpairable lines of file FILENUM\n"
		"  -e EMPTY  write EMPTY for missing fields\n"
		"  -o LIST  write the fields of LIST: 0 (the join field) or FILENUM.FIELD\n"
		"  -t CHAR  fields are separated by CHAR\n  -i  ignore case in keys\n"
		"  --check-order, --nocheck-order, --header, -z\n");
	while ((opt = getopt_long(argc, argv, "1:2:j:a:v:e:o:t:iz", longopts, NULL)) != -1) {
		switch (opt) {
		case '1':
			jf[0] = field_number(optarg, "1");
			break;
		case '2':
			jf[1] = field_number(optarg, "2");
			break;
		case 'j':
			jf[0] = jf[1] = field_number(optarg, "j");
			break;
		case 'a':
			print_unpaired[file_number(optarg)] = 1;
			break;
		case 'v':
			print_unpaired[file_number(optarg)] = 1;
			only_unpaired = 1;
			break;
		case 'e':
			empty = optarg;
			break;
		case 'o':
			if (!strcmp(optarg, "auto"))
				autoformat = 1;
			else
				parse_outspec(optarg);
			break;
		case 't':
			if (strlen(optarg) > 1)
				cu_die(1, "multi-character tab '%s'", optarg);
			tab = (unsigned char)optarg[0];
			if (!tab)
				tab = '\n'; /* -t '': the whole line is the field */
			break;
		case 'i':
			ignore_case = 1;
			break;
		case 'C':
			check_order = 1;
			break;
		case 'c':
			check_order = 0;
			break;
		case 'H':
			header = 1;
			break;
		case 'z':
			delim = 0;
			break;
		default:
			cu_usage(1);
		}
	}
	if (argc - optind != 2) {
		if (argc - optind < 2)
			cu_warn(argc - optind ? "missing operand after '%s'" : "missing operand",
				argv[argc - 1]);
		else
			cu_warn("extra operand '%s'", argv[optind + 2]);
		fprintf(stderr, "Try '%s --help' for more information.\n", prog_name);
		return 1;
	}
	struct input in[2] = { 0 };

	for (int k = 0; k < 2; k++) {
		const char *name = argv[optind + k];

		in[k].name = name;
		in[k].jf = jf[k];
		in[k].fp = strcmp(name, "-") ? fopen(name, "r") : stdin;
		if (!in[k].fp) {
			cu_warn_errno(name);
			return 1;
		}
	}
	advance(&in[0], 1);
	advance(&in[1], 1);
	if (autoformat) {
		auto_nf[0] = in[0].ng ? in[0].group[0].nf : 0;
		auto_nf[1] = in[1].ng ? in[1].group[0].nf : 0;
		nout = 0;
		outspec[nout++].file = 0;
		for (int k = 0; k < 2; k++)
			for (size_t i = 0; i < auto_nf[k] && nout < 256; i++)
				if ((int)i != jf[k]) {
					outspec[nout].file = k + 1;
					outspec[nout++].field = (int)i;
				}
	}
	if (header && (in[0].ng || in[1].ng)) {
		output(in[0].ng ? &in[0].group[0] : NULL, in[1].ng ? &in[1].group[0] : NULL, jf[0],
		       jf[1]);
		for (int k = 0; k < 2; k++) {
			free(in[k].prev_key);
			in[k].prev_key = NULL;
			if (in[k].ng)
				advance(&in[k], 1);
		}
	}
	while (in[0].ng && in[1].ng) {
		int c = keycmp(key(&in[0].group[0], jf[0]), key(&in[1].group[0], jf[1]));

		if (c) {
			int k = c > 0;

			if (print_unpaired[k])
				output(k ? NULL : &in[0].group[0], k ? &in[1].group[0] : NULL,
				       jf[0], jf[1]);
			advance(&in[k], 1);
			seen_unpairable = 1;
			continue;
		}
		/* gather each side's run of the same key; the line after it stays last */
		int eof[2] = { 0, 0 };

		for (int k = 0; k < 2; k++) {
			do {
				if (!advance(&in[k], 0)) {
					eof[k] = 1;
					break;
				}
			} while (!keycmp(key(&in[k].group[in[k].ng - 1], jf[k]),
					 key(&in[1 - k].group[0], jf[1 - k])));
		}
		size_t n0 = in[0].ng - !eof[0], n1 = in[1].ng - !eof[1];

		if (!only_unpaired)
			for (size_t i = 0; i < n0; i++)
				for (size_t j = 0; j < n1; j++)
					output(&in[0].group[i], &in[1].group[j], jf[0], jf[1]);
		for (int k = 0; k < 2; k++) {
			size_t keep = in[k].ng - 1;

			for (size_t i = 0; i < in[k].ng; i++)
				if (eof[k] || i != keep)
					free_line(&in[k].group[i]);
			if (!eof[k])
				in[k].group[0] = in[k].group[keep];
			in[k].ng = !eof[k];
		}
	}
	/* the tails: unpairable, and read to check their order unless --nocheck-order */
	for (int k = 0; k < 2; k++) {
		if (!in[k].ng ||
		    !(print_unpaired[k] || (check_order && !(in[0].warned && in[1].warned))))
			continue;
		if (print_unpaired[k])
			output(k ? NULL : &in[0].group[0], k ? &in[1].group[0] : NULL, jf[0],
			       jf[1]);
		if (in[1 - k].ng)
			seen_unpairable = 1;
		struct line l;

		while (get_line(&in[k], &l)) {
			if (print_unpaired[k])
				output(k ? NULL : &l, k ? &l : NULL, jf[0], jf[1]);
			free_line(&l);
			if (in[k].warned && !print_unpaired[k])
				break;
		}
	}
	if (fflush(stdout) || ferror(stdout)) {
		cu_warn("write error: %s", strerror(errno));
		return 1;
	}
	if (status)
		cu_warn("input is not in sorted order");
	return status;
}
