/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_PCI_H
#define _KERNEL_PCI_H

#include <kernel/list.h>
#include <kernel/types.h>

/*
 * PCI (drivers/pci, docs/drivers-pci.md): the devices found at boot through configuration
 * mechanism #1 (ports 0xcf8/0xcfc), kept as struct pci_dev with Linux's field names, and
 * drivers that bind to them through an id table, as Linux's struct pci_driver does.
 */

/* Configuration space registers (PCI Local Bus 3.0, 6.1). */
#define PCI_VENDOR_ID 0x00
#define PCI_DEVICE_ID 0x02
#define PCI_COMMAND 0x04
#define PCI_COMMAND_IO 0x1
#define PCI_COMMAND_MEMORY 0x2
#define PCI_COMMAND_MASTER 0x4
#define PCI_STATUS 0x06
#define PCI_CLASS_REVISION 0x08 /* class << 8 | revision */
#define PCI_REVISION_ID 0x08
#define PCI_CLASS_PROG 0x09
#define PCI_CLASS_DEVICE 0x0a
#define PCI_HEADER_TYPE 0x0e
#define PCI_HEADER_TYPE_MASK 0x7f
#define PCI_HEADER_TYPE_NORMAL 0
#define PCI_HEADER_TYPE_BRIDGE 1
#define PCI_HEADER_TYPE_CARDBUS 2
#define PCI_HEADER_TYPE_MFD 0x80
#define PCI_BASE_ADDRESS_0 0x10
#define PCI_BASE_ADDRESS_SPACE_IO 0x01
#define PCI_BASE_ADDRESS_MEM_TYPE_MASK 0x06
#define PCI_BASE_ADDRESS_MEM_TYPE_64 0x04
#define PCI_BASE_ADDRESS_MEM_PREFETCH 0x08
#define PCI_BASE_ADDRESS_MEM_MASK (~0x0fUL)
#define PCI_BASE_ADDRESS_IO_MASK (~0x03UL)
#define PCI_SUBSYSTEM_VENDOR_ID 0x2c
#define PCI_SUBSYSTEM_ID 0x2e
#define PCI_ROM_ADDRESS 0x30
#define PCI_ROM_ADDRESS_ENABLE 0x01
#define PCI_ROM_ADDRESS_MASK (~0x7ffUL)
#define PCI_INTERRUPT_LINE 0x3c
#define PCI_INTERRUPT_PIN 0x3d
/* Type 1 (bridge) header */
#define PCI_PRIMARY_BUS 0x18
#define PCI_SECONDARY_BUS 0x19
#define PCI_SUBORDINATE_BUS 0x1a
#define PCI_ROM_ADDRESS1 0x38

#define PCI_CLASS_BRIDGE_PCI 0x0604

#define PCI_DEVFN(slot, func) ((((slot)&0x1f) << 3) | ((func)&0x07))
#define PCI_SLOT(devfn) (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn) ((devfn)&0x07)

#define PCI_ANY_ID (~0U)

/* Resources: six BARs, then the expansion ROM, as Linux numbers them. */
#define PCI_STD_NUM_BARS 6
#define PCI_ROM_RESOURCE 6
#define PCI_NUM_RESOURCES 7

#define IORESOURCE_IO 0x00000100
#define IORESOURCE_MEM 0x00000200
#define IORESOURCE_PREFETCH 0x00002000
#define IORESOURCE_MEM_64 0x00100000
#define PCI_REGION_FLAG_MASK 0x0fU /* the BAR's own low bits, kept in flags */

struct resource {
	u64 start, end; /* end inclusive; start == end == 0: none */
	unsigned long flags; /* IORESOURCE_* and the BAR's low bits */
};

struct pci_bus {
	struct list_head node; /* on pci_root_buses' list of all buses */
	struct pci_bus *parent;
	struct pci_dev *self; /* the bridge leading here; NULL for bus 0 */
	u8 number;
	u8 primary;
};

struct pci_driver;

struct pci_dev {
	struct list_head bus_list; /* on the list of all devices, by bus then devfn */
	struct pci_bus *bus;
	struct pci_bus *subordinate; /* a bridge's secondary bus */
	unsigned int devfn;
	unsigned short vendor, device;
	unsigned short subsystem_vendor, subsystem_device;
	unsigned int class; /* base class << 16 | subclass << 8 | programming interface */
	u8 revision;
	u8 hdr_type; /* without the multi-function bit */
	u8 pin; /* 1-4 for INTA#-INTD#, 0: none */
	unsigned int irq; /* the interrupt line register: the BIOS's legacy IRQ */
	unsigned int cfg_size; /* 256: no extended space through the ports */
	struct resource resource[PCI_NUM_RESOURCES];
	struct pci_driver *driver; /* bound driver, or NULL */
	void *driver_data;
};

struct pci_device_id {
	u32 vendor, device; /* PCI_ANY_ID matches any */
	u32 subvendor, subdevice;
	u32 class, class_mask; /* (dev->class ^ class) & class_mask must be 0 */
	unsigned long driver_data;
};

#define PCI_DEVICE(vend, dev) \
	.vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_DEVICE_CLASS(dev_class, dev_class_mask)                                 \
	.class = (dev_class), .class_mask = (dev_class_mask), .vendor = PCI_ANY_ID, \
	.device = PCI_ANY_ID, .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

struct pci_driver {
	struct list_head node;
	const char *name;
	const struct pci_device_id *id_table; /* ends with an all-zero entry */
	/* 0 binds the driver to dev; an error leaves dev for another driver. */
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
};

#define pci_resource_start(dev, bar) ((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar) ((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar) ((dev)->resource[(bar)].flags)
#define pci_resource_len(dev, bar)                                               \
	((dev)->resource[(bar)].end                                              \
		 ? (dev)->resource[(bar)].end - (dev)->resource[(bar)].start + 1 \
		 : 0)

/* Configuration space access: 0, or -EINVAL for an offset out of range or misaligned. */
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);

/* Finds the devices (once, at boot) and binds the drivers registered so far. */
void pci_subsys_init(void);

/*
 * Registers drv and probes it against every unbound device its table matches; returns 0
 * (a driver that matches nothing is still registered, for devices found later).
 */
int pci_register_driver(struct pci_driver *drv);
/* Calls remove for each device drv holds, and forgets drv. */
void pci_unregister_driver(struct pci_driver *drv);
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 const struct pci_dev *dev);

/*
 * The next device after from (NULL: the first) matching vendor and device (PCI_ANY_ID: any),
 * or NULL. The list only grows at boot, so a pointer stays valid.
 */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device, struct pci_dev *from);
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus, unsigned int devfn);
#define for_each_pci_dev(d) while ((d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d)) != NULL)

/* For /proc/bus/pci (drivers/pci/proc.c). */
struct proc_buf;
struct task_struct;
int proc_pci_devices_show(struct proc_buf *b, struct task_struct *task);
/* The configuration space of the device at b->fd (bus << 8 | devfn). */
int proc_pci_config_show(struct proc_buf *b, struct task_struct *task);
/* The bus numbers with devices above after, and the devfns on bus above after: or -1. */
int pci_proc_next_bus(int after);
int pci_proc_next_devfn(unsigned int bus, int after);

#endif /* _KERNEL_PCI_H */
