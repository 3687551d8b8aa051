// SPDX-License-Identifier: GPL-2.0
/*
 * grep: prints the lines that match any of the patterns: basic regular expressions (-G,
 * the default), extended ones (-E) through our libc's <regex.h>, or fixed strings (-F).
 * -i ignores case, -v selects non-matching lines, -w and -x match whole words or lines, -c
 * counts, -l/-L name the files with/without a match, -o prints only the matched parts, -n
 * numbers lines, -h/-H hide/show file names, -q is quiet, -s hides file errors, -r/-R search
 * directories. A file with a NUL byte is binary: "grep: NAME: binary file matches" on standard
 * error instead of its lines, as GNU grep 3.5 and later say it (-a: as text).
 * Status: 0 a line was selected, 1 none, 2 an error (unless -q found a line).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libcu.h"

enum {
	MODE_BRE,
	MODE_ERE,
	MODE_FIXED
};

static int mode = MODE_BRE, icase, invert, words, whole_lines, count_only, list_files;
static int list_nonmatching, only_matching, line_numbers, quiet, no_messages, recursive;
static int with_names = -1, binary_text;
static long max_count = -1;
static int status = 1, errors;
static const char implicit_dot[] = "."; /* "grep -r PATTERN": names without "./" */

static char **patterns;
static int npatterns;
static regex_t *regs;

static void add_patterns(const char *text)
{
	/* each line of the text is a pattern of its own */
	const char *p = text;

	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		patterns = realloc(patterns, (npatterns + 1) * sizeof(*patterns));
		patterns[npatterns++] = strndup(p, len);
		if (!nl)
			break;
		p = nl + 1;
	}
}

static void read_pattern_file(const char *name)
{
	FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!f) {
		cu_warn_errno(name);
		exit(2);
	}
	while ((len = getline(&line, &cap, f)) >= 0) {
		if (len && line[len - 1] == '\n')
			line[--len] = 0;
		patterns = realloc(patterns, (npatterns + 1) * sizeof(*patterns));
		patterns[npatterns++] = strdup(line);
	}
	free(line);
	if (f != stdin)
		fclose(f);
}

static int is_word_char(int c)
{
	return isalnum(c) || c == '_';
}

/* A fixed string's next occurrence in line at or after start, or NULL. */
static const char *find_fixed(const char *line, const char *start, const char *pat)
{
	size_t pl = strlen(pat);

	for (const char *p = start; *p || (!pl && p == start); p++) {
		if (icase ? !strncasecmp(p, pat, pl) : !strncmp(p, pat, pl))
			return p;
		if (!*p)
			break;
	}
	return NULL;
}

/*
 * The first acceptable match of pattern i in line at or after offset from: [*so, *eo).
 * Acceptable means whole-line for -x and bounded by non-word characters for -w.
 */
static int match_one(int i, const char *line, size_t len, size_t from, size_t *so, size_t *eo)
{
	size_t pos = from;

	while (pos <= len) {
		size_t s, e;

		if (mode == MODE_FIXED) {
			const char *m = find_fixed(line, line + pos, patterns[i]);

			if (!m)
				return 0;
			s = m - line;
			e = s + strlen(patterns[i]);
		} else {
			regmatch_t rm;

			if (regexec(&regs[i], line + pos, 1, &rm, pos ? REG_NOTBOL : 0))
				return 0;
			s = pos + rm.rm_so;
			e = pos + rm.rm_eo;
		}
		int ok = 1;

		if (whole_lines)
			ok = s == 0 && e == len;
		else if (words)
			ok = (s == 0 || !is_word_char((unsigned char)line[s - 1])) &&
			     (e == len || !is_word_char((unsigned char)line[e])) && e > s;
		if (ok) {
			*so = s;
			*eo = e;
			return 1;
		}
		if (whole_lines && mode == MODE_FIXED)
			return 0;
		pos = s + 1;
	}
	return 0;
}

/* The leftmost (then longest) match of any pattern at or after from. */
static int match_any(const char *line, size_t len, size_t from, size_t *so, size_t *eo)
{
	int found = 0;

	for (int i = 0; i < npatterns; i++) {
		size_t s, e;

		if (match_one(i, line, len, from, &s, &e) &&
		    (!found || s < *so || (s == *so && e > *eo))) {
			*so = s;
			*eo = e;
			found = 1;
		}
	}
	return found;
}

static void prefix(const char *name, long lineno)
{
	if (with_names)
		printf("%s:", name);
	if (line_numbers)
		printf("%ld:", lineno);
}

/* Searches one open file; returns 1 if a line was selected. */
static int grep_fd(int fd, const char *name)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);
	ssize_t r;

	for (;;) {
		if (!buf)
			cu_die(2, "out of memory");
		r = read(fd, buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			if (!no_messages)
				cu_warn_errno(name);
			errors = 1;
			free(buf);
			return 0;
		}
		if (r == 0)
			break;
		n += r;
		if (n + 1 >= cap)
			buf = realloc(buf, cap *= 2);
		/* quiet and list modes can stop early, but only after a whole read */
	}
	buf[n] = 0;
	int has_nul = memchr(buf, 0, n) != NULL;
	int binary = !binary_text && has_nul;
	long count = 0, lineno = 0;
	char *p = buf, *end = buf + n;
	/*
	 * Matching stops at a NUL: a copy with newlines for NULs is matched instead (the
	 * patterns are compiled with REG_NEWLINE, which no line without them notices).
	 */
	char *mbuf = has_nul ? malloc(n + 1) : buf;

	if (!mbuf)
		cu_die(2, "out of memory");
	if (has_nul)
		for (size_t i = 0; i <= n; i++)
			mbuf[i] = buf[i] ? buf[i] : i < n ? '\n' : 0;

	while (p < end && (max_count < 0 || count < max_count)) {
		char *m = mbuf + (p - buf);
		char *nl = memchr(p, '\n', end - p);
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char saved = p[len];
		size_t so = 0, eo = 0;

		char msaved = m[len];

		p[len] = 0;
		m[len] = 0;
		lineno++;
		int matched = match_any(m, len, 0, &so, &eo);

		if (matched != invert) {
			count++;
			if (quiet || list_files || list_nonmatching)
				break;
			if (binary) {
				p[len] = saved;
				m[len] = msaved;
				break;
			}
			if (!count_only && only_matching && !invert) {
				size_t from = 0;

				while (from <= len && match_any(m, len, from, &so, &eo)) {
					if (eo > so) {
						prefix(name, lineno);
						fwrite(p + so, 1, eo - so, stdout);
						putchar('\n');
						from = eo;
					} else {
						from = so + 1;
					}
				}
			} else if (!count_only && !only_matching) {
				prefix(name, lineno);
				fwrite(p, 1, len, stdout);
				putchar('\n');
			}
		}
		p[len] = saved;
		m[len] = msaved;
		p += len + 1;
	}
	if (mbuf != buf)
		free(mbuf);
	free(buf);
	if (count_only) {
		if (with_names)
			printf("%s:", name);
		printf("%ld\n", count);
	} else if (list_files && count) {
		printf("%s\n", name);
	} else if (list_nonmatching && !count) {
		printf("%s\n", name);
	} else if (binary && count && !quiet) {
		cu_warn("%s: binary file matches", name);
	}
	return count > 0;
}

static void grep_path(const char *path, int top);

static void grep_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (!d) {
		if (!no_messages)
			cu_warn_errno(path);
		errors = 1;
		return;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		names = realloc(names, (n + 1) * sizeof(*names));
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	for (size_t i = 0; i < n; i++) {
		/* "grep -r x" searches "." but names files without the "./" */
		char *child = path == implicit_dot ? strdup(names[i]) : cu_join(path, names[i]);

		grep_path(child, 0);
		free(child);
		free(names[i]);
	}
	free(names);
}

static void grep_path(const char *path, int top)
{
	struct stat st;

	if (!strcmp(path, "-") && top) {
		if (grep_fd(0, "(standard input)"))
			status = 0;
		return;
	}
	/* inside a tree links are not followed (-r); -R and the operands themselves are */
	if ((top || recursive == 'R' ? stat(path, &st) : lstat(path, &st))) {
		if (!no_messages)
			cu_warn_errno(path);
		errors = 1;
		return;
	}
	if (S_ISLNK(st.st_mode))
		return;
	if (S_ISDIR(st.st_mode)) {
		if (recursive) {
			grep_dir(path);
			return;
		}
		if (!no_messages)
			cu_warn("%s: Is a directory", path);
		errors = 1;
		return;
	}
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		if (!no_messages)
			cu_warn_errno(path);
		errors = 1;
		return;
	}
	if (grep_fd(fd, path))
		status = 0;
	close(fd);
}

int main(int argc, char **argv)
{
	int opt, have_pattern = 0;

	cu_init(argc, argv,
		"[-EFGcHhiLlnoqRrsvwx] [-e PATTERN]... [-f FILE]... [PATTERN] "
		"[FILE]...\nPrint lines that match patterns.\n  -E  extended regular expressions"
		"\n  -F  fixed strings\n  -G  basic regular expressions (default)\n  -e PAT  a "
		"pattern\n  -f FILE  patterns from FILE\n  -i  ignore case\n  -v  non-matching "
		"lines\n  -w  whole words\n  -x  whole lines\n  -c  count\n  -l  names of files "
		"with a match\n  -L  names of files without one\n  -o  only the matched parts\n"
		"  -n  line numbers\n  -H  -h  with, without file names\n  -q  quiet\n  -s  no "
		"messages about files\n  -r  -R  search directories (-R follows links)\n"
		"  -a  binary files as text\n");
	while ((opt = getopt(argc, argv, "EFGcHhiyLlm:noqRrsvwxe:f:a")) != -1) {
		switch (opt) {
		case 'E':
			mode = MODE_ERE;
			break;
		case 'F':
			mode = MODE_FIXED;
			break;
		case 'G':
			mode = MODE_BRE;
			break;
		case 'c':
			count_only = 1;
			break;
		case 'H':
			with_names = 1;
			break;
		case 'h':
			with_names = 0;
			break;
		case 'i':
		case 'y':
			icase = 1;
			break;
		case 'L':
			list_nonmatching = 1;
			list_files = 0;
			break;
		case 'l':
			list_files = 1;
			list_nonmatching = 0;
			break;
		case 'n':
			line_numbers = 1;
			break;
		case 'm': {
			char *e;

			max_count = strtol(optarg, &e, 10);
			if (e == optarg || *e)
				cu_die(2, "invalid max count");
			break;
		}
		case 'o':
			only_matching = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'R':
		case 'r':
			recursive = opt;
			break;
		case 's':
			no_messages = 1;
			break;
		case 'v':
			invert = 1;
			break;
		case 'w':
			words = 1;
			break;
		case 'x':
			whole_lines = 1;
			break;
		case 'a':
			binary_text = 1;
			break;
		case 'e':
			add_patterns(optarg);
			have_pattern = 1;
			break;
		case 'f':
			read_pattern_file(optarg);
			have_pattern = 1;
			break;
		default:
			cu_usage(2);
		}
	}
	if (!have_pattern) {
		if (optind >= argc)
			cu_usage(2);
		add_patterns(argv[optind++]);
	}
	regs = calloc(npatterns, sizeof(*regs));
	for (int i = 0; mode != MODE_FIXED && i < npatterns; i++) {
		int flags = (mode == MODE_ERE ? REG_EXTENDED : 0) | (icase ? REG_ICASE : 0) |
			    REG_NEWLINE;
		int err = regcomp(&regs[i], patterns[i], flags);

		if (err) {
			char msg[256];

			regerror(err, &regs[i], msg, sizeof(msg));
			cu_die(2, "%s", msg);
		}
	}
	int nfiles = argc - optind;

	if (with_names < 0)
		with_names = nfiles > 1 || recursive;
	if (!nfiles) {
		if (recursive)
			grep_path(implicit_dot, 1);
		else
			grep_path("-", 1);
	}
	for (int i = optind; i < argc; i++) {
		grep_path(argv[i], 1);
		if (quiet && status == 0)
			break;
	}
	if (fflush(stdout))
		return 2;
	if (quiet && status == 0)
		return 0;
	return errors ? 2 : status;
}
