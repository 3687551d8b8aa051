/* setgroups(2) and initgroups(3): a login's supplementary groups from /etc/group. */
#include "libc.h"
#include <grp.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

/* Linux's NGROUPS_MAX is 65536: a login needs far fewer, and this lives on the stack. */
#define INITGROUPS_MAX 256

int setgroups(size_t n, const gid_t *list)
{
	return (int)__sysret(SYS_setgroups, n, list);
}

/* group plus every group of /etc/group that names user as a member. */
int initgroups(const char *user, gid_t group)
{
	gid_t list[INITGROUPS_MAX];
	size_t n = 0;
	struct group *gr;

	list[n++] = group;
	setgrent();
	while ((gr = getgrent()) && n < INITGROUPS_MAX) {
		if (gr->gr_gid == group)
			continue;
		for (char **m = gr->gr_mem; m && *m; m++) {
			if (!strcmp(*m, user)) {
				list[n++] = gr->gr_gid;
				break;
			}
		}
	}
	endgrent();
	return setgroups(n, list);
}
