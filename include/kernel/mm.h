/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_MM_H
#define _KERNEL_MM_H

#include <asm/page.h>
#include <kernel/gfp.h>
#include <kernel/mm_types.h>

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
 * Address spaces (mm/mmap.c, mm/memory.c). Addresses and lengths are checked like the
 * system calls that will use them: -EINVAL for misaligned or empty ranges, -ENOMEM for
 * ranges outside user space or when memory runs out.
 */
struct mm_struct *mm_alloc(void);
struct mm_struct *dup_mm(struct mm_struct *oldmm); /* fork: private pages become COW */
void mmget(struct mm_struct *mm);
void mmput(struct mm_struct *mm);

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
long get_unmapped_area(struct mm_struct *mm, unsigned long len);
/* Anonymous mappings; returns the address or -errno. prot and flags as for mmap(2). */
long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len, unsigned long prot,
	     unsigned long flags);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len, unsigned long prot);
/* brk(2): returns the new break, or the old one when it cannot move. */
unsigned long do_brk(struct mm_struct *mm, unsigned long brk);

#define FAULT_FLAG_WRITE 0x1u
#define FAULT_FLAG_INSTRUCTION 0x2u
#define FAULT_FLAG_USER 0x4u
#define VM_FAULT_SIGSEGV 0x1
#define VM_FAULT_OOM 0x2
/* Resolves a fault at addr in mm: 0, VM_FAULT_SIGSEGV or VM_FAULT_OOM. */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags);

/* The address space this CPU runs in (NULL: only the kernel's), and switching it. */
struct mm_struct *current_mm(void);
/* Makes mm the current task's address space (kernel threads borrowing one, exec). */
void switch_mm(struct mm_struct *mm);
/* The scheduler's part: load mm on this CPU. */
void __switch_mm(struct mm_struct *mm);

/* Boot: the frame allocator from the memory map, then the page tables, then the buddy. */
void mm_init(void);
void mem_init(void);
void mem_print_stats(void);

#endif /* _KERNEL_MM_H */
