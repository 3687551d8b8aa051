#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H
/*
 * Device numbers as Linux's 64-bit dev_t holds them (the encoding glibc and musl use): minor
 * bits 0-7 and 20-43, major bits 8-19 and 44-63, so that old 16-bit numbers keep their value.
 */
#include <sys/types.h>

static inline unsigned int major(dev_t dev)
{
	return ((dev >> 8) & 0xfff) | ((unsigned int)(dev >> 32) & ~0xfffu);
}

static inline unsigned int minor(dev_t dev)
{
	return (dev & 0xff) | ((unsigned int)(dev >> 12) & ~0xffu);
}

static inline dev_t makedev(unsigned int ma, unsigned int mi)
{
	return ((dev_t)(ma & 0xfffff000u) << 32) | ((dev_t)(ma & 0xfff) << 8) |
	       ((dev_t)(mi & 0xffffff00u) << 12) | (mi & 0xff);
}
#endif
