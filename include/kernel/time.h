/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_TIME_H
#define _KERNEL_TIME_H

#include <kernel/compiler.h>
#include <kernel/types.h>

/*
 * The kernel's clocks (kernel/time/clock.c, docs/time.md):
 *
 *   monotonic  nanoseconds since boot from the TSC; never goes backwards, never set;
 *   real       the wall clock, seconds since 1970-01-01 00:00:00 UTC: the CMOS RTC's time at
 *              boot plus the monotonic time since, until settimeofday moves it.
 *
 * The conversions (kernel/time/time.c) are pure code, also built into the host tests.
 */
#define MSEC_PER_SEC 1000L
#define USEC_PER_MSEC 1000L
#define USEC_PER_SEC 1000000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define NSEC_PER_SEC 1000000000L

typedef s64 time64_t;

struct timespec64 {
	s64 tv_sec;
	long tv_nsec; /* 0 <= tv_nsec < NSEC_PER_SEC once normalised */
};

/* The largest time in seconds whose nanoseconds still fit an s64 (year 2262). */
#define KTIME_MAX ((s64) ~((u64)1 << 63))
#define KTIME_SEC_MAX (KTIME_MAX / NSEC_PER_SEC)

/*
 * Seconds since 1970-01-01 00:00:00 UTC of a date in the proleptic Gregorian calendar: year
 * in full (1970 and later), mon 1-12, day 1-31, hour 0-23, min 0-59, sec 0-60. Fields are
 * not checked: a day 32 is the 1st of the next month. Dates before 1970 give 0.
 */
u64 mktime64(unsigned int year, unsigned int mon, unsigned int day, unsigned int hour,
	     unsigned int min, unsigned int sec);
bool is_leap_year(unsigned int year);
/* Days in month mon (1-12) of year. */
unsigned int days_in_month(unsigned int year, unsigned int mon);

/* Sets ts to sec + nsec, with any nsec (negative or over a second) carried into tv_sec. */
void set_normalized_timespec64(struct timespec64 *ts, s64 sec, s64 nsec);
/* A signed nanosecond count as a normalised timespec64: -1 ns is { -1, 999999999 }. */
struct timespec64 ns_to_timespec64(s64 nsec);
/* Nanoseconds of ts, saturated at KTIME_MAX (or -KTIME_MAX) when it does not fit. */
s64 timespec64_to_ns(const struct timespec64 *ts);
struct timespec64 timespec64_add(struct timespec64 a, struct timespec64 b);
struct timespec64 timespec64_sub(struct timespec64 a, struct timespec64 b);
/* <0, 0 or >0 as a is before, equal to, or after b (both normalised). */
int timespec64_compare(const struct timespec64 *a, const struct timespec64 *b);

/* Is ts normalised (0 <= tv_nsec < NSEC_PER_SEC) and not before 1970? */
static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < NSEC_PER_SEC;
}

/*
 * a * mul / divisor without overflowing on the way, for converting between clock rates
 * (ns to TSC cycles: mul = tsc_khz, divisor = 10^6). Unlike Linux's, a result that does not
 * fit saturates at ~0ULL instead of wrapping: a far deadline stays far. divisor != 0.
 */
u64 mul_u64_u32_div(u64 a, u32 mul, u32 divisor);

/* The clocks. Safe from any CPU and from interrupt handlers. */
u64 ktime_get_ns(void);
void ktime_get_ts64(struct timespec64 *ts);
void ktime_get_real_ts64(struct timespec64 *ts);
u64 ktime_get_real_seconds(void);
/*
 * True when the wall clock's seconds are surely below t; false when they may not be (ask the
 * clock then). Nearly always answered from a bound good for a minute, with a rdtsc and a few
 * loads, for the read paths that ask it every time (relatime's day).
 */
bool ktime_real_before(time64_t t);
/*
 * Sets the wall clock (the monotonic clock does not move). -EINVAL when ts is not
 * normalised, before 1970, or beyond KTIME_SEC_MAX.
 */
int do_settimeofday64(const struct timespec64 *ts);

/* The wall-clock time read from the RTC at boot, in seconds; 0 when there was none. */
u64 boot_rtc_seconds(void);
/* The monotonic time at which that RTC reading was taken. */
u64 boot_rtc_read_ns(void);

/* HPET, TSC refinement, RTC: after mm_init (the HPET is mapped with ioremap). */
void time_init(void);
/* The architecture's part: its reference clocks, and refining the clock's rate on them. */
void arch_time_init(void);

/*
 * The CPU-time clocks by Linux's encoded ids (negative; kernel/time/posix-cpu-timers.c),
 * and clock_nanosleep on them and on CLOCK_PROCESS_CPUTIME_ID (rq already read and checked).
 */
int posix_cpu_clock_get(int clock, struct timespec64 *ts);
int posix_cpu_clock_getres(int clock, struct timespec64 *ts);
long posix_cpu_nsleep(int clock, int flags, const struct timespec64 *rq,
		      struct timespec64 __user *rmtp);

#endif /* _KERNEL_TIME_H */
