/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_DEVFS_H
#define _KERNEL_DEVFS_H

#include <kernel/fs.h>

/*
 * /dev: a tmpfs the kernel mounts at boot and fills with a node for every device a driver
 * registered (before or after the mount). Users may add their own nodes too.
 */
int devfs_register(const char *name, umode_t mode, dev_t dev);
void devfs_mount(void);

#endif /* _KERNEL_DEVFS_H */
