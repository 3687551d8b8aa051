// SPDX-License-Identifier: GPL-2.0
/*
 * Copies across the user/kernel boundary. One primitive does the work: rep movsb (or stosb)
 * at a listed instruction. If it faults and the page cannot be faulted in, the handler
 * resumes after it with RCX still counting the bytes not done, which is exactly what the
 * callers return.
 */
#include <asm/extable.h>
#include <asm/uaccess.h>

static bool smap_on;

void uaccess_enable_smap(void)
{
	smap_on = true;
}

static __always_inline void user_access_begin(void)
{
	if (smap_on)
		__asm__ volatile("stac" ::: "memory");
}

static __always_inline void user_access_end(void)
{
	if (smap_on)
		__asm__ volatile("clac" ::: "memory");
}

static unsigned long copy_user_generic(void *to, const void *from, unsigned long n)
{
	user_access_begin();
	__asm__ volatile("1: rep movsb\n\t"
			 "2:\n\t" _ASM_EXTABLE(1b, 2b)
			 : "+c"(n), "+D"(to), "+S"(from)
			 :
			 : "memory");
	user_access_end();
	return n;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (unlikely(!access_ok(to, n)))
		return n;
	return copy_user_generic((void *)to, from, n);
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left;

	if (unlikely(!access_ok(from, n))) {
		__builtin_memset(to, 0, n);
		return n;
	}
	left = copy_user_generic(to, (const void *)from, n);
	/* Like Linux: what could not be read is zeroed, so no stale kernel data leaks on. */
	if (unlikely(left))
		__builtin_memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	void *dst = (void *)to;

	if (unlikely(!access_ok(to, n)))
		return n;
	user_access_begin();
	__asm__ volatile("1: rep stosb\n\t"
			 "2:\n\t" _ASM_EXTABLE(1b, 2b)
			 : "+c"(n), "+D"(dst)
			 : "a"(0)
			 : "memory");
	user_access_end();
	return n;
}
