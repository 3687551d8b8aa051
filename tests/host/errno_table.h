/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TESTS_ERRNO_TABLE_H
#define _TESTS_ERRNO_TABLE_H

#include <stddef.h>

struct errno_entry {
	const char *name;
	int value;
};

extern const struct errno_entry errno_host_table[];
extern const size_t errno_host_count;

#endif /* _TESTS_ERRNO_TABLE_H */
