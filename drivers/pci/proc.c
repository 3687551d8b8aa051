// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/bus/pci: "devices", one line a function in Linux's format (what pciutils' proc
 * back end and busybox's lspci read), and BB/DD.F, each function's configuration space as
 * binary (256 bytes for root; the first 64 for others, as on Linux).
 */
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/pci.h>
#include <kernel/proc_fs.h>
#include <kernel/sched.h>

#include "pci.h"

struct show_state {
	struct proc_buf *b;
	int err;
};

/* Linux's show_device: BB DD, vendor device, irq, then 7 starts and 7 sizes, the driver. */
static void show_device(struct pci_dev *dev, void *arg)
{
	struct show_state *st = arg;
	struct proc_buf *b = st->b;

	if (st->err)
		return;
	st->err = proc_printf(b, "%02x%02x\t%04x%04x\t%x", dev->bus->number, dev->devfn,
			      dev->vendor, dev->device, dev->irq);
	for (int i = 0; i < PCI_NUM_RESOURCES && !st->err; i++)
		st->err = proc_printf(
			b, "\t%16llx",
			(unsigned long long)(dev->resource[i].start |
					     (dev->resource[i].flags & PCI_REGION_FLAG_MASK)));
	for (int i = 0; i < PCI_NUM_RESOURCES && !st->err; i++) {
		const struct resource *r = &dev->resource[i];

		st->err = proc_printf(
			b, "\t%16llx",
			r->start < r->end ? (unsigned long long)(r->end - r->start + 1) : 0ULL);
	}
	if (!st->err)
		st->err = proc_printf(b, "\t%s\n", dev->driver ? dev->driver->name : "");
}

int proc_pci_devices_show(struct proc_buf *b, struct task_struct *task)
{
	struct show_state st = { .b = b };

	pci_for_each_dev_locked(show_device, &st);
	return st.err;
}

int proc_pci_config_show(struct proc_buf *b, struct task_struct *task)
{
	struct pci_dev *dev = pci_get_domain_bus_and_slot(0, (b->fd >> 8) & 0xff, b->fd & 0xff);
	unsigned int size;
	u8 cfg[256];

	if (!dev)
		return -ENOENT;
	/* Reading some devices' registers has side effects: all of it is root's (CAP_SYS_ADMIN). */
	size = current_cred()->euid == 0		  ? dev->cfg_size
	       : dev->hdr_type == PCI_HEADER_TYPE_CARDBUS ? 128
							  : 64;
	for (unsigned int i = 0; i < size; i += 4) {
		u32 v;

		pci_read_config_dword(dev, i, &v);
		cfg[i] = v;
		cfg[i + 1] = v >> 8;
		cfg[i + 2] = v >> 16;
		cfg[i + 3] = v >> 24;
	}
	return proc_write_bytes(b, cfg, size);
}
