/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DRIVERS_PCI_PCI_H
#define _DRIVERS_PCI_PCI_H

struct pci_dev;
/* Calls fn for each device, in bus and devfn order, with the device list locked. */
void pci_for_each_dev_locked(void (*fn)(struct pci_dev *dev, void *arg), void *arg);

#endif
