/* SHA-512 (FIPS 180-4), for crypt's $6$ method: the library's own, not installed. */
#ifndef _LIBC_SHA512_H
#define _LIBC_SHA512_H
#include <stddef.h>
#include <stdint.h>

#define SHA512_DIGEST_LENGTH 64

struct sha512_ctx {
	uint64_t h[8];
	uint64_t len; /* bytes hashed so far (a key longer than 2^61 bytes is no concern here) */
	unsigned char buf[128];
	size_t used; /* bytes waiting in buf */
};

void __sha512_init(struct sha512_ctx *c);
void __sha512_update(struct sha512_ctx *c, const void *data, size_t n);
void __sha512_final(struct sha512_ctx *c, unsigned char out[SHA512_DIGEST_LENGTH]);
#endif
