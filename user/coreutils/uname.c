// SPDX-License-Identifier: GPL-2.0
/*
 * uname: system names: -s kernel (default), -n node, -r release, -v version, -m machine,
 * -o operating system; -a all of them (GNU's -p and -i are left out unless known, as GNU does).
 */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#include "libcu.h"

int main(int argc, char **argv)
{
	struct utsname u;
	int opt, which = 0, first = 1;

	cu_init(argc, argv,
		"[-asnrvmo]\nPrint system information (default -s).\n  -a  all\n"
		"  -s  kernel name\n  -n  node name\n  -r  kernel release\n  -v  kernel version\n"
		"  -m  machine\n  -o  operating system\n");
	while ((opt = getopt(argc, argv, "asnrvmopi")) != -1) {
		switch (opt) {
		case 'a':
			which |= 0x3f;
			break;
		case 's':
			which |= 1;
			break;
		case 'n':
			which |= 2;
			break;
		case 'r':
			which |= 4;
			break;
		case 'v':
			which |= 8;
			break;
		case 'm':
			which |= 16;
			break;
		case 'o':
			which |= 32;
			break;
		case 'p':
			which |= 64;
			break;
		case 'i':
			which |= 128;
			break;
		default:
			cu_usage(1);
		}
	}
	if (optind < argc) {
		cu_warn("extra operand '%s'", argv[optind]);
		cu_usage(1);
	}
	if (!which)
		which = 1;
	if (uname(&u))
		cu_die(1, "cannot get system name");
	const char *fields[] = { u.sysname, u.nodename,	 u.release, u.version,
				 u.machine, "GNU/Linux", "unknown", "unknown" };

	/* Linux's uname says Linux; the operating system is the kernel's name otherwise */
	if (strcmp(u.sysname, "Linux"))
		fields[5] = u.sysname;
	for (int i = 0; i < 8; i++) {
		if (!(which & (1 << i)))
			continue;
		printf("%s%s", first ? "" : " ", fields[i]);
		first = 0;
	}
	putchar('\n');
	return fflush(stdout) ? 1 : 0;
}
