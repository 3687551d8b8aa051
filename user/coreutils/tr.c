// SPDX-License-Identifier: GPL-2.0
/*
 * tr: translates, deletes (-d) or squeezes (-s) bytes of standard input. Sets take ranges
 * (a-z), escapes (\n \\ \NNN), classes ([:alpha:] ...), equivalence classes ([=c=]) and, in
 * SET2, repeats ([c*N], [c*]). -c/-C complement SET1. SET2 is extended with its last byte.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"

struct set {
	unsigned char c[4096];
	int len;
	int repeat_at; /* index of a [c*] to grow, or -1 */
};

static const struct {
	const char *name;
	int (*fn)(int);
} classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank }, { "cntrl", iscntrl },
	{ "digit", isdigit }, { "graph", isgraph }, { "lower", islower }, { "print", isprint },
	{ "punct", ispunct }, { "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

static int one_char(const char **p)
{
	const char *s = *p;

	if (*s != '\\' || !s[1]) {
		*p = s + 1;
		return (unsigned char)*s;
	}
	s++;
	if (*s >= '0' && *s <= '7') {
		int v = 0;

		for (int i = 0; i < 3 && *s >= '0' && *s <= '7'; i++)
			v = v * 8 + (*s++ - '0');
		*p = s;
		return v & 0xff;
	}
	*p = s + 1;
	switch (*s) {
	case 'a':
		return '\a';
	case 'b':
		return '\b';
	case 'f':
		return '\f';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	case 'v':
		return '\v';
	default:
		return (unsigned char)*s;
	}
}

static void add(struct set *s, int c)
{
	if (s->len >= (int)sizeof(s->c))
		cu_die(1, "set too long");
	s->c[s->len++] = c;
}

static void parse_set(const char *p, struct set *s, int is_set2)
{
	s->len = 0;
	s->repeat_at = -1;
	while (*p) {
		if (p[0] == '[' && p[1] == ':') {
			const char *end = strstr(p + 2, ":]");
			size_t i;

			for (i = 0; end && i < sizeof(classes) / sizeof(classes[0]); i++)
				if (strlen(classes[i].name) == (size_t)(end - p - 2) &&
				    !strncmp(classes[i].name, p + 2, end - p - 2))
					break;
			if (end && i < sizeof(classes) / sizeof(classes[0])) {
				for (int c = 0; c < 256; c++)
					if (classes[i].fn(c))
						add(s, c);
				p = end + 2;
				continue;
			}
			if (end)
				cu_die(1, "invalid character class '%.*s'", (int)(end - p - 2),
				       p + 2);
		}
		if (p[0] == '[' && p[1] == '=' && p[2] && p[3] == '=' && p[4] == ']') {
			add(s, (unsigned char)p[2]);
			p += 5;
			continue;
		}
		if (is_set2 && p[0] == '[' && p[1]) {
			const char *q = p + 1;
			int c = one_char(&q);

			if (*q == '*') {
				char *end;
				long n = strtol(q + 1, &end, q[1] == '0' ? 8 : 10);

				if (*end == ']') {
					if (n == 0) {
						s->repeat_at = s->len;
						add(s, c);
					} else {
						while (n-- > 0)
							add(s, c);
					}
					p = end + 1;
					continue;
				}
			}
		}
		int c = one_char(&p);

		if (*p == '-' && p[1]) {
			p++;
			int hi = one_char(&p);

			if (hi < c)
				cu_die(1,
				       "range-endpoints of '%c-%c' are in reverse collating sequence "
				       "order",
				       c, hi);
			for (; c <= hi; c++)
				add(s, c);
			continue;
		}
		add(s, c);
	}
}

int main(int argc, char **argv)
{
	int opt, complement = 0, del = 0, squeeze = 0;
	static struct set s1, s2;
	unsigned char map[256], in1[256] = { 0 }, sq[256] = { 0 };

	cu_init(argc, argv,
		"[-cCds] SET1 [SET2]\nTranslate, squeeze or delete bytes of standard "
		"input.\n  -c, -C  complement SET1\n  -d      delete bytes in SET1\n  -s      "
		"squeeze repeats of bytes in the last SET into one\n");
	while ((opt = getopt(argc, argv, "cCds")) != -1) {
		switch (opt) {
		case 'c':
		case 'C':
			complement = 1;
			break;
		case 'd':
			del = 1;
			break;
		case 's':
			squeeze = 1;
			break;
		default:
			cu_usage(1);
		}
	}
	int n = argc - optind;
	int want = del && squeeze ? 2 : del ? 1 : squeeze ? (n >= 2 ? 2 : 1) : 2;

	if (n < want) {
		cu_warn(n ? "missing operand after '%s'" : "missing operand", argv[argc - 1]);
		cu_usage(1);
	}
	if (n > want) {
		cu_warn("extra operand '%s'", argv[optind + want]);
		cu_usage(1);
	}
	parse_set(argv[optind], &s1, 0);
	if (want == 2)
		parse_set(argv[optind + 1], &s2, 1);
	for (int i = 0; i < s1.len; i++)
		in1[s1.c[i]] = 1;
	if (complement) {
		s1.len = 0;
		for (int c = 0; c < 256; c++) {
			in1[c] = !in1[c];
			if (in1[c])
				add(&s1, c);
		}
	}
	for (int c = 0; c < 256; c++)
		map[c] = c;
	int translating = !del && want == 2;

	if (translating) {
		if (!s2.len)
			cu_die(1, "when not truncating set1, string2 must be non-empty");
		/* [c*] fills SET2 up to SET1's length; then the last byte repeats */
		if (s2.repeat_at >= 0 && s2.len < s1.len) {
			int grow = s1.len - s2.len;

			memmove(s2.c + s2.repeat_at + grow, s2.c + s2.repeat_at,
				s2.len - s2.repeat_at);
			memset(s2.c + s2.repeat_at, s2.c[s2.repeat_at + grow], grow);
			s2.len += grow;
		}
		for (int i = 0; i < s1.len; i++)
			map[s1.c[i]] = s2.c[i < s2.len ? i : s2.len - 1];
	}
	struct set *sqset = want == 2 ? &s2 : &s1;

	if (squeeze)
		for (int i = 0; i < sqset->len; i++)
			sq[sqset->c[i]] = 1;
	if (squeeze && want == 1 && complement)
		memcpy(sq, in1, sizeof(sq));

	static unsigned char buf[65536], out[65536];
	int last = -1;
	ssize_t r;

	while ((r = read(0, buf, sizeof(buf))) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			cu_warn_errno("read error");
			return 1;
		}
		size_t o = 0;

		for (ssize_t i = 0; i < r; i++) {
			int c = buf[i];

			if (del && in1[c])
				continue;
			c = map[c];
			if (squeeze && sq[c] && c == last)
				continue;
			last = c;
			out[o++] = c;
		}
		if (cu_write_all(1, out, o)) {
			cu_warn_errno("write error");
			return 1;
		}
	}
	return 0;
}
