/*
 * malloc: size classes for small and medium blocks, carved from memory the heap gets with brk
 * (or mmap when brk cannot grow), each class with its own free list; blocks above the largest
 * class get their own mapping. Every block has a 16-byte header: its usable size and its class.
 * One futex lock guards the lists (pthreads come later; then per-thread caches can go here).
 */
#include "libc.h"
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define NCLASS 48
#define MAX_SMALL 65536
#define CLS_MMAP 0xfffffff0u
#define CLS_ALIGNED 0xfffffff1u
#define MAGIC 0x4d696361u /* "Mica": a cheap check that free() got one of ours */

struct hdr {
	size_t size; /* usable bytes after the header */
	uint32_t cls; /* class index, CLS_MMAP or CLS_ALIGNED */
	uint32_t off; /* CLS_ALIGNED: bytes back to the block that holds it; else MAGIC */
};
struct freeblk {
	struct freeblk *next;
};

static struct freeblk *lists[NCLASS];
static volatile int lock;
static char *arena, *arena_end;
static int use_brk = 1;

static unsigned class_of(size_t n)
{
	if (n <= 256)
		return n ? (unsigned)((n + 15) / 16 - 1) : 0;
	unsigned b = 63 - __builtin_clzl(n - 1);
	return 16 + (b - 8) * 4 + (unsigned)((n - 1 - (1UL << b)) >> (b - 2));
}

static size_t class_size(unsigned c)
{
	if (c < 16)
		return (c + 1) * 16;
	unsigned b = 8 + (c - 16) / 4, k = (c - 16) % 4;
	return (1UL << b) + (k + 1) * (1UL << (b - 2));
}

static void *map(size_t n)
{
	long r = __sys(SYS_mmap, 0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return (unsigned long)r > -4096UL ? 0 : (void *)r;
}

/* More room for the arena: extend it with brk when the break is still where the arena ends,
 * else start a new stretch at the current break (someone else may have moved it with sbrk;
 * the rest of the old stretch is given up: at most one block's worth), else mmap one. */
static int grow(size_t need)
{
	size_t chunk =
		need + sizeof(struct hdr) > 256 * 1024 ? need + sizeof(struct hdr) : 256 * 1024;
	chunk = (chunk + 4095) & ~4095UL;
	if (use_brk) {
		unsigned long cur = (unsigned long)__sys(SYS_brk, 0);
		unsigned long want = cur + chunk;
		if (cur && (unsigned long)__sys(SYS_brk, want) == want) {
			if (arena_end != (char *)cur)
				arena = (char *)cur;
			arena_end = (char *)want;
			return 0;
		}
		use_brk = 0; /* brk cannot grow: mappings from now on */
	}
	char *m = map(chunk);
	if (!m)
		return -1;
	arena = m;
	arena_end = m + chunk;
	return 0;
}

/* fork: hold the lock across it, so the child never inherits it held by another thread. */
hidden void __malloc_atfork(int phase)
{
	if (phase == 0)
		__lock(&lock);
	else if (phase == 1)
		__unlock(&lock);
	else
		lock = 0; /* the child: it is the only thread, and the lists are consistent */
}

void *malloc(size_t n)
{
	struct hdr *h;

	if (n > MAX_SMALL) {
		if (n > (size_t)-1 / 2) {
			errno = ENOMEM;
			return 0;
		}
		size_t len = (n + sizeof(*h) + 4095) & ~4095UL;
		h = map(len);
		if (!h) {
			errno = ENOMEM;
			return 0;
		}
		h->size = len - sizeof(*h);
		h->cls = CLS_MMAP;
		h->off = MAGIC;
		return h + 1;
	}
	unsigned c = class_of(n);
	__lock(&lock);
	struct freeblk *f = lists[c];
	if (f) {
		lists[c] = f->next;
		__unlock(&lock);
		return f;
	}
	size_t sz = class_size(c);
	if ((size_t)(arena_end - arena) < sz + sizeof(*h) && grow(sz) < 0) {
		__unlock(&lock);
		errno = ENOMEM;
		return 0;
	}
	h = (struct hdr *)arena;
	arena += sz + sizeof(*h);
	__unlock(&lock);
	h->size = sz;
	h->cls = c;
	h->off = MAGIC;
	return h + 1;
}

static struct hdr *header(void *p)
{
	struct hdr *h = (struct hdr *)p - 1;
	if (h->cls != CLS_ALIGNED && h->off != MAGIC)
		abort(); /* not a block of ours, or its header was overwritten */
	return h;
}

void free(void *p)
{
	if (!p)
		return;
	struct hdr *h = header(p);
	if (h->cls == CLS_ALIGNED) {
		free((char *)p - h->off);
		return;
	}
	if (h->cls == CLS_MMAP) {
		__sys(SYS_munmap, h, h->size + sizeof(*h));
		return;
	}
	if (h->cls >= NCLASS)
		abort();
	struct freeblk *f = p;
	__lock(&lock);
	f->next = lists[h->cls];
	lists[h->cls] = f;
	__unlock(&lock);
}

size_t malloc_usable_size(void *p)
{
	return p ? header(p)->size : 0;
}

void *calloc(size_t nmemb, size_t size)
{
	size_t n;
	if (__builtin_mul_overflow(nmemb, size, &n)) {
		errno = ENOMEM;
		return 0;
	}
	void *p = malloc(n);
	if (p && header(p)->cls != CLS_MMAP) /* fresh mappings are already zero */
		memset(p, 0, n);
	return p;
}

void *realloc(void *p, size_t n)
{
	if (!p)
		return malloc(n);
	struct hdr *h = header(p);
	if (n <= h->size && (h->cls == CLS_ALIGNED || n >= h->size / 4 || h->size <= 64))
		return p;
	if (h->cls == CLS_MMAP && n > MAX_SMALL) {
		size_t len = (n + sizeof(*h) + 4095) & ~4095UL;
		long r = __sys(SYS_mremap, h, h->size + sizeof(*h), len, MREMAP_MAYMOVE);
		if ((unsigned long)r <= -4096UL) {
			h = (struct hdr *)r;
			h->size = len - sizeof(*h);
			return h + 1;
		}
	}
	void *q = malloc(n);
	if (!q)
		return 0;
	memcpy(q, p, n < h->size ? n : h->size);
	free(p);
	return q;
}

void *reallocarray(void *p, size_t nmemb, size_t size)
{
	size_t n;
	if (__builtin_mul_overflow(nmemb, size, &n)) {
		errno = ENOMEM;
		return 0;
	}
	return realloc(p, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	int saved = errno;
	if (align <= 16) {
		void *p = malloc(n);
		errno = saved;
		if (!p)
			return ENOMEM;
		*out = p;
		return 0;
	}
	if (n > (size_t)-1 / 2 || align > (size_t)-1 / 4) {
		return ENOMEM;
	}
	char *raw = malloc(n + align + sizeof(struct hdr));
	errno = saved;
	if (!raw)
		return ENOMEM;
	uintptr_t a = ((uintptr_t)raw + align - 1) & ~(uintptr_t)(align - 1);
	if (a == (uintptr_t)raw) {
		*out = raw;
		return 0;
	}
	if (a - (uintptr_t)raw < sizeof(struct hdr))
		a += align;
	struct hdr *h = (struct hdr *)a - 1;
	h->cls = CLS_ALIGNED;
	h->off = (uint32_t)(a - (uintptr_t)raw);
	h->size = header(raw)->size - h->off;
	*out = (void *)a;
	return 0;
}

void *aligned_alloc(size_t align, size_t n)
{
	void *p;
	int e = posix_memalign(&p, align, n);
	if (e) {
		errno = e;
		return 0;
	}
	return p;
}

void *memalign(size_t align, size_t n)
{
	return aligned_alloc(align, n);
}
