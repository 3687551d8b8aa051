// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys/vm/drop_caches, as Linux has it: writing 1 (the page cache), 2 (reclaimable
 * slab objects: here the unused dentries, the per-CPU path buffers (fs/open.c) and the lazily
 * freed vmalloc areas, kernel stacks among them) or 3 (both) lets go of what the kernel keeps only to be faster, so that a
 * leak check can compare counts without mistaking a cache for a leak. Our page cache is
 * tmpfs's, which is the files themselves: nothing of it can be dropped. Reading gives 0.
 */
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/proc_fs.h>
#include <kernel/vmalloc.h>

#include "../internal.h"

int proc_drop_caches_show(struct proc_buf *b, struct task_struct *task)
{
	return proc_printf(b, "0\n");
}

long proc_drop_caches_write(struct task_struct *task, const char *buf, size_t len)
{
	size_t i = 0;
	int mode;

	/* The file is root's, 0644: the open has checked the writer already. */
	while (i < len && (buf[i] == ' ' || buf[i] == '\t'))
		i++;
	if (i == len || buf[i] < '1' || buf[i] > '4')
		return -EINVAL;
	mode = buf[i] - '0';
	if (i + 1 < len && buf[i + 1] != '\n')
		return -EINVAL;
	if (mode & 2) {
		names_cache_drain();
		shrink_dcache_all();
		vmalloc_purge();
	}
	return len;
}
