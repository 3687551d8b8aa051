// SPDX-License-Identifier: GPL-2.0
/* sync: writes every file system's cached data out (sync(2)). */
#include <unistd.h>

#include "libcu.h"

int main(int argc, char **argv)
{
	cu_init(argc, argv, "\nWrite cached data out to the disks.\n");
	sync();
	return 0;
}
