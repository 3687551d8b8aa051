// SPDX-License-Identifier: GPL-2.0
/*
 * lspci: lists the PCI devices as pciutils' lspci does, one line each,
 * "00:1f.2 SATA controller: Intel Corporation 82801IR/IO/IH ... (rev 02)", from
 * /proc/bus/pci/devices and each function's configuration space in /proc/bus/pci/BB/DD.F.
 * Names come from a small built-in table (QEMU's q35 and virtio devices; the class names
 * of the PCI code and ID assignment specification); unknown ones print as numbers, the way
 * lspci prints them. -n prints numbers only ("00:1f.2 0106: 8086:2922 (rev 02)"), -nn both.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"

#define PROC_PCI "/proc/bus/pci"

struct name {
	unsigned int id;
	const char *name;
};

/* Base classes (id: class) and subclasses (id: class << 8 | subclass). */
static const struct name class_names[] = {
	{ 0x00, "Unclassified device" },
	{ 0x01, "Mass storage controller" },
	{ 0x02, "Network controller" },
	{ 0x03, "Display controller" },
	{ 0x04, "Multimedia controller" },
	{ 0x05, "Memory controller" },
	{ 0x06, "Bridge" },
	{ 0x07, "Communication controller" },
	{ 0x08, "Generic system peripheral" },
	{ 0x09, "Input device controller" },
	{ 0x0c, "Serial bus controller" },
	{ 0xff, "Unassigned class" },
};

static const struct name subclass_names[] = {
	{ 0x0000, "Non-VGA unclassified device" },
	{ 0x0001, "VGA compatible unclassified device" },
	{ 0x0100, "SCSI storage controller" },
	{ 0x0101, "IDE interface" },
	{ 0x0102, "Floppy disk controller" },
	{ 0x0104, "RAID bus controller" },
	{ 0x0105, "ATA controller" },
	{ 0x0106, "SATA controller" },
	{ 0x0107, "Serial Attached SCSI controller" },
	{ 0x0108, "Non-Volatile memory controller" },
	{ 0x0180, "Mass storage controller" },
	{ 0x0200, "Ethernet controller" },
	{ 0x0280, "Network controller" },
	{ 0x0300, "VGA compatible controller" },
	{ 0x0301, "XGA compatible controller" },
	{ 0x0302, "3D controller" },
	{ 0x0380, "Display controller" },
	{ 0x0400, "Multimedia video controller" },
	{ 0x0401, "Multimedia audio controller" },
	{ 0x0403, "Audio device" },
	{ 0x0480, "Multimedia controller" },
	{ 0x0500, "RAM memory" },
	{ 0x0580, "Memory controller" },
	{ 0x0600, "Host bridge" },
	{ 0x0601, "ISA bridge" },
	{ 0x0602, "EISA bridge" },
	{ 0x0604, "PCI bridge" },
	{ 0x0680, "Bridge" },
	{ 0x0700, "Serial controller" },
	{ 0x0780, "Communication controller" },
	{ 0x0880, "System peripheral" },
	{ 0x0900, "Keyboard controller" },
	{ 0x0c03, "USB controller" },
	{ 0x0c05, "SMBus" },
	{ 0x0c80, "Serial bus controller" },
};

static const struct name vendor_names[] = {
	{ 0x8086, "Intel Corporation" },
	{ 0x1af4, "Red Hat, Inc." },
	{ 0x1b36, "Red Hat, Inc." },
};

/* id: vendor << 16 | device */
static const struct name device_names[] = {
	{ 0x808629c0, "82G33/G31/P35/P31 Express DRAM Controller" },
	{ 0x80862918, "82801IB (ICH9) LPC Interface Controller" },
	{ 0x80862920, "82801IR/IO/IH (ICH9R/DO/DH) 4 port SATA Controller [IDE mode]" },
	{ 0x80862922, "82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]" },
	{ 0x80862930, "82801I (ICH9 Family) SMBus Controller" },
	{ 0x80862934, "82801I (ICH9 Family) USB UHCI Controller #1" },
	{ 0x8086293a, "82801I (ICH9 Family) USB2 EHCI Controller #1" },
	{ 0x8086293e, "82801I (ICH9 Family) HD Audio Controller" },
	{ 0x808610d3, "82574L Gigabit Network Connection" },
	{ 0x80867010, "82371SB PIIX3 IDE [Natoma/Triton II]" },
	{ 0x1af41000, "Virtio network device" },
	{ 0x1af41001, "Virtio block device" },
	{ 0x1af41002, "Virtio memory balloon" },
	{ 0x1af41003, "Virtio console" },
	{ 0x1af41004, "Virtio SCSI" },
	{ 0x1af41005, "Virtio RNG" },
	{ 0x1af41041, "Virtio 1.0 network device" },
	{ 0x1af41042, "Virtio 1.0 block device" },
	{ 0x1af41043, "Virtio 1.0 console" },
	{ 0x1af41044, "Virtio 1.0 RNG" },
	{ 0x1af41045, "Virtio 1.0 memory balloon" },
	{ 0x1af41048, "Virtio 1.0 SCSI" },
	{ 0x1af41050, "Virtio 1.0 GPU" },
	{ 0x1af41052, "Virtio 1.0 input" },
	{ 0x1af41053, "Virtio 1.0 socket" },
};

static const char *lookup(const struct name *t, size_t n, unsigned int id)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].id == id)
			return t[i].name;
	return NULL;
}

#define LOOKUP(table, id) lookup(table, sizeof(table) / sizeof(table[0]), id)

struct dev {
	unsigned int bus, devfn, vendor, device;
	unsigned int class; /* class << 8 | subclass */
	unsigned int rev, prog_if;
	int have_cfg;
};

static int opt_numeric; /* 1: -n, 2: -nn */

/* pciutils' forms: the subclass's name, else the base class's with the number, else "Class". */
static void class_text(unsigned int cls, char *buf, size_t size)
{
	const char *sub = LOOKUP(subclass_names, cls), *base = LOOKUP(class_names, cls >> 8);

	if (opt_numeric == 1)
		snprintf(buf, size, "%04x", cls);
	else if (sub)
		snprintf(buf, size, opt_numeric ? "%s [%04x]" : "%s", sub, cls);
	else if (base)
		snprintf(buf, size, "%s [%04x]", base, cls);
	else
		snprintf(buf, size, "Class [%04x]", cls);
}

static void device_text(const struct dev *d, char *buf, size_t size)
{
	const char *v = LOOKUP(vendor_names, d->vendor);
	const char *n = LOOKUP(device_names, d->vendor << 16 | d->device);

	if (opt_numeric == 1)
		snprintf(buf, size, "%04x:%04x", d->vendor, d->device);
	else if (v && n)
		snprintf(buf, size, opt_numeric ? "%s %s [%04x:%04x]" : "%s %s", v, n, d->vendor,
			 d->device);
	else if (v)
		snprintf(buf, size, opt_numeric ? "%s Device [%04x:%04x]" : "%s Device %04x", v,
			 opt_numeric ? d->vendor : d->device, d->device);
	else
		snprintf(buf, size, opt_numeric ? "Device [%04x:%04x]" : "Device %04x:%04x",
			 d->vendor, d->device);
}

/* The first 64 bytes of the function's configuration space: what everybody may read. */
static int read_config(struct dev *d)
{
	char path[64];
	unsigned char cfg[64];
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), PROC_PCI "/%02x/%02x.%x", d->bus, d->devfn >> 3, d->devfn & 7);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, cfg, sizeof(cfg));
	close(fd);
	if (n < 12)
		return -1;
	d->rev = cfg[8];
	d->prog_if = cfg[9];
	d->class = cfg[11] << 8 | cfg[10];
	d->have_cfg = 1;
	return 0;
}

static int cmp_dev(const void *a, const void *b)
{
	const struct dev *x = a, *y = b;

	return (int)(x->bus << 8 | x->devfn) - (int)(y->bus << 8 | y->devfn);
}

int main(int argc, char **argv)
{
	struct dev *devs = NULL;
	size_t nr = 0, cap = 0;
	char line[1024], cls[128], name[256];
	int opt, status = 0;
	FILE *f;

	cu_init(argc, argv,
		"[-n|-nn]\n"
		"List the PCI devices.\n"
		"  -n   show vendor, device and class numbers, not names (-nn: both)\n");
	while ((opt = getopt(argc, argv, "n")) != -1) {
		if (opt != 'n')
			cu_usage(1);
		opt_numeric++;
	}
	if (optind < argc) {
		cu_warn("unexpected argument '%s'", argv[optind]);
		cu_usage(1);
	}
	if (opt_numeric > 2)
		opt_numeric = 2;
	f = fopen(PROC_PCI "/devices", "r");
	if (!f)
		cu_die(1, "Cannot open %s/devices: %s", PROC_PCI, strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		unsigned int bdf, vd;
		struct dev *d;

		if (sscanf(line, "%x %x", &bdf, &vd) != 2)
			continue;
		if (nr == cap) {
			cap = cap ? cap * 2 : 32;
			devs = realloc(devs, cap * sizeof(*devs));
			if (!devs)
				cu_die(1, "out of memory");
		}
		d = &devs[nr++];
		memset(d, 0, sizeof(*d));
		d->bus = bdf >> 8;
		d->devfn = bdf & 0xff;
		d->vendor = vd >> 16;
		d->device = vd & 0xffff;
		if (read_config(d)) {
			cu_warn("%s/%02x/%02x.%x: %s", PROC_PCI, d->bus, d->devfn >> 3,
				d->devfn & 7, strerror(errno));
			status = 1;
		}
	}
	fclose(f);
	qsort(devs, nr, sizeof(*devs), cmp_dev);
	for (size_t i = 0; i < nr; i++) {
		const struct dev *d = &devs[i];

		if (!d->have_cfg)
			continue;
		class_text(d->class, cls, sizeof(cls));
		device_text(d, name, sizeof(name));
		printf("%02x:%02x.%d %s: %s", d->bus, d->devfn >> 3, d->devfn & 7, cls, name);
		if (d->rev)
			printf(" (rev %02x)", d->rev);
		putchar('\n');
	}
	free(devs);
	if (fflush(stdout))
		return 1;
	return status;
}
