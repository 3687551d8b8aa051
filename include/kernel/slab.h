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

struct kmem_cache;

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
/* The usable size of a kmalloc'd object (its size class). */
size_t ksize(const void *obj);

/* Objects in use across all caches, for leak checks. */
unsigned long slab_objects_in_use(void);

void kmem_cache_init(void);

#endif /* _KERNEL_SLAB_H */
