// SPDX-License-Identifier: GPL-2.0
/*
 * The clocks: monotonic never goes back, delays last as long as the clock says, the HPET is
 * there on q35 and agrees with the PIT about the TSC's rate, the RTC's date is believable
 * and the wall clock follows it, settimeofday moves only the wall clock.
 *
 * Under TCG a virtual CPU may stop for a while whenever the host pleases, so no bound here
 * depends on how fast the guest runs: lower bounds are exact, upper bounds are generous.
 */
#include <asm/hpet.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <kernel/delay.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/kthread.h>
#include <kernel/preempt.h>
#include <kernel/rtc.h>
#include <kernel/sched.h>
#include <kernel/smp.h>
#include <kernel/time.h>
#include <kernel/timer.h>

#define GENEROUS_NS (2 * NSEC_PER_SEC)
#define COST_CALLS 10000

static void test_monotonic_never_decreases(struct ktest *t)
{
	struct timespec64 prev_ts, ts;
	u64 prev = ktime_get_ns(), now;

	KTEST_ASSERT_GT(t, prev, 0);
	for (int i = 0; i < 10000; i++) {
		now = ktime_get_ns();
		if (now < prev) {
			KTEST_EXPECT_GE(t, now, prev);
			return;
		}
		prev = now;
	}
	ktime_get_ts64(&prev_ts);
	for (int i = 0; i < 1000; i++) {
		ktime_get_ts64(&ts);
		KTEST_ASSERT_TRUE(t, timespec64_valid(&ts));
		KTEST_ASSERT_TRUE(t, timespec64_compare(&ts, &prev_ts) >= 0);
		prev_ts = ts;
	}
}

static void test_ts64_agrees_with_ns(struct ktest *t)
{
	struct timespec64 ts;
	u64 before = ktime_get_ns(), after;
	s64 ns;

	ktime_get_ts64(&ts);
	after = ktime_get_ns();
	ns = timespec64_to_ns(&ts);
	KTEST_EXPECT_GE(t, ns, before);
	KTEST_EXPECT_LE(t, ns, after);
}

static void test_mdelay_20ms(struct ktest *t)
{
	u64 start = ktime_get_ns(), took;

	mdelay(20);
	took = ktime_get_ns() - start;
	ktest_log(t, "mdelay(20) took %llu us", (unsigned long long)took / 1000);
	KTEST_EXPECT_GE(t, took, 20 * NSEC_PER_MSEC);
	KTEST_EXPECT_LT(t, took, GENEROUS_NS);
}

static void test_mdelay_10ms_lasts(struct ktest *t)
{
	for (int i = 0; i < 3; i++) {
		u64 start = ktime_get_ns();

		mdelay(10);
		KTEST_EXPECT_GE(t, ktime_get_ns() - start, 10 * NSEC_PER_MSEC);
	}
	for (int i = 0; i < 100; i++) {
		u64 start = ktime_get_ns();

		udelay(7);
		KTEST_ASSERT_GE(t, ktime_get_ns() - start, 7 * NSEC_PER_USEC);
	}
}

/*
 * mdelay spins on the TSC clock; timed with that same clock, a wrong rate would go unseen.
 * The HPET is an independent counter with its own period (test_tsc_rate_hpet_vs_pit checks
 * the two agree within 2%): the delay must last on it too, within 3%.
 */
static void test_mdelay_against_hpet(struct ktest *t)
{
	u64 period = hpet_period_fs(), c0, c1, fs;

	if (!period) {
		ktest_skip(t, "no HPET");
		return;
	}
	for (int ms = 5; ms <= 40; ms *= 2) {
		c0 = hpet_read_counter();
		mdelay(ms);
		c1 = hpet_read_counter();
		fs = ((c1 - c0) & hpet_counter_mask()) * period;
		ktest_log(t, "mdelay(%d) lasted %llu us on the HPET", ms,
			  (unsigned long long)(fs / 1000000000ULL));
		KTEST_EXPECT_GE(t, fs / 1000000ULL, (u64)ms * NSEC_PER_MSEC * 97 / 100);
		KTEST_EXPECT_LT(t, fs / 1000000ULL, GENEROUS_NS);
	}
}

static void test_hpet_present_and_counting(struct ktest *t)
{
	u64 period = hpet_period_fs(), c0, c1, start, end;

	/* vmrun boots q35, which always has one. */
	KTEST_ASSERT_NE(t, period, 0);
	KTEST_EXPECT_LE(t, period, 100000000); /* at least 10 MHz */
	KTEST_EXPECT_GE(t, hpet_num_comparators(), 3);
	/* The HPET's interval encloses the TSC's: it must be at least as long (give or take 2x). */
	c0 = hpet_read_counter();
	start = ktime_get_ns();
	udelay(100);
	end = ktime_get_ns();
	c1 = hpet_read_counter();
	KTEST_EXPECT_NE(t, c1, c0);
	KTEST_EXPECT_GE(t, ((c1 - c0) & hpet_counter_mask()) * period / 1000000, (end - start) / 2);
}

static void test_tsc_rate_hpet_vs_pit(struct ktest *t)
{
	unsigned long pit = tsc_measure_pit_khz(20), hpet = tsc_measure_hpet_khz(20);

	ktest_log(t, "TSC: %lu kHz against the PIT, %lu kHz against the HPET; clock uses %lu kHz",
		  pit, hpet, tsc_khz);
	KTEST_ASSERT_NE(t, pit, 0);
	if (!hpet) {
		ktest_skip(t, "no HPET");
		return;
	}
	/* Within 2% of each other, and of the rate the clock runs on. */
	KTEST_EXPECT_LT(t, pit > hpet ? pit - hpet : hpet - pit, hpet / 50);
	KTEST_EXPECT_LT(t, tsc_khz > hpet ? tsc_khz - hpet : hpet - tsc_khz, hpet / 50);
}

/* Changing the rate rebases the clock: no step back, and no leap forward either. */
static void test_rebase_keeps_clock_monotonic(struct ktest *t)
{
	unsigned long khz = tsc_khz;
	u64 prev = ktime_get_ns(), now, start = prev;
	bool backwards = false;

	KTEST_ASSERT_NE(t, khz, 0);
	for (int i = 0; i < 200; i++) {
		/* Alternately 1% fast and 1% slow, then twice and half the rate. */
		unsigned long k = i < 100 ? (i & 1 ? khz + khz / 100 : khz - khz / 100)
					  : (i & 1 ? khz * 2 : khz / 2);

		tsc_set_khz(k);
		now = ktime_get_ns();
		backwards |= now < prev;
		prev = now;
	}
	tsc_set_khz(khz);
	now = ktime_get_ns();
	backwards |= now < prev;
	KTEST_EXPECT_FALSE(t, backwards);
	KTEST_EXPECT_EQ(t, tsc_khz, khz);
	KTEST_EXPECT_LT(t, now - start, GENEROUS_NS);
}

static void test_rtc_date_plausible(struct ktest *t)
{
	struct rtc_time tm;

	KTEST_ASSERT_EQ(t, rtc_read_time(&tm), 0);
	ktest_log(t, "RTC: %04d-%02d-%02d %02d:%02d:%02d UTC", tm.tm_year + 1900, tm.tm_mon + 1,
		  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	KTEST_EXPECT_TRUE(t, rtc_valid_tm(&tm));
	/* QEMU's RTC follows the host's clock. */
	KTEST_EXPECT_GE(t, tm.tm_year + 1900, 2024);
	KTEST_EXPECT_LT(t, tm.tm_year + 1900, 2100);
	KTEST_EXPECT_NE(t, boot_rtc_seconds(), 0);
}

static s64 abs_diff(s64 a, s64 b)
{
	return a > b ? a - b : b - a;
}

static void test_wall_clock_follows_rtc(struct ktest *t)
{
	u64 uptime_since_read = ktime_get_ns() - boot_rtc_read_ns();
	s64 real = ktime_get_real_seconds(), rtc_now;
	struct rtc_time tm;

	KTEST_ASSERT_NE(t, boot_rtc_seconds(), 0);
	/* The RTC time at boot, plus the monotonic time since: one second for the rounding. */
	KTEST_EXPECT_LE(t, abs_diff(real, boot_rtc_seconds() + uptime_since_read / NSEC_PER_SEC),
			1);
	/*
	 * And the RTC read now: it counts whole seconds, and the boot reading was up to a second
	 * behind, so two; a few more for a TSC rate slightly off. (With vmrun --icount the
	 * guest's clocks count instructions while the RTC follows the host: not this test.)
	 */
	KTEST_ASSERT_EQ(t, rtc_read_time(&tm), 0);
	rtc_now = rtc_tm_to_time64(&tm);
	ktest_log(t, "wall clock %lld, RTC %lld", (long long)real, (long long)rtc_now);
	KTEST_EXPECT_LE(t, abs_diff(real, rtc_now), 4);
}

static void test_settimeofday(struct ktest *t)
{
	static const struct timespec64 bad[] = {
		{ 100, -1 },
		{ 100, NSEC_PER_SEC },
		{ -1, 0 },
		{ KTIME_SEC_MAX + 1, 0 },
	};
	const struct timespec64 target = { 2000000000, 500000000 }; /* 2033-05-18 */
	struct timespec64 real0, real, restore;
	u64 mono0, mono1;
	s64 got;

	ktime_get_real_ts64(&real0);
	mono0 = ktime_get_ns();
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++)
		KTEST_EXPECT_EQ(t, do_settimeofday64(&bad[i]), -EINVAL);
	ktime_get_real_ts64(&real);
	KTEST_EXPECT_LT(t, timespec64_to_ns(&real) - timespec64_to_ns(&real0), GENEROUS_NS);

	KTEST_ASSERT_EQ(t, do_settimeofday64(&target), 0);
	ktime_get_real_ts64(&real);
	mono1 = ktime_get_ns();
	got = timespec64_to_ns(&real) - timespec64_to_ns(&target);
	KTEST_EXPECT_GE(t, got, 0);
	KTEST_EXPECT_LT(t, got, GENEROUS_NS);
	/* The monotonic clock did not move with it. */
	KTEST_EXPECT_GE(t, mono1, mono0);
	KTEST_EXPECT_LT(t, mono1 - mono0, GENEROUS_NS);

	/* Put the wall clock back where it would be. */
	restore = timespec64_add(real0, ns_to_timespec64(ktime_get_ns() - mono0));
	KTEST_EXPECT_EQ(t, do_settimeofday64(&restore), 0);
	ktime_get_real_ts64(&real);
	KTEST_EXPECT_LT(t, abs_diff(real.tv_sec, real0.tv_sec), 3);
}

static void test_clock_read_cost(struct ktest *t)
{
	u64 start, cycles, ns0, ns1;
	volatile u64 sink;

	ns0 = ktime_get_ns();
	start = rdtsc();
	for (int i = 0; i < COST_CALLS; i++)
		sink = ktime_get_ns();
	cycles = rdtsc() - start;
	ns1 = ktime_get_ns();
	(void)sink;
	ktest_figure(t, "ktime_get_ns", cycles / COST_CALLS, "cycles");
	ktest_figure(t, "ktime_get_ns_ns", (ns1 - ns0) / COST_CALLS, "ns");
}

/* ---- timers ------------------------------------------------------------------------- */

static int far_fired;

static void far_timer_fn(struct timer_list *tl)
{
	WRITE_ONCE(far_fired, far_fired + 1);
}

/*
 * Bug 5: (when - now) * tsc_khz passed 2^64 for a timer about 1.7 hours ahead at 3 GHz (2 at
 * 2.6 GHz), and the wrapped deadline came early: the first delay here wrapped to 20 ms
 * ahead, so its interrupt came within the wait, hours before the timer was due. The timer
 * base counts interrupts that come before the deadline armed for; none may, and the
 * function must not run.
 */
static void test_timer_hours_ahead_does_not_fire(struct ktest *t)
{
	u64 delays[] = { ~0ULL / tsc_khz + 20 * NSEC_PER_MSEC, 2 * 3600 * NSEC_PER_SEC,
			 100ULL * 3600 * NSEC_PER_SEC };
	struct timer_list tl;

	timer_setup(&tl, far_timer_fn);
	for (unsigned int i = 0; i < ARRAY_SIZE(delays); i++) {
		unsigned long irqs, early;
		int cpu;

		WRITE_ONCE(far_fired, 0);
		preempt_disable();
		cpu = smp_processor_id();
		irqs = timer_interrupts(cpu);
		early = timer_early_interrupts(cpu);
		timer_add(&tl, sched_clock() + delays[i]);
		mdelay(50);
		irqs = timer_interrupts(cpu) - irqs;
		early = timer_early_interrupts(cpu) - early;
		preempt_enable();
		ktest_log(t, "timer %llu s ahead: %lu timer interrupts in 50 ms, %lu early",
			  (unsigned long long)(delays[i] / NSEC_PER_SEC), irqs, early);
		KTEST_EXPECT_EQ(t, early, 0);
		KTEST_EXPECT_TRUE(t, timer_del_sync(&tl));
		KTEST_EXPECT_EQ(t, READ_ONCE(far_fired), 0);
	}
}

/*
 * timer_del_sync against a handler on the other CPU that re-adds its timer: when it returns,
 * the handler must not be running and the timer must not be pending (it used to wait for the
 * handler only, which had re-added the timer meanwhile).
 */
#define REARM_ROUNDS 300

struct rearm_ctx {
	struct timer_list timer;
	int in_handler;
	unsigned long fired;
};

static struct rearm_ctx rearm;

static void rearm_fn(struct timer_list *tl)
{
	struct rearm_ctx *c = container_of(tl, struct rearm_ctx, timer);

	WRITE_ONCE(c->in_handler, 1);
	WRITE_ONCE(c->fired, c->fired + 1);
	udelay(5); /* widen the window the deleter can hit */
	timer_add(tl, sched_clock() + 20 * NSEC_PER_USEC);
	WRITE_ONCE(c->in_handler, 0);
}

static void rearm_start(void *info)
{
	struct rearm_ctx *c = info;

	timer_add(&c->timer, sched_clock());
}

static void test_timer_del_sync_vs_rearming_handler(struct ktest *t)
{
	int other, bad_pending = 0, bad_running = 0, bad_fired = 0;

	if (num_online_cpus() < 2) {
		ktest_skip(t, "needs two CPUs");
		return;
	}
	/* The handler on the other CPU, the deleter here: no moving in between. */
	preempt_disable();
	other = smp_processor_id() ? 0 : 1;
	timer_setup(&rearm.timer, rearm_fn);
	for (int round = 0; round < REARM_ROUNDS; round++) {
		unsigned long fired = READ_ONCE(rearm.fired), after;

		if (smp_call_function_single(other, rearm_start, &rearm, true))
			break;
		/* Let it fire at least once, then cut in at a varying point. */
		while (READ_ONCE(rearm.fired) == fired)
			cpu_relax();
		udelay(round % 23);
		timer_del_sync(&rearm.timer);
		if (READ_ONCE(rearm.in_handler))
			bad_running++;
		if (READ_ONCE(rearm.timer.pending))
			bad_pending++;
		after = READ_ONCE(rearm.fired);
		udelay(100);
		if (READ_ONCE(rearm.fired) != after)
			bad_fired++;
	}
	timer_del_sync(&rearm.timer);
	preempt_enable();
	KTEST_EXPECT_EQ(t, bad_running, 0);
	KTEST_EXPECT_EQ(t, bad_pending, 0);
	KTEST_EXPECT_EQ(t, bad_fired, 0);
}

static struct ktest_case time_cases[] = {
	KTEST_CASE(test_monotonic_never_decreases),
	KTEST_CASE(test_ts64_agrees_with_ns),
	KTEST_CASE(test_mdelay_20ms),
	KTEST_CASE(test_mdelay_10ms_lasts),
	KTEST_CASE(test_mdelay_against_hpet),
	KTEST_CASE(test_hpet_present_and_counting),
	KTEST_CASE(test_tsc_rate_hpet_vs_pit),
	KTEST_CASE(test_rebase_keeps_clock_monotonic),
	KTEST_CASE(test_rtc_date_plausible),
	KTEST_CASE(test_wall_clock_follows_rtc),
	KTEST_CASE(test_settimeofday),
	KTEST_CASE(test_timer_hours_ahead_does_not_fire),
	KTEST_CASE(test_timer_del_sync_vs_rearming_handler),
	KTEST_FIGURES(test_clock_read_cost),
	{},
};
static struct ktest_suite time_suite = { .name = "time", .cases = time_cases };
ktest_register_suite(time_suite);
