// SPDX-License-Identifier: GPL-2.0
/* The first program: one line on standard output, status 0. */
#include <stdio.h>

int main(void)
{
	printf("Hello from user space!\n");
	return 0;
}
