// SPDX-License-Identifier: GPL-2.0
/* Users and groups: see libowner.h. */
#include "libowner.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libcu.h"

static int number(const char *s, unsigned long *v)
{
	char *end;

	if (!*s)
		return -1;
	*v = strtoul(s, &end, 10);
	return *end ? -1 : 0;
}

int cu_parse_uid(const char *s, uid_t *out)
{
	struct passwd *pw = getpwnam(s);
	unsigned long v;

	if (pw) {
		*out = pw->pw_uid;
		return 0;
	}
	if (number(s, &v))
		return -1;
	*out = v;
	return 0;
}

int cu_parse_gid(const char *s, gid_t *out)
{
	struct group *gr = getgrnam(s);
	unsigned long v;

	if (gr) {
		*out = gr->gr_gid;
		return 0;
	}
	if (number(s, &v))
		return -1;
	*out = v;
	return 0;
}

/* A one-entry cache: ls -l asks about the same owner again and again. */
const char *cu_user_name(uid_t uid)
{
	static char buf[64];
	static uid_t last = (uid_t)-1;
	struct passwd *pw;

	if (uid == last && last != (uid_t)-1)
		return buf;
	pw = getpwuid(uid);
	if (pw)
		snprintf(buf, sizeof(buf), "%s", pw->pw_name);
	else
		snprintf(buf, sizeof(buf), "%u", (unsigned)uid);
	last = uid;
	return buf;
}

const char *cu_group_name(gid_t gid)
{
	static char buf[64];
	static gid_t last = (gid_t)-1;
	struct group *gr;

	if (gid == last && last != (gid_t)-1)
		return buf;
	gr = getgrgid(gid);
	if (gr)
		snprintf(buf, sizeof(buf), "%s", gr->gr_name);
	else
		snprintf(buf, sizeof(buf), "%u", (unsigned)gid);
	last = gid;
	return buf;
}

struct owner {
	uid_t uid;
	gid_t gid;
	int no_deref;
};

static int change(const char *path, const struct stat *st, int pre, int depth, void *arg)
{
	struct owner *o = arg;

	if (!pre)
		return 0;
	/* within a tree links are changed themselves, never followed */
	int flags = depth > 0 || o->no_deref ? AT_SYMLINK_NOFOLLOW : 0;

	if (fchownat(AT_FDCWD, path, o->uid, o->gid, flags)) {
		cu_warn_errno(path);
		return -1;
	}
	return 0;
}

int cu_chown_tree(const char *path, uid_t uid, gid_t gid, int recursive, int no_deref)
{
	struct owner o = { uid, gid, no_deref };
	struct stat st;

	if (!recursive) {
		if (fchownat(AT_FDCWD, path, uid, gid, no_deref ? AT_SYMLINK_NOFOLLOW : 0)) {
			cu_warn_errno(path);
			return 1;
		}
		return 0;
	}
	if (lstat(path, &st)) {
		cu_warn_errno(path);
		return 1;
	}
	return cu_walk(path, change, &o);
}
