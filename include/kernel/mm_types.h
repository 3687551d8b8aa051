/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_MM_TYPES_H
#define _KERNEL_MM_TYPES_H

#include <kernel/atomic.h>
#include <kernel/list.h>
#include <kernel/types.h>

struct kmem_cache;
struct address_space;

/*
 * One struct page per physical page frame, in the array mem_map indexed by frame number, so
 * frame <-> struct page is one subtraction. What the fields mean depends on who owns the
 * frame, as the flags say:
 *
 *   PG_buddy	free, the head of a free block of 2^order frames, on a buddy free list (lru)
 *   PG_slab	a slab: slab_cache, freelist, inuse, objects; on the cache's lists (lru)
 *   PG_head	the first frame of a block allocated with order > 0 (order kept)
 *   PG_reserved	never handed out (firmware, the kernel image, the boot information)
 *   (none)	an ordinary allocated frame; _refcount counts its users
 */
struct page {
	unsigned long flags;
	atomic_t _refcount;
	unsigned int order;
	struct list_head lru;
	union {
		struct { /* slab */
			struct kmem_cache *slab_cache;
			void *freelist;
			unsigned int inuse;
			unsigned int objects;
		};
		struct { /* page cache (later) */
			struct address_space *mapping;
			unsigned long index;
		};
	};
};

enum pageflags {
	PG_reserved,
	PG_buddy,
	PG_slab,
	PG_head,
	PG_large_kmalloc, /* a kmalloc larger than the largest slab size */
	PG_pgtable, /* a page-table page */
};

#define DEFINE_PAGEFLAG(name, bit)                           \
	static inline bool Page##name(const struct page *p)  \
	{                                                    \
		return p->flags & (1UL << (bit));            \
	}                                                    \
	static inline void __SetPage##name(struct page *p)   \
	{                                                    \
		p->flags |= 1UL << (bit);                    \
	}                                                    \
	static inline void __ClearPage##name(struct page *p) \
	{                                                    \
		p->flags &= ~(1UL << (bit));                 \
	}

DEFINE_PAGEFLAG(Reserved, PG_reserved)
DEFINE_PAGEFLAG(Buddy, PG_buddy)
DEFINE_PAGEFLAG(Slab, PG_slab)
DEFINE_PAGEFLAG(Head, PG_head)
DEFINE_PAGEFLAG(LargeKmalloc, PG_large_kmalloc)
DEFINE_PAGEFLAG(Pgtable, PG_pgtable)
#undef DEFINE_PAGEFLAG

#endif /* _KERNEL_MM_TYPES_H */
