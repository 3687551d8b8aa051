// SPDX-License-Identifier: GPL-2.0
/*
 * paste: joins corresponding lines of files with tabs (or the -d list, used in turn; \n \t
 * \\ \0 escapes), or with -s each file's lines into one. "-" is standard input, and when it
 * is named several times each use takes the next line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libcu.h"

static char delims[1024];
static int ndelims;

static void parse_delims(const char *s)
{
	ndelims = 0;
	for (; *s && ndelims < (int)sizeof(delims); s++) {
		char c = *s;

		if (c == '\\' && s[1]) {
			s++;
			c = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s == '0' ? 0 : *s;
		}
		delims[ndelims++] = c;
	}
}

static void put_delim(int i)
{
	char c = delims[i % ndelims];

	if (c)
		putchar(c);
}

static int read_line(FILE *f, char **line, size_t *cap)
{
	ssize_t len = getline(line, cap, f);

	if (len <= 0)
		return 0;
	if ((*line)[len - 1] == '\n')
		(*line)[len - 1] = 0;
	return 1;
}

int main(int argc, char **argv)
{
	static char *dash[] = { "-", NULL };
	int opt, serial = 0, status = 0;
	char *line = NULL;
	size_t cap = 0;

	parse_delims("\t");
	cu_init(argc, argv,
		"[-s] [-d LIST] FILE...\nJoin the lines of the FILEs side by side.\n"
		"  -d LIST  delimiters to use in turn (tab)\n  -s       one file at a time, its lines "
		"joined into one\n");
	while ((opt = getopt(argc, argv, "sd:")) != -1) {
		if (opt == 's')
			serial = 1;
		else if (opt == 'd')
			parse_delims(optarg);
		else
			cu_usage(1);
	}
	if (!ndelims)
		parse_delims("\\0");
	int n = argc - optind;
	char **names = n ? argv + optind : dash;

	if (!n)
		n = 1;
	FILE **fs = calloc(n, sizeof(*fs));

	for (int i = 0; i < n; i++) {
		fs[i] = strcmp(names[i], "-") ? fopen(names[i], "r") : stdin;
		if (!fs[i]) {
			cu_warn_errno(names[i]);
			return 1;
		}
	}
	if (serial) {
		for (int i = 0; i < n; i++) {
			int k = 0;

			while (read_line(fs[i], &line, &cap)) {
				if (k)
					put_delim(k - 1);
				fputs(line, stdout);
				k++;
			}
			putchar('\n');
		}
		return fflush(stdout) ? 1 : status;
	}
	/*
	 * A line is printed only if some file still had one: it is put together first, the
	 * delimiters included, since a finished file's empty field still gets its delimiter.
	 */
	char *out = NULL;
	size_t outcap = 0;

	for (;;) {
		size_t outlen = 0;
		int any = 0;

		for (int i = 0; i < n; i++) {
			const char *piece = "";
			char d = i ? delims[(i - 1) % ndelims] : 0;

			if (read_line(fs[i], &line, &cap)) {
				piece = line;
				any = 1;
			}
			size_t need = outlen + strlen(piece) + 2;

			if (need > outcap) {
				outcap = need * 2;
				out = realloc(out, outcap);
				if (!out)
					cu_die(1, "out of memory");
			}
			if (d)
				out[outlen++] = d;
			memcpy(out + outlen, piece, strlen(piece));
			outlen += strlen(piece);
		}
		if (!any)
			break;
		fwrite(out, 1, outlen, stdout);
		putchar('\n');
	}
	return fflush(stdout) ? 1 : status;
}
