/*
 * crypt(3)'s SHA-512 method and shadow.h. The expected hashes were made by the host's
 * OpenSSL 3.0 (scripts/crypt-vectors.sh prints them again), so that our implementation is
 * checked against another one, not against itself.
 */
#include "tap.h"
#include <errno.h>
#include <grp.h>
#include <shadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define P200                                                                                       \
	"pppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp" \
	"pppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp" \
	"pppppppppppppppppppppppp"

static const struct {
	const char *key, *setting, *hash;
} vec[] = {
	/* openssl passwd -6 -salt u5erSalt user */
	{ "user", "$6$u5erSalt",
	  "$6$u5erSalt$2o2Effb657egeCaZpx05Fh6rJyZAGXist1.oPQ.LNxAZMBVLnT0JWC7NYZt38j8yjAqyUCQrbc"
	  ".zAmSayk3ub/" },
	/* openssl passwd -6 -salt saltstring root */
	{ "root", "$6$saltstring",
	  "$6$saltstring$DdMx7.nV1ZynhlO7EO4TTn5gJugAa.k4jN2nRFAlHDSsA1gGewAT55AkcPA8aHi39qiSEC/J"
	  "gxw6MZ0ls9OrM0" },
	/* openssl passwd -6 -salt 'rounds=1000$roundstoolow' 'Hello world!' */
	{ "Hello world!", "$6$rounds=1000$roundstoolow",
	  "$6$rounds=1000$roundstoolow$VTiyBzzTJoDUzG2edg6tTfnH44buhC6xQa2y1SRnr1w/dVOBbXKE612uZ"
	  "FeIlMGZ8MgLiap2x5mD5IOra0fN00" },
	/* openssl passwd -6 -salt 'rounds=1400$anotherlongsaltstring' 'a very much longer ...' */
	{ "a very much longer text to encrypt.  This one even stretches over morethan one line.",
	  "$6$rounds=1400$anotherlongsaltstring",
	  "$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6IoYN3CmLs"
	  "66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1" },
	/* openssl passwd -6 -salt 'rounds=77777$short' 'we have a short salt string but ...' */
	{ "we have a short salt string but not a short password", "$6$rounds=77777$short",
	  "$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOx"
	  "FmtlcGZelFl5CxtgfiAc0" },
	/* openssl passwd -6 -salt 'rounds=10000$exactly16charsxx' x */
	{ "x", "$6$rounds=10000$exactly16charsxx",
	  "$6$rounds=10000$exactly16charsxx$rsfSRKcmauJ2RV.PvYO3tgcnD80hRGZeaUYnEBBGoezmAxcX5DsQUJ"
	  "NohbBmZqOMjI71/NUpEjDYfnMjA2NRd/" },
	/* openssl passwd -6 -salt 'rounds=10$toolow' pw: below the minimum, 1000 rounds */
	{ "pw", "$6$rounds=10$toolow",
	  "$6$rounds=1000$toolow$f0WLsSDCkw.eeBsQ.CSRYKLMYdJ4YiXiIQka3.sfQBMmOmvWgpx87u4o3NEQjaTYG"
	  "Dmwh76uIeGlqAjmJn2en0" },
	/* openssl passwd -6 -salt ThisSaltIsLongerThanSixteen "$(printf 'p%.0s' $(seq 200))" */
	{ P200, "$6$ThisSaltIsLongerThanSixteen",
	  "$6$ThisSaltIsLonger$mZ6BpYcN5NwV.NPEthVIIEnKPf/vDowA7QaM5L3TpJvFhLbE2kx6NHTxo1KgdPQpo8i"
	  "mKicNkkoLCRSYOgWmk0" },
};

static void test_vectors(void)
{
	for (size_t i = 0; i < sizeof(vec) / sizeof(vec[0]); i++) {
		const char *h = crypt(vec[i].key, vec[i].setting);

		tap_streq(h ? h : "(null)", vec[i].hash, "crypt %s", vec[i].setting);
	}
	/* A whole hash as the setting gives the same hash: how login checks a password. */
	for (size_t i = 0; i < sizeof(vec) / sizeof(vec[0]); i++) {
		const char *h = crypt(vec[i].key, vec[i].hash);

		tap_streq(h ? h : "(null)", vec[i].hash, "crypt with its own hash as setting %zu",
			  i);
	}
	const char *h = crypt("wrong", vec[0].hash);
	ok(h && strcmp(h, vec[0].hash), "a wrong password gives another hash");
}

/* A method we lack fails: NULL, or (musl) a string that can never match, starting with '*'. */
static void test_bad_setting(void)
{
	const char *h = crypt("x", "$9$nosuchmethod");

	ok(!h || h[0] == '*', "an unknown method fails");
}

static void test_shadow(void)
{
	char path[] = "/tmp/t_crypt.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w+") : NULL;
	struct spwd *sp;
	char line[256];

	if (!f) {
		tap_skip("shadow file", "no temporary file");
		return;
	}
	fputs("root::19000:0:99999:7:::\n", f);
	fputs("user:$6$x$y:19001::::::\n", f);
	rewind(f);
	sp = fgetspent(f);
	ok(sp && !strcmp(sp->sp_namp, "root") && !strcmp(sp->sp_pwdp, "") &&
		   sp->sp_lstchg == 19000 && sp->sp_min == 0 && sp->sp_max == 99999 &&
		   sp->sp_warn == 7 && sp->sp_inact == -1 && sp->sp_expire == -1,
	   "fgetspent parses a full line, empty fields are -1");
	sp = fgetspent(f);
	ok(sp && !strcmp(sp->sp_namp, "user") && !strcmp(sp->sp_pwdp, "$6$x$y") &&
		   sp->sp_lstchg == 19001 && sp->sp_max == -1,
	   "fgetspent's second entry");
	ok(!fgetspent(f), "fgetspent at the end");

	struct spwd w = { "bob", "$6$s$h", 19500, 0, 99999, 7, -1, -1, (unsigned long)-1 };
	rewind(f);
	if (ftruncate(fd, 0))
		perror("ftruncate");
	ok(putspent(&w, f) == 0, "putspent");
	fflush(f);
	rewind(f);
	ok(fgets(line, sizeof(line), f) != NULL, "putspent's line reads back");
	tap_streq(line, "bob:$6$s$h:19500:0:99999:7:::\n", "putspent's format");
	fclose(f);
	unlink(path);
}

/* initgroups: the group given comes first among the supplementary groups (root only). */
static void test_initgroups(void)
{
	int status;
	pid_t pid;

	if (geteuid()) {
		tap_skip("initgroups", "not root");
		return;
	}
	pid = fork();
	if (pid == 0) {
		gid_t list[64];
		int n;

		if (initgroups("nosuchuser-t_crypt", 4321))
			_exit(2);
		n = getgroups(64, list);
		_exit(n == 1 && list[0] == 4321 ? 0 : 3);
	}
	ok(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		   WEXITSTATUS(status) == 0,
	   "initgroups of a user in no group sets just the given one");
}

int main(void)
{
	tap_plan(2 * (int)(sizeof(vec) / sizeof(vec[0])) + 9);
	test_vectors();
	test_bad_setting();
	test_shadow();
	test_initgroups();
	return tap_done();
}
