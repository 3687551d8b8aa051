/* SPDX-License-Identifier: GPL-2.0 */
/* Canonical absolute paths for readlink -f/-e/-m and realpath (libpath.c). */
#ifndef _LIBPATH_H
#define _LIBPATH_H

enum {
	CANON_ALL_EXIST = 1, /* every component must exist (realpath -e, readlink -e) */
	CANON_LAST_MAY_MISS, /* all but the last (readlink -f, realpath's default) */
	CANON_MISSING_OK, /* none need exist (-m) */
};

/*
 * The absolute path without ".", "..", doubled slashes or symbolic links (each resolved as
 * it is met, up to 40 deep), in a malloc'd string; NULL with errno set on failure.
 */
char *cu_canonicalize(const char *path, int mode);
/* Without resolving links: "." and ".." and slashes only (realpath -s). */
char *cu_normalize(const char *path);

#endif
