// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator: caches of fixed-size objects carved out of blocks of pages from the
 * buddy allocator, and kmalloc on top of a set of such caches.
 *
 * A slab is one buddy block of 2^order frames (order 0 to 3, the smallest that holds at least
 * eight objects or wastes less than an eighth of itself). Its objects lie at a fixed stride
 * (cache->size) from the start of the block. The struct page of the block's first frame, the
 * head, describes the slab: slab_cache, freelist (the first free object; each free object
 * holds the address of the next one in a word at cache->free_offset from its start), inuse,
 * objects, and lru, which keeps it on one of the cache's three lists:
 *
 *	partial	some objects free: allocation takes from the first of these
 *	full	no object free
 *	empty	no object in use: kept for reuse, at most SLAB_KEEP_EMPTY of them, the rest go
 *		back to the buddy allocator (and kmem_cache_shrink() gives those back too)
 *
 * From an object to its slab: every frame of a slab has PG_slab and slab_cache set, and since
 * the buddy allocator aligns a block of 2^order frames to its size, the head is the frame
 * number with its low cache->order bits cleared. So virt_to_page() of any address inside a
 * slab leads to the head in one step, and no tail frame needs a pointer of its own.
 *
 * Object layout within its stride. Without CONFIG_DEBUG_SLAB the object starts the stride and
 * the free-list link is its first word; a cache with a constructor keeps the link after the
 * object instead, so that a free object keeps its constructed state. With CONFIG_DEBUG_SLAB:
 *
 *	| red zone | object (object_size) | red zone, >= 16 bytes | struct slab_track | pad |
 *	           ^ offset                                        ^ object + free_offset
 *
 * The red zones hold REDZONE_BYTE and are checked when the object is freed; a free object is
 * filled with POISON_BYTE (unless the cache has a constructor) and checked when it is handed
 * out again; the track records the state and who allocated and freed the object last.
 *
 * The descriptors of caches come from a cache of their own, kmem_cache_boot, which is static
 * and so needs no descriptor itself.
 *
 * Locking: each cache's lock (irq-safe) covers its lists, the slabs on them and the counters.
 * slab_caches_lock covers the list of caches and is taken before a cache's lock. Pages are
 * allocated from the buddy allocator with no slab lock held, and given back likewise, except
 * by kmem_cache_shrink_all(). Reports are printed after the cache lock is dropped.
 */
#include <asm/page.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/gfp.h>
#include <kernel/list.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>

#define SLAB_MAX_ORDER 3
#define SLAB_MIN_OBJECTS 8
#define SLAB_KEEP_EMPTY 2
#define SLAB_MIN_ALIGN 8 /* a free object holds a pointer */
#define SLAB_ALIGN_HWCACHE 64
#define CACHE_NAME_LEN 32

#define REDZONE_SIZE 16
#define REDZONE_BYTE 0xbb
#define POISON_BYTE 0x6b
#define OBJ_LIVE 0x4556494cUL /* handed out: "LIVE" in a memory dump */
#define OBJ_FREE 0x45455246UL /* on a free list: "FREE" in a memory dump */
#define MAX_PROBLEMS 3 /* found by one allocation or free */
#define LEAKS_SHOWN 8 /* leaked objects named by kmem_cache_destroy() */

struct kmem_cache {
	spinlock_t lock;
	unsigned int object_size; /* what the creator asked for: the usable size */
	unsigned int size; /* stride between objects */
	unsigned int offset; /* of the object within its stride: the red zone before it */
	unsigned int free_offset; /* of the free-list link, from the start of the object */
	unsigned int align;
	unsigned int order; /* of a slab */
	unsigned int objects; /* per slab */
	unsigned int flags;
	void (*ctor)(void *);
	struct list_head partial, full, empty;
	unsigned int nr_empty;
	unsigned long nr_slabs;
	unsigned long inuse; /* objects handed out */
	struct list_head list; /* on slab_caches */
	char name[CACHE_NAME_LEN];
};

/* CONFIG_DEBUG_SLAB: what follows an object's right red zone. link must come first. */
struct slab_track {
	void *link; /* the free-list link */
	unsigned long state; /* OBJ_LIVE or OBJ_FREE */
	void *alloc_by;
	void *free_by;
};

/* A problem found with a cache lock held, reported once it is dropped. */
struct slab_problem {
	const char *what;
	const void *obj;
	void *alloc_by;
	void *free_by;
};

static struct kmem_cache kmem_cache_boot;
static LIST_HEAD(slab_caches);
static DEFINE_SPINLOCK(slab_caches_lock);
static unsigned long nr_reports;

/* The kmalloc size classes; 96 and 192 halve the waste between 64, 128 and 256. */
static const unsigned int kmalloc_sizes[] = {
	16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096
};
static const char *const kmalloc_names[] = {
	"kmalloc-16",  "kmalloc-32",  "kmalloc-64",   "kmalloc-96",   "kmalloc-128",  "kmalloc-192",
	"kmalloc-256", "kmalloc-512", "kmalloc-1024", "kmalloc-2048", "kmalloc-4096",
};
#define KMALLOC_NR_CACHES ARRAY_SIZE(kmalloc_sizes)
#define KMALLOC_INDEX_256 6 /* from here on the classes are the powers of two */
#define KMALLOC_SMALL_MAX 192 /* up to here a table finds the class */

static struct kmem_cache *kmalloc_caches[KMALLOC_NR_CACHES];
/* The class of a request of 1 to 192 bytes, by (size - 1) / 8. */
static u8 kmalloc_small_index[KMALLOC_SMALL_MAX / 8];

static inline bool slab_debug(void)
{
	return IS_ENABLED(CONFIG_DEBUG_SLAB);
}

static inline bool cache_poisons(const struct kmem_cache *c)
{
	return slab_debug() && !c->ctor;
}

static inline void **free_link(const struct kmem_cache *c, const void *obj)
{
	return (void **)((char *)obj + c->free_offset);
}

static inline struct slab_track *obj_track(const struct kmem_cache *c, const void *obj)
{
	return (struct slab_track *)((char *)obj + c->free_offset);
}

static inline void *slab_obj(const struct kmem_cache *c, const struct page *slab, unsigned int i)
{
	return (char *)page_address(slab) + (size_t)i * c->size + c->offset;
}

static inline bool is_power_of_2(unsigned long x)
{
	return x && !(x & (x - 1));
}

/* The smallest order with PAGE_SIZE << order >= size; size must be at most 4 GiB or so. */
static unsigned int size_to_order(size_t size)
{
	size_t pages = DIV_ROUND_UP(size, PAGE_SIZE);

	return pages <= 1 ? 0 : 64 - __builtin_clzl(pages - 1);
}

/* The head page of the slab that holds addr, or NULL when addr is in no slab. */
static struct page *addr_to_slab(const void *addr)
{
	unsigned long pfn = __pa(addr) >> PAGE_SHIFT;
	struct page *page;

	if (unlikely(!pfn_valid(pfn)))
		return NULL;
	page = pfn_to_page(pfn);
	if (!PageSlab(page))
		return NULL;
	return pfn_to_page(pfn & ~((1UL << page->slab_cache->order) - 1));
}

/*
 * Where obj lies in its slab: the index of the object that holds it, and whether obj is that
 * object's start. An address before the first object or after the last gives false and
 * *index >= slab->objects.
 */
static bool obj_index(const struct kmem_cache *c, const struct page *slab, const void *obj,
		      unsigned int *index)
{
	unsigned long off = (unsigned long)obj - (unsigned long)page_address(slab);

	if (off < c->offset) {
		*index = 0;
		return false;
	}
	off -= c->offset;
	*index = off / c->size;
	return off % c->size == 0 && *index < slab->objects;
}

/* ------------------------------------------------------------------------------------------- */
/* CONFIG_DEBUG_SLAB: red zones, poison, tracks */

/* The first byte of p[0..n) that is not byte, or NULL; a word at a time where it can. */
static const u8 *find_not(const void *p, u8 byte, size_t n)
{
	const unsigned long pattern = 0x0101010101010101UL * byte;
	const u8 *b = p, *end = b + n;

	for (; b < end && !IS_ALIGNED((unsigned long)b, sizeof(long)); b++)
		if (*b != byte)
			return b;
	for (; b + sizeof(long) <= end; b += sizeof(long))
		if (*(const unsigned long *)b != pattern)
			break;
	for (; b < end; b++)
		if (*b != byte)
			return b;
	return NULL;
}

static void fill_redzones(const struct kmem_cache *c, void *obj)
{
	memset((char *)obj - c->offset, REDZONE_BYTE, c->offset);
	memset((char *)obj + c->object_size, REDZONE_BYTE, c->free_offset - c->object_size);
}

/* Which red zones are overwritten: bit 0 the one before the object, bit 1 the one after. */
static unsigned int check_redzones(const struct kmem_cache *c, const void *obj)
{
	unsigned int bad = 0;

	if (find_not((const char *)obj - c->offset, REDZONE_BYTE, c->offset))
		bad |= 1;
	if (find_not((const char *)obj + c->object_size, REDZONE_BYTE,
		     c->free_offset - c->object_size))
		bad |= 2;
	return bad;
}

static const char *const redzone_what[] = {
	NULL,
	"underrun (red zone before the object overwritten)",
	"overrun (red zone after the object overwritten)",
	"underrun and overrun (both red zones overwritten)",
};

static void debug_init_obj(const struct kmem_cache *c, void *obj)
{
	struct slab_track *track = obj_track(c, obj);

	fill_redzones(c, obj);
	if (cache_poisons(c))
		memset(obj, POISON_BYTE, c->object_size);
	track->state = OBJ_FREE;
	track->alloc_by = NULL;
	track->free_by = NULL;
}

/*
 * An object was just taken off slab's free list (cache lock held): check that it was left
 * alone while free, and that the link to the next free object points at an object; a link
 * that does not is dropped, losing the free objects after it rather than handing out wild
 * memory. Returns the number of problems written to p (at most MAX_PROBLEMS).
 */
static int debug_alloc(const struct kmem_cache *c, struct page *slab, void *obj, void *caller,
		       struct slab_problem *p)
{
	struct slab_track *track = obj_track(c, obj);
	void *next = slab->freelist;
	unsigned int index;
	int n = 0;

	lockdep_assert_held(&c->lock);
	if (next && !obj_index(c, slab, next, &index)) {
		p[n++] = (struct slab_problem){ "free list corrupted (link overwritten)", obj,
						track->alloc_by, track->free_by };
		slab->freelist = NULL;
	}
	if (track->state != OBJ_FREE)
		p[n++] = (struct slab_problem){ "free object's metadata overwritten", obj,
						track->alloc_by, track->free_by };
	if ((cache_poisons(c) && find_not(obj, POISON_BYTE, c->object_size)) ||
	    check_redzones(c, obj)) {
		p[n++] = (struct slab_problem){ "write after free (poison or red zone overwritten)",
						obj, track->alloc_by, track->free_by };
		fill_redzones(c, obj);
	}
	track->state = OBJ_LIVE;
	track->alloc_by = caller;
	return n;
}

/*
 * Checks a free (cache lock held). Returns false when the object must not be freed: obj is
 * not the start of an object, or the object is already free. Red zones that were overwritten
 * are reported and rewritten, and the object is freed all the same.
 */
static bool debug_free(const struct kmem_cache *c, struct page *slab, void *obj, void *caller,
		       struct slab_problem *p, int *np)
{
	struct slab_track *track;
	unsigned int index, bad;

	lockdep_assert_held(&c->lock);
	if (!obj_index(c, slab, obj, &index)) {
		void *holder = index < slab->objects ? slab_obj(c, slab, index) : NULL;

		track = holder ? obj_track(c, holder) : NULL;
		p[(*np)++] = (struct slab_problem){ "invalid free (not the start of an object)",
						    obj, track ? track->alloc_by : NULL, caller };
		return false;
	}
	track = obj_track(c, obj);
	if (track->state == OBJ_FREE) {
		p[(*np)++] = (struct slab_problem){ "double free", obj, track->alloc_by,
						    track->free_by };
		return false;
	}
	bad = check_redzones(c, obj);
	if (bad) {
		p[(*np)++] =
			(struct slab_problem){ redzone_what[bad], obj, track->alloc_by, caller };
		fill_redzones(c, obj);
	}
	if (track->state != OBJ_LIVE)
		p[(*np)++] = (struct slab_problem){ "object metadata overwritten", obj,
						    track->alloc_by, caller };
	if (cache_poisons(c))
		memset(obj, POISON_BYTE, c->object_size);
	track->state = OBJ_FREE;
	track->free_by = caller;
	return true;
}

static void count_report(void)
{
	__atomic_fetch_add(&nr_reports, 1, __ATOMIC_RELAXED);
}

unsigned long slab_debug_reports(void)
{
	return __atomic_load_n(&nr_reports, __ATOMIC_RELAXED);
}

static void report(const struct kmem_cache *c, const struct slab_problem *p, int n)
{
	for (int i = 0; i < n; i++) {
		count_report();
		pr_err("BUG: slab %s: %s at %p, allocated by %pS, freed by %pS\n", c->name,
		       p[i].what, p[i].obj, p[i].alloc_by, p[i].free_by);
		dump_stack();
	}
}

/* ------------------------------------------------------------------------------------------- */
/* Slabs */

static struct page *new_slab(struct kmem_cache *c, gfp_t gfp)
{
	struct page *slab = alloc_pages(gfp & ~__GFP_ZERO, c->order);
	void *obj;

	if (!slab)
		return NULL;
	for (unsigned int i = 0; i < (1U << c->order); i++) {
		__SetPageSlab(slab + i);
		slab[i].slab_cache = c;
	}
	slab->inuse = 0;
	slab->objects = c->objects;
	slab->freelist = slab_obj(c, slab, 0);
	for (unsigned int i = 0; i < c->objects; i++) {
		obj = slab_obj(c, slab, i);
		if (slab_debug())
			debug_init_obj(c, obj);
		if (c->ctor)
			c->ctor(obj);
		*free_link(c, obj) = i + 1 < c->objects ? slab_obj(c, slab, i + 1) : NULL;
	}
	return slab;
}

static void free_slab(struct kmem_cache *c, struct page *slab)
{
	for (unsigned int i = 0; i < (1U << c->order); i++) {
		__ClearPageSlab(slab + i);
		slab[i].slab_cache = NULL;
	}
	slab->freelist = NULL;
	slab->inuse = 0;
	slab->objects = 0;
	__free_pages(slab, c->order);
}

/* Frees the slabs on a list taken off a cache; returns the frames given back. */
static unsigned long free_slab_list(struct kmem_cache *c, struct list_head *list)
{
	struct page *slab, *next;
	unsigned long frames = 0;

	list_for_each_entry_safe(slab, next, list, lru) {
		list_del(&slab->lru);
		free_slab(c, slab);
		frames += 1UL << c->order;
	}
	return frames;
}

static void *slab_alloc(struct kmem_cache *c, gfp_t gfp, void *caller)
{
	struct slab_problem problems[MAX_PROBLEMS];
	unsigned long flags;
	struct page *slab;
	void *obj;
	int n = 0;

	spin_lock_irqsave(&c->lock, flags);
	for (;;) {
		slab = list_first_entry_or_null(&c->partial, struct page, lru);
		if (slab)
			break;
		slab = list_first_entry_or_null(&c->empty, struct page, lru);
		if (slab) {
			list_move(&slab->lru, &c->partial);
			c->nr_empty--;
			break;
		}
		/* Make a slab with no lock held; meanwhile another CPU may free objects. */
		spin_unlock_irqrestore(&c->lock, flags);
		slab = new_slab(c, gfp);
		if (!slab)
			return NULL;
		spin_lock_irqsave(&c->lock, flags);
		list_add(&slab->lru, &c->partial);
		c->nr_slabs++;
	}
	obj = slab->freelist;
	slab->freelist = *free_link(c, obj);
	slab->inuse++;
	c->inuse++;
	if (slab_debug())
		n = debug_alloc(c, slab, obj, caller, problems);
	if (!slab->freelist)
		list_move(&slab->lru, &c->full);
	spin_unlock_irqrestore(&c->lock, flags);

	if (unlikely(n))
		report(c, problems, n);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, c->object_size);
	return obj;
}

static void slab_free(struct kmem_cache *c, struct page *slab, void *obj, void *caller)
{
	struct slab_problem problems[MAX_PROBLEMS];
	struct page *to_free = NULL;
	unsigned long flags;
	bool was_full;
	int n = 0;

	spin_lock_irqsave(&c->lock, flags);
	if (slab_debug() && !debug_free(c, slab, obj, caller, problems, &n))
		goto out;
	was_full = !slab->freelist;
	*free_link(c, obj) = slab->freelist;
	slab->freelist = obj;
	slab->inuse--;
	c->inuse--;
	if (!slab->inuse) {
		if (c->nr_empty < SLAB_KEEP_EMPTY) {
			list_move(&slab->lru, &c->empty);
			c->nr_empty++;
		} else {
			list_del(&slab->lru);
			c->nr_slabs--;
			to_free = slab;
		}
	} else if (was_full) {
		list_move(&slab->lru, &c->partial);
	}
out:
	spin_unlock_irqrestore(&c->lock, flags);
	if (unlikely(n))
		report(c, problems, n);
	if (to_free)
		free_slab(c, to_free);
}

/* A free of something that is in no slab of the right cache (checked in every build). */
static void report_bad_free(const struct kmem_cache *c, const void *obj, void *caller)
{
	const struct page *slab = addr_to_slab(obj);

	count_report();
	if (slab)
		pr_err("BUG: slab %s: free of an object of cache %s at %p, by %pS\n",
		       c ? c->name : "kfree", slab->slab_cache->name, obj, caller);
	else
		pr_err("BUG: slab %s: free of %p, which no cache handed out, by %pS\n",
		       c ? c->name : "kfree", obj, caller);
	dump_stack();
}

/* ------------------------------------------------------------------------------------------- */
/* Caches */

/* Lays the objects out and picks the slab order; -EINVAL if no slab can hold an object. */
static int calculate_layout(struct kmem_cache *c)
{
	unsigned int end;

	if (slab_debug()) {
		c->offset = ALIGN(REDZONE_SIZE, c->align);
		c->free_offset = ALIGN(c->object_size + REDZONE_SIZE, sizeof(void *));
		end = c->offset + c->free_offset + sizeof(struct slab_track);
	} else if (c->ctor) {
		c->offset = 0;
		c->free_offset = ALIGN(c->object_size, sizeof(void *));
		end = c->free_offset + sizeof(void *);
	} else {
		c->offset = 0;
		c->free_offset = 0;
		end = max(c->object_size, (unsigned int)sizeof(void *));
	}
	c->size = ALIGN(end, c->align);

	for (unsigned int order = 0; order <= SLAB_MAX_ORDER; order++) {
		unsigned long bytes = PAGE_SIZE << order;
		unsigned long n = bytes / c->size;
		unsigned long waste = bytes - n * c->size;

		if (!n)
			continue;
		if (n >= SLAB_MIN_OBJECTS || waste * 8 < bytes || order == SLAB_MAX_ORDER) {
			c->order = order;
			c->objects = n;
			return 0;
		}
	}
	return -EINVAL;
}

static int init_cache(struct kmem_cache *c, const char *name, size_t size, size_t align,
		      unsigned int flags, void (*ctor)(void *))
{
	if (!size || size > (PAGE_SIZE << SLAB_MAX_ORDER))
		return -EINVAL;
	if (!align)
		align = SLAB_MIN_ALIGN;
	if (!is_power_of_2(align) || align > PAGE_SIZE)
		return -EINVAL;
	if (flags & SLAB_HWCACHE_ALIGN)
		align = max(align, (size_t)SLAB_ALIGN_HWCACHE);
	align = max(align, (size_t)SLAB_MIN_ALIGN);

	spin_lock_init(&c->lock);
	strscpy(c->name, name ? name : "(unnamed)", sizeof(c->name));
	c->object_size = size;
	c->align = align;
	c->flags = flags;
	c->ctor = ctor;
	INIT_LIST_HEAD(&c->partial);
	INIT_LIST_HEAD(&c->full);
	INIT_LIST_HEAD(&c->empty);
	c->nr_empty = 0;
	c->nr_slabs = 0;
	c->inuse = 0;
	return calculate_layout(c);
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned int flags, void (*ctor)(void *))
{
	struct kmem_cache *c;
	unsigned long irqflags;
	int err = -EAGAIN;

	if (unlikely(!kmem_cache_boot.objects)) /* before kmem_cache_init() */
		goto fail;
	err = -ENOMEM;
	c = slab_alloc(&kmem_cache_boot, GFP_KERNEL, __builtin_return_address(0));
	if (!c)
		goto fail;
	err = init_cache(c, name, size, align, flags, ctor);
	if (err)
		goto free_desc;

	spin_lock_irqsave(&slab_caches_lock, irqflags);
	list_add_tail(&c->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, irqflags);
	return c;

free_desc:
	slab_free(&kmem_cache_boot, virt_to_page(c), c, __builtin_return_address(0));
fail:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create: cannot create cache %s of %zu bytes (error %d)",
		      name ? name : "(unnamed)", size, err);
	return NULL;
}

/* Lists up to LEAKS_SHOWN objects in use with who allocated them (cache lock held). */
static int find_leaks(const struct kmem_cache *c, struct slab_problem *p)
{
	const struct list_head *lists[] = { &c->partial, &c->full };
	struct page *slab;
	int n = 0;

	lockdep_assert_held(&c->lock);
	for (unsigned int l = 0; l < ARRAY_SIZE(lists); l++) {
		list_for_each_entry(slab, lists[l], lru) {
			for (unsigned int i = 0; i < slab->objects && n < LEAKS_SHOWN; i++) {
				void *obj = slab_obj(c, slab, i);
				struct slab_track *track = obj_track(c, obj);

				if (track->state == OBJ_LIVE)
					p[n++] = (struct slab_problem){ NULL, obj, track->alloc_by,
									NULL };
			}
		}
	}
	return n;
}

void kmem_cache_destroy(struct kmem_cache *c)
{
	struct slab_problem leaks[LEAKS_SHOWN];
	unsigned long flags, inuse;
	LIST_HEAD(slabs);
	int nleaks = 0;

	if (!c)
		return;
	if (WARN_ON(c == &kmem_cache_boot))
		return;

	spin_lock_irqsave(&slab_caches_lock, flags);
	spin_lock(&c->lock);
	inuse = c->inuse;
	list_splice_init(&c->empty, &slabs);
	c->nr_slabs -= c->nr_empty;
	c->nr_empty = 0;
	if (inuse && slab_debug())
		nleaks = find_leaks(c, leaks);
	if (!inuse)
		list_del(&c->list);
	spin_unlock(&c->lock);
	spin_unlock_irqrestore(&slab_caches_lock, flags);

	free_slab_list(c, &slabs);
	if (inuse) {
		pr_err("kmem_cache_destroy %s: %lu objects still in use (leaked); cache kept\n",
		       c->name, inuse);
		for (int i = 0; i < nleaks; i++)
			pr_err("  leaked object %p allocated by %pS\n", leaks[i].obj,
			       leaks[i].alloc_by);
		dump_stack();
		return;
	}
	slab_free(&kmem_cache_boot, addr_to_slab(c), c, __builtin_return_address(0));
}

void *kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp)
{
	return slab_alloc(c, gfp, __builtin_return_address(0));
}

void *kmem_cache_zalloc(struct kmem_cache *c, gfp_t gfp)
{
	return slab_alloc(c, gfp | __GFP_ZERO, __builtin_return_address(0));
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	struct page *slab;

	if (unlikely(!obj))
		return;
	slab = addr_to_slab(obj);
	if (unlikely(!slab || slab->slab_cache != c)) {
		report_bad_free(c, obj, __builtin_return_address(0));
		return;
	}
	slab_free(c, slab, obj, __builtin_return_address(0));
}

unsigned long kmem_cache_shrink(struct kmem_cache *c)
{
	unsigned long flags;
	LIST_HEAD(slabs);

	spin_lock_irqsave(&c->lock, flags);
	list_splice_init(&c->empty, &slabs);
	c->nr_slabs -= c->nr_empty;
	c->nr_empty = 0;
	spin_unlock_irqrestore(&c->lock, flags);
	return free_slab_list(c, &slabs);
}

unsigned long kmem_cache_shrink_all(void)
{
	unsigned long flags, frames = 0;
	struct kmem_cache *c;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(c, &slab_caches, list)
		frames += kmem_cache_shrink(c);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return frames;
}

unsigned long slab_objects_in_use(void)
{
	unsigned long flags, n = 0;
	struct kmem_cache *c;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(c, &slab_caches, list)
		n += READ_ONCE(c->inuse);
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return n;
}

/*
 * A snapshot of up to max caches' counters, for /proc/slabinfo: copied under the locks, so
 * that the caller can format them with nothing held (formatting allocates). Returns how many
 * caches there are, which may be more than max.
 */
int slab_info_snapshot(struct slab_info *out, int max)
{
	unsigned long flags;
	struct kmem_cache *c;
	int n = 0;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(c, &slab_caches, list) {
		if (n < max) {
			struct slab_info *si = &out[n];

			spin_lock(&c->lock);
			strscpy(si->name, c->name, sizeof(si->name));
			si->active_objs = c->inuse;
			si->num_objs = c->nr_slabs * c->objects;
			si->active_slabs = c->nr_slabs - c->nr_empty;
			si->num_slabs = c->nr_slabs;
			si->objsize = c->size;
			si->objperslab = c->objects;
			si->pagesperslab = 1U << c->order;
			spin_unlock(&c->lock);
		}
		n++;
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
	return n;
}

/* ------------------------------------------------------------------------------------------- */
/* kmalloc */

static inline struct kmem_cache *kmalloc_cache(size_t size)
{
	if (size <= KMALLOC_SMALL_MAX)
		return kmalloc_caches[kmalloc_small_index[(size - 1) / 8]];
	/* 193 to 4096 bytes: the powers of two from 256, by the ceiling of log2(size). */
	return kmalloc_caches[KMALLOC_INDEX_256 + (64 - __builtin_clzl(size - 1)) - 8];
}

static void *kmalloc_large(size_t size, gfp_t gfp)
{
	struct page *page;

	if (size > (PAGE_SIZE << MAX_ORDER))
		return NULL;
	page = alloc_pages(gfp, size_to_order(size));
	if (!page)
		return NULL;
	__SetPageLargeKmalloc(page);
	return page_address(page);
}

static void *do_kmalloc(size_t size, gfp_t gfp, void *caller)
{
	struct kmem_cache *c;

	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, gfp);
	c = kmalloc_cache(size);
	if (unlikely(!c)) /* before kmem_cache_init() */
		return NULL;
	return slab_alloc(c, gfp, caller);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	return do_kmalloc(size, gfp, __builtin_return_address(0));
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return do_kmalloc(size, gfp | __GFP_ZERO, __builtin_return_address(0));
}

void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return do_kmalloc(bytes, gfp | __GFP_ZERO, __builtin_return_address(0));
}

void kfree(const void *obj)
{
	void *caller = __builtin_return_address(0);
	unsigned long pfn;
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(obj)))
		return;
	pfn = __pa(obj) >> PAGE_SHIFT;
	if (unlikely(!pfn_valid(pfn)))
		goto bad;
	page = pfn_to_page(pfn);
	if (likely(PageSlab(page))) {
		struct kmem_cache *c = page->slab_cache;

		slab_free(c, pfn_to_page(pfn & ~((1UL << c->order) - 1)), (void *)obj, caller);
		return;
	}
	if (PageLargeKmalloc(page) && obj == page_address(page)) {
		__ClearPageLargeKmalloc(page);
		__free_pages(page, page->order);
		return;
	}
bad:
	report_bad_free(NULL, obj, caller);
}

size_t ksize(const void *obj)
{
	unsigned long pfn;
	struct page *page;

	if (ZERO_OR_NULL_PTR(obj))
		return 0;
	pfn = __pa(obj) >> PAGE_SHIFT;
	if (WARN_ON(!pfn_valid(pfn)))
		return 0;
	page = pfn_to_page(pfn);
	if (PageSlab(page))
		return page->slab_cache->object_size;
	if (PageLargeKmalloc(page))
		return PAGE_SIZE << page->order;
	WARN_ON(1);
	return 0;
}

void kmem_cache_init(void)
{
	unsigned int class = 0;

	if (init_cache(&kmem_cache_boot, "kmem_cache", sizeof(struct kmem_cache), 0, 0, NULL))
		panic("slab: cannot lay out the cache of caches");
	list_add(&kmem_cache_boot.list, &slab_caches);

	for (unsigned int i = 0; i < KMALLOC_NR_CACHES; i++) {
		unsigned int size = kmalloc_sizes[i];

		/* Natural alignment up to 64: the largest power of two dividing the size. */
		kmalloc_caches[i] =
			kmem_cache_create(kmalloc_names[i], size,
					  min(size & -size, SLAB_ALIGN_HWCACHE), SLAB_PANIC, NULL);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(kmalloc_small_index); i++) {
		while (kmalloc_sizes[class] < (i + 1) * 8)
			class ++;
		kmalloc_small_index[i] = class;
	}
	pr_info("slab: kmalloc caches of %u to %u bytes%s\n", kmalloc_sizes[0],
		kmalloc_sizes[KMALLOC_NR_CACHES - 1],
		slab_debug() ? "; debugging: red zones, poisoning, double-free checks" : "");
}
