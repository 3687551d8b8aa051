// SPDX-License-Identifier: GPL-2.0
/*
 * login: asks for a name (unless given) and a password, checks it against /etc/shadow, and
 * starts the user's session: the terminal given to the user, groups, gid, uid, HOME, SHELL,
 * USER, LOGNAME, PATH, the home directory, /etc/motd, and the shell as a login shell.
 *
 * usage: login [-p] [-f] [-h HOST] [--] [USER]
 *
 * -f: no password (only root may ask; getty -a does). -p: keep the environment. A user whose
 * hash is empty logs in without a password. A wrong password, or a user that does not exist,
 * costs AUTH_FAIL_DELAY seconds and says "Login incorrect"; three of them end login.
 */
#include "libauth.h"
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

const char *prog_name = "login";

#define TRIES 3

static void usage(FILE *f)
{
	fprintf(f, "usage: login [-p] [-f] [-h HOST] [--] [USER]\n"
		   "Checks USER's password and starts USER's login shell on this terminal.\n"
		   "  -f       no password (root only)\n"
		   "  -p       keep the environment\n"
		   "  -h HOST  the remote host (accepted, not used)\n");
}

static int read_name(char *name, size_t n)
{
	struct utsname u;

	if (uname(&u))
		strcpy(u.nodename, "localhost");
	do {
		printf("%s login: ", u.nodename);
		fflush(stdout);
		if (!fgets(name, (int)n, stdin))
			return -1;
		name[strcspn(name, "\n")] = 0;
	} while (!name[0]);
	return 0;
}

/* The terminal becomes the user's: theirs to read, the tty group's to write to (write(1)). */
static void give_tty(const struct passwd *pw)
{
	char *tty = ttyname(0);
	struct group *gr;

	if (!tty)
		return;
	gr = getgrnam("tty");
	if (chown(tty, pw->pw_uid, gr ? gr->gr_gid : pw->pw_gid) || chmod(tty, gr ? 0620 : 0600))
		auth_warn(errno, "%s", tty);
}

static void print_motd(void)
{
	FILE *f = fopen("/etc/motd", "re");
	char buf[512];
	size_t n;

	if (!f)
		return;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stdout);
	fclose(f);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	int force = 0, keep_env = 0, i;
	char name[64], password[256];
	const char *user = NULL;
	struct passwd *pw = NULL;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else if (!strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "-f")) {
			force = 1;
		} else if (!strcmp(argv[i], "-p")) {
			keep_env = 1;
		} else if (!strcmp(argv[i], "-h") && i + 1 < argc) {
			i++;
		} else {
			auth_warn(0, "unknown option %s", argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if (i < argc)
		user = argv[i++];
	if (i < argc) {
		usage(stderr);
		return 2;
	}
	if (geteuid() != 0) {
		auth_warn(0, "must be run by root (it changes users)");
		return 1;
	}
	if (force && getuid() != 0) {
		auth_warn(0, "-f: %s", strerror(EPERM));
		return 1;
	}
	for (int tries = 0;; tries++) {
		const char *hash;

		if (!user) {
			if (read_name(name, sizeof(name)))
				return 1;
			user = name;
		}
		pw = getpwnam(user);
		hash = pw ? auth_hash(pw) : NULL;
		if (pw && (force || (hash && !hash[0])))
			break;
		if (!auth_read_password("Password: ", password, sizeof(password)))
			return 1;
		if (pw && auth_check(hash, password))
			break;
		memset(password, 0, sizeof(password));
		sleep(AUTH_FAIL_DELAY);
		printf("Login incorrect\n");
		fflush(stdout);
		if (tries + 1 == TRIES)
			return 1;
		force = 0;
		user = NULL;
	}
	memset(password, 0, sizeof(password));
	give_tty(pw);
	if (auth_become(pw))
		return 1;
	if (chdir(pw->pw_dir)) {
		printf("No home directory %s: %s; logging in with HOME=/\n", pw->pw_dir,
		       strerror(errno));
		chdir("/");
		pw->pw_dir = "/";
	}
	print_motd();
	auth_exec_shell(pw, auth_shell(pw), keep_env ? AUTH_ENV_SU : AUTH_ENV_LOGIN, 1, NULL);
	return 1;
}
