// SPDX-License-Identifier: GPL-2.0
/*
 * wc: newline, word and byte (or character) counts of each file, and a total line when
 * there are several. Without options: -lwc. The column width follows GNU's rule so the
 * output matches it: wide enough for the largest count (the total bytes of regular files),
 * at least 7 when standard input is read or a file is not regular, and no padding at all for
 * a single count of a single file.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libcu.h"

struct counts {
	unsigned long long lines, words, bytes, chars;
};

static int opt_l, opt_w, opt_c, opt_m;

static int count_fd(int fd, struct counts *c)
{
	static unsigned char buf[65536];
	int in_word = 0;
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c->bytes += n;
		for (ssize_t i = 0; i < n; i++) {
			unsigned char ch = buf[i];

			if (ch == '\n')
				c->lines++;
			/* characters: every byte that does not continue a UTF-8 sequence */
			if ((ch & 0xc0) != 0x80)
				c->chars++;
			if (isspace(ch)) {
				in_word = 0;
			} else if (!in_word) {
				in_word = 1;
				c->words++;
			}
		}
	}
	return 0;
}

static void print_counts(const struct counts *c, int width, const char *name)
{
	const char *sep = "";

	if (opt_l) {
		printf("%*llu", width, c->lines);
		sep = " ";
	}
	if (opt_w) {
		printf("%s%*llu", sep, width, c->words);
		sep = " ";
	}
	if (opt_m) {
		printf("%s%*llu", sep, width, c->chars);
		sep = " ";
	}
	if (opt_c) {
		printf("%s%*llu", sep, width, c->bytes);
		sep = " ";
	}
	if (name)
		printf(" %s", name);
	putchar('\n');
}

int main(int argc, char **argv)
{
	static char *dash[] = { "-", NULL };
	struct counts total = { 0 };
	int opt, status = 0;

	cu_init(argc, argv,
		"[-c|-m] [-lw] [FILE]...\nPrint newline, word and byte counts.\n"
		"  -l  lines\n  -w  words\n  -c  bytes\n  -m  characters\n");
	while ((opt = getopt(argc, argv, "lwcm")) != -1) {
		switch (opt) {
		case 'l':
			opt_l = 1;
			break;
		case 'w':
			opt_w = 1;
			break;
		case 'c':
			opt_c = 1;
			opt_m = 0;
			break;
		case 'm':
			opt_m = 1;
			opt_c = 0;
			break;
		default:
			cu_usage(1);
		}
	}
	if (!opt_l && !opt_w && !opt_c && !opt_m)
		opt_l = opt_w = opt_c = 1;
	int nfiles = argc - optind;
	char **files = nfiles ? argv + optind : dash;
	int nsel = opt_l + opt_w + opt_c + opt_m, width = 1, nonregular = 0;
	unsigned long long size_sum = 0;

	for (char **f = files; *f; f++) {
		struct stat st;

		if (!strcmp(*f, "-") ? fstat(0, &st) : stat(*f, &st))
			continue;
		if (S_ISREG(st.st_mode))
			size_sum += st.st_size;
		else
			nonregular = 1;
	}
	for (unsigned long long v = size_sum; v >= 10; v /= 10)
		width++;
	if (nonregular && width < 7)
		width = 7;
	if (nsel == 1 && nfiles <= 1)
		width = 1;
	for (char **f = files; *f; f++) {
		struct counts c = { 0 };
		int fd = cu_open_in(*f);

		if (fd < 0) {
			cu_warn_errno(*f);
			status = 1;
			continue;
		}
		if (count_fd(fd, &c)) {
			cu_warn_errno(*f);
			status = 1;
		}
		if (fd)
			close(fd);
		print_counts(&c, width, nfiles ? *f : NULL);
		total.lines += c.lines;
		total.words += c.words;
		total.bytes += c.bytes;
		total.chars += c.chars;
	}
	if (nfiles > 1)
		print_counts(&total, width, "total");
	return fflush(stdout) ? 1 : status;
}
