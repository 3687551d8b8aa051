// SPDX-License-Identifier: GPL-2.0
/*
 * poweroff, reboot and halt (one program, acting by the name it is called by): as busybox's,
 * they ask init (pid 1) with a signal, SIGUSR2 to power off, SIGTERM to reboot, SIGUSR1 to
 * halt, and init stops everything cleanly first. -f calls reboot(2) at once instead.
 *
 * usage: poweroff|reboot|halt [-f] [-n] [-d SECONDS]   (poweroff -r: reboot, as it once was)
 */
#include "libauth.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

/* The name it acts by (libauth.h's, for its messages). */
const char *prog_name = "poweroff";

static void usage(FILE *f)
{
	fprintf(f,
		"usage: %s [-f] [-n] [-d SECONDS]\n"
		"Asks init to stop every process and %s the machine.\n"
		"  -f          at once, without init (reboot(2) directly)\n"
		"  -n          do not sync first (with -f)\n"
		"  -d SECONDS  wait this long first\n",
		prog_name,
		!strcmp(prog_name, "reboot") ? "restart"
		: !strcmp(prog_name, "halt") ? "halt"
					     : "power off");
}

int main(int argc, char **argv)
{
	int force = 0, nosync = 0, c, sig, cmd;
	unsigned delay = 0;
	const char *base = strrchr(argv[0], '/');

	base = base ? base + 1 : argv[0];
	if (!strcmp(base, "reboot") || !strcmp(base, "halt"))
		prog_name = base;
	if (argc > 1 && !strcmp(argv[1], "--help")) {
		usage(stdout);
		return 0;
	}
	while ((c = getopt(argc, argv, "fnrd:")) != -1) {
		switch (c) {
		case 'f':
			force = 1;
			break;
		case 'n':
			nosync = 1;
			break;
		case 'r':
			prog_name = "reboot";
			break;
		case 'd':
			delay = (unsigned)strtoul(optarg, NULL, 10);
			break;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(prog_name, "reboot")) {
		sig = SIGTERM;
		cmd = RB_AUTOBOOT;
	} else if (!strcmp(prog_name, "halt")) {
		sig = SIGUSR1;
		cmd = RB_HALT_SYSTEM;
	} else {
		sig = SIGUSR2;
		cmd = RB_POWER_OFF;
	}
	if (delay)
		sleep(delay);
	if (!force) {
		if (kill(1, sig)) {
			auth_warn(errno, "kill 1");
			return 1;
		}
		return 0;
	}
	if (!nosync)
		sync();
	reboot(cmd);
	auth_warn(errno, "reboot");
	return 1;
}
