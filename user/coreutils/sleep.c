// SPDX-License-Identifier: GPL-2.0
/* sleep: waits the sum of its operands, each seconds with an optional fraction and s/m/h/d. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "libcu.h"

int main(int argc, char **argv)
{
	double total = 0;

	cu_init(argc, argv, "NUMBER[smhd]...\nPause for the sum of the NUMBERs of seconds.\n");
	int i = argc > 1 && !strcmp(argv[1], "--") ? 2 : 1;

	if (i >= argc) {
		cu_warn("missing operand");
		cu_usage(1);
	}
	for (; i < argc; i++) {
		char *end;
		double v = strtod(argv[i], &end);

		if (end == argv[i] || v < 0 || (*end && end[1]) || (*end && !strchr("smhd", *end)))
			cu_die(1, "invalid time interval '%s'", argv[i]);
		total += v * (*end == 'm' ? 60 : *end == 'h' ? 3600 : *end == 'd' ? 86400 : 1);
	}
	struct timespec ts = { (time_t)total, (long)((total - (time_t)total) * 1e9) };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
	return 0;
}
