// SPDX-License-Identifier: GPL-2.0
/* basename: the last component of a path, with a suffix removed if given (POSIX's steps). */
#include <stdio.h>
#include <string.h>

#include "libcu.h"

int main(int argc, char **argv)
{
	cu_init(argc, argv, "STRING [SUFFIX]\nPrint STRING without its directories and SUFFIX.\n");
	int i = argc > 1 && !strcmp(argv[1], "--") ? 2 : 1;

	if (argc - i < 1 || argc - i > 2) {
		cu_warn(argc - i < 1 ? "missing operand" : "extra operand '%s'", argv[argc - 1]);
		cu_usage(1);
	}
	char *s = argv[i];
	size_t len = strlen(s);

	if (!len) {
		puts("");
		return 0;
	}
	while (len > 1 && s[len - 1] == '/')
		len--;
	if (len == 1 && s[0] == '/') {
		puts("/");
		return 0;
	}
	s[len] = 0;
	char *slash = strrchr(s, '/');

	if (slash)
		s = slash + 1;
	len = strlen(s);
	if (argc - i == 2) {
		size_t sl = strlen(argv[i + 1]);

		if (sl < len && !strcmp(s + len - sl, argv[i + 1]))
			s[len - sl] = 0;
	}
	puts(s);
	return fflush(stdout) ? 1 : 0;
}
