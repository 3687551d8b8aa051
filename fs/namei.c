// SPDX-License-Identifier: GPL-2.0
/*
 * Path names to dentries, and opening them (the operations that change the namespace, which
 * stand on this walk, are in fs/dir_ops.c).
 *
 * The walk goes component by component from the root (absolute names) or a base directory,
 * checking search permission on every directory it passes, descending into mounts, going up
 * through them on "..", and following symbolic links: always in the middle of a path, at the
 * end only when asked (LOOKUP_FOLLOW), at most MAXSYMLINKS in one walk (ELOOP). A trailing
 * slash demands a directory. The errors are the ones Linux gives, in the same precedence.
 *
 * A directory's i_rwsem is held (for writing) while it is searched by the file system or
 * changed: a parent before a child (I_MUTEX_PARENT, then the child), and for a rename the
 * ancestor of its two directories first (lock_rename), cross-directory renames also holding
 * the super block's s_vfs_rename_mutex so two renames cannot lock two directories in
 * opposite orders.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#include "internal.h"

struct nameidata {
	struct path path; /* where the walk is */
	struct qstr last; /* the last component (for LOOKUP_PARENT) */
	unsigned int flags;
	int depth; /* symlinks followed so far */
	bool trailing_slash;
	struct path root; /* referenced: where "/" and ".." stop (the task's root at the start) */
	/* Copies of symlink targets that nd->last may point into, freed by nd_release. */
	char *names[MAXSYMLINKS + 1];
	int nr_names;
};

static void nd_release(struct nameidata *nd)
{
	while (nd->nr_names)
		kfree(nd->names[--nd->nr_names]);
	path_put(&nd->root);
}

/* ---- single steps ------------------------------------------------------------------- */

/* The child of a directory by name: from the dcache, else asking the file system. */
static struct dentry *lookup_one(struct dentry *dir, struct qstr *name, unsigned int flags)
{
	struct inode *inode = dir->d_inode;
	struct dentry *dentry = d_lookup(dir, name), *old;

	if (dentry)
		return dentry;
	inode_lock(inode);
	/* Someone may have looked it up while we waited for the lock. */
	dentry = d_lookup(dir, name);
	if (dentry) {
		inode_unlock(inode);
		return dentry;
	}
	if (IS_DEADDIR(inode)) {
		inode_unlock(inode);
		return ERR_PTR(-ENOENT);
	}
	dentry = d_alloc(dir, name);
	if (!dentry) {
		inode_unlock(inode);
		return ERR_PTR(-ENOMEM);
	}
	old = inode->i_op->lookup(inode, dentry, flags);
	inode_unlock(inode);
	if (IS_ERR(old)) {
		dput(dentry);
		return old;
	}
	return dentry;
}

/* Steps onto what is mounted at nd->path, as long as something is. */
static void follow_mounts(struct path *path)
{
	struct vfsmount *mnt;

	while ((mnt = lookup_mnt(path))) {
		struct dentry *root = dget(mnt->mnt_root);

		path_put(path);
		path->mnt = mnt;
		path->dentry = root;
	}
}

/* "..": up one directory, crossing to the parent mount at a mount's root. */
static int follow_dotdot(struct nameidata *nd)
{
	for (;;) {
		struct dentry *parent;

		if (nd->path.dentry == nd->root.dentry && nd->path.mnt == nd->root.mnt)
			/* ".." of the root is the root, unless the walk may not leave its start. */
			return (nd->flags & LOOKUP_BENEATH) ? -EXDEV : 0;
		if (nd->path.dentry != nd->path.mnt->mnt_root) {
			/* d_parent changes under the dcache lock (a rename): read it under it. */
			parent = dget_parent(nd->path.dentry);
			dput(nd->path.dentry);
			nd->path.dentry = parent;
			return 0;
		}
		/* At a mount's root: continue from its mount point in the parent mount. */
		if (nd->flags & LOOKUP_NO_XDEV)
			return -EXDEV;
		if (!vfs_mount_up(&nd->path))
			return 0;
	}
}

static int walk_component(struct nameidata *nd, struct qstr *name, struct path *next)
{
	struct dentry *dentry;

	dentry = lookup_one(nd->path.dentry, name, nd->flags);
	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	next->mnt = mntget(nd->path.mnt);
	next->dentry = dentry;
	follow_mounts(next);
	if ((nd->flags & LOOKUP_NO_XDEV) && next->mnt != nd->path.mnt) {
		path_put(next);
		return -EXDEV;
	}
	return 0;
}

/* ---- the walk ----------------------------------------------------------------------- */

static int link_path_walk(const char *name, struct nameidata *nd);

/*
 * A symlink being followed in the middle of a walk: its body (a copy, freed when done) and
 * where the walk goes on in the name that contained it. The walk keeps these on an explicit
 * stack, as Linux's nameidata does, instead of recursing once per link: MAXSYMLINKS nested
 * links used to mean 40 nested frames on a 16 KiB kernel stack.
 */
struct saved_link {
	char *body;
	const char *rest; /* the containing name after the link's component */
	bool trailing_slash; /* that component was followed by a slash */
	bool last; /* it was the containing name's last component */
};

#define WALK_INLINE_LINKS 2

struct link_stack {
	struct saved_link *links; /* inline, or MAXSYMLINKS entries from kmalloc */
	int depth;
	struct saved_link inline_links[WALK_INLINE_LINKS];
};
/*
 * Copies the target of the symlink at link and lets go of link; an absolute target moves
 * the walk back to the root. The copy is the caller's to free.
 */
static char *get_link_copy(struct nameidata *nd, struct path *link)
{
	struct inode *inode = link->dentry->d_inode;
	const char *target;
	char *copy;
	size_t len;

	/* A symlink on a nosymfollow mount is not followed either (readlink still reads it). */
	if (++nd->depth > MAXSYMLINKS || (nd->flags & LOOKUP_NO_SYMLINKS) ||
	    (READ_ONCE(link->mnt->mnt_flags) & MNT_NOSYMFOLLOW)) {
		path_put(link);
		return ERR_PTR(-ELOOP);
	}
	target = inode->i_op->get_link(link->dentry, inode);
	if (IS_ERR(target)) {
		path_put(link);
		return ERR_CAST(target);
	}
	/* The target lives in the inode, which link pins: copy it before letting go. */
	len = strlen(target);
	copy = kmalloc(len + 1, GFP_KERNEL);
	if (copy)
		memcpy(copy, target, len + 1);
	path_put(link);
	if (!copy)
		return ERR_PTR(-ENOMEM);
	if (copy[0] == '/') {
		if (nd->flags & LOOKUP_BENEATH) {
			kfree(copy);
			return ERR_PTR(-EXDEV);
		}
		path_put(&nd->path);
		nd->path = nd->root;
		path_get(&nd->path);
	}
	return copy;
}

static int push_link(struct link_stack *ls, const struct saved_link *link)
{
	if (ls->depth == WALK_INLINE_LINKS && ls->links == ls->inline_links) {
		struct saved_link *more = kmalloc(MAXSYMLINKS * sizeof(*more), GFP_KERNEL);

		if (!more)
			return -ENOMEM;
		memcpy(more, ls->inline_links, sizeof(ls->inline_links));
		ls->links = more;
	}
	ls->links[ls->depth++] = *link;
	return 0;
}

static void pop_link(struct link_stack *ls, struct saved_link *link)
{
	*link = ls->links[--ls->depth];
	kfree(link->body);
}

static void free_link_stack(struct link_stack *ls)
{
	struct saved_link link;

	while (ls->depth)
		pop_link(ls, &link);
	if (ls->links != ls->inline_links)
		kfree(ls->links);
}

/*
 * For open's last component: resolves all but the last component of the link's target and
 * leaves that in nd->last (pointing into a copy kept until nd_release).
 */
static int follow_link_parent(struct nameidata *nd, struct path *link)
{
	bool slash = nd->trailing_slash;
	char *copy = get_link_copy(nd, link);
	unsigned int saved = nd->flags;
	int err;

	if (IS_ERR(copy))
		return PTR_ERR(copy);
	nd->names[nd->nr_names++] = copy;
	nd->flags |= LOOKUP_PARENT;
	err = link_path_walk(copy, nd);
	nd->flags = saved;
	nd->trailing_slash = nd->trailing_slash || slash;
	if (!err && !d_is_dir(nd->path.dentry))
		err = -ENOTDIR;
	return err;
}

/*
 * May the caller search dir? A directory that everyone may search (owner, group and others
 * all have x, as 0755 does) needs no look at the credentials: the walk asks this of every
 * directory it passes.
 */
static __always_inline int may_search(struct inode *dir)
{
	if ((dir->i_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) == (S_IXUSR | S_IXGRP | S_IXOTH) &&
	    !(dir->i_op && dir->i_op->permission))
		return 0;
	return inode_permission(dir, MAY_EXEC);
}

/* The next component of *name (moved past it), hashed in the same pass that finds its end. */
static int get_component(const char **name, struct qstr *this)
{
	const char *p = *name;
	u32 len = 0, hash = DNAME_HASH_INIT;
	unsigned char c;

	while ((c = p[len]) && c != '/') {
		hash = dname_hash_byte(hash, c);
		len++;
	}
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	this->name = p;
	this->len = len;
	this->hash = hash;
	*name = p + len;
	return 0;
}

/*
 * Walks every component of name from nd->path; with LOOKUP_PARENT the last one is left in
 * nd->last, unresolved. The final component follows a symlink if LOOKUP_FOLLOW says so or a
 * slash comes after it. A link's body is walked in place of its component (always followed
 * to its end, whatever LOOKUP_PARENT says) and the walk then goes on after the component.
 */
static int link_path_walk(const char *name, struct nameidata *nd)
{
	const unsigned int outer_flags = nd->flags;
	struct link_stack ls = { .depth = 0 };
	unsigned int flags = outer_flags;
	struct saved_link link;
	int err = 0;

	ls.links = ls.inline_links;
next_name:
	while (*name == '/')
		name++;
	if (!*name) {
		nd->last.len = 0;
		goto name_done; /* "/" (or a link to it): the walk is where it is */
	}
	for (;;) {
		struct inode *dir = nd->path.dentry->d_inode;
		struct qstr this;
		struct path next;
		bool last;

		if (!S_ISDIR(dir->i_mode)) {
			err = -ENOTDIR;
			goto out;
		}
		err = may_search(dir);
		if (err)
			goto out;
		err = get_component(&name, &this);
		if (err)
			goto out;
		nd->trailing_slash = *name == '/';
		while (*name == '/')
			name++;
		last = !*name;
		if (last && (flags & LOOKUP_PARENT)) {
			nd->last = this;
			goto out; /* only the outer name: link bodies are walked without it */
		}
		if (is_dot(&this))
			goto next_component;
		if (is_dotdot(&this)) {
			err = follow_dotdot(nd);
			if (err)
				goto out;
			goto next_component;
		}
		err = walk_component(nd, &this, &next);
		if (err)
			goto out;
		if (!next.dentry->d_inode) {
			path_put(&next);
			err = -ENOENT;
			goto out;
		}
		if (d_is_symlink(next.dentry) &&
		    (!last || (flags & LOOKUP_FOLLOW) || nd->trailing_slash)) {
			/* A link in the middle (or followed at the end) resolves relative to here. */
			link.body = get_link_copy(nd, &next);
			if (IS_ERR(link.body)) {
				err = PTR_ERR(link.body);
				goto out;
			}
			link.rest = name;
			link.trailing_slash = nd->trailing_slash;
			link.last = last;
			err = push_link(&ls, &link);
			if (err) {
				kfree(link.body);
				goto out;
			}
			name = link.body;
			flags = (outer_flags & ~LOOKUP_PARENT) | LOOKUP_FOLLOW;
			goto next_name;
		}
		path_put(&nd->path);
		nd->path = next;
next_component:
		if (last)
			break;
	}
	if ((nd->trailing_slash || (flags & LOOKUP_DIRECTORY)) && !d_is_dir(nd->path.dentry)) {
		err = -ENOTDIR;
		goto out;
	}
name_done:
	/* A link's body is resolved: go on in the name that contained it. */
	while (ls.depth) {
		pop_link(&ls, &link);
		name = link.rest;
		nd->trailing_slash = link.trailing_slash;
		if (!ls.depth)
			flags = outer_flags;
		if (!link.last)
			goto next_name;
		/* The link ended that name too: check it as its end. */
		if ((nd->trailing_slash || (flags & LOOKUP_DIRECTORY)) &&
		    !d_is_dir(nd->path.dentry)) {
			err = -ENOTDIR;
			goto out;
		}
	}
out:
	free_link_stack(&ls);
	return err;
}

/*
 * Where the walk starts, and the root it may not go above: both referenced, and read under
 * fs->lock, as chdir and chroot change them under it (and drop the old ones' references).
 */
static int path_init(struct nameidata *nd, const struct path *base, const char *name,
		     unsigned int flags)
{
	struct fs_struct *fs = current->fs;

	if (!name[0])
		return -ENOENT;
	if (strnlen(name, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	nd->flags = flags;
	nd->depth = 0;
	nd->nr_names = 0;
	nd->trailing_slash = false;
	if ((flags & LOOKUP_BENEATH) && name[0] == '/')
		return -EXDEV;
	spin_lock(&fs->lock);
	/* RESOLVE_BENEATH and RESOLVE_IN_ROOT: the start directory is the walk's root. */
	if (flags & (LOOKUP_BENEATH | LOOKUP_IN_ROOT))
		nd->root = base ? *base : fs->pwd;
	else
		nd->root = fs->root;
	path_get(&nd->root);
	if (name[0] == '/')
		nd->path = nd->root;
	else
		nd->path = base ? *base : fs->pwd;
	path_get(&nd->path);
	spin_unlock(&fs->lock);
	return 0;
}

int kern_path_at(const struct path *base, const char *name, unsigned int flags, struct path *result)
{
	struct nameidata nd;
	int err = path_init(&nd, base, name, flags & ~LOOKUP_PARENT);

	if (err)
		return err;
	err = link_path_walk(name, &nd);
	nd_release(&nd);
	if (err) {
		path_put(&nd.path);
		return err;
	}
	*result = nd.path;
	return 0;
}

int kern_path(const char *name, unsigned int flags, struct path *result)
{
	return kern_path_at(NULL, name, flags, result);
}

/*
 * The parent directory of name and its last component: for creating, removing and renaming.
 * The last component may not be "." or ".." (those cannot be created or removed: EEXIST /
 * EBUSY-like errors are the caller's). *last points into name.
 */
int kern_path_parent(const struct path *base, const char *name, struct path *parent,
		     struct qstr *last, bool *trailing_slash)
{
	struct nameidata nd;
	int err = path_init(&nd, base, name, LOOKUP_PARENT);

	if (err)
		return err;
	err = link_path_walk(name, &nd);
	nd_release(&nd); /* nd.last points into name, not into a link's copy */
	if (!err && !d_is_dir(nd.path.dentry))
		err = -ENOTDIR;
	if (err) {
		path_put(&nd.path);
		return err;
	}
	*parent = nd.path;
	*last = nd.last;
	*trailing_slash = nd.trailing_slash;
	return 0;
}

/* ---- the last component, in its locked directory --------------------------------------- */

/*
 * The dentry for last in the locked directory parent (positive or negative), referenced.
 * A removed directory has no entries and takes no new ones, whatever negative dentries it
 * still has cached: looking there first let a rename that had found the directory before
 * an rmdir move a file into it, where it was lost.
 */
struct dentry *lookup_locked(struct dentry *parent, struct qstr *last)
{
	struct inode *dir = parent->d_inode;
	struct dentry *dentry, *old;

	lockdep_assert_held(&dir->i_rwsem);
	if (IS_DEADDIR(dir))
		return ERR_PTR(-ENOENT);
	dentry = d_lookup(parent, last);
	if (dentry)
		return dentry;
	dentry = d_alloc(parent, last);
	if (!dentry)
		return ERR_PTR(-ENOMEM);
	old = dir->i_op->lookup(dir, dentry, 0);
	if (IS_ERR(old)) {
		dput(dentry);
		return old;
	}
	return dentry;
}

/* ---- opening ------------------------------------------------------------------------ */

static int may_open(const struct path *path, int acc_mode, int flags)
{
	struct inode *inode = path->dentry->d_inode;
	int err;

	if (S_ISLNK(inode->i_mode))
		return -ELOOP;
	if (S_ISDIR(inode->i_mode) && (acc_mode & MAY_WRITE))
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	/* O_PATH opens nothing: a device node on a nodev mount may still be named so. */
	if ((S_ISCHR(inode->i_mode) || S_ISBLK(inode->i_mode)) && !(flags & O_PATH) &&
	    !may_open_dev(path))
		return -EACCES;
	if ((acc_mode & MAY_WRITE) && mnt_is_readonly(path->mnt) && !S_ISCHR(inode->i_mode) &&
	    !S_ISFIFO(inode->i_mode))
		return -EROFS;
	err = inode_permission(inode, acc_mode);
	if (err)
		return err;
	/* Only the owner or root may keep reads from stamping the atime (O_PATH reads none). */
	if ((flags & (O_NOATIME | O_PATH)) == O_NOATIME && !inode_owner_or_capable(inode))
		return -EPERM;
	return 0;
}

static int open_acc_mode(int flags)
{
	static const int modes[4] = { MAY_READ, MAY_WRITE, MAY_READ | MAY_WRITE, MAY_READ };
	int acc = modes[flags & O_ACCMODE];

	if (flags & O_TRUNC)
		acc |= MAY_WRITE;
	return acc;
}

/* The last component of an O_CREAT open: create it if missing. Returns the path in *res. */
static int open_create(struct nameidata *nd, int flags, umode_t mode, struct path *res,
		       bool *created)
{
	struct inode *dir = nd->path.dentry->d_inode;
	struct dentry *dentry;
	int err;

	if (!nd->last.len || is_dot(&nd->last) || is_dotdot(&nd->last))
		return -EISDIR;
	if (nd->trailing_slash)
		return -EISDIR;
	inode_lock(dir);
	dentry = lookup_locked(nd->path.dentry, &nd->last);
	if (IS_ERR(dentry)) {
		inode_unlock(dir);
		return PTR_ERR(dentry);
	}
	if (!dentry->d_inode) {
		err = may_write_dir(&nd->path);
		if (!err)
			err = vfs_create(dir, dentry, mode & ~current_umask(), flags & O_EXCL);
		inode_unlock(dir);
		if (err) {
			dput(dentry);
			return err;
		}
		*created = true;
		res->mnt = mntget(nd->path.mnt);
		res->dentry = dentry;
		return 0;
	}
	inode_unlock(dir);
	if (flags & O_EXCL) {
		dput(dentry);
		return -EEXIST;
	}
	res->mnt = mntget(nd->path.mnt);
	res->dentry = dentry;
	follow_mounts(res);
	return 0;
}

/* The last component of an open: follow a final symlink unless O_NOFOLLOW (or O_EXCL). */
static int open_last(struct nameidata *nd, int flags, umode_t mode, struct path *res, bool *created)
{
	struct path next;
	int err;

	for (;;) {
		if (flags & O_CREAT) {
			err = open_create(nd, flags, mode, &next, created);
		} else if (!nd->last.len || is_dot(&nd->last) || is_dotdot(&nd->last)) {
			/* "/", "dir/." and "dir/..": the directory itself (or its parent). */
			err = is_dotdot(&nd->last) ? follow_dotdot(nd) : 0;
			if (!err) {
				path_get(&nd->path);
				next = nd->path;
			}
		} else {
			err = walk_component(nd, &nd->last, &next);
		}
		if (err)
			return err;
		if (!next.dentry->d_inode) {
			path_put(&next);
			return -ENOENT;
		}
		if (!d_is_symlink(next.dentry) || *created)
			break;
		if ((flags & O_NOFOLLOW) || ((flags & O_CREAT) && (flags & O_EXCL))) {
			path_put(&next);
			return (flags & O_EXCL) ? -EEXIST : -ELOOP;
		}
		/* Resolve the link's parent part, and loop on its last component. */
		err = follow_link_parent(nd, &next);
		if (err)
			return err;
	}
	*res = next;
	if (nd->trailing_slash && !d_is_dir(res->dentry)) {
		path_put(res);
		return -ENOTDIR;
	}
	return 0;
}

struct file *filp_open_at(const struct path *base, const char *name, int flags, umode_t mode)
{
	return filp_open_resolve(base, name, flags, mode, 0);
}

struct file *filp_open_resolve(const struct path *base, const char *name, int flags, umode_t mode,
			       unsigned int lookup)
{
	struct nameidata nd;
	struct path path;
	bool created = false;
	struct file *file;
	int err;

	if ((flags & O_CREAT) && (flags & O_DIRECTORY))
		return ERR_PTR(-EINVAL);
	err = path_init(&nd, base, name, LOOKUP_PARENT | (lookup & LOOKUP_RESOLVE_MASK));
	if (err)
		return ERR_PTR(err);
	err = link_path_walk(name, &nd);
	if (!err && !d_is_dir(nd.path.dentry))
		err = -ENOTDIR;
	if (!err)
		err = open_last(&nd, flags, (mode & S_IALLUGO) | S_IFREG, &path, &created);
	path_put(&nd.path);
	nd_release(&nd);
	if (err)
		return ERR_PTR(err);
	/* A file this open created may be opened for writing whatever its new mode says. */
	err = created ? 0 : may_open(&path, open_acc_mode(flags), flags);
	if (!err && (flags & O_DIRECTORY) && !d_is_dir(path.dentry))
		err = -ENOTDIR;
	if (err) {
		path_put(&path);
		return ERR_PTR(err);
	}
	file = dentry_open(&path, flags);
	path_put(&path);
	if (!IS_ERR(file) && (flags & O_TRUNC) && S_ISREG(file->f_inode->i_mode) && !created) {
		err = vfs_ftruncate(file, 0);
		if (err) {
			fput(file);
			return ERR_PTR(err);
		}
	}
	return file;
}

struct file *filp_open(const char *name, int flags, umode_t mode)
{
	return filp_open_at(NULL, name, flags, mode);
}
