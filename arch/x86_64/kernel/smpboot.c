// SPDX-License-Identifier: GPL-2.0
/*
 * Starting the other CPUs. For each CPU the firmware lists, the boot CPU makes its idle task
 * and run queue, writes the trampoline's parameter block (page tables, stack, entry), and
 * sends INIT, then STARTUP twice, as the MP specification prescribes; the CPU climbs from
 * real mode to start_secondary, sets up its own tables, APIC and timer, says it is online
 * and enters its idle loop. One CPU is started at a time.
 */
#include <asm/syscall.h>
#include <asm/apic.h>
#include <asm/cpufeature.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/tlbflush.h>
#include <kernel/delay.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/string.h>
#include <kernel/timer.h>
#include <kernel/vmalloc.h>

#define TRAMPOLINE_PHYS 0x8000UL
/* Page tables for the climb, right above the trampoline (all in the reserved first MiB). */
#define TRAMPOLINE_PML4_PHYS 0x9000UL
#define TRAMPOLINE_PDPT_PHYS 0xa000UL
#define TRAMPOLINE_PD_PHYS 0xb000UL
#define STARTUP_WAIT_MS 1000

struct trampoline_params {
	u64 cr3;
	u64 stack;
	u64 entry;
	u64 cpu;
	u64 efer;
	u64 cr4;
};

extern const u8 trampoline_blob[], trampoline_blob_end[];

/*
 * The index the boot CPU is waiting to see come up, -1 for none. A CPU takes it from here
 * before it touches its per-CPU data; one that comes too late (after the boot CPU gave up
 * and perhaps handed its index to the next CPU) finds it gone and halts, and the boot CPU
 * also sends it INIT, so that it never reads the next CPU's trampoline parameters.
 */
static int smpboot_waiting = -1;

bool smpboot_claim_index(int cpu)
{
	int expected = cpu;

	return __atomic_compare_exchange_n(&smpboot_waiting, &expected, -1, false, __ATOMIC_ACQ_REL,
					   __ATOMIC_ACQUIRE);
}

/*
 * A CPU leaving the trampoline still runs at a low address, so its first page tables map
 * the first 2 MiB one to one besides the kernel half; start_secondary then loads init_pgd.
 */
static void build_trampoline_tables(void)
{
	u64 *pml4 = __va(TRAMPOLINE_PML4_PHYS), *pdpt = __va(TRAMPOLINE_PDPT_PHYS);
	u64 *pd = __va(TRAMPOLINE_PD_PHYS);

	memset(pml4, 0, PAGE_SIZE);
	memset(pdpt, 0, PAGE_SIZE);
	memset(pd, 0, PAGE_SIZE);
	memcpy(pml4 + 256, init_pgd + 256, 256 * sizeof(u64));
	pml4[0] = TRAMPOLINE_PDPT_PHYS | _KERNPG_TABLE;
	pdpt[0] = TRAMPOLINE_PD_PHYS | _KERNPG_TABLE;
	pd[0] = 0 | _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE;
}

void start_secondary(int cpu);
void start_secondary(int cpu)
{
	if (!smpboot_claim_index(cpu))
		halt_forever(); /* too late: the boot CPU went on without us */
	load_cr3(init_pgd);
	percpu_setup(cpu);
	pcid_init_this_cpu();
	idt_load();
	fpu_init_this_cpu();
	syscall_init();
	apic_setup_this_cpu();
	cpu_data[cpu].apic_id = apic_read_id();
	tick_setup_this_cpu();
	__atomic_store_n(&cpu_data[cpu].online, true, __ATOMIC_RELEASE);
	local_irq_enable();
	pr_info("smp: CPU %d (APIC ID %u) is online\n", cpu, cpu_data[cpu].apic_id);
	cpu_idle_loop();
}

/*
 * The MP specification's 10 ms wait after INIT and 200 us after each STARTUP are for the
 * CPUs of its time. Linux drops the first and shortens the second to 10 us for Intel family
 * 6 and later and AMD family 0xf and later (smp_quirk_init_udelay), which covers every CPU
 * that runs x86-64 in practice and QEMU's models: 10 ms of each boot for nothing.
 */
static bool modern_init(void)
{
	const struct cpuinfo_x86 *c = &boot_cpu_data;

	if (!strcmp(c->vendor, "GenuineIntel"))
		return c->family >= 6;
	if (!strcmp(c->vendor, "AuthenticAMD") || !strcmp(c->vendor, "HygonGenuine"))
		return c->family >= 0xf;
	return false;
}

static bool boot_one_cpu(int cpu, u32 apic_id)
{
	struct trampoline_params *params = __va(TRAMPOLINE_PHYS + 8);
	struct task_struct *idle = sched_init_idle(cpu);

	if (!idle) {
		pr_err("smp: no memory for CPU %d's idle task\n", cpu);
		return false;
	}
	params->cr3 = TRAMPOLINE_PML4_PHYS;
	params->stack = (u64)idle->stack + THREAD_SIZE;
	params->entry = (u64)start_secondary;
	params->cpu = cpu;
	params->efer = rdmsr(MSR_EFER);
	/* CR4.PCIDE outside long mode is a #GP: start_secondary sets it. */
	params->cr4 = read_cr4() & ~X86_CR4_PCIDE;
	cpu_data[cpu].apic_id = apic_id;
	__atomic_store_n(&smpboot_waiting, cpu, __ATOMIC_SEQ_CST);

	apic_send_init(apic_id);
	if (!modern_init())
		mdelay(10);
	for (int sipi = 0; sipi < 2; sipi++) {
		apic_send_startup(apic_id, TRAMPOLINE_PHYS >> PAGE_SHIFT);
		udelay(modern_init() ? 10 : 200);
	}
	/* Polled every 20 us: under TCG the CPU is up long before a millisecond has passed. */
	for (int polls = 0; polls < STARTUP_WAIT_MS * 50; polls++) {
		if (__atomic_load_n(&cpu_data[cpu].online, __ATOMIC_ACQUIRE))
			return true;
		udelay(20);
	}
	/* Withdraw the index; if the CPU took it meanwhile, it is coming: wait for it. */
	if (!smpboot_claim_index(cpu)) {
		while (!__atomic_load_n(&cpu_data[cpu].online, __ATOMIC_ACQUIRE))
			cpu_relax();
		return true;
	}
	apic_send_init(apic_id); /* back to waiting for a STARTUP that will not come */
	mdelay(10);
	pr_err("smp: CPU %d (APIC ID %u) did not come up\n", cpu, apic_id);
	return false;
}

void smp_init(void)
{
	u32 ids[NR_CPUS];
	int n = arch_possible_apic_ids(ids, NR_CPUS);
	u32 self = cpu_data[0].apic_id;

	if (n <= 1) {
		pr_info("smp: 1 CPU\n");
		return;
	}
	memcpy(__va(TRAMPOLINE_PHYS), trampoline_blob, trampoline_blob_end - trampoline_blob);
	build_trampoline_tables();
	for (int i = 0; i < n; i++) {
		int cpu = nr_cpu_ids;

		if (ids[i] == self)
			continue;
		nr_cpu_ids++;
		if (!boot_one_cpu(cpu, ids[i]))
			nr_cpu_ids--;
	}
	pr_info("smp: %u CPUs online\n", num_online_cpus());
}

/* The CPUs' APIC IDs from the firmware's tables; without tables, only the boot CPU. */
__weak int arch_possible_apic_ids(u32 *ids, int max)
{
	return 0;
}
