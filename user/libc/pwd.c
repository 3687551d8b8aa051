/* pwd.h and grp.h over /etc/passwd and /etc/group (no NSS: the files are the database). */
#include "libc.h"
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Split line at ':' into at most n fields; returns how many. */
static int split(char *line, char **f, int n)
{
	int k = 0;
	line[strcspn(line, "\n")] = 0;
	while (k < n) {
		f[k++] = line;
		line = strchr(line, ':');
		if (!line)
			break;
		*line++ = 0;
	}
	return k;
}

static FILE *pwf, *grf;
static char *pwline, *grline;
static size_t pwcap, grcap;
static struct passwd pwent;
static struct group grent;
static char **grmem;

void setpwent(void)
{
	if (pwf)
		rewind(pwf);
}

void endpwent(void)
{
	if (pwf)
		fclose(pwf);
	pwf = 0;
}

struct passwd *getpwent(void)
{
	char *f[7];
	if (!pwf && !(pwf = fopen("/etc/passwd", "re")))
		return 0;
	while (getline(&pwline, &pwcap, pwf) > 0) {
		if (split(pwline, f, 7) != 7)
			continue;
		pwent = (struct passwd){
			f[0], f[1], (uid_t)strtoul(f[2], 0, 10), (gid_t)strtoul(f[3], 0, 10), f[4],
			f[5], f[6]
		};
		return &pwent;
	}
	return 0;
}

static struct passwd *pw_find(const char *name, uid_t uid)
{
	struct passwd *p;
	int saved = errno;
	setpwent();
	while ((p = getpwent()))
		if (name ? !strcmp(p->pw_name, name) : p->pw_uid == uid)
			break;
	endpwent();
	errno = saved;
	return p;
}

struct passwd *getpwnam(const char *name)
{
	return pw_find(name, 0);
}
struct passwd *getpwuid(uid_t uid)
{
	return pw_find(0, uid);
}

static int pw_copy(struct passwd *src, struct passwd *pw, char *buf, size_t n, struct passwd **out)
{
	*out = 0;
	if (!src)
		return 0;
	char *s[5] = { src->pw_name, src->pw_passwd, src->pw_gecos, src->pw_dir, src->pw_shell };
	char **d[5] = { &pw->pw_name, &pw->pw_passwd, &pw->pw_gecos, &pw->pw_dir, &pw->pw_shell };
	size_t used = 0;
	for (int i = 0; i < 5; i++) {
		size_t l = strlen(s[i]) + 1;
		if (used + l > n)
			return ERANGE;
		*d[i] = memcpy(buf + used, s[i], l);
		used += l;
	}
	pw->pw_uid = src->pw_uid;
	pw->pw_gid = src->pw_gid;
	*out = pw;
	return 0;
}

int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t n, struct passwd **out)
{
	return pw_copy(getpwnam(name), pw, buf, n, out);
}

int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t n, struct passwd **out)
{
	return pw_copy(getpwuid(uid), pw, buf, n, out);
}

void setgrent(void)
{
	if (grf)
		rewind(grf);
}

void endgrent(void)
{
	if (grf)
		fclose(grf);
	grf = 0;
}

struct group *getgrent(void)
{
	char *f[4];
	if (!grf && !(grf = fopen("/etc/group", "re")))
		return 0;
	while (getline(&grline, &grcap, grf) > 0) {
		if (split(grline, f, 4) != 4)
			continue;
		size_t n = 1;
		for (char *p = f[3]; *p; p++)
			n += *p == ',';
		char **m = realloc(grmem, (n + 1) * sizeof(*m));
		if (!m)
			return 0;
		grmem = m;
		size_t k = 0;
		for (char *p = f[3], *e; *p; p = e) {
			e = strchrnul(p, ',');
			if (*e)
				*e++ = 0;
			m[k++] = p;
		}
		m[k] = 0;
		grent = (struct group){ f[0], f[1], (gid_t)strtoul(f[2], 0, 10), m };
		return &grent;
	}
	return 0;
}

static struct group *gr_find(const char *name, gid_t gid)
{
	struct group *g;
	int saved = errno;
	setgrent();
	while ((g = getgrent()))
		if (name ? !strcmp(g->gr_name, name) : g->gr_gid == gid)
			break;
	endgrent();
	errno = saved;
	return g;
}

struct group *getgrnam(const char *name)
{
	return gr_find(name, 0);
}
struct group *getgrgid(gid_t gid)
{
	return gr_find(0, gid);
}
