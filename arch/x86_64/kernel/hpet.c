// SPDX-License-Identifier: GPL-2.0
/*
 * The High Precision Event Timer, as a clock only: a free-running main counter of at least
 * 10 MHz whose period the hardware states in femtoseconds, used to measure the TSC's rate.
 *
 * The register block (memory-mapped; 32 comparators at most):
 *   0x000 capabilities: revision 7:0, last comparator's number 12:8, 64-bit counter 13,
 *         legacy routing capable 15, vendor 31:16, period in fs 63:32
 *   0x010 configuration: enable 0, legacy replacement routing 1
 *   0x0f0 main counter
 *   0x100 + 0x20 * n: comparator n's configuration (interrupt enable is bit 2)
 */
#define pr_fmt(fmt) "hpet: " fmt

#include <asm/hpet.h>
#include <asm/processor.h>
#include <kernel/compiler.h>
#include <kernel/delay.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/vmalloc.h>

#define HPET_CAP 0x000
#define HPET_CFG 0x010
#define HPET_COUNTER 0x0f0
#define HPET_TN_CFG(n) (0x100 + 0x20 * (n))
#define HPET_MMIO_SIZE HPET_TN_CFG(32) /* room for the most comparators a block can have */

#define HPET_CAP_REV(c) ((c)&0xff)
#define HPET_CAP_NUM_TIM(c) ((((c) >> 8) & 0x1f) + 1)
#define HPET_CAP_COUNT_SIZE (1ULL << 13)
#define HPET_CAP_VENDOR(c) (((c) >> 16) & 0xffff)
#define HPET_CAP_PERIOD(c) ((c) >> 32)
#define HPET_CFG_ENABLE (1ULL << 0)
#define HPET_CFG_LEGACY (1ULL << 1)
#define HPET_TN_INT_ENB (1ULL << 2)

/* The specification's bound: the counter runs at 10 MHz or more. */
#define HPET_MAX_PERIOD_FS 100000000ULL /* 100 ns */
/* How long the counter gets to show it moves: 1 ms is 10000 ticks at the slowest rate. */
#define HPET_ADVANCE_US 1000
#define HPET_ADVANCE_POLL_US 10

/* Set once the block has passed every check; until then the accessors below say "none". */
static volatile u8 *hpet_base;
static u64 hpet_period;
static u64 hpet_mask;
static unsigned int hpet_comparators;

static u64 hpet_readq(const volatile u8 *base, unsigned int reg)
{
	return *(const volatile u64 *)(base + reg);
}

static void hpet_writeq(volatile u8 *base, unsigned int reg, u64 v)
{
	*(volatile u64 *)(base + reg) = v;
}

u64 __weak arch_hpet_address(void)
{
	return HPET_DEFAULT_ADDRESS;
}

u64 hpet_read_counter(void)
{
	volatile u8 *base = READ_ONCE(hpet_base);

	return base ? hpet_readq(base, HPET_COUNTER) & hpet_mask : 0;
}

u64 hpet_counter_mask(void)
{
	return hpet_mask;
}

u64 hpet_period_fs(void)
{
	return READ_ONCE(hpet_base) ? hpet_period : 0;
}

unsigned int hpet_num_comparators(void)
{
	return hpet_comparators;
}

/* Does the capabilities register look like an HPET's rather than floating bus or RAM? */
static bool hpet_cap_plausible(u64 cap)
{
	u64 vendor = HPET_CAP_VENDOR(cap), period = HPET_CAP_PERIOD(cap);

	return cap != ~0ULL && HPET_CAP_REV(cap) != 0 && vendor != 0 && vendor != 0xffff &&
	       period != 0 && period <= HPET_MAX_PERIOD_FS;
}

static bool hpet_counter_advances(const volatile u8 *base, u64 mask)
{
	u64 start = hpet_readq(base, HPET_COUNTER) & mask;

	for (int waited = 0; waited < HPET_ADVANCE_US; waited += HPET_ADVANCE_POLL_US) {
		if ((hpet_readq(base, HPET_COUNTER) & mask) != start)
			return true;
		udelay(HPET_ADVANCE_POLL_US);
	}
	return false;
}

int hpet_init(u64 phys)
{
	u64 cap, cfg, mask, khz;
	volatile u8 *base;
	unsigned int n;

	if (hpet_base)
		return -EBUSY;
	if (!phys)
		return -ENODEV;
	base = ioremap(phys, HPET_MMIO_SIZE);
	if (!base)
		return -ENOMEM;
	cap = hpet_readq(base, HPET_CAP);
	if (!hpet_cap_plausible(cap)) {
		pr_info("no HPET at %#llx (capabilities %#llx)\n", (unsigned long long)phys,
			(unsigned long long)cap);
		goto absent;
	}
	n = HPET_CAP_NUM_TIM(cap);
	mask = (cap & HPET_CAP_COUNT_SIZE) ? ~0ULL : 0xffffffffULL;

	/* No interrupts from any comparator: nothing here handles them. */
	for (unsigned int i = 0; i < n; i++)
		hpet_writeq(base, HPET_TN_CFG(i),
			    hpet_readq(base, HPET_TN_CFG(i)) & ~HPET_TN_INT_ENB);
	cfg = hpet_readq(base, HPET_CFG);
	cfg &= ~HPET_CFG_LEGACY;
	cfg |= HPET_CFG_ENABLE;
	hpet_writeq(base, HPET_CFG, cfg);

	if (!hpet_counter_advances(base, mask)) {
		pr_warn("HPET at %#llx: the main counter does not advance; not using it\n",
			(unsigned long long)phys);
		hpet_writeq(base, HPET_CFG, cfg & ~HPET_CFG_ENABLE);
		goto absent;
	}
	hpet_period = HPET_CAP_PERIOD(cap);
	hpet_mask = mask;
	hpet_comparators = n;
	WRITE_ONCE(hpet_base, base);
	khz = 1000000000000ULL / hpet_period; /* 10^15 fs per second, over 1000 */
	pr_info("HPET at %#llx: %u comparators, %d-bit counter, %llu.%03llu MHz (period %llu fs)\n",
		(unsigned long long)phys, n, mask == ~0ULL ? 64 : 32,
		(unsigned long long)khz / 1000, (unsigned long long)khz % 1000,
		(unsigned long long)hpet_period);
	return 0;

absent:
	iounmap((void *)base);
	return -ENODEV;
}
