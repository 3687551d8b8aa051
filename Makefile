# SPDX-License-Identifier: GPL-2.0
#
# The whole build in one make process: every directory lists its objects in a Kbuild file
# (obj-y += foo.o, obj-$(CONFIG_FOO) += bar.o), objects go out of tree under $(O), and the
# kernel is linked twice so that its own symbol table can live inside it (see scripts/kallsyms.py).

MAKEFLAGS += -rR --no-print-directory
.SUFFIXES:
.DELETE_ON_ERROR:
.DEFAULT_GOAL := all

KERNELVERSION := 0.1.0
O ?= build
ARCH := x86_64
CROSS_COMPILE ?=
CC := $(CROSS_COMPILE)gcc
LD := $(CROSS_COMPILE)ld
NM := $(CROSS_COMPILE)nm
OBJCOPY := $(CROSS_COMPILE)objcopy
NASM ?= nasm
HOSTCC ?= gcc
# kconfiglib comes from Debian's python3-kconfiglib, which lives in the system python.
KCONFIG_PYTHON ?= /usr/bin/python3
KCONFIG_CONFIG ?= .config
export KCONFIG_CONFIG

# What `make run` and `make test` hand to scripts/vmrun.
ACCEL ?= tcg
CPU ?= max
MEM ?= 256M
SMP ?= 2
DISK ?= ahci
CMDLINE ?= console=tty0 console=ttyS0

ifeq ($(V),1)
Q :=
quiet = @:
else ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
Q := @
quiet = @:
else
Q := @
quiet = @printf '  %-8s %s\n'
endif

srctree := .
autoconf := $(O)/include/generated/autoconf.h
autoconf_mk := $(O)/include/config/auto.conf
asm_offsets := $(O)/include/generated/asm-offsets.inc
syscall_tbl := arch/$(ARCH)/entry/syscalls/syscall_64.tbl
syscalls_h := $(O)/include/generated/syscalls_64.h
tools_ok := $(O)/.tools-ok
kconfig_files := $(shell find . -name Kconfig -not -path './$(O)/*' 2>/dev/null)

no_config_goals := clean distclean help defconfig menuconfig olddefconfig savedefconfig install-deps
ifneq ($(filter-out $(no_config_goals),$(MAKECMDGOALS)),)
need_config := 1
endif
ifeq ($(MAKECMDGOALS),)
need_config := 1
endif
ifdef need_config
-include $(autoconf_mk)
endif

# ---------------------------------------------------------------------------------------------
# Flags

# Asked of the compiler once, when a recipe first needs them: not while the Makefile is read,
# since on a bare machine the compiler only arrives with the install-deps step.
cc_include = $(eval cc_include := $$(shell $$(CC) -print-file-name=include))$(cc_include)
cc_version = $(eval cc_version := $$(shell $$(CC) -dumpfullversion))$(cc_version)

KCFLAGS = -std=gnu11 -O2 -g -ffreestanding -fno-pic -fno-pie -mcmodel=kernel -mno-red-zone \
	   -mgeneral-regs-only -mno-mmx -mno-sse -mno-sse2 -fno-stack-protector \
	   -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer -fno-strict-aliasing \
	   -fno-common -fno-asynchronous-unwind-tables -fno-delete-null-pointer-checks \
	   -Wall -Wextra -Werror -Wno-unused-parameter -Wmissing-prototypes -Wstrict-prototypes \
	   -Wframe-larger-than=1024 \
	   -Wno-address-of-packed-member \
	   -nostdinc -isystem $(cc_include) \
	   -Iinclude -Iarch/$(ARCH)/include -I$(O)/include \
	   -include $(autoconf) -include include/kernel/kconfig.h -D__KERNEL__ \
	   -DKERNEL_VERSION='"$(KERNELVERSION)"' \
	   -DKBUILD_COMPILER='"gcc version $(cc_version)"'
KAFLAGS := -f elf64 -g -F dwarf -Iarch/$(ARCH)/include/ -I$(O)/include/
KLDFLAGS := -nostdlib -static -z max-page-size=0x1000 -z noexecstack --build-id=none \
	    --no-warn-rwx-segments

# ---------------------------------------------------------------------------------------------
# Objects: every Kbuild file under the source directories contributes obj-y.

kbuild_dirs := arch kernel mm fs drivers net tests/kernel
kbuild_files := $(sort $(shell find $(kbuild_dirs) -name Kbuild 2>/dev/null))
kobjs :=
define collect_kbuild
obj-y :=
include $(1)
kobjs += $$(addprefix $(O)/$$(dir $(1)),$$(obj-y))
endef
$(foreach f,$(kbuild_files),$(eval $(call collect_kbuild,$(f))))

lds := $(O)/arch/$(ARCH)/kernel/kernel.lds
kernel := $(O)/kernel.elf
image := $(O)/disk.img

.PHONY: all kernel image run debug test check stress bench bench-image nodebug-image clean distclean help install-deps \
	defconfig menuconfig olddefconfig savedefconfig compile_commands.json FORCE

all: $(kernel) $(image)
kernel: $(kernel)
image: $(image)

# ---------------------------------------------------------------------------------------------
# Tools and configuration

$(tools_ok): scripts/install-deps.sh
	$(Q)scripts/install-deps.sh
	$(Q)mkdir -p $(@D) && touch $@

install-deps:
	$(Q)scripts/install-deps.sh

$(KCONFIG_CONFIG): | $(tools_ok)
	$(quiet) DEFCONFIG configs/defconfig
	$(Q)$(KCONFIG_PYTHON) -m defconfig --kconfig Kconfig configs/defconfig >/dev/null

# genconfig fills in defaults for symbols that .config predates, so an old .config still builds.
$(autoconf_mk) $(autoconf) &: $(KCONFIG_CONFIG) $(kconfig_files) | $(tools_ok)
	$(quiet) GENCONF $(autoconf)
	$(Q)mkdir -p $(dir $(autoconf)) $(dir $(autoconf_mk))
	$(Q)$(KCONFIG_PYTHON) -m genconfig --header-path $(autoconf).tmp \
		--config-out $(autoconf_mk).tmp Kconfig
	$(Q)cmp -s $(autoconf).tmp $(autoconf) || mv $(autoconf).tmp $(autoconf)
	$(Q)mv $(autoconf_mk).tmp $(autoconf_mk)
	$(Q)rm -f $(autoconf).tmp

defconfig: | $(tools_ok)
	$(Q)$(KCONFIG_PYTHON) -m defconfig --kconfig Kconfig configs/defconfig
menuconfig: | $(tools_ok)
	$(Q)$(KCONFIG_PYTHON) -m menuconfig Kconfig
olddefconfig: | $(tools_ok)
	$(Q)$(KCONFIG_PYTHON) -m olddefconfig Kconfig
savedefconfig: | $(tools_ok)
	$(Q)$(KCONFIG_PYTHON) -m savedefconfig --kconfig Kconfig --out $(O)/defconfig
	@echo "  wrote $(O)/defconfig (copy it to configs/defconfig to make it the default)"

# ---------------------------------------------------------------------------------------------
# Compiling

# The system-call table, from the table file; the libc's copy of the numbers must agree.
$(syscalls_h): $(syscall_tbl) user/libc/syscall.tbl scripts/syscalltbl.sh
	$(quiet) GEN $@
	$(Q)mkdir -p $(@D)
	$(Q)scripts/syscalltbl.sh $(syscall_tbl) user/libc/syscall.tbl $@

$(asm_offsets): arch/$(ARCH)/kernel/asm-offsets.c $(autoconf) $(syscalls_h)
	$(quiet) GEN $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(KCFLAGS) -MMD -MP -MT $@ -MF $(O)/asm-offsets.d -S -o $(O)/asm-offsets.s $<
	$(Q)sed -n 's/^.*->\([A-Za-z_0-9]*\) \(-\{0,1\}[0-9]*\).*$$/%define \1 \2/p' \
		$(O)/asm-offsets.s > $@.tmp && mv $@.tmp $@

$(O)/%.o: %.c $(autoconf) $(syscalls_h) | $(tools_ok)
	$(quiet) CC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(KCFLAGS) -MMD -MP -c -o $@ $<

$(O)/%.o: %.asm $(asm_offsets) | $(tools_ok)
	$(quiet) NASM $<
	$(Q)mkdir -p $(@D)
	$(Q)$(NASM) $(KAFLAGS) -MD $(@:.o=.d) -MP -o $@ $<

# The SMP trampoline runs at a fixed low address in real mode: a flat binary, carried inside
# the kernel by an incbin.
$(O)/arch/$(ARCH)/kernel/trampoline.bin: arch/$(ARCH)/kernel/trampoline.asm | $(tools_ok)
	$(quiet) NASM $<
	$(Q)mkdir -p $(@D)
	$(Q)$(NASM) -f bin -o $@ $<

$(O)/arch/$(ARCH)/kernel/trampoline_blob.o: $(O)/arch/$(ARCH)/kernel/trampoline.bin
$(O)/arch/$(ARCH)/kernel/trampoline_blob.o: KAFLAGS += -I$(O)/arch/$(ARCH)/kernel/

include arch/$(ARCH)/entry/vdso/vdso.mk

$(lds): arch/$(ARCH)/kernel/kernel.lds.S $(autoconf)
	$(quiet) LDS $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(KCFLAGS) -E -P -x c -D__ASSEMBLY__ -MMD -MP -MT $@ -MF $@.d -o $@ $<

# ---------------------------------------------------------------------------------------------
# Linking. Pass 1 links with an empty symbol table, pass 2 with the table made from pass 1.
# The table sits after all code, so code addresses do not move between the passes; the
# final check proves it.

$(O)/kallsyms0.c: scripts/kallsyms.py
	$(Q)mkdir -p $(@D)
	$(Q)$(KCONFIG_PYTHON) scripts/kallsyms.py < /dev/null > $@

$(O)/kallsyms%.o: $(O)/kallsyms%.c $(autoconf)
	$(quiet) CC $<
	$(Q)$(CC) $(KCFLAGS) -c -o $@ $<

$(O)/.tmp_kernel1: $(kobjs) $(O)/kallsyms0.o $(lds)
	$(quiet) LD $@
	$(Q)$(LD) $(KLDFLAGS) -T $(lds) -o $@ $(kobjs) $(O)/kallsyms0.o

$(O)/kallsyms1.c: $(O)/.tmp_kernel1 scripts/kallsyms.py
	$(quiet) KSYMS $@
	$(Q)$(NM) -n $< | $(KCONFIG_PYTHON) scripts/kallsyms.py > $@

$(kernel): $(O)/.tmp_kernel1 $(O)/kallsyms1.o
	$(quiet) LD $@
	$(Q)$(LD) $(KLDFLAGS) -T $(lds) -o $@ $(kobjs) $(O)/kallsyms1.o
	$(Q)$(NM) -n $@ | $(KCONFIG_PYTHON) scripts/kallsyms.py --check $(O)/kallsyms1.c

# ---------------------------------------------------------------------------------------------
# The disk image, running and debugging

$(O)/cmdline: FORCE
	$(Q)mkdir -p $(@D)
	$(Q)echo '$(CMDLINE)' | cmp -s - $@ || echo '$(CMDLINE)' > $@

include user/user.mk
include user/bench/bench.mk
include user/sh/sh.mk
include user/coreutils/coreutils.mk
include user/login/login.mk
include user/vi/vi.mk

# The guest's /bin: our small programs (user/bin), the benchmark's (user/bench, both builds),
# our shell (user/sh) as /bin/sh, the coreutils (ours only), login's and vi. The libc's test
# programs (user/tests, both builds) go to /boot/tests.cpio, which only scripts/vmrun's
# boots load (make run's does not: GRUB would read 7 MB more); IMAGE_TESTS=0 leaves them out
# altogether (the benchmark's image carries what a user's system would).
IMAGE_TESTS ?= 1
image_tests := $(if $(filter 1,$(IMAGE_TESTS)),$(USER_TESTS) $(USER_TESTS_MUSL))
image_bin_dirs := $(USER_OUT)/bin $(USER_OUT)/bench \
	$(USER_OUT)/sh $(USER_OUT)/coreutils $(LOGIN_OUT) $(USER_OUT)/vi

# user/rootfs is the root's skeleton (/etc and the like), copied as it is.
ROOTFS_FILES := $(shell find user/rootfs -type f)

# Debian's busybox-static for /bin/busybox and the applets we lack (none if it is missing).
IMAGE_BUSYBOX ?= /bin/busybox

# make image ROOT_PASSWORD=... USER_PASSWORD=...: other passwords than the development
# image's (none for root, "user" for user). A change rebuilds the image: this file keeps a
# hash of them, not the passwords.
$(O)/image-passwords: FORCE
	$(Q)mkdir -p $(@D)
	$(Q)printf '%s\n' "$${ROOT_PASSWORD+r$$ROOT_PASSWORD}" "$${USER_PASSWORD+u$$USER_PASSWORD}" | \
		sha256sum | cmp -s - $@ || printf '%s\n' "$${ROOT_PASSWORD+r$$ROOT_PASSWORD}" \
		"$${USER_PASSWORD+u$$USER_PASSWORD}" | sha256sum > $@

$(image): $(kernel) $(O)/cmdline scripts/mkimage.sh scripts/mkcpio.py $(USER_BINS) $(image_tests) \
		$(USER_BENCH) $(USER_BENCH_MUSL) $(SH_BIN) $(USER_COREUTILS) $(USER_LOGIN) \
		$(ROOTFS_FILES) user/rootfs.perms $(O)/image-passwords
	$(quiet) IMAGE $@
	$(Q)mkdir -p $(USER_OUT)/bench
	$(Q)OBJCOPY=$(OBJCOPY) scripts/mkimage.sh --kernel $(kernel) --cmdline "$$(cat $(O)/cmdline)" --out $@ \
		$(foreach d,$(image_bin_dirs),--bin $(d)) $(if $(image_tests),--test-bin $(USER_OUT)/tests) \
		--busybox "$(IMAGE_BUSYBOX)"

vmrun_args = --accel $(ACCEL) --cpu $(CPU) --mem $(MEM) --smp $(SMP) --disk $(DISK)

run: $(image)
	$(Q)scripts/vmrun --interactive $(vmrun_args) --image $(image)

debug: $(image)
	$(Q)scripts/debug.sh $(vmrun_args) --image $(image) --kernel $(kernel)

# ---------------------------------------------------------------------------------------------
# Tests

include tests/host/host.mk

# The same kernel without the debug checks (configs/nodebug_defconfig: no lockdep, no slab
# red zones), as the benchmarks build it: make test builds it and runs the suites on it too,
# so that neither configuration rots.
nodebug_o := $(O)/nodebug
nodebug_image := $(nodebug_o)/disk.img

$(nodebug_o)/.config: configs/nodebug_defconfig $(kconfig_files) | $(tools_ok)
	$(quiet) DEFCONFIG $<
	$(Q)mkdir -p $(@D)
	$(Q)KCONFIG_CONFIG=$@ $(KCONFIG_PYTHON) -m defconfig --kconfig Kconfig $< >/dev/null

nodebug-image: $(nodebug_o)/.config FORCE
	$(Q)$(MAKE) O=$(nodebug_o) KCONFIG_CONFIG=$(nodebug_o)/.config CMDLINE='$(CMDLINE)' all

test: $(image) host-tests user-tests user-sh coreutils user-login nodebug-image
	$(Q)scripts/run-tests --build $(O) --nodebug-image $(nodebug_image)

check: test

# The stress suite alone, for longer (STRESS_MS, default 60 s): make test runs it for 3 s.
STRESS_MS ?= 60000
stress: $(image)
	$(Q)scripts/run-tests --build $(O) --only stress --stress-ms $(STRESS_MS) \
		--timeout $$(( $(STRESS_MS) / 1000 + 120 ))

# ---------------------------------------------------------------------------------------------
# Benchmarks (docs/bench.md): the kernel of configs/bench_defconfig (debug checks off, as
# Debian's Linux has them; KTEST on for the in-kernel figures) into build/bench-kernel/, then
# scripts/bench runs the same static programs on it and on Debian's Linux in one QEMU.
# QUICK=1: the short matrix (about 3 minutes). BENCH_DIR=DIR: take bench, bench.musl,
# bench_nop and bench_nop.musl from DIR instead of the build (a stand-in benchmark).
bench_o := $(O)/bench-kernel
bench_image := $(bench_o)/disk.img
BENCH_CMDLINE := console=ttyS0 loglevel=4

$(bench_o)/.config: configs/bench_defconfig $(kconfig_files) | $(tools_ok)
	$(quiet) DEFCONFIG $<
	$(Q)mkdir -p $(@D)
	$(Q)KCONFIG_CONFIG=$@ $(KCONFIG_PYTHON) -m defconfig --kconfig Kconfig $< >/dev/null

bench-image: $(bench_o)/.config FORCE
	$(Q)$(MAKE) O=$(bench_o) KCONFIG_CONFIG=$(bench_o)/.config CMDLINE='$(BENCH_CMDLINE)' \
		IMAGE_TESTS=0 all user-bench

bench: bench-image
	$(Q)OBJCOPY=$(OBJCOPY) $(KCONFIG_PYTHON) scripts/bench --build $(bench_o) --out $(O)/bench \
		--config configs/bench_defconfig $(if $(QUICK),--quick) \
		$(if $(BENCH_DIR),--bench-dir $(BENCH_DIR)) $(BENCH_ARGS)

# ---------------------------------------------------------------------------------------------
# Housekeeping

compile_commands.json:
	$(Q)$(MAKE) clean-objs
	$(Q)bear --output $@ -- $(MAKE) $(kernel) host-tests

clean-objs:
	$(Q)rm -rf $(O)/arch $(O)/kernel $(O)/mm $(O)/fs $(O)/drivers $(O)/net $(O)/tests $(O)/host

clean:
	$(Q)rm -rf $(O)

distclean: clean
	$(Q)rm -f $(KCONFIG_CONFIG) $(KCONFIG_CONFIG).old compile_commands.json

help:
	@echo 'Targets:'
	@echo '  all (default)   kernel and disk image ($(kernel), $(image))'
	@echo '  run             boot the disk image in QEMU, serial console on this terminal'
	@echo '  test            host unit tests and in-kernel tests; ends "N passed, N failed"'
	@echo '  stress          the stress suite on two CPUs for STRESS_MS (default 60000)'
	@echo '  bench           the benchmarks on our kernel and Linux (QUICK=1: short run)'
	@echo '  debug           QEMU halted at the first instruction, gdb attached'
	@echo '  defconfig menuconfig olddefconfig savedefconfig'
	@echo '  compile_commands.json  for clangd'
	@echo '  clean distclean install-deps'
	@echo 'Variables: V=1 O=build CROSS_COMPILE= ACCEL=tcg|kvm CPU=max SMP=2 MEM=256M'
	@echo '           DISK=ahci|virtio|ide CMDLINE="console=ttyS0 loglevel=6"'

-include $(shell find $(O) -name '*.d' 2>/dev/null)
