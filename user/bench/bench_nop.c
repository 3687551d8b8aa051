// SPDX-License-Identifier: GPL-2.0
/*
 * The program bench's fork_exec_wait and posix_spawn start: it does nothing, so that what
 * they measure is the kernel's exec and the libc's start-up, and the exit and wait after.
 */
int main(void)
{
	return 0;
}
