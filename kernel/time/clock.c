// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's clocks: monotonic (the TSC, through the architecture's tsc_clock_ns) and real
 * (monotonic plus an offset). The offset is two words, so it is published under a sequence
 * count: a reader on another CPU never sees the seconds of one setting with the nanoseconds
 * of another.
 */
#include <asm/processor.h>
#include <asm/tsc.h>
#include <asm/vdso.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/rtc.h>
#include <kernel/seqlock.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>

/* real = monotonic + wall_offset. */
static struct timespec64 wall_offset;
static seqcount_t wall_seq;
static DEFINE_SPINLOCK(wall_lock); /* between writers */

static u64 rtc_boot_secs, rtc_boot_ns;

u64 ktime_get_ns(void)
{
	return tsc_clock_ns();
}

void ktime_get_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_ns());
}

void ktime_get_real_ts64(struct timespec64 *ts)
{
	struct timespec64 off;
	unsigned int seq;
	u64 now;

	do {
		seq = read_seqcount_begin(&wall_seq);
		off.tv_sec = READ_ONCE(wall_offset.tv_sec);
		off.tv_nsec = READ_ONCE(wall_offset.tv_nsec);
		now = ktime_get_ns();
	} while (read_seqcount_retry(&wall_seq, seq));
	*ts = timespec64_add(ns_to_timespec64(now), off);
}

u64 ktime_get_real_seconds(void)
{
	struct timespec64 ts;

	ktime_get_real_ts64(&ts);
	return ts.tv_sec;
}

/*
 * A bound for ktime_real_before: the wall clock's seconds stay below wall_ub_sec until the TSC
 * reaches wall_ub_until. Written under wall_lock, published under wall_seq; settimeofday
 * voids it. Refreshed at most once a window, by the first caller after it ends.
 */
#define WALL_UB_WINDOW 60
static u64 wall_ub_until;
static time64_t wall_ub_sec;

static __noinline bool wall_before_refresh(time64_t t)
{
	struct timespec64 now;
	unsigned long flags;
	u64 tsc;

	spin_lock_irqsave(&wall_lock, flags);
	write_seqcount_begin(&wall_seq);
	tsc = rdtsc();
	/* The clock counts the same TSC, read after tsc: now is not before the window opens. */
	now = timespec64_add(ns_to_timespec64(ktime_get_ns()), wall_offset);
	WRITE_ONCE(wall_ub_until, tsc + (u64)WALL_UB_WINDOW * tsc_khz * 1000);
	/* Twice the window and a second: room for a TSC rate a little off. */
	WRITE_ONCE(wall_ub_sec, now.tv_sec + 2 * WALL_UB_WINDOW + 1);
	write_seqcount_end(&wall_seq);
	spin_unlock_irqrestore(&wall_lock, flags);
	return now.tv_sec < t;
}

bool ktime_real_before(time64_t t)
{
	unsigned int seq;
	time64_t ub;
	u64 until;

	do {
		seq = read_seqcount_begin(&wall_seq);
		until = READ_ONCE(wall_ub_until);
		ub = READ_ONCE(wall_ub_sec);
	} while (read_seqcount_retry(&wall_seq, seq));
	if (likely(rdtsc() < until))
		return ub <= t;
	return wall_before_refresh(t);
}

int do_settimeofday64(const struct timespec64 *ts)
{
	struct timespec64 off;
	unsigned long flags;

	if (!timespec64_valid(ts) || ts->tv_sec > KTIME_SEC_MAX)
		return -EINVAL;
	spin_lock_irqsave(&wall_lock, flags);
	write_seqcount_begin(&wall_seq);
	off = timespec64_sub(*ts, ns_to_timespec64(ktime_get_ns()));
	WRITE_ONCE(wall_offset.tv_sec, off.tv_sec);
	WRITE_ONCE(wall_offset.tv_nsec, off.tv_nsec);
	WRITE_ONCE(wall_ub_until, 0);
	write_seqcount_end(&wall_seq);
	vdso_update_wall(off.tv_sec, off.tv_nsec);
	spin_unlock_irqrestore(&wall_lock, flags);
	return 0;
}

u64 boot_rtc_seconds(void)
{
	return rtc_boot_secs;
}

u64 boot_rtc_read_ns(void)
{
	return rtc_boot_ns;
}

/* Starts the wall clock from the RTC; without one it counts from 1970-01-01. */
static void wall_clock_init(void)
{
	struct timespec64 ts = { 0, 0 };
	struct rtc_time tm;
	int err;

	if (IS_ENABLED(CONFIG_RTC_CMOS))
		rtc_cmos_init();
	err = rtc_read_time(&tm);
	if (err) {
		pr_warn("time: no usable RTC (%d): the wall clock starts at 1970-01-01\n", err);
		return;
	}
	ts.tv_sec = rtc_tm_to_time64(&tm);
	do_settimeofday64(&ts);
	rtc_boot_ns = ktime_get_ns();
	rtc_boot_secs = ts.tv_sec;
	pr_info("%s: setting system clock to %04d-%02d-%02dT%02d:%02d:%02d UTC (%llu)\n",
		rtc_name(), tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		tm.tm_sec, (unsigned long long)ts.tv_sec);
}

void time_init(void)
{
	arch_time_init();
	/* Same clock as the early one (tsc_clock_ns), so the timestamps go on without a jump. */
	printk_set_clock(ktime_get_ns);
	wall_clock_init();
}
