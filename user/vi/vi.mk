# SPDX-License-Identifier: GPL-2.0
#
# The editor (user/vi): $(O)/user/vi/vi with our libc, for the image's /bin, and
# $(O)/user/vi-musl/vi.musl with musl-gcc, which scripts/vipty.py drives on the host as
# well. t_vibuf (user/vi/t_vibuf.c with buffer.c: the text and its undo, no terminal) is
# built into user/tests' output beside the libc's tests, so that run-tests runs both of its
# builds on the host and in the VM as it runs theirs. Included by the top Makefile after
# user/user.mk.
#
#   make user-vi          both builds of vi, and t_vibuf
#   make vi-test          drive both builds through a pseudo-terminal (scripts/vipty.py)

VI_SRCS := $(filter-out user/vi/t_%.c,$(sort $(wildcard user/vi/*.c)))
VI_HDRS := $(wildcard user/vi/*.h)
VI_OBJS := $(patsubst user/vi/%.c,$(USER_OUT)/vi/%.o,$(VI_SRCS))
VI_BIN := $(USER_OUT)/vi/vi
VI_MUSL := $(USER_OUT)/vi-musl/vi.musl
VI_TESTS := $(USER_OUT)/tests/t_vibuf $(USER_OUT)/tests/t_vibuf.musl

$(USER_OUT)/vi/%.o: user/vi/%.c $(VI_HDRS) $(USER_SYSCALL_H) user/vi/vi.mk | $(tools_ok)
	$(quiet) USERCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(USER_CC) $(USER_CFLAGS) -c -o $@ $<

$(VI_BIN): $(VI_OBJS) $(USER_CRT0) $(USER_LIBC)
	$(quiet) USERLD $@
	$(Q)$(USER_CC) $(USER_LDFLAGS) -o $@ $(USER_CRT0) $(VI_OBJS) $(USER_LIBC) -lgcc

$(VI_MUSL): $(VI_SRCS) $(VI_HDRS) user/vi/vi.mk | $(tools_ok)
	$(quiet) MUSLCC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(MUSL_CC) $(MUSL_CFLAGS) -o $@ $(VI_SRCS)

$(USER_OUT)/tests/t_vibuf: $(USER_OUT)/vi/t_vibuf.o $(USER_OUT)/vi/buffer.o \
		$(USER_OUT)/tests/tap.o $(USER_CRT0) $(USER_LIBC)
	$(quiet) USERLD $@
	$(Q)$(USER_CC) $(USER_LDFLAGS) -o $@ $(USER_CRT0) $(USER_OUT)/vi/t_vibuf.o \
		$(USER_OUT)/vi/buffer.o $(USER_OUT)/tests/tap.o $(USER_LIBC) -lgcc

$(USER_OUT)/vi/t_vibuf.o: user/vi/t_vibuf.c $(VI_HDRS) user/tests/tap.h user/vi/vi.mk | $(tools_ok)
	$(quiet) USERCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(USER_CC) $(USER_CFLAGS) -Iuser/tests -c -o $@ $<

$(USER_OUT)/tests/t_vibuf.musl: user/vi/t_vibuf.c user/vi/buffer.c $(VI_HDRS) user/tests/tap.c \
		user/tests/tap.h user/vi/vi.mk | $(tools_ok)
	$(quiet) MUSLCC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(MUSL_CC) $(MUSL_CFLAGS) -Iuser/tests -o $@ user/vi/t_vibuf.c user/vi/buffer.c \
		user/tests/tap.c

# The image carries vi (and, with the tests, t_vibuf); make test drives both builds.
$(image): $(VI_BIN) $(VI_TESTS)
test: user-vi

.PHONY: user-vi vi-test
user-vi: $(VI_BIN) $(VI_MUSL) $(VI_TESTS)

vi-test: user-vi
	$(Q)scripts/vipty.py $(VI_BIN) $(VI_MUSL)

-include $(VI_OBJS:.o=.d) $(USER_OUT)/vi/t_vibuf.d
