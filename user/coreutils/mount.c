// SPDX-License-Identifier: GPL-2.0
/*
 * mount: with no operand, lists the mounted file systems from /proc/mounts as util-linux
 * does ("SRC on DIR type TYPE (OPTIONS)", -t TYPE to list one type); "mount [-t TYPE]
 * [-o OPTIONS] [-r|-w] SRC DIR" mounts with mount(2), the options it knows becoming flags
 * and the rest the file system's data; "mount DIR" (or SRC) takes the rest from /etc/fstab;
 * -a mounts every /etc/fstab entry that is not "noauto" and not mounted yet.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>

#include "libcu.h"

static const struct {
	const char *name;
	unsigned long set, clear;
} flag_opts[] = {
	{ "defaults", 0, 0 },
	{ "rw", 0, MS_RDONLY },
	{ "ro", MS_RDONLY, 0 },
	{ "nosuid", MS_NOSUID, 0 },
	{ "suid", 0, MS_NOSUID },
	{ "nodev", MS_NODEV, 0 },
	{ "dev", 0, MS_NODEV },
	{ "noexec", MS_NOEXEC, 0 },
	{ "exec", 0, MS_NOEXEC },
	{ "sync", MS_SYNCHRONOUS, 0 },
	{ "async", 0, MS_SYNCHRONOUS },
	{ "remount", MS_REMOUNT, 0 },
	{ "mand", MS_MANDLOCK, 0 },
	{ "nomand", 0, MS_MANDLOCK },
	{ "dirsync", MS_DIRSYNC, 0 },
	{ "noatime", MS_NOATIME, 0 },
	{ "atime", 0, MS_NOATIME },
	{ "nodiratime", MS_NODIRATIME, 0 },
	{ "diratime", 0, MS_NODIRATIME },
	{ "bind", MS_BIND, 0 },
	{ "rbind", MS_BIND | MS_REC, 0 },
	{ "move", MS_MOVE, 0 },
	{ "relatime", MS_RELATIME, 0 },
	{ "norelatime", 0, MS_RELATIME },
	{ "strictatime", MS_STRICTATIME, 0 },
	{ "lazytime", MS_LAZYTIME, 0 },
	{ "silent", MS_SILENT, 0 },
	{ "private", MS_PRIVATE, 0 },
	{ "slave", MS_SLAVE, 0 },
	{ "shared", MS_SHARED, 0 },
	/* fstab's own words, not the kernel's */
	{ "auto", 0, 0 },
	{ "noauto", 0, 0 },
	{ "user", 0, 0 },
	{ "nouser", 0, 0 },
	{ "nofail", 0, 0 },
};

/* Splits an option list: flags into *flags, the rest appended to data (comma-separated). */
static void parse_opts(const char *opts, unsigned long *flags, char *data, size_t len)
{
	char *copy = strdup(opts), *save = NULL;

	if (!copy)
		cu_die(1, "out of memory");
	for (char *o = strtok_r(copy, ",", &save); o; o = strtok_r(NULL, ",", &save)) {
		size_t i, n = strlen(data);

		for (i = 0; i < sizeof(flag_opts) / sizeof(flag_opts[0]); i++)
			if (!strcmp(o, flag_opts[i].name))
				break;
		if (i < sizeof(flag_opts) / sizeof(flag_opts[0])) {
			*flags = (*flags & ~flag_opts[i].clear) | flag_opts[i].set;
			continue;
		}
		snprintf(data + n, len - n, "%s%s", n ? "," : "", o);
	}
	free(copy);
}

/* /proc/mounts escapes blanks and backslashes as \ooo; undone in place. */
static void unescape(char *s)
{
	char *d = s;

	while (*s) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*d++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 4;
		} else {
			*d++ = *s++;
		}
	}
	*d = '\0';
}

struct mntent_line {
	char *src, *dir, *type, *opts;
};

/* The next entry of a mounts or fstab file (comments and blank lines skipped); 0 at EOF. */
static int next_entry(FILE *f, char **line, size_t *cap, struct mntent_line *e)
{
	while (getline(line, cap, f) > 0) {
		char *save = NULL;

		if ((*line)[0] == '#')
			continue;
		e->src = strtok_r(*line, " \t\n", &save);
		e->dir = strtok_r(NULL, " \t\n", &save);
		e->type = strtok_r(NULL, " \t\n", &save);
		e->opts = strtok_r(NULL, " \t\n", &save);
		if (!e->src || !e->dir || e->src[0] == '#')
			continue;
		if (!e->type)
			e->type = "auto";
		if (!e->opts)
			e->opts = "defaults";
		unescape(e->src);
		unescape(e->dir);
		return 1;
	}
	return 0;
}

static int list(const char *only_type)
{
	FILE *f = fopen("/proc/mounts", "r");
	struct mntent_line e;
	char *line = NULL;
	size_t cap = 0;

	if (!f) {
		cu_warn_errno("/proc/mounts");
		return 1;
	}
	while (next_entry(f, &line, &cap, &e))
		if (!only_type || !strcmp(only_type, e.type))
			printf("%s on %s type %s (%s)\n", e.src, e.dir, e.type, e.opts);
	free(line);
	fclose(f);
	return fflush(stdout) ? 1 : 0;
}

static int is_mounted(const char *dir)
{
	FILE *f = fopen("/proc/mounts", "r");
	struct mntent_line e;
	char *line = NULL;
	size_t cap = 0;
	int found = 0;

	if (!f)
		return 0;
	while (!found && next_entry(f, &line, &cap, &e))
		found = !strcmp(e.dir, dir);
	free(line);
	fclose(f);
	return found;
}

static int do_mount(const char *src, const char *dir, const char *type, const char *opts,
		    unsigned long extra_flags)
{
	unsigned long flags = extra_flags;
	char data[4096] = "";

	if (opts)
		parse_opts(opts, &flags, data, sizeof(data));
	if (type && !strcmp(type, "auto"))
		type = NULL;
	if (!type && !(flags & (MS_BIND | MS_MOVE | MS_REMOUNT))) {
		cu_warn("%s: the file system type is needed (-t TYPE)", dir);
		return 32;
	}
	if (mount(src, dir, type, flags, data[0] ? data : NULL)) {
		cu_warn_errno(dir);
		return 32;
	}
	return 0;
}

/* An fstab entry by its directory or its source; 0 and the entry's fields copied, or -1. */
static int from_fstab(const char *what, char **src, char **dir, char **type, char **opts)
{
	FILE *f = fopen("/etc/fstab", "r");
	struct mntent_line e;
	char *line = NULL;
	size_t cap = 0;
	int found = -1;

	if (!f)
		return -1;
	while (found && next_entry(f, &line, &cap, &e)) {
		if (strcmp(e.dir, what) && strcmp(e.src, what))
			continue;
		*src = strdup(e.src);
		*dir = strdup(e.dir);
		*type = strdup(e.type);
		*opts = strdup(e.opts);
		found = 0;
	}
	free(line);
	fclose(f);
	return found;
}

static int mount_all(const char *only_type, unsigned long extra, const char *opts)
{
	FILE *f = fopen("/etc/fstab", "r");
	struct mntent_line e;
	char *line = NULL;
	size_t cap = 0;
	int status = 0;

	if (!f) {
		cu_warn_errno("/etc/fstab");
		return 1;
	}
	while (next_entry(f, &line, &cap, &e)) {
		char all[4096];

		if (strstr(e.opts, "noauto") || !strcmp(e.type, "swap") || !strcmp(e.dir, "/") ||
		    (only_type && strcmp(only_type, e.type)) || is_mounted(e.dir))
			continue;
		snprintf(all, sizeof(all), "%s%s%s", e.opts, opts ? "," : "", opts ? opts : "");
		if (do_mount(e.src, e.dir, e.type, all, extra))
			status = 32;
	}
	free(line);
	fclose(f);
	return status;
}

int main(int argc, char **argv)
{
	static const struct option longs[] = {
		{ "types", required_argument, NULL, 't' },
		{ "options", required_argument, NULL, 'o' },
		{ "read-only", no_argument, NULL, 'r' },
		{ "read-write", no_argument, NULL, 'w' },
		{ "all", no_argument, NULL, 'a' },
		{ "bind", no_argument, NULL, 'B' },
		{ "rbind", no_argument, NULL, 'R' },
		{ "move", no_argument, NULL, 'M' },
		{ "verbose", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	const char *type = NULL;
	char opts[4096] = "";
	unsigned long extra = 0;
	int opt, all = 0;

	cu_init(argc, argv,
		"[-t TYPE]\n"
		"   or: mount [-t TYPE] [-o OPTIONS] [-r|-w] [--bind|--rbind|--move] SRC DIR\n"
		"   or: mount [-o OPTIONS] DIR|SRC    (the rest from /etc/fstab)\n"
		"   or: mount -a [-t TYPE]            (every /etc/fstab entry but noauto ones)\n"
		"With no operand, list the mounted file systems (only TYPE's with -t).\n");
	while ((opt = getopt_long(argc, argv, "t:o:rwaBRMvnl", longs, NULL)) != -1) {
		size_t n = strlen(opts);

		switch (opt) {
		case 't':
			type = optarg;
			break;
		case 'o':
			snprintf(opts + n, sizeof(opts) - n, "%s%s", n ? "," : "", optarg);
			break;
		case 'r':
			snprintf(opts + n, sizeof(opts) - n, "%sro", n ? "," : "");
			break;
		case 'w':
			snprintf(opts + n, sizeof(opts) - n, "%srw", n ? "," : "");
			break;
		case 'a':
			all = 1;
			break;
		case 'B':
			extra |= MS_BIND;
			break;
		case 'R':
			extra |= MS_BIND | MS_REC;
			break;
		case 'M':
			extra |= MS_MOVE;
			break;
		case 'v':
		case 'n':
		case 'l':
			break; /* nothing to be verbose about; no mtab to skip; no labels */
		default:
			cu_usage(1);
		}
	}
	argc -= optind;
	argv += optind;
	if (all)
		return argc ? (cu_usage(1), 1) : mount_all(type, extra, opts[0] ? opts : NULL);
	if (argc == 0 && !opts[0] && !extra)
		return list(type);
	if (argc == 1) {
		char *src, *dir, *ftype, *fopts, all_opts[8192];

		/* "mount -o remount DIR" needs no fstab entry */
		if (strstr(opts, "remount") || (extra & MS_MOVE))
			return do_mount("none", argv[0], type, opts, extra);
		if (from_fstab(argv[0], &src, &dir, &ftype, &fopts)) {
			cu_warn("%s: not found in /etc/fstab", argv[0]);
			return 1;
		}
		snprintf(all_opts, sizeof(all_opts), "%s%s%s", fopts, opts[0] ? "," : "", opts);
		return do_mount(src, dir, type ? type : ftype, all_opts, extra);
	}
	if (argc != 2)
		cu_usage(1);
	return do_mount(argv[0], argv[1], type, opts[0] ? opts : NULL, extra);
}
