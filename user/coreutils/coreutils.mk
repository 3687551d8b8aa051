# SPDX-License-Identifier: GPL-2.0
#
# The coreutils (user/coreutils): each NAME.c other than the lib*.c helpers is one program,
# built twice as the tests and benchmarks are: $(O)/user/coreutils/NAME with our libc (it goes
# into the image's /bin) and musl/NAME.musl with musl-gcc -static, which tests/coreutils
# compares on the host only: a subdirectory, so that mkimage.sh leaves it out of the image.
# The image's copies are linked without their DWARF (symbols stay, for backtraces): fifty
# programs with it would make the initramfs half as big again, in the 64 MiB OOM boot too.
# Included by the top Makefile after user/user.mk.
#
#   make coreutils        both builds of every program
#   make coreutils-test   run tests/coreutils against the host's GNU tools (scripts/cutests.py)

CU_LIB_SRCS := $(sort $(wildcard user/coreutils/lib*.c))
CU_NAMES := $(patsubst user/coreutils/%.c,%,$(filter-out $(CU_LIB_SRCS),\
	$(sort $(wildcard user/coreutils/*.c))))
CU_OUT := $(USER_OUT)/coreutils
USER_COREUTILS := $(addprefix $(CU_OUT)/,$(CU_NAMES))
USER_COREUTILS_MUSL := $(addprefix $(CU_OUT)/musl/,$(addsuffix .musl,$(CU_NAMES)))
CU_LIB_OBJS := $(patsubst user/coreutils/%.c,$(CU_OUT)/%.o,$(CU_LIB_SRCS))
CU_HDRS := $(wildcard user/coreutils/*.h)

$(CU_OUT)/%.o: user/coreutils/%.c $(USER_SYSCALL_H) user/coreutils/coreutils.mk | $(tools_ok)
	$(quiet) USERCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(USER_CC) $(USER_CFLAGS) -c -o $@ $<

$(USER_COREUTILS): %: %.o $(CU_LIB_OBJS) $(USER_CRT0) $(USER_LIBC)
	$(quiet) USERLD $@
	$(Q)$(USER_CC) $(USER_LDFLAGS) -Wl,--strip-debug -o $@ $(USER_CRT0) $< $(CU_LIB_OBJS) \
		$(USER_LIBC) -lgcc

$(CU_OUT)/musl/%.musl: user/coreutils/%.c $(CU_LIB_SRCS) $(CU_HDRS) user/coreutils/coreutils.mk \
		| $(tools_ok)
	$(quiet) MUSLCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(MUSL_CC) $(MUSL_CFLAGS) -o $@ $< $(CU_LIB_SRCS)

# more.c is less.c under another name; the musl build keeps no .d files to know it.
$(CU_OUT)/musl/more.musl: user/coreutils/less.c

.PHONY: coreutils coreutils-test
coreutils: $(USER_COREUTILS) $(USER_COREUTILS_MUSL)
coreutils-test: coreutils
	$(Q)scripts/cutests.py --build $(O)

-include $(USER_COREUTILS:=.d) $(CU_LIB_OBJS:.o=.d)
