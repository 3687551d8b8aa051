/* SPDX-License-Identifier: GPL-2.0 */
/* Copying files and trees, for cp and for mv across file systems (libcopy.c). */
#ifndef _LIBCOPY_H
#define _LIBCOPY_H

struct copy_opts {
	int recursive; /* -R: directories and their contents */
	int preserve; /* -p: mode, owner and times */
	int no_deref; /* -P: copy symbolic links as links (-R's and -a's default) */
	int deref_args; /* -H: follow links named as operands only */
	int interactive; /* -i: ask before overwriting */
	int force; /* -f: remove a destination that cannot be opened */
	int no_clobber; /* -n: never overwrite */
	int verbose; /* -v: say what is copied */
};

/* Copies src to dst (dst is the final name, not a directory to copy into). 0 or 1. */
int cu_copy(const char *src, const char *dst, const struct copy_opts *o);
/* Asks "prog: overwrite 'path'? " on stderr; 1 for yes. */
int cu_ask_overwrite(const char *path);

#endif
