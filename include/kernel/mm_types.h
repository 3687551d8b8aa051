/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_MM_TYPES_H
#define _KERNEL_MM_TYPES_H

#include <kernel/atomic.h>
#include <kernel/list.h>
#include <kernel/rbtree.h>
#include <kernel/rwsem.h>
#include <kernel/spinlock.h>
#include <kernel/types.h>

struct kmem_cache;
struct address_space;
struct file;

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
		struct { /* page cache */
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
	PG_dirty, /* a page-cache page written through a shared mapping since it was cleaned */
	PG_anon, /* a private anonymous page of user memory (zero-filled or a COW copy) */
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
DEFINE_PAGEFLAG(Dirty, PG_dirty)
DEFINE_PAGEFLAG(Anon, PG_anon)
#undef DEFINE_PAGEFLAG

/* Atomic: a page-cache page's flags may be set from several address spaces at once. */
static inline void set_page_dirty(struct page *page)
{
	__atomic_fetch_or(&page->flags, 1UL << PG_dirty, __ATOMIC_RELAXED);
}

static inline bool test_clear_page_dirty(struct page *page)
{
	return __atomic_fetch_and(&page->flags, ~(1UL << PG_dirty), __ATOMIC_RELAXED) &
	       (1UL << PG_dirty);
}

/* vm_flags */
#define VM_NONE 0x0UL
#define VM_READ 0x1UL
#define VM_WRITE 0x2UL
#define VM_EXEC 0x4UL
#define VM_SHARED 0x8UL
/*
 * A file mapping may be made executable by mprotect: set by mmap unless the file is on a
 * noexec mount (Linux's VM_MAYEXEC, here kept and checked for file mappings only).
 */
#define VM_MAYEXEC 0x40UL
#define VM_GROWSDOWN 0x100UL
#define VM_SEQ_READ 0x8000UL /* madvise(MADV_SEQUENTIAL): recorded, no read-ahead yet */
#define VM_RAND_READ 0x10000UL /* madvise(MADV_RANDOM) */
#define VM_LOCKED 0x2000UL /* mlock: nothing is ever paged out yet, so only counted */
#define VM_NORESERVE 0x200000UL /* MAP_NORESERVE: nothing is reserved anyway (no accounting) */
#define VM_ACCESS_FLAGS (VM_READ | VM_WRITE | VM_EXEC)

struct vm_area_struct;
struct mm_struct;

#define MM_SAVED_AUXV 48 /* words: 24 pairs, Linux's AT_VECTOR_SIZE on x86-64 is 50 */

/* What mm->rss_stat counts, as Linux's (its /proc statm and status read them). */
enum {
	MM_FILEPAGES, /* page-cache pages of file mappings */
	MM_ANONPAGES, /* private anonymous pages, and private copies of file pages */
	MM_SWAPENTS, /* always 0: no swap */
	MM_SHMEMPAGES, /* pages of shared anonymous mappings */
	NR_MM_COUNTERS
};

/*
 * What backs a mapping. Anonymous memory has no ops (vm_ops == NULL): its pages are made
 * on first touch, zeroed. A file system or device that can be mapped provides fault(),
 * which returns the page for an offset with a reference held (filemap_fault for the page
 * cache); 0 or a VM_FAULT_* code. It is called with mmap_lock held for reading.
 */
struct vm_operations_struct {
	int (*fault)(struct vm_area_struct *vma, unsigned long pgoff, struct page **page);
	void (*open)(struct vm_area_struct *vma); /* a copy was made (fork, split) */
	void (*close)(struct vm_area_struct *vma); /* a mapping went away */
	/* The name /proc/PID/maps shows for a mapping without a file ("[vdso]"), or NULL. */
	const char *(*name)(struct vm_area_struct *vma);
};

/*
 * One mapping: [vm_start, vm_end), page aligned, with one protection and one backing. A file
 * mapping holds a reference on vm_file (taken by do_mmap, and by each copy or split).
 */
struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	unsigned long vm_flags;
	struct mm_struct *vm_mm;
	struct rb_node vm_rb; /* in vm_mm->mm_rb, by address */
	const struct vm_operations_struct *vm_ops;
	void *vm_private_data;
	unsigned long vm_pgoff; /* offset of vm_start in the backing object, in pages */
	struct file *vm_file; /* the mapped file, or NULL */
	struct vm_area_struct *vm_free_next; /* unlinked, its file to put after mmap_lock */
};

/*
 * An address space: its page tables (whose upper half is the kernel's, shared by all) and
 * its mappings, in a red-black tree by address.
 *
 * Locking: mmap_lock covers the tree and every VMA in it: page faults take it for reading
 * (several may run at once, on different CPUs), everything that changes the VMAs takes it for
 * writing. It sleeps, so a fault in atomic context must not take it (see do_page_fault), and
 * nothing holding it may touch user memory (the fault would take it again). The user half of
 * the page tables is changed under it too: entries are filled by cmpxchg, since faults holding
 * it shared race to fill the same one, and tables are installed the same way (pgtable.c).
 */
struct mm_struct {
	void *pgd; /* the architecture's root table (pgd_t *) */
	struct rb_root mm_rb;
	int map_count;
	atomic_t mm_users;
	struct rw_semaphore mmap_lock;
	unsigned long mmap_base; /* top of the area mmap allocates downwards from */
	/*
	 * How far a VM_GROWSDOWN stack may reach below its top (RLIMIT_STACK sets it); the
	 * top is the stack VMA's end, which never moves.
	 */
	unsigned long stack_limit;
	unsigned long start_brk, brk;
	unsigned long start_stack;
	unsigned long total_vm; /* pages mapped */
	struct vm_area_struct *vma_free_list; /* under mmap_lock: see vma_unlink_free */
	/*
	 * For tagged TLBs (x86 PCID, docs/mm.md): a number no other mm ever has, and a count
	 * raised (atomically) before every flush of the user mappings is sent, so that a CPU
	 * that had the mm loaded earlier can tell whether its tagged entries are stale.
	 */
	u64 ctx_id;
	u64 tlb_gen;

	/*
	 * Resident pages by kind (MM_*): changed atomically where entries are installed and
	 * cleared, under mmap_lock shared or exclusive. hiwater_rss is the largest sum seen
	 * (getrusage's ru_maxrss), raised racily (a maximum, so a lost update only lags).
	 */
	atomic_long_t rss_stat[NR_MM_COUNTERS];
	unsigned long hiwater_rss;
	unsigned long locked_vm; /* pages in VM_LOCKED mappings, under mmap_lock */
	unsigned long data_vm; /* private writable non-stack pages (RLIMIT_DATA), mmap_lock */
	unsigned long def_flags; /* mlockall(MCL_FUTURE): VM_LOCKED for new mappings */
	/*
	 * Set by execve, copied by fork, read by procfs: where the argument and environment
	 * strings are (/proc/PID/cmdline, environ), and the program (/proc/PID/exe, a
	 * reference dropped with the mm).
	 */
	unsigned long arg_start, arg_end, env_start, env_end;
	struct file *exe_file;
	/* The auxiliary vector execve gave the program, AT_NULL-ended: a core's NT_AUXV. */
	unsigned long saved_auxv[MM_SAVED_AUXV];
};

#endif /* _KERNEL_MM_TYPES_H */
