// SPDX-License-Identifier: GPL-2.0
/*
 * The local APIC: each CPU's interrupt controller and timer, and the way CPUs interrupt each
 * other. x2APIC mode (MSR access, 32-bit IDs) is used where the CPU has it; otherwise the
 * xAPIC registers are reached through an uncached mapping of their MMIO page.
 *
 * The timer is always armed with an absolute TSC deadline: in TSC-deadline mode that is
 * the hardware's own interface; in one-shot mode it is converted to a count with the rate
 * measured at boot against the TSC.
 */
#include <asm/apic.h>
#include <asm/page.h>
#include <asm/cpufeature.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <kernel/delay.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include <kernel/vmalloc.h>

#define X2APIC_MSR_BASE 0x800
#define X2APIC_ICR_MSR 0x830
#define APIC_ICR_DEST_ALL_BUT_SELF (3u << 18)
#define APIC_CALIBRATE_MS 10
#define ICR_IDLE_SPINS 1000000

static bool x2apic;
static volatile u32 *lapic_mmio;
static bool tsc_deadline;
static unsigned long lapic_timer_khz; /* one-shot mode: timer ticks per ms (divider 16) */

u32 apic_read(u32 reg)
{
	if (x2apic)
		return (u32)rdmsr(X2APIC_MSR_BASE + (reg >> 4));
	return lapic_mmio[reg / 4];
}

void apic_write(u32 reg, u32 v)
{
	if (x2apic)
		wrmsr(X2APIC_MSR_BASE + (reg >> 4), v);
	else
		lapic_mmio[reg / 4] = v;
}

bool apic_x2apic_mode(void)
{
	return x2apic;
}

u32 apic_read_id(void)
{
	return x2apic ? apic_read(APIC_ID) : apic_read(APIC_ID) >> 24;
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

static void wait_icr_idle(void)
{
	for (int i = 0; !x2apic && i < ICR_IDLE_SPINS; i++) {
		if (!(apic_read(APIC_ICR) & APIC_ICR_BUSY))
			return;
		cpu_relax();
	}
}

static void apic_icr_write(u32 low, u32 dest)
{
	if (x2apic) {
		wrmsr(X2APIC_ICR_MSR, ((u64)dest << 32) | low);
		return;
	}
	wait_icr_idle();
	apic_write(APIC_ICR2, dest << 24);
	apic_write(APIC_ICR, low);
}

void apic_send_ipi(u32 apic_id, u8 vector)
{
	apic_icr_write(vector, apic_id);
}

void apic_send_nmi(u32 apic_id)
{
	apic_icr_write(APIC_DM_NMI, apic_id);
}

void apic_send_ipi_all_but_self(u8 vector)
{
	apic_icr_write(vector | APIC_ICR_DEST_ALL_BUT_SELF, 0);
}

void apic_send_init(u32 apic_id)
{
	apic_icr_write(APIC_ICR_INIT | APIC_ICR_LEVEL_ASSERT, apic_id);
	wait_icr_idle();
}

void apic_send_startup(u32 apic_id, u8 page)
{
	apic_icr_write(APIC_ICR_STARTUP | page, apic_id);
	wait_icr_idle();
}

void apic_setup_this_cpu(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE) | MSR_IA32_APICBASE_ENABLE;

	if (x2apic)
		base |= MSR_IA32_APICBASE_X2APIC;
	wrmsr(MSR_IA32_APICBASE, base);

	apic_write(APIC_TPR, 0);
	apic_write(APIC_SPIV, APIC_SPIV_ENABLE | SPURIOUS_APIC_VECTOR);
	/* The 8259s are masked: LINT0 (their ExtINT line) stays off; LINT1 carries NMI. */
	apic_write(APIC_LVT0, APIC_LVT_MASKED);
	apic_write(APIC_LVT1, APIC_DM_NMI);
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	apic_write(APIC_ESR, 0);
	apic_write(APIC_ESR, 0);
	apic_eoi();
}

/*
 * How fast the timer runs in one-shot mode is counted against the TSC, over the wait in which
 * time_init measures the TSC against the HPET: one wait for both, where a wait of its own took
 * 10 ms of every boot. The count starts here, on the boot CPU, before the refinement.
 */
static u64 lapic_cal_tsc;

void apic_timer_calibrate_begin(void)
{
	if (tsc_deadline)
		return;
	apic_write(APIC_TDCR, APIC_TDCR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, 0xffffffff);
	lapic_cal_tsc = rdtsc();
}

/* ... and ends here, at least APIC_CALIBRATE_MS later, in the TSC's refined ms. */
void apic_timer_calibrate_end(void)
{
	unsigned long khz = READ_ONCE(tsc_khz);
	u64 tsc_ticks;
	u32 left;

	if (tsc_deadline)
		return;
	if (khz) {
		/* Without an HPET nothing has waited yet. */
		while (rdtsc() - lapic_cal_tsc < (u64)APIC_CALIBRATE_MS * khz)
			cpu_relax();
		/* Read as the start was stamped: the register access, then the TSC. */
		left = apic_read(APIC_TMCCT);
		tsc_ticks = rdtsc() - lapic_cal_tsc;
		lapic_timer_khz = (0xffffffffUL - left) * khz / tsc_ticks;
	} else {
		/* No clock to count against: mdelay's io_delay loop is the only measure. */
		mdelay(APIC_CALIBRATE_MS);
		left = apic_read(APIC_TMCCT);
		lapic_timer_khz = (0xffffffffUL - left) / APIC_CALIBRATE_MS;
	}
	apic_write(APIC_TMICT, 0);
	pr_info("apic: timer runs at %lu.%03lu MHz (divided by 16)\n", lapic_timer_khz / 1000,
		lapic_timer_khz % 1000);
}

void apic_init_bsp(u64 mmio_phys)
{
	x2apic = boot_cpu_has(X86_FEATURE_X2APIC);
	if (!x2apic) {
		lapic_mmio = ioremap(mmio_phys, PAGE_SIZE);
		if (!lapic_mmio)
			panic("apic: cannot map the local APIC at %#llx",
			      (unsigned long long)mmio_phys);
	}
	tsc_deadline = boot_cpu_has(X86_FEATURE_TSC_DEADLINE);
	apic_setup_this_cpu();
	/* One-shot mode's rate is measured in time_init (apic_timer_calibrate_begin). */
	pr_info("apic: %s mode, boot CPU APIC ID %u, timer %s\n", x2apic ? "x2APIC" : "xAPIC",
		apic_read_id(), tsc_deadline ? "in TSC-deadline mode" : "one-shot");
}

bool apic_timer_has_tsc_deadline(void)
{
	return tsc_deadline;
}

void apic_timer_setup_this_cpu(void)
{
	if (tsc_deadline) {
		apic_write(APIC_LVTT, LOCAL_TIMER_VECTOR | APIC_LVT_TIMER_TSCDEADLINE);
		/* The SDM asks for ordering between the LVT write and the deadline MSR. */
		__asm__ volatile("mfence" ::: "memory");
	} else {
		apic_write(APIC_TDCR, APIC_TDCR_DIV_16);
		apic_write(APIC_LVTT, LOCAL_TIMER_VECTOR | APIC_LVT_TIMER_ONESHOT);
	}
}

void apic_timer_arm(u64 deadline)
{
	u64 now, ticks;

	if (tsc_deadline) {
		wrmsr(MSR_IA32_TSC_DEADLINE, deadline);
		return;
	}
	if (!deadline) {
		apic_write(APIC_TMICT, 0);
		return;
	}
	now = rdtsc();
	/* A far deadline must not wrap into a near one (see ns_to_tsc_deadline). */
	ticks = deadline > now ? mul_u64_u32_div(deadline - now, lapic_timer_khz, tsc_khz) : 0;
	apic_write(APIC_TMICT, ticks ? (ticks > 0xffffffffULL ? 0xffffffff : (u32)ticks) : 1);
}
