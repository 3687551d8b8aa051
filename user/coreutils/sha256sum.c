// SPDX-License-Identifier: GPL-2.0
/*
 * sha256sum: SHA-256 digests of files (FIPS 180-4), "DIGEST  NAME" a line; -c checks a list
 * of such lines ("NAME: OK" or "NAME: FAILED") and fails if any digest differs. -b/-t are
 * accepted: there is no text mode on this system ("*" marks binary mode in the list).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char buf[64];
	size_t fill;
};

static const uint32_t k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
	0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
	0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
	0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
	0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
	0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
	0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
	0xc67178f2,
};

static uint32_t ror(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static void block(struct sha256 *s, const unsigned char *p)
{
	uint32_t w[64], a, b, c, d, e, f, g, h;

	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | p[4 * i + 1] << 16 | p[4 * i + 2] << 8 |
		       p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);

		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = s->h[0];
	b = s->h[1];
	c = s->h[2];
	d = s->h[3];
	e = s->h[4];
	f = s->h[5];
	g = s->h[6];
	h = s->h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) +
			      k[i] + w[i];
		uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));

		h = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	s->h[0] += a;
	s->h[1] += b;
	s->h[2] += c;
	s->h[3] += d;
	s->h[4] += e;
	s->h[5] += f;
	s->h[6] += g;
	s->h[7] += h;
}

static void sha_init(struct sha256 *s)
{
	static const uint32_t iv[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
					0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };

	memcpy(s->h, iv, sizeof(iv));
	s->len = 0;
	s->fill = 0;
}

static void sha_update(struct sha256 *s, const unsigned char *p, size_t n)
{
	s->len += n;
	while (n) {
		size_t take = 64 - s->fill < n ? 64 - s->fill : n;

		memcpy(s->buf + s->fill, p, take);
		s->fill += take;
		p += take;
		n -= take;
		if (s->fill == 64) {
			block(s, s->buf);
			s->fill = 0;
		}
	}
}

static void sha_final(struct sha256 *s, char hex[65])
{
	uint64_t bits = s->len * 8;
	unsigned char pad = 0x80, len[8];

	sha_update(s, &pad, 1);
	pad = 0;
	while (s->fill != 56)
		sha_update(s, &pad, 1);
	for (int i = 0; i < 8; i++)
		len[i] = bits >> (56 - 8 * i);
	sha_update(s, len, 8);
	for (int i = 0; i < 8; i++)
		sprintf(hex + 8 * i, "%08x", s->h[i]);
}

static int digest_file(const char *name, char hex[65])
{
	static unsigned char buf[65536];
	struct sha256 s;
	int fd = cu_open_in(name);
	ssize_t n;

	if (fd < 0)
		return -1;
	sha_init(&s);
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			if (fd)
				close(fd);
			errno = e;
			return -1;
		}
		sha_update(&s, buf, n);
	}
	if (fd)
		close(fd);
	sha_final(&s, hex);
	return 0;
}

static int check(const char *list, int quiet, int status_only)
{
	FILE *f = strcmp(list, "-") ? fopen(list, "r") : stdin;
	char *line = NULL, hex[65];
	size_t cap = 0;
	ssize_t len;
	int bad = 0, unreadable = 0, improper = 0, good = 0;

	if (!f) {
		cu_warn_errno(list);
		return 1;
	}
	while ((len = getline(&line, &cap, f)) > 0) {
		if (line[len - 1] == '\n')
			line[--len] = 0;
		if (len < 67 || strspn(line, "0123456789abcdefABCDEF") != 64 || line[64] != ' ' ||
		    (line[65] != ' ' && line[65] != '*')) {
			improper++;
			continue;
		}
		const char *name = line + 66;

		if (digest_file(name, hex)) {
			cu_warn_errno(name);
			if (!status_only)
				printf("%s: FAILED open or read\n", name);
			unreadable++;
			continue;
		}
		if (strncasecmp(hex, line, 64)) {
			if (!status_only)
				printf("%s: FAILED\n", name);
			bad++;
		} else {
			if (!quiet && !status_only)
				printf("%s: OK\n", name);
			good++;
		}
	}
	free(line);
	if (f != stdin)
		fclose(f);
	fflush(stdout);
	if (!good && !bad && !unreadable) {
		cu_warn("%s: no properly formatted checksum lines found", list);
		return 1;
	}
	if (!status_only) {
		if (improper)
			cu_warn("WARNING: %d line%s improperly formatted", improper,
				improper > 1 ? "s are" : " is");
		if (unreadable)
			cu_warn("WARNING: %d listed file%s could not be read", unreadable,
				unreadable > 1 ? "s" : "");
		if (bad)
			cu_warn("WARNING: %d computed checksum%s did NOT match", bad,
				bad > 1 ? "s" : "");
	}
	return bad || unreadable;
}

int main(int argc, char **argv)
{
	static char *dash[] = { "-", NULL };
	int opt, checking = 0, quiet = 0, status_only = 0, status = 0;

	cu_init(argc, argv,
		"[-bt] [FILE]...\n   or: sha256sum -c [--quiet|--status] [FILE]...\n"
		"Print or check SHA-256 digests.\n  -c  check the digests listed in the FILEs\n");
	/* the two long options of -c */
	int k = 1;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--quiet"))
			quiet = 1;
		else if (!strcmp(argv[i], "--status"))
			status_only = 1;
		else
			argv[k++] = argv[i];
	}
	argc = k;
	argv[argc] = NULL;
	while ((opt = getopt(argc, argv, "btc")) != -1) {
		if (opt == 'c')
			checking = 1;
		else if (opt != 'b' && opt != 't')
			cu_usage(1);
	}
	char **files = optind < argc ? argv + optind : dash;

	for (; *files; files++) {
		char hex[65];

		if (checking) {
			status |= check(*files, quiet, status_only);
			continue;
		}
		if (digest_file(*files, hex)) {
			cu_warn_errno(*files);
			status = 1;
			continue;
		}
		printf("%s  %s\n", hex, *files);
	}
	return fflush(stdout) ? 1 : status;
}
