// SPDX-License-Identifier: GPL-2.0
/* Bringing up the VFS: its caches, the built-in file systems, and the root mount. */
#include <kernel/fs.h>

#include "internal.h"

void dcache_init(void);
void filemap_init(void);
void tmpfs_init(void);
void pipe_init(void);
void proc_root_init(void);

void vfs_caches_init(void)
{
	dcache_init();
	filemap_init();
	tmpfs_init();
	pipe_init();
	anon_inode_init();
	proc_root_init();
	mnt_init();
}
