/* malloc stress: many sizes, contents checked, realloc growth, frees in several orders. */
#include "tap.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint64_t rng = 12345;
static uint64_t next(void)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return rng >> 17;
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 7);
}

static int check(const unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)(seed + i * 7))
			return 0;
	return 1;
}

#define N 4000

int main(void)
{
	static unsigned char *ptr[N];
	static size_t len[N];
	tap_plan(15);

	int good = 1, aligned = 1;
	for (int i = 0; i < N; i++) {
		size_t n = next() % 3 == 0 ? next() % 70000 : next() % 300;
		ptr[i] = malloc(n);
		len[i] = n;
		if (!ptr[i] && n) {
			good = 0;
			break;
		}
		if ((uintptr_t)ptr[i] % 16)
			aligned = 0;
		fill(ptr[i], n, (unsigned)i);
	}
	ok(good, "%d blocks of random sizes up to 70000 allocated", N);
	ok(aligned, "every block is 16-byte aligned");
	good = 1;
	for (int i = 0; i < N; i++)
		if (!check(ptr[i], len[i], (unsigned)i))
			good = 0;
	ok(good, "no block overlaps another (contents intact)");
	for (int i = 0; i < N; i += 2) {
		free(ptr[i]);
		ptr[i] = NULL;
	}
	good = 1;
	for (int i = 1; i < N; i += 2)
		if (!check(ptr[i], len[i], (unsigned)i))
			good = 0;
	ok(good, "freeing every other block leaves the rest intact");
	for (int i = 0; i < N; i += 2) {
		len[i] = next() % 5000;
		ptr[i] = malloc(len[i]);
		fill(ptr[i], len[i], (unsigned)i + 1);
	}
	good = 1;
	for (int i = 0; i < N; i++)
		if (!check(ptr[i], len[i], (unsigned)i + (i % 2 == 0)))
			good = 0;
	ok(good, "reused blocks do not overlap live ones");
	for (int i = N - 1; i >= 0; i--)
		free(ptr[i]);
	ok(1, "everything freed in reverse order");

	/* realloc growth keeps the contents */
	unsigned char *p = NULL;
	size_t n = 0;
	good = 1;
	for (int step = 0; step < 200; step++) {
		size_t nn = n + 1 + step * 97;
		p = realloc(p, nn);
		if (!p) {
			good = 0;
			break;
		}
		for (size_t i = n; i < nn; i++)
			p[i] = (unsigned char)(i * 13);
		n = nn;
		for (size_t i = 0; i < n; i += 101)
			if (p[i] != (unsigned char)(i * 13))
				good = 0;
	}
	ok(good && n > 1900000, "realloc grows a block to %zu bytes keeping its contents", n);
	p = realloc(p, 10);
	ok(p && p[0] == 0 && p[9] == (unsigned char)(9 * 13), "realloc shrinks keeping the head");
	free(p);

	unsigned *c = calloc(1000, sizeof(unsigned));
	good = c != NULL;
	for (int i = 0; c && i < 1000; i++)
		if (c[i])
			good = 0;
	ok(good, "calloc returns zeroed memory");
	/* dirty a block, free it, calloc the same size: still zero */
	unsigned char *d = malloc(512);
	memset(d, 0xaa, 512);
	free(d);
	d = calloc(1, 512);
	good = 1;
	for (int i = 0; i < 512; i++)
		if (d[i])
			good = 0;
	ok(good, "calloc zeroes a recycled block");
	free(d);
	free(c);
	volatile size_t huge = (size_t)1 << 40;
	ok(calloc(huge, huge) == NULL, "calloc overflow fails");

	void *a = NULL;
	good = 1;
	for (size_t al = 8; al <= 65536; al *= 2) {
		if (posix_memalign(&a, al, 100) || (uintptr_t)a % al)
			good = 0;
		else
			memset(a, 1, 100);
		free(a);
	}
	ok(good, "posix_memalign for alignments 8..65536");
	ok(posix_memalign(&a, 24, 8) != 0,
	   "posix_memalign rejects an alignment that is no power of two");
	/* the program moves the break itself between mallocs: nothing may overlap */
	unsigned char *m1 = malloc(200000);
	unsigned char *s1 = sbrk(8192);
	unsigned char *m2 = malloc(300000);
	unsigned char *m3 = malloc(100);
	good = m1 && m2 && m3;
	if (good && s1 != (void *)-1) { /* musl refuses sbrk with an increment: nothing to check */
		memset(s1, 0x11, 8192);
		memset(m2, 0x22, 300000);
		memset(m3, 0x33, 100);
		memset(m1, 0x44, 200000);
		for (int i = 0; i < 8192; i++)
			if (s1[i] != 0x11)
				good = 0;
	}
	ok(good, "memory the program took with sbrk is never handed out by malloc");
	free(m1);
	free(m2);
	free(m3);
	void *big = malloc(64 << 20);
	good = big != NULL;
	if (big) {
		memset(big, 3, 64 << 20);
		free(big);
	}
	ok(good, "a 64 MiB block");
	return tap_done();
}
