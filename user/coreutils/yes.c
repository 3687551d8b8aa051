// SPDX-License-Identifier: GPL-2.0
/* yes: its operands (or "y") on a line, again and again, until the output goes away. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"

int main(int argc, char **argv)
{
	size_t len = 0, n = 0;
	char *line, *buf;

	cu_init(argc, argv, "[STRING]...\nRepeatedly output a line with the STRINGs, or 'y'.\n");
	int i = argc > 1 && !strcmp(argv[1], "--") ? 2 : 1;

	for (int j = i; j < argc; j++)
		len += strlen(argv[j]) + 1;
	if (i >= argc)
		len = 2;
	line = malloc(len + 1);
	if (!line)
		cu_die(1, "out of memory");
	if (i >= argc) {
		strcpy(line, "y\n");
	} else {
		line[0] = 0;
		for (int j = i; j < argc; j++) {
			strcat(line, argv[j]);
			strcat(line, j + 1 < argc ? " " : "\n");
		}
	}
	/* Whole lines in a big buffer: few writes, and a reader never sees half a line. */
	size_t reps = len < 8192 ? 8192 / len : 1;

	buf = malloc(reps * len);
	if (!buf)
		cu_die(1, "out of memory");
	for (size_t r = 0; r < reps; r++, n += len)
		memcpy(buf + n, line, len);
	for (;;) {
		if (cu_write_all(1, buf, n)) {
			cu_warn_errno("standard output");
			return 1;
		}
	}
}
