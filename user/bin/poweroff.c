// SPDX-License-Identifier: GPL-2.0
/*
 * Powers the machine off (reboot(2) with LINUX_REBOOT_CMD_POWER_OFF), or with "-r" restarts
 * it. Returns only if the kernel refused: then it prints why and exits 1.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int cmd = argc > 1 && !strcmp(argv[1], "-r") ? RB_AUTOBOOT : RB_POWER_OFF;

	sync();
	reboot(cmd);
	printf("poweroff: reboot: %s\n", strerror(errno));
	return 1;
}
