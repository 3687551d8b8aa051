/* SPDX-License-Identifier: GPL-2.0 */
/* Users and groups by name or number, for chown, chgrp, id and ls (libowner.c). */
#ifndef _LIBOWNER_H
#define _LIBOWNER_H

#include <sys/types.h>

/* A user name or decimal uid; -1 if neither. */
int cu_parse_uid(const char *s, uid_t *out);
int cu_parse_gid(const char *s, gid_t *out);
/* The name, or the number as text when there is none (a static buffer per call site kind). */
const char *cu_user_name(uid_t uid);
const char *cu_group_name(gid_t gid);
/* chown and chgrp: change (or with -R, walk) one operand. */
int cu_chown_tree(const char *path, uid_t uid, gid_t gid, int recursive, int no_deref);

#endif
