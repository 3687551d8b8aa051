/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_MM_TYPES_H
#define _KERNEL_MM_TYPES_H

#include <kernel/atomic.h>
#include <kernel/list.h>
#include <kernel/rbtree.h>
#include <kernel/spinlock.h>
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

/* vm_flags */
#define VM_NONE 0x0UL
#define VM_READ 0x1UL
#define VM_WRITE 0x2UL
#define VM_EXEC 0x4UL
#define VM_SHARED 0x8UL
#define VM_GROWSDOWN 0x100UL
#define VM_ACCESS_FLAGS (VM_READ | VM_WRITE | VM_EXEC)

struct vm_area_struct;
struct mm_struct;

/*
 * What backs a mapping. Anonymous memory has no ops (vm_ops == NULL): its pages are made
 * on first touch, zeroed. A file system or device that can be mapped provides fault(),
 * which returns the page for an offset with a reference held (later steps).
 */
struct vm_operations_struct {
	int (*fault)(struct vm_area_struct *vma, unsigned long pgoff, struct page **page);
	void (*open)(struct vm_area_struct *vma); /* a copy was made (fork, split) */
	void (*close)(struct vm_area_struct *vma); /* a mapping went away */
};

/* One mapping: [vm_start, vm_end), page aligned, with one protection and one backing. */
struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	unsigned long vm_flags;
	struct mm_struct *vm_mm;
	struct rb_node vm_rb; /* in vm_mm->mm_rb, by address */
	const struct vm_operations_struct *vm_ops;
	void *vm_private_data;
	unsigned long vm_pgoff; /* offset of vm_start in the backing object, in pages */
};

/*
 * An address space: its page tables (whose upper half is the kernel's, shared by all) and
 * its mappings, in a red-black tree by address.
 *
 * Locking: mmap_lock covers the tree, every VMA in it, and the user half of the page tables.
 * It is a spinlock until the scheduler brings sleeping locks; nothing under it may touch user
 * memory (that would fault and take it again).
 */
struct mm_struct {
	void *pgd; /* the architecture's root table (pgd_t *) */
	struct rb_root mm_rb;
	int map_count;
	atomic_t mm_users;
	spinlock_t mmap_lock;
	unsigned long mmap_base; /* top of the area mmap allocates downwards from */
	unsigned long start_brk, brk;
	unsigned long start_stack;
	unsigned long total_vm; /* pages mapped */
};

#endif /* _KERNEL_MM_TYPES_H */
