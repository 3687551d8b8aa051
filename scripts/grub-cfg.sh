#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Prints the grub.cfg that boots /boot/kernel.elf with the kernel command line "$1" and the
# initramfs /boot/initramfs.cpio, after the archives named by the further arguments (paths
# in the image; the kernel unpacks them in order, so initramfs.cpio's files win).
cmdline=$1
shift
modules=
for m in "$@"; do
	modules="$modules	module2 $m initramfs
"
done
cat <<CFG
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
# Loaded from /boot/grub/i386-pc (mkimage.sh keeps core.img small): normal mode has no
# command.lst there to load it on first use.
insmod multiboot2
set timeout=0
set default=0
menuentry "Mica" {
	multiboot2 /boot/kernel.elf $cmdline
${modules}	module2 /boot/initramfs.cpio initramfs
	boot
}
CFG
