/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_ERRNO_H
#define _KERNEL_ERRNO_H

#include <uapi/errno.h>
#include <kernel/types.h>
#include <kernel/compiler.h>

/*
 * A function returning a pointer can return an error instead: the top MAX_ERRNO values of the
 * address space are never valid kernel pointers, so ERR_PTR(-ENOMEM) encodes -ENOMEM in the
 * pointer itself. Test with IS_ERR() and decode with PTR_ERR().
 */
#define MAX_ERRNO 4095

/*
 * Kernel-internal codes, never seen by user space (as Linux's 512..516): a sleep broken by a
 * signal returns -ERESTARTSYS, and the syscall exit path turns it into -EINTR or restarts
 * the call (SA_RESTART) once signals are delivered.
 */
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ERESTART_RESTARTBLOCK 516

#define IS_ERR_VALUE(x) unlikely((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return unlikely(!ptr) || IS_ERR_VALUE((unsigned long)ptr);
}

/* Pass an error pointer on as a pointer of another type. */
static inline void *ERR_CAST(const void *ptr)
{
	return (void *)ptr;
}

/* 0 for a valid pointer, the -errno for an error pointer. */
static inline int PTR_ERR_OR_ZERO(const void *ptr)
{
	return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0;
}

#endif /* _KERNEL_ERRNO_H */
