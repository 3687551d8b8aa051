// SPDX-License-Identifier: GPL-2.0
/*
 * PCI on QEMU's q35: the scan finds the chipset's functions with their ids, classes and BAR
 * sizes, configuration reads agree with what the scan recorded and refuse bad offsets, and a
 * driver binds through its id table (by ids, by class), is refused by a failing probe, and
 * lets go on unregistering.
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/pci.h>

static struct pci_dev *dev_at(unsigned int slot, unsigned int fn)
{
	return pci_get_domain_bus_and_slot(0, 0, PCI_DEVFN(slot, fn));
}

static void test_q35_devices(struct ktest *t)
{
	struct pci_dev *host = dev_at(0, 0), *isa = dev_at(0x1f, 0), *sata = dev_at(0x1f, 2);
	struct pci_dev *smbus = dev_at(0x1f, 3), *vga = pci_get_device(0x1234, 0x1111, NULL);

	KTEST_ASSERT_NOT_NULL(t, host);
	KTEST_EXPECT_EQ(t, host->vendor, 0x8086);
	KTEST_EXPECT_EQ(t, host->device, 0x29c0);
	KTEST_EXPECT_EQ(t, host->class, 0x060000);
	KTEST_EXPECT_EQ(t, host->hdr_type, PCI_HEADER_TYPE_NORMAL);
	KTEST_ASSERT_NOT_NULL(t, isa);
	KTEST_EXPECT_EQ(t, isa->device, 0x2918);
	KTEST_EXPECT_EQ(t, isa->class, 0x060100);
	KTEST_ASSERT_NOT_NULL(t, sata);
	KTEST_EXPECT_EQ(t, sata->device, 0x2922);
	KTEST_EXPECT_EQ(t, sata->class, 0x010601); /* SATA, AHCI 1.0 */
	KTEST_EXPECT_EQ(t, sata->revision, 2);
	KTEST_EXPECT_EQ(t, sata->pin, 1);
	/* ICH9 AHCI: BAR4 is 32 ports of I/O, BAR5 (ABAR) 4 KiB of memory. */
	KTEST_EXPECT_TRUE(t, pci_resource_flags(sata, 4) & IORESOURCE_IO);
	KTEST_EXPECT_EQ(t, pci_resource_len(sata, 4), 32);
	KTEST_EXPECT_TRUE(t, pci_resource_flags(sata, 5) & IORESOURCE_MEM);
	KTEST_EXPECT_EQ(t, pci_resource_len(sata, 5), 4096);
	KTEST_ASSERT_NOT_NULL(t, smbus);
	KTEST_EXPECT_EQ(t, smbus->device, 0x2930);
	KTEST_EXPECT_EQ(t, smbus->class, 0x0c0500);
	KTEST_ASSERT_NOT_NULL(t, vga);
	KTEST_EXPECT_EQ(t, vga->class, 0x030000);
	/* std-vga: BAR0 the prefetchable framebuffer (16 MiB by default), BAR2 its registers. */
	KTEST_EXPECT_TRUE(t, pci_resource_flags(vga, 0) & IORESOURCE_PREFETCH);
	KTEST_EXPECT_EQ(t, pci_resource_len(vga, 0), 16 << 20);
	KTEST_EXPECT_EQ(t, pci_resource_len(vga, 2), 4096);
	KTEST_EXPECT_NULL(t, pci_get_device(0x8086, 0xffff, NULL));
}

static void test_config_access(struct ktest *t)
{
	struct pci_dev *sata = dev_at(0x1f, 2);
	u32 dw;
	u16 w;
	u8 b;

	KTEST_ASSERT_NOT_NULL(t, sata);
	KTEST_EXPECT_EQ(t, pci_read_config_dword(sata, PCI_VENDOR_ID, &dw), 0);
	KTEST_EXPECT_EQ(t, dw, 0x29228086);
	KTEST_EXPECT_EQ(t, pci_read_config_word(sata, PCI_DEVICE_ID, &w), 0);
	KTEST_EXPECT_EQ(t, w, 0x2922);
	KTEST_EXPECT_EQ(t, pci_read_config_byte(sata, PCI_CLASS_PROG, &b), 0);
	KTEST_EXPECT_EQ(t, b, 0x01);
	KTEST_EXPECT_EQ(t, pci_read_config_word(sata, 1, &w), -EINVAL); /* misaligned */
	KTEST_EXPECT_EQ(t, pci_read_config_dword(sata, 256, &dw), -EINVAL); /* past the end */
	KTEST_EXPECT_EQ(t, dw, 0xffffffff);
	KTEST_EXPECT_EQ(t, pci_read_config_byte(sata, -1, &b), -EINVAL);
	/* A write that sticks: the interrupt line register, put back after. */
	KTEST_EXPECT_EQ(t, pci_read_config_byte(sata, PCI_INTERRUPT_LINE, &b), 0);
	KTEST_EXPECT_EQ(t, pci_write_config_byte(sata, PCI_INTERRUPT_LINE, 0x5a), 0);
	KTEST_EXPECT_EQ(t, pci_read_config_dword(sata, PCI_INTERRUPT_LINE, &dw), 0);
	KTEST_EXPECT_EQ(t, dw & 0xff, 0x5a);
	KTEST_EXPECT_EQ(t, pci_write_config_byte(sata, PCI_INTERRUPT_LINE, b), 0);
}

static struct pci_dev *probed, *removed;
static const struct pci_device_id *probed_id;
static int probe_result;

static int test_probe(struct pci_dev *dev, const struct pci_device_id *id)
{
	if (!probe_result) {
		probed = dev;
		probed_id = id;
	}
	return probe_result;
}

static void test_remove(struct pci_dev *dev)
{
	removed = dev;
}

static const struct pci_device_id host_ids[] = { { PCI_DEVICE(0x1234, 0x5678), .driver_data = 1 },
						 { PCI_DEVICE(0x8086, 0x29c0), .driver_data = 2 },
						 {} };

static struct pci_driver host_driver = {
	.name = "ktest-host",
	.id_table = host_ids,
	.probe = test_probe,
	.remove = test_remove,
};

static void test_driver_binds(struct ktest *t)
{
	struct pci_dev *host = dev_at(0, 0);

	KTEST_ASSERT_NOT_NULL(t, host);
	KTEST_ASSERT_EQ(t, (unsigned long)host->driver, 0);
	probed = removed = NULL;
	probe_result = 0;
	KTEST_EXPECT_EQ(t, pci_register_driver(&host_driver), 0);
	KTEST_EXPECT_TRUE(t, probed == host);
	KTEST_EXPECT_EQ(t, probed_id ? probed_id->driver_data : 0, 2);
	KTEST_EXPECT_TRUE(t, host->driver == &host_driver);
	pci_unregister_driver(&host_driver);
	KTEST_EXPECT_TRUE(t, removed == host);
	KTEST_EXPECT_NULL(t, host->driver);

	/* A probe that fails leaves the device free. */
	probed = NULL;
	probe_result = -ENODEV;
	KTEST_EXPECT_EQ(t, pci_register_driver(&host_driver), 0);
	KTEST_EXPECT_NULL(t, probed);
	KTEST_EXPECT_NULL(t, host->driver);
	pci_unregister_driver(&host_driver);
}

static const struct pci_device_id isa_class_ids[] = {
	{ PCI_DEVICE_CLASS(0x060100, 0xffff00) }, /* ISA bridge, any programming interface */
	{}
};

static struct pci_driver isa_driver = {
	.name = "ktest-isa",
	.id_table = isa_class_ids,
	.probe = test_probe,
};

static void test_driver_by_class(struct ktest *t)
{
	struct pci_dev *isa = dev_at(0x1f, 0);

	KTEST_ASSERT_NOT_NULL(t, isa);
	KTEST_ASSERT_EQ(t, (unsigned long)isa->driver, 0);
	probed = NULL;
	probe_result = 0;
	pci_register_driver(&isa_driver);
	KTEST_EXPECT_TRUE(t, probed == isa);
	KTEST_EXPECT_TRUE(t, isa->driver == &isa_driver);
	KTEST_EXPECT_TRUE(t, pci_match_id(isa_class_ids, dev_at(0, 0)) == NULL);
	pci_unregister_driver(&isa_driver);
	KTEST_EXPECT_NULL(t, isa->driver);
}

static struct ktest_case pci_cases[] = {
	KTEST_CASE(test_q35_devices),
	KTEST_CASE(test_config_access),
	KTEST_CASE(test_driver_binds),
	KTEST_CASE(test_driver_by_class),
	{},
};

static struct ktest_suite pci_suite = { .name = "pci", .cases = pci_cases };
ktest_register_suite(pci_suite);
