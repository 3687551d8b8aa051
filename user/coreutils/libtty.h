/* SPDX-License-Identifier: GPL-2.0 */
/* A full-screen program's terminal (less, more, top): keys one at a time, given back at the end. */
#ifndef CU_LIBTTY_H
#define CU_LIBTTY_H

#include <termios.h>

/*
 * Saves fd's modes in *saved, catches SIGINT, SIGTERM, SIGHUP and SIGQUIT with on_signal
 * (which must give the modes back) and SIGWINCH with on_winch, then turns canonical input and
 * echo off (ISIG stays: ^C still interrupts), and the iflag bits in iflag_off too.
 * 0, or -1 with errno set by tcgetattr (nothing changed then).
 */
int cu_tty_raw(int fd, struct termios *saved, tcflag_t iflag_off, void (*on_signal)(int),
	       void (*on_winch)(int));

#endif
