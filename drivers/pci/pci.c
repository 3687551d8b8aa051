// SPDX-License-Identifier: GPL-2.0
/*
 * PCI: configuration mechanism #1, the boot-time scan, and driver binding.
 *
 * Configuration space is reached through the address port 0xcf8 and the data port 0xcfc,
 * which every PC chipset (q35's too) decodes; one access is two port operations, so
 * pci_config_lock keeps another CPU's access from slipping in between. The scan walks bus 0
 * and every bridge's secondary bus (as the firmware numbered them), records each function's
 * ids, class, header type, interrupt pin and line, and sizes its BARs the way Linux does
 * (decoding off, all ones written, the read-back's lowest set bit is the size, the old value
 * put back). Drivers bind through an id table, as with Linux's pci_register_driver.
 */
#define pr_fmt(fmt) "pci: " fmt

#include <asm/io.h>
#include <kernel/errno.h>
#include <kernel/mutex.h>
#include <kernel/pci.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/spinlock.h>

#include "pci.h"

#define PCI_CONF1_ADDRESS_PORT 0xcf8
#define PCI_CONF1_DATA_PORT 0xcfc
#define PCI_CONF1_ENABLE 0x80000000U

/* Serialises the two-port accesses (interrupts off: a handler may read config space). */
static DEFINE_SPINLOCK(pci_config_lock);

/*
 * pci_mutex guards the device list (pci_devices, by bus then devfn), the bus list, the
 * driver list and every dev->driver. Probe and remove run under it, so they may sleep.
 */
static DEFINE_MUTEX(pci_mutex);
static LIST_HEAD(pci_devices);
static LIST_HEAD(pci_buses);
static LIST_HEAD(pci_drivers);

static u32 conf1_address(unsigned int bus, unsigned int devfn, int where)
{
	return PCI_CONF1_ENABLE | bus << 16 | devfn << 8 | (where & 0xfc);
}

static u32 raw_read(unsigned int bus, unsigned int devfn, int where, int size)
{
	unsigned long flags;
	u32 v;

	spin_lock_irqsave(&pci_config_lock, flags);
	outl(conf1_address(bus, devfn, where), PCI_CONF1_ADDRESS_PORT);
	v = inl(PCI_CONF1_DATA_PORT);
	spin_unlock_irqrestore(&pci_config_lock, flags);
	v >>= (where & 3) * 8;
	return size == 4 ? v : v & ((1U << (size * 8)) - 1);
}

static void raw_write(unsigned int bus, unsigned int devfn, int where, int size, u32 val)
{
	unsigned long flags;
	u16 port = PCI_CONF1_DATA_PORT + (where & 3);

	spin_lock_irqsave(&pci_config_lock, flags);
	outl(conf1_address(bus, devfn, where), PCI_CONF1_ADDRESS_PORT);
	if (size == 1)
		outb(val, port);
	else if (size == 2)
		outw(val, port);
	else
		outl(val, port);
	spin_unlock_irqrestore(&pci_config_lock, flags);
}

static int check_where(const struct pci_dev *dev, int where, int size)
{
	if (where < 0 || where + size > (int)dev->cfg_size || (where & (size - 1)))
		return -EINVAL;
	return 0;
}

#define PCI_READ(name, type, size)                                                                 \
	int pci_read_config_##name(const struct pci_dev *dev, int where, type *val)                \
	{                                                                                          \
		int err = check_where(dev, where, size);                                           \
                                                                                                   \
		*val = err ? (type)~0 : (type)raw_read(dev->bus->number, dev->devfn, where, size); \
		return err;                                                                        \
	}
#define PCI_WRITE(name, type, size)                                                 \
	int pci_write_config_##name(const struct pci_dev *dev, int where, type val) \
	{                                                                           \
		int err = check_where(dev, where, size);                            \
                                                                                    \
		if (!err)                                                           \
			raw_write(dev->bus->number, dev->devfn, where, size, val);  \
		return err;                                                         \
	}
PCI_READ(byte, u8, 1)
PCI_READ(word, u16, 2)
PCI_READ(dword, u32, 4)
PCI_WRITE(byte, u8, 1)
PCI_WRITE(word, u16, 2)
PCI_WRITE(dword, u32, 4)

/* ---- the scan ------------------------------------------------------------------------ */

static u64 lowest_bit(u64 v)
{
	return v & -v;
}

/*
 * Sizes the BAR at offset reg (and the next one, for a 64-bit memory BAR); returns how many
 * BAR registers it took. Decoding is off meanwhile (the caller's job), so that the all-ones
 * address never claims anybody's cycles.
 */
static int read_bar(struct pci_dev *dev, int reg, struct resource *res)
{
	u32 orig, sz, orig_hi = 0, sz_hi = 0;
	u64 base, mask, size;
	int taken = 1;

	pci_read_config_dword(dev, reg, &orig);
	pci_write_config_dword(dev, reg, ~0U);
	pci_read_config_dword(dev, reg, &sz);
	pci_write_config_dword(dev, reg, orig);
	if (sz == 0 || sz == ~0U) {
		/* Nothing implemented here (or nothing answering). */
		return 1;
	}
	if (orig & PCI_BASE_ADDRESS_SPACE_IO) {
		base = orig & PCI_BASE_ADDRESS_IO_MASK & 0xffff;
		mask = sz & PCI_BASE_ADDRESS_IO_MASK & 0xffff;
		res->flags = IORESOURCE_IO | (orig & PCI_REGION_FLAG_MASK);
	} else {
		base = orig & PCI_BASE_ADDRESS_MEM_MASK & 0xffffffffUL;
		mask = sz & PCI_BASE_ADDRESS_MEM_MASK & 0xffffffffUL;
		res->flags = IORESOURCE_MEM | (orig & PCI_REGION_FLAG_MASK);
		if (orig & PCI_BASE_ADDRESS_MEM_PREFETCH)
			res->flags |= IORESOURCE_PREFETCH;
		if ((orig & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64 &&
		    reg + 4 < PCI_BASE_ADDRESS_0 + 4 * PCI_STD_NUM_BARS) {
			pci_read_config_dword(dev, reg + 4, &orig_hi);
			pci_write_config_dword(dev, reg + 4, ~0U);
			pci_read_config_dword(dev, reg + 4, &sz_hi);
			pci_write_config_dword(dev, reg + 4, orig_hi);
			base |= (u64)orig_hi << 32;
			mask |= (u64)sz_hi << 32;
			res->flags |= IORESOURCE_MEM_64;
			taken = 2;
		}
	}
	size = lowest_bit(mask);
	if (!size) {
		res->flags = 0;
		return taken;
	}
	res->start = base;
	res->end = base + size - 1;
	return taken;
}

static void read_rom(struct pci_dev *dev, int reg, struct resource *res)
{
	u32 orig, sz;
	u64 size;

	pci_read_config_dword(dev, reg, &orig);
	pci_write_config_dword(dev, reg, (u32)PCI_ROM_ADDRESS_MASK);
	pci_read_config_dword(dev, reg, &sz);
	pci_write_config_dword(dev, reg, orig);
	size = lowest_bit(sz & (u32)PCI_ROM_ADDRESS_MASK);
	if (!size || sz == ~0U)
		return;
	res->start = orig & (u32)PCI_ROM_ADDRESS_MASK;
	res->end = res->start + size - 1;
	res->flags = IORESOURCE_MEM | IORESOURCE_PREFETCH | (orig & PCI_ROM_ADDRESS_ENABLE);
}

static void read_bases(struct pci_dev *dev, int nr_bars, int rom)
{
	unsigned long flags;
	u16 cmd;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	local_irq_save(flags);
	if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
		pci_write_config_word(dev, PCI_COMMAND,
				      cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (int i = 0; i < nr_bars;)
		i += read_bar(dev, PCI_BASE_ADDRESS_0 + 4 * i, &dev->resource[i]);
	if (rom)
		read_rom(dev, rom, &dev->resource[PCI_ROM_RESOURCE]);
	if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
		pci_write_config_word(dev, PCI_COMMAND, cmd);
	local_irq_restore(flags);
}

static struct pci_dev *scan_function(struct pci_bus *bus, unsigned int devfn)
{
	struct pci_dev *dev;
	u32 id, class_rev;
	u8 hdr, line;

	id = raw_read(bus->number, devfn, PCI_VENDOR_ID, 4);
	/* All ones: nothing there; 0 or 0xffff in one half: a broken answer, also nothing. */
	if (id == ~0U || !id || (id & 0xffff) == 0xffff || (id >> 16) == 0xffff)
		return NULL;
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return NULL;
	dev->bus = bus;
	dev->devfn = devfn;
	dev->cfg_size = 256;
	dev->vendor = id & 0xffff;
	dev->device = id >> 16;
	pci_read_config_dword(dev, PCI_CLASS_REVISION, &class_rev);
	dev->class = class_rev >> 8;
	dev->revision = class_rev & 0xff;
	pci_read_config_byte(dev, PCI_HEADER_TYPE, &hdr);
	dev->hdr_type = hdr & PCI_HEADER_TYPE_MASK;
	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &dev->pin);
	pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &line);
	/* 0xff: "unknown or not connected"; no pin, no interrupt. */
	dev->irq = dev->pin && line != 0xff ? line : 0;

	switch (dev->hdr_type) {
	case PCI_HEADER_TYPE_NORMAL:
		pci_read_config_word(dev, PCI_SUBSYSTEM_VENDOR_ID, &dev->subsystem_vendor);
		pci_read_config_word(dev, PCI_SUBSYSTEM_ID, &dev->subsystem_device);
		read_bases(dev, PCI_STD_NUM_BARS, PCI_ROM_ADDRESS);
		break;
	case PCI_HEADER_TYPE_BRIDGE:
		read_bases(dev, 2, PCI_ROM_ADDRESS1);
		break;
	case PCI_HEADER_TYPE_CARDBUS:
		read_bases(dev, 1, 0);
		break;
	default:
		pr_warn("%02x:%02x.%d: unknown header type %02x, ignored\n", bus->number,
			PCI_SLOT(devfn), PCI_FUNC(devfn), dev->hdr_type);
		kfree(dev);
		return NULL;
	}
	list_add_tail(&dev->bus_list, &pci_devices);
	pr_info("%02x:%02x.%d [%04x:%04x] type %02x class %#08x\n", bus->number, PCI_SLOT(devfn),
		PCI_FUNC(devfn), dev->vendor, dev->device, dev->hdr_type, dev->class);
	return dev;
}

static struct pci_bus *find_bus(unsigned int number)
{
	struct pci_bus *b;

	list_for_each_entry(b, &pci_buses, node)
		if (b->number == number)
			return b;
	return NULL;
}

static struct pci_bus *new_bus(struct pci_bus *parent, struct pci_dev *bridge, u8 number)
{
	struct pci_bus *b = kzalloc(sizeof(*b), GFP_KERNEL);

	if (!b)
		return NULL;
	b->parent = parent;
	b->self = bridge;
	b->number = number;
	b->primary = parent ? parent->number : 0;
	list_add_tail(&b->node, &pci_buses);
	return b;
}

/* Every function of bus, then the buses behind its bridges (the firmware numbered them). */
static void scan_bus(struct pci_bus *bus, int depth)
{
	struct list_head *first_new = pci_devices.prev;
	struct pci_dev *dev;

	lockdep_assert_held(&pci_mutex);
	for (unsigned int slot = 0; slot < 32; slot++) {
		u8 hdr;

		if (!scan_function(bus, PCI_DEVFN(slot, 0)))
			continue;
		hdr = raw_read(bus->number, PCI_DEVFN(slot, 0), PCI_HEADER_TYPE, 1);
		if (!(hdr & PCI_HEADER_TYPE_MFD))
			continue;
		for (unsigned int fn = 1; fn < 8; fn++)
			scan_function(bus, PCI_DEVFN(slot, fn));
	}
	if (depth >= 8) /* deeper than any real machine: a loop in the numbering */
		return;
	for (dev = list_entry(first_new->next, struct pci_dev, bus_list);
	     &dev->bus_list != &pci_devices;
	     dev = list_entry(dev->bus_list.next, struct pci_dev, bus_list)) {
		u8 secondary;

		if (dev->bus != bus || dev->hdr_type != PCI_HEADER_TYPE_BRIDGE)
			continue;
		pci_read_config_byte(dev, PCI_SECONDARY_BUS, &secondary);
		/* 0: the firmware left it unnumbered; we do not renumber buses. */
		if (!secondary || secondary <= bus->number || find_bus(secondary))
			continue;
		dev->subordinate = new_bus(bus, dev, secondary);
		if (dev->subordinate)
			scan_bus(dev->subordinate, depth + 1);
	}
}

/* ---- drivers ------------------------------------------------------------------------- */

static bool id_matches(const struct pci_device_id *id, const struct pci_dev *dev)
{
	return (id->vendor == PCI_ANY_ID || id->vendor == dev->vendor) &&
	       (id->device == PCI_ANY_ID || id->device == dev->device) &&
	       (id->subvendor == PCI_ANY_ID || id->subvendor == dev->subsystem_vendor) &&
	       (id->subdevice == PCI_ANY_ID || id->subdevice == dev->subsystem_device) &&
	       !((id->class ^ dev->class) & id->class_mask);
}

const struct pci_device_id *pci_match_id(const struct pci_device_id *ids, const struct pci_dev *dev)
{
	/* The table ends with an all-zero entry, as Linux's do. */
	for (; ids && (ids->vendor || ids->subvendor || ids->class_mask); ids++)
		if (id_matches(ids, dev))
			return ids;
	return NULL;
}

static void try_bind(struct pci_driver *drv, struct pci_dev *dev)
{
	const struct pci_device_id *id;
	int err;

	lockdep_assert_held(&pci_mutex);
	if (dev->driver)
		return;
	id = pci_match_id(drv->id_table, dev);
	if (!id)
		return;
	err = drv->probe ? drv->probe(dev, id) : 0;
	if (err) {
		pr_info("%02x:%02x.%d: %s: probe failed (%d)\n", dev->bus->number,
			PCI_SLOT(dev->devfn), PCI_FUNC(dev->devfn), drv->name, err);
		return;
	}
	dev->driver = drv;
}

int pci_register_driver(struct pci_driver *drv)
{
	struct pci_dev *dev;

	mutex_lock(&pci_mutex);
	list_add_tail(&drv->node, &pci_drivers);
	list_for_each_entry(dev, &pci_devices, bus_list)
		try_bind(drv, dev);
	mutex_unlock(&pci_mutex);
	return 0;
}

void pci_unregister_driver(struct pci_driver *drv)
{
	struct pci_dev *dev;

	mutex_lock(&pci_mutex);
	list_for_each_entry(dev, &pci_devices, bus_list) {
		if (dev->driver != drv)
			continue;
		if (drv->remove)
			drv->remove(dev);
		dev->driver = NULL;
		dev->driver_data = NULL;
	}
	list_del(&drv->node);
	mutex_unlock(&pci_mutex);
}

struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from)
{
	struct list_head *pos;
	struct pci_dev *found = NULL;

	mutex_lock(&pci_mutex);
	for (pos = from ? from->bus_list.next : pci_devices.next; pos != &pci_devices;
	     pos = pos->next) {
		struct pci_dev *dev = list_entry(pos, struct pci_dev, bus_list);

		if ((vendor == PCI_ANY_ID || dev->vendor == vendor) &&
		    (device == PCI_ANY_ID || dev->device == device)) {
			found = dev;
			break;
		}
	}
	mutex_unlock(&pci_mutex);
	return found;
}

struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus, unsigned int devfn)
{
	struct pci_dev *dev, *found = NULL;

	if (domain)
		return NULL;
	mutex_lock(&pci_mutex);
	list_for_each_entry(dev, &pci_devices, bus_list) {
		if (dev->bus->number == bus && dev->devfn == devfn) {
			found = dev;
			break;
		}
	}
	mutex_unlock(&pci_mutex);
	return found;
}

/* ---- /proc/bus/pci's walk ------------------------------------------------------------ */

int pci_proc_next_bus(int after)
{
	struct pci_dev *dev;
	int best = -1;

	mutex_lock(&pci_mutex);
	list_for_each_entry(dev, &pci_devices, bus_list)
		if ((int)dev->bus->number > after && (best < 0 || dev->bus->number < best))
			best = dev->bus->number;
	mutex_unlock(&pci_mutex);
	return best;
}

int pci_proc_next_devfn(unsigned int bus, int after)
{
	struct pci_dev *dev;
	int best = -1;

	mutex_lock(&pci_mutex);
	list_for_each_entry(dev, &pci_devices, bus_list)
		if (dev->bus->number == bus && (int)dev->devfn > after &&
		    (best < 0 || (int)dev->devfn < best))
			best = dev->devfn;
	mutex_unlock(&pci_mutex);
	return best;
}

void pci_for_each_dev_locked(void (*fn)(struct pci_dev *dev, void *arg), void *arg)
{
	struct pci_dev *dev;

	mutex_lock(&pci_mutex);
	list_for_each_entry(dev, &pci_devices, bus_list)
		fn(dev, arg);
	mutex_unlock(&pci_mutex);
}

void pci_subsys_init(void)
{
	struct pci_driver *drv;
	struct pci_dev *dev;
	struct pci_bus *root;
	unsigned int n = 0;

	mutex_lock(&pci_mutex);
	/* No host bridge answering at 00:00.0 and nothing else: no PCI (or no mechanism #1). */
	root = new_bus(NULL, NULL, 0);
	if (root)
		scan_bus(root, 0);
	list_for_each_entry(dev, &pci_devices, bus_list)
		n++;
	list_for_each_entry(drv, &pci_drivers, node)
		list_for_each_entry(dev, &pci_devices, bus_list)
			try_bind(drv, dev);
	mutex_unlock(&pci_mutex);
	pr_info("%u devices\n", n);
}
