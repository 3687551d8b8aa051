// SPDX-License-Identifier: GPL-2.0
/*
 * id: a user's ids: "uid=0(root) gid=0(root) groups=0(root)". -u, -g, -G print only the
 * uid, the gid or all group ids, as names with -n; -r the real instead of effective ids.
 * With a USER operand its passwd and group entries are used instead of this process's.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "libcu.h"
#include "libowner.h"

#define MAX_GROUPS 256

static int user_groups(const char *name, gid_t base, gid_t *list)
{
	struct group *gr;
	int n = 0;

	list[n++] = base;
	setgrent();
	while ((gr = getgrent()) && n < MAX_GROUPS) {
		if (gr->gr_gid == base)
			continue;
		for (char **m = gr->gr_mem; m && *m; m++) {
			if (!strcmp(*m, name)) {
				list[n++] = gr->gr_gid;
				break;
			}
		}
	}
	endgrent();
	return n;
}

int main(int argc, char **argv)
{
	int opt, only = 0, names = 0, real = 0, n;
	uid_t uid, euid;
	gid_t gid, egid, list[MAX_GROUPS];

	cu_init(argc, argv,
		"[-G|-g|-u] [-nr] [USER]\nPrint user and group ids.\n  -u  the user "
		"id\n  -g  the group id\n  -G  all group ids\n  -n  names instead of numbers\n"
		"  -r  real ids instead of effective ones\n");
	while ((opt = getopt(argc, argv, "ugGnr")) != -1) {
		switch (opt) {
		case 'u':
		case 'g':
		case 'G':
			if (only && only != opt)
				cu_die(1, "cannot print \"only\" of more than one choice");
			only = opt;
			break;
		case 'n':
			names = 1;
			break;
		case 'r':
			real = 1;
			break;
		default:
			cu_usage(1);
		}
	}
	if ((names || real) && !only)
		cu_die(1, "cannot print only names or real IDs in default format");
	if (argc - optind > 1) {
		cu_warn("extra operand '%s'", argv[optind + 1]);
		cu_usage(1);
	}
	if (optind < argc) {
		struct passwd *pw = getpwnam(argv[optind]);
		uid_t u;

		if (!pw && !cu_parse_uid(argv[optind], &u))
			pw = getpwuid(u);
		if (!pw)
			cu_die(1, "'%s': no such user", argv[optind]);
		uid = euid = pw->pw_uid;
		gid = egid = pw->pw_gid;
		n = user_groups(pw->pw_name, gid, list);
	} else {
		uid = getuid();
		euid = geteuid();
		gid = getgid();
		egid = getegid();
		list[0] = egid;
		n = getgroups(MAX_GROUPS - 1, list + 1);
		if (n < 0)
			n = 0;
		/* the effective gid first, then the others once each */
		int k = 1;

		for (int i = 1; i <= n; i++)
			if (list[i] != egid)
				list[k++] = list[i];
		n = k;
	}
	if (only == 'u') {
		uid_t v = real ? uid : euid;

		names ? puts(cu_user_name(v)) : printf("%u\n", (unsigned)v);
	} else if (only == 'g') {
		gid_t v = real ? gid : egid;

		names ? puts(cu_group_name(v)) : printf("%u\n", (unsigned)v);
	} else if (only == 'G') {
		for (int i = 0; i < n; i++) {
			if (names)
				printf("%s%s", i ? " " : "", cu_group_name(list[i]));
			else
				printf("%s%u", i ? " " : "", (unsigned)list[i]);
		}
		putchar('\n');
	} else {
		printf("uid=%u(%s)", (unsigned)uid, cu_user_name(uid));
		printf(" gid=%u(%s)", (unsigned)gid, cu_group_name(gid));
		if (euid != uid)
			printf(" euid=%u(%s)", (unsigned)euid, cu_user_name(euid));
		if (egid != gid)
			printf(" egid=%u(%s)", (unsigned)egid, cu_group_name(egid));
		printf(" groups=");
		for (int i = 0; i < n; i++)
			printf("%s%u(%s)", i ? "," : "", (unsigned)list[i], cu_group_name(list[i]));
		putchar('\n');
	}
	return fflush(stdout) ? 1 : 0;
}
