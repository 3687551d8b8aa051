// SPDX-License-Identifier: GPL-2.0
/*
 * Address spaces and their mappings. An mm_struct holds its VMAs in a red-black tree keyed
 * by start address (O(log n) lookup); the operations here are the ones mmap, munmap,
 * mprotect, brk and fork need, with Linux's argument checks and errno values.
 *
 * Every function that changes the tree takes mm->mmap_lock for writing, and batches its TLB
 * flushes through an mmu_gather (one shootdown per operation); the page-level work is in
 * mm/memory.c.
 */
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/uaccess.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/mm.h>
#include <kernel/cred.h>
#include <kernel/panic.h>
#include <kernel/resource.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/tlb.h>
#include <uapi/mman.h>

#include "internal.h"

/* mmap allocates downwards from here, leaving the top for the stack. */
#define MMAP_BASE (TASK_SIZE - (128UL << 30))

void mmap_assert_locked(struct mm_struct *mm)
{
	lockdep_assert_held(&mm->mmap_lock);
}

void mmap_assert_write_locked(struct mm_struct *mm)
{
	WARN_ON(READ_ONCE(mm->mmap_lock.owner) != current);
}

/* ---- fault injection for tests ------------------------------------------------------- */

static atomic_t dup_fail_countdown;

void dup_mm_fail_nth_alloc(unsigned int nth)
{
	atomic_set(&dup_fail_countdown, nth);
}

bool dup_mm_should_fail(void)
{
	int left = atomic_read(&dup_fail_countdown);

	while (left > 0) {
		if (atomic_cmpxchg(&dup_fail_countdown, left, left - 1) == left)
			return left == 1;
		left = atomic_read(&dup_fail_countdown);
	}
	return false;
}

struct mm_struct *current_mm(void)
{
	return this_cpu()->active_mm;
}

/*
 * Loads mm on this CPU. The store to active_mm is ordered before the read of mm's tlb_gen
 * and the CR3 load (which serializes), so a CPU changing mm's page tables either sees this
 * CPU in active_mm and sends it a flush, or this CPU's CR3 load sees the change (and, with
 * PCIDs, the raised tlb_gen, so that the tag's older entries are flushed). Interrupts are
 * off throughout: a flush IPI finds mm either not yet loaded or loaded whole. The context
 * switch calls it so (switch_mm_irqs_off, as Linux names it).
 */
void switch_mm_irqs_off(struct mm_struct *mm)
{
	WARN_ON(IS_ENABLED(CONFIG_DEBUG_LOCKDEP) && !irqs_disabled());
	WRITE_ONCE(this_cpu()->active_mm, mm);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	load_mm_cr3(mm);
}

void __switch_mm(struct mm_struct *mm)
{
	unsigned long flags;

	local_irq_save(flags);
	switch_mm_irqs_off(mm);
	local_irq_restore(flags);
}

void switch_mm(struct mm_struct *mm)
{
	preempt_disable();
	current->active_mm = mm;
	__switch_mm(mm);
	preempt_enable();
}

/* ---- the VMA tree ------------------------------------------------------------------ */

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *best = NULL;

	mmap_assert_locked(mm);
	while (node) {
		struct vm_area_struct *vma = vma_of(node);

		if (vma->vm_end > addr) {
			best = vma;
			if (vma->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return best;
}

static bool vma_less(const struct rb_node *a, const struct rb_node *b)
{
	return rb_entry(a, struct vm_area_struct, vm_rb)->vm_start <
	       rb_entry(b, struct vm_area_struct, vm_rb)->vm_start;
}

/* Private, writable and not a stack: what RLIMIT_DATA limits (Linux's is_data_mapping). */
static bool is_data_mapping(unsigned long flags)
{
	return (flags & (VM_WRITE | VM_SHARED | VM_GROWSDOWN)) == VM_WRITE;
}

/* npages more (or fewer) pages of a mapping with these flags. Called with mmap_lock held. */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if (is_data_mapping(flags))
		mm->data_vm += npages;
	if (flags & VM_LOCKED)
		mm->locked_vm += npages;
}

/* May mm grow by npages of a mapping with these flags (RLIMIT_AS, RLIMIT_DATA)? */
bool may_expand_vm(struct mm_struct *mm, unsigned long flags, unsigned long npages)
{
	if (mm->total_vm + npages > rlimit(RLIMIT_AS) >> PAGE_SHIFT)
		return false;
	if (is_data_mapping(flags) && mm->data_vm + npages > rlimit(RLIMIT_DATA) >> PAGE_SHIFT)
		return false;
	return true;
}

static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	vma->vm_mm = mm;
	rb_add(&vma->vm_rb, &mm->mm_rb, vma_less);
	mm->map_count++;
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
}

/* A copy of a VMA (split, fork) is one more user of what backs it. */
static void vma_copied(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		get_file(vma->vm_file);
	if (vma->vm_ops && vma->vm_ops->open)
		vma->vm_ops->open(vma);
}

/*
 * Takes vma out of the tree. A file's last reference may run its release, which may take
 * locks that are held elsewhere while faulting (and so taking mmap_lock): the file is put
 * after mmap_lock is dropped (mmap_write_unlock_free), like Linux's deferred fput.
 */
static void vma_unlink_free(struct mm_struct *mm, struct vm_area_struct *vma)
{
	mmap_assert_write_locked(mm);
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	mm->map_count--;
	vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (!vma->vm_file) {
		kfree(vma);
		return;
	}
	vma->vm_free_next = mm->vma_free_list;
	mm->vma_free_list = vma;
}

/* Drops mmap_lock, then puts the files of the VMAs unlinked under it. */
static void mmap_write_unlock_free(struct mm_struct *mm)
{
	struct vm_area_struct *vma = mm->vma_free_list, *next;

	mm->vma_free_list = NULL;
	mmap_write_unlock(mm);
	for (; vma; vma = next) {
		next = vma->vm_free_next;
		fput(vma->vm_file);
		kfree(vma);
	}
}

static struct vm_area_struct *vma_alloc(unsigned long start, unsigned long end, unsigned long flags)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma), GFP_KERNEL);

	if (vma) {
		vma->vm_start = start;
		vma->vm_end = end;
		vma->vm_flags = flags;
	}
	return vma;
}

/* Splits vma at addr: vma keeps [vm_start, addr), a new VMA takes [addr, vm_end). */
static int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *tail = kmalloc(sizeof(*tail), GFP_KERNEL);

	if (!tail)
		return -ENOMEM;
	*tail = *vma;
	tail->vm_start = addr;
	tail->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vm_stat_account(mm, vma->vm_flags, -(long)((vma->vm_end - addr) >> PAGE_SHIFT));
	vma->vm_end = addr;
	vma_copied(tail);
	vma_link(mm, tail);
	return 0;
}

/* Makes [start, end) begin and end on VMA boundaries; returns the first VMA inside or NULL. */
int split_around(struct mm_struct *mm, unsigned long start, unsigned long end,
		 struct vm_area_struct **first)
{
	struct vm_area_struct *vma = find_vma(mm, start), *last;
	int err;

	*first = NULL;
	if (!vma || vma->vm_start >= end)
		return 0;
	if (vma->vm_start < start) {
		err = split_vma(mm, vma, start);
		if (err)
			return err;
		vma = vma_next(vma);
	}
	last = find_vma(mm, end - 1);
	if (last && last->vm_start < end && last->vm_end > end) {
		err = split_vma(mm, last, end);
		if (err)
			return err;
	}
	*first = vma;
	return 0;
}

/* ---- ranges ------------------------------------------------------------------------ */

static bool range_free(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return !vma || vma->vm_start >= end;
}

/* Where a mapping's room starts: a stack keeps its guard gap free below it to grow into. */
static unsigned long vm_start_gap(const struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_GROWSDOWN))
		return vma->vm_start;
	return vma->vm_start > STACK_GUARD_GAP ? vma->vm_start - STACK_GUARD_GAP : 0;
}

/* Top-down first fit below mm->mmap_base. */
static long __get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long end = mm->mmap_base;
	struct rb_node *node = rb_last(&mm->mm_rb);

	/* Skip mappings that lie wholly above the base. */
	while (node && vm_start_gap(vma_of(node)) >= end)
		node = rb_prev(node);
	for (;;) {
		struct vm_area_struct *vma = vma_of(node);
		unsigned long floor = vma ? vma->vm_end : MMAP_MIN_ADDR;

		if (floor < end && end - floor >= len)
			return end - len;
		if (!vma)
			return -ENOMEM;
		end = min(end, vm_start_gap(vma));
		node = rb_prev(node);
	}
}

long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	long addr;

	mmap_read_lock(mm);
	addr = __get_unmapped_area(mm, PAGE_ALIGN(len));
	mmap_read_unlock(mm);
	return addr;
}

/* Called with mmap_lock held for writing. */
static int __do_munmap(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma, *next;
	struct mmu_gather tlb;
	int err;

	mmap_assert_write_locked(mm);
	err = split_around(mm, start, end, &vma);
	if (err)
		return err;
	tlb_gather_mmu(&tlb, mm);
	for (; vma && vma->vm_start < end; vma = next) {
		next = vma_next(vma);
		zap_page_range(&tlb, vma, vma->vm_start, vma->vm_end);
		vma_unlink_free(mm, vma);
	}
	tlb_finish_mmu(&tlb);
	return 0;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	int err;

	if ((start & ~PAGE_MASK) || !len)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len || !range_ok(start, len))
		return -EINVAL;
	mmap_write_lock(mm);
	err = __do_munmap(mm, start, start + len);
	mmap_write_unlock_free(mm);
	return err;
}

static unsigned long prot_to_vm_flags(unsigned long prot, unsigned long flags)
{
	unsigned long vm = 0;

	if (prot & PROT_READ)
		vm |= VM_READ;
	if (prot & PROT_WRITE)
		vm |= VM_WRITE;
	if (prot & PROT_EXEC)
		vm |= VM_EXEC;
	if ((flags & MAP_TYPE) != MAP_PRIVATE)
		vm |= VM_SHARED;
	if (flags & MAP_GROWSDOWN)
		vm |= VM_GROWSDOWN;
	if (flags & MAP_NORESERVE)
		vm |= VM_NORESERVE;
	if (flags & MAP_LOCKED)
		vm |= VM_LOCKED;
	return vm;
}

/* Pages of [start, end) already mapped: what MAP_FIXED replaces rather than adds. */
static unsigned long count_vma_pages_range(struct mm_struct *mm, unsigned long start,
					   unsigned long end)
{
	struct vm_area_struct *vma;
	unsigned long n = 0;

	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma_next(vma))
		n += (min(vma->vm_end, end) - max(vma->vm_start, start)) >> PAGE_SHIFT;
	return n;
}

/*
 * Where a new mapping of len bytes goes, or -errno; *replace says that MAP_FIXED found
 * mappings there, which the caller unmaps once it has checked the limits. Called with
 * mmap_lock held for writing.
 */
static long place_mapping(struct mm_struct *mm, unsigned long addr, unsigned long len,
			  unsigned long flags, bool *replace)
{
	mmap_assert_write_locked(mm);
	*replace = false;
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		if (!range_ok(addr, len))
			return -ENOMEM;
		if (addr < MMAP_MIN_ADDR)
			return -EPERM; /* as Linux's mmap_min_addr check */
		if (!range_free(mm, addr, addr + len)) {
			if (!(flags & MAP_FIXED))
				return -EEXIST;
			*replace = true;
		}
		return addr;
	}
	/* A hint is taken when that range is free. */
	addr = PAGE_ALIGN(addr);
	if (addr >= MMAP_MIN_ADDR && range_ok(addr, len) && range_free(mm, addr, addr + len))
		return addr;
	return __get_unmapped_area(mm, len);
}

/* What mmap(2) on Linux accepts in flags; MAP_SHARED_VALIDATE refuses the rest. */
#define LEGACY_MAP_MASK                                                                          \
	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_DENYWRITE | MAP_EXECUTABLE | \
	 MAP_UNINITIALIZED | MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE |         \
	 MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB | MAP_32BIT | (MAP_HUGE_MASK << MAP_HUGE_SHIFT))

/* The file checks of mmap(2), in Linux's order: what the file was opened for must allow it. */
static int check_file_mapping(struct file *file, unsigned long prot, unsigned long flags)
{
	switch (flags & MAP_TYPE) {
	case MAP_SHARED_VALIDATE:
		if (flags & ~(unsigned long)LEGACY_MAP_MASK)
			return -EOPNOTSUPP;
		/* fall through */
	case MAP_SHARED:
		if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		/* fall through */
	case MAP_PRIVATE:
		if (!(file->f_mode & FMODE_READ))
			return -EACCES;
		if ((prot & PROT_EXEC) && path_noexec(&file->f_path))
			return -EPERM;
		if (!file->f_op || !file->f_op->mmap)
			return -ENODEV;
		if (flags & MAP_GROWSDOWN)
			return -EINVAL; /* a stack of a file: no */
		return 0;
	default:
		return -EINVAL;
	}
}

/* mlock's limit: RLIMIT_MEMLOCK, which root (CAP_IPC_LOCK) may pass. */
bool mlock_allowed(struct mm_struct *mm, unsigned long npages)
{
	const struct cred *cred = current_cred();

	if (!cred || cred->euid == 0)
		return true;
	return mm->locked_vm + npages <= rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;
}

long do_mmap_file(struct mm_struct *mm, struct file *file, unsigned long addr, unsigned long len,
		  unsigned long prot, unsigned long flags, unsigned long off)
{
	unsigned long type = flags & MAP_TYPE, vm_flags, npages;
	struct vm_area_struct *vma;
	bool replace;
	long start;
	int err;

	if (!(flags & MAP_ANONYMOUS) && !file)
		return -EBADF;
	if (flags & MAP_ANONYMOUS)
		file = NULL;
	if (!len)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len || len > TASK_SIZE)
		return -ENOMEM;
	if ((off >> PAGE_SHIFT) + (len >> PAGE_SHIFT) < (off >> PAGE_SHIFT))
		return -EOVERFLOW;
	if (file) {
		if (off & ~PAGE_MASK)
			return -EINVAL;
		err = check_file_mapping(file, prot, flags);
		if (err)
			return err;
	} else if (type == MAP_SHARED) {
		if (flags & MAP_GROWSDOWN)
			return -EINVAL;
	} else if (type != MAP_PRIVATE) {
		return -EINVAL; /* MAP_SHARED_VALIDATE is for files only, as on Linux */
	}
	/* MAP_SHARED_VALIDATE behaves as MAP_SHARED once checked. */
	vm_flags = prot_to_vm_flags(prot, flags) | mm->def_flags;
	if (file && !path_noexec(&file->f_path))
		vm_flags |= VM_MAYEXEC;
	npages = len >> PAGE_SHIFT;

	/* Placed later; the size now, for a file's mmap to check (kernel/ipc.c's buffer). */
	vma = vma_alloc(0, len, vm_flags);
	if (!vma)
		return -ENOMEM;
	if (file) {
		vma->vm_file = get_file(file);
		vma->vm_pgoff = off >> PAGE_SHIFT;
		err = file->f_op->mmap(file, vma);
	} else if (vm_flags & VM_SHARED) {
		err = shmem_zero_setup(vma);
	} else {
		err = 0;
	}
	if (err) {
		start = err;
		goto out_free;
	}
	mmap_write_lock(mm);
	start = place_mapping(mm, addr, len, flags, &replace);
	if (start < 0)
		goto out_unlock;
	/* What MAP_FIXED replaces is not added. */
	if (replace)
		npages -= count_vma_pages_range(mm, start, start + len);
	if (!may_expand_vm(mm, vm_flags, npages)) {
		start = -ENOMEM;
		goto out_unlock;
	}
	if ((vm_flags & VM_LOCKED) && !mlock_allowed(mm, len >> PAGE_SHIFT)) {
		start = -EAGAIN;
		goto out_unlock;
	}
	if (replace) {
		err = __do_munmap(mm, start, start + len);
		if (err) {
			start = err;
			goto out_unlock;
		}
	}
	vma->vm_start = start;
	vma->vm_end = start + len;
	vma_link(mm, vma);
	vma = NULL;
out_unlock:
	mmap_write_unlock_free(mm); /* MAP_FIXED may have unmapped a file */
out_free:
	if (vma) {
		/* Never linked: its backing sees the close that matches its setup. */
		if (vma->vm_ops && vma->vm_ops->close)
			vma->vm_ops->close(vma);
		if (vma->vm_file)
			fput(vma->vm_file);
		kfree(vma);
	}
	if (start >= 0 &&
	    ((flags & (MAP_POPULATE | MAP_NONBLOCK)) == MAP_POPULATE || (vm_flags & VM_LOCKED)))
		populate_range(mm, start, len);
	return start;
}

/*
 * A mapping of pages the kernel owns (the vDSO and its vvar page), served by ops->fault with
 * priv in vm_private_data, at addr exactly (which must be free), as Linux's
 * _install_special_mapping. addr, or -errno.
 */
long install_special_mapping(struct mm_struct *mm, unsigned long addr, unsigned long len,
			     unsigned long vm_flags, const struct vm_operations_struct *ops,
			     void *priv)
{
	struct vm_area_struct *vma;
	long ret = addr;

	if ((addr & ~PAGE_MASK) || !len || !range_ok(addr, PAGE_ALIGN(len)))
		return -EINVAL;
	vma = vma_alloc(addr, addr + PAGE_ALIGN(len), vm_flags);
	if (!vma)
		return -ENOMEM;
	vma->vm_ops = ops;
	vma->vm_private_data = priv;
	mmap_write_lock(mm);
	if (addr < MMAP_MIN_ADDR || !range_free(mm, vma->vm_start, vma->vm_end)) {
		ret = -EEXIST;
		kfree(vma);
	} else {
		vma_link(mm, vma);
	}
	mmap_write_unlock(mm);
	return ret;
}

static int __do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long end,
			 unsigned long prot)
{
	unsigned long access = prot_to_vm_flags(prot, MAP_PRIVATE);
	struct vm_area_struct *vma;
	unsigned long covered = start;
	struct mmu_gather tlb;
	int err;

	mmap_assert_write_locked(mm);
	/* Every page of the range must be mapped, or nothing changes. */
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma_next(vma)) {
		if (vma->vm_start > covered)
			return -ENOMEM;
		covered = vma->vm_end;
	}
	if (covered < end)
		return -ENOMEM;
	/* A file mapped from a noexec mount never becomes executable (Linux's VM_MAYEXEC). */
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma_next(vma))
		if ((access & VM_EXEC) && vma->vm_file && !(vma->vm_flags & VM_MAYEXEC))
			return -EACCES;

	err = split_around(mm, start, end, &vma);
	if (err)
		return err;
	tlb_gather_mmu(&tlb, mm);
	for (; vma && vma->vm_start < end; vma = vma_next(vma)) {
		vm_stat_account(mm, vma->vm_flags, -(long)vma_pages(vma));
		vma->vm_flags = (vma->vm_flags & ~VM_ACCESS_FLAGS) | access;
		vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
		change_protection(&tlb, vma);
	}
	tlb_finish_mmu(&tlb);
	return 0;
}

int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len, unsigned long prot)
{
	int err;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	if (!len || !range_ok(start, len))
		return -ENOMEM;
	mmap_write_lock(mm);
	err = __do_mprotect(mm, start, start + len, prot);
	mmap_write_unlock(mm);
	return err;
}

/* ---- brk --------------------------------------------------------------------------- */

static int brk_grow(struct mm_struct *mm, unsigned long old_end, unsigned long new_end)
{
	struct vm_area_struct *prev, *vma;

	mmap_assert_write_locked(mm);
	/* One guard page between the heap and whatever lies above it. */
	if (!range_free(mm, old_end, new_end + PAGE_SIZE))
		return -ENOMEM;
	prev = old_end > mm->start_brk ? find_vma(mm, old_end - 1) : NULL;
	if (!may_expand_vm(mm, VM_READ | VM_WRITE, (new_end - old_end) >> PAGE_SHIFT))
		return -ENOMEM;
	if (prev && prev->vm_end == old_end &&
	    prev->vm_flags == (VM_READ | VM_WRITE | (mm->def_flags & VM_LOCKED)) && !prev->vm_ops) {
		prev->vm_end = new_end;
		vm_stat_account(mm, prev->vm_flags, (new_end - old_end) >> PAGE_SHIFT);
		return 0;
	}
	vma = vma_alloc(old_end, new_end, VM_READ | VM_WRITE | (mm->def_flags & VM_LOCKED));
	if (!vma)
		return -ENOMEM;
	vma_link(mm, vma);
	return 0;
}

unsigned long do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long old_end = PAGE_ALIGN(mm->brk), new_end = PAGE_ALIGN(brk);
	int err = 0;

	if (brk < mm->start_brk || brk > TASK_SIZE)
		return mm->brk;
	/* Linux's check_data_rlimit, with the heap as the whole data segment. */
	if (brk - mm->start_brk > rlimit(RLIMIT_DATA))
		return mm->brk;
	mmap_write_lock(mm);
	if (new_end < old_end)
		err = __do_munmap(mm, new_end, old_end);
	else if (new_end > old_end)
		err = brk_grow(mm, old_end, new_end);
	if (!err)
		mm->brk = brk;
	brk = mm->brk;
	mmap_write_unlock_free(mm);
	return brk;
}

/* ---- whole address spaces ---------------------------------------------------------- */

/* The last mm_struct.ctx_id handed out (asm/tlb_asid.h tells mms apart by it). */
static u64 last_mm_ctx_id;

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	mm->mm_rb = RB_ROOT;
	/* Never 0 (no mm) and never reused, unlike the address. */
	mm->ctx_id = __atomic_add_fetch(&last_mm_ctx_id, 1, __ATOMIC_RELAXED);
	atomic_set(&mm->mm_users, 1);
	init_rwsem(&mm->mmap_lock);
	mm->mmap_base = MMAP_BASE;
	/* exec makes the mm: its stack may grow as far as the process's RLIMIT_STACK says. */
	mm->stack_limit = min(rlimit(RLIMIT_STACK), TASK_SIZE);
	return mm;
}

void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

/*
 * The last user is gone, so nobody can fault on mm; the lock is taken for the rules' sake,
 * and it is cheap. Whole address space, one gather: no CPU has mm loaded any more, so the
 * flush normally costs no IPI at all.
 */
static void exit_mmap(struct mm_struct *mm)
{
	struct mmu_gather tlb;
	struct rb_node *node;

	mmap_write_lock(mm);
	tlb_gather_mmu(&tlb, mm);
	while ((node = rb_first(&mm->mm_rb))) {
		struct vm_area_struct *vma = vma_of(node);

		zap_page_range(&tlb, vma, vma->vm_start, vma->vm_end);
		vma_unlink_free(mm, vma);
	}
	tlb_finish_mmu(&tlb);
	mmap_write_unlock_free(mm);
}

void mmput(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	BUG_ON(mm == current_mm());
	exit_mmap(mm);
	pgd_free(mm->pgd);
	if (mm->exe_file)
		fput(mm->exe_file);
	kfree(mm);
}

/* Called with both mmap_locks held for writing. */
static int dup_mmap(struct mmu_gather *tlb, struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct rb_node *node;

	mmap_assert_write_locked(oldmm);
	mmap_assert_write_locked(mm);
	for (node = rb_first(&oldmm->mm_rb); node; node = rb_next(node)) {
		struct vm_area_struct *old = vma_of(node), *vma;
		int err;

		vma = dup_mm_should_fail() ? NULL : kmalloc(sizeof(*vma), GFP_KERNEL);
		if (!vma)
			return -ENOMEM;
		*vma = *old;
		vma->vm_flags &= ~VM_LOCKED; /* a child inherits no memory locks, as on Linux */
		vma_copied(vma);
		vma_link(mm, vma);
		err = copy_page_range(tlb, mm, old);
		if (err)
			return err;
	}
	return 0;
}

struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	struct mmu_gather tlb;
	int err;

	if (!mm)
		return NULL;
	mmap_write_lock(oldmm);
	mmap_write_lock_nested(mm, SINGLE_DEPTH_NESTING);
	mm->mmap_base = oldmm->mmap_base;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->stack_limit = oldmm->stack_limit;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	memcpy(mm->saved_auxv, oldmm->saved_auxv, sizeof(mm->saved_auxv));
	mm->exe_file = oldmm->exe_file ? get_file(oldmm->exe_file) : NULL;
	/* The parent's write-protected entries leave other CPUs' TLBs in one flush. */
	tlb_gather_mmu(&tlb, oldmm);
	err = dup_mmap(&tlb, mm, oldmm);
	tlb_finish_mmu(&tlb);
	mmap_write_unlock(mm);
	mmap_write_unlock(oldmm);
	if (err) {
		mmput(mm); /* undoes whatever part was copied */
		return NULL;
	}
	return mm;
}

/* ---- populating ---------------------------------------------------------------------- */

/*
 * Faults every page of [start, start + len) in, as a write where the mapping is private and
 * writable (so that the copy is made now). Failures are left for the access to meet, as
 * Linux's mm_populate leaves them, except running out of memory: the OOM killer runs, and if
 * it chose the caller, populating stops (the caller dies at its next fault, or on its way
 * out once signals are delivered).
 */
void populate_range(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long addr, end = start + len;
	int waits = 0;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		struct vm_area_struct *vma;
		unsigned int flags = 0;
		int ret;

		mmap_read_lock(mm);
		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start > addr) {
			mmap_read_unlock(mm);
			return; /* unmapped meanwhile */
		}
		if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
			flags |= FAULT_FLAG_WRITE;
		if (!(vma->vm_flags & VM_ACCESS_FLAGS)) {
			mmap_read_unlock(mm);
			continue; /* PROT_NONE: nothing to fault in */
		}
		mmap_read_unlock(mm);
		ret = handle_mm_fault(mm, addr, flags);
		if (ret == VM_FAULT_OOM) {
			if (!oom_wait_for_memory(&waits))
				return;
			addr -= PAGE_SIZE; /* this page again */
		} else if (ret) {
			return;
		}
	}
}

/* ---- mremap ------------------------------------------------------------------------ */

/*
 * Moves [addr, addr + old_len) of vma (which must hold all of it) to new_addr, new_len
 * long, the page tables with it. Called with mmap_lock held for writing; new_addr's range
 * is free.
 */
static long move_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		     unsigned long old_len, unsigned long new_addr, unsigned long new_len,
		     bool dontunmap)
{
	struct vm_area_struct *first, *new;
	struct mmu_gather tlb;
	int err;

	err = split_around(mm, addr, addr + old_len, &first);
	if (err)
		return err;
	vma = first;
	new = kmalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	tlb_gather_mmu(&tlb, mm);
	err = move_page_tables(&tlb, mm, addr, new_addr, old_len);
	tlb_finish_mmu(&tlb);
	if (err) {
		kfree(new);
		return err;
	}
	*new = *vma;
	new->vm_start = new_addr;
	new->vm_end = new_addr + new_len;
	vma_copied(new);
	vma_link(mm, new);
	if (!dontunmap)
		vma_unlink_free(mm, vma); /* its pages went with the tables */
	return new_addr;
}

/*
 * mremap with old_len 0: a new mapping of new_len bytes of the object vma maps, from addr's
 * offset on, at new_addr (MREMAP_FIXED) or wherever there is room; vma stays as it is.
 * Called with mmap_lock held for writing.
 */
static long dup_shared_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
			   unsigned long new_len, unsigned long flags, unsigned long new_addr)
{
	struct vm_area_struct *new;
	long err;

	if (!may_expand_vm(mm, vma->vm_flags, new_len >> PAGE_SHIFT))
		return -ENOMEM;
	if (flags & MREMAP_FIXED) {
		err = __do_munmap(mm, new_addr, new_addr + new_len);
		if (err)
			return err;
	} else {
		new_addr = __get_unmapped_area(mm, new_len);
		if (IS_ERR_VALUE(new_addr))
			return (long)new_addr;
	}
	new = kmalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	*new = *vma;
	new->vm_start = new_addr;
	new->vm_end = new_addr + new_len;
	new->vm_pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	vma_copied(new);
	vma_link(mm, new);
	return new_addr;
}

static long __do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
			unsigned long new_len, unsigned long flags, unsigned long new_addr)
{
	struct vm_area_struct *vma, *next;
	bool dontunmap = flags & MREMAP_DONTUNMAP;
	unsigned long grow;
	long err;

	mmap_assert_write_locked(mm);
	if (flags & MREMAP_FIXED) {
		if (new_addr & ~PAGE_MASK)
			return -EINVAL;
		if (!range_ok(new_addr, new_len))
			return -EINVAL;
		/* The two ranges may not overlap. */
		if (new_addr < addr + old_len && addr < new_addr + new_len)
			return -EINVAL;
		if (new_addr < MMAP_MIN_ADDR)
			return -EPERM;
	}
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr)
		return -EFAULT;
	if (old_len > vma->vm_end - addr)
		return -EFAULT;
	if (!old_len) {
		/* Linux's old trick: a second mapping of a shared mapping's object. */
		if (!(vma->vm_flags & VM_SHARED) || dontunmap)
			return -EINVAL;
		if (!(flags & MREMAP_MAYMOVE))
			return -ENOMEM; /* it would have to grow over itself */
		return dup_shared_vma(mm, vma, addr, new_len, flags, new_addr);
	}
	if (dontunmap && (vma->vm_flags & VM_SHARED))
		return -EINVAL; /* private anonymous only, as before Linux 5.13 */
	if ((vma->vm_flags & VM_LOCKED) && new_len > old_len &&
	    !mlock_allowed(mm, (new_len - old_len) >> PAGE_SHIFT))
		return -EAGAIN;

	if (flags & MREMAP_FIXED) {
		if (!may_expand_vm(mm, vma->vm_flags,
				   new_len -
					   count_vma_pages_range(mm, new_addr, new_addr + new_len)))
			return -ENOMEM;
		err = __do_munmap(mm, new_addr, new_addr + new_len);
		if (err)
			return err;
		if (old_len > new_len) {
			err = __do_munmap(mm, addr + new_len, addr + old_len);
			if (err)
				return err;
			old_len = new_len;
		}
		vma = find_vma(mm, addr);
		return move_vma(mm, vma, addr, old_len, new_addr, new_len, dontunmap);
	}
	if (old_len >= new_len && !dontunmap) {
		if (old_len > new_len) {
			err = __do_munmap(mm, addr + new_len, addr + old_len);
			if (err)
				return err;
		}
		return addr;
	}
	grow = (new_len - old_len) >> PAGE_SHIFT;
	/* In place: the mapping ends where the range does, with room after it. */
	if (!dontunmap && addr + old_len == vma->vm_end) {
		next = vma_next(vma);
		if (range_ok(addr, new_len) && (!next || vm_start_gap(next) >= addr + new_len)) {
			if (!may_expand_vm(mm, vma->vm_flags, grow))
				return -ENOMEM;
			vma->vm_end = addr + new_len;
			vm_stat_account(mm, vma->vm_flags, grow);
			return addr;
		}
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	if (!may_expand_vm(mm, vma->vm_flags, dontunmap ? new_len >> PAGE_SHIFT : grow))
		return -ENOMEM;
	new_addr = __get_unmapped_area(mm, new_len);
	if (IS_ERR_VALUE(new_addr))
		return (long)new_addr;
	return move_vma(mm, vma, addr, old_len, new_addr, new_len, dontunmap);
}

long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
	       unsigned long new_len, unsigned long flags, unsigned long new_addr)
{
	bool populate;
	long ret;

	if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if ((flags & MREMAP_DONTUNMAP) && old_len != new_len)
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len)
		return -EINVAL;
	if (!range_ok(addr, old_len))
		return -EFAULT;
	mmap_write_lock(mm);
	ret = __do_mremap(mm, addr, old_len, new_len, flags, new_addr);
	populate = false;
	if (ret >= 0 && new_len > old_len) {
		struct vm_area_struct *vma = find_vma(mm, ret);

		populate = vma && (vma->vm_flags & VM_LOCKED);
	}
	mmap_write_unlock_free(mm);
	if (populate)
		populate_range(mm, ret + old_len, new_len - old_len);
	return ret;
}
