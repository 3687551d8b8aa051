// SPDX-License-Identifier: GPL-2.0
/*
 * Bad pointers and unknown numbers must come back as errors, never end the program or the
 * kernel: write() from NULL, an unmapped page, the kernel half and a non-canonical address
 * is EFAULT; numbers Linux never gave and ones we do not serve are ENOSYS.
 */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

static long raw_syscall3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return ret;
}

static int failures;

static void expect(const char *what, long got, long want)
{
	printf("%s %s: %ld\n", got == want ? "ok" : "FAIL", what, got);
	failures += got != want;
}

int main(void)
{
	expect("write from NULL", raw_syscall3(1, 1, 0, 5), -EFAULT);
	expect("write from an unmapped page", raw_syscall3(1, 1, 0x10000000, 5), -EFAULT);
	expect("write from the kernel half", raw_syscall3(1, 1, (long)0xffff888000000000UL, 5),
	       -EFAULT);
	expect("write from a non-canonical address",
	       raw_syscall3(1, 1, (long)0x8000000000000000UL, 5), -EFAULT);
	expect("write with a wrapping range", raw_syscall3(1, 1, (long)0x7ffffffff000UL, -1L),
	       -EFAULT);
	expect("syscall 1000 (no such number)", raw_syscall3(1000, 0, 0, 0), -ENOSYS);
	expect("syscall 333 (unused)", raw_syscall3(333, 0, 0, 0), -ENOSYS);
	expect("syscall -1", raw_syscall3(-1, 0, 0, 0), -ENOSYS);
	expect("write to a closed descriptor", raw_syscall3(1, 9, (long)"x", 1), -EBADF);
	printf("sysfault: %d failures\n", failures);
	return failures ? 1 : 0;
}
