#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Makes sure the tools the build, the image and the tests need are here, all from Debian's
# packages. As root it installs what is missing with apt-get; otherwise it prints the exact
# command and fails. Nothing is downloaded from anywhere else.
set -eu

# command-to-check:package
need="
gcc:gcc
make:make
ld:binutils
nasm:nasm
grub-mkimage:grub-common
/usr/lib/grub/i386-pc/boot.img:grub-pc-bin
xorriso:xorriso
mtools:mtools
mke2fs:e2fsprogs
debugfs:e2fsprogs
sfdisk:fdisk
qemu-system-x86_64:qemu-system-x86
python3:python3
/usr/lib/python3/dist-packages/kconfiglib.py:python3-kconfiglib
gdb:gdb
cpio:cpio
"

missing=""
for entry in $need; do
	what=${entry%%:*}
	pkg=${entry#*:}
	case $what in
	/*) [ -e "$what" ] && continue ;;
	*) command -v "$what" >/dev/null 2>&1 && continue ;;
	esac
	case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done
# The host unit tests link with the sanitizer runtimes, which come with gcc's libraries.
if ! echo 'int main(void){return 0;}' |
	gcc -x c -fsanitize=address,undefined -o /dev/null - >/dev/null 2>&1; then
	missing="$missing libasan8 libubsan1"
fi

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
