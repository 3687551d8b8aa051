// SPDX-License-Identifier: GPL-2.0
/*
 * Eats memory until the kernel's OOM killer ends it: maps 4 MiB at a time and touches every
 * page (or, with "populate", has MAP_POPULATE fault them in). It never stops by itself while
 * mmap succeeds; an exit status of its own (1) means mmap failed first, which is wrong.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#define CHUNK (4UL << 20)

int main(int argc, char **argv)
{
	int populate = argc > 1 && !strcmp(argv[1], "populate");
	unsigned long total = 0;

	for (;;) {
		char *p = mmap(NULL, CHUNK, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | (populate ? MAP_POPULATE : 0), -1, 0);
		if (p == MAP_FAILED) {
			printf("memhog: mmap failed after %lu MiB\n", total >> 20);
			return 1;
		}
		for (unsigned long i = 0; i < CHUNK; i += 4096)
			p[i] = 1;
		total += CHUNK;
		if (!(total & ((16UL << 20) - 1))) {
			printf("memhog: %lu MiB\n", total >> 20);
			fflush(stdout);
		}
	}
}
