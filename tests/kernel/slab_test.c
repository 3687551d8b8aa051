// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator and kmalloc: every size class, reuse, many objects freed in random
 * order, constructors and alignment, large kmalloc and exhaustion against the page counters,
 * shrinking, and (with CONFIG_DEBUG_SLAB) planted overruns, double frees and writes after
 * free, each of which must be reported exactly once. Every case must leave as many slab
 * objects in use as it found.
 */
#include <asm/processor.h>
#include <kernel/gfp.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/timer.h>
#include <kernel/vmalloc.h>
#include "two_cpus.h"

static const size_t class_sizes[] = { 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096 };

static int slab_test_init(struct ktest *t)
{
	t->priv = (void *)slab_objects_in_use();
	return 0;
}

static void slab_test_exit(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, slab_objects_in_use(), (unsigned long)t->priv);
}

/* xorshift64: a fixed seed gives the same "random" order on every run. */
static u64 prng(u64 *state)
{
	u64 x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *state = x;
}

static bool need_debug(struct ktest *t)
{
	if (IS_ENABLED(CONFIG_DEBUG_SLAB))
		return true;
	ktest_skip(t, "CONFIG_DEBUG_SLAB is off");
	return false;
}

/* The first byte of p[0..n) that is not zero, or NULL. */
static const void *first_nonzero(const void *p, size_t n)
{
	const u8 *b = p;

	for (size_t i = 0; i < n; i++)
		if (b[i])
			return b + i;
	return NULL;
}

static bool is_pow2(size_t x)
{
	return x && !(x & (x - 1));
}

static void test_size_classes(struct ktest *t)
{
	unsigned long reports = slab_debug_reports();
	size_t prev = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(class_sizes); i++) {
		size_t size = class_sizes[i];
		size_t asks[] = { prev + 1, (prev + size) / 2 + 1, size };

		for (unsigned int j = 0; j < ARRAY_SIZE(asks); j++) {
			u8 *p = kmalloc(asks[j], GFP_KERNEL);
			size_t usable;

			KTEST_ASSERT_NOT_NULL(t, p);
			usable = ksize(p);
			KTEST_EXPECT_GE(t, usable, asks[j]);
			KTEST_EXPECT_EQ(t, usable, size);
			KTEST_EXPECT_EQ(t, (unsigned long)p % 8, 0);
			if (is_pow2(size))
				KTEST_EXPECT_EQ(t, (unsigned long)p % min(size, (size_t)64), 0);
			memset(p, 0xa5, usable);
			KTEST_EXPECT_EQ(t, p[0] + p[usable - 1], 0xa5 * 2);
			kfree(p);
		}
		prev = size;
	}
	/* Using the whole usable size is not an overrun. */
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports);
}

static void test_zero_size(struct ktest *t)
{
	unsigned long reports = slab_debug_reports();

	KTEST_EXPECT_PTR_EQ(t, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	KTEST_EXPECT_PTR_EQ(t, kzalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	KTEST_EXPECT_PTR_EQ(t, kcalloc(0, 8, GFP_KERNEL), ZERO_SIZE_PTR);
	KTEST_EXPECT_EQ(t, ksize(ZERO_SIZE_PTR), 0);
	KTEST_EXPECT_EQ(t, ksize(NULL), 0);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports);
}

static void test_kzalloc_kcalloc(struct ktest *t)
{
	u8 *p = kmalloc(200, GFP_KERNEL);
	size_t n;

	KTEST_ASSERT_NOT_NULL(t, p);
	memset(p, 0xff, ksize(p));
	kfree(p);
	p = kzalloc(200, GFP_KERNEL); /* most likely the dirty object again */
	KTEST_ASSERT_NOT_NULL(t, p);
	n = ksize(p);
	KTEST_EXPECT_NULL(t, first_nonzero(p, n));
	kfree(p);

	p = kcalloc(10, 24, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	KTEST_EXPECT_GE(t, ksize(p), 240);
	KTEST_EXPECT_NULL(t, first_nonzero(p, 240));
	kfree(p);

	KTEST_EXPECT_NULL(t, kcalloc(SIZE_MAX / 2, 3, GFP_KERNEL));
	KTEST_EXPECT_NULL(t, kcalloc(1UL << 32, 1UL << 32, GFP_KERNEL));
	KTEST_EXPECT_NULL(t, kcalloc(SIZE_MAX, SIZE_MAX, GFP_KERNEL));
	KTEST_EXPECT_NULL(t, kmalloc(SIZE_MAX, GFP_KERNEL));
	KTEST_EXPECT_NULL(t, kmalloc((PAGE_SIZE << MAX_ORDER) + 1, GFP_KERNEL));
}

static void test_object_reuse(struct ktest *t)
{
	struct kmem_cache *c;
	void *p, *q, *a, *b;

	p = kmalloc(64, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	kfree(p);
	q = kmalloc(64, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(t, q, p);
	kfree(q);

	c = kmem_cache_create("slab_test_reuse", 40, 0, 0, NULL);
	KTEST_ASSERT_NOT_NULL(t, c);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_EXPECT_NOT_NULL(t, a);
	KTEST_EXPECT_NOT_NULL(t, b);
	KTEST_EXPECT_NE(t, (unsigned long)a, (unsigned long)b);
	KTEST_EXPECT_PTR_EQ(t, virt_to_page(a), virt_to_page(b));
	kmem_cache_free(c, a);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(t, p, a);
	kmem_cache_free(c, p);
	kmem_cache_free(c, b);
	kmem_cache_destroy(c);
}

#define RANDOM_OBJECTS 1000
#define RANDOM_SIZE 100

static bool object_intact(const u8 *obj, unsigned int i)
{
	for (unsigned int b = 0; b < RANDOM_SIZE; b++)
		if (obj[b] != (u8)(i * 7 + b))
			return false;
	return true;
}

static void fill_object(u8 *obj, unsigned int i)
{
	for (unsigned int b = 0; b < RANDOM_SIZE; b++)
		obj[b] = (u8)(i * 7 + b);
}

static void test_many_objects_random_order(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("slab_test_random", RANDOM_SIZE, 0, 0, NULL);
	unsigned long free_before, intact = 0;
	u64 seed = 0x9e3779b97f4a7c15ULL;
	u8 **objs;

	KTEST_ASSERT_NOT_NULL(t, c);
	free_before = nr_free_pages();
	objs = kcalloc(RANDOM_OBJECTS, sizeof(*objs), GFP_KERNEL);
	if (!objs) {
		kmem_cache_destroy(c);
		KTEST_ASSERT_NOT_NULL(t, objs);
	}
	for (unsigned int i = 0; i < RANDOM_OBJECTS; i++) {
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
		if (!objs[i])
			break;
		fill_object(objs[i], i);
	}
	/* Any two objects that overlapped would have clobbered each other's pattern. */
	for (unsigned int i = 0; i < RANDOM_OBJECTS; i++)
		intact += objs[i] && object_intact(objs[i], i);
	KTEST_EXPECT_EQ(t, intact, RANDOM_OBJECTS);
	KTEST_EXPECT_GE(t, free_before - nr_free_pages(), 10); /* several slabs */

	/* Free in a shuffled order, refill half of them, then free everything. */
	for (unsigned int i = RANDOM_OBJECTS - 1; i > 0; i--) {
		unsigned int j = prng(&seed) % (i + 1);
		u8 *tmp = objs[i];

		objs[i] = objs[j];
		objs[j] = tmp;
	}
	for (unsigned int i = 0; i < RANDOM_OBJECTS / 2; i++) {
		kmem_cache_free(c, objs[i]);
		objs[i] = NULL;
	}
	for (unsigned int i = 0; i < RANDOM_OBJECTS / 2; i += 2) {
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
		if (objs[i])
			fill_object(objs[i], i);
	}
	intact = 0;
	for (unsigned int i = 0; i < RANDOM_OBJECTS / 2; i += 2)
		intact += objs[i] && object_intact(objs[i], i);
	KTEST_EXPECT_EQ(t, intact, RANDOM_OBJECTS / 4);
	for (unsigned int i = 0; i < RANDOM_OBJECTS; i++)
		kmem_cache_free(c, objs[i]);
	kfree(objs);

	kmem_cache_shrink(c);
	KTEST_EXPECT_EQ(t, nr_free_pages(), free_before);
	kmem_cache_destroy(c);
}

#define CTOR_MAGIC 0xc0c0beefU

struct ctor_obj {
	u32 magic;
	u32 serial;
	u8 payload[40];
};

static unsigned int ctor_calls;

static void ctor_obj_init(void *p)
{
	struct ctor_obj *o = p;

	o->magic = CTOR_MAGIC;
	o->serial = ++ctor_calls;
	memset(o->payload, 0x11, sizeof(o->payload));
}

static void test_cache_ctor(struct ktest *t)
{
	struct kmem_cache *c;
	struct ctor_obj *a, *b, *again;
	unsigned int calls;

	ctor_calls = 0;
	c = kmem_cache_create("slab_test_ctor", sizeof(struct ctor_obj), 32, 0, ctor_obj_init);
	KTEST_ASSERT_NOT_NULL(t, c);
	KTEST_EXPECT_EQ(t, ctor_calls, 0); /* no slab yet */
	a = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, a);
	calls = ctor_calls;
	KTEST_EXPECT_GE(t, calls, 2); /* the whole slab was constructed at once */
	b = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, b);
	KTEST_EXPECT_EQ(t, ctor_calls, calls);
	KTEST_EXPECT_EQ(t, a->magic, CTOR_MAGIC);
	KTEST_EXPECT_EQ(t, b->magic, CTOR_MAGIC);
	KTEST_EXPECT_EQ(t, (unsigned long)a % 32, 0);
	KTEST_EXPECT_EQ(t, (unsigned long)b % 32, 0);

	/* A freed object comes back as it was freed: constructed, not poisoned or linked. */
	a->serial = 12345;
	kmem_cache_free(c, a);
	again = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(t, again, a);
	if (again) {
		KTEST_EXPECT_EQ(t, again->magic, CTOR_MAGIC);
		KTEST_EXPECT_EQ(t, again->serial, 12345);
		KTEST_EXPECT_EQ(t, again->payload[sizeof(again->payload) - 1], 0x11);
	}
	KTEST_EXPECT_EQ(t, ctor_calls, calls);
	kmem_cache_free(c, again);
	kmem_cache_free(c, b);
	kmem_cache_destroy(c);
}

static void test_cache_align_zalloc(struct ktest *t)
{
	static const struct {
		size_t size, align;
		unsigned int flags;
		size_t want;
	} cases[] = {
		{ 24, 0, SLAB_HWCACHE_ALIGN, 64 },
		{ 24, 128, 0, 128 },
		{ 5, 0, 0, 8 },
		{ 100, 16, 0, 16 },
		{ 3000, 512, 0, 512 },
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		struct kmem_cache *c = kmem_cache_create("slab_test_align", cases[i].size,
							 cases[i].align, cases[i].flags, NULL);
		u8 *p[3];

		KTEST_ASSERT_NOT_NULL(t, c);
		for (unsigned int j = 0; j < ARRAY_SIZE(p); j++) {
			p[j] = kmem_cache_zalloc(c, GFP_KERNEL);
			KTEST_EXPECT_NOT_NULL(t, p[j]);
			if (!p[j])
				continue;
			KTEST_EXPECT_EQ(t, (unsigned long)p[j] % cases[i].want, 0);
			KTEST_EXPECT_NULL(t, first_nonzero(p[j], cases[i].size));
			memset(p[j], 0x5c, cases[i].size);
		}
		for (unsigned int j = 0; j < ARRAY_SIZE(p); j++)
			kmem_cache_free(c, p[j]);
		kmem_cache_destroy(c);
	}
}

static void test_cache_bad_arguments(struct ktest *t)
{
	KTEST_EXPECT_NULL(t, kmem_cache_create("slab_test_bad", 0, 0, 0, NULL));
	KTEST_EXPECT_NULL(t, kmem_cache_create("slab_test_bad", 64, 3, 0, NULL));
	KTEST_EXPECT_NULL(t, kmem_cache_create("slab_test_bad", 64, 2 * PAGE_SIZE, 0, NULL));
	KTEST_EXPECT_NULL(t, kmem_cache_create("slab_test_bad", 1 << 20, 0, 0, NULL));
}

static void test_large_kmalloc(struct ktest *t)
{
	static const struct {
		size_t size;
		unsigned long frames;
	} cases[] = { { 4097, 2 }, { 3 * PAGE_SIZE, 4 }, { 100 * 1024, 32 } };

	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned long before = nr_free_pages();
		u8 *p = kmalloc(cases[i].size, GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(t, p);
		KTEST_EXPECT_EQ(t, (unsigned long)p % PAGE_SIZE, 0);
		KTEST_EXPECT_TRUE(t, PageLargeKmalloc(virt_to_page(p)));
		KTEST_EXPECT_EQ(t, ksize(p), cases[i].frames * PAGE_SIZE);
		KTEST_EXPECT_EQ(t, nr_free_pages(), before - cases[i].frames);
		memset(p, 0x3c, ksize(p));
		kfree(p);
		KTEST_EXPECT_EQ(t, nr_free_pages(), before);
	}
}

/*
 * Takes every frame: 64 KiB kmallocs until they fail, then single pages. Each block holds the
 * address of the previous one, so the chain needs no memory of its own.
 */
static void test_exhaustion_survivable(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("slab_test_exhaust", 256, 0, 0, NULL);
	void **big = NULL, **pages = NULL;
	unsigned long before, nbig = 0, npages = 0;

	KTEST_ASSERT_NOT_NULL(t, c);
	before = nr_free_pages();
	for (;;) {
		void **p = kmalloc(64 * 1024, GFP_KERNEL | __GFP_NOWARN);

		if (!p)
			break;
		*p = big;
		big = p;
		nbig++;
	}
	for (;;) {
		void **p = (void **)__get_free_page(GFP_KERNEL | __GFP_NOWARN);

		if (!p)
			break;
		*p = pages;
		pages = p;
		npages++;
	}
	KTEST_EXPECT_EQ(t, nr_free_pages(), 0);
	KTEST_EXPECT_NULL(t, kmem_cache_alloc(c, GFP_KERNEL | __GFP_NOWARN));
	KTEST_EXPECT_NULL(t, kmalloc(5000, GFP_KERNEL | __GFP_NOWARN));
	ktest_log(t, "took %lu x 64 KiB and %lu pages before running out", nbig, npages);

	while (pages) {
		void **next = *pages;

		free_page((unsigned long)pages);
		pages = next;
	}
	while (big) {
		void **next = *big;

		kfree(big);
		big = next;
	}
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
	/* And the allocator still works. */
	big = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_EXPECT_NOT_NULL(t, big);
	kmem_cache_free(c, big);
	kmem_cache_destroy(c);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
}

static void test_shrink(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("slab_test_shrink", 512, 0, 0, NULL);
	unsigned long before, freed;
	void *objs[64];

	KTEST_ASSERT_NOT_NULL(t, c);
	before = nr_free_pages();
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_EXPECT_GE(t, before - nr_free_pages(), 4); /* several slabs */
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(c, objs[i]);
	/* A few empty slabs are kept for reuse; shrinking gives them back. */
	freed = kmem_cache_shrink(c);
	KTEST_EXPECT_GT(t, freed, 0);
	KTEST_EXPECT_EQ(t, nr_free_pages(), before);
	KTEST_EXPECT_EQ(t, kmem_cache_shrink(c), 0);
	kmem_cache_destroy(c);
	kmem_cache_shrink_all();
}

static void test_destroy_with_leak(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("slab_test_leak", 72, 0, 0, NULL);
	unsigned long in_use, reports = slab_debug_reports();
	void *obj;

	KTEST_ASSERT_NOT_NULL(t, c);
	obj = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, obj);
	in_use = slab_objects_in_use();
	kmem_cache_destroy(c); /* reports the leak and keeps the cache */
	KTEST_EXPECT_EQ(t, slab_objects_in_use(), in_use);
	memset(obj, 0, 72); /* still valid memory */
	kmem_cache_free(c, obj);
	KTEST_EXPECT_EQ(t, slab_objects_in_use(), in_use - 1);
	kmem_cache_destroy(c);
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports);
}

static u64 not_from_kmalloc;

static void test_bad_free_reported(struct ktest *t)
{
	struct kmem_cache *a = kmem_cache_create("slab_test_a", 64, 0, 0, NULL);
	struct kmem_cache *b = kmem_cache_create("slab_test_b", 64, 0, 0, NULL);
	unsigned long reports, in_use;
	struct page *page;
	void *obj;

	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_ASSERT_NOT_NULL(t, b);
	obj = kmem_cache_alloc(a, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, obj);

	reports = slab_debug_reports();
	in_use = slab_objects_in_use();
	kmem_cache_free(b, obj); /* the wrong cache: reported, not freed */
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports + 1);
	KTEST_EXPECT_EQ(t, slab_objects_in_use(), in_use);
	kfree(&not_from_kmalloc);
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports + 2);
	page = alloc_page(GFP_KERNEL);
	if (page) {
		kfree(page_address(page));
		KTEST_EXPECT_EQ(t, slab_debug_reports(), reports + 3);
		__free_page(page);
	}
	kmem_cache_free(a, obj);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

static void test_debug_overrun(struct ktest *t)
{
	unsigned long reports, in_use;
	volatile u8 *p;
	size_t n;

	if (!need_debug(t))
		return;
	p = kmalloc(24, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	n = ksize((void *)p);
	reports = slab_debug_reports();
	in_use = slab_objects_in_use();
	p[n] = 0x42; /* one byte past the usable size */
	kfree((void *)p);
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports + 1);
	KTEST_EXPECT_EQ(t, slab_objects_in_use(), in_use - 1); /* still freed */

	/* The red zone was repaired: the next user of the object is not blamed. */
	p = kmalloc(24, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	kfree((void *)p);
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports + 1);
}

static void test_debug_underrun(struct ktest *t)
{
	unsigned long reports;
	volatile u8 *p;

	if (!need_debug(t))
		return;
	p = kmalloc(128, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	reports = slab_debug_reports();
	p[-1] = 0x42;
	kfree((void *)p);
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports + 1);
}

#define DOUBLE_FREE_ALLOCS 16

static void test_debug_double_free(struct ktest *t)
{
	void *objs[DOUBLE_FREE_ALLOCS];
	unsigned long reports, dups = 0;
	void *p;

	if (!need_debug(t))
		return;
	p = kmalloc(32, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	kfree(p);
	reports = slab_debug_reports();
	kfree(p);
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports + 1);

	/* Had the second free been carried out, p would now be on the free list twice. */
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++)
		objs[i] = kmalloc(32, GFP_KERNEL);
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++) {
		KTEST_EXPECT_NOT_NULL(t, objs[i]);
		for (unsigned int j = 0; j < i; j++)
			dups += objs[i] && objs[i] == objs[j];
	}
	KTEST_EXPECT_EQ(t, dups, 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(objs); i++)
		kfree(objs[i]);
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports + 1);
}

static void test_debug_write_after_free(struct ktest *t)
{
	struct kmem_cache *c;
	unsigned long reports;
	volatile u8 *p;
	void *q;

	if (!need_debug(t))
		return;
	c = kmem_cache_create("slab_test_uaf", 48, 0, 0, NULL);
	KTEST_ASSERT_NOT_NULL(t, c);
	p = kmem_cache_alloc(c, GFP_KERNEL);
	if (!p) {
		kmem_cache_destroy(c);
		KTEST_ASSERT_NOT_NULL(t, p);
	}
	kmem_cache_free(c, (void *)p);
	reports = slab_debug_reports();
	p[5] = 0x42; /* the bug */
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports); /* not seen yet */
	q = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_EXPECT_PTR_EQ(t, q, p);
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports + 1);
	kmem_cache_free(c, q);
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports + 1);
	kmem_cache_destroy(c);
}

static void test_debug_invalid_pointer(struct ktest *t)
{
	unsigned long reports, in_use;
	u8 *p;

	if (!need_debug(t))
		return;
	p = kmalloc(64, GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, p);
	reports = slab_debug_reports();
	in_use = slab_objects_in_use();
	kfree(p + 8);
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports + 1);
	KTEST_EXPECT_EQ(t, slab_objects_in_use(), in_use); /* not freed */
	kfree(p);
	KTEST_EXPECT_EQ(t, slab_debug_reports(), reports + 1);
}

/* ---- two CPUs at once ----------------------------------------------------------------- */

#define CHURN_SLOTS 64
#define CHURN_STEPS 3000

/*
 * Both CPUs swap fresh blocks into shared slots and check and free what they take out, so
 * about half of all frees are of the other CPU's blocks. Each block holds its tag throughout.
 */
struct churn {
	void *slots[CHURN_SLOTS];
	struct ktest_start_line line;
	unsigned long bad[2], done[2];
};

/* An object's first word says its size and owner; the rest repeats its low byte. */
static bool churn_object_intact(const u8 *p)
{
	u64 tag = *(const u64 *)p;
	size_t size = tag & 0xffff;

	for (size_t i = 8; i < size; i++)
		if (p[i] != (u8)(tag >> 16))
			return false;
	return true;
}

static struct kmem_cache *churn_cache;

static void churn_free(void *p)
{
	if ((*(u64 *)p & 0xffff) == 200)
		kmem_cache_free(churn_cache, p);
	else
		kfree(p);
}

static int slab_churn_worker(void *data)
{
	struct churn *c = data;
	u64 seed;
	int id;

	id = ktest_start_together(&c->line);
	seed = 0xabcdef + id;
	for (int i = 0; i < CHURN_STEPS; i++) {
		u64 r = ktest_prng(&seed);
		/* kmalloc classes of every size, and one cache of 200-byte objects */
		size_t size = r % 8 == 0 ? 200 : class_sizes[r % ARRAY_SIZE(class_sizes)];
		u8 *p = size == 200 ? kmem_cache_alloc(churn_cache, GFP_KERNEL)
				    : kmalloc(size, GFP_KERNEL);
		u64 tag = ((u64)id << 24) | ((u64)(i & 0xff) << 16) | size;
		void *old;

		if (!p)
			continue;
		memset(p, (u8)(tag >> 16), size);
		*(u64 *)p = tag;
		old = __atomic_exchange_n(&c->slots[(r >> 8) % CHURN_SLOTS], p, __ATOMIC_ACQ_REL);
		if (old) {
			c->bad[id] += !churn_object_intact(old);
			churn_free(old);
		}
		c->done[id]++;
	}
	return 0;
}

/* kmalloc and a cache from both CPUs at once, with cross-CPU frees: objects intact, counts back. */
static void test_contended_two_cpus(struct ktest *t)
{
	unsigned long in_use = slab_objects_in_use();
	struct churn *c;

	if (!ktest_need_two_cpus(t))
		return;
	c = (struct churn *)get_zeroed_page(GFP_KERNEL);
	KTEST_ASSERT_NOT_NULL(t, c);
	churn_cache = kmem_cache_create("slab_test_churn", 200, 0, 0, NULL);
	KTEST_ASSERT_NOT_NULL(t, churn_cache);
	ktest_settle(nr_tasks());
	in_use = slab_objects_in_use();
	KTEST_EXPECT_EQ(t, ktest_run_on_two_cpus(slab_churn_worker, c, "ktest-churn"), 0);
	for (int i = 0; i < CHURN_SLOTS; i++) {
		if (c->slots[i]) {
			c->bad[0] += !churn_object_intact(c->slots[i]);
			churn_free(c->slots[i]);
		}
	}
	KTEST_EXPECT_EQ(t, c->bad[0] + c->bad[1], 0);
	KTEST_EXPECT_GT(t, c->done[0], CHURN_STEPS / 2);
	KTEST_EXPECT_GT(t, c->done[1], CHURN_STEPS / 2);
	KTEST_EXPECT_EQ(t, slab_objects_in_use(), in_use);
	kmem_cache_destroy(churn_cache);
	free_page((unsigned long)c);
}

#define TIMED_PAIRS 10000

static void test_timings(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("slab_test_timing", 64, 0, 0, NULL);
	u64 start, kmalloc_cycles, cache_cycles, page_cycles;

	KTEST_ASSERT_NOT_NULL(t, c);
	start = rdtsc();
	for (unsigned int i = 0; i < TIMED_PAIRS; i++)
		kfree(kmalloc(64, GFP_KERNEL));
	kmalloc_cycles = rdtsc() - start;

	start = rdtsc();
	for (unsigned int i = 0; i < TIMED_PAIRS; i++)
		kmem_cache_free(c, kmem_cache_alloc(c, GFP_KERNEL));
	cache_cycles = rdtsc() - start;

	start = rdtsc();
	for (unsigned int i = 0; i < TIMED_PAIRS; i++) {
		struct page *page = alloc_page(GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(t, page);
		__free_page(page);
	}
	page_cycles = rdtsc() - start;
	kmem_cache_destroy(c);

	ktest_log(t, "CONFIG_DEBUG_SLAB=%s", IS_ENABLED(CONFIG_DEBUG_SLAB) ? "y" : "n");
	ktest_figure(t, "kmalloc64_kfree", kmalloc_cycles / TIMED_PAIRS, "cycles");
	ktest_figure(t, "kmem_cache64_alloc_free", cache_cycles / TIMED_PAIRS, "cycles");
	ktest_figure(t, "alloc_page_free", page_cycles / TIMED_PAIRS, "cycles");
}

static struct ktest_case slab_cases[] = {
	KTEST_CASE(test_size_classes),
	KTEST_CASE(test_zero_size),
	KTEST_CASE(test_kzalloc_kcalloc),
	KTEST_CASE(test_object_reuse),
	KTEST_CASE(test_many_objects_random_order),
	KTEST_CASE(test_cache_ctor),
	KTEST_CASE(test_cache_align_zalloc),
	KTEST_CASE(test_cache_bad_arguments),
	KTEST_CASE(test_large_kmalloc),
	KTEST_CASE(test_exhaustion_survivable),
	KTEST_CASE(test_shrink),
	KTEST_CASE(test_destroy_with_leak),
	KTEST_CASE(test_bad_free_reported),
	KTEST_CASE(test_debug_overrun),
	KTEST_CASE(test_debug_underrun),
	KTEST_CASE(test_debug_double_free),
	KTEST_CASE(test_debug_write_after_free),
	KTEST_CASE(test_debug_invalid_pointer),
	KTEST_CASE(test_contended_two_cpus),
	KTEST_FIGURES(test_timings),
	{},
};

static struct ktest_suite slab_suite = {
	.name = "slab",
	.cases = slab_cases,
	.init = slab_test_init,
	.exit = slab_test_exit,
};
ktest_register_suite(slab_suite);
