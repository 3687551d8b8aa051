// SPDX-License-Identifier: GPL-2.0
/*
 * The mount tree. Each struct mount puts a directory of a super block (its root, or any
 * directory or file for a bind mount) at a dentry of its parent mount; a hash by (parent
 * mount, dentry) answers "is something mounted here" during path walks. A mount's count
 * includes the tree's own reference and one per user (open files, working directories, walks
 * in progress); unmounting a mount someone still uses is EBUSY. Each mount carries Linux's
 * per-mount flags (MNT_NOSUID, MNT_NODEV, MNT_NOEXEC, the atime ones, MNT_READONLY), which
 * exec, open, mmap and the path walk consult.
 *
 * Locking: namespace_sem (a rw_semaphore) orders mount and unmount against each other;
 * mount_lock (a spinlock) covers the hash, the lists and the counts for walkers. mnt_flags
 * change under namespace_sem and are read without a lock (one word: old or new).
 */
#include <kernel/fs.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/syscalls.h>

#include "internal.h"

#define MNT_HASH_SIZE 64

struct mount {
	struct vfsmount mnt;
	struct mount *mnt_parent;
	struct dentry *mnt_mountpoint;
	struct hlist_node mnt_hash;
	struct list_head mnt_list; /* all mounts, in mount order */
	struct list_head mnt_mounts; /* children */
	struct list_head mnt_child;
	/*
	 * Atomic: a holder of a reference takes or drops another without mount_lock; a first
	 * reference is only taken from the hash under mount_lock (lookup_mnt), which umount
	 * holds while it checks that nobody else has one.
	 */
	atomic_t mnt_count;
	char *mnt_devname;
	int mnt_id; /* /proc/PID/mountinfo's: the lowest not in use, as Linux's IDA gives */
	struct mount *mnt_copy; /* copy_tree's scratch: this mount's copy; under namespace_sem */
};

static struct hlist_head mount_hashtable[MNT_HASH_SIZE];
static LIST_HEAD(mount_list);
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

/* Only drops the count: a mount is freed by umount (or by whoever made it and failed). */
void mntput(struct vfsmount *mnt)
{
	if (mnt)
		BUG_ON(atomic_dec_return(&real_mount(mnt)->mnt_count) < 0);
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

bool vfs_mount_up(struct path *path)
{
	struct mount *m = real_mount(path->mnt);
	struct dentry *mountpoint;
	struct vfsmount *parent;

	if (!m->mnt_parent)
		return false;
	parent = mntget(&m->mnt_parent->mnt);
	mountpoint = dget(m->mnt_mountpoint);
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
	INIT_LIST_HEAD(&m->mnt_mounts);
	INIT_LIST_HEAD(&m->mnt_child);
	return m;
}

/*
 * The lowest id no mount has (from 1, as Linux's mnt_id_ida): set on attach, under
 * namespace_sem (write), which every change of the list holds.
 */
static int mnt_alloc_id(void)
{
	struct mount *m;
	int id = 1;

	lockdep_assert_held(&namespace_sem);
again:
	list_for_each_entry(m, &mount_list, mnt_list)
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
}

/* Attaches m at path (referenced for the tree: the mount point dentry and parent mount). */
static void attach_mount(struct mount *m, const struct path *path)
{
	unsigned long flags;

	m->mnt_id = mnt_alloc_id();
	m->mnt_mountpoint = dget(path->dentry);
	m->mnt_parent = real_mount(mntget(path->mnt));
	spin_lock_irqsave(&mount_lock, flags);
	path->dentry->d_flags |= DCACHE_MOUNTED;
	hlist_add_head(&m->mnt_hash, m_hash(path->mnt, path->dentry));
	list_add_tail(&m->mnt_child, &m->mnt_parent->mnt_mounts);
	list_add_tail(&m->mnt_list, &mount_list);
	spin_unlock_irqrestore(&mount_lock, flags);
}

static bool still_mounted_on(struct dentry *dentry)
{
	struct mount *m;

	list_for_each_entry(m, &mount_list, mnt_list)
		if (m->mnt_mountpoint == dentry)
			return true;
	return false;
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
	struct mount *m = alloc_mount(root, old->mnt_devname, READ_ONCE(old->mnt.mnt_flags));

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
 * those, in mount order (a parent is always listed before its children), onto *copies with
 * mnt_parent the parent's copy and mnt_mountpoint the dentry to attach at (both unreferenced
 * until attach_mount). 0 or -ENOMEM, with nothing left on *copies.
 */
static int copy_submounts(struct mount *src, const struct path *old, struct mount *top,
			  struct list_head *copies)
{
	struct mount *m, *copy, *next;
	int err = 0;

	lockdep_assert_held(&namespace_sem);
	src->mnt_copy = top;
	list_for_each_entry(m, &mount_list, mnt_list) {
		if (!m->mnt_parent || !m->mnt_parent->mnt_copy)
			continue;
		if (m->mnt_parent == src && !is_subdir(m->mnt_mountpoint, old->dentry))
			continue;
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
	list_for_each_entry(m, &mount_list, mnt_list)
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
	if (path->dentry != path->mnt->mnt_root)
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
	if (path->dentry != path->mnt->mnt_root)
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
	else
		err = do_new_mount(&path, type ? type : "", sb_flags, mnt_flags,
				   dev_name ? dev_name : "none", data);
	up_write(&namespace_sem);
	path_put(&path);
	return err;
}

int do_umount(const char *dir_name, int flags)
{
	struct dentry *mountpoint = NULL, *root;
	struct mount *m, *parent;
	unsigned long irqflags;
	struct path path;
	int err;

	err = kern_path(dir_name, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	m = real_mount(path.mnt);
	if (path.dentry != path.mnt->mnt_root || m == root_mount) {
		path_put(&path);
		return -EINVAL;
	}
	down_write(&namespace_sem);
	spin_lock_irqsave(&mount_lock, irqflags);
	/* The tree's reference and ours: anything more is a user. */
	if (atomic_read(&m->mnt_count) > 2 || !list_empty(&m->mnt_mounts)) {
		spin_unlock_irqrestore(&mount_lock, irqflags);
		up_write(&namespace_sem);
		path_put(&path);
		return -EBUSY;
	}
	hlist_del_init(&m->mnt_hash);
	list_del(&m->mnt_child);
	list_del(&m->mnt_list);
	mountpoint = m->mnt_mountpoint;
	parent = m->mnt_parent;
	if (!still_mounted_on(mountpoint))
		mountpoint->d_flags &= ~DCACHE_MOUNTED;
	atomic_sub(2, &m->mnt_count);
	spin_unlock_irqrestore(&mount_lock, irqflags);
	up_write(&namespace_sem);

	/* Our walk's reference on the root dentry; the mount's own goes below. */
	dput(path.dentry);
	root = m->mnt.mnt_root;
	dput(root);
	deactivate_super(m->mnt.mnt_sb);
	dput(mountpoint);
	mntput(&parent->mnt);
	free_mount(m);
	return 0;
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
	spin_unlock_irqrestore(&mount_lock, flags);
	set_fs_root_pwd(&root_mount->mnt, root);
}

/* ---- mount(2) and umount2(2) -------------------------------------------------------- */

#define MS_MGC_MSK 0xffff0000ul /* the old magic in the upper half, ignored as on Linux */
#define MS_MGC_VAL 0xc0ed0000ul
#define MS_SHARED_ETC (0x100000 | 0x40000 | 0x80000 | 0x20000) /* SHARED|PRIVATE|SLAVE|UNBINDABLE */
#define MNT_EXPIRE 0x4
#define UMOUNT_NOFOLLOW 0x8

/* A string argument of mount from user memory (NULL stays NULL), or an ERR_PTR. */
static char *copy_mount_string(const char __user *s)
{
	return s ? getname(s) : NULL;
}

/*
 * mount: new mounts of the registered file systems (tmpfs, proc, devtmpfs...) on a directory,
 * MS_REMOUNT (with MS_BIND: the mount's flags alone), MS_BIND. Root only (CAP_SYS_ADMIN).
 * MS_MOVE and the propagation changes are not supported yet: -EINVAL.
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
	if (flags & (MS_MOVE | MS_SHARED_ETC))
		return -EINVAL;
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
	if ((flags & (MS_REMOUNT | MS_BIND)) || (ktype && *ktype))
		err = do_mount(kdev, kdir, ktype, flags, kdata);
out_data:
	kfree(kdata);
out_dev:
	if (kdev)
		putname(kdev);
out_type:
	if (ktype)
		putname(ktype);
out_dir:
	putname(kdir);
	return err;
}

/*
 * umount2: root only; MNT_FORCE is accepted (nothing to abort); MNT_DETACH (lazy) is refused
 * with -EBUSY when the mount is in use rather than detached, a deviation.
 */
long sys_umount2(char __user *name, int flags)
{
	char *kname;
	long err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if ((flags & MNT_EXPIRE) && (flags & (MNT_FORCE | MNT_DETACH)))
		return -EINVAL;
	if (current_cred()->euid != 0)
		return -EPERM;
	kname = getname(name);
	if (IS_ERR(kname))
		return PTR_ERR(kname);
	err = do_umount(kname, flags);
	putname(kname);
	return err;
}
