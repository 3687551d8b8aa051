/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_INITRAMFS_H
#define _KERNEL_INITRAMFS_H

#include <kernel/types.h>

struct initramfs_stats {
	unsigned int entries; /* made */
	unsigned int failed; /* could not be made (reported) */
	unsigned int skipped; /* refused: names that would leave the root */
};

/* Unpacks cpio newc archive(s) into the root: 0, or -errno for a malformed archive. */
int initramfs_unpack(const void *buf, size_t len, struct initramfs_stats *stats);
/* At boot: unpacks the initramfs modules GRUB loaded. */
void populate_rootfs(void);

#endif /* _KERNEL_INITRAMFS_H */
