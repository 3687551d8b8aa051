// SPDX-License-Identifier: GPL-2.0
/*
 * passwd: changes a password in /etc/shadow. A user changes their own, after giving the old
 * one (unless it is empty); root changes anybody's without. The new hash is SHA-512 crypt
 * with 5000 rounds and a random 16-character salt. /etc/shadow is rewritten whole into
 * /etc/shadow+ (created exclusively: it is the lock too), synced, and renamed over the old
 * one, so that a crash leaves the old file or the new one, never half of either.
 * Set-user-ID root in the image (user/rootfs.perms).
 *
 * usage: passwd [-d] [USER]      -d (root): remove the password (login needs none)
 */
#include "libauth.h"
#include <errno.h>
#include <fcntl.h>
#include <shadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *prog_name = "passwd";

#define SHADOW "/etc/shadow"
#define SHADOW_TMP "/etc/shadow+"

static void usage(FILE *f)
{
	fprintf(f, "usage: passwd [-d] [USER]\n"
		   "Changes USER's password (yours by default; root may change anyone's).\n"
		   "  -d  remove the password: USER logs in without one (root only)\n");
}

/* "$6$" and 16 salt characters from getrandom. */
static int make_setting(char *buf, size_t n)
{
	static const char b64[] =
		"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	unsigned char r[16];

	if (n < 3 + sizeof(r) + 1 || getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
		return -1;
	memcpy(buf, "$6$", 3);
	for (size_t i = 0; i < sizeof(r); i++)
		buf[3 + i] = b64[r[i] & 63];
	buf[3 + sizeof(r)] = 0;
	return 0;
}

/* Copies /etc/shadow with user's line (added if missing) holding hash; 0 or -1. */
static int write_shadow(const char *user, const char *hash)
{
	FILE *in = fopen(SHADOW, "re"), *out;
	long today = (long)(time(NULL) / 86400);
	struct stat st = { .st_mode = 0640, .st_uid = 0, .st_gid = 0 };
	int fd, found = 0, err = 0;
	struct spwd *sp;

	if (in && fstat(fileno(in), &st))
		err = errno;
	fd = open(SHADOW_TMP, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		auth_warn(errno, errno == EEXIST ? "%s exists: is another passwd running?" : "%s",
			  SHADOW_TMP);
		if (in)
			fclose(in);
		return -1;
	}
	out = fdopen(fd, "w");
	while (in && out && (sp = fgetspent(in))) {
		if (!strcmp(sp->sp_namp, user)) {
			sp->sp_pwdp = (char *)hash;
			sp->sp_lstchg = today;
			found = 1;
		}
		if (putspent(sp, out))
			err = errno ? errno : EIO;
	}
	if (!found && out) {
		struct spwd add = { (char *)user, (char *)hash,	    today, 0, 99999, 7, -1,
				    -1,		  (unsigned long)-1 };

		if (putspent(&add, out))
			err = errno ? errno : EIO;
	}
	if (in)
		fclose(in);
	if (!out || fflush(out) || fchown(fd, st.st_uid, st.st_gid) ||
	    fchmod(fd, st.st_mode & 07777) || fsync(fd))
		err = errno ? errno : EIO;
	if (out)
		fclose(out);
	else
		close(fd);
	if (!err && rename(SHADOW_TMP, SHADOW))
		err = errno;
	if (err) {
		auth_warn(err, "cannot write %s", SHADOW);
		unlink(SHADOW_TMP);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char old[256], new1[256], new2[256], setting[32];
	int del = 0, i = 1, ret = 1;
	const char *hash, *user;
	struct passwd *pw;
	uid_t me = getuid();

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "-d")) {
			del = 1;
		} else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else {
			auth_warn(0, "unknown option %s", argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if (argc - i > 1) {
		usage(stderr);
		return 2;
	}
	if (geteuid() != 0) {
		auth_warn(0, "must be set-user-ID root to work");
		return 1;
	}
	pw = i < argc ? getpwnam(argv[i]) : getpwuid(me);
	if (!pw) {
		auth_warn(0, "user %s does not exist", i < argc ? argv[i] : "(you)");
		return 1;
	}
	user = pw->pw_name;
	if (me != 0 && (pw->pw_uid != me || del)) {
		auth_warn(EPERM, "%s", user);
		return 1;
	}
	printf("Changing password for %s.\n", user);
	hash = auth_hash(pw);
	if (me != 0 && (!hash || hash[0])) {
		if (!auth_read_password("Current password: ", old, sizeof(old)))
			return 1;
		if (!auth_check(hash, old)) {
			sleep(AUTH_FAIL_DELAY);
			auth_warn(0, "Authentication token manipulation error");
			goto out;
		}
	}
	if (del) {
		hash = "";
	} else {
		if (!auth_read_password("New password: ", new1, sizeof(new1)) ||
		    !auth_read_password("Retype new password: ", new2, sizeof(new2)))
			goto out;
		if (strcmp(new1, new2)) {
			auth_warn(0, "Passwords do not match; password unchanged");
			goto out;
		}
		if (!new1[0]) {
			auth_warn(0,
				  "No password given; password unchanged (passwd -d removes it)");
			goto out;
		}
		if (make_setting(setting, sizeof(setting)) || !(hash = crypt(new1, setting))) {
			auth_warn(errno, "cannot hash the password");
			goto out;
		}
	}
	if (!write_shadow(user, hash)) {
		printf("passwd: password updated successfully\n");
		ret = 0;
	}
out:
	memset(old, 0, sizeof(old));
	memset(new1, 0, sizeof(new1));
	memset(new2, 0, sizeof(new2));
	return ret;
}
