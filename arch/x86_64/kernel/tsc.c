// SPDX-License-Identifier: GPL-2.0
/*
 * The TSC as the kernel's clock. Its rate is measured twice: first at boot against the 8254
 * PIT, whose input clock is fixed at 1.193182 MHz, briefly (printk's timestamps until
 * time_init need no better), then by time_init against the HPET, whose period the hardware
 * states exactly, or without one against the PIT again, for longer. Reading the clock stays
 * a rdtsc, a multiply and a shift.
 *
 * Each measurement reads the TSC on both sides of the reference clock's start and end events
 * and takes the middle: the widths of those brackets bound its error, and a measurement whose
 * brackets are wide (an interrupt, a host that descheduled the virtual CPU) is done again.
 *
 * When the rate changes, the clock is rebased: it goes on from the value it had at that
 * instant, at the new rate, so it never jumps back or forward.
 */
#define pr_fmt(fmt) "tsc: " fmt

#include <asm/hpet.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <asm/vdso.h>
#include <kernel/atomic.h>
#include <kernel/delay.h>
#include <kernel/printk.h>
#include <kernel/seqlock.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>

#define PIT_TICK_RATE 1193182UL
#define PIT_CH2_DATA 0x42
#define PIT_MODE 0x43
#define PIT_MODE_CH2_LOHI_ONESHOT 0xb0
#define PORT_B 0x61
#define PORT_B_GATE2 0x01
#define PORT_B_SPEAKER 0x02
#define PORT_B_OUT2 0x20
#define CALIBRATE_MS 20
/* The first measurement, one try: good to about 0.1%, and replaced within 0.1 s of boot. */
#define BOOT_CALIBRATE_MS 5
#define MAX_POLLS 50000000UL
#define MAX_TRIES 5
/* A measurement whose brackets add up to less than 1/1000 of it is taken at once. */
#define GOOD_ENOUGH 1000
#define FS_PER_MS 1000000000000ULL
#define FS_PER_NS 1000000ULL

unsigned long tsc_khz;

/* ns(tsc) = base_ns + (tsc - base_tsc) * mult / 2^32; mult is 0 until the first calibration. */
static struct {
	u64 base_tsc;
	u64 base_ns;
	u64 mult;
} tsc_clk;
static seqcount_t tsc_seq;
static DEFINE_SPINLOCK(tsc_lock); /* between writers */

static u64 tsc_to_ns(u64 tsc, u64 base_tsc, u64 base_ns, u64 mult)
{
	/* A rdtsc may run ahead of the loads before it, and see a time before a rebase. */
	if (tsc < base_tsc)
		tsc = base_tsc;
	return base_ns + (u64)(((unsigned __int128)(tsc - base_tsc) * mult) >> 32);
}

u64 tsc_clock_ns(void)
{
	u64 base_tsc, base_ns, mult, now;
	unsigned int seq;

	do {
		seq = read_seqcount_begin(&tsc_seq);
		base_tsc = READ_ONCE(tsc_clk.base_tsc);
		base_ns = READ_ONCE(tsc_clk.base_ns);
		mult = READ_ONCE(tsc_clk.mult);
		now = rdtsc();
	} while (read_seqcount_retry(&tsc_seq, seq));
	return tsc_to_ns(now, base_tsc, base_ns, mult);
}

void tsc_set_khz(unsigned long khz)
{
	unsigned long flags;
	u64 now, ns;

	if (!khz)
		return;
	spin_lock_irqsave(&tsc_lock, flags);
	write_seqcount_begin(&tsc_seq);
	/* The odd count must be out before the TSC is read that becomes the new base. */
	smp_mb();
	now = rdtsc();
	ns = tsc_to_ns(now, tsc_clk.base_tsc, tsc_clk.base_ns, tsc_clk.mult);
	WRITE_ONCE(tsc_clk.base_tsc, now);
	WRITE_ONCE(tsc_clk.base_ns, ns);
	WRITE_ONCE(tsc_clk.mult, (1000000ULL << 32) / khz);
	write_seqcount_end(&tsc_seq);
	/* The vDSO reads the same clock from its own copy (asm/vdso.h). */
	vdso_update_clock(now, ns, tsc_clk.mult);
	WRITE_ONCE(tsc_khz, khz);
	spin_unlock_irqrestore(&tsc_lock, flags);
}

/*
 * One PIT measurement of latch PIT ticks: channel 2 counts down once in mode 0, and its
 * output, readable in port B, goes high at the end. Returns the TSC ticks it took and sets
 * *err to the width of the brackets; 0 if the output never went high (no PIT).
 */
static u64 pit_measure_once(u64 latch, u64 *err)
{
	u64 start_lo, start_hi, end_lo, end_hi, t;
	unsigned long polls = 0;

	outb((inb(PORT_B) & ~PORT_B_SPEAKER) | PORT_B_GATE2, PORT_B);
	outb(PIT_MODE_CH2_LOHI_ONESHOT, PIT_MODE);
	outb(latch & 0xff, PIT_CH2_DATA);
	start_lo = rdtsc();
	outb(latch >> 8, PIT_CH2_DATA); /* the count starts with its high byte */
	start_hi = rdtsc();
	end_lo = start_hi;
	for (;;) {
		t = rdtsc();
		if (inb(PORT_B) & PORT_B_OUT2)
			break;
		end_lo = t; /* the output was still low after this */
		if (++polls == MAX_POLLS)
			return 0;
	}
	end_hi = rdtsc();
	*err = (start_hi - start_lo) + (end_hi - end_lo);
	return (end_lo + end_hi) / 2 - (start_lo + start_hi) / 2;
}

static unsigned long pit_measure_khz(unsigned int ms, int tries)
{
	/* Mode 0 counts at most 0xffff: 54 ms. */
	u64 latch = PIT_TICK_RATE * ms / 1000, ticks, err, best_ticks = 0, best_err = ~0ULL;
	unsigned long flags;

	if (!latch || latch > 0xffff)
		return 0;
	for (int i = 0; i < tries; i++) {
		local_irq_save(flags);
		ticks = pit_measure_once(latch, &err);
		local_irq_restore(flags);
		if (!ticks)
			return 0;
		if (err < best_err) {
			best_err = err;
			best_ticks = ticks;
		}
		if (err * GOOD_ENOUGH < ticks)
			break;
	}
	/* ticks over latch / PIT_TICK_RATE seconds, in kHz. */
	return best_ticks * PIT_TICK_RATE / latch / 1000;
}

unsigned long tsc_measure_pit_khz(unsigned int ms)
{
	return pit_measure_khz(ms, MAX_TRIES);
}

/* Reads the HPET counter between two TSC reads, a few times; keeps the tightest pair. */
static u64 hpet_sample(u64 *tsc, u64 *err)
{
	u64 before, after, c, count = 0;

	*err = ~0ULL;
	*tsc = 0;
	for (int i = 0; i < 4; i++) {
		before = rdtsc();
		c = hpet_read_counter();
		after = rdtsc();
		if (after - before < *err) {
			*err = after - before;
			*tsc = before + (after - before) / 2;
			count = c;
		}
	}
	return count;
}

unsigned long tsc_measure_hpet_khz(unsigned int ms)
{
	u64 period = hpet_period_fs(), mask = hpet_counter_mask();
	u64 want, c0, c1, t0, t1, e0, e1, ticks, ns, best_khz = 0, best_err = ~0ULL;
	unsigned long flags, polls;

	if (!period || !ms)
		return 0;
	want = ms * FS_PER_MS / period;
	for (int i = 0; i < MAX_TRIES; i++) {
		local_irq_save(flags);
		c0 = hpet_sample(&t0, &e0);
		for (polls = 0; ((hpet_read_counter() - c0) & mask) < want; polls++) {
			if (polls == MAX_POLLS) {
				local_irq_restore(flags);
				return 0;
			}
			cpu_relax();
		}
		c1 = hpet_sample(&t1, &e1);
		local_irq_restore(flags);

		ticks = t1 - t0;
		ns = ((c1 - c0) & mask) * period / FS_PER_NS;
		if (e0 + e1 < best_err && ns) {
			best_err = e0 + e1;
			best_khz = ticks * NSEC_PER_MSEC / ns;
		}
		if (best_err * GOOD_ENOUGH < ticks)
			break;
	}
	return best_khz;
}

unsigned long tsc_calibrate(void)
{
	unsigned long khz = pit_measure_khz(BOOT_CALIBRATE_MS, 1);

	/* No PIT: leave the clock at 0 rather than guess. */
	if (khz)
		tsc_set_khz(khz);
	return khz;
}

void tsc_refine_calibration(void)
{
	unsigned long pit_khz = tsc_khz, khz = 0;
	bool hpet = hpet_period_fs();

	if (hpet)
		khz = tsc_measure_hpet_khz(CALIBRATE_MS);
	if (!khz) {
		/* The boot's measurement was a quick one: the PIT again, for longer. */
		if (hpet)
			pr_warn("calibration against the HPET failed\n");
		khz = tsc_measure_pit_khz(CALIBRATE_MS);
		if (!khz)
			return;
		tsc_set_khz(khz);
		pr_info("%s: TSC calibration against the PIT, %lu.%03lu MHz\n",
			hpet ? "HPET failed" : "no HPET", khz / 1000, khz % 1000);
		return;
	}
	if (pit_khz && (khz > pit_khz + pit_khz / 10 || khz < pit_khz - pit_khz / 10))
		pr_warn("the HPET measures %lu kHz, the PIT measured %lu kHz: trusting the HPET\n",
			khz, pit_khz);
	tsc_set_khz(khz);
	pr_info("Refined TSC clocksource calibration: %lu.%03lu MHz (against the HPET)\n",
		khz / 1000, khz % 1000);
}

void udelay(unsigned long usecs)
{
	u64 start, ns;

	if (!READ_ONCE(tsc_khz)) {
		while (usecs--)
			io_delay();
		return;
	}
	/* On the clock itself, so a delay always lasts at least as long as the clock says. */
	start = tsc_clock_ns();
	ns = (u64)usecs * 1000;
	while (tsc_clock_ns() - start < ns)
		cpu_relax();
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
