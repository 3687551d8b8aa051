// SPDX-License-Identifier: GPL-2.0
/* dirname: a path without its last component (POSIX's steps), for each operand. */
#include <stdio.h>
#include <string.h>

#include "libcu.h"

static void dirname_of(char *s)
{
	size_t len = strlen(s);

	while (len > 1 && s[len - 1] == '/')
		len--;
	while (len && s[len - 1] != '/')
		len--;
	if (!len) {
		puts(s[0] == '/' ? "/" : ".");
		return;
	}
	while (len > 1 && s[len - 1] == '/')
		len--;
	/* "//" alone is implementation-defined; like GNU we keep it only when it is the whole */
	s[len] = 0;
	puts(s);
}

int main(int argc, char **argv)
{
	cu_init(argc, argv, "NAME...\nPrint each NAME without its last component.\n");
	int i = argc > 1 && !strcmp(argv[1], "--") ? 2 : 1;

	if (i >= argc) {
		cu_warn("missing operand");
		cu_usage(1);
	}
	for (; i < argc; i++)
		dirname_of(argv[i]);
	return fflush(stdout) ? 1 : 0;
}
