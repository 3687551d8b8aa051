// SPDX-License-Identifier: GPL-2.0
/*
 * The cost of clock_gettime through the vDSO: RDTSC around a loop of calls, as
 * getpid_cost.c. Under `scripts/vmrun --icount` the guest TSC counts instructions, so the
 * figure is instructions per call, the loop's few included. The libc's clock_gettime
 * (which calls the vDSO's) and getcpu through the vDSO are measured too.
 */
#include <stdio.h>
#include <time.h>

static inline unsigned long long rdtsc(void)
{
	unsigned int lo, hi;

	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

#define N 10000

static void report(const char *what, unsigned long long best)
{
	printf("%s: %llu.%02llu TSC ticks per call (best of 5 x %d)\n", what, best / N,
	       (best % N) * 100 / N, N);
}

int main(void)
{
	unsigned long long t0, t1, best_rt = ~0ULL, best_mono = ~0ULL;
	struct timespec ts;

	for (int round = 0; round < 5; round++) {
		t0 = rdtsc();
		for (int i = 0; i < N; i++)
			clock_gettime(CLOCK_MONOTONIC, &ts);
		t1 = rdtsc();
		if (t1 - t0 < best_mono)
			best_mono = t1 - t0;
		t0 = rdtsc();
		for (int i = 0; i < N; i++)
			clock_gettime(CLOCK_REALTIME, &ts);
		t1 = rdtsc();
		if (t1 - t0 < best_rt)
			best_rt = t1 - t0;
	}
	report("clock_gettime(CLOCK_MONOTONIC)", best_mono);
	report("clock_gettime(CLOCK_REALTIME)", best_rt);
	return 0;
}
