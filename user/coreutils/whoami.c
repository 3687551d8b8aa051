// SPDX-License-Identifier: GPL-2.0
/* whoami: the name of the effective user (id -un). */
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

#include "libcu.h"

int main(int argc, char **argv)
{
	cu_init(argc, argv, "\nPrint the name of the effective user.\n");
	if (argc > 1) {
		cu_warn("extra operand '%s'", argv[1]);
		cu_usage(1);
	}
	uid_t uid = geteuid();
	struct passwd *pw = getpwuid(uid);

	if (!pw)
		cu_die(1, "cannot find name for user ID %u", (unsigned)uid);
	puts(pw->pw_name);
	return fflush(stdout) ? 1 : 0;
}
