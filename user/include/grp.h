#ifndef _GRP_H
#define _GRP_H
#include <bits/types.h>
struct group {
	char *gr_name, *gr_passwd;
	gid_t gr_gid;
	char **gr_mem;
};
struct group *getgrnam(const char *name);
struct group *getgrgid(gid_t gid);
void setgrent(void);
struct group *getgrent(void);
void endgrent(void);
/* setgroups(2) and initgroups(3) (Linux declares them here: not POSIX). */
#include <stddef.h>
int setgroups(size_t n, const gid_t *list);
int initgroups(const char *user, gid_t group);
#endif
