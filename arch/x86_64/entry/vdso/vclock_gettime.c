// SPDX-License-Identifier: GPL-2.0
/*
 * The vDSO's functions: the clocks and getcpu, read in user mode from the vvar page the
 * kernel keeps (asm/vdso.h). Built -fPIC into a shared object of its own (vdso.lds), so there
 * is nothing to relocate: the vvar page is reached RIP-relative, one page below the image.
 *
 * What the vvar page cannot answer (the CPU-time clocks, an unknown clock, a CPU whose number
 * it cannot read) goes to the real system call, which gives the errno too.
 */
#include <asm/segment.h>
#include <asm/vdso.h>

/* Linux's clock ids and the user structures, as the C libraries lay them out. */
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
/* The clocks served here, as bits of their ids; the realtime ones among them. */
#define SERVED_CLOCKS                                                                     \
	((1U << CLOCK_REALTIME) | (1U << CLOCK_MONOTONIC) | (1U << CLOCK_MONOTONIC_RAW) | \
	 (1U << CLOCK_REALTIME_COARSE) | (1U << CLOCK_MONOTONIC_COARSE) | (1U << CLOCK_BOOTTIME))
#define REALTIME_CLOCKS ((1U << CLOCK_REALTIME) | (1U << CLOCK_REALTIME_COARSE))

#define NR_gettimeofday 96
#define NR_time 201
#define NR_clock_gettime 228
#define NR_clock_getres 229
#define NR_getcpu 309

#define NSEC_PER_SEC 1000000000ULL

struct __kernel_timespec {
	s64 tv_sec;
	long tv_nsec;
};

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

typedef int clockid_t;
typedef long __kernel_old_time_t;

/* One page below the image (vdso.lds): the kernel maps the vvar page there. */
extern const struct vdso_data vvar_page __attribute__((visibility("hidden")));

#define barrier() __asm__ volatile("" ::: "memory")
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

static inline long vsyscall2(long nr, long a, long b)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "0"(nr), "D"(a), "S"(b) : "rcx", "r11", "memory");
	return ret;
}

static inline long vsyscall3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "0"(nr), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return ret;
}

/*
 * The TSC read after the loads before it (LFENCE), as the kernel's readers see it: otherwise
 * it could run ahead of the sequence count and pair an old base with a newer count.
 */
static inline u64 rdtsc_ordered(void)
{
	u32 lo, hi;

	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((u64)hi << 32) | lo;
}

/*
 * The monotonic time in ns and, for the realtime clocks, the wall-clock offset, read as one
 * consistent snapshot.
 */
static inline u64 read_clock(const struct vdso_data *vd, s64 *wsec, s64 *wnsec)
{
	u64 cycles, last, base, mult;
	u32 seq;

	for (;;) {
		seq = READ_ONCE(vd->seq);
		if (unlikely(seq & 1))
			continue;
		barrier();
		last = READ_ONCE(vd->cycle_last);
		base = READ_ONCE(vd->base_ns);
		mult = READ_ONCE(vd->mult);
		*wsec = READ_ONCE(vd->wall_sec);
		*wnsec = READ_ONCE(vd->wall_nsec);
		cycles = rdtsc_ordered();
		barrier();
		if (likely(READ_ONCE(vd->seq) == seq))
			break;
	}
	/* A TSC read just before a rebase counts as the rebase's instant (tsc.c's rule). */
	if (unlikely(cycles < last))
		cycles = last;
	return base + (u64)(((unsigned __int128)(cycles - last) * mult) >> 32);
}

static inline void do_clock(const struct vdso_data *vd, bool real, s64 *sec, long *nsec)
{
	s64 wsec, wnsec;
	u64 ns = read_clock(vd, &wsec, &wnsec);
	s64 s = ns / NSEC_PER_SEC;
	long n = ns % NSEC_PER_SEC;

	if (real) {
		/* timespec64_add of the kernel: both halves normalised, one carry at most. */
		s += wsec;
		n += wnsec;
		if (n >= (long)NSEC_PER_SEC) {
			n -= NSEC_PER_SEC;
			s++;
		}
	}
	*sec = s;
	*nsec = n;
}

int __vdso_clock_gettime(clockid_t clock, struct __kernel_timespec *ts)
{
	if (likely((unsigned int)clock < 32 && ((1U << clock) & SERVED_CLOCKS))) {
		do_clock(&vvar_page, (1U << clock) & REALTIME_CLOCKS, &ts->tv_sec, &ts->tv_nsec);
		return 0;
	}
	return vsyscall2(NR_clock_gettime, clock, (long)ts);
}

int __vdso_gettimeofday(struct __kernel_old_timeval *tv, struct timezone *tz)
{
	if (likely(tv)) {
		s64 sec;
		long nsec;

		do_clock(&vvar_page, true, &sec, &nsec);
		tv->tv_sec = sec;
		tv->tv_usec = nsec / 1000;
	}
	if (unlikely(tz)) {
		/* The kernel keeps no time zone: UTC, as the syscall answers. */
		tz->tz_minuteswest = 0;
		tz->tz_dsttime = 0;
	}
	return 0;
}

__kernel_old_time_t __vdso_time(__kernel_old_time_t *t)
{
	s64 sec;
	long nsec;

	do_clock(&vvar_page, true, &sec, &nsec);
	if (t)
		*t = sec;
	return sec;
}

/*
 * The syscall's answers (kernel/sys.c): the precise clocks count in nanoseconds; the coarse
 * ones promise only the tick, as on Linux (they read the precise time here, which keeps
 * the promise).
 */
#define VDSO_TICK_NSEC 4000000 /* TICK_NSEC, include/kernel/timer.h */

int __vdso_clock_getres(clockid_t clock, struct __kernel_timespec *res)
{
	if (likely((unsigned int)clock < 32 && ((1U << clock) & SERVED_CLOCKS))) {
		if (res) {
			res->tv_sec = 0;
			res->tv_nsec =
				(clock == CLOCK_REALTIME_COARSE || clock == CLOCK_MONOTONIC_COARSE)
					? VDSO_TICK_NSEC
					: 1;
		}
		return 0;
	}
	return vsyscall2(NR_clock_getres, clock, (long)res);
}

/* getcpu(cpu, node, unused): the number the kernel put in TSC_AUX and the CPUNODE segment. */
long __vdso_getcpu(unsigned int *cpu, unsigned int *node, void *unused)
{
	unsigned long p;

	if (READ_ONCE(vvar_page.getcpu_mode) == VDSO_GETCPU_RDPID) {
		__asm__ volatile(".byte 0xf3, 0x0f, 0xc7, 0xf8" /* rdpid %rax */ : "=a"(p));
	} else {
		u8 ok;

		__asm__ volatile("lsl %k[seg], %k[p]\n\tsetz %[ok]"
				 : [p] "=r"(p), [ok] "=qm"(ok)
				 : [seg] "r"((unsigned long)__CPUNODE_SEG)
				 : "cc");
		if (unlikely(!ok))
			return vsyscall3(NR_getcpu, (long)cpu, (long)node, (long)unused);
	}
	if (cpu)
		*cpu = p & VDSO_CPUNODE_MASK;
	if (node)
		*node = (p & 0xffffffff) >> VDSO_CPUNODE_BITS;
	return 0;
}

/* The names without the prefix, as Linux's vDSO exports them too. */
int clock_gettime(clockid_t, struct __kernel_timespec *)
	__attribute__((weak, alias("__vdso_clock_gettime")));
int gettimeofday(struct __kernel_old_timeval *, struct timezone *)
	__attribute__((weak, alias("__vdso_gettimeofday")));
__kernel_old_time_t time(__kernel_old_time_t *) __attribute__((weak, alias("__vdso_time")));
int clock_getres(clockid_t, struct __kernel_timespec *)
	__attribute__((weak, alias("__vdso_clock_getres")));
long getcpu(unsigned int *, unsigned int *, void *) __attribute__((weak, alias("__vdso_getcpu")));
