// SPDX-License-Identifier: GPL-2.0
/* true: does nothing, successfully. POSIX gives it no options; --help is ours. */
#include "libcu.h"

int main(int argc, char **argv)
{
	cu_init(argc, argv, "\nExit with status 0.\n");
	return 0;
}
