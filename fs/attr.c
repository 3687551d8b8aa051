// SPDX-License-Identifier: GPL-2.0
/* File attributes: stat, chmod, chown, access, truncate, utimes; access-time updates. */
#include <kernel/fs.h>
#include <kernel/sched.h>

#include "internal.h"

static void set_atime(struct inode *inode, struct timespec64 ts)
{
	lockdep_assert_held(&inode->i_lock);
	/* Word by word for the unlocked readers (stat, relatime's check). */
	WRITE_ONCE(inode->i_atime.tv_sec, ts.tv_sec);
	WRITE_ONCE(inode->i_atime.tv_nsec, ts.tv_nsec);
}

static int simple_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	if (attr->ia_valid & ATTR_SIZE) {
		if (attr->ia_size < inode->i_size)
			truncate_inode_pages(inode->i_mapping, attr->ia_size);
		inode->i_size = attr->ia_size;
	}
	if (attr->ia_valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) | (attr->ia_mode & S_IALLUGO);
	if (attr->ia_valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (attr->ia_valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (attr->ia_valid & ATTR_ATIME) {
		spin_lock(&inode->i_lock);
		set_atime(inode, attr->ia_atime);
		spin_unlock(&inode->i_lock);
	}
	if (attr->ia_valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (attr->ia_valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
	return 0;
}

/* Applies attr (with the inode locked), stamping ctime, and mtime for size changes. */
static int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	struct timespec64 now = current_time(inode);

	lockdep_assert_held(&inode->i_rwsem);
	attr->ia_ctime = now;
	attr->ia_valid |= ATTR_CTIME;
	if (attr->ia_valid & ATTR_SIZE) {
		attr->ia_mtime = now;
		attr->ia_valid |= ATTR_MTIME;
	}
	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	return simple_setattr(dentry, attr);
}

static int do_truncate(struct dentry *dentry, loff_t length)
{
	struct inode *inode = dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = length };
	int err;

	if (length < 0)
		return -EINVAL;
	if (length > inode->i_sb->s_maxbytes)
		return -EFBIG;
	inode_lock(inode);
	err = notify_change(dentry, &attr);
	inode_unlock(inode);
	return err;
}

int vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = path->dentry->d_inode;
	int err;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	if (mnt_is_readonly(path->mnt))
		return -EROFS;
	err = inode_permission(inode, MAY_WRITE);
	return err ? err : do_truncate(path->dentry, length);
}

int vfs_ftruncate(struct file *file, loff_t length)
{
	if (!S_ISREG(file->f_inode->i_mode) || !(file->f_mode & FMODE_WRITE))
		return -EINVAL;
	return do_truncate(file->f_path.dentry, length);
}

bool inode_owner_or_capable(const struct inode *inode)
{
	uid_t fsuid = current_cred()->fsuid;

	return fsuid == 0 || fsuid == inode->i_uid;
}

/* ---- access times ------------------------------------------------------------------- */

/* relatime keeps an atime newer than mtime and ctime for this long (Linux's one day). */
#define RELATIME_MAX_AGE (24 * 60 * 60)

static inline bool ts_before(const struct timespec64 *a, const struct timespec64 *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/*
 * Linux's atime_needs_update, with the read-only tests of touch_atime folded in, and the
 * current time in *now when it says yes. The stamps are read without i_rwsem or i_lock: a
 * racing write or update only makes this one decision early or late, as on Linux. Kept to
 * a few loads and compares, without reading the clock, for the read paths that call it
 * every time (pread of a cached page): relatime's usual answer after the first read is no.
 */
static __always_inline bool atime_due(const struct path *path, struct inode *inode,
				      struct timespec64 *now)
{
	int mnt_flags = path->mnt ? READ_ONCE(path->mnt->mnt_flags) : 0;
	struct timespec64 atime;

	if (mnt_flags & (MNT_NOATIME | MNT_READONLY))
		return false;
	if ((mnt_flags & MNT_NODIRATIME) && S_ISDIR(inode->i_mode))
		return false;
	if (inode->i_sb->s_flags & SB_RDONLY)
		return false;
	atime.tv_sec = READ_ONCE(inode->i_atime.tv_sec);
	atime.tv_nsec = READ_ONCE(inode->i_atime.tv_nsec);
	/* relatime: read since the last change (atime after mtime and ctime), and recently. */
	if ((mnt_flags & MNT_RELATIME) && ts_before(&inode->i_mtime, &atime) &&
	    ts_before(&inode->i_ctime, &atime)) {
		/* The usual answer, no, without reading the clock (nor adding past S64_MAX). */
		if (atime.tv_sec >= KTIME_SEC_MAX ||
		    ktime_real_before(atime.tv_sec + RELATIME_MAX_AGE))
			return false;
		*now = current_time(inode);
		return atime.tv_sec <= now->tv_sec - RELATIME_MAX_AGE;
	}
	*now = current_time(inode);
	return atime.tv_sec != now->tv_sec || atime.tv_nsec != now->tv_nsec;
}

bool atime_needs_update(const struct path *path, struct inode *inode)
{
	struct timespec64 now;

	return atime_due(path, inode, &now);
}

/* Out of line: the usual call of touch_atime returns before any of this. */
static __noinline void stamp_atime(struct inode *inode, struct timespec64 now)
{
	spin_lock(&inode->i_lock);
	set_atime(inode, now);
	spin_unlock(&inode->i_lock);
}

void touch_atime(const struct path *path)
{
	struct inode *inode = path->dentry->d_inode;
	struct timespec64 now;

	if (atime_due(path, inode, &now))
		stamp_atime(inode, now);
}

int vfs_getattr(const struct path *path, struct kstat *stat)
{
	struct inode *inode = path->dentry->d_inode;

	if (inode->i_op && inode->i_op->getattr)
		return inode->i_op->getattr(path, stat);
	stat->ino = inode->i_ino;
	stat->dev = inode->i_sb->s_dev;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = inode->i_size;
	/* Unlocked, as Linux's generic_fillattr: a racing stamp may show with the old ns. */
	stat->atime.tv_sec = READ_ONCE(inode->i_atime.tv_sec);
	stat->atime.tv_nsec = READ_ONCE(inode->i_atime.tv_nsec);
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = PAGE_SIZE;
	stat->blocks = inode->i_blocks ? inode->i_blocks : inode->i_mapping->nrpages << 3;
	return 0;
}

int do_statat(const struct path *base, const char *name, struct kstat *stat, int flags)
{
	struct path path;
	int err =
		kern_path_at(base, name, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = vfs_getattr(&path, stat);
	path_put(&path);
	return err;
}

/*
 * chmod on a resolved path: the owner or root only; a non-root caller outside the file's
 * group loses S_ISGID from the new mode, as Linux's setattr_prepare does.
 */
int chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = path->dentry->d_inode;
	const struct cred *cred = current_cred();
	struct iattr attr = { .ia_valid = ATTR_MODE };
	int err;

	if (mnt_is_readonly(path->mnt))
		return -EROFS;
	if (cred->fsuid != 0 && cred->fsuid != inode->i_uid)
		return -EPERM;
	attr.ia_mode = mode & S_IALLUGO;
	if (cred->fsuid != 0 && !in_group_p(inode->i_gid))
		attr.ia_mode &= ~S_ISGID;
	inode_lock(inode);
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

int do_chmodat(const struct path *base, const char *name, umode_t mode)
{
	struct path path;
	int err = kern_path_at(base, name, LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = chmod_common(&path, mode);
	path_put(&path);
	return err;
}

/*
 * chown on a resolved path, with Linux's rules: root changes anything; the owner may "change"
 * the owner to itself and the group to one it belongs to. A non-directory loses S_ISUID, and
 * S_ISGID when group execution is on (otherwise it marks mandatory locking), as Linux's
 * ATTR_KILL_SUID/ATTR_KILL_SGID do.
 */
int chown_common(const struct path *path, uid_t uid, gid_t gid)
{
	struct inode *inode = path->dentry->d_inode;
	const struct cred *cred = current_cred();
	struct iattr attr = { 0 };
	int err = 0;

	if (mnt_is_readonly(path->mnt))
		return -EROFS;
	inode_lock(inode);
	if (cred->fsuid != 0) {
		if (uid != (uid_t)-1 && (cred->fsuid != inode->i_uid || uid != inode->i_uid))
			err = -EPERM;
		if (gid != (gid_t)-1 &&
		    (cred->fsuid != inode->i_uid || (gid != inode->i_gid && !in_group_p(gid))))
			err = -EPERM;
	}
	if (err)
		goto out;
	if (uid != (uid_t)-1) {
		attr.ia_valid |= ATTR_UID;
		attr.ia_uid = uid;
	}
	if (gid != (gid_t)-1) {
		attr.ia_valid |= ATTR_GID;
		attr.ia_gid = gid;
	}
	if (!S_ISDIR(inode->i_mode) && (inode->i_mode & (S_ISUID | S_ISGID))) {
		umode_t mode = inode->i_mode & ~S_ISUID;

		if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
			mode &= ~S_ISGID;
		attr.ia_valid |= ATTR_MODE;
		attr.ia_mode = mode & S_IALLUGO;
	}
	err = notify_change(path->dentry, &attr);
out:
	inode_unlock(inode);
	return err;
}

int do_chownat(const struct path *base, const char *name, uid_t uid, gid_t gid, int flags)
{
	struct path path;
	int err =
		kern_path_at(base, name, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &path);

	if (err)
		return err;
	err = chown_common(&path, uid, gid);
	path_put(&path);
	return err;
}

/*
 * utimensat on a resolved path: times NULL (or both UTIME_NOW) needs write permission or
 * ownership; explicit times need ownership (or root), as Linux's vfs_utimes.
 */
int utimes_common(const struct path *path, const struct timespec64 *times)
{
	struct inode *inode = path->dentry->d_inode;
	const struct cred *cred = current_cred();
	struct iattr attr = { .ia_valid = ATTR_ATIME | ATTR_MTIME };
	struct timespec64 now = current_time(inode);
	bool explicit = false;
	int err;

	if (mnt_is_readonly(path->mnt))
		return -EROFS;
	if (times) {
		if (times[0].tv_nsec == UTIME_OMIT)
			attr.ia_valid &= ~ATTR_ATIME;
		if (times[1].tv_nsec == UTIME_OMIT)
			attr.ia_valid &= ~ATTR_MTIME;
		if (!attr.ia_valid)
			return 0;
		explicit = (times[0].tv_nsec != UTIME_NOW && times[0].tv_nsec != UTIME_OMIT) ||
			   (times[1].tv_nsec != UTIME_NOW && times[1].tv_nsec != UTIME_OMIT);
	}
	if (cred->fsuid != 0 && cred->fsuid != inode->i_uid) {
		if (explicit)
			return -EPERM;
		err = inode_permission(inode, MAY_WRITE);
		if (err)
			return -EACCES;
	}
	attr.ia_atime = (times && times[0].tv_nsec != UTIME_NOW) ? times[0] : now;
	attr.ia_mtime = (times && times[1].tv_nsec != UTIME_NOW) ? times[1] : now;
	inode_lock(inode);
	err = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return err;
}

/* access(2): checks with the real IDs; F_OK only asks whether the name exists. */
/*
 * access(2)'s checks of path, in Linux's order (do_faccessat): X_OK of a regular file on a
 * noexec mount EACCES, then the permission, then W_OK on a read-only mount EROFS.
 */
int vfs_access(const struct path *path, int mode)
{
	struct inode *inode = path->dentry->d_inode;
	int mask = 0, err = 0;

	if (mode & R_OK)
		mask |= MAY_READ;
	if (mode & W_OK)
		mask |= MAY_WRITE;
	if (mode & X_OK)
		mask |= MAY_EXEC;
	if ((mode & X_OK) && S_ISREG(inode->i_mode) && path_noexec(path))
		return -EACCES;
	if (mask)
		err = inode_permission(inode, mask);
	if (!err && (mode & W_OK) && mnt_is_readonly(path->mnt) &&
	    (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode)))
		err = -EROFS;
	return err;
}

int do_faccessat(const struct path *base, const char *name, int mode)
{
	struct path path;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	err = kern_path_at(base, name, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = vfs_access(&path, mode);
	path_put(&path);
	return err;
}
