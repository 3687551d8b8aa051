/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host unit tests link the kernel's library code into a program that also has the C library
 * (and AddressSanitizer, which intercepts the libc string functions by name). The kernel's
 * versions of the names they share are renamed to k_*: the kernel lib sources are compiled
 * with "-include tests/host/host_rename.h", and a test includes this header after the host
 * headers it needs, so in the test "memcpy" means the kernel's and the host's stays usable
 * from code written before the include (such as ktest_host.h).
 */
#ifndef _TESTS_HOST_RENAME_H
#define _TESTS_HOST_RENAME_H

#define memcpy k_memcpy
#define memmove k_memmove
#define memset k_memset
#define memcmp k_memcmp
#define memchr k_memchr
#define strlen k_strlen
#define strnlen k_strnlen
#define strcmp k_strcmp
#define strncmp k_strncmp
#define strchr k_strchr
#define strrchr k_strrchr
#define strstr k_strstr
#define strspn k_strspn
#define strcspn k_strcspn
#define strsep k_strsep
#define vsnprintf k_vsnprintf
#define snprintf k_snprintf

/*
 * glibc's <sys/cdefs.h> defines __always_inline as well, slightly differently; drop its
 * definition so that the kernel's <kernel/compiler.h>, included next, does not clash with it.
 */
#undef __always_inline

#endif /* _TESTS_HOST_RENAME_H */
