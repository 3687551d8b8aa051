#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make debug: QEMU stopped at its first instruction, waiting for gdb on :1234, and gdb
# attached with the kernel's symbols (scripts/gdbinit). The serial console goes to
# build/serial.log (follow it with `tail -f build/serial.log` in another terminal).
# usage: debug.sh [vmrun options] --image IMG --kernel ELF
set -eu

kernel=build/kernel.elf
args=""
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=$2; shift 2 ;;
	*) args="$args $1"; shift ;;
	esac
done
log=$(dirname "$kernel")/serial.log
: > "$log"

# shellcheck disable=SC2086
scripts/vmrun --interactive --gdb --serial-file "$log" $args &
qemu=$!
trap 'kill $qemu 2>/dev/null || true' EXIT INT TERM
echo "debug: QEMU is waiting for gdb; serial output goes to $log"
gdb -q -x scripts/gdbinit "$kernel"
