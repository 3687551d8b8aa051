# SPDX-License-Identifier: GPL-2.0
#
# The benchmark programs (user/bench): each user/bench/NAME.c is one static program, built
# twice, as for the tests: $(O)/user/bench/NAME with our libc and NAME.musl with musl-gcc.
# Both builds go into the image's /bin, and scripts/bench puts the same files into the
# initramfs it boots Linux with. include/uapi/ipc.h comes in after the libc's own headers
# (-idirafter), so that musl's headers are never shadowed by the kernel's. BENCH_LIBC names
# the libc in bench's output (our libc's build leaves it to bench.h's default, "mica").
# Included by user/user.mk's includer (the top Makefile), after user/user.mk.

USER_BENCH_NAMES := $(patsubst user/bench/%.c,%,$(sort $(wildcard user/bench/*.c)))
USER_BENCH := $(addprefix $(USER_OUT)/bench/,$(USER_BENCH_NAMES))
USER_BENCH_MUSL := $(addsuffix .musl,$(USER_BENCH))
USER_BENCH_HDRS := $(wildcard user/bench/*.h) include/uapi/ipc.h

$(USER_OUT)/bench/%.o: user/bench/%.c $(USER_BENCH_HDRS) $(USER_SYSCALL_H) user/bench/bench.mk \
		| $(tools_ok)
	$(quiet) USERCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(USER_CC) $(USER_CFLAGS) -c -o $@ $<

$(USER_BENCH): %: %.o $(USER_CRT0) $(USER_LIBC)
	$(quiet) USERLD $@
	$(Q)$(USER_CC) $(USER_LDFLAGS) -o $@ $(USER_CRT0) $< $(USER_LIBC) -lgcc

$(USER_OUT)/bench/%.musl: user/bench/%.c $(USER_BENCH_HDRS) user/bench/bench.mk | $(tools_ok)
	$(quiet) MUSLCC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(MUSL_CC) $(MUSL_CFLAGS) -DBENCH_LIBC='"musl"' -idirafter include -o $@ $< -lpthread

.PHONY: user-bench
user-bench: $(USER_BENCH) $(USER_BENCH_MUSL)
-include $(USER_BENCH:=.d)
