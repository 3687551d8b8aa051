// SPDX-License-Identifier: GPL-2.0
/* false: does nothing, unsuccessfully (status 1), whatever its arguments. */
#include "libcu.h"

int main(int argc, char **argv)
{
	cu_init(argc, argv, "\nExit with status 1.\n");
	return 1;
}
