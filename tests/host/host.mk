# SPDX-License-Identifier: GPL-2.0
#
# Host unit tests for the pure library code in kernel/lib/. Included by the top-level Makefile,
# it uses $(O), the build output directory, $(HOSTCC), the host C compiler, and the
# includer's $(Q)/$(quiet) for V=1 handling.
#
#   make host-tests      build every test program ($(HOST_TESTS))
#   make host-test-run   build and run them all; KTAP on stdout, fails if any test failed
#
# The kernel lib sources are compiled for the host with tests/host/host_rename.h forced in, so
# their memcpy, strlen, ... become k_memcpy, k_strlen, ... and do not clash with the C library
# or the sanitizers' interceptors.

HOSTCC ?= gcc
HOST_TEST_OUT := $(O)/host

HOST_TEST_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror \
	-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
	-fno-builtin -Iinclude -Iarch/x86_64/include -MMD -MP
# -ffreestanding as in the kernel: the lib sources see the compiler's headers only, not glibc's.
HOST_TEST_LIB_CFLAGS := $(HOST_TEST_CFLAGS) -ffreestanding -include tests/host/host_rename.h

HOST_TEST_LIB_SRCS := kernel/lib/string.c kernel/lib/vsprintf.c kernel/lib/bitmap.c \
	kernel/lib/cmdline.c kernel/lib/rbtree.c kernel/lib/cpio.c
HOST_TEST_LIB_OBJS := $(patsubst kernel/lib/%.c,$(HOST_TEST_OUT)/lib/%.o,$(HOST_TEST_LIB_SRCS))

HOST_TEST_NAMES := test_errno test_string test_vsprintf test_list test_bitmap test_cmdline \
	test_multiboot2 test_rbtree test_acpi test_time test_seqlock test_cpio test_console \
	test_tlb_asid test_vt test_keymap
HOST_TESTS := $(addprefix $(HOST_TEST_OUT)/,$(HOST_TEST_NAMES))
HOST_TEST_OBJS := $(addsuffix .o,$(HOST_TESTS)) $(HOST_TEST_OUT)/errno_host_values.o

# The kernel lib objects each test program links with.
$(HOST_TEST_OUT)/test_errno: $(HOST_TEST_OUT)/errno_host_values.o
$(HOST_TEST_OUT)/test_string: $(HOST_TEST_OUT)/lib/string.o
$(HOST_TEST_OUT)/test_vsprintf: $(HOST_TEST_OUT)/lib/vsprintf.o $(HOST_TEST_OUT)/lib/string.o
$(HOST_TEST_OUT)/test_list:
$(HOST_TEST_OUT)/test_bitmap: $(HOST_TEST_OUT)/lib/bitmap.o
$(HOST_TEST_OUT)/test_cmdline: $(HOST_TEST_OUT)/lib/cmdline.o $(HOST_TEST_OUT)/lib/string.o
$(HOST_TEST_OUT)/test_rbtree: $(HOST_TEST_OUT)/lib/rbtree.o
$(HOST_TEST_OUT)/test_cpio: $(HOST_TEST_OUT)/lib/cpio.o $(HOST_TEST_OUT)/lib/string.o

# The console= parser; the test program supplies printk and console_list_head.
$(HOST_TEST_OUT)/test_console: $(HOST_TEST_OUT)/printk/console_cmdline.o \
	$(HOST_TEST_OUT)/lib/string.o
$(HOST_TEST_OUT)/printk/console_cmdline.o: kernel/printk/console_cmdline.c tests/host/host.mk
	@mkdir -p $(@D)
	$(quiet) HOSTCC $<
	$(Q)$(HOSTCC) $(HOST_TEST_LIB_CFLAGS) -c -o $@ $<

$(HOST_TEST_OUT)/test_multiboot2: $(HOST_TEST_OUT)/arch/multiboot2.o $(HOST_TEST_OUT)/lib/string.o

$(HOST_TEST_OUT)/arch/multiboot2.o: arch/x86_64/boot/multiboot2.c tests/host/host.mk
	@mkdir -p $(@D)
	$(quiet) HOSTCC $<
	$(Q)$(HOSTCC) $(HOST_TEST_LIB_CFLAGS) -c -o $@ $<

# The ACPI table parser; the test program supplies printk (and captures what it prints).
$(HOST_TEST_OUT)/test_acpi: $(HOST_TEST_OUT)/drivers/acpi/tables.o $(HOST_TEST_OUT)/lib/string.o

$(HOST_TEST_OUT)/drivers/acpi/tables.o: drivers/acpi/tables.c tests/host/host.mk
	@mkdir -p $(@D)
	$(quiet) HOSTCC $<
	$(Q)$(HOSTCC) $(HOST_TEST_LIB_CFLAGS) -c -o $@ $<

# Calendar and timespec arithmetic, and the CMOS RTC's register decoding: pure code outside
# kernel/lib/.
HOST_TEST_TIME_OBJS := $(HOST_TEST_OUT)/time/time.o $(HOST_TEST_OUT)/time/rtc-cmos-decode.o
$(HOST_TEST_OUT)/test_time: $(HOST_TEST_TIME_OBJS)

$(HOST_TEST_OUT)/time/time.o: kernel/time/time.c tests/host/host.mk
$(HOST_TEST_OUT)/time/rtc-cmos-decode.o: drivers/rtc/rtc-cmos-decode.c tests/host/host.mk
$(HOST_TEST_TIME_OBJS):
	@mkdir -p $(@D)
	$(quiet) HOSTCC $<
	$(Q)$(HOSTCC) $(HOST_TEST_LIB_CFLAGS) -c -o $@ $<

# The cpio parser's test also reads an archive written by GNU cpio (Debian's cpio package), from
# a staging tree of every kind of entry an initramfs has: nested directories, files (one
# empty), a symbolic link, a FIFO and a hard-linked pair. Modes and times are set explicitly,
# so umask and clock do not matter, and --reproducible (numbered inodes, no device numbers)
# and -R 0:0 fix the rest. The program reads the file from the path compiled into it, or from
# argv[1] or $CPIO_SAMPLE when given.
HOST_TEST_CPIO_SAMPLE := $(HOST_TEST_OUT)/cpio/sample.cpio
HOST_TEST_CPIO_STAGE := $(HOST_TEST_OUT)/cpio/stage

$(HOST_TEST_OUT)/test_cpio: | $(HOST_TEST_CPIO_SAMPLE)
$(HOST_TEST_OUT)/test_cpio.o: \
	HOST_TEST_CFLAGS += -DCPIO_SAMPLE_DEFAULT='"$(abspath $(HOST_TEST_CPIO_SAMPLE))"'

$(HOST_TEST_CPIO_SAMPLE): tests/host/host.mk
	$(quiet) CPIO $@
	$(Q)rm -rf $(HOST_TEST_CPIO_STAGE) && mkdir -p $(HOST_TEST_CPIO_STAGE)/dir/sub && \
	cd $(HOST_TEST_CPIO_STAGE) && \
	printf 'hello, cpio\n' > dir/file && : > empty && printf 'linked\n' > hard1 && \
	ln hard1 dir/hard2 && ln -s dir/file link && mkfifo fifo && \
	chmod 755 . dir && chmod 700 dir/sub && chmod 644 dir/file && chmod 600 empty && \
	chmod 640 fifo && chmod 444 hard1 && \
	find . -exec touch -h -d @1700000000 {} + && \
	find . | LC_ALL=C sort | \
		cpio -o -H newc --reproducible -R 0:0 --quiet > $(abspath $@).tmp
	$(Q)mv $@.tmp $@

# The virtual console's terminal emulator and keymap: pure code in drivers/tty/.
HOST_TEST_VT_OBJS := $(HOST_TEST_OUT)/tty/vt_parser.o $(HOST_TEST_OUT)/tty/keyboard_map.o
$(HOST_TEST_OUT)/test_vt: $(HOST_TEST_OUT)/tty/vt_parser.o $(HOST_TEST_OUT)/lib/string.o
$(HOST_TEST_OUT)/test_keymap: $(HOST_TEST_OUT)/tty/keyboard_map.o $(HOST_TEST_OUT)/lib/string.o
$(HOST_TEST_VT_OBJS): $(HOST_TEST_OUT)/tty/%.o: drivers/tty/%.c tests/host/host.mk
	@mkdir -p $(@D)
	$(quiet) HOSTCC $<
	$(Q)$(HOSTCC) $(HOST_TEST_LIB_CFLAGS) -c -o $@ $<

# Header-only: the PCID decision (arch/x86_64/include/asm/tlb_asid.h) against a TLB model.
$(HOST_TEST_OUT)/test_tlb_asid:

# Header-only; its test runs a writer and readers on threads.
$(HOST_TEST_OUT)/test_seqlock: HOST_TEST_CFLAGS += -pthread
$(HOST_TEST_OUT)/test_seqlock:

$(HOST_TESTS): %: %.o
	$(quiet) HOSTLD $@
	$(Q)$(HOSTCC) $(HOST_TEST_CFLAGS) -o $@ $^

$(HOST_TEST_LIB_OBJS): $(HOST_TEST_OUT)/lib/%.o: kernel/lib/%.c tests/host/host.mk
	@mkdir -p $(@D)
	$(quiet) HOSTCC $<
	$(Q)$(HOSTCC) $(HOST_TEST_LIB_CFLAGS) -c -o $@ $<

$(HOST_TEST_OBJS): $(HOST_TEST_OUT)/%.o: tests/host/%.c tests/host/host.mk
	@mkdir -p $(@D)
	$(quiet) HOSTCC $<
	$(Q)$(HOSTCC) $(HOST_TEST_CFLAGS) -c -o $@ $<

.PHONY: host-tests host-test-run
host-tests: $(HOST_TESTS)

# Run every program even after a failure, then sum up the "# Totals:" lines of their KTAP
# (kept in $(HOST_TEST_OUT)/ktap/). A program that died before printing its totals counts as
# one failure.
host-test-run: $(HOST_TESTS)
	@mkdir -p $(HOST_TEST_OUT)/ktap; pass=0; fail=0; \
	for t in $(HOST_TESTS); do \
		log=$(HOST_TEST_OUT)/ktap/$${t##*/}.ktap; \
		ASAN_OPTIONS=detect_leaks=1 $$t > $$log; rc=$$?; \
		cat $$log; \
		totals=$$(sed -n 's/^# Totals: pass:\([0-9]*\) fail:\([0-9]*\).*/\1 \2/p' $$log); \
		if [ -n "$$totals" ]; then \
			set -- $$totals; pass=$$((pass + $$1)); fail=$$((fail + $$2)); \
		fi; \
		if [ $$rc -ne 0 ] && { [ -z "$$totals" ] || [ "$$2" = 0 ]; }; then \
			echo "# $$t exited with status $$rc" >&2; fail=$$((fail + 1)); \
		fi; \
	done; \
	echo "host-tests: $$pass passed, $$fail failed"; \
	[ $$fail -eq 0 ]

-include $(HOST_TEST_OBJS:.o=.d) $(HOST_TEST_LIB_OBJS:.o=.d) $(HOST_TEST_TIME_OBJS:.o=.d)
-include $(HOST_TEST_OUT)/drivers/acpi/tables.d $(HOST_TEST_OUT)/arch/multiboot2.d
-include $(HOST_TEST_VT_OBJS:.o=.d)
