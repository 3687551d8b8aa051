# SPDX-License-Identifier: GPL-2.0
#
# The vDSO: user code, built -fPIC into a shared object of its own (no KCFLAGS), stripped,
# and carried in the kernel by vdso-image.asm. Included by the top-level Makefile.

vdso_src := arch/$(ARCH)/entry/vdso
vdso_out := $(O)/$(vdso_src)
VDSO_CFLAGS = -std=gnu11 -O2 -g -fPIC -ffreestanding -fno-stack-protector -fno-common \
	-fcf-protection=none -fno-plt -mgeneral-regs-only -fno-strict-aliasing \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wstrict-prototypes \
	-nostdinc -isystem $(cc_include) -Iinclude -Iarch/$(ARCH)/include -MMD -MP
VDSO_LDFLAGS := -shared -nostdlib -soname=linux-vdso.so.1 --hash-style=both --build-id=sha1 \
	-Bsymbolic --eh-frame-hdr -z max-page-size=4096 -z noexecstack --no-undefined

$(vdso_out)/vclock_gettime.vdso.o: $(vdso_src)/vclock_gettime.c arch/$(ARCH)/include/asm/vdso.h | $(tools_ok)
	$(quiet) VDSOCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(VDSO_CFLAGS) -c -o $@ $<

# A vDSO with relocations, or a writable segment, would need a loader: refuse to build one.
$(vdso_out)/vdso.so.dbg: $(vdso_out)/vclock_gettime.vdso.o $(vdso_src)/vdso.lds $(vdso_src)/vdso.mk
	$(quiet) VDSOLD $@
	$(Q)$(LD) $(VDSO_LDFLAGS) -T $(vdso_src)/vdso.lds -o $@ $(vdso_out)/vclock_gettime.vdso.o
	$(Q)if readelf -rW $@ | grep -q 'R_X86_64'; then \
		echo "$@: the vDSO has relocations" >&2; rm -f $@; exit 1; fi

$(vdso_out)/vdso.so: $(vdso_out)/vdso.so.dbg
	$(quiet) OBJCOPY $@
	$(Q)$(OBJCOPY) -S $< $@

$(vdso_out)/vdso-image.o: $(vdso_out)/vdso.so
$(vdso_out)/vdso-image.o: KAFLAGS += -I$(vdso_out)/
