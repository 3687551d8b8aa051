/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KERNEL_FS_H
#define _KERNEL_FS_H

#include <asm/page.h>
#include <kernel/atomic.h>
#include <kernel/cred.h>
#include <kernel/errno.h>
#include <kernel/fs_struct.h>
#include <kernel/list.h>
#include <kernel/mm_types.h>
#include <kernel/mutex.h>
#include <kernel/rbtree.h>
#include <kernel/rwsem.h>
#include <kernel/spinlock.h>
#include <kernel/time.h>
#include <kernel/types.h>
#include <kernel/wait.h>
#include <uapi/fcntl.h>
#include <uapi/limits.h>
#include <uapi/stat.h>

/*
 * The virtual file system (fs/): the objects every file system, device and pipe plugs into,
 * in Linux's shape and with Linux's names, so that readers from Linux find their way.
 *
 *   super_block  one mounted file system instance     super_operations
 *   inode        one file (any type)                  inode_operations, file_operations
 *   dentry       one name in a directory (cached)     dentry_operations (none yet)
 *   file         one open file description            file_operations
 *   vfsmount     one place a super_block is mounted
 *
 * Reference counts: dentries (d_count) pin their inode and their parent; a file pins its
 * dentry and mount; an inode with no references and no links is evicted. Locking rules are in
 * docs/vfs.md.
 */
typedef unsigned short umode_t;
typedef u32 dev_t;
typedef s64 loff_t;
typedef u32 uid_t;
typedef u32 gid_t;
typedef unsigned int fmode_t;

#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev)&MINORMASK))
#define MKDEV(ma, mi) (((dev_t)(ma) << MINORBITS) | (mi))

/* Access checks (inode_permission). */
#define MAY_EXEC 0x1
#define MAY_WRITE 0x2
#define MAY_READ 0x4
#define MAY_APPEND 0x8

/* f_mode */
#define FMODE_READ 0x1u
#define FMODE_WRITE 0x2u
#define FMODE_LSEEK 0x4u
#define FMODE_PREAD 0x8u

struct super_block;
struct dir_context;
struct inode;
struct dentry;
struct file;
struct vfsmount;
struct poll_table_struct;
struct kstatfs;
struct page;

/* ---- credentials and per-task file-system state: kernel/cred.h, kernel/fs_struct.h ---- */

/* ---- reading and writing: one interface for user and kernel buffers --------------- */

struct iov_iter {
	bool user; /* base is a user pointer: copied with copy_{to,from}_user */
	char *base; /* where the next byte goes or comes from */
	size_t count;
};

void iov_iter_kernel(struct iov_iter *i, void *buf, size_t count);
void iov_iter_user(struct iov_iter *i, void *ubuf, size_t count);
/* Copy to/from the iterator; return bytes done (short on a fault in a user buffer). */
size_t copy_to_iter(const void *src, size_t n, struct iov_iter *i);
size_t copy_from_iter(void *dst, size_t n, struct iov_iter *i);
size_t iov_iter_zero(size_t n, struct iov_iter *i);

/* ---- the page cache ------------------------------------------------------------------ */

struct address_space_operations {
	/* Fill a locked, not-uptodate page from the backing store; 0 or -errno. */
	int (*readpage)(struct file *file, struct page *page);
	/* Write a dirty page back (disk file systems later); 0 or -errno. */
	int (*writepage)(struct page *page);
};

/*
 * An inode's cached pages, by page index, in a red-black tree. A file system without a
 * backing store (tmpfs) keeps its data here and nowhere else.
 */
struct address_space {
	struct inode *host;
	struct rb_root pages;
	unsigned long nrpages;
	spinlock_t lock;
	const struct address_space_operations *a_ops;
};

/* ---- super blocks and file system types --------------------------------------------- */

#define SB_RDONLY 0x1ul

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*destroy_inode)(struct inode *inode);
	/* The last reference is gone and nlink is 0: drop the file's data. */
	void (*evict_inode)(struct inode *inode);
	void (*put_super)(struct super_block *sb);
	int (*statfs)(struct dentry *dentry, struct kstatfs *buf);
	int (*remount_fs)(struct super_block *sb, unsigned long *flags, void *data);
};

struct super_block {
	struct list_head s_list;
	dev_t s_dev;
	unsigned long s_flags;
	unsigned long s_magic;
	unsigned long s_blocksize;
	loff_t s_maxbytes;
	const struct super_operations *s_op;
	struct file_system_type *s_type;
	struct dentry *s_root;
	atomic_t s_active; /* mounts */
	spinlock_t s_inode_list_lock;
	struct list_head s_inodes;
	struct mutex s_vfs_rename_mutex; /* serialises cross-directory renames (lock_rename) */
	void *s_fs_info;
	char s_id[32];
};

struct file_system_type {
	const char *name;
	int fs_flags;
	/* Makes (or finds) a super block and returns its root dentry, referenced. */
	struct dentry *(*mount)(struct file_system_type *type, int flags, const char *dev_name,
				void *data);
	void (*kill_sb)(struct super_block *sb);
	struct file_system_type *next;
};

int register_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);

/* Helpers for file systems: a new super block with no backing device (tmpfs, procfs...). */
struct super_block *sget_nodev(struct file_system_type *type, int flags);
void kill_anon_super(struct super_block *sb);
void deactivate_super(struct super_block *sb);

/* ---- inodes ------------------------------------------------------------------------- */

struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime, ia_mtime, ia_ctime;
};

#define ATTR_MODE (1u << 0)
#define ATTR_UID (1u << 1)
#define ATTR_GID (1u << 2)
#define ATTR_SIZE (1u << 3)
#define ATTR_ATIME (1u << 4)
#define ATTR_MTIME (1u << 5)
#define ATTR_CTIME (1u << 6)

struct kstat {
	u64 ino;
	dev_t dev;
	umode_t mode;
	unsigned int nlink;
	uid_t uid;
	gid_t gid;
	dev_t rdev;
	loff_t size;
	struct timespec64 atime, mtime, ctime;
	u32 blksize;
	u64 blocks; /* 512-byte units */
};

struct kstatfs {
	long f_type;
	long f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	long f_namelen;
	long f_frsize;
	long f_flags;
};

struct inode_operations {
	/* Finds name in dir: d_add(dentry, inode or NULL for a negative entry) and NULL, or an
	 * ERR_PTR. The directory is locked. */
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry, unsigned int flags);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
	int (*link)(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *target);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		      struct dentry *new_dentry, unsigned int flags);
	/* A symlink's target (valid while the inode is referenced), or an ERR_PTR. */
	const char *(*get_link)(struct dentry *dentry, struct inode *inode);
	int (*permission)(struct inode *inode, int mask);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
	int (*getattr)(const struct path *path, struct kstat *stat);
};

struct pipe_inode_info;

struct inode {
	umode_t i_mode;
	uid_t i_uid;
	gid_t i_gid;
	unsigned int i_nlink;
	dev_t i_rdev;
	loff_t i_size;
	u64 i_blocks;
	/*
	 * i_mtime and i_ctime change under i_rwsem (notify_change, writes); i_atime under
	 * i_lock, as reads stamp it without i_rwsem (a directory's getdents holds it shared).
	 * stat and relatime's check read them unlocked, as Linux does (a racing change may be
	 * seen half done: its seconds with the old nanoseconds).
	 */
	struct timespec64 i_atime, i_mtime, i_ctime;
	unsigned long i_ino;
	unsigned long i_state;
	atomic_t i_count;
	spinlock_t i_lock; /* i_atime, open counts, a FIFO's ring pointer */
	struct rw_semaphore i_rwsem; /* a directory's namespace; a file's size and data */
	struct super_block *i_sb;
	struct list_head i_sb_list;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct address_space i_data;
	struct address_space *i_mapping;
	struct pipe_inode_info *i_pipe;
	void *i_private;
	unsigned int i_writecount; /* open for writing: files and FIFOs */
	unsigned int i_readcount;
};

#define I_NEW (1ul << 0)
#define I_FREEING (1ul << 1)
#define I_DEAD (1ul << 2) /* a removed directory: nothing may be created in it */
#define IS_DEADDIR(inode) ((inode)->i_state & I_DEAD)
#define S_IRWXUGO (S_IRWXU | S_IRWXG | S_IRWXO)
#define S_IALLUGO (S_ISUID | S_ISGID | S_ISVTX | S_IRWXUGO)

struct inode *new_inode(struct super_block *sb);
void iget(struct inode *inode);
void iput(struct inode *inode);
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
void init_special_inode(struct inode *inode, umode_t mode, dev_t dev);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void clear_nlink(struct inode *inode);
void set_nlink(struct inode *inode, unsigned int nlink);
struct timespec64 current_time(struct inode *inode);
/*
 * Lockdep subclasses of i_rwsem, as Linux's: where two inode locks nest, the outer and inner
 * one are told apart so that lockdep checks the order between them. A directory operation
 * locks the parent as I_MUTEX_PARENT and a victim inside it as I_MUTEX_NORMAL; a rename
 * locks the ancestor of its two directories as I_MUTEX_PARENT and the other as
 * I_MUTEX_CHILD, or unrelated directories as I_MUTEX_PARENT then I_MUTEX_PARENT2 (under the
 * super block's s_vfs_rename_mutex).
 */
enum inode_i_mutex_lock_class {
	I_MUTEX_NORMAL,
	I_MUTEX_PARENT,
	I_MUTEX_CHILD,
	I_MUTEX_XATTR,
	I_MUTEX_NONDIR2,
	I_MUTEX_PARENT2,
};

void inode_lock(struct inode *inode);
void inode_lock_nested(struct inode *inode, unsigned int subclass);
void inode_unlock(struct inode *inode);
/* The directories of a rename, locked ancestor first; returns that ancestor, or NULL. */
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2);
void unlock_rename(struct dentry *p1, struct dentry *p2);
unsigned long nr_inodes(void);

/* ---- dentries ----------------------------------------------------------------------- */

struct qstr {
	const char *name;
	u32 len;
	u32 hash;
};

#define DNAME_INLINE_LEN 40

struct dentry {
	struct qstr d_name;
	char d_iname[DNAME_INLINE_LEN];
	struct inode *d_inode; /* NULL: a negative entry, "name does not exist" */
	struct dentry *d_parent;
	struct super_block *d_sb;
	unsigned int d_flags;
	/*
	 * Atomic: a holder of a reference takes or drops another without dcache_lock, but the
	 * count only reaches 0 (and the LRU) or leaves it with dcache_lock held (dput, __dget).
	 */
	atomic_t d_count;
	struct hlist_node d_hash; /* in the global name hash */
	struct list_head d_child; /* in d_parent->d_subdirs */
	struct list_head d_subdirs;
	struct list_head d_lru; /* unused, cached entries */
	void *d_fsdata;
};

#define DCACHE_MOUNTED 0x1u /* something is mounted here */
#define DCACHE_UNHASHED 0x2u /* dropped from the hash: deleted or being freed */
#define DCACHE_ON_LRU 0x4u
#define DCACHE_PINNED 0x8u /* held by a file system that keeps its tree in the dcache */

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_make_root(struct inode *root_inode);
void d_add(struct dentry *dentry, struct inode *inode);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_delete(struct dentry *dentry);
void d_drop(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *target);
struct dentry *dget(struct dentry *dentry);
/* dentry's parent, referenced; read under the dcache lock, as renames change it under it. */
struct dentry *dget_parent(struct dentry *dentry);
/* The dentry's name, NUL-terminated, read under the lock renames take; its length, or
 * -ENAMETOOLONG if it does not fit in size. */
int d_name_copy(struct dentry *dentry, char *buf, size_t size);
/* Is dentry ancestor itself or below it? (Stable only while renames are excluded.) */
bool is_subdir(struct dentry *dentry, struct dentry *ancestor);
void dput(struct dentry *dentry);
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name);
/* Frees every unused cached dentry (and so their inodes); returns how many. */
unsigned long shrink_dcache_all(void);
unsigned long nr_dentries(void);
/* Inline: the path walk asks both of every component. */
static inline bool d_is_dir(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISDIR(dentry->d_inode->i_mode);
}

static inline bool d_is_symlink(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISLNK(dentry->d_inode->i_mode);
}
void qstr_hash(struct qstr *q);
/* The names' hash (FNV-1a), a byte at a time: the path walk hashes as it scans a component. */
#define DNAME_HASH_INIT 2166136261u
static inline u32 dname_hash_byte(u32 hash, unsigned char c)
{
	return (hash ^ c) * 16777619u;
}
bool d_has_positive_children(struct dentry *dentry);
void d_pin(struct dentry *dentry);
void d_unpin(struct dentry *dentry);
void d_genocide(struct dentry *root);
int dcache_readdir(struct file *file, struct dir_context *ctx);
/* The open and release of a directory read with dcache_readdir: its cursor. */
int dcache_dir_open(struct inode *inode, struct file *file);
int dcache_dir_close(struct inode *inode, struct file *file);

/* ---- mounts ------------------------------------------------------------------------- */

/* Per-mount flags (vfsmount.mnt_flags), Linux's values. */
#define MNT_NOSUID 0x01
#define MNT_NODEV 0x02
#define MNT_NOEXEC 0x04
#define MNT_NOATIME 0x08
#define MNT_NODIRATIME 0x10
#define MNT_RELATIME 0x20
#define MNT_READONLY 0x40
#define MNT_NOSYMFOLLOW 0x80
#define MNT_ATIME_MASK (MNT_NOATIME | MNT_NODIRATIME | MNT_RELATIME)
/* What mount(2) and MS_REMOUNT set and clear: the rest is the kernel's own. */
#define MNT_USER_SETTABLE_MASK                                                               \
	(MNT_NOSUID | MNT_NODEV | MNT_NOEXEC | MNT_NOATIME | MNT_NODIRATIME | MNT_RELATIME | \
	 MNT_READONLY | MNT_NOSYMFOLLOW)

/* mount(2)'s flags, Linux's values. */
#define MS_RDONLY 0x1
#define MS_NOSUID 0x2
#define MS_NODEV 0x4
#define MS_NOEXEC 0x8
#define MS_SYNCHRONOUS 0x10
#define MS_REMOUNT 0x20
#define MS_MANDLOCK 0x40
#define MS_DIRSYNC 0x80
#define MS_NOSYMFOLLOW 0x100
#define MS_NOATIME 0x400
#define MS_NODIRATIME 0x800
#define MS_BIND 0x1000
#define MS_MOVE 0x2000
#define MS_REC 0x4000
#define MS_SILENT 0x8000
#define MS_UNBINDABLE (1 << 17)
#define MS_PRIVATE (1 << 18)
#define MS_SLAVE (1 << 19)
#define MS_SHARED (1 << 20)
#define MS_RELATIME (1 << 21)
#define MS_STRICTATIME (1 << 24)
#define MS_NOUSER (1ul << 31)

#define MNT_FORCE 0x1
#define MNT_DETACH 0x2

struct vfsmount {
	struct dentry *mnt_root;
	struct super_block *mnt_sb;
	int mnt_flags;
};

struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);
int do_mount(const char *dev_name, const char *dir_name, const char *type, unsigned long flags,
	     void *data);
int do_umount(const char *dir_name, int flags);
/* Mounts allocated and not yet freed, in the tree or detached; live super blocks (for leak
 * checks). */
int nr_live_mounts(void);
int nr_super_blocks(void);
/* The mount on top of path, if any, referenced: for walking into mount points. */
struct vfsmount *lookup_mnt(const struct path *path);
bool mnt_is_readonly(const struct vfsmount *mnt);
/* noexec: nothing on the mount is run or mapped executable (Linux's path_noexec). */
bool path_noexec(const struct path *path);
/* nosuid: exec ignores the set-user-ID and set-group-ID bits of the mount's files. */
bool mnt_may_suid(const struct vfsmount *mnt);
/* The mount's id, as mountinfo and fdinfo show it; 0 for no mount (pipes, anonymous files). */
int mnt_id_of(const struct vfsmount *mnt);
/* nodev: the mount's device nodes do not open (Linux's may_open_dev). */
bool may_open_dev(const struct path *path);
/* At a mount's root: moves path to the mount point in the parent mount (false at the top). */
bool vfs_mount_up(struct path *path);
/* path's name from the caller's root, written at the end of buf: a pointer into buf, or
 * ERR_PTR(-ENAMETOOLONG). */
char *d_path(const struct path *path, char *buf, int buflen);
/* Sets the root and working directory of the current (initial) task's fs_struct. */
void set_fs_root_pwd(struct vfsmount *mnt, struct dentry *dentry);
/* Mounts the root file system and makes it the root of init's fs_struct. */
void mnt_init(void);
/* One mount as /proc/mounts and /proc/PID/mountinfo show it. */
struct mount_entry {
	int id, parent_id; /* mountinfo's ids: the root mount is its own parent */
	dev_t s_dev;
	const char *root; /* the mount's root within its file system: "/" unless a bind mount */
	const char *path; /* its mount point */
	const char *opts; /* "rw" or "ro" and the mount's flags, as /proc/mounts shows them */
	bool sb_rdonly;
	bool unbindable; /* mountinfo's optional field "unbindable" (all mounts are private) */
	const char *type, *dev;
};
typedef void (*mount_show_fn)(const struct mount_entry *e, void *arg);
int iterate_mounts(mount_show_fn show, void *arg);

void path_get(const struct path *path);
void path_put(const struct path *path);

/* ---- open files --------------------------------------------------------------------- */

struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen, loff_t pos,
			  u64 ino, unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

/* d_type values, as in struct linux_dirent64 */
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12

struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read)(struct file *file, struct iov_iter *to, loff_t *pos);
	ssize_t (*write)(struct file *file, struct iov_iter *from, loff_t *pos);
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	/* Registers with poll_wait and returns the POLL* events ready now. */
	unsigned int (*poll)(struct file *file, struct poll_table_struct *pt);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*open)(struct inode *inode, struct file *file);
	int (*flush)(struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	int (*fsync)(struct file *file, int datasync);
};

struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	atomic_long_t f_count;
	unsigned int f_flags; /* O_* as opened (O_APPEND, O_NONBLOCK may change) */
	fmode_t f_mode;
	loff_t f_pos;
	struct mutex f_pos_lock;
	struct address_space *f_mapping;
	void *private_data;
};

struct file *get_file(struct file *file);
void fput(struct file *file);

/*
 * Access times (fs/attr.c), as Linux's: a read of a file or directory, readlink, exec and
 * mmap stamp the inode's atime, unless the mount says noatime (or nodiratime for a
 * directory), the mount or its super block is read-only, or the mount is relatime (the
 * default) and the atime is already newer than mtime and ctime and less than a day old.
 */
bool atime_needs_update(const struct path *path, struct inode *inode);
void touch_atime(const struct path *path);
/* O_NOATIME (allowed to the owner and root) keeps a file's reads from stamping it. */
static inline void file_accessed(struct file *file)
{
	if (!(file->f_flags & O_NOATIME))
		touch_atime(&file->f_path);
}
unsigned long nr_files(void);

/* ---- poll --------------------------------------------------------------------------- */

typedef struct poll_table_struct {
	void (*qproc)(struct file *file, struct wait_queue_head *wq, struct poll_table_struct *pt);
} poll_table;

static inline void poll_wait(struct file *file, struct wait_queue_head *wq, poll_table *pt)
{
	if (pt && pt->qproc && wq)
		pt->qproc(file, wq, pt);
}

/* Waits until one of the files has one of its events, or timeout_ns passes (~0: forever). */
struct kpollfd {
	struct file *file;
	unsigned int events, revents;
};
int vfs_poll_wait(struct kpollfd *fds, unsigned int n, u64 timeout_ns);

/* ---- the VFS's entry points (what system calls will call) --------------------------- */

#define LOOKUP_FOLLOW 0x1u
#define LOOKUP_DIRECTORY 0x2u
#define LOOKUP_PARENT 0x10u
/* openat2's RESOLVE_* restrictions on a walk (Linux's names and meanings). */
#define LOOKUP_NO_SYMLINKS 0x010000u /* any symlink: -ELOOP */
#define LOOKUP_NO_MAGICLINKS 0x020000u /* /proc/PID/fd-style links (we have none) */
#define LOOKUP_NO_XDEV 0x040000u /* crossing a mount: -EXDEV */
#define LOOKUP_BENEATH 0x080000u /* leaving the start directory: -EXDEV */
#define LOOKUP_IN_ROOT 0x100000u /* the start directory is the root of the walk */
#define LOOKUP_RESOLVE_MASK                                                            \
	(LOOKUP_NO_SYMLINKS | LOOKUP_NO_MAGICLINKS | LOOKUP_NO_XDEV | LOOKUP_BENEATH | \
	 LOOKUP_IN_ROOT)
/* filp_open_at with a walk restricted by LOOKUP_RESOLVE_MASK flags (openat2). */
struct file *filp_open_resolve(const struct path *base, const char *name, int flags, umode_t mode,
			       unsigned int lookup);

/* Path walk from base (NULL: the task's cwd for relative paths) to path, referenced. */
int kern_path_at(const struct path *base, const char *name, unsigned int flags,
		 struct path *result);
int kern_path(const char *name, unsigned int flags, struct path *result);

struct file *filp_open_at(const struct path *base, const char *name, int flags, umode_t mode);
struct file *filp_open(const char *name, int flags, umode_t mode);
struct file *dentry_open(const struct path *path, int flags);
int filp_close(struct file *file);

ssize_t vfs_read(struct file *file, struct iov_iter *to, loff_t *pos);
ssize_t vfs_write(struct file *file, struct iov_iter *from, loff_t *pos);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
int vfs_truncate(const struct path *path, loff_t length);
int vfs_ftruncate(struct file *file, loff_t length);
int vfs_getattr(const struct path *path, struct kstat *stat);
int vfs_readdir(struct file *file, struct dir_context *ctx);
/* For a write under the inode lock: O_APPEND's position, and the cut at s_maxbytes. */
ssize_t generic_write_checks(struct file *file, struct iov_iter *from, loff_t *pos);
int vfs_fsync(struct file *file);

int do_mkdirat(const struct path *base, const char *name, umode_t mode);
int do_rmdirat(const struct path *base, const char *name);
int do_unlinkat(const struct path *base, const char *name);
int do_symlinkat(const char *target, const struct path *base, const char *name);
int do_linkat(const struct path *obase, const char *oldname, const struct path *nbase,
	      const char *newname, int flags);
int vfs_link_path(const struct path *old, const struct path *nbase, const char *newname);
int do_renameat2(const struct path *obase, const char *oldname, const struct path *nbase,
		 const char *newname, unsigned int flags);
int do_mknodat(const struct path *base, const char *name, umode_t mode, dev_t dev);
int do_readlinkat(const struct path *base, const char *name, char *buf, size_t size);
int do_chmodat(const struct path *base, const char *name, umode_t mode);
int do_chownat(const struct path *base, const char *name, uid_t uid, gid_t gid, int flags);
int do_faccessat(const struct path *base, const char *name, int mode);
/* access(2)'s checks of a path already looked up, with the caller's fs ids. */
int vfs_access(const struct path *path, int mode);
int do_statat(const struct path *base, const char *name, struct kstat *stat, int flags);
int do_chdir(const char *name);

int inode_permission(struct inode *inode, int mask);
/* The caller's fsuid owns the inode, or is root (Linux's CAP_FOWNER). */
bool inode_owner_or_capable(const struct inode *inode);
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
umode_t current_umask(void);

/* Generic file code over the page cache (fs/filemap.c), for file systems to use. */
ssize_t generic_file_read(struct file *file, struct iov_iter *to, loff_t *pos);
ssize_t generic_file_write(struct file *file, struct iov_iter *from, loff_t *pos);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
struct page *find_get_page(struct address_space *mapping, unsigned long index);
struct page *find_or_create_page(struct address_space *mapping, unsigned long index);
void truncate_inode_pages(struct address_space *mapping, loff_t from);
void address_space_init(struct address_space *mapping, struct inode *host);
unsigned long nr_pagecache_pages(void);

/* Character devices (fs/char_dev.c): a major number's file operations. */
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
void unregister_chrdev(unsigned int major);
/* The file operations of FIFOs (the pipe code's). */
const struct file_operations *fifo_file_operations(void);

void vfs_caches_init(void);

#endif /* _KERNEL_FS_H */
