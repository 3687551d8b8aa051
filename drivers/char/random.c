// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's random numbers: a ChaCha20 keystream generator. Its 256-bit key is mixed
 * from the CPU's RDSEED/RDRAND where present and from timing jitter (the TSC's low bits
 * around work whose duration varies), and is replaced after every request with keystream
 * the caller never saw, so a later compromise of the state does not reveal earlier output.
 * Before a hardware source exists, jitter alone seeds it; the boot line says which.
 *
 * /dev/random and /dev/urandom both read from it (as on Linux since 5.6, neither blocks once
 * seeded, and this generator is seeded before user space exists).
 */
#include <asm/cpufeature.h>
#include <asm/processor.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/random.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>

#define CHACHA_ROUNDS 20
#define JITTER_SAMPLES 256

static u32 key[8];
static u64 nonce_counter;
static DEFINE_SPINLOCK(crng_lock);
static bool seeded_by_hw;

static inline u32 rotl32(u32 v, int n)
{
	return (v << n) | (v >> (32 - n));
}

#define QR(a, b, c, d)                             \
	do {                                       \
		a += b, d ^= a, d = rotl32(d, 16); \
		c += d, b ^= c, b = rotl32(b, 12); \
		a += b, d ^= a, d = rotl32(d, 8);  \
		c += d, b ^= c, b = rotl32(b, 7);  \
	} while (0)

/* One 64-byte ChaCha20 block for (key, counter, nonce). */
void chacha20_block(const u32 k[8], u64 counter, u64 nonce, u32 out[16])
{
	u32 x[16] = { 0x61707865,   0x3320646e,
		      0x79622d32,   0x6b206574,
		      k[0],	    k[1],
		      k[2],	    k[3],
		      k[4],	    k[5],
		      k[6],	    k[7],
		      (u32)counter, (u32)(counter >> 32),
		      (u32)nonce,   (u32)(nonce >> 32) };
	u32 in[16];

	memcpy(in, x, sizeof(x));
	for (int i = 0; i < CHACHA_ROUNDS; i += 2) {
		QR(x[0], x[4], x[8], x[12]);
		QR(x[1], x[5], x[9], x[13]);
		QR(x[2], x[6], x[10], x[14]);
		QR(x[3], x[7], x[11], x[15]);
		QR(x[0], x[5], x[10], x[15]);
		QR(x[1], x[6], x[11], x[12]);
		QR(x[2], x[7], x[8], x[13]);
		QR(x[3], x[4], x[9], x[14]);
	}
	for (int i = 0; i < 16; i++)
		out[i] = x[i] + in[i];
}

static bool rdseed64(u64 *v)
{
	bool ok;

	__asm__ volatile("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok));
	return ok;
}

static bool rdrand64(u64 *v)
{
	bool ok;

	__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
	return ok;
}

/* A hardware random word, retrying as Intel advises; false if there is none. */
static bool arch_random(u64 *v)
{
	for (int i = 0; i < 10; i++) {
		if (boot_cpu_has(X86_FEATURE_RDSEED) && rdseed64(v))
			return true;
		if (boot_cpu_has(X86_FEATURE_RDRAND) && rdrand64(v))
			return true;
	}
	return false;
}

/* Timing jitter: the TSC's low bits around memory work whose duration varies. */
static u64 jitter(void)
{
	static volatile u8 scratch[4096];
	u64 acc = 0;

	for (int i = 0; i < JITTER_SAMPLES; i++) {
		u64 t0 = rdtsc();

		for (int j = 0; j < 64; j++)
			scratch[(j * 67 + i * 131) & 4095] += (u8)t0;
		acc = (acc << 7 | acc >> 57) ^ (rdtsc() - t0) ^ t0;
	}
	return acc;
}

/* Mixes 64 bits into the key through a ChaCha block of (old key ^ input). */
static void mix_into_key(u64 input)
{
	u32 block[16];

	key[0] ^= (u32)input;
	key[1] ^= (u32)(input >> 32);
	chacha20_block(key, nonce_counter++, 0x5345454453ULL /* "SEEDS" */, block);
	memcpy(key, block, sizeof(key));
	memset(block, 0, sizeof(block));
}

/* The keystream for buf, then a fresh key from keystream nobody saw. Caller holds crng_lock. */
static void extract_locked(void *buf, size_t len)
{
	u8 *out = buf;
	u32 block[16];
	u64 nonce = nonce_counter++;

	for (u64 counter = 1; len; counter++) {
		size_t n = min(len, sizeof(block));

		chacha20_block(key, counter, nonce, block);
		memcpy(out, block, n);
		out += n;
		len -= n;
	}
	chacha20_block(key, 0, nonce, block);
	memcpy(key, block, sizeof(key));
	memset(block, 0, sizeof(block));
}

void get_random_bytes(void *buf, size_t len)
{
	unsigned long flags;

	spin_lock_irqsave(&crng_lock, flags);
	extract_locked(buf, len);
	spin_unlock_irqrestore(&crng_lock, flags);
}

/*
 * Single words come from a batch of one block's worth, as Linux's batched entropy does:
 * an execve asks for five or six (address-space randomisation), and a whole generator call,
 * two ChaCha blocks, for each of them was an eighth of its cost. A word is wiped once
 * handed out, so the batch holds nothing already given away. Guarded by crng_lock.
 */
static u64 batch[8];
static unsigned int batch_used = ARRAY_SIZE(batch);

u64 get_random_u64(void)
{
	unsigned long flags;
	u64 v;

	spin_lock_irqsave(&crng_lock, flags);
	if (batch_used == ARRAY_SIZE(batch)) {
		extract_locked(batch, sizeof(batch));
		batch_used = 0;
	}
	v = batch[batch_used];
	batch[batch_used++] = 0;
	spin_unlock_irqrestore(&crng_lock, flags);
	return v;
}

u32 get_random_u32(void)
{
	return (u32)get_random_u64();
}

void random_init(void)
{
	unsigned long flags;
	u64 v;

	spin_lock_irqsave(&crng_lock, flags);
	for (int i = 0; i < 8; i++) {
		if (arch_random(&v)) {
			seeded_by_hw = true;
			mix_into_key(v);
		}
		mix_into_key(jitter() ^ rdtsc());
	}
	spin_unlock_irqrestore(&crng_lock, flags);
	pr_info("random: ChaCha20 generator seeded from %s\n",
		seeded_by_hw ? "RDSEED/RDRAND and timing jitter" : "timing jitter only");
}
