#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H
#include <bits/types.h>
#include <uapi/mman.h>
#define MREMAP_MAYMOVE 1
#define MREMAP_FIXED 2
#define MADV_NORMAL 0
#define MADV_RANDOM 1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED 3
#define MADV_DONTNEED 4
#define MS_ASYNC 1
#define MS_INVALIDATE 2
#define MS_SYNC 4
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
void *mremap(void *old, size_t oldlen, size_t newlen, int flags, ...);
int madvise(void *addr, size_t len, int advice);
int msync(void *addr, size_t len, int flags);
#endif
