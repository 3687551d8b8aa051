// SPDX-License-Identifier: GPL-2.0
/*
 * The mount tree. Each struct mount puts a directory of a super block (its root, or any
 * directory or file for a bind mount) at a dentry of its parent mount; a hash by (parent
 * mount, dentry) answers "is something mounted here" during path walks. A mount's count
 * includes the tree's own reference and one per user (open files, working directories, walks
 * in progress) and one per mount attached on it. A plain unmount of a mount someone still
 * uses is EBUSY; MNT_DETACH takes the mount and every mount below it out of the tree at once
 * (each then has no parent: ".." stops at its root, as on Linux) and drops the tree's
 * references, so the last user's mntput frees it and releases its super block. Each mount
 * carries Linux's per-mount flags (MNT_NOSUID, MNT_NODEV, MNT_NOEXEC, the atime ones,
 * MNT_READONLY), which exec, open, mmap and the path walk consult, and the kernel's own
 * MNT_UNBINDABLE and MNT_UMOUNT (out of the tree).
 *
 * Locking: namespace_sem (a rw_semaphore) orders mount, move and unmount against each other;
 * mount_lock (a spinlock) covers the hash, the lists, mnt_parent and mnt_mountpoint for
 * walkers (lookup_mnt, vfs_mount_up), which take their references under it. mnt_flags
 * change under namespace_sem and are read without a lock (one word: old or new).
 */
#include <kernel/fs.h>
#include <kernel/fs_struct.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

#include "internal.h"

#define MNT_HASH_SIZE 64
/* Kernel-internal mnt_flags, Linux's values: never user-settable. */
#define MNT_UNBINDABLE 0x2000
#define MNT_UMOUNT 0x8000000

struct mount {
	struct vfsmount mnt;
	struct mount *mnt_parent;
	struct dentry *mnt_mountpoint;
	struct hlist_node mnt_hash;
	struct list_head mnt_list; /* the tree's mounts, in mount order; then umount's list */
	struct list_head mnt_mounts; /* children, in mount order (under mount_lock) */
	struct list_head mnt_child;
	struct list_head mnt_instance; /* every mount with an id, until freed (mount_lock) */
	/*
	 * Atomic: a holder of a reference takes or drops another without mount_lock; a first
	 * reference is only taken from the hash under mount_lock (lookup_mnt), which umount
	 * holds while it checks that nobody else has one.
	 */
	atomic_t mnt_count;
	char *mnt_devname;
	int mnt_id; /* /proc/PID/mountinfo's: the lowest not in use, as Linux's IDA gives */
	struct mount *mnt_copy; /* copy_tree's scratch: this mount's copy; under namespace_sem */
	/* What umount_tree took from the tree, put after its locks are dropped. */
	struct mount *mnt_ex_parent;
	struct dentry *mnt_ex_mountpoint;
	/* MNT_EXPIRE's mark: set by umount2, cleared by any mntput (a use) as on Linux. */
	int mnt_expiry_mark;
};

static struct hlist_head mount_hashtable[MNT_HASH_SIZE];
static LIST_HEAD(mount_list);
static LIST_HEAD(mount_instances);
static atomic_t nr_mounts = ATOMIC_INIT(0);
static DEFINE_SPINLOCK(mount_lock);
static DECLARE_RWSEM(namespace_sem);
static struct mount *root_mount;

static struct mount *real_mount(const struct vfsmount *mnt)
{
	return container_of(mnt, struct mount, mnt);
}

static struct hlist_head *m_hash(const struct vfsmount *mnt, const struct dentry *dentry)
{
	unsigned long h = ((unsigned long)mnt >> 6) ^ ((unsigned long)dentry >> 6);

	return &mount_hashtable[h % MNT_HASH_SIZE];
}

struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt)
		atomic_inc(&real_mount(mnt)->mnt_count);
	return mnt;
}

static void cleanup_mnt(struct mount *m);

/*
 * The tree holds a reference on every attached mount, so only a mount umount_tree took out
 * reaches zero here: its last user frees it (in process context: fput, exit, path_put).
 */
static __noinline void mntput_last(struct mount *m, int count)
{
	BUG_ON(count < 0);
	cleanup_mnt(m);
}

/* Inline: every path_put of a walk comes through here, and almost never for the last time. */
static __always_inline void mntput_no_expire(struct mount *m)
{
	int c = atomic_dec_return(&m->mnt_count);

	if (unlikely(c <= 0))
		mntput_last(m, c);
}

void mntput(struct vfsmount *mnt)
{
	struct mount *m;

	if (!mnt)
		return;
	m = real_mount(mnt);
	if (unlikely(READ_ONCE(m->mnt_expiry_mark)))
		WRITE_ONCE(m->mnt_expiry_mark, 0);
	mntput_no_expire(m);
}

int nr_live_mounts(void)
{
	return atomic_read(&nr_mounts);
}

void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

bool mnt_is_readonly(const struct vfsmount *mnt)
{
	/* Pipes and anonymous files have no mount: never read-only. */
	if (!mnt)
		return false;
	return (mnt->mnt_flags & MNT_READONLY) || (mnt->mnt_sb->s_flags & SB_RDONLY);
}

bool path_noexec(const struct path *path)
{
	return path->mnt && (READ_ONCE(path->mnt->mnt_flags) & MNT_NOEXEC);
}

bool mnt_may_suid(const struct vfsmount *mnt)
{
	return !mnt || !(READ_ONCE(mnt->mnt_flags) & MNT_NOSUID);
}

int mnt_id_of(const struct vfsmount *mnt)
{
	return mnt ? real_mount(mnt)->mnt_id : 0;
}

bool may_open_dev(const struct path *path)
{
	return !path->mnt || !(READ_ONCE(path->mnt->mnt_flags) & MNT_NODEV);
}

/* mnt_parent and mnt_mountpoint change under mount_lock (move, umount): read them under it. */
bool vfs_mount_up(struct path *path)
{
	struct mount *m = real_mount(path->mnt);
	struct dentry *mountpoint = NULL;
	struct vfsmount *parent = NULL;
	unsigned long flags;

	spin_lock_irqsave(&mount_lock, flags);
	if (m->mnt_parent) {
		parent = mntget(&m->mnt_parent->mnt);
		mountpoint = dget(m->mnt_mountpoint);
	}
	spin_unlock_irqrestore(&mount_lock, flags);
	if (!parent)
		return false;
	path_put(path);
	path->mnt = parent;
	path->dentry = mountpoint;
	return true;
}

struct vfsmount *lookup_mnt(const struct path *path)
{
	struct mount *m, *found = NULL;
	unsigned long flags;

	if (!(path->dentry->d_flags & DCACHE_MOUNTED))
		return NULL;
	spin_lock_irqsave(&mount_lock, flags);
	hlist_for_each_entry(m, m_hash(path->mnt, path->dentry), mnt_hash) {
		if (&m->mnt_parent->mnt == path->mnt && m->mnt_mountpoint == path->dentry) {
			found = m; /* the last mounted on top wins: the hash keeps it first */
			atomic_inc(&found->mnt_count);
			break;
		}
	}
	spin_unlock_irqrestore(&mount_lock, flags);
	return found ? &found->mnt : NULL;
}

static struct mount *alloc_mount(struct dentry *root, const char *dev_name, int mnt_flags)
{
	struct mount *m = kzalloc(sizeof(*m), GFP_KERNEL);
	size_t len = strlen(dev_name) + 1;

	if (!m)
		return NULL;
	m->mnt_devname = kmalloc(len, GFP_KERNEL);
	if (!m->mnt_devname) {
		kfree(m);
		return NULL;
	}
	memcpy(m->mnt_devname, dev_name, len);
	m->mnt.mnt_root = root;
	m->mnt.mnt_sb = root->d_sb;
	m->mnt.mnt_flags = mnt_flags;
	atomic_set(&m->mnt_count, 1); /* the tree's reference */
	INIT_HLIST_NODE(&m->mnt_hash);
	INIT_LIST_HEAD(&m->mnt_list);
	INIT_LIST_HEAD(&m->mnt_mounts);
	INIT_LIST_HEAD(&m->mnt_child);
	INIT_LIST_HEAD(&m->mnt_instance);
	atomic_inc(&nr_mounts);
	return m;
}

/*
 * The lowest id no live mount has (from 1, as Linux's mnt_id_ida): a detached mount keeps
 * its id until freed. Set on attach, with mount_lock held, which guards mount_instances.
 */
static int mnt_alloc_id(void)
{
	struct mount *m;
	int id = 1;

	lockdep_assert_held(&mount_lock);
again:
	list_for_each_entry(m, &mount_instances, mnt_instance)
		if (m->mnt_id == id) {
			id++;
			goto again;
		}
	return id;
}

static void free_mount(struct mount *m)
{
	kfree(m->mnt_devname);
	kfree(m);
	atomic_dec(&nr_mounts);
}

/* The last reference to a mount out of the tree: its root, its super block, its id. */
static void cleanup_mnt(struct mount *m)
{
	unsigned long flags;

	BUG_ON(!(m->mnt.mnt_flags & MNT_UMOUNT));
	spin_lock_irqsave(&mount_lock, flags);
	list_del(&m->mnt_instance);
	spin_unlock_irqrestore(&mount_lock, flags);
	dput(m->mnt.mnt_root);
	deactivate_super(m->mnt.mnt_sb);
	free_mount(m);
}

/* In the tree (not taken out by umount): what Linux's check_mnt asks. */
static bool mnt_attached(const struct mount *m)
{
	return !(READ_ONCE(m->mnt.mnt_flags) & MNT_UMOUNT);
}

/*
 * The mount after p in a walk of the tree below root, parents before their children (in
 * each parent's mount order); NULL at the end. Under namespace_sem or mount_lock.
 */
static struct mount *next_mnt(struct mount *p, struct mount *root)
{
	if (!list_empty(&p->mnt_mounts))
		return list_first_entry(&p->mnt_mounts, struct mount, mnt_child);
	while (p != root) {
		if (!list_is_last(&p->mnt_child, &p->mnt_parent->mnt_mounts))
			return list_next_entry(p, mnt_child);
		p = p->mnt_parent;
	}
	return NULL;
}

/* The last mount of p's subtree in next_mnt's order: a walk resumes after it to skip it. */
static struct mount *skip_mnt_tree(struct mount *p)
{
	while (!list_empty(&p->mnt_mounts))
		p = list_last_entry(&p->mnt_mounts, struct mount, mnt_child);
	return p;
}

/* Attaches m at path (referenced for the tree: the mount point dentry and parent mount). */
static void attach_mount(struct mount *m, const struct path *path)
{
	unsigned long flags;

	lockdep_assert_held(&namespace_sem);
	m->mnt_mountpoint = dget(path->dentry);
	m->mnt_parent = real_mount(mntget(path->mnt));
	spin_lock_irqsave(&mount_lock, flags);
	m->mnt_id = mnt_alloc_id();
	list_add_tail(&m->mnt_instance, &mount_instances);
	path->dentry->d_flags |= DCACHE_MOUNTED;
	hlist_add_head(&m->mnt_hash, m_hash(path->mnt, path->dentry));
	list_add_tail(&m->mnt_child, &m->mnt_parent->mnt_mounts);
	list_add_tail(&m->mnt_list, &mount_list);
	spin_unlock_irqrestore(&mount_lock, flags);
}

/* Whether a mount of the tree other than except sits on dentry; under mount_lock. */
static bool still_mounted_on(struct dentry *dentry, struct mount *except)
{
	struct mount *m;

	lockdep_assert_held(&mount_lock);
	list_for_each_entry(m, &mount_list, mnt_list)
		if (m != except && m->mnt_mountpoint == dentry)
			return true;
	return false;
}

/*
 * Takes top and every mount below it out of the tree (Linux's umount_tree): out of the hash
 * and the lists, each without a parent, so no walk reaches them any more, while whoever holds
 * one keeps using it. They go on *dead, in the tree's order, for put_umounted once the
 * locks are dropped. Under namespace_sem and mount_lock, so that a plain umount's check that
 * nobody uses the mount holds until it is out.
 */
static void umount_tree(struct mount *top, struct list_head *dead)
{
	struct mount *p;

	lockdep_assert_held(&namespace_sem);
	lockdep_assert_held(&mount_lock);
	for (p = top; p; p = next_mnt(p, top)) {
		list_del(&p->mnt_list);
		list_add_tail(&p->mnt_list, dead);
		WRITE_ONCE(p->mnt.mnt_flags, p->mnt.mnt_flags | MNT_UMOUNT);
	}
	list_for_each_entry(p, dead, mnt_list) {
		hlist_del_init(&p->mnt_hash);
		list_del_init(&p->mnt_child);
		if (!still_mounted_on(p->mnt_mountpoint, NULL))
			p->mnt_mountpoint->d_flags &= ~DCACHE_MOUNTED;
		p->mnt_ex_parent = p->mnt_parent;
		p->mnt_ex_mountpoint = p->mnt_mountpoint;
		p->mnt_parent = NULL;
		p->mnt_mountpoint = NULL;
	}
}

/*
 * Drops what the tree held of umount_tree's mounts: the mount point, the reference on the
 * parent, the tree's own. A parent comes before its children, so a parent freed by its
 * child's put is already off the list.
 */
static void put_umounted(struct list_head *dead)
{
	struct mount *p, *next;

	list_for_each_entry_safe(p, next, dead, mnt_list) {
		list_del_init(&p->mnt_list);
		dput(p->mnt_ex_mountpoint);
		mntput_no_expire(p->mnt_ex_parent);
		p->mnt_ex_mountpoint = NULL;
		p->mnt_ex_parent = NULL;
		mntput_no_expire(p);
	}
}

static int do_new_mount(const struct path *path, const char *type, unsigned long sb_flags,
			int mnt_flags, const char *dev_name, void *data)
{
	struct file_system_type *fs = get_fs_type(type);
	struct dentry *root;
	struct mount *m;

	lockdep_assert_held(&namespace_sem);
	if (!fs)
		return -ENODEV;
	if (!mnt_attached(real_mount(path->mnt)))
		return -ENOENT; /* Linux 6.18's answer for a mount point out of the tree */
	if (!d_is_dir(path->dentry))
		return -ENOTDIR;
	root = fs->mount(fs, sb_flags, dev_name, data);
	if (IS_ERR(root))
		return PTR_ERR(root);
	m = alloc_mount(root, dev_name, mnt_flags);
	if (!m) {
		dput(root);
		deactivate_super(root->d_sb);
		return -ENOMEM;
	}
	attach_mount(m, path);
	return 0;
}

/* A new mount of old's file system rooted at root, with old's flags; not attached yet. */
static struct mount *clone_mnt(struct mount *old, struct dentry *root)
{
	int flags = READ_ONCE(old->mnt.mnt_flags) & ~(MNT_UNBINDABLE | MNT_UMOUNT);
	struct mount *m = alloc_mount(root, old->mnt_devname, flags);

	if (!m)
		return NULL;
	dget(root);
	atomic_inc(&root->d_sb->s_active);
	return m;
}

/* Undoes clone_mnt for a mount never attached (the original keeps the super block alive). */
static void drop_clone(struct mount *m)
{
	dput(m->mnt.mnt_root);
	deactivate_super(m->mnt.mnt_sb);
	free_mount(m);
}

/*
 * Copies of the mounts below old (within its mount, at or under its directory) and below
 * those, walked down the tree (a parent before its children) and left out with their subtrees
 * when unbindable, as Linux's copy_tree, onto *copies with mnt_parent the parent's copy and
 * mnt_mountpoint the dentry to attach at (both unreferenced until attach_mount). 0 or
 * -ENOMEM, with nothing left on *copies.
 */
static int copy_submounts(struct mount *src, const struct path *old, struct mount *top,
			  struct list_head *copies)
{
	struct mount *r, *m, *copy, *next;
	int err = 0;

	lockdep_assert_held(&namespace_sem);
	src->mnt_copy = top;
	list_for_each_entry(r, &src->mnt_mounts, mnt_child) {
		if (!is_subdir(r->mnt_mountpoint, old->dentry))
			continue;
		for (m = r; m && !err; m = next_mnt(m, r)) {
			if (m->mnt.mnt_flags & MNT_UNBINDABLE) {
				m = skip_mnt_tree(m);
				continue;
			}
			copy = clone_mnt(m, m->mnt.mnt_root);
			if (!copy) {
				err = -ENOMEM;
				break;
			}
			copy->mnt_parent = m->mnt_parent->mnt_copy;
			copy->mnt_mountpoint = m->mnt_mountpoint;
			m->mnt_copy = copy;
			list_add_tail(&copy->mnt_list, copies);
		}
		if (err)
			break;
	}
	for (m = src; m; m = next_mnt(m, src))
		m->mnt_copy = NULL;
	if (err) {
		list_for_each_entry_safe(copy, next, copies, mnt_list) {
			list_del(&copy->mnt_list);
			drop_clone(copy);
		}
	}
	return err;
}

/*
 * MS_BIND: the tree below old_name, as the mount it is in shows it (its flags kept, the flags
 * mount was given ignored, as Linux's do_loopback), mounted at path as well; with MS_REC the
 * mounts below old_name come along, each copied onto its parent's copy. Every copy is one
 * more user of its super block (s_active), so that either mount may be unmounted first.
 */
static int do_loopback(const struct path *path, const char *old_name, bool recurse)
{
	struct mount *top, *copy, *next;
	LIST_HEAD(copies);
	struct path old;
	int err;

	lockdep_assert_held(&namespace_sem);
	if (!old_name || !*old_name)
		return -EINVAL;
	err = kern_path(old_name, LOOKUP_FOLLOW, &old);
	if (err)
		return err;
	/* Linux's order: a target out of the tree, an unbindable or detached source: EINVAL. */
	err = -EINVAL;
	if (!mnt_attached(real_mount(path->mnt)) || (old.mnt->mnt_flags & MNT_UNBINDABLE) ||
	    !mnt_attached(real_mount(old.mnt)))
		goto out;
	err = -ENOTDIR;
	if (d_is_dir(old.dentry) != d_is_dir(path->dentry))
		goto out;
	err = -EINVAL;
	if (d_is_symlink(old.dentry))
		goto out;
	err = -ENOMEM;
	top = clone_mnt(real_mount(old.mnt), old.dentry);
	if (!top)
		goto out;
	err = recurse ? copy_submounts(real_mount(old.mnt), &old, top, &copies) : 0;
	if (err) {
		drop_clone(top);
		goto out;
	}
	/* Attached only now: a target inside the source tree is not copied into itself. */
	attach_mount(top, path);
	list_for_each_entry_safe(copy, next, &copies, mnt_list) {
		struct path at = { .mnt = &copy->mnt_parent->mnt, .dentry = copy->mnt_mountpoint };

		list_del(&copy->mnt_list);
		attach_mount(copy, &at);
	}
out:
	path_put(&old);
	return err;
}

/*
 * The user-settable flags of a mount replaced by mnt_flags, the kernel's own kept (Linux's
 * set_mount_attributes). Readers (exec, open, mmap) take the word without a lock: each
 * sees the old flags or the new, as on Linux.
 */
static void set_mount_attributes(struct vfsmount *mnt, int mnt_flags)
{
	lockdep_assert_held(&namespace_sem);
	mnt_flags |= mnt->mnt_flags & ~MNT_USER_SETTABLE_MASK;
	WRITE_ONCE(mnt->mnt_flags, mnt_flags);
}

/* MS_REMOUNT|MS_BIND: the mount's own flags only, the file system untouched. */
static int do_reconfigure_mnt(const struct path *path, int mnt_flags)
{
	lockdep_assert_held(&namespace_sem);
	if (!mnt_attached(real_mount(path->mnt)) || path->dentry != path->mnt->mnt_root)
		return -EINVAL;
	set_mount_attributes(path->mnt, mnt_flags);
	return 0;
}

/*
 * MS_REMOUNT: the super block's read-only state and the mount's flags. Our file systems
 * have no options to change on a remount (tmpfs's size and mode stay), so data is ignored.
 */
static int do_remount(const struct path *path, unsigned long sb_flags, int mnt_flags)
{
	struct super_block *sb = path->mnt->mnt_sb;

	lockdep_assert_held(&namespace_sem);
	if (!mnt_attached(real_mount(path->mnt)) || path->dentry != path->mnt->mnt_root)
		return -EINVAL;
	/* s_flags changes only here after the super block is made: under namespace_sem. */
	if (sb_flags & MS_RDONLY)
		WRITE_ONCE(sb->s_flags, sb->s_flags | SB_RDONLY);
	else
		WRITE_ONCE(sb->s_flags, sb->s_flags & ~SB_RDONLY);
	set_mount_attributes(path->mnt, mnt_flags);
	return 0;
}

/*
 * MS_MOVE: the mount at old_name's root, with every mount below it, moved onto path (Linux's
 * do_move_mount): EINVAL for a target or source out of the tree, a source that is no mount's
 * root or the root mount, a directory onto a file or back; ELOOP for a target inside the
 * source. The mount keeps its id and its place in mount_list (/proc/mounts lists mounts by
 * age, as Linux 6.8 and later do), which therefore no longer lists parents first.
 */
static int do_move_mount(const struct path *path, const char *old_name)
{
	struct mount *old, *p, *ex_parent;
	struct dentry *ex_mountpoint;
	unsigned long flags;
	struct path from;
	int err;

	lockdep_assert_held(&namespace_sem);
	if (!old_name || !*old_name)
		return -EINVAL;
	err = kern_path(old_name, LOOKUP_FOLLOW, &from);
	if (err)
		return err;
	old = real_mount(from.mnt);
	p = real_mount(path->mnt);
	err = -EINVAL;
	if (!mnt_attached(p) || !mnt_attached(old) || !old->mnt_parent ||
	    from.dentry != from.mnt->mnt_root || d_is_dir(path->dentry) != d_is_dir(from.dentry))
		goto out;
	err = -ELOOP;
	for (; p->mnt_parent; p = p->mnt_parent)
		if (p == old)
			goto out;
	err = 0;
	dget(path->dentry);
	mntget(path->mnt);
	spin_lock_irqsave(&mount_lock, flags);
	ex_parent = old->mnt_parent;
	ex_mountpoint = old->mnt_mountpoint;
	hlist_del_init(&old->mnt_hash);
	list_del(&old->mnt_child);
	if (!still_mounted_on(ex_mountpoint, old))
		ex_mountpoint->d_flags &= ~DCACHE_MOUNTED;
	old->mnt_parent = real_mount(path->mnt);
	old->mnt_mountpoint = path->dentry;
	path->dentry->d_flags |= DCACHE_MOUNTED;
	hlist_add_head(&old->mnt_hash, m_hash(path->mnt, path->dentry));
	list_add_tail(&old->mnt_child, &old->mnt_parent->mnt_mounts);
	old->mnt_expiry_mark = 0; /* as Linux: a moved mount no longer expires */
	spin_unlock_irqrestore(&mount_lock, flags);
	dput(ex_mountpoint);
	mntput_no_expire(ex_parent);
out:
	path_put(&from);
	return err;
}

/*
 * MS_PRIVATE, MS_SLAVE, MS_UNBINDABLE (with MS_REC: on every mount below too), exactly one
 * of them (Linux's flags_to_propagation_type). Every mount here is private (no propagation),
 * so private and slave are the same; unbindable is kept and refuses MS_BIND. MS_SHARED is
 * EINVAL: a deviation, there is no propagation.
 */
static int do_change_type(const struct path *path, unsigned long ms_flags)
{
	unsigned long type = ms_flags & ~(MS_REC | MS_SILENT);
	struct mount *top = real_mount(path->mnt), *m;

	lockdep_assert_held(&namespace_sem);
	if (path->dentry != path->mnt->mnt_root)
		return -EINVAL;
	if ((type & ~(MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE)) || !type ||
	    (type & (type - 1)))
		return -EINVAL;
	if (!mnt_attached(top) || type == MS_SHARED)
		return -EINVAL;
	for (m = top; m; m = (ms_flags & MS_REC) ? next_mnt(m, top) : NULL) {
		int f = m->mnt.mnt_flags;

		/* slave keeps unbindable, as Linux's change_mnt_propagation */
		if (type == MS_UNBINDABLE)
			f |= MNT_UNBINDABLE;
		else if (type == MS_PRIVATE)
			f &= ~MNT_UNBINDABLE;
		WRITE_ONCE(m->mnt.mnt_flags, f);
	}
	return 0;
}

/*
 * mount(2)'s flags split as Linux's path_mount splits them: the per-mount ones (nosuid,
 * nodev, noexec, the atime ones, read-only) into mnt_flags, the file system's own into
 * sb_flags. A new mount is relatime unless it asks otherwise; a remount that names no atime
 * flag keeps the mount's.
 */
int do_mount(const char *dev_name, const char *dir_name, const char *type, unsigned long flags,
	     void *data)
{
	unsigned long sb_flags;
	int mnt_flags = 0;
	struct path path;
	int err;

	if (flags & MS_NOUSER)
		return -EINVAL;
	if (!(flags & MS_NOATIME))
		mnt_flags |= MNT_RELATIME;
	if (flags & MS_NOSUID)
		mnt_flags |= MNT_NOSUID;
	if (flags & MS_NODEV)
		mnt_flags |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		mnt_flags |= MNT_NOEXEC;
	if (flags & MS_NOATIME)
		mnt_flags |= MNT_NOATIME;
	if (flags & MS_NODIRATIME)
		mnt_flags |= MNT_NODIRATIME;
	if (flags & MS_STRICTATIME)
		mnt_flags &= ~(MNT_RELATIME | MNT_NOATIME);
	if (flags & MS_RDONLY)
		mnt_flags |= MNT_READONLY;
	if (flags & MS_NOSYMFOLLOW)
		mnt_flags |= MNT_NOSYMFOLLOW;
	sb_flags = flags & (MS_RDONLY | MS_SYNCHRONOUS | MS_MANDLOCK | MS_DIRSYNC | MS_SILENT);

	err = kern_path(dir_name, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	down_write(&namespace_sem);
	if ((flags & MS_REMOUNT) &&
	    !(flags & (MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME))) {
		mnt_flags &= ~MNT_ATIME_MASK;
		mnt_flags |= path.mnt->mnt_flags & MNT_ATIME_MASK;
	}
	if ((flags & (MS_REMOUNT | MS_BIND)) == (MS_REMOUNT | MS_BIND))
		err = do_reconfigure_mnt(&path, mnt_flags);
	else if (flags & MS_REMOUNT)
		err = do_remount(&path, sb_flags, mnt_flags);
	else if (flags & MS_BIND)
		err = do_loopback(&path, dev_name, flags & MS_REC);
	else if (flags & (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE))
		err = do_change_type(&path, flags);
	else if (flags & MS_MOVE)
		err = do_move_mount(&path, dev_name);
	else
		err = do_new_mount(&path, type ? type : "", sb_flags, mnt_flags,
				   dev_name ? dev_name : "none", data);
	up_write(&namespace_sem);
	path_put(&path);
	return err;
}

#define MNT_EXPIRE 0x4
#define UMOUNT_NOFOLLOW 0x8

/*
 * umount2 on a resolved name, in Linux's order (path_umount, do_umount): EPERM for a user
 * without privilege, EINVAL for no mount's root or a mount out of the tree; MNT_EXPIRE: EINVAL
 * with MNT_DETACH or MNT_FORCE or for the caller's root mount, EBUSY in use, EAGAIN the first
 * time (the mark a later use clears); the caller's root mount without MNT_DETACH is remounted
 * read-only, as Linux; then MNT_DETACH takes the mount and those below it out at once, and a
 * plain unmount does it when nobody uses the mount (EBUSY otherwise).
 */
static int umount_path(struct path *path, int flags)
{
	struct mount *m = real_mount(path->mnt);
	unsigned long irqflags;
	struct path root;
	LIST_HEAD(dead);
	bool is_root;
	int err;

	if (current_cred()->euid != 0)
		return -EPERM;
	if (path->dentry != path->mnt->mnt_root)
		return -EINVAL;
	is_root = false;
	if (current->fs) {
		get_fs_root(current->fs, &root);
		is_root = root.mnt == path->mnt;
		path_put(&root);
	}
	down_write(&namespace_sem);
	err = -EINVAL;
	if (!mnt_attached(m))
		goto out;
	if (flags & MNT_EXPIRE) {
		if (is_root || (flags & (MNT_FORCE | MNT_DETACH)))
			goto out;
		spin_lock_irqsave(&mount_lock, irqflags);
		/* The tree's reference and ours: anything more is a user. */
		err = atomic_read(&m->mnt_count) != 2 || !list_empty(&m->mnt_mounts) ? -EBUSY : 0;
		spin_unlock_irqrestore(&mount_lock, irqflags);
		if (!err && !READ_ONCE(m->mnt_expiry_mark)) {
			WRITE_ONCE(m->mnt_expiry_mark, 1);
			err = -EAGAIN;
		}
		if (err)
			goto out;
	}
	if (is_root && !(flags & MNT_DETACH)) {
		/* s_flags changes only under namespace_sem after the super block is made. */
		WRITE_ONCE(m->mnt.mnt_sb->s_flags, m->mnt.mnt_sb->s_flags | SB_RDONLY);
		err = 0;
		goto out;
	}
	err = -EINVAL;
	if (m == root_mount)
		goto out; /* a deviation: Linux detaches even the namespace's root */
	err = 0;
	spin_lock_irqsave(&mount_lock, irqflags);
	/* Checked and taken out under one hold: no walk gets a first reference in between. */
	if (!(flags & MNT_DETACH) &&
	    (atomic_read(&m->mnt_count) > 2 || !list_empty(&m->mnt_mounts)))
		err = -EBUSY;
	else
		umount_tree(m, &dead);
	spin_unlock_irqrestore(&mount_lock, irqflags);
out:
	up_write(&namespace_sem);
	put_umounted(&dead);
	return err;
}

int do_umount(const char *dir_name, int flags)
{
	struct path path;
	int err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	err = kern_path(dir_name, (flags & UMOUNT_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = umount_path(&path, flags);
	/* Not path_put: umount2's own walk is no use that clears MNT_EXPIRE's mark. */
	dput(path.dentry);
	mntput_no_expire(real_mount(path.mnt));
	return err;
}

/*
 * Paths for /proc/mounts and mountinfo, built from their end backwards in buf itself (from
 * *start down), then moved to the front, so no second PATH_MAX buffer is needed. Prepends
 * "/name" for d and each parent until top (or a file system's root); false when too deep.
 */
static bool prepend_dentries(struct dentry *d, const struct dentry *top, char *buf, size_t *start)
{
	while (d != top && d->d_parent != d) {
		size_t n = d->d_name.len;

		if (n + 1 > *start)
			return false; /* keep the tail that fits */
		*start -= n + 1;
		buf[*start] = '/';
		memcpy(buf + *start + 1, d->d_name.name, n);
		d = d->d_parent;
	}
	return true;
}

static void path_to_front(char *buf, size_t start, size_t size)
{
	if (start == size - 1)
		strscpy(buf, "/", size);
	else
		memmove(buf, buf + start, size - start);
}

/* Where m is mounted, from the root of the tree. */
static void mount_path(struct mount *m, char *buf, size_t size)
{
	size_t start = size - 1;

	buf[start] = '\0';
	while (m != root_mount && m->mnt_parent) {
		if (!prepend_dentries(m->mnt_mountpoint, m->mnt_parent->mnt.mnt_root, buf, &start))
			break;
		m = m->mnt_parent;
	}
	path_to_front(buf, start, size);
}

/* m's root within its file system: "/" but for a bind mount. */
static void mount_root(struct mount *m, char *buf, size_t size)
{
	size_t start = size - 1;

	buf[start] = '\0';
	prepend_dentries(m->mnt.mnt_root, m->mnt.mnt_sb->s_root, buf, &start);
	path_to_front(buf, start, size);
}

/*
 * A mount's options as /proc/mounts shows them (Linux's show_vfsmnt and show_mnt_opts, in
 * their order): "ro" or "rw", then the mount's flags. The super block keeps no sync, dirsync
 * or mand flag here, so none of those is shown.
 */
static void mount_opts(struct mount *m, char *buf, size_t size)
{
	static const struct {
		int flag;
		const char *name;
	} opts[] = {
		{ MNT_NOSUID, ",nosuid" },	     { MNT_NODEV, ",nodev" },
		{ MNT_NOEXEC, ",noexec" },	     { MNT_NOATIME, ",noatime" },
		{ MNT_NODIRATIME, ",nodiratime" },   { MNT_RELATIME, ",relatime" },
		{ MNT_NOSYMFOLLOW, ",nosymfollow" },
	};
	int mnt_flags = READ_ONCE(m->mnt.mnt_flags);
	size_t len;

	strscpy(buf, mnt_is_readonly(&m->mnt) ? "ro" : "rw", size);
	len = strlen(buf);
	for (size_t i = 0; i < ARRAY_SIZE(opts); i++)
		if ((mnt_flags & opts[i].flag) && strscpy(buf + len, opts[i].name, size - len) > 0)
			len += strlen(opts[i].name);
}

/* Calls show for every mount; -ENOMEM if there is no room for the path buffers. */
int iterate_mounts(mount_show_fn show, void *arg)
{
	char *path = kmalloc(2 * PATH_MAX, GFP_KERNEL), *root = path + PATH_MAX;
	char opts[80]; /* every option: 63 bytes */
	struct mount_entry e;
	struct mount *m;

	if (!path)
		return -ENOMEM;
	down_read(&namespace_sem);
	list_for_each_entry(m, &mount_list, mnt_list) {
		mount_path(m, path, PATH_MAX);
		mount_root(m, root, PATH_MAX);
		mount_opts(m, opts, sizeof(opts));
		e.id = m->mnt_id;
		e.parent_id = m->mnt_parent ? m->mnt_parent->mnt_id : m->mnt_id;
		e.s_dev = m->mnt.mnt_sb->s_dev;
		e.root = root;
		e.path = path;
		e.opts = opts;
		e.sb_rdonly = m->mnt.mnt_sb->s_flags & SB_RDONLY;
		e.unbindable = m->mnt.mnt_flags & MNT_UNBINDABLE;
		e.type = m->mnt.mnt_sb->s_type->name;
		e.dev = m->mnt_devname;
		show(&e, arg);
	}
	up_read(&namespace_sem);
	kfree(path);
	return 0;
}

/* The root file system: a tmpfs until a later step mounts the disk there. */
void mnt_init(void)
{
	struct file_system_type *fs = get_fs_type("tmpfs");
	struct dentry *root;
	unsigned long flags;

	for (int i = 0; i < MNT_HASH_SIZE; i++)
		INIT_HLIST_HEAD(&mount_hashtable[i]);
	if (!fs)
		panic("VFS: no tmpfs to mount as the root");
	root = fs->mount(fs, 0, "rootfs", "mode=0755");
	if (IS_ERR(root))
		panic("VFS: cannot mount the root file system (%ld)", PTR_ERR(root));
	root_mount = alloc_mount(root, "rootfs", 0);
	if (!root_mount)
		panic("VFS: no memory for the root mount");
	root_mount->mnt_id = 1; /* the first: later mounts take the lowest id left (attach) */
	spin_lock_irqsave(&mount_lock, flags);
	list_add_tail(&root_mount->mnt_list, &mount_list);
	list_add_tail(&root_mount->mnt_instance, &mount_instances);
	spin_unlock_irqrestore(&mount_lock, flags);
	set_fs_root_pwd(&root_mount->mnt, root);
}

/* ---- mount(2) and umount2(2) -------------------------------------------------------- */

#define MS_MGC_MSK 0xffff0000ul /* the old magic in the upper half, ignored as on Linux */
#define MS_MGC_VAL 0xc0ed0000ul

/*
 * A string argument of mount from user memory, as Linux's strndup_user: "" allowed, EFAULT,
 * EINVAL when longer than PATH_MAX; NULL stays NULL. Freed with kfree.
 */
static char *copy_mount_string(const char __user *s)
{
	char *k;
	long len;

	if (!s)
		return NULL;
	k = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!k)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(k, s, PATH_MAX);
	if (len < 0 || len == PATH_MAX) {
		kfree(k);
		return ERR_PTR(len < 0 ? -EFAULT : -EINVAL);
	}
	return k;
}

/*
 * mount: new mounts of the registered file systems (tmpfs, proc, devtmpfs...) on a directory,
 * MS_REMOUNT (with MS_BIND: the mount's flags alone), MS_BIND, MS_MOVE, and the propagation
 * changes but MS_SHARED. Root only (CAP_SYS_ADMIN).
 */
long sys_mount(char __user *dev_name, char __user *dir_name, char __user *type, unsigned long flags,
	       void __user *data)
{
	char *kdev = NULL, *kdir, *ktype = NULL, *kdata = NULL;
	long err;

	if (current_cred()->euid != 0)
		return -EPERM;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	kdir = getname(dir_name);
	if (IS_ERR(kdir))
		return PTR_ERR(kdir);
	ktype = copy_mount_string(type);
	err = PTR_ERR(ktype);
	if (IS_ERR(ktype))
		goto out_dir;
	kdev = copy_mount_string(dev_name);
	err = PTR_ERR(kdev);
	if (IS_ERR(kdev))
		goto out_type;
	if (data) {
		/* Options are a string for every file system we have: at most a page of it. */
		kdata = kzalloc(PAGE_SIZE, GFP_KERNEL);
		err = -ENOMEM;
		if (!kdata)
			goto out_dev;
		err = strncpy_from_user(kdata, data, PAGE_SIZE - 1);
		if (err < 0)
			goto out_data;
	}
	err = -ENODEV;
	if ((flags & (MS_REMOUNT | MS_BIND | MS_MOVE | MS_SHARED | MS_PRIVATE | MS_SLAVE |
		      MS_UNBINDABLE)) ||
	    (ktype && *ktype))
		err = do_mount(kdev, kdir, ktype, flags, kdata);
out_data:
	kfree(kdata);
out_dev:
	kfree(kdev);
out_type:
	kfree(ktype);
out_dir:
	putname(kdir);
	return err;
}

/* umount2: root only; MNT_FORCE is accepted (nothing to abort); MNT_DETACH is lazy. */
long sys_umount2(char __user *name, int flags)
{
	char *kname;
	long err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	kname = getname(name);
	if (IS_ERR(kname))
		return PTR_ERR(kname);
	err = do_umount(kname, flags);
	putname(kname);
	return err;
}
