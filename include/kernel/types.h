/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_TYPES_H
#define _KERNEL_TYPES_H

/*
 * The kernel is freestanding: these headers come from the compiler, not a libc, and are the
 * same under the host compiler, so pure code builds for the host unit tests unchanged.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef u64 phys_addr_t;
typedef long ssize_t;

#endif /* _KERNEL_TYPES_H */
