# SPDX-License-Identifier: GPL-2.0
#
# Our shell (user/sh): $(O)/user/sh/sh with our libc, and $(O)/user/sh/sh.musl with musl-gcc
# for comparison. Included by the top Makefile after user/user.mk; the image puts sh in /bin.
#
#   make user-sh          both builds
#   make sh-test          the script cases of tests/sh against dash (scripts/shtests.py)

SH_SRCS := $(sort $(wildcard user/sh/*.c))
SH_OBJS := $(patsubst user/sh/%.c,$(USER_OUT)/sh/%.o,$(SH_SRCS))
SH_BIN := $(USER_OUT)/sh/sh
SH_MUSL := $(USER_OUT)/sh-musl/sh.musl

$(USER_OUT)/sh/%.o: user/sh/%.c user/sh/sh.h $(USER_SYSCALL_H) user/sh/sh.mk | $(tools_ok)
	$(quiet) USERCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(USER_CC) $(USER_CFLAGS) -c -o $@ $<

$(SH_BIN): $(SH_OBJS) $(USER_CRT0) $(USER_LIBC)
	$(quiet) USERLD $@
	$(Q)$(USER_CC) $(USER_LDFLAGS) -o $@ $(USER_CRT0) $(SH_OBJS) $(USER_LIBC) -lgcc

$(SH_MUSL): $(SH_SRCS) user/sh/sh.h user/sh/sh.mk | $(tools_ok)
	$(quiet) MUSLCC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(MUSL_CC) $(MUSL_CFLAGS) -o $@ $(SH_SRCS)

.PHONY: user-sh sh-test
user-sh: $(SH_BIN) $(SH_MUSL)

sh-test: user-sh
	$(Q)scripts/shtests.py --sh $(SH_BIN) --sh $(SH_MUSL)

-include $(SH_OBJS:.o=.d)
