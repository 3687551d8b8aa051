#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Writes a bootable BIOS disk image without root, loop devices or mounts:
#   sector 0          GRUB's boot.img (first 440 bytes only: the partition table follows)
#   sectors 1-2047    GRUB's core.img, which finds /boot/grub on partition 1
#   sector 2048-end   partition 1: ext2, built from a staging tree by mke2fs -d
#
# usage: mkimage.sh --kernel ELF --cmdline "ARGS" --out IMAGE [--size MIB] [--extra DIR]
#                   [--bin DIR]... [--test-bin DIR]... [--busybox FILE]
#
# --busybox FILE (Debian's busybox-static; none if FILE is missing or dynamically linked)
# becomes /bin/busybox, with a link in /bin for each applet our programs do not provide.
# $ROOT_PASSWORD and $USER_PASSWORD, when set, replace root's and user's passwords in the
# image's /etc/shadow (hashed by openssl passwd -6; empty: no password).
#
# --bin DIR puts DIR's executables (not its .o and .d files) into the initramfs's /bin, where
# the kernel's root (a tmpfs filled from it) has them, without their debug sections and
# symbol tables (kept in the build tree, where gdb reads them): GRUB reads the initramfs
# through the BIOS, and with the debug sections it was 17 MB and two thirds of the time from
# QEMU start to init; the symbol tables were 0.5 MB more. $OBJCOPY (default objcopy) strips.
# --test-bin DIR does the same into a second archive, /boot/tests.cpio, which the image's
# own grub.cfg (make run's boot) does not load and scripts/vmrun's boots do: GRUB reads
# every byte of a module through the BIOS, and make run has no use for the test programs.
set -eu

kernel= cmdline= out= size_mib=64 extra= bins= test_bins= busybox=
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=$2; shift 2 ;;
	--cmdline) cmdline=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--size) size_mib=$2; shift 2 ;;
	--extra) extra=$2; shift 2 ;;
	--bin) bins="$bins $2"; shift 2 ;;
	--test-bin) test_bins="$test_bins $2"; shift 2 ;;
	--busybox) busybox=$2; shift 2 ;;
	*) echo "mkimage.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
[ -n "$kernel" ] && [ -n "$out" ] || { echo "usage: mkimage.sh --kernel ELF --cmdline ARGS --out IMAGE" >&2; exit 2; }

grub_dir=/usr/lib/grub/i386-pc
part_start=2048			# sectors; 1 MiB, the usual alignment
part_offset=$((part_start * 512))
work=$(mktemp -d "${TMPDIR:-/tmp}/mkimage.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The root file system's contents.
root=$work/root
mkdir -p "$root/boot/grub"
# Stripped too (gdb reads the build tree's; backtraces use the kallsyms table built into the
# kernel): GRUB reads what it is given, the ELF symbol table included.
"${OBJCOPY:-objcopy}" --strip-all "$kernel" "$root/boot/kernel.elf" 2>/dev/null ||
	cp "$kernel" "$root/boot/kernel.elf"
scripts/grub-cfg.sh "$cmdline" > "$root/boot/grub/grub.cfg"
# GRUB's modules: those in core.img (below), and the others with everything they depend on
# (moddep.lst) in /boot/grub/i386-pc, where GRUB looks for a module it is asked to load.
grub_core_modules="biosdisk part_msdos ext2 serial terminal"
grub_disk_modules="normal multiboot2 boot configfile echo test vbe"
mkdir -p "$root/boot/grub/i386-pc"
for m in $(awk -v want="$grub_disk_modules" '
	BEGIN { n = split(want, w, " "); for (i = 1; i <= n; i++) todo[w[i]] = 1 }
	{ sub(":", "", $1); for (i = 2; i <= NF; i++) deps[$1] = deps[$1] " " $i }
	END {
		do {
			more = 0
			for (m in todo) {
				n = split(deps[m], d, " ")
				for (i = 1; i <= n; i++)
					if (!(d[i] in todo)) { todo[d[i]] = 1; more = 1 }
			}
		} while (more)
		for (m in todo) print m
	}' "$grub_dir/moddep.lst"); do
	cp "$grub_dir/$m.mod" "$root/boot/grub/i386-pc/"
done
[ -n "$extra" ] && cp -a "$extra"/. "$root"/

# The initramfs: the directories a Unix root needs and the tree's user/rootfs (/etc and the
# like), as a cpio archive that GRUB loads as a module and the kernel unpacks into its root
# tmpfs.
initramfs=$work/initramfs
mkdir -p "$initramfs"
(cd "$initramfs" && mkdir -p bin sbin etc dev proc sys tmp root mnt run home/user)
cp -R user/rootfs/. "$initramfs"/ && rm -f "$initramfs/README.md"
# copy_bins TOP DIR...: the executables of each DIR into TOP/bin, stripped.
copy_bins() {
	top=$1
	shift
	for dir in "$@"; do
		for f in "$dir"/*; do
			case $f in *.o|*.d) continue ;; esac
			[ -f "$f" ] && [ -x "$f" ] || continue
			"${OBJCOPY:-objcopy}" --strip-all "$f" "$top/bin/${f##*/}" 2>/dev/null ||
				cp "$f" "$top/bin/"
		done
	done
}
# shellcheck disable=SC2086 # the lists are words
copy_bins "$initramfs" $bins
if [ -n "$test_bins" ]; then
	mkdir -p "$work/tests/bin"
	# shellcheck disable=SC2086
	copy_bins "$work/tests" $test_bins
	"$(dirname "$0")/mkcpio.py" "$work/tests" > "$root/boot/tests.cpio"
fi
# Our init (user/bin/init.c) is the one the kernel looks for first.
if [ -f "$initramfs/bin/init" ]; then
	mv "$initramfs/bin/init" "$initramfs/sbin/init"
fi
# What Linux keeps in /sbin, where inittab and habit look for it; reboot and halt are
# poweroff under other names (it acts by the name it is called by).
for prog in getty poweroff; do
	[ -f "$initramfs/bin/$prog" ] && ln -s "../bin/$prog" "$initramfs/sbin/$prog"
done
if [ -f "$initramfs/bin/poweroff" ]; then
	for name in reboot halt; do
		ln -s poweroff "$initramfs/bin/$name"
		ln -s ../bin/poweroff "$initramfs/sbin/$name"
	done
fi

# Debian's busybox-static, unmodified, for the tools we lack (awk, tar, gzip, ...).
if [ -n "$busybox" ]; then
	if [ ! -f "$busybox" ]; then
		echo "mkimage.sh: no $busybox: the image has no busybox (install busybox-static)" >&2
	elif grep -q -a -e /lib64/ld-linux -e /lib/ld- "$busybox"; then
		echo "mkimage.sh: $busybox is dynamically linked: the image has no busybox" >&2
	else
		cp "$busybox" "$initramfs/bin/busybox"
		for applet in $("$busybox" --list); do
			[ -e "$initramfs/bin/$applet" ] || [ -e "$initramfs/sbin/$applet" ] ||
				ln -s busybox "$initramfs/bin/$applet"
		done
	fi
fi

# Passwords other than the development image's (make image ROOT_PASSWORD=... USER_PASSWORD=...).
set_password() {
	hash=
	if [ -n "$2" ]; then
		hash=$(printf '%s\n' "$2" | openssl passwd -6 -stdin) ||
			{ echo "mkimage.sh: openssl passwd -6 failed" >&2; exit 1; }
	fi
	sed -i "s|^$1:[^:]*:|$1:$hash:|" "$initramfs/etc/shadow"
}
[ -n "${ROOT_PASSWORD+set}" ] && set_password root "$ROOT_PASSWORD"
[ -n "${USER_PASSWORD+set}" ] && set_password user "$USER_PASSWORD"

# Owners and modes from user/rootfs.perms (/etc/shadow, /home/user, su's set-user-ID bit):
# the build needs no root.
"$(dirname "$0")/mkcpio.py" "$initramfs" --perms user/rootfs.perms > "$root/boot/initramfs.cpio"

# Partition table, then the file system written straight into the partition.
rm -f "$out.tmp"
truncate -s "${size_mib}M" "$out.tmp"
echo "start=$part_start, type=83, bootable" | sfdisk -q "$out.tmp"
blocks=$(( (size_mib * 1024 * 1024 - part_offset) / 1024 ))
mke2fs -q -F -t ext2 -b 1024 -L root -d "$root" -E offset=$part_offset "$out.tmp" "$blocks" \
	>/dev/null

# GRUB: core.img knows where its modules and grub.cfg are (partition 1, /boot/grub).
cat > "$work/early.cfg" <<'CFG'
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
CFG
# core.img holds only what finds /boot/grub and speaks on the serial line; the rest are
# modules in /boot/grub/i386-pc, loaded from there (normal mode by GRUB itself, multiboot2 by
# grub.cfg's insmod). The BIOS boot sector has core.img unpacked by an LZMA decoder, which
# under TCG took 0.12 s for the 380 KB of the whole set; the same modules read from the file
# system cost a few ms.
grub-mkimage -O i386-pc -o "$work/core.img" -p '(hd0,msdos1)/boot/grub' -c "$work/early.cfg" \
	$grub_core_modules
core_sectors=$(( ($(stat -c %s "$work/core.img") + 511) / 512 ))
if [ "$core_sectors" -ge "$part_start" ]; then
	echo "mkimage.sh: core.img ($core_sectors sectors) does not fit before the partition" >&2
	exit 1
fi
dd if="$grub_dir/boot.img" of="$out.tmp" bs=440 count=1 conv=notrunc status=none
dd if="$work/core.img" of="$out.tmp" bs=512 seek=1 conv=notrunc status=none

e2fsck -fn "$out.tmp?offset=$part_offset" >/dev/null 2>&1
mv "$out.tmp" "$out"
