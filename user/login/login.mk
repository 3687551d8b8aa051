# SPDX-License-Identifier: GPL-2.0
#
# init's companions (user/login): getty, login, su, passwd, poweroff (also reboot and halt).
# As the coreutils: each NAME.c but the lib*.c helpers is a program, built with our libc as
# $(O)/user/login/NAME (into the image's /bin; mkimage.sh adds the /sbin links and the
# set-user-ID bits of user/rootfs.perms) and with musl-gcc -static as musl/NAME.musl, which
# compiles our crypt too (Debian's musl has none). Included by the top Makefile.
#
#   make user-login       both builds of every program

LOGIN_LIB_SRCS := $(sort $(wildcard user/login/lib*.c))
LOGIN_NAMES := $(patsubst user/login/%.c,%,$(filter-out $(LOGIN_LIB_SRCS),\
	$(sort $(wildcard user/login/*.c))))
LOGIN_OUT := $(USER_OUT)/login
USER_LOGIN := $(addprefix $(LOGIN_OUT)/,$(LOGIN_NAMES))
USER_LOGIN_MUSL := $(addprefix $(LOGIN_OUT)/musl/,$(addsuffix .musl,$(LOGIN_NAMES)))
LOGIN_LIB_OBJS := $(patsubst user/login/%.c,$(LOGIN_OUT)/%.o,$(LOGIN_LIB_SRCS))

$(LOGIN_OUT)/%.o: user/login/%.c $(USER_SYSCALL_H) user/login/login.mk | $(tools_ok)
	$(quiet) USERCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(USER_CC) $(USER_CFLAGS) -c -o $@ $<

$(USER_LOGIN): %: %.o $(LOGIN_LIB_OBJS) $(USER_CRT0) $(USER_LIBC)
	$(quiet) USERLD $@
	$(Q)$(USER_CC) $(USER_LDFLAGS) -Wl,--strip-debug -o $@ $(USER_CRT0) $< $(LOGIN_LIB_OBJS) \
		$(USER_LIBC) -lgcc

$(LOGIN_OUT)/musl/%.musl: user/login/%.c $(LOGIN_LIB_SRCS) user/login/libauth.h \
		$(MUSL_CRYPT_SRCS) user/login/login.mk | $(tools_ok)
	$(quiet) MUSLCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(MUSL_CC) $(MUSL_CFLAGS) -o $@ $< $(LOGIN_LIB_SRCS) $(MUSL_CRYPT_SRCS)

.PHONY: user-login
user-login: $(USER_LOGIN) $(USER_LOGIN_MUSL)

-include $(USER_LOGIN:=.d) $(LOGIN_LIB_OBJS:.o=.d)
