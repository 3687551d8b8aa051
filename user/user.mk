# SPDX-License-Identifier: GPL-2.0
#
# User space: our libc (user/libc) and the user test programs (user/tests). Included by the
# top-level Makefile; uses $(O), $(Q)/$(quiet), $(cc_include) and $(tools_ok) from it, and keeps
# its own flags: nothing here uses KCFLAGS.
#
#   make user-libc        $(O)/user/libc.a and $(O)/user/crt0.o
#   make user-tests       every test program twice: with our libc (static-pie) and musl-gcc -static
#   make user-test-run    build and run them on this host; TAP on stdout
#
# USER_PIE=0 links our programs as plain -static (non-PIE) executables instead.

USER_OUT := $(O)/user
USER_CC ?= $(CC)
MUSL_CC ?= musl-gcc
USER_PIE ?= 1

# Programs are hosted C (gcc may use its builtins); only the libc itself is freestanding.
USER_CFLAGS = -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-nostdinc -isystem $(cc_include) -Iuser/include -I$(USER_OUT)/include \
	-Iinclude -fno-stack-protector -fPIE -fno-plt -fno-tree-loop-distribute-patterns \
	-fno-strict-aliasing -ffunction-sections -fdata-sections -MMD -MP
ifeq ($(USER_PIE),1)
USER_LDFLAGS := -nostdlib -static-pie -Wl,--no-dynamic-linker -Wl,-z,noexecstack -Wl,--gc-sections
else
USER_LDFLAGS := -nostdlib -static -no-pie -Wl,-z,noexecstack -Wl,--gc-sections
endif
# The libc's own sources: besides the flags above, no builtins (memcpy must not call memcpy).
USER_LIBC_CFLAGS = $(USER_CFLAGS) -ffreestanding -fno-builtin -Iuser/libc

USER_LIBC_SRCS := $(sort $(wildcard user/libc/*.c))
USER_LIBC_ASMS := $(sort $(filter-out user/libc/crt0.S,$(wildcard user/libc/*.S)))
USER_LIBC_OBJS := $(patsubst user/libc/%.c,$(USER_OUT)/libc/%.o,$(USER_LIBC_SRCS)) \
	$(patsubst user/libc/%.S,$(USER_OUT)/libc/%.o,$(USER_LIBC_ASMS))
USER_LIBC := $(USER_OUT)/libc.a
USER_CRT0 := $(USER_OUT)/crt0.o
USER_SYSCALL_H := $(USER_OUT)/include/bits/syscall_nr.h

USER_TEST_NAMES := $(patsubst user/tests/%.c,%,$(filter-out user/tests/tap.c,\
	$(sort $(wildcard user/tests/*.c))))
USER_TESTS := $(addprefix $(USER_OUT)/tests/,$(USER_TEST_NAMES))
USER_TESTS_MUSL := $(addsuffix .musl,$(USER_TESTS))
# include/uapi (ipc.h) after the libc's own headers, which it never shadows.
MUSL_CFLAGS := -D_GNU_SOURCE -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter -static \
	-idirafter include

# The syscall numbers, from the table.
$(USER_SYSCALL_H): user/libc/syscall.tbl user/user.mk
	$(quiet) GEN $@
	$(Q)mkdir -p $(@D)
	$(Q)awk 'BEGIN { print "/* Generated from user/libc/syscall.tbl by user/user.mk. */"; \
		print "#ifndef _BITS_SYSCALL_NR_H"; print "#define _BITS_SYSCALL_NR_H" } \
		/^[0-9]/ { printf "#define __NR_%s %s\n#define SYS_%s %s\n", $$2, $$1, $$2, $$1 } \
		END { print "#endif" }' $< > $@.tmp && mv $@.tmp $@

# The same table as a list for t_syscall, which both builds compile: musl's numbers must match.
USER_SYSCALL_LIST := $(USER_OUT)/tests/gen/syscall_list.h
$(USER_SYSCALL_LIST): user/libc/syscall.tbl user/user.mk
	$(quiet) GEN $@
	$(Q)mkdir -p $(@D)
	$(Q)awk '/^[0-9]/ { printf "X(%s, %s)\n", $$2, $$1 }' $< > $@.tmp && mv $@.tmp $@

$(USER_OUT)/libc/%.o: user/libc/%.c $(USER_SYSCALL_H) user/user.mk
	$(quiet) USERCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(USER_CC) $(USER_LIBC_CFLAGS) -c -o $@ $<

$(USER_OUT)/libc/%.o: user/libc/%.S user/user.mk
	$(quiet) USERAS $<
	$(Q)mkdir -p $(@D)
	$(Q)$(USER_CC) $(USER_LIBC_CFLAGS) -c -o $@ $<

$(USER_CRT0): user/libc/crt0.S user/user.mk
	$(quiet) USERAS $<
	$(Q)mkdir -p $(@D)
	$(Q)$(USER_CC) $(USER_LIBC_CFLAGS) -c -o $@ $<

$(USER_LIBC): $(USER_LIBC_OBJS)
	$(quiet) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^

$(USER_OUT)/tests/%.o: user/tests/%.c $(USER_SYSCALL_H) $(USER_SYSCALL_LIST) user/user.mk | $(tools_ok)
	$(quiet) USERCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(USER_CC) $(USER_CFLAGS) -I$(USER_OUT)/tests/gen -c -o $@ $<

$(USER_TESTS): %: %.o $(USER_OUT)/tests/tap.o $(USER_CRT0) $(USER_LIBC)
	$(quiet) USERLD $@
	$(Q)$(USER_CC) $(USER_LDFLAGS) -o $@ $(USER_CRT0) $< $(USER_OUT)/tests/tap.o $(USER_LIBC) -lgcc

$(USER_OUT)/tests/%.musl: user/tests/%.c user/tests/tap.c user/tests/tap.h $(wildcard user/tests/data/*) include/uapi/ipc.h \
		$(USER_SYSCALL_LIST) user/user.mk | $(tools_ok)
	$(quiet) MUSLCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(MUSL_CC) $(MUSL_CFLAGS) -I$(USER_OUT)/tests/gen -o $@ $< user/tests/tap.c $(MUSL_EXTRA_SRCS)

# Debian's musl has no crypt(): its builds of what needs one compile our own (plain C11).
MUSL_CRYPT_SRCS := user/libc/crypt.c user/libc/sha512.c
$(USER_OUT)/tests/t_crypt.musl: MUSL_EXTRA_SRCS := $(MUSL_CRYPT_SRCS)
$(USER_OUT)/tests/t_crypt.musl: $(MUSL_CRYPT_SRCS) user/libc/sha512.h

.PHONY: user-libc user-tests user-test-run
user-libc: $(USER_LIBC) $(USER_CRT0)
user-tests: $(USER_TESTS) $(USER_TESTS_MUSL)

# Each program runs in a scratch directory of its own (they create files), from the top.
user-test-run: user-tests
	@pass=0; fail=0; for t in $(USER_TESTS) $(USER_TESTS_MUSL); do \
		d=$$(mktemp -d); out=$$(cd $$d && $(CURDIR)/$$t 2>&1); rc=$$?; rm -rf $$d; \
		p=$$(printf '%s\n' "$$out" | grep -c '^ok '); \
		f=$$(printf '%s\n' "$$out" | grep -c '^not ok '); \
		printf '%s\n' "$$out" | grep '^not ok ' | sed "s|^|$${t##*/}: |"; \
		[ $$rc -ne 0 ] && [ $$f -eq 0 ] && f=1 && echo "$${t##*/}: exit status $$rc"; \
		echo "# $${t##*/}: $$p passed, $$f failed"; \
		pass=$$((pass + p)); fail=$$((fail + f)); \
	done; echo "user-tests: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

-include $(USER_LIBC_OBJS:.o=.d) $(USER_CRT0:.o=.d) $(USER_TESTS:=.d)

# Small programs for the VM's /bin (user/bin): hello, false, and the ones make test runs
# there (a fault, bad pointers, the start-up stack, the getpid figure).
USER_BIN_NAMES := $(patsubst user/bin/%.c,%,$(sort $(wildcard user/bin/*.c)))
USER_BINS := $(addprefix $(USER_OUT)/bin/,$(USER_BIN_NAMES))

$(USER_OUT)/bin/%.o: user/bin/%.c $(USER_SYSCALL_H) user/user.mk | $(tools_ok)
	$(quiet) USERCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(USER_CC) $(USER_CFLAGS) -c -o $@ $<

$(USER_BINS): %: %.o $(USER_CRT0) $(USER_LIBC)
	$(quiet) USERLD $@
	$(Q)$(USER_CC) $(USER_LDFLAGS) -o $@ $(USER_CRT0) $< $(USER_LIBC) -lgcc

.PHONY: user-bins
user-bins: $(USER_BINS)
-include $(USER_BINS:=.d)
