/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_KERNEL_FS_UTIL_H
#define _TESTS_KERNEL_FS_UTIL_H

#include <kernel/types.h>

/* For in-kernel tests: a whole small file read into buf (NUL-terminated), length or -errno. */
long ktest_read_file(const char *name, char *buf, size_t size);
/* Writes data to name, created 0644 if missing; flags add O_TRUNC or O_APPEND. 0 or -errno. */
int ktest_write_file(const char *name, const char *data, int flags);

#endif /* _TESTS_KERNEL_FS_UTIL_H */
