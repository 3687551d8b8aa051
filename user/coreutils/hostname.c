// SPDX-License-Identifier: GPL-2.0
/* hostname: prints the host name, or sets it to the operand (which needs privilege). */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"

int main(int argc, char **argv)
{
	char name[256];

	cu_init(argc, argv, "[NAME]\nPrint or set the host name.\n");
	if (argc > 2) {
		cu_warn("extra operand '%s'", argv[2]);
		cu_usage(1);
	}
	if (argc == 2) {
		if (sethostname(argv[1], strlen(argv[1]))) {
			cu_warn_errno("sethostname");
			return 1;
		}
		return 0;
	}
	if (gethostname(name, sizeof(name))) {
		cu_warn_errno("gethostname");
		return 1;
	}
	puts(name);
	return fflush(stdout) ? 1 : 0;
}
