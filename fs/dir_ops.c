// SPDX-License-Identifier: GPL-2.0
/*
 * The operations that change the namespace: create (mkdir, mknod, symlink, link), remove
 * (rmdir, unlink), rename, and readlink. Each finds its parent directory with the walk of
 * fs/namei.c, locks it (I_MUTEX_PARENT; for a rename both directories through lock_rename,
 * the ancestor first) and calls the file system's inode operation.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#include "internal.h"

/* Looks up the last component for creation: parent locked on success. */
static struct dentry *create_prepare(const struct path *base, const char *name, struct path *parent,
				     bool is_dir)
{
	struct dentry *dentry;
	bool slash;
	struct qstr last;
	int err = kern_path_parent(base, name, parent, &last, &slash);

	if (err)
		return ERR_PTR(err);
	if (!last.len || is_dot(&last) || is_dotdot(&last)) {
		path_put(parent);
		return ERR_PTR(-EEXIST);
	}
	if (slash && !is_dir) {
		path_put(parent);
		return ERR_PTR(-ENOENT); /* "file/" cannot name a new non-directory */
	}
	inode_lock_nested(parent->dentry->d_inode, I_MUTEX_PARENT);
	dentry = lookup_locked(parent->dentry, &last);
	if (IS_ERR(dentry))
		goto out_unlock;
	if (dentry->d_inode) {
		dput(dentry);
		dentry = ERR_PTR(-EEXIST);
		goto out_unlock;
	}
	err = may_write_dir(parent);
	if (err) {
		dput(dentry);
		dentry = ERR_PTR(err);
		goto out_unlock;
	}
	return dentry;
out_unlock:
	inode_unlock(parent->dentry->d_inode);
	path_put(parent);
	return dentry;
}

static void create_done(struct path *parent, struct dentry *dentry)
{
	dput(dentry);
	inode_unlock(parent->dentry->d_inode);
	path_put(parent);
}

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	if (!dir->i_op->create)
		return -EACCES;
	return dir->i_op->create(dir, dentry, (mode & S_IALLUGO) | S_IFREG, excl);
}

int do_mkdirat(const struct path *base, const char *name, umode_t mode)
{
	struct path parent;
	struct dentry *dentry = create_prepare(base, name, &parent, true);
	struct inode *dir;
	int err;

	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	dir = parent.dentry->d_inode;
	err = dir->i_op->mkdir ? dir->i_op->mkdir(dir, dentry, (mode & ~current_umask()) & 07777)
			       : -EPERM;
	create_done(&parent, dentry);
	return err;
}

int do_mknodat(const struct path *base, const char *name, umode_t mode, dev_t dev)
{
	struct path parent;
	struct dentry *dentry;
	struct inode *dir;
	int err;

	switch (mode & S_IFMT) {
	case 0:
		mode |= S_IFREG;
		break;
	case S_IFREG:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && current_cred()->fsuid != 0)
		return -EPERM;
	dentry = create_prepare(base, name, &parent, false);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	dir = parent.dentry->d_inode;
	mode = (mode & S_IFMT) | ((mode & 07777) & ~current_umask());
	if (S_ISREG(mode))
		err = vfs_create(dir, dentry, mode, true);
	else
		err = dir->i_op->mknod ? dir->i_op->mknod(dir, dentry, mode, dev) : -EPERM;
	create_done(&parent, dentry);
	return err;
}

int do_symlinkat(const char *target, const struct path *base, const char *name)
{
	struct path parent;
	struct dentry *dentry;
	struct inode *dir;
	int err;

	if (!target[0])
		return -ENOENT;
	if (strnlen(target, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	dentry = create_prepare(base, name, &parent, false);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	dir = parent.dentry->d_inode;
	err = dir->i_op->symlink ? dir->i_op->symlink(dir, dentry, target) : -EPERM;
	create_done(&parent, dentry);
	return err;
}

/*
 * A new name for the file at old (linkat's work once the old name is resolved, or an open
 * file's path for AT_EMPTY_PATH). A file whose last name is gone cannot get a new one
 * (-ENOENT), as Linux refuses it without O_TMPFILE.
 */
int vfs_link_path(const struct path *old, const struct path *nbase, const char *newname)
{
	struct inode *dir, *inode = old->dentry->d_inode;
	struct path parent;
	struct dentry *dentry;
	int err;

	dentry = create_prepare(nbase, newname, &parent, false);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	dir = parent.dentry->d_inode;
	if (old->mnt != parent.mnt)
		err = -EXDEV;
	else if (S_ISDIR(inode->i_mode))
		err = -EPERM;
	else if (!dir->i_op->link)
		err = -EPERM;
	else if (!READ_ONCE(inode->i_nlink))
		err = -ENOENT;
	else
		err = dir->i_op->link(old->dentry, dir, dentry);
	create_done(&parent, dentry);
	return err;
}

int do_linkat(const struct path *obase, const char *oldname, const struct path *nbase,
	      const char *newname, int flags)
{
	struct path old;
	int err;

	err = kern_path_at(obase, oldname, (flags & AT_SYMLINK_FOLLOW) ? LOOKUP_FOLLOW : 0, &old);
	if (err)
		return err;
	err = vfs_link_path(&old, nbase, newname);
	path_put(&old);
	return err;
}

/* Looks up the last component for removal: parent locked and victim positive on success. */
static struct dentry *remove_prepare(const struct path *base, const char *name, struct path *parent,
				     bool is_dir)
{
	struct dentry *dentry;
	struct qstr last;
	bool slash;
	int err = kern_path_parent(base, name, parent, &last, &slash);

	if (err)
		return ERR_PTR(err);
	if (!last.len || is_dot(&last) || is_dotdot(&last)) {
		path_put(parent);
		/* rmdir(".") is EINVAL, rmdir("..") ENOTEMPTY, unlink of either EISDIR. */
		if (!is_dir)
			return ERR_PTR(-EISDIR);
		return ERR_PTR(is_dotdot(&last) ? -ENOTEMPTY : -EINVAL);
	}
	inode_lock_nested(parent->dentry->d_inode, I_MUTEX_PARENT);
	dentry = lookup_locked(parent->dentry, &last);
	if (IS_ERR(dentry))
		goto out_unlock;
	if (!dentry->d_inode)
		err = -ENOENT;
	else if (is_dir && !d_is_dir(dentry))
		err = -ENOTDIR;
	else if (!is_dir && d_is_dir(dentry))
		err = -EISDIR;
	else if (!is_dir && slash)
		err = -ENOTDIR;
	else if (dentry->d_flags & DCACHE_MOUNTED)
		err = -EBUSY;
	else
		err = may_write_dir(parent);
	if (!err)
		err = check_sticky(parent->dentry->d_inode, dentry->d_inode);
	if (err) {
		dput(dentry);
		dentry = ERR_PTR(err);
		goto out_unlock;
	}
	return dentry;
out_unlock:
	inode_unlock(parent->dentry->d_inode);
	path_put(parent);
	return dentry;
}

int do_rmdirat(const struct path *base, const char *name)
{
	struct path parent;
	struct dentry *dentry = remove_prepare(base, name, &parent, true);
	struct inode *dir;
	int err;

	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	dir = parent.dentry->d_inode;
	inode_lock(dentry->d_inode);
	err = dir->i_op->rmdir ? dir->i_op->rmdir(dir, dentry) : -EPERM;
	if (!err)
		dentry->d_inode->i_state |= I_DEAD;
	inode_unlock(dentry->d_inode);
	if (!err)
		d_delete(dentry);
	create_done(&parent, dentry);
	return err;
}

int do_unlinkat(const struct path *base, const char *name)
{
	struct path parent;
	struct dentry *dentry = remove_prepare(base, name, &parent, false);
	struct inode *dir;
	int err;

	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	dir = parent.dentry->d_inode;
	err = dir->i_op->unlink ? dir->i_op->unlink(dir, dentry) : -EPERM;
	if (!err)
		d_delete(dentry);
	create_done(&parent, dentry);
	return err;
}

/*
 * Locks the two directories of a rename. rmdir and the other directory operations lock a
 * parent before a child, so a rename must too: locking by address (as this did) let
 * rename("a/x", "a/b/y") take b then a while rmdir("a/b") took a then b. A cross-directory
 * rename first takes the super block's s_vfs_rename_mutex, which keeps the tree's shape
 * (d_parent) still while it finds which directory is above the other, and stops two renames
 * from locking two unrelated directories in opposite orders.
 */
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2)
{
	if (p1 == p2) {
		inode_lock_nested(p1->d_inode, I_MUTEX_PARENT);
		return NULL;
	}
	mutex_lock(&p1->d_sb->s_vfs_rename_mutex);
	if (is_subdir(p2, p1)) {
		inode_lock_nested(p1->d_inode, I_MUTEX_PARENT);
		inode_lock_nested(p2->d_inode, I_MUTEX_CHILD);
		return p1;
	}
	if (is_subdir(p1, p2)) {
		inode_lock_nested(p2->d_inode, I_MUTEX_PARENT);
		inode_lock_nested(p1->d_inode, I_MUTEX_CHILD);
		return p2;
	}
	inode_lock_nested(p1->d_inode, I_MUTEX_PARENT);
	inode_lock_nested(p2->d_inode, I_MUTEX_PARENT2);
	return NULL;
}

void unlock_rename(struct dentry *p1, struct dentry *p2)
{
	inode_unlock(p1->d_inode);
	if (p1 != p2) {
		inode_unlock(p2->d_inode);
		mutex_unlock(&p1->d_sb->s_vfs_rename_mutex);
	}
}

static int rename_checks(struct path *op, struct dentry *od, struct path *np, struct dentry *nd_,
			 unsigned int flags)
{
	struct inode *old_inode = od->d_inode, *new_inode = nd_->d_inode;
	bool is_dir;
	int err;

	if (!old_inode)
		return -ENOENT;
	if (op->mnt != np->mnt)
		return -EXDEV;
	if ((flags & RENAME_NOREPLACE) && new_inode)
		return -EEXIST;
	is_dir = S_ISDIR(old_inode->i_mode);
	if (new_inode) {
		if (is_dir && !S_ISDIR(new_inode->i_mode))
			return -ENOTDIR;
		if (!is_dir && S_ISDIR(new_inode->i_mode))
			return -EISDIR;
	}
	/*
	 * A directory cannot be moved into itself or below itself, nor replace one of its own
	 * ancestors. Only a cross-directory rename can do either; it holds s_vfs_rename_mutex,
	 * so the tree above cannot change under the walk.
	 */
	if (op->dentry != np->dentry) {
		lockdep_assert_held(&od->d_sb->s_vfs_rename_mutex);
		if (is_dir && is_subdir(np->dentry, od))
			return -EINVAL;
		if (new_inode && is_subdir(op->dentry, nd_))
			return -ENOTEMPTY;
	}
	if ((od->d_flags | nd_->d_flags) & DCACHE_MOUNTED)
		return -EBUSY;
	err = may_write_dir(op);
	if (!err)
		err = may_write_dir(np);
	if (!err)
		err = check_sticky(op->dentry->d_inode, old_inode);
	if (!err && new_inode)
		err = check_sticky(np->dentry->d_inode, new_inode);
	/* Moving a directory rewrites its "..": it must be writable too. */
	if (!err && is_dir && op->dentry != np->dentry)
		err = inode_permission(old_inode, MAY_WRITE);
	return err;
}

int do_renameat2(const struct path *obase, const char *oldname, const struct path *nbase,
		 const char *newname, unsigned int flags)
{
	struct path op, np;
	struct qstr olast, nlast;
	bool oslash, nslash;
	struct dentry *od = NULL, *nd_ = NULL;
	struct inode *odir, *ndir;
	int err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL; /* RENAME_EXCHANGE is not supported yet */
	err = kern_path_parent(obase, oldname, &op, &olast, &oslash);
	if (err)
		return err;
	err = kern_path_parent(nbase, newname, &np, &nlast, &nslash);
	if (err)
		goto out_old;
	err = -EBUSY;
	if (!olast.len || !nlast.len || is_dot(&olast) || is_dotdot(&olast) || is_dot(&nlast) ||
	    is_dotdot(&nlast))
		goto out_new;
	err = -EXDEV;
	if (op.mnt != np.mnt)
		goto out_new;
	odir = op.dentry->d_inode;
	ndir = np.dentry->d_inode;
	lock_rename(op.dentry, np.dentry);
	od = lookup_locked(op.dentry, &olast);
	if (IS_ERR(od)) {
		err = PTR_ERR(od);
		od = NULL;
		goto out_unlock;
	}
	nd_ = lookup_locked(np.dentry, &nlast);
	if (IS_ERR(nd_)) {
		err = PTR_ERR(nd_);
		nd_ = NULL;
		goto out_unlock;
	}
	err = rename_checks(&op, od, &np, nd_, flags);
	if (!err && (oslash || nslash) && !d_is_dir(od))
		err = -ENOTDIR;
	if (err || od == nd_ || od->d_inode == nd_->d_inode)
		goto out_unlock; /* renaming a file onto itself (or a hard link of it) does nothing */
	err = odir->i_op->rename ? odir->i_op->rename(odir, od, ndir, nd_, flags) : -EPERM;
	if (!err) {
		if (nd_->d_inode)
			d_delete(nd_);
		d_move(od, nd_);
	}
out_unlock:
	if (nd_)
		dput(nd_);
	if (od)
		dput(od);
	unlock_rename(op.dentry, np.dentry);
out_new:
	path_put(&np);
out_old:
	path_put(&op);
	return err;
}

int do_readlinkat(const struct path *base, const char *name, char *buf, size_t size)
{
	struct path path;
	const char *target;
	size_t len;
	int err = kern_path_at(base, name, 0, &path);

	if (err)
		return err;
	if (!d_is_symlink(path.dentry)) {
		path_put(&path);
		return -EINVAL;
	}
	touch_atime(&path);
	target = path.dentry->d_inode->i_op->get_link(path.dentry, path.dentry->d_inode);
	if (IS_ERR(target)) {
		path_put(&path);
		return PTR_ERR(target);
	}
	len = min(strlen(target), size); /* readlink does not NUL-terminate */
	memcpy(buf, target, len);
	path_put(&path);
	return len;
}
