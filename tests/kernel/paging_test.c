// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's page tables as paging_init promised them: permissions by section, a
 * non-executable direct map, the identity map gone, the boot stack's guard page missing,
 * and the protections switched on that the CPU has.
 */
#include <asm/cpufeature.h>
#include <asm/extable.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/tlbflush.h>
#include <asm/uaccess.h>
#include <kernel/kthread.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/timer.h>
#include <kernel/vmalloc.h>
#include <uapi/mman.h>

extern u8 *const boot_stack_guard;
static const u64 some_rodata = 0x1234;

static pteval_t entry_of(unsigned long va, int *level)
{
	pte_t *pte = lookup_address(init_pgd, va, level);

	return pte ? pte->pte : 0;
}

static bool nx_supported(void)
{
	return boot_cpu_has(X86_FEATURE_NX);
}

static void test_text_is_read_only_executable(struct ktest *t)
{
	int level;
	pteval_t e = entry_of((unsigned long)test_text_is_read_only_executable, &level);

	KTEST_ASSERT_TRUE(t, e & _PAGE_PRESENT);
	KTEST_EXPECT_EQ(t, level, 1);
	KTEST_EXPECT_FALSE(t, e & _PAGE_RW);
	KTEST_EXPECT_FALSE(t, e & _PAGE_NX);
	KTEST_EXPECT_FALSE(t, e & _PAGE_USER);
}

static void test_rodata_is_read_only_noexec(struct ktest *t)
{
	int level;
	pteval_t e = entry_of((unsigned long)&some_rodata, &level);

	KTEST_ASSERT_TRUE(t, e & _PAGE_PRESENT);
	KTEST_EXPECT_FALSE(t, e & _PAGE_RW);
	KTEST_EXPECT_EQ(t, !!(e & _PAGE_NX), nx_supported());
}

static void test_data_is_writable_noexec(struct ktest *t)
{
	static u64 some_data;
	int level;
	pteval_t e = entry_of((unsigned long)&some_data, &level);

	KTEST_ASSERT_TRUE(t, e & _PAGE_PRESENT);
	KTEST_EXPECT_TRUE(t, e & _PAGE_RW);
	KTEST_EXPECT_EQ(t, !!(e & _PAGE_NX), nx_supported());
}

/* CR0.WP makes the read-only mappings bind the kernel too. */
static void test_writes_to_read_only_fault(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, put_kernel_nofault_u64((void *)&some_rodata, 1), -EFAULT);
	KTEST_EXPECT_EQ(t, some_rodata, 0x1234);
	KTEST_EXPECT_EQ(t, put_kernel_nofault_u64((void *)test_writes_to_read_only_fault, 1),
			-EFAULT);
}

static void test_direct_map(struct ktest *t)
{
	struct page *page = alloc_page(GFP_KERNEL);
	int level;
	pteval_t e;

	KTEST_ASSERT_NOT_NULL(t, page);
	e = entry_of((unsigned long)page_address(page), &level);
	KTEST_EXPECT_TRUE(t, e & _PAGE_RW);
	KTEST_EXPECT_EQ(t, !!(e & _PAGE_NX), nx_supported());
	KTEST_EXPECT_EQ(t, (e & PTE_PFN_MASK) >> PAGE_SHIFT,
			page_to_pfn(page) >> (9 * (level - 1)) << (9 * (level - 1)));
	/* The same frame through the kernel-image alias and the direct map. */
	KTEST_EXPECT_EQ(t, *(u64 *)__va(__pa(&some_rodata)), 0x1234);
	__free_page(page);
}

static void test_identity_map_is_gone(struct ktest *t)
{
	u64 v;

	KTEST_EXPECT_EQ(t, get_kernel_nofault_u64(&v, (void *)0x200000), -EFAULT);
	KTEST_EXPECT_EQ(t, entry_of(0x200000, &(int){ 0 }), 0);
}

static void test_boot_stack_guard_unmapped(struct ktest *t)
{
	u64 v;

	KTEST_EXPECT_EQ(t, get_kernel_nofault_u64(&v, boot_stack_guard), -EFAULT);
	KTEST_EXPECT_TRUE(t, is_guard_page((unsigned long)boot_stack_guard + 100));
	KTEST_EXPECT_EQ(t, get_kernel_nofault_u64(&v, boot_stack_guard + PAGE_SIZE), 0);
}

static void test_protections_on(struct ktest *t)
{
	unsigned long cr4 = read_cr4();

	KTEST_EXPECT_TRUE(t, read_cr0() & X86_CR0_WP);
	KTEST_EXPECT_EQ(t, !!(cr4 & X86_CR4_SMEP), boot_cpu_has(X86_FEATURE_SMEP));
	KTEST_EXPECT_EQ(t, !!(cr4 & X86_CR4_SMAP), boot_cpu_has(X86_FEATURE_SMAP));
	KTEST_EXPECT_EQ(t, !!(rdmsr(MSR_EFER) & EFER_NX), nx_supported());
	KTEST_EXPECT_EQ(t, __pa(init_pgd), read_cr3() & PTE_PFN_MASK);
}

/* ---- PCID ----------------------------------------------------------------------------- */

/*
 * The CR3 value __switch_mm loads on this CPU: without PCIDs (QEMU under TCG, or pcid=off)
 * the root table's address alone, no tag and no bit 63, as before PCIDs; with them, a tag
 * 1..TLB_NR_ASIDS for an mm and 0 for the kernel's tables.
 */
static void test_switch_mm_cr3(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();
	u64 cr3, loaded, kcr3, kloaded;

	KTEST_ASSERT_NOT_NULL(t, mm);
	preempt_disable(); /* read this CPU's values */
	switch_mm(mm);
	cr3 = read_cr3();
	loaded = this_cpu()->loaded_cr3;
	switch_mm(NULL);
	kcr3 = read_cr3();
	kloaded = this_cpu()->loaded_cr3;
	preempt_enable();

	KTEST_EXPECT_EQ(t, !!(read_cr4() & X86_CR4_PCIDE), tlb_pcid_on);
	if (!boot_cpu_has(X86_FEATURE_PCID))
		KTEST_EXPECT_FALSE(t, tlb_pcid_on);
	KTEST_EXPECT_EQ(t, cr3 & CR3_ADDR_MASK, (u64)__pa(mm->pgd));
	KTEST_EXPECT_EQ(t, loaded & CR3_ADDR_MASK, (u64)__pa(mm->pgd));
	KTEST_EXPECT_EQ(t, kcr3 & CR3_ADDR_MASK, (u64)__pa(init_pgd));
	if (!tlb_pcid_on) {
		KTEST_EXPECT_EQ(t, loaded, (u64)__pa(mm->pgd));
		KTEST_EXPECT_EQ(t, cr3, (u64)__pa(mm->pgd));
		KTEST_EXPECT_EQ(t, kloaded, (u64)__pa(init_pgd));
		KTEST_EXPECT_EQ(t, kcr3, (u64)__pa(init_pgd));
	} else {
		KTEST_EXPECT_GE(t, loaded & CR3_PCID_MASK, 1ULL);
		KTEST_EXPECT_LE(t, loaded & CR3_PCID_MASK, (u64)TLB_NR_ASIDS);
		KTEST_EXPECT_EQ(t, cr3 & CR3_PCID_MASK, loaded & CR3_PCID_MASK);
		KTEST_EXPECT_EQ(t, kloaded, (u64)__pa(init_pgd) | CR3_NOFLUSH);
		KTEST_EXPECT_EQ(t, kcr3, (u64)__pa(init_pgd));
	}
	mmput(mm);
}

/* What __switch_mm loaded, read before a preemption could load it again. */
static u64 switch_and_read_cr3(struct mm_struct *mm)
{
	u64 cr3;

	preempt_disable();
	switch_mm(mm);
	cr3 = this_cpu()->loaded_cr3;
	preempt_enable();
	return cr3;
}

/*
 * The case the generation check is for: mm A's entries stay in the TLB under A's tag while
 * B runs; A's page is taken away meanwhile (no IPI: A is loaded nowhere); switching back to
 * A must flush A's tag, or the stale translation would still let the read through. Needs a
 * CPU with PCID (hardware or KVM): QEMU under TCG has none, so here it is skipped.
 */
static void test_pcid_stale_entry_flushed_on_return(struct ktest *t)
{
	struct mm_struct *a, *b;
	u64 gen, pcid_a, back, again;
	long addr;
	u8 v = 0;

	if (!tlb_pcid_on) {
		ktest_skip(t,
			   boot_cpu_has(X86_FEATURE_PCID)
				   ? "PCIDs switched off (pcid=off or nopcid)"
				   : "the CPU lacks PCID (QEMU under TCG has none, even -cpu max)");
		return;
	}
	a = mm_alloc();
	b = mm_alloc();
	KTEST_ASSERT_NOT_NULL(t, a);
	KTEST_ASSERT_NOT_NULL(t, b);
	kthread_bind(current, smp_processor_id()); /* the tags are this CPU's */
	switch_mm(a);
	addr = do_mmap(a, 0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
	KTEST_ASSERT_GT(t, addr, 0);
	KTEST_EXPECT_EQ(t, put_user((u8)7, (u8 __user *)addr), 0);
	KTEST_EXPECT_EQ(t, get_user(v, (u8 __user *)addr), 0); /* the TLB holds it under A's tag */
	KTEST_EXPECT_EQ(t, v, 7);
	pcid_a = this_cpu()->loaded_cr3 & CR3_PCID_MASK;

	switch_mm(b);
	back = switch_and_read_cr3(a); /* nothing changed: A's tag is reused without a flush */
	KTEST_EXPECT_EQ(t, back & CR3_PCID_MASK, pcid_a);
	KTEST_EXPECT_TRUE(t, back & CR3_NOFLUSH);
	KTEST_EXPECT_EQ(t, get_user(v, (u8 __user *)addr), 0);

	switch_mm(b);
	gen = READ_ONCE(a->tlb_gen);
	KTEST_EXPECT_EQ(t, do_mprotect(a, addr, PAGE_SIZE, PROT_NONE), 0);
	KTEST_EXPECT_GT(t, READ_ONCE(a->tlb_gen), gen);
	back = switch_and_read_cr3(a);
	KTEST_EXPECT_EQ(t, back & CR3_PCID_MASK, pcid_a);
	KTEST_EXPECT_FALSE(t, back & CR3_NOFLUSH); /* the tag was flushed */
	KTEST_EXPECT_EQ(t, get_user(v, (u8 __user *)addr), -EFAULT);

	/* And the same with the mm loaded: the local flush keeps the tag current. */
	KTEST_EXPECT_EQ(t, do_mprotect(a, addr, PAGE_SIZE, PROT_READ), 0);
	KTEST_EXPECT_EQ(t, get_user(v, (u8 __user *)addr), 0);
	switch_mm(b);
	again = switch_and_read_cr3(a);
	KTEST_EXPECT_TRUE(t, again & CR3_NOFLUSH);
	KTEST_EXPECT_EQ(t, v, 7);

	switch_mm(NULL);
	set_cpus_allowed(current, CPU_MASK_ALL);
	mmput(a);
	mmput(b);
}

/* ---- installing tables from two CPUs ---------------------------------------------------- */

#define TABLE_RACE_ROUNDS 256
#define TABLE_RACE_BASE 0x100000000000UL /* a fresh 512 GiB slot of a fresh pgd */

struct table_race {
	pgd_t *pgd;
	phys_addr_t pa;
	atomic_t arrived;
	int id_next;
	unsigned long failed[2];
};

/*
 * Each round both CPUs map one page of the same fresh 2 MiB slot at the same moment, so both
 * find its page table (and in round 0 every table above it) missing.
 */
static int table_race_worker(void *data)
{
	struct table_race *r = data;
	int id = __atomic_fetch_add(&r->id_next, 1, __ATOMIC_SEQ_CST);

	for (int i = 0; i < TABLE_RACE_ROUNDS; i++) {
		unsigned long va = TABLE_RACE_BASE + i * PMD_SIZE + id * PAGE_SIZE;

		atomic_inc(&r->arrived);
		while (atomic_read(&r->arrived) < 2 * (i + 1))
			cpu_relax();
		r->failed[id] += map_page(r->pgd, va, r->pa, PAGE_KERNEL) != 0;
	}
	return 0;
}

/*
 * Bug 1 in a user half: a table installed by a plain store could replace the other CPU's,
 * losing its mapping and leaking its table. Every page must be mapped, and freeing the pgd
 * must give back every table counted.
 */
static void test_table_install_race(struct ktest *t)
{
	struct table_race r = { 0 };
	unsigned long tables = nr_pgtable_pages(), tasks = nr_tasks(), missing = 0;
	struct task_struct *p[2];
	int level;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "needs two CPUs");
		return;
	}
	r.pgd = pgd_alloc();
	KTEST_ASSERT_NOT_NULL(t, r.pgd);
	r.pa = __pa(&some_rodata) & PAGE_MASK;
	for (int i = 0; i < 2; i++) {
		p[i] = kthread_create(table_race_worker, &r, "ktest-tables");
		KTEST_ASSERT_NOT_NULL(t, p[i]);
		kthread_bind(p[i], i);
	}
	for (int i = 0; i < 2; i++)
		wake_up_process(p[i]);
	for (int i = 0; i < 2; i++)
		kthread_stop(p[i]);
	for (int ms = 0; ms < 1000 && nr_tasks() > tasks; ms++)
		msleep(1);
	KTEST_EXPECT_EQ(t, r.failed[0] + r.failed[1], 0);
	for (int i = 0; i < TABLE_RACE_ROUNDS; i++)
		for (int id = 0; id < 2; id++)
			missing += !lookup_address(
				r.pgd, TABLE_RACE_BASE + i * PMD_SIZE + id * PAGE_SIZE, &level);
	KTEST_EXPECT_EQ(t, missing, 0);
	/* pgd, PDPT, one PD, a PT per round: all reachable, all freed with the pgd. */
	KTEST_EXPECT_EQ(t, nr_pgtable_pages(), tables + 3 + TABLE_RACE_ROUNDS);
	pgd_free(r.pgd);
	KTEST_EXPECT_EQ(t, nr_pgtable_pages(), tables);
}

static struct ktest_case paging_cases[] = {
	KTEST_CASE(test_text_is_read_only_executable),
	KTEST_CASE(test_rodata_is_read_only_noexec),
	KTEST_CASE(test_data_is_writable_noexec),
	KTEST_CASE(test_writes_to_read_only_fault),
	KTEST_CASE(test_direct_map),
	KTEST_CASE(test_identity_map_is_gone),
	KTEST_CASE(test_boot_stack_guard_unmapped),
	KTEST_CASE(test_protections_on),
	KTEST_CASE(test_switch_mm_cr3),
	KTEST_CASE(test_pcid_stale_entry_flushed_on_return),
	KTEST_CASE(test_table_install_race),
	{},
};

static struct ktest_suite paging_suite = { .name = "paging", .cases = paging_cases };
ktest_register_suite(paging_suite);
