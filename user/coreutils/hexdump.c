// SPDX-License-Identifier: GPL-2.0
/*
 * hexdump: the BSD/util-linux dumper's fixed formats. Blocks of 16 bytes, one line per
 * format for each: -C (canonical: hex bytes in two groups of eight and the printable
 * characters between bars), -b (octal bytes), -c (characters), -d, -o, -x (two-byte
 * decimal, octal, hex words), and without any the default (hex words, narrower). A missing
 * tail is blank-padded to the full width; a block equal to the one before is one "*"
 * (not with -v); the offset after the last byte ends the dump if any byte was read.
 * -s skips and -n limits bytes. -e/-f format strings are not supported.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"

enum {
	H_DEFAULT,
	H_CANON,
	H_OCT1,
	H_CHAR,
	H_DEC2,
	H_OCT2,
	H_HEX2
};

static int fmts[16], nfmts;
static char **files;
static int nfiles, file_idx, failed, opened;
static FILE *in;

static size_t read_input(unsigned char *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		if (!in) {
			if (file_idx >= nfiles)
				break;
			const char *name = files[file_idx++];

			/* as util-linux's: "-" is a file name; no operand at all is stdin */
			if (!name) {
				in = stdin;
			} else if (!(in = fopen(name, "r"))) {
				cu_warn_errno(name);
				failed++;
				continue;
			}
			opened++;
		}
		size_t ask = n - got, r = fread(buf + got, 1, ask, in);

		got += r;
		if (r < ask) {
			if (in != stdin)
				fclose(in);
			in = NULL;
		}
	}
	return got;
}

static void put_char_unit(unsigned char c)
{
	static const char esc[] = "\a\b\f\n\r\t\v";
	const char *p = c ? strchr(esc, c) : NULL;

	if (!c)
		printf("  \\0");
	else if (p)
		printf("  \\%c", "abfnrtv"[p - esc]);
	else if (isprint(c))
		printf("   %c", c);
	else
		printf(" %03o", c);
}

static void write_line(int fmt, long long off, const unsigned char *b, int n)
{
	if (fmt == H_CANON) {
		printf("%08llx", off);
		for (int i = 0; i < 16; i++) {
			printf(i == 0 || i == 8 ? "  " : " ");
			if (i < n)
				printf("%02x", b[i]);
			else
				printf("  ");
		}
		printf("  |");
		for (int i = 0; i < n; i++)
			putchar(isprint(b[i]) ? b[i] : '.');
		printf("|\n");
		return;
	}
	printf("%07llx", off);
	if (fmt == H_OCT1 || fmt == H_CHAR) {
		for (int i = 0; i < 16; i++) {
			if (i >= n)
				printf("    ");
			else if (fmt == H_OCT1)
				printf(" %03o", b[i]);
			else
				put_char_unit(b[i]);
		}
	} else {
		for (int i = 0; i < 16; i += 2) {
			unsigned v = b[i] | (unsigned)b[i + 1] << 8;

			if (i >= n)
				printf(fmt == H_DEFAULT ? "     " : "        ");
			else if (fmt == H_DEFAULT)
				printf(" %04x", v);
			else if (fmt == H_DEC2)
				printf("   %05u", v);
			else if (fmt == H_OCT2)
				printf("  %06o", v);
			else
				printf("    %04x", v);
		}
	}
	putchar('\n');
}

static long long number(const char *s, const char *what)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 0);

	if (end == s || errno || v < 0)
		cu_die(1, "invalid %s: '%s'", what, s);
	switch (*end) {
	case 'b':
		v *= 512;
		end++;
		break;
	case 'k':
		v *= 1024;
		end++;
		break;
	case 'm':
		v *= 1024 * 1024;
		end++;
		break;
	}
	if (*end)
		cu_die(1, "invalid %s: '%s'", what, s);
	return v;
}

int main(int argc, char **argv)
{
	int opt, verbose = 0;
	long long skip = 0, limit = -1;

	cu_init(argc, argv,
		"[-bcCdovx] [-n LENGTH] [-s OFFSET] [FILE]...\nDump the FILEs (or standard input) "
		"in hexadecimal and other formats.\n"
		"  -C  canonical hex+ASCII\n  -b  one-byte octal\n  -c  one-byte characters\n"
		"  -d  two-byte decimal\n  -o  two-byte octal\n  -x  two-byte hexadecimal\n"
		"  -n LENGTH  dump LENGTH bytes\n  -s OFFSET  skip OFFSET bytes (b k m suffixes)\n"
		"  -v  write duplicate lines too (not as '*')\n");
	while ((opt = getopt(argc, argv, "bcCdoxvn:s:")) != -1) {
		int f = -1;

		switch (opt) {
		case 'b':
			f = H_OCT1;
			break;
		case 'c':
			f = H_CHAR;
			break;
		case 'C':
			f = H_CANON;
			break;
		case 'd':
			f = H_DEC2;
			break;
		case 'o':
			f = H_OCT2;
			break;
		case 'x':
			f = H_HEX2;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'n':
			limit = number(optarg, "length");
			break;
		case 's':
			skip = number(optarg, "offset");
			break;
		default:
			cu_usage(1);
		}
		if (f >= 0 && nfmts < 16)
			fmts[nfmts++] = f;
	}
	if (!nfmts)
		fmts[nfmts++] = H_DEFAULT;
	static char *none[] = { NULL };

	files = optind < argc ? argv + optind : none;
	nfiles = optind < argc ? argc - optind : 1;

	unsigned char block[16], prev[16];
	long long off = 0;
	int have_prev = 0, starred = 0;

	while (off < skip) {
		long long want = skip - off;
		size_t n = read_input(block, want < 16 ? (size_t)want : 16);

		if (!n)
			break;
		off += (long long)n;
	}
	for (;;) {
		size_t want = 16;

		if (limit >= 0 && off - skip + 16 > limit)
			want = (size_t)(limit - (off - skip));
		if (!want)
			break;
		memset(block, 0, sizeof(block));
		size_t n = read_input(block, want);

		if (!n)
			break;
		if (!verbose && have_prev && n == 16 && !memcmp(block, prev, 16)) {
			if (!starred)
				puts("*");
			starred = 1;
		} else {
			for (int i = 0; i < nfmts; i++)
				write_line(fmts[i], off, block, (int)n);
			starred = 0;
		}
		memcpy(prev, block, 16);
		have_prev = n == 16;
		off += (long long)n;
		if (n < want)
			break;
	}
	if (off)
		printf(fmts[nfmts - 1] == H_CANON ? "%08llx\n" : "%07llx\n", off);
	if (failed && !opened)
		cu_warn("all input file arguments failed");
	if (fflush(stdout) || ferror(stdout)) {
		cu_warn("write error: %s", strerror(errno));
		return 1;
	}
	return failed ? 1 : 0;
}
