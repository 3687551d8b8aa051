// SPDX-License-Identifier: GPL-2.0
/* A full-screen program's terminal: see libtty.h. */
#include "libtty.h"

#include <signal.h>
#include <string.h>

int cu_tty_raw(int fd, struct termios *saved, tcflag_t iflag_off, void (*on_signal)(int),
	       void (*on_winch)(int))
{
	static const int ends[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction sa;
	struct termios t;

	if (tcgetattr(fd, saved))
		return -1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	for (unsigned int i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
		sigaction(ends[i], &sa, NULL);
	sa.sa_handler = on_winch;
	sigaction(SIGWINCH, &sa, NULL);
	t = *saved;
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_iflag &= ~iflag_off;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	return tcsetattr(fd, TCSAFLUSH, &t);
}
