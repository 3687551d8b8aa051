/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_KERNEL_FS_UTIL_H
#define _TESTS_KERNEL_FS_UTIL_H

#include <kernel/types.h>

/* For in-kernel tests: a whole small file read into buf (NUL-terminated), length or -errno. */
long ktest_read_file(const char *name, char *buf, size_t size);
/*
 * Writes data to name, created 0644 if missing; flags add O_TRUNC or O_APPEND (which the
 * kernel honours: the write starts at offset 0 here). 0 or -errno.
 */
int ktest_write_file(const char *name, const char *data, int flags);

struct task_struct;
/* Waits (at most ms) until p sleeps interruptibly, switched out; false if it did not. */
bool ktest_wait_sleeping(struct task_struct *p, unsigned int ms);
/* What signal delivery will do to p: TIF_SIGPENDING, and an interruptible sleep woken. */
void ktest_fake_signal(struct task_struct *p);
/* Waits (at most ms) until *flag is set (with release order); false if it was not. */
bool ktest_wait_flag(const bool *flag, unsigned int ms);

#endif /* _TESTS_KERNEL_FS_UTIL_H */
