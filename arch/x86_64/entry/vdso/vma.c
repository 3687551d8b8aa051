// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's side of the vDSO: its image copied into pages of its own at boot, the vvar
 * page the timekeeping code keeps current, both mapped into every new program by exec (the
 * vvar page read-only, the image read and execute, the image right after the vvar page, so
 * that the image's RIP-relative references to it hold wherever the pair lands), and the
 * per-CPU number that the vDSO's getcpu reads.
 *
 * Until vdso_init has run (the clock is calibrated before the page allocator is up), the
 * data lives in a static copy; vdso_init moves it into a page that can be mapped, under
 * vdso_lock, so no update is lost.
 */
#include <asm/desc.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/vdso.h>
#include <kernel/elf.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>

#define MSR_TSC_AUX 0xc0000103
#define VDSO_MAX_PAGES 4

extern const u8 vdso_image_start[], vdso_image_end[];

static struct vdso_data early_data;
/* The data every reader sees: early_data, then the vvar page. Under vdso_lock for writers. */
static struct vdso_data *vdso_data = &early_data;
static DEFINE_SPINLOCK(vdso_lock);

static struct page *vvar_pages[1];
static struct page *vdso_pages[VDSO_MAX_PAGES];
static unsigned int vdso_npages;

size_t vdso_image_size(void)
{
	return vdso_image_end - vdso_image_start;
}

static void vdso_write_begin(struct vdso_data *vd)
{
	lockdep_assert_held(&vdso_lock);
	WRITE_ONCE(vd->seq, vd->seq + 1);
	smp_wmb();
}

static void vdso_write_end(struct vdso_data *vd)
{
	smp_wmb();
	WRITE_ONCE(vd->seq, vd->seq + 1);
}

void vdso_update_clock(u64 cycle_last, u64 base_ns, u64 mult)
{
	unsigned long flags;
	struct vdso_data *vd;

	spin_lock_irqsave(&vdso_lock, flags);
	vd = vdso_data;
	vdso_write_begin(vd);
	WRITE_ONCE(vd->cycle_last, cycle_last);
	WRITE_ONCE(vd->base_ns, base_ns);
	WRITE_ONCE(vd->mult, mult);
	vdso_write_end(vd);
	spin_unlock_irqrestore(&vdso_lock, flags);
}

void vdso_update_wall(s64 sec, s64 nsec)
{
	unsigned long flags;
	struct vdso_data *vd;

	spin_lock_irqsave(&vdso_lock, flags);
	vd = vdso_data;
	vdso_write_begin(vd);
	WRITE_ONCE(vd->wall_sec, sec);
	WRITE_ONCE(vd->wall_nsec, nsec);
	vdso_write_end(vd);
	spin_unlock_irqrestore(&vdso_lock, flags);
}

static bool cpu_has_rdpid(void)
{
	u32 a, b, c, d;

	cpuid(0, &a, &b, &c, &d);
	if (a < 7)
		return false;
	cpuid_count(7, 0, &a, &b, &c, &d);
	return c & (1U << 22);
}

static bool cpu_has_rdtscp(void)
{
	u32 a, b, c, d;

	cpuid(0x80000000, &a, &b, &c, &d);
	if (a < 0x80000001)
		return false;
	cpuid(0x80000001, &a, &b, &c, &d);
	return d & (1U << 27);
}

/*
 * As Linux's setup_getcpu: TSC_AUX (read by RDTSCP and RDPID) and the limit of a user data
 * segment (read by LSL) both hold node << 12 | cpu; there is one node.
 */
void setup_getcpu(int cpu)
{
	unsigned long cpunode = cpu & VDSO_CPUNODE_MASK;
	u64 *gdt = cpu_data[cpu].tables.gdt;

	if (cpu_has_rdtscp() || cpu_has_rdpid())
		wrmsr(MSR_TSC_AUX, cpunode);
	/* Present, DPL 3, data, read/write, accessed (the CPU never writes it back); byte limit. */
	gdt[GDT_ENTRY_CPUNODE] =
		(cpunode & 0xffff) | (0xf3ULL << 40) | ((u64)(cpunode >> 16 & 0xf) << 48);
	if (cpu == 0)
		early_data.getcpu_mode = cpu_has_rdpid() ? VDSO_GETCPU_RDPID : VDSO_GETCPU_LSL;
}

void vdso_init(void)
{
	size_t size = vdso_image_size();
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)vdso_image_start;
	unsigned long flags;
	struct page *vvar;

	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG))
		panic("vdso: the image built into the kernel is not an ELF file");
	vdso_npages = PAGE_ALIGN(size) >> PAGE_SHIFT;
	if (vdso_npages > VDSO_MAX_PAGES)
		panic("vdso: the image has %u pages, more than %d", vdso_npages, VDSO_MAX_PAGES);
	for (unsigned int i = 0; i < vdso_npages; i++) {
		size_t off = (size_t)i << PAGE_SHIFT;

		vdso_pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!vdso_pages[i])
			panic("vdso: out of memory");
		memcpy(page_address(vdso_pages[i]), vdso_image_start + off,
		       min(size - off, (size_t)PAGE_SIZE));
	}
	vvar = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!vvar)
		panic("vdso: out of memory");
	vvar_pages[0] = vvar;
	spin_lock_irqsave(&vdso_lock, flags);
	memcpy(page_address(vvar), &early_data, sizeof(early_data));
	smp_wmb(); /* the copy is complete before any writer can find the page */
	WRITE_ONCE(vdso_data, (struct vdso_data *)page_address(vvar));
	spin_unlock_irqrestore(&vdso_lock, flags);
	pr_info("vdso: %zu bytes in %u pages, getcpu by %s\n", size, vdso_npages,
		early_data.getcpu_mode == VDSO_GETCPU_RDPID ? "RDPID" : "LSL");
}

/* Both mappings hand out their fixed pages; a write to a private copy is copy on write. */
static int special_fault(struct vm_area_struct *vma, unsigned long pgoff, struct page **page)
{
	struct page **pages = vma->vm_private_data;
	unsigned long n = pages == vvar_pages ? 1 : vdso_npages;

	if (pgoff >= n)
		return VM_FAULT_SIGBUS;
	get_page(pages[pgoff]);
	*page = pages[pgoff];
	return 0;
}

/* /proc/PID/maps names them as Linux does. */
static const char *special_name(struct vm_area_struct *vma)
{
	return vma->vm_private_data == vvar_pages ? "[vvar]" : "[vdso]";
}

static const struct vm_operations_struct special_ops = {
	.fault = special_fault,
	.name = special_name,
};

long map_vdso(struct mm_struct *mm)
{
	unsigned long len = (1 + (unsigned long)vdso_npages) << PAGE_SHIFT;
	long addr, ret;

	if (!vdso_npages)
		return -ENOEXEC; /* no vdso_init yet: nothing to map */
	addr = get_unmapped_area(mm, len);
	if (addr < 0)
		return addr;
	ret = install_special_mapping(mm, addr, PAGE_SIZE, VM_READ, &special_ops, vvar_pages);
	if (ret < 0)
		return ret;
	ret = install_special_mapping(mm, addr + PAGE_SIZE, len - PAGE_SIZE, VM_READ | VM_EXEC,
				      &special_ops, vdso_pages);
	if (ret < 0)
		return ret; /* the vvar mapping goes with the mm */
	return addr + PAGE_SIZE;
}
