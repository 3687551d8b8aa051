// SPDX-License-Identifier: GPL-2.0
/*
 * The host's errno values for the names in errno_names.h. Kept in a file of its own because the
 * host's <errno.h> and our <uapi/errno.h> define the same macros.
 */
#include <errno.h>
#include <stddef.h>

#include "errno_names.h"
#include "errno_table.h"

#define ERRNO_ENTRY(name) { #name, name },
const struct errno_entry errno_host_table[] = { ERRNO_NAMES(ERRNO_ENTRY) };
const size_t errno_host_count = sizeof(errno_host_table) / sizeof(errno_host_table[0]);
