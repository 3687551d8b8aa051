// SPDX-License-Identifier: GPL-2.0
/*
 * od: dumps files in octal, hexadecimal, decimal or as characters. The input (the files one
 * after the other, after -j bytes, at most -N) is cut into blocks of 16 bytes (-w); each
 * block is one line per -t type, the first preceded by its offset (-A). As GNU does, the
 * columns of all types line up: each type's line is as wide as the widest, the spare
 * spaces spread over its fields; a block equal to the one before is written as one "*"
 * (not with -v). Multi-byte values are in the machine's (little-endian) order.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"

struct spec {
	char kind; /* a c d o u x */
	int size, width, pad;
	int trailer; /* 'z': the printable bytes after the line */
};

static struct spec specs[64];
static int nspecs;
static int bytes_per_block = 16;
static char addr_radix = 'o';
static int verbose;
static long long skip_bytes, limit = -1;

static char **files;
static int nfiles, file_idx, status, opened_any;
static FILE *in;

static int field_width(char kind, int size)
{
	static const int o[] = { 0, 3, 6, 0, 11, 0, 0, 0, 22 };
	static const int x[] = { 0, 2, 4, 0, 8, 0, 0, 0, 16 };
	static const int d[] = { 0, 4, 6, 0, 11, 0, 0, 0, 20 };
	static const int u[] = { 0, 3, 5, 0, 10, 0, 0, 0, 20 };

	switch (kind) {
	case 'o':
		return o[size];
	case 'x':
		return x[size];
	case 'd':
		return d[size];
	case 'u':
		return u[size];
	}
	return 3; /* a, c */
}

static void add_spec(char kind, int size, int trailer)
{
	if (nspecs == 64)
		cu_die(1, "too many formats");
	specs[nspecs++] = (struct spec){ kind, size, field_width(kind, size), 0, trailer };
}

/* A -t argument: one or more of a, c, d[SIZE], o[SIZE], u[SIZE], x[SIZE], each maybe 'z'. */
static void parse_type(const char *s)
{
	const char *arg = s;

	while (*s) {
		char kind = *s++;
		int size = 1;

		if (!strchr("acdoux", kind)) {
			cu_warn("invalid character '%c' in type string '%s'", kind, arg);
			cu_usage(1);
		}
		if (strchr("doux", kind)) {
			size = 4;
			if (isdigit((unsigned char)*s)) {
				size = (int)strtol(s, (char **)&s, 10);
				if (size != 1 && size != 2 && size != 4 && size != 8)
					cu_die(1,
					       "invalid type string '%s';\nthis system doesn't "
					       "provide a %d-byte integral type",
					       arg, size);
			} else if (*s == 'C') {
				size = 1;
				s++;
			} else if (*s == 'S') {
				size = 2;
				s++;
			} else if (*s == 'I') {
				size = 4;
				s++;
			} else if (*s == 'L') {
				size = 8;
				s++;
			}
		}
		int z = *s == 'z';

		if (z)
			s++;
		add_spec(kind, size, z);
	}
}

/* A count with GNU's suffixes: b 512, k/K 1024, m/M 1024^2, kB 1000, MB..., 0x hex, 0 octal. */
static long long count(const char *s, const char *what)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 0);

	if (end == s || v < 0 || errno)
		goto bad;
	if (*end) {
		static const char sfx[] = "bkKmMgG";
		const char *p = strchr(sfx, *end);

		if (!p)
			goto bad;
		if (*p == 'b') {
			v *= 512;
		} else {
			int power = (int)(p - sfx + 1) / 2;
			long long base = 1024;

			if (end[1] == 'B') {
				base = 1000;
				end++;
			} else if (end[1] == 'i' && end[2] == 'B') {
				end += 2;
			}
			while (power--)
				v *= base;
		}
		if (end[1])
			goto bad;
	}
	return v;
bad:
	cu_die(1, "invalid %s argument '%s'", what, s);
}

/* Reads up to n bytes from the files in turn; returns the count read. */
static size_t read_input(unsigned char *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		if (!in) {
			if (file_idx >= nfiles)
				break;
			const char *name = files[file_idx++];

			if (!strcmp(name, "-")) {
				in = stdin;
			} else if (!(in = fopen(name, "r"))) {
				cu_warn_errno(name);
				status = 1;
				continue;
			}
			opened_any = 1;
		}
		size_t ask = n - got, r = fread(buf + got, 1, ask, in);

		got += r;
		if (r < ask) {
			if (ferror(in)) {
				cu_warn_errno(files[file_idx - 1]);
				status = 1;
			}
			if (in != stdin)
				fclose(in);
			in = NULL;
		}
	}
	return got;
}

static void print_addr(long long off)
{
	switch (addr_radix) {
	case 'o':
		printf("%07llo", off);
		break;
	case 'd':
		printf("%07lld", off);
		break;
	case 'x':
		printf("%06llx", off);
		break;
	}
}

static const char *const names[] = {
	"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs",  "ht",  "nl",
	"vt",  "ff",  "cr",  "so",  "si",  "dle", "dc1", "dc2", "dc3", "dc4", "nak",
	"syn", "etb", "can", "em",  "sub", "esc", "fs",	 "gs",	"rs",  "us",  "sp",
};

static void format_field(const struct spec *sp, const unsigned char *p, char *out, size_t len)
{
	uint64_t v = 0;

	for (int i = sp->size - 1; i >= 0; i--)
		v = v << 8 | p[i];
	switch (sp->kind) {
	case 'c': {
		const char *esc = NULL;

		switch (*p) {
		case 0:
			esc = "\\0";
			break;
		case '\a':
			esc = "\\a";
			break;
		case '\b':
			esc = "\\b";
			break;
		case '\f':
			esc = "\\f";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\r':
			esc = "\\r";
			break;
		case '\t':
			esc = "\\t";
			break;
		case '\v':
			esc = "\\v";
			break;
		}
		if (esc)
			snprintf(out, len, "%s", esc);
		else if (isprint(*p))
			snprintf(out, len, "%c", *p);
		else
			snprintf(out, len, "%03o", *p);
		return;
	}
	case 'a': {
		int c = *p & 0x7f;

		if (c <= ' ')
			snprintf(out, len, "%s", names[c]);
		else if (c == 0x7f)
			snprintf(out, len, "del");
		else
			snprintf(out, len, "%c", c);
		return;
	}
	case 'o':
		snprintf(out, len, "%0*llo", sp->width, (unsigned long long)v);
		return;
	case 'x':
		snprintf(out, len, "%0*llx", sp->width, (unsigned long long)v);
		return;
	case 'u':
		snprintf(out, len, "%llu", (unsigned long long)v);
		return;
	case 'd': {
		int64_t s = (int64_t)(v << (64 - 8 * sp->size)) >> (64 - 8 * sp->size);

		snprintf(out, len, "%lld", (long long)s);
		return;
	}
	}
}

static void write_block(long long off, const unsigned char *block, int n)
{
	for (int s = 0; s < nspecs; s++) {
		const struct spec *sp = &specs[s];
		int fields = bytes_per_block / sp->size;
		int blank = (bytes_per_block - n) / sp->size;
		int pad_remaining = sp->pad;
		const unsigned char *p = block;
		char field[32];

		if (!s)
			print_addr(off);
		else if (addr_radix != 'n')
			printf("%*s", addr_radix == 'x' ? 6 : 7, "");
		for (int i = fields; i > blank; i--) {
			int next_pad = sp->pad * (i - 1) / fields;

			format_field(sp, p, field, sizeof(field));
			printf("%*s", pad_remaining - next_pad + sp->width, field);
			pad_remaining = next_pad;
			p += sp->size;
		}
		if (sp->trailer) {
			printf("%*s", blank * sp->width + pad_remaining, "");
			printf("  >");
			for (int i = 0; i < n; i++)
				putchar(isprint(block[i]) ? block[i] : '.');
			putchar('<');
		}
		putchar('\n');
	}
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "address-radix", required_argument, NULL, 'A' },
		{ "skip-bytes", required_argument, NULL, 'j' },
		{ "read-bytes", required_argument, NULL, 'N' },
		{ "format", required_argument, NULL, 't' },
		{ "output-duplicates", no_argument, NULL, 'v' },
		{ "width", optional_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	cu_init(argc, argv,
		"[OPTION]... [FILE]...\nWrite the FILEs (or standard input) in octal and other "
		"formats.\n"
		"  -A RADIX  offsets in d, o, x or n (none)\n"
		"  -j BYTES  skip BYTES first\n  -N BYTES  dump at most BYTES\n"
		"  -t TYPE  a, c, d[SIZE], o[SIZE], u[SIZE], x[SIZE] (SIZE 1 2 4 8 or C S I L),\n"
		"           a 'z' suffix adds the printable characters\n"
		"  -v  write duplicate lines too (not as '*')\n"
		"  -w[N]  N bytes a line (32 without N; 16 by default)\n"
		"  -a -b -c -d -o -s -x -i -l  -t a, o1, c, u2, o2, d2, x2, d4, d8\n");
	while ((opt = getopt_long(argc, argv, "A:j:N:t:vw::abcdosxil", longopts, NULL)) != -1) {
		switch (opt) {
		case 'A':
			if (strlen(optarg) != 1 || !strchr("doxn", optarg[0])) {
				cu_warn("invalid output address radix '%s'; it must be one "
					"character from [doxn]",
					optarg);
				return 1;
			}
			addr_radix = optarg[0];
			break;
		case 'j':
			skip_bytes = count(optarg, "skip-bytes");
			break;
		case 'N':
			limit = count(optarg, "read-bytes");
			break;
		case 't':
			parse_type(optarg);
			break;
		case 'v':
			verbose = 1;
			break;
		case 'w':
			bytes_per_block = optarg ? (int)count(optarg, "width") : 32;
			if (bytes_per_block <= 0)
				cu_die(1, "invalid width '%s'", optarg);
			break;
		case 'a':
			add_spec('a', 1, 0);
			break;
		case 'b':
			add_spec('o', 1, 0);
			break;
		case 'c':
			add_spec('c', 1, 0);
			break;
		case 'd':
			add_spec('u', 2, 0);
			break;
		case 'o':
			add_spec('o', 2, 0);
			break;
		case 's':
			add_spec('d', 2, 0);
			break;
		case 'x':
			add_spec('x', 2, 0);
			break;
		case 'i':
			add_spec('d', 4, 0);
			break;
		case 'l':
			add_spec('d', 8, 0);
			break;
		default:
			cu_usage(1);
		}
	}
	if (!nspecs)
		add_spec('o', 2, 0);
	/* the block must be a multiple of every type's size; GNU falls back to their lcm */
	int lcm = 1;

	for (int i = 0; i < nspecs; i++)
		if (specs[i].size > lcm)
			lcm = specs[i].size; /* sizes are powers of two */
	if (bytes_per_block % lcm) {
		cu_warn("warning: invalid width %d; using %d instead", bytes_per_block, lcm);
		bytes_per_block = lcm;
	}
	int width_per_block = 0;

	for (int i = 0; i < nspecs; i++) {
		int w = (specs[i].width + 1) * (bytes_per_block / specs[i].size);

		if (w > width_per_block)
			width_per_block = w;
	}
	for (int i = 0; i < nspecs; i++)
		specs[i].pad = width_per_block - specs[i].width * (bytes_per_block / specs[i].size);

	static char *dash[] = { "-" };

	files = optind < argc ? argv + optind : dash;
	nfiles = optind < argc ? argc - optind : 1;

	unsigned char *block = calloc(2, (size_t)bytes_per_block), *prev = block + bytes_per_block;
	long long off = 0;

	while (off < skip_bytes) {
		long long want = skip_bytes - off;
		size_t n = read_input(block, want < bytes_per_block ? (size_t)want
								    : (size_t)bytes_per_block);

		if (!n)
			break;
		off += (long long)n;
	}
	if (off < skip_bytes)
		cu_die(1, "cannot skip past end of combined input");

	int have_prev = 0, starred = 0;

	for (;;) {
		size_t want = (size_t)bytes_per_block;

		if (limit >= 0 && off - skip_bytes + (long long)want > limit)
			want = (size_t)(limit - (off - skip_bytes));
		if (!want)
			break;
		memset(block, 0, (size_t)bytes_per_block);
		size_t n = read_input(block, want);

		if (!n)
			break;
		if (!verbose && have_prev && n == (size_t)bytes_per_block &&
		    !memcmp(block, prev, n)) {
			if (!starred)
				puts("*");
			starred = 1;
		} else {
			write_block(off, block, (int)n);
			starred = 0;
		}
		memcpy(prev, block, (size_t)bytes_per_block);
		have_prev = n == (size_t)bytes_per_block;
		off += (long long)n;
		if (n < want)
			break;
	}
	/* as GNU: no input file at all, no final offset either */
	if (addr_radix != 'n' && (opened_any || skip_bytes)) {
		print_addr(off);
		putchar('\n');
	}
	if (fflush(stdout) || ferror(stdout)) {
		cu_warn("write error: %s", strerror(errno));
		return 1;
	}
	return status;
}
