/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_MM_H
#define _KERNEL_MM_H

#include <asm/page.h>
#include <kernel/gfp.h>
#include <kernel/mm_types.h>
#include <kernel/rwsem.h>

/* The frame array: frame number <-> struct page is one subtraction. */
extern struct page *mem_map;
extern unsigned long max_pfn;

static inline unsigned long page_to_pfn(const struct page *page)
{
	return page - mem_map;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return (phys_addr_t)page_to_pfn(page) << PAGE_SHIFT;
}

static inline void *page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(__pa(addr) >> PAGE_SHIFT);
}

static inline struct page *phys_to_page(phys_addr_t pa)
{
	return pfn_to_page(pa >> PAGE_SHIFT);
}

/*
 * mmap_lock (see struct mm_struct): shared for faults and lookups, exclusive for changes to
 * the VMAs. The asserts check what a "called with mmap_lock held" comment promises.
 */
static inline void mmap_read_lock(struct mm_struct *mm)
{
	down_read(&mm->mmap_lock);
}

static inline bool mmap_read_trylock(struct mm_struct *mm)
{
	return down_read_trylock(&mm->mmap_lock);
}

static inline void mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
}

static inline void mmap_write_lock(struct mm_struct *mm)
{
	down_write(&mm->mmap_lock);
}

/* A second address space's lock inside the first's (dup_mm: the child's inside the parent's). */
static inline void mmap_write_lock_nested(struct mm_struct *mm, unsigned int subclass)
{
	down_write_nested(&mm->mmap_lock, subclass);
}

static inline void mmap_write_unlock(struct mm_struct *mm)
{
	up_write(&mm->mmap_lock);
}

/* Held by the running task, shared or exclusive; and exclusive. */
void mmap_assert_locked(struct mm_struct *mm);
/* The page mapped at addr, referenced, or NULL (not present, not RAM); mmap_lock held. */
struct page *get_mapped_page(struct mm_struct *mm, unsigned long addr);
void mmap_assert_write_locked(struct mm_struct *mm);

/*
 * Address spaces (mm/mmap.c, mm/memory.c). Addresses and lengths are checked like the
 * system calls that will use them: -EINVAL for misaligned or empty ranges, -ENOMEM for
 * ranges outside user space or when memory runs out.
 */
struct mm_struct *mm_alloc(void);
struct mm_struct *dup_mm(struct mm_struct *oldmm); /* fork: private pages become COW */
void mmget(struct mm_struct *mm);
/* Drops a user; the last one tears the address space down, taking mmap_lock: may sleep. */
void mmput(struct mm_struct *mm);

/* Called with mmap_lock held. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
long get_unmapped_area(struct mm_struct *mm, unsigned long len);
/*
 * Maps len bytes of file from byte offset off (a multiple of the page size), or anonymous
 * memory (MAP_ANONYMOUS, file NULL); returns the address or -errno. prot and flags as for
 * mmap(2). A file mapping takes its own reference on file.
 */
long do_mmap_file(struct mm_struct *mm, struct file *file, unsigned long addr, unsigned long len,
		  unsigned long prot, unsigned long flags, unsigned long off);
static inline long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
			   unsigned long prot, unsigned long flags)
{
	return do_mmap_file(mm, NULL, addr, len, prot, flags, 0);
}
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
/* Kernel-owned pages (the vDSO) at a free addr, served by ops->fault (mm/mmap.c). */
long install_special_mapping(struct mm_struct *mm, unsigned long addr, unsigned long len,
			     unsigned long vm_flags, const struct vm_operations_struct *ops,
			     void *priv);
int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len, unsigned long prot);
/* brk(2): returns the new break, or the old one when it cannot move. */
unsigned long do_brk(struct mm_struct *mm, unsigned long brk);

/*
 * Nothing is mapped below this (Linux's mmap_min_addr), so a NULL pointer with an offset
 * still faults: a hint below it is moved up, MAP_FIXED below it is refused with -EPERM.
 */
#define MMAP_MIN_ADDR 0x10000UL
/* The default stack limit (RLIMIT_STACK's), and the gap kept below a stack as it grows. */
#define DEFAULT_STACK_LIMIT (8UL << 20)
#define STACK_GUARD_GAP (256UL << PAGE_SHIFT)

#define FAULT_FLAG_WRITE 0x1u
#define FAULT_FLAG_INSTRUCTION 0x2u
#define FAULT_FLAG_USER 0x4u
#define VM_FAULT_SIGSEGV 0x1
#define VM_FAULT_OOM 0x2
#define VM_FAULT_SIGBUS 0x4 /* a file mapping past the end of its file */
/* Resolves a fault at addr in mm: 0 or a VM_FAULT_* code. Takes mmap_lock shared: may sleep. */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags);
/*
 * Reads len bytes at addr in mm (not necessarily the current one) into buf, faulting file
 * pages in as needed; the number of bytes read (fewer at the first unreadable page). mm is
 * referenced by the caller, whose mmap_lock it must not hold. gup_flags: 0 (FOLL_WRITE is
 * refused).
 */
#define FOLL_WRITE 0x01
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len,
		     unsigned int gup_flags);

/* The page cache's fault handler and mmap (fs/filemap.c), for file systems to use. */
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);
/*
 * Writeback's question about a MAP_SHARED page: was it written through the mapping at addr
 * since the last call? Cleans and write-protects the entry, so the next write is seen again.
 * Called with mmap_lock held.
 */
bool page_mkclean_one(struct vm_area_struct *vma, unsigned long addr);

/*
 * Test-only fault injection: the nth page-table or page allocation from now on made for an
 * address space copy (dup_mm) fails; 0 turns it off.
 */
void dup_mm_fail_nth_alloc(unsigned int nth);

/* The address space this CPU runs in (NULL: only the kernel's), and switching it. */
struct mm_struct *current_mm(void);
/* Makes mm the current task's address space (kernel threads borrowing one, exec). */
void switch_mm(struct mm_struct *mm);
/* The scheduler's part: load mm on this CPU (the context switch's, interrupts already off). */
void __switch_mm(struct mm_struct *mm);
void switch_mm_irqs_off(struct mm_struct *mm);

/* ---- resident-set counters (as Linux's, for /proc statm and status, getrusage) ---- */

static inline unsigned long get_mm_counter(struct mm_struct *mm, int member)
{
	long v = atomic_long_read(&mm->rss_stat[member]);

	return v > 0 ? v : 0; /* a racing add and sub may show a moment below 0 */
}

static inline void add_mm_counter(struct mm_struct *mm, int member, long value)
{
	atomic_long_add(value, &mm->rss_stat[member]);
}

/* Resident pages of every kind: file, anonymous and shared anonymous. */
static inline unsigned long get_mm_rss(struct mm_struct *mm)
{
	return get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_ANONPAGES) +
	       get_mm_counter(mm, MM_SHMEMPAGES);
}

static inline void update_hiwater_rss(struct mm_struct *mm)
{
	unsigned long rss = get_mm_rss(mm);

	if (READ_ONCE(mm->hiwater_rss) < rss)
		WRITE_ONCE(mm->hiwater_rss, rss);
}

/* The largest RSS mm has had, in pages (getrusage's ru_maxrss is it in KiB). */
static inline unsigned long get_mm_hiwater_rss(struct mm_struct *mm)
{
	unsigned long rss = get_mm_rss(mm), hi = READ_ONCE(mm->hiwater_rss);

	return rss > hi ? rss : hi;
}

/*
 * The memory system calls beyond mmap (mm/mmap.c), on the caller's address space, with
 * Linux's argument checks and errno values.
 */
long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
	       unsigned long new_len, unsigned long flags, unsigned long new_addr);
int do_madvise(struct mm_struct *mm, unsigned long start, size_t len, int advice);
int do_msync(struct mm_struct *mm, unsigned long start, size_t len, int flags);
long do_mincore(struct mm_struct *mm, unsigned long start, size_t len, unsigned char __user *vec);
/* mlock (lock), munlock; onfault: mlock2's MLOCK_ONFAULT, no faulting in now. */
int do_mlock(struct mm_struct *mm, unsigned long start, size_t len, bool lock, bool onfault);
int do_mlockall(struct mm_struct *mm, int flags);
int do_munlockall(struct mm_struct *mm);
/* Faults in every page of [start, start + len) (MAP_POPULATE, MADV_WILLNEED, mlock). */
void populate_range(struct mm_struct *mm, unsigned long start, unsigned long len);

/*
 * The out-of-memory killer (mm/oom_kill.c). A user fault or populate that found no page
 * calls out_of_memory: it kills the process with the largest RSS (never init or a kernel
 * thread) with SIGKILL and logs it as Linux does. True when the caller should retry (a
 * victim was chosen, or one is still dying); false when nobody can be killed.
 */
bool out_of_memory(void);
/*
 * One round of the OOM killer for a task that found no page: true when it should try again
 * (memory came back, or a victim is dying and it waited a little); false when it should give
 * up (it is the victim, or nothing came back for a while). *waits starts at 0.
 */
bool oom_wait_for_memory(int *waits);
/* A user fault ended in VM_FAULT_OOM: kill, then retry the fault or die. */
void pagefault_out_of_memory(void);
/* Processes the OOM killer has killed since boot (for tests). */
unsigned long oom_kill_count(void);

/* Boot: the frame allocator from the memory map, then the page tables, then the buddy. */
void mm_init(void);
void mem_init(void);
void mem_print_stats(void);

#endif /* _KERNEL_MM_H */
