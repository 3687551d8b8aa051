// SPDX-License-Identifier: GPL-2.0
/*
 * which: the path of each COMMAND that PATH would run: the first directory of PATH holding a
 * regular executable file of that name (every one with -a); an empty PATH element is the
 * current directory, a name with a slash is checked as it is. Like Debian's which, the exit
 * status is 0 if every command was found, 1 if some was not (or none was given), 2 for a
 * bad option.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libcu.h"

static int executable(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode) && !access(path, X_OK);
}

int main(int argc, char **argv)
{
	int opt, all = 0, status;

	cu_init(argc, argv,
		"[-a] COMMAND...\nWrite the path of the program PATH runs for each COMMAND.\n"
		"  -a  every match in PATH, not only the first\n"
		"Exit status: 0 if all were found, 1 if some were not, 2 for a bad option.\n");
	while ((opt = getopt(argc, argv, "a")) != -1) {
		if (opt != 'a')
			cu_usage(2);
		all = 1;
	}
	status = optind >= argc;
	const char *path = getenv("PATH");

	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (int i = optind; i < argc; i++) {
		const char *name = argv[i];
		int found = 0;

		if (strchr(name, '/')) {
			if (executable(name)) {
				puts(name);
				found = 1;
			}
		} else {
			const char *p = path;

			for (;;) {
				const char *colon = strchr(p, ':');
				size_t len = colon ? (size_t)(colon - p) : strlen(p);
				char *dir = len ? strndup(p, len) : strdup(".");
				char *full = malloc(strlen(dir) + strlen(name) + 2);

				sprintf(full, "%s/%s", dir, name);
				if (executable(full)) {
					puts(full);
					found = 1;
				}
				free(dir);
				free(full);
				if (!colon || (found && !all))
					break;
				p = colon + 1;
			}
		}
		if (!found)
			status = 1;
	}
	if (fflush(stdout) || ferror(stdout))
		return 2;
	return status;
}
