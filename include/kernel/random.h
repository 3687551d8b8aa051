/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_RANDOM_H
#define _KERNEL_RANDOM_H

#include <kernel/types.h>

void get_random_bytes(void *buf, size_t len);
u32 get_random_u32(void);
u64 get_random_u64(void);
void random_init(void);
/* One ChaCha20 block (RFC 8439 layout with a 64-bit counter and nonce), for tests. */
void chacha20_block(const u32 key[8], u64 counter, u64 nonce, u32 out[16]);

#endif /* _KERNEL_RANDOM_H */
