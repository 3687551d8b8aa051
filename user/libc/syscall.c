/* errno, the syscall() entry point, and the futex lock the library's shared state uses. */
#include "libc.h"
#include <stdarg.h>
#include <unistd.h>

int *__errno_location(void)
{
	return &__tcb()->errno_val;
}

hidden long __syscall_ret(long r)
{
	if ((unsigned long)r > -4096UL) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

long syscall(long nr, ...)
{
	va_list ap;
	long a, b, c, d, e, f;

	va_start(ap, nr);
	a = va_arg(ap, long);
	b = va_arg(ap, long);
	c = va_arg(ap, long);
	d = va_arg(ap, long);
	e = va_arg(ap, long);
	f = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall6(nr, a, b, c, d, e, f));
}

#define FUTEX_WAIT_PRIVATE 128
#define FUTEX_WAKE_PRIVATE 129

hidden void __lock(volatile int *l)
{
	int c = __sync_val_compare_and_swap(l, 0, 1);
	if (!c)
		return;
	for (int spin = 0; spin < 100 && c; spin++) {
		__builtin_ia32_pause();
		c = __sync_val_compare_and_swap(l, 0, 1);
	}
	if (!c)
		return;
	if (c != 2)
		c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
	while (c) {
		__sys(SYS_futex, l, FUTEX_WAIT_PRIVATE, 2, 0);
		c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
	}
}

hidden void __unlock(volatile int *l)
{
	if (__atomic_exchange_n(l, 0, __ATOMIC_RELEASE) == 2)
		__sys(SYS_futex, l, FUTEX_WAKE_PRIVATE, 1);
}

long __vfork_error(int err);
long __vfork_error(int err)
{
	errno = err;
	return -1;
}
