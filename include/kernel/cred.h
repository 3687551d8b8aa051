/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_CRED_H
#define _KERNEL_CRED_H

#include <kernel/atomic.h>
#include <kernel/types.h>

struct task_struct;

typedef u32 uid_t; /* as in kernel/fs.h (C11 allows the repeat) */
typedef u32 gid_t;

/*
 * Who a task acts as. A cred is immutable once a task uses it, and shared by reference: to
 * change its own credentials a task copies them (prepare_creds), edits the copy and
 * installs it (commit_creds), as on Linux. Another task's cred is read with get_task_cred,
 * which returns a reference the caller puts.
 */
struct group_info {
	atomic_t usage;
	int ngroups;
	gid_t gid[]; /* sorted, as Linux keeps them for groups_search */
};

#define NGROUPS_MAX 65536

struct cred {
	atomic_t usage;
	uid_t uid, euid, fsuid;
	gid_t gid, egid, fsgid;
	/* Saved ids and supplementary groups (set*id, setgroups: fs/cred.c); NULL: none. */
	uid_t suid;
	gid_t sgid;
	struct group_info *group_info;
};

/* Is gid the caller's fsgid or one of its supplementary groups? */
bool in_group_p(gid_t gid);

static inline const struct cred *get_cred(const struct cred *cred)
{
	if (cred)
		atomic_inc(&((struct cred *)cred)->usage);
	return cred;
}

void put_cred(const struct cred *cred);

/* A private copy of the caller's credentials to edit (usage 1), or NULL. */
struct cred *prepare_creds(void);
/* Installs new as the caller's credentials, consuming the reference; the old one is put. */
int commit_creds(struct cred *new);
/* Drops a prepared copy that was not committed. */
void abort_creds(struct cred *new);

/* The caller's credentials (root's for early kernel code without any). */
const struct cred *current_cred(void);
/* p's credentials, referenced; never NULL. */
const struct cred *get_task_cred(struct task_struct *p);

/* Task lifetime: a new task shares its creator's cred; the last put of a task drops it. */
void copy_creds(struct task_struct *p);
void exit_creds(struct task_struct *p);

#endif /* _KERNEL_CRED_H */
