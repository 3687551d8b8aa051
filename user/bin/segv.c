// SPDX-License-Identifier: GPL-2.0
/* Writes through a NULL pointer: the kernel must end this program (SIGSEGV), not itself. */
#include <stdio.h>

int main(void)
{
	volatile int *p = (volatile int *)0;

	printf("segv: writing to NULL\n");
	fflush(stdout);
	*p = 42;
	printf("segv: still alive, which is wrong\n");
	return 0;
}
