// SPDX-License-Identifier: GPL-2.0
/*
 * Credentials, reference-counted and immutable once in use (see include/kernel/cred.h).
 * They live here beside the permission checks that read them; Linux keeps them in
 * kernel/cred.c.
 *
 * Locking: task_cred_lock covers the cred pointer of a task for readers on other tasks
 * (get_task_cred) against its owner replacing it (commit_creds). The owner reads its own
 * without the lock: only it changes it.
 */
#include <asm/uaccess.h>
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/syscalls.h>
#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/spinlock.h>

/* Early kernel code, and tasks made before credentials existed, act as root. */
static struct cred root_cred = { .usage = ATOMIC_INIT(1) };
static DEFINE_SPINLOCK(task_cred_lock);

const struct cred *current_cred(void)
{
	return current->cred ? current->cred : &root_cred;
}

void put_cred(const struct cred *cred)
{
	struct cred *c = (struct cred *)cred;

	if (!c)
		return;
	/* Static creds (root's, init's) hold a reference of their own and never reach 0. */
	if (atomic_dec_and_test(&c->usage)) {
		if (c->group_info && atomic_dec_and_test(&c->group_info->usage))
			kfree(c->group_info);
		kfree(c);
	}
}

struct cred *prepare_creds(void)
{
	struct cred *new = kmalloc(sizeof(*new), GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *current_cred();
	atomic_set(&new->usage, 1);
	if (new->group_info)
		atomic_inc(&new->group_info->usage);
	return new;
}

int commit_creds(struct cred *new)
{
	const struct cred *old;
	unsigned long flags;

	BUG_ON(atomic_read(&new->usage) < 1);
	spin_lock_irqsave(&task_cred_lock, flags);
	old = current->cred;
	/*
	 * As Linux's commit_creds: a process whose effective or file-system ids change may hold
	 * what its new self should not show, so it leaves no core (PR_SET_DUMPABLE 0) until an
	 * execve or prctl says otherwise.
	 */
	if (old && (old->euid != new->euid || old->egid != new->egid || old->fsuid != new->fsuid ||
		    old->fsgid != new->fsgid))
		current->dumpable = false;
	current->cred = new;
	spin_unlock_irqrestore(&task_cred_lock, flags);
	put_cred(old);
	return 0;
}

void abort_creds(struct cred *new)
{
	put_cred(new);
}

const struct cred *get_task_cred(struct task_struct *p)
{
	const struct cred *cred;
	unsigned long flags;

	spin_lock_irqsave(&task_cred_lock, flags);
	cred = get_cred(p->cred ? p->cred : &root_cred);
	spin_unlock_irqrestore(&task_cred_lock, flags);
	return cred;
}

void copy_creds(struct task_struct *p)
{
	p->cred = get_cred(current->cred);
}

void exit_creds(struct task_struct *p)
{
	const struct cred *cred;
	unsigned long flags;

	spin_lock_irqsave(&task_cred_lock, flags);
	cred = p->cred;
	p->cred = NULL;
	spin_unlock_irqrestore(&task_cred_lock, flags);
	put_cred(cred);
}

/* ---- the set*id family: Linux's rules, with euid 0 holding every capability ----------- */

bool in_group_p(gid_t gid)
{
	const struct cred *c = current_cred();
	const struct group_info *gi = c->group_info;

	if (c->fsgid == gid)
		return true;
	for (int i = 0; gi && i < gi->ngroups; i++)
		if (gi->gid[i] == gid)
			return true;
	return false;
}

/* CAP_SETUID and CAP_SETGID: root's (euid 0) only; there are no capability sets here. */
static bool capable_setid(const struct cred *old)
{
	return old->euid == 0;
}

#define INVALID_ID ((u32)-1)

static long commit_or_abort(struct cred *new, long err)
{
	if (err) {
		abort_creds(new);
		return err;
	}
	return commit_creds(new);
}

long sys_setuid(uid_t uid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (uid == INVALID_ID)
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable_setid(old)) {
		new->uid = new->suid = uid;
	} else if (uid != old->uid && uid != old->suid) {
		return commit_or_abort(new, -EPERM);
	}
	new->euid = new->fsuid = uid;
	return commit_or_abort(new, 0);
}

long sys_setgid(gid_t gid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (gid == INVALID_ID)
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable_setid(old)) {
		new->gid = new->sgid = gid;
	} else if (gid != old->gid && gid != old->sgid) {
		return commit_or_abort(new, -EPERM);
	}
	new->egid = new->fsgid = gid;
	return commit_or_abort(new, 0);
}

/*
 * setreuid: the real id may become the effective one (or stay); the effective id any of
 * real, effective, saved; root anything. The saved id follows the new effective id when
 * the real id is set or the effective id becomes other than the old real one.
 */
long sys_setreuid(uid_t ruid, uid_t euid)
{
	const struct cred *old = current_cred();
	bool cap = capable_setid(old);
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	if (ruid != INVALID_ID) {
		if (ruid != old->uid && ruid != old->euid && !cap)
			return commit_or_abort(new, -EPERM);
		new->uid = ruid;
	}
	if (euid != INVALID_ID) {
		if (euid != old->uid && euid != old->euid && euid != old->suid && !cap)
			return commit_or_abort(new, -EPERM);
		new->euid = euid;
	}
	if (ruid != INVALID_ID || (euid != INVALID_ID && euid != old->uid))
		new->suid = new->euid;
	new->fsuid = new->euid;
	return commit_or_abort(new, 0);
}

long sys_setregid(gid_t rgid, gid_t egid)
{
	const struct cred *old = current_cred();
	bool cap = capable_setid(old);
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	if (rgid != INVALID_ID) {
		if (rgid != old->gid && rgid != old->egid && !cap)
			return commit_or_abort(new, -EPERM);
		new->gid = rgid;
	}
	if (egid != INVALID_ID) {
		if (egid != old->gid && egid != old->egid && egid != old->sgid && !cap)
			return commit_or_abort(new, -EPERM);
		new->egid = egid;
	}
	if (rgid != INVALID_ID || (egid != INVALID_ID && egid != old->gid))
		new->sgid = new->egid;
	new->fsgid = new->egid;
	return commit_or_abort(new, 0);
}

/* Each id given must be one of the three current ones, unless the caller is root. */
static bool id_allowed(u32 id, u32 r, u32 e, u32 s, bool cap)
{
	return id == INVALID_ID || cap || id == r || id == e || id == s;
}

long sys_setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	const struct cred *old = current_cred();
	bool cap = capable_setid(old);
	struct cred *new;

	if (!id_allowed(ruid, old->uid, old->euid, old->suid, cap) ||
	    !id_allowed(euid, old->uid, old->euid, old->suid, cap) ||
	    !id_allowed(suid, old->uid, old->euid, old->suid, cap))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != INVALID_ID)
		new->uid = ruid;
	if (euid != INVALID_ID)
		new->euid = euid;
	if (suid != INVALID_ID)
		new->suid = suid;
	new->fsuid = new->euid;
	return commit_or_abort(new, 0);
}

long sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	const struct cred *old = current_cred();
	bool cap = capable_setid(old);
	struct cred *new;

	if (!id_allowed(rgid, old->gid, old->egid, old->sgid, cap) ||
	    !id_allowed(egid, old->gid, old->egid, old->sgid, cap) ||
	    !id_allowed(sgid, old->gid, old->egid, old->sgid, cap))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != INVALID_ID)
		new->gid = rgid;
	if (egid != INVALID_ID)
		new->egid = egid;
	if (sgid != INVALID_ID)
		new->sgid = sgid;
	new->fsgid = new->egid;
	return commit_or_abort(new, 0);
}

long sys_getresuid(uid_t __user *ruid, uid_t __user *euid, uid_t __user *suid)
{
	const struct cred *c = current_cred();

	if (put_user(c->uid, ruid) || put_user(c->euid, euid) || put_user(c->suid, suid))
		return -EFAULT;
	return 0;
}

long sys_getresgid(gid_t __user *rgid, gid_t __user *egid, gid_t __user *sgid)
{
	const struct cred *c = current_cred();

	if (put_user(c->gid, rgid) || put_user(c->egid, egid) || put_user(c->sgid, sgid))
		return -EFAULT;
	return 0;
}

/* Always the old fsuid; changed only to one of the ids the caller has, or by root. */
long sys_setfsuid(uid_t uid)
{
	const struct cred *old = current_cred();
	long ret = old->fsuid;
	struct cred *new;

	if (uid == INVALID_ID)
		return ret;
	if (!capable_setid(old) && uid != old->uid && uid != old->euid && uid != old->suid &&
	    uid != old->fsuid)
		return ret;
	new = prepare_creds();
	if (!new)
		return ret;
	new->fsuid = uid;
	commit_creds(new);
	return ret;
}

long sys_setfsgid(gid_t gid)
{
	const struct cred *old = current_cred();
	long ret = old->fsgid;
	struct cred *new;

	if (gid == INVALID_ID)
		return ret;
	if (!capable_setid(old) && gid != old->gid && gid != old->egid && gid != old->sgid &&
	    gid != old->fsgid)
		return ret;
	new = prepare_creds();
	if (!new)
		return ret;
	new->fsgid = gid;
	commit_creds(new);
	return ret;
}

long sys_getgroups(int size, gid_t __user *list)
{
	const struct group_info *gi = current_cred()->group_info;
	int n = gi ? gi->ngroups : 0;

	if (size < 0)
		return -EINVAL;
	if (!size)
		return n;
	if (size < n)
		return -EINVAL;
	if (n && copy_to_user(list, gi->gid, n * sizeof(gid_t)))
		return -EFAULT;
	return n;
}

long sys_setgroups(int size, const gid_t __user *list)
{
	struct group_info *gi = NULL;
	struct cred *new;

	if (!capable_setid(current_cred()))
		return -EPERM;
	if (size < 0 || size > NGROUPS_MAX)
		return -EINVAL;
	if (size) {
		gi = kmalloc(sizeof(*gi) + size * sizeof(gid_t), GFP_KERNEL);
		if (!gi)
			return -ENOMEM;
		atomic_set(&gi->usage, 1);
		gi->ngroups = size;
		if (copy_from_user(gi->gid, list, size * sizeof(gid_t))) {
			kfree(gi);
			return -EFAULT;
		}
		/* Sorted, as Linux keeps them (and getgroups then returns them). */
		for (int gap = size / 2; gap > 0;
		     gap /= 2) /* Shell sort: no quadratic worst case */
			for (int i = gap; i < size; i++)
				for (int j = i; j >= gap && gi->gid[j - gap] > gi->gid[j];
				     j -= gap) {
					gid_t t = gi->gid[j];

					gi->gid[j] = gi->gid[j - gap];
					gi->gid[j - gap] = t;
				}
	}
	new = prepare_creds();
	if (!new) {
		kfree(gi);
		return -ENOMEM;
	}
	if (new->group_info && atomic_dec_and_test(&new->group_info->usage))
		kfree(new->group_info);
	new->group_info = gi;
	return commit_creds(new);
}
