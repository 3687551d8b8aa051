/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_SLAB_H
#define _KERNEL_SLAB_H

#include <kernel/gfp.h>
#include <kernel/types.h>

/*
 * The slab allocator (mm/slab.c): caches of fixed-size objects carved out of pages from the
 * buddy allocator, and kmalloc over power-of-two caches from 16 bytes to 4 KiB (larger
 * requests go straight to the buddy allocator). Allocation may fail and returns NULL.
 *
 * With CONFIG_DEBUG_SLAB every object gets red zones before and after it and is poisoned
 * while free; an overrun, a double free or a write after free is reported with the caller
 * that allocated or freed it.
 */
#define SLAB_HWCACHE_ALIGN 0x1u /* align objects to 64 bytes */
#define SLAB_PANIC 0x2u /* creation failure is fatal (boot-time caches) */

#define KMALLOC_MIN_SIZE 16
#define KMALLOC_MAX_CACHE_SIZE 4096

/*
 * kmalloc(0) returns this rather than NULL, so that "no memory" and "nothing asked for" stay
 * apart; it faults when dereferenced, and kfree() and ksize() accept it, as they accept NULL.
 */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(p) ((unsigned long)(p) <= (unsigned long)ZERO_SIZE_PTR)

struct kmem_cache;

/*
 * A cache of objects of @size bytes aligned to @align (0: 8 bytes; a power of two up to a
 * page). The name is copied. @ctor, when given, runs on every object once, when the slab
 * holding it is made: a freed object must be handed back in its constructed state. Returns
 * NULL on failure, or panics with SLAB_PANIC.
 *
 * kmem_cache_destroy() of a cache that still has objects in use reports the leak, gives back
 * the empty slabs and keeps the cache, so that the objects stay valid and can still be freed.
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned int flags, void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *cache);
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp);
void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *cache, void *obj);
/* Gives the cache's empty slabs back to the page allocator; returns the frames freed. */
unsigned long kmem_cache_shrink(struct kmem_cache *cache);
unsigned long kmem_cache_shrink_all(void);

void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void *kcalloc(size_t n, size_t size, gfp_t gfp);
void kfree(const void *obj);
/*
 * The usable size of a kmalloc'd object (its size class). kmalloc objects are aligned to at
 * least 8 bytes, and a power-of-two size class to its size up to 64 bytes.
 */
size_t ksize(const void *obj);

/* Objects in use across all caches, for leak checks. */
unsigned long slab_objects_in_use(void);

/* One cache's counters, in /proc/slabinfo's terms (fs/proc/slabinfo.c). */
struct slab_info {
	char name[32];
	unsigned long active_objs, num_objs, active_slabs, num_slabs;
	unsigned int objsize, objperslab, pagesperslab;
};

int slab_info_snapshot(struct slab_info *out, int max);

/*
 * How many problems CONFIG_DEBUG_SLAB (and the checks kept without it: freeing a pointer that
 * no cache handed out, or to the wrong cache) has reported since boot; tests plant a bug and
 * expect this to go up by exactly one.
 */
unsigned long slab_debug_reports(void);

void kmem_cache_init(void);

#endif /* _KERNEL_SLAB_H */
