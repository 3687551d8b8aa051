// SPDX-License-Identifier: GPL-2.0
/*
 * su: runs a shell (or -c COMMAND) as another user, root by default. Root needs no password,
 * nor does a user whose hash is empty; anybody else gives the target's. Set-user-ID root in
 * the image (user/rootfs.perms): it needs root's powers to change ids.
 *
 * usage: su [-|-l|--login] [-m|-p] [-s SHELL] [-c COMMAND] [USER]
 *
 * With "-" the session is a login's: environment cleared (TERM kept), PATH set, the home
 * directory, a login shell. Without it HOME and SHELL change, and USER and LOGNAME unless
 * the target is root (as util-linux's su). -m keeps the environment as it is.
 */
#include "libauth.h"
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *prog_name = "su";

static void usage(FILE *f)
{
	fprintf(f, "usage: su [-|-l|--login] [-m|-p] [-s SHELL] [-c COMMAND] [USER]\n"
		   "Runs a shell as USER (root by default), asking for USER's password unless\n"
		   "the caller is root.\n"
		   "  -, -l, --login  a login session: clean environment, USER's home directory\n"
		   "  -c COMMAND      run COMMAND with the shell's -c\n"
		   "  -s SHELL        this shell instead of USER's\n"
		   "  -m, -p          keep the environment\n");
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "login", no_argument, NULL, 'l' },
		{ "command", required_argument, NULL, 'c' },
		{ "shell", required_argument, NULL, 's' },
		{ "preserve-environment", no_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'H' },
		{ NULL, 0, NULL, 0 },
	};
	const char *user = "root", *cmd = NULL, *shell = NULL;
	int login = 0, keep = 0, c;
	char password[256];
	struct passwd *pw;

	for (int i = 1; i < argc; i++) {
		/* A lone "-" is --login, wherever it stands before the user. */
		if (!strcmp(argv[i], "-")) {
			login = 1;
			memmove(argv + i, argv + i + 1, (size_t)(argc - i) * sizeof(*argv));
			argc--;
			break;
		}
	}
	const char *target = NULL;

	/* Options may come after the user too ("su - root -c CMD"), as util-linux's allow. */
	for (;;) {
		c = getopt_long(argc, argv, "+lc:s:mp", longopts, NULL);
		if (c == -1) {
			if (optind < argc && !target) {
				target = argv[optind++];
				continue;
			}
			break;
		}
		switch (c) {
		case 'l':
			login = 1;
			break;
		case 'c':
			cmd = optarg;
			break;
		case 's':
			shell = optarg;
			break;
		case 'm':
		case 'p':
			keep = 1;
			break;
		case 'H':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (target)
		user = target;
	if (optind < argc) {
		usage(stderr);
		return 2;
	}
	if (geteuid() != 0) {
		auth_warn(0, "must be set-user-ID root to work");
		return 1;
	}
	pw = getpwnam(user);
	if (!pw) {
		auth_warn(0, "user %s does not exist", user);
		return 1;
	}
	if (getuid() != 0) {
		const char *hash = auth_hash(pw);

		if (!hash || hash[0]) {
			if (!auth_read_password("Password: ", password, sizeof(password)))
				return 1;
			if (!auth_check(hash, password)) {
				memset(password, 0, sizeof(password));
				sleep(AUTH_FAIL_DELAY);
				auth_warn(0, "Authentication failure");
				return 1;
			}
			memset(password, 0, sizeof(password));
		}
	}
	if (!shell)
		shell = keep && !login && getenv("SHELL") ? getenv("SHELL") : auth_shell(pw);
	if (auth_become(pw))
		return 1;
	if (login && chdir(pw->pw_dir)) {
		auth_warn(errno, "warning: cannot change directory to %s", pw->pw_dir);
		return 1;
	}
	auth_exec_shell(pw, shell,
			login  ? AUTH_ENV_LOGIN
			: keep ? AUTH_ENV_KEEP
			       : AUTH_ENV_SU,
			login, cmd);
	return 126;
}
