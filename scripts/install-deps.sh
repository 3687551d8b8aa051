#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Makes sure the tools the build, the image and the tests need are here, all from Debian's
# packages. As root it installs what is missing with apt-get; otherwise it prints the exact
# command and fails. Nothing is downloaded from anywhere else.
#
# Each package is named, and checked by a file it provides, because packages are installed
# without their recommendations (gcc alone does not bring libc6-dev's headers, for one).
# A step that needs a new tool adds its line here.
set -eu

# file-or-command:package
need="
gcc:gcc
/usr/include/stdio.h:libc6-dev
make:make
ld:binutils
nasm:nasm
grub-mkimage:grub-common
/usr/lib/grub/i386-pc/boot.img:grub-pc-bin
xorriso:xorriso
mtools:mtools
mke2fs:e2fsprogs
debugfs:e2fsprogs
e2fsck:e2fsprogs
sfdisk:fdisk
qemu-system-x86_64:qemu-system-x86
python3:python3
/usr/lib/python3/dist-packages/kconfiglib.py:python3-kconfiglib
gdb:gdb
cpio:cpio
musl-gcc:musl-tools
/bin/busybox:busybox-static
/usr/lib/python3/dist-packages/pexpect/__init__.py:python3-pexpect
/usr/bin/free:procps
/usr/bin/kill:procps
/usr/bin/hexdump:bsdextrautils
/usr/bin/lspci:pciutils
/usr/bin/less:less
/usr/bin/clear:ncurses-bin
"

find_missing() {
	missing=""
	for entry in $need; do
		what=${entry%%:*}
		pkg=${entry#*:}
		case $what in
		/*) [ -e "$what" ] && continue ;;
		*) command -v "$what" >/dev/null 2>&1 && continue ;;
		esac
		add "$pkg"
	done
	# The host unit tests link with the sanitizer runtimes, which come with gcc's libraries.
	if command -v gcc >/dev/null 2>&1 && [ -e /usr/include/stdio.h ] &&
		! echo 'int main(void){return 0;}' |
		gcc -x c -fsanitize=address,undefined -o /dev/null - >/dev/null 2>&1; then
		add libasan8
		add libubsan1
	fi
}

add() {
	case " $missing " in *" $1 "*) ;; *) missing="$missing $1" ;; esac
}

find_missing
[ -z "$missing" ] && exit 0

cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -ne 0 ]; then
	echo "Missing build tools. Install them with:" >&2
	echo "  sudo apt-get update && sudo $cmd" >&2
	exit 1
fi
echo "Installing missing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
# Checked again: a package that installed but did not provide what we look for is a bug here.
find_missing
if [ -n "$missing" ]; then
	echo "install-deps: still missing after the install:$missing" >&2
	exit 1
fi
