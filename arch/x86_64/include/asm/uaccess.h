/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <asm/page.h>
#include <kernel/compiler.h>
#include <kernel/errno.h>
#include <kernel/preempt.h>
#include <kernel/types.h>

/*
 * The only way the kernel touches user memory. Each function checks that the range lies in
 * user space, opens user access (STAC, when SMAP is on: any other kernel access to a user
 * page faults), and copies with an instruction listed in the exception table, so a bad
 * pointer ends the copy instead of the kernel. Pages not yet present are faulted in on the
 * way by the page-fault handler, as for the program itself.
 *
 * copy_to_user/copy_from_user/clear_user return the number of bytes NOT copied (0 on
 * success), as on Linux; get_user/put_user return 0 or -EFAULT.
 */
#define __user

static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE_MAX && a <= TASK_SIZE_MAX - size;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
long strncpy_from_user(char *dst, const char __user *src, long count);

/* An unsigned integer type of n bytes (1, 2, 4 or 8): a non-const home for get_user. */
#define __uint_of_size(n)                               \
	__typeof__(__builtin_choose_expr(               \
		(n) == 1, (u8)0,                        \
		__builtin_choose_expr((n) == 2, (u16)0, \
				      __builtin_choose_expr((n) == 4, (u32)0, (u64)0))))

#define get_user(x, ptr)                                                                          \
	({                                                                                        \
		BUILD_BUG_ON(sizeof(*(ptr)) != 1 && sizeof(*(ptr)) != 2 && sizeof(*(ptr)) != 4 && \
			     sizeof(*(ptr)) != 8);                                                \
		__uint_of_size(sizeof(*(ptr))) __gu_val = 0;                                      \
		int __gu_err = copy_from_user(&__gu_val, (ptr), sizeof(*(ptr))) ? -EFAULT : 0;    \
		(x) = (__typeof__(*(ptr)))__gu_val;                                               \
		__gu_err;                                                                         \
	})

#define put_user(x, ptr)                                                        \
	({                                                                      \
		__typeof__(*(ptr)) __pu_val = (x);                              \
		copy_to_user((ptr), &__pu_val, sizeof(__pu_val)) ? -EFAULT : 0; \
	})

/*
 * Between these, a fault on a user address is not resolved (that would take mmap_lock and
 * sleep): the access fails as though the page were missing, and the copy is short. For code
 * that must touch user memory while it cannot sleep; it retries outside if it must.
 */
static inline void pagefault_disable(void)
{
	preempt_disable();
}

static inline void pagefault_enable(void)
{
	preempt_enable();
}

/* A locked compare-and-exchange of a user word: 0 (*uval = the old value) or -EFAULT. */
int futex_atomic_cmpxchg_user(u32 *uval, u32 __user *uaddr, u32 oldval, u32 newval);

/* Turned on once the CPU is known to have SMAP (STAC/CLAC fault without it). */
void uaccess_enable_smap(void);

#endif /* _ASM_UACCESS_H */
