/*
 * crypt(3) with the SHA-512 method ("$6$", Ulrich Drepper's published SHA-crypt
 * specification): the only method a Linux system of today writes into /etc/shadow. Other
 * settings fail with EINVAL (NULL), as a libc without the method does. Only standard headers:
 * the musl builds of t_crypt and of login, su and passwd compile it too (Debian's musl has no
 * crypt).
 */
#include "sha512.h"
#include <unistd.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define SALT_MAX 16
#define ROUNDS_DEFAULT 5000
#define ROUNDS_MIN 1000
#define ROUNDS_MAX 999999999UL
/* "$6$rounds=999999999$" + 16 salt + "$" + 86 digits + NUL, with room to spare */
#define CRYPT_OUT_MAX 128

static const char b64[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/* Adds len bytes of a digest-sized block repeated to the context (the spec's sequences). */
static void add_repeated(struct sha512_ctx *c, const unsigned char *d, size_t len)
{
	for (; len > SHA512_DIGEST_LENGTH; len -= SHA512_DIGEST_LENGTH)
		__sha512_update(c, d, SHA512_DIGEST_LENGTH);
	__sha512_update(c, d, len);
}

static char *put64(char *p, unsigned b2, unsigned b1, unsigned b0, int n)
{
	unsigned w = b2 << 16 | b1 << 8 | b0;

	while (n-- > 0) {
		*p++ = b64[w & 0x3f];
		w >>= 6;
	}
	return p;
}

static char *sha512_crypt(const char *key, const char *setting, char *out)
{
	unsigned char a[64], b[64], dp[64], ds[64];
	unsigned char *pseq = NULL, *sseq = NULL;
	const char *salt = setting + 3;
	unsigned long rounds = ROUNDS_DEFAULT;
	int custom_rounds = 0;
	size_t klen = strlen(key), slen;
	struct sha512_ctx c;
	char *p, *res = NULL;

	if (!strncmp(salt, "rounds=", 7)) {
		char *end;
		unsigned long r = strtoul(salt + 7, &end, 10);

		/* Only a well-formed "rounds=N$" counts: otherwise it is salt, as the spec says. */
		if (*end == '$' && end != salt + 7 && salt[7] != '-') {
			rounds = r < ROUNDS_MIN ? ROUNDS_MIN : r > ROUNDS_MAX ? ROUNDS_MAX : r;
			custom_rounds = 1;
			salt = end + 1;
		}
	}
	slen = strcspn(salt, "$:\n");
	if (slen > SALT_MAX)
		slen = SALT_MAX;

	/* B = H(key salt key) */
	__sha512_init(&c);
	__sha512_update(&c, key, klen);
	__sha512_update(&c, salt, slen);
	__sha512_update(&c, key, klen);
	__sha512_final(&c, b);

	/* A = H(key salt B-repeated-to-klen, then key or B for each bit of klen) */
	__sha512_init(&c);
	__sha512_update(&c, key, klen);
	__sha512_update(&c, salt, slen);
	add_repeated(&c, b, klen);
	for (size_t n = klen; n; n >>= 1)
		if (n & 1)
			__sha512_update(&c, b, sizeof(b));
		else
			__sha512_update(&c, key, klen);
	__sha512_final(&c, a);

	/* P: H(key klen times) repeated to klen bytes; S: H(salt 16+A[0] times) to slen. */
	__sha512_init(&c);
	for (size_t i = 0; i < klen; i++)
		__sha512_update(&c, key, klen);
	__sha512_final(&c, dp);
	__sha512_init(&c);
	for (unsigned i = 0; i < 16u + a[0]; i++)
		__sha512_update(&c, salt, slen);
	__sha512_final(&c, ds);
	pseq = malloc(klen + 1);
	sseq = malloc(slen + 1);
	if (!pseq || !sseq) {
		errno = ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < klen; i++)
		pseq[i] = dp[i % 64];
	for (size_t i = 0; i < slen; i++)
		sseq[i] = ds[i % 64];

	for (unsigned long r = 0; r < rounds; r++) {
		__sha512_init(&c);
		if (r & 1)
			__sha512_update(&c, pseq, klen);
		else
			__sha512_update(&c, a, sizeof(a));
		if (r % 3)
			__sha512_update(&c, sseq, slen);
		if (r % 7)
			__sha512_update(&c, pseq, klen);
		if (r & 1)
			__sha512_update(&c, a, sizeof(a));
		else
			__sha512_update(&c, pseq, klen);
		__sha512_final(&c, a);
	}

	p = out;
	memcpy(p, "$6$", 3);
	p += 3;
	if (custom_rounds) {
		char digits[24], *d = digits + sizeof(digits);
		unsigned long r = rounds;

		do
			*--d = (char)('0' + r % 10);
		while (r /= 10);
		memcpy(p, "rounds=", 7);
		p += 7;
		memcpy(p, d, (size_t)(digits + sizeof(digits) - d));
		p += digits + sizeof(digits) - d;
		*p++ = '$';
	}
	memcpy(p, salt, slen);
	p += slen;
	*p++ = '$';
	/* The digest's bytes go out in the spec's order: triples i, i+21, i+42, rotated. */
	for (int i = 0; i < 21; i++) {
		int x = i, y = i + 21, z = i + 42;

		if (i % 3 == 0)
			p = put64(p, a[x], a[y], a[z], 4);
		else if (i % 3 == 1)
			p = put64(p, a[y], a[z], a[x], 4);
		else
			p = put64(p, a[z], a[x], a[y], 4);
	}
	p = put64(p, 0, 0, a[63], 2);
	*p = 0;
	res = out;
out:
	/* Nothing of the key stays behind in memory the caller does not own. */
	if (pseq)
		memset(pseq, 0, klen);
	memset(a, 0, sizeof(a));
	memset(dp, 0, sizeof(dp));
	memset(&c, 0, sizeof(c));
	free(pseq);
	free(sseq);
	return res;
}

char *crypt(const char *key, const char *setting)
{
	static char out[CRYPT_OUT_MAX];

	if (!key || !setting || strncmp(setting, "$6$", 3)) {
		errno = EINVAL;
		return NULL;
	}
	return sha512_crypt(key, setting, out);
}
