#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Prints the grub.cfg that boots /boot/kernel.elf with the kernel command line "$1".
cat <<CFG
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set timeout=0
set default=0
menuentry "Mica" {
	multiboot2 /boot/kernel.elf $1
	module2 /boot/initramfs.cpio initramfs
	boot
}
CFG
