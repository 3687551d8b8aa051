// SPDX-License-Identifier: GPL-2.0
/*
 * The cost of a futex hand-off between two threads: a ping-pong in which each side sets a
 * word, FUTEX_WAKEs the other and FUTEX_WAITs for its turn. RDTSC around N round trips;
 * under `scripts/vmrun --icount` the guest TSC counts instructions, so the figure is the
 * instructions per round trip (two wakes, two waits, two switches or cross-CPU wake-ups).
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define FUTEX_WAIT_PRIVATE 128
#define FUTEX_WAKE_PRIVATE 129
#define N 2000

static volatile int turn; /* 0: ping's turn, 1: pong's */

static inline unsigned long long rdtsc(void)
{
	unsigned int lo, hi;

	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi));
	return ((unsigned long long)hi << 32) | lo;
}

/* ping's half: pong's turn, pong woken, and back to sleep until pong hands it back */
static void pass_to_pong(void)
{
	turn = 1;
	syscall(202, &turn, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
	while (turn == 1)
		syscall(202, &turn, FUTEX_WAIT_PRIVATE, 1, 0, 0, 0);
}

static void *pong(void *arg)
{
	(void)arg;
	for (int i = 0; i < 3 * N; i++) {
		while (turn != 1)
			syscall(202, &turn, FUTEX_WAIT_PRIVATE, 0, 0, 0, 0);
		turn = 0;
		syscall(202, &turn, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
	}
	return 0;
}

int main(void)
{
	unsigned long long best = ~0ULL;
	pthread_t t;

	pthread_create(&t, 0, pong, 0);
	for (int round = 0; round < 3; round++) {
		unsigned long long t0 = rdtsc(), t1;

		for (int i = 0; i < N; i++)
			pass_to_pong();
		t1 = rdtsc();
		if (t1 - t0 < best)
			best = t1 - t0;
	}
	pthread_join(t, 0);
	printf("futex ping-pong: %llu TSC ticks per round trip (best of 3 x %d)\n", best / N, N);
	return 0;
}
