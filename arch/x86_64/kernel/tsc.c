// SPDX-License-Identifier: GPL-2.0
/*
 * The TSC as the kernel's first clock: its rate is measured against the 8254 PIT, whose
 * input clock is fixed at 1.193182 MHz, by letting PIT channel 2 count down a known interval
 * and reading the TSC at both ends. (The scheduler step refines this with the HPET.)
 */
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <kernel/delay.h>

#define PIT_TICK_RATE 1193182UL
#define PIT_CH2_DATA 0x42
#define PIT_MODE 0x43
#define PIT_MODE_CH2_LOHI_ONESHOT 0xb0
#define PORT_B 0x61
#define PORT_B_GATE2 0x01
#define PORT_B_SPEAKER 0x02
#define PORT_B_OUT2 0x20
#define CALIBRATE_MS 20
#define CALIBRATE_MAX_POLLS 50000000UL

unsigned long tsc_khz;
static u64 tsc_base;
static u64 tsc_ns_mult; /* nanoseconds per TSC tick, << 32 */

unsigned long tsc_calibrate(void)
{
	unsigned long latch = PIT_TICK_RATE * CALIBRATE_MS / 1000;
	unsigned long polls = 0;
	u64 t1, t2;

	outb((inb(PORT_B) & ~PORT_B_SPEAKER) | PORT_B_GATE2, PORT_B);
	outb(PIT_MODE_CH2_LOHI_ONESHOT, PIT_MODE);
	outb(latch & 0xff, PIT_CH2_DATA);
	outb(latch >> 8, PIT_CH2_DATA);
	t1 = rdtsc();
	while (!(inb(PORT_B) & PORT_B_OUT2))
		if (++polls == CALIBRATE_MAX_POLLS)
			return 0; /* no PIT: leave the clock at 0 rather than guess */
	t2 = rdtsc();

	tsc_khz = (t2 - t1) / CALIBRATE_MS;
	if (!tsc_khz)
		return 0;
	tsc_ns_mult = (1000000ULL << 32) / tsc_khz;
	tsc_base = t1;
	return tsc_khz;
}

u64 tsc_clock_ns(void)
{
	if (!tsc_khz)
		return 0;
	return (u64)(((unsigned __int128)(rdtsc() - tsc_base) * tsc_ns_mult) >> 32);
}

void udelay(unsigned long usecs)
{
	u64 start, ticks;

	if (!tsc_khz) {
		while (usecs--)
			io_delay();
		return;
	}
	start = rdtsc();
	ticks = (u64)usecs * tsc_khz / 1000;
	while (rdtsc() - start < ticks)
		cpu_relax();
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
