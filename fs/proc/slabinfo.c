// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/slabinfo in Linux's "slabinfo - version: 2.1" layout, which slabtop and the leak
 * checks of make test read: one line per cache with its object and slab counts. Our caches
 * have no per-CPU arrays, so the tunables are all 0, as SLUB shows them.
 */
#include <kernel/errno.h>
#include <kernel/proc_fs.h>
#include <kernel/slab.h>

#define SLABINFO_MAX_CACHES 256

int proc_slabinfo_show(struct proc_buf *b, struct task_struct *task)
{
	struct slab_info *info = kcalloc(SLABINFO_MAX_CACHES, sizeof(*info), GFP_KERNEL);
	int n, i, err;

	if (!info)
		return -ENOMEM;
	n = slab_info_snapshot(info, SLABINFO_MAX_CACHES);
	if (n > SLABINFO_MAX_CACHES)
		n = SLABINFO_MAX_CACHES;
	err = proc_printf(b, "slabinfo - version: 2.1\n"
			     "# name            <active_objs> <num_objs> <objsize> <objperslab> "
			     "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "
			     "slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	for (i = 0; i < n && !err; i++) {
		const struct slab_info *si = &info[i];

		err = proc_printf(b,
				  "%-17s %6lu %6lu %6u %4u %4u : tunables %4u %4u %4u : "
				  "slabdata %6lu %6lu %6u\n",
				  si->name, si->active_objs, si->num_objs, si->objsize,
				  si->objperslab, si->pagesperslab, 0, 0, 0, si->active_slabs,
				  si->num_slabs, 0);
	}
	kfree(info);
	return err;
}
